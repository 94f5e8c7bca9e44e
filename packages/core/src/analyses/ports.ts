import type { MetricFilters } from '@polku/contracts';
import type { CrossProducts } from '../metrics/drivers.js';

/**
 * Which answers an analysis counts: complete responses only, of `surveyId`, answered on local
 * days `from`…`to`, narrowed by the metric filters. The one implementation of these rules is
 * the database's answer-scope helper; every analysis query goes through it.
 */
export interface AnswerScope {
  surveyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  filters?: MetricFilters | undefined;
}

/** One numeric variable: an answer row's question and item ('' for one-value questions). */
export interface AnswerVariable {
  questionKey: string;
  item: string;
}

/** Counts of two items of the same question answered in one response (value_num of each). */
export interface ItemPairCount {
  questionKey: string;
  first: number;
  second: number;
  count: number;
}

export interface VariableHistogramRow extends AnswerVariable {
  value: number;
  count: number;
}

export interface EmotionCounts {
  /** Responses with at least one feeling picked. */
  respondents: number;
  rows: { emotion: string; count: number; intensitySum: number; intensityN: number }[];
}

export interface InvitationCountQuery {
  surveyIds?: string[] | undefined;
  languages?: string[] | undefined;
  /** Sent at or after (epoch ms). */
  sentFrom?: number | undefined;
  /** Sent before (epoch ms). */
  sentBefore?: number | undefined;
  /** Bucket i holds invitations sent before boundaries[i] (and not an earlier bucket); the
   * last bucket, index boundaries.length, holds the rest. Empty: one bucket 0. */
  boundaries: number[];
}

export interface InvitationCountRow {
  surveyId: string;
  bucket: number;
  sent: number;
  responded: number;
}

/**
 * Counts and sums for the analyses; never rows. Every query is bounded by the number of
 * distinct value combinations (a joint histogram) or of variables, not by the number of
 * responses.
 */
export interface AnalysisRepository {
  /**
   * n, sums and cross-products of `variables` over complete cases: per response, one value
   * per variable (pivoted with GROUP BY response), kept only when all are answered, then
   * summed in SQL (one row, whatever the number of responses or of distinct values). Indices
   * follow the order of `variables`; with no complete case every figure is 0.
   */
  crossProducts(
    workspaceId: string,
    scope: AnswerScope,
    variables: AnswerVariable[],
  ): Promise<CrossProducts>;
  /** Per question, counts of (first item's value, second item's value) answered together. */
  itemPairCounts(
    workspaceId: string,
    scope: AnswerScope,
    questionKeys: string[],
    items: readonly [string, string],
  ): Promise<ItemPairCount[]>;
  /** One histogram per variable (answered values only). */
  histograms(
    workspaceId: string,
    scope: AnswerScope,
    variables: AnswerVariable[],
  ): Promise<VariableHistogramRow[]>;
  emotionCounts(
    workspaceId: string,
    scope: AnswerScope,
    questionKey: string,
  ): Promise<EmotionCounts>;
  /** First and last sending instant of the invitations the query covers; null when none. */
  invitationSentRange(
    workspaceId: string,
    query: Omit<InvitationCountQuery, 'boundaries'>,
  ): Promise<{ first: number; last: number } | null>;
  invitationCounts(workspaceId: string, query: InvitationCountQuery): Promise<InvitationCountRow[]>;
}

export interface IncidentCategoryRecord {
  workspaceId: string;
  id: string;
  name: string;
  description: string | null;
  createdAt: number;
}

export interface IncidentCodingRecord {
  workspaceId: string;
  responseId: string;
  questionKey: string;
  categoryId: string;
  codedByUserId: string | null;
  codedAt: number;
}

export interface IncidentAnswerRecord {
  responseId: string;
  questionKey: string;
  submittedAt: number;
  what: string;
  when: string | null;
  why: string | null;
  valence: 'positive' | 'negative';
  categoryId: string | null;
  codedAt: number | null;
}

export interface IncidentAnswerFilter {
  surveyId: string;
  questionKey: string;
  coding: 'all' | 'uncoded' | 'coded';
  categoryId?: string | undefined;
  valence?: 'positive' | 'negative' | undefined;
}

export interface IncidentCountRow {
  stage: string | null;
  categoryId: string | null;
  valence: 'positive' | 'negative';
  count: number;
}

export interface IncidentRepository {
  listCategories(workspaceId: string): Promise<(IncidentCategoryRecord & { codedCount: number })[]>;
  findCategory(workspaceId: string, id: string): Promise<IncidentCategoryRecord | undefined>;
  /** A category whose name equals `name` ignoring case. */
  findCategoryByName(
    workspaceId: string,
    name: string,
  ): Promise<IncidentCategoryRecord | undefined>;
  insertCategory(category: IncidentCategoryRecord): Promise<void>;
  updateCategory(
    workspaceId: string,
    id: string,
    patch: { name?: string; description?: string | null },
  ): Promise<void>;
  deleteCategory(workspaceId: string, id: string): Promise<void>;
  countCodings(workspaceId: string, categoryId: string): Promise<number>;
  findCoding(
    workspaceId: string,
    responseId: string,
    questionKey: string,
  ): Promise<IncidentCodingRecord | undefined>;
  /** Sets the answer's one category, replacing any earlier one. */
  saveCoding(coding: IncidentCodingRecord): Promise<void>;
  deleteCoding(workspaceId: string, responseId: string, questionKey: string): Promise<void>;
  /** One incident answer of a complete response, with its coding. */
  findAnswer(
    workspaceId: string,
    responseId: string,
    questionKey: string,
  ): Promise<IncidentAnswerRecord | undefined>;
  /** Uncoded first, then newest first; `total` counts every match. */
  listAnswers(
    workspaceId: string,
    filter: IncidentAnswerFilter,
    limit: number,
    offset: number,
  ): Promise<{ items: IncidentAnswerRecord[]; total: number }>;
  /** Incident answers per (stage, category, valence): uncoded answers have category null. */
  countIncidents(
    workspaceId: string,
    scope: AnswerScope,
    questionKey: string,
  ): Promise<IncidentCountRow[]>;
}
