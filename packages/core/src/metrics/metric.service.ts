import type { Question, SurveyDefinition } from '@polku/contracts';
import type { SurveyRepository, WorkspaceRecord } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { computeStudentTQuantile } from './distributions.js';
import {
  CES_SCALE,
  CSAT_SCALE,
  NPS_SCALE,
  computeWilsonInterval,
  countAnswers,
  isSmallSample,
  summarizeHistogram,
  type Histogram,
  type Interval,
  type Scale,
} from './histogram.js';
import { computeNps } from './nps.js';
import { computeCes, computeCsat, computeSingleItemCsi } from './satisfaction.js';

/** How answers are grouped in time: by the response's local day in the workspace's zone. */
export type MetricBucketBy = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all';
/** The buckets SQL groups by; ISO weeks are folded from days in TypeScript ({@link isoWeekOf}). */
export type SqlBucketBy = Exclude<MetricBucketBy, 'week'>;

export interface HistogramQuery {
  surveyId: string;
  questionKey: string;
  /** The answer row's item ('' for one-value questions). */
  item?: string | undefined;
  /** Inclusive local days, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  bucket: SqlBucketBy;
}

/** One histogram cell: in `bucket`, `count` answers had `value`. */
export interface HistogramRow {
  bucket: string;
  value: number;
  count: number;
}

/**
 * Counts answers; never loads rows. Only complete responses count, and only answered values
 * (`value_num IS NOT NULL`): a skipped question is in no bucket and no group.
 */
export interface MetricsRepository {
  histogram(workspaceId: string, query: HistogramQuery): Promise<HistogramRow[]>;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The ISO 8601 week of a local calendar day: weeks start on Monday and week 1 holds the
 * year's first Thursday, so the week's year can differ from the day's year near New Year.
 * @example isoWeekOf('2026-01-01') // '2026-W01'; isoWeekOf('2027-01-01') // '2026-W53'
 */
export function isoWeekOf(day: string): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of the same week
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Per-day rows folded into ISO-week rows (summing counts of the same week and value). */
export function foldIntoIsoWeeks(rows: readonly HistogramRow[]): HistogramRow[] {
  const cells = new Map<string, HistogramRow>();
  for (const row of rows) {
    const bucket = isoWeekOf(row.bucket);
    const key = `${bucket}\u0000${row.value}`;
    const cell = cells.get(key);
    if (cell) cell.count += row.count;
    else cells.set(key, { bucket, value: row.value, count: row.count });
  }
  return [...cells.values()];
}

/** Rows grouped into one histogram per bucket, buckets in ascending order. */
export function histogramsByBucket(rows: readonly HistogramRow[]): Map<string, Histogram> {
  const out = new Map<string, Map<number, number>>();
  for (const row of [...rows].sort((a, b) =>
    a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0,
  )) {
    let h = out.get(row.bucket);
    if (!h) out.set(row.bucket, (h = new Map<number, number>()));
    h.set(row.value, (h.get(row.value) ?? 0) + row.count);
  }
  return out;
}

/** Which figure a question type yields. */
export type QuestionMetricKind = 'nps' | 'csat' | 'ces' | 'rating' | 'goal';

/** The figure of one bucket. `counts` depend on the metric (see {@link computeQuestionMetric}). */
export interface QuestionMetricBucket {
  bucket: string;
  /** Answered questions in the bucket (skipped ones are not in n). */
  n: number;
  counts: Record<string, number>;
  /** The headline figure (NPS, CSAT %, CES mean, rating mean, % goal reached); null when n = 0. */
  score: number | null;
  ci95: Interval | null;
  method: 'adjusted-wald' | 'wald' | 'wilson' | 't';
  smallSample: boolean;
  /** The mean answer, shown beside CSAT, CES and ratings. */
  mean?: number | null;
  /** CES: % easy (5–7) with its Wilson interval. */
  easyPercent?: number | null;
  easyCi95?: Interval | null;
  /** Rating: the one-item satisfaction index (x̄ − 1)/(k − 1)·100. */
  csi?: number | null;
}

export interface QuestionMetricResult {
  surveyId: string;
  questionKey: string;
  questionType: QuestionMetricKind;
  /** The name of `score` as printed (`nps`, `csat`, `ces`, `mean`, `goalReached`). */
  scoreName: string;
  scale: Scale;
  by: MetricBucketBy;
  from: string | null;
  to: string | null;
  buckets: QuestionMetricBucket[];
}

export const SCORE_NAMES: Record<QuestionMetricKind, string> = {
  nps: 'nps',
  csat: 'csat',
  ces: 'ces',
  rating: 'mean',
  goal: 'goalReached',
};

/** Question types that have a numeric metric, with their scales. */
export function metricScaleOf(
  question: Question,
): { kind: QuestionMetricKind; scale: Scale } | null {
  switch (question.type) {
    case 'nps':
      return { kind: 'nps', scale: NPS_SCALE };
    case 'csat':
      return { kind: 'csat', scale: CSAT_SCALE };
    case 'ces':
      return { kind: 'ces', scale: CES_SCALE };
    case 'rating':
      return { kind: 'rating', scale: { min: 1, max: question.points } };
    case 'goal':
      // Stored as yes 1, partly 0.5, no 0.
      return { kind: 'goal', scale: { min: 0, max: 1 } };
    default:
      return null;
  }
}

function meanWithT(histogram: Histogram): {
  n: number;
  mean: number | null;
  ci95: Interval | null;
} {
  const { n, mean, variance } = summarizeHistogram(histogram);
  if (mean === null || variance === null) return { n, mean, ci95: null };
  const half = computeStudentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return { n, mean, ci95: [mean - half, mean + half] };
}

const percent = (i: Interval | null): Interval | null => (i ? [100 * i[0], 100 * i[1]] : null);

/**
 * The figure of one bucket's histogram, with the one written definition of each metric
 * (docs/metrics.md):
 * - nps: counts promoters/passives/detractors, score NPS, adjusted-Wald interval;
 * - csat: counts satisfied (4–5)/neutral (3)/dissatisfied (1–2), score top-2-box %, Wilson;
 * - ces: counts easy (5–7)/neutral (4)/difficult (1–3), score the mean with a t interval,
 *   beside it % easy with a Wilson interval;
 * - rating (1..k): counts per value, score the mean with a t interval, beside it the one-item CSI;
 * - goal: counts yes/partly/no, score % yes ("partly" is not yes), Wilson interval.
 */
export function computeQuestionMetric(
  kind: QuestionMetricKind,
  scale: Scale,
  bucket: string,
  histogram: Histogram,
): QuestionMetricBucket {
  switch (kind) {
    case 'nps': {
      const r = computeNps(histogram);
      return {
        bucket,
        n: r.n,
        counts: { promoters: r.promoters, passives: r.passives, detractors: r.detractors },
        score: r.nps,
        ci95: r.ci95,
        method: r.method,
        smallSample: r.smallSample,
      };
    }
    case 'csat': {
      const r = computeCsat(histogram);
      return {
        bucket,
        n: r.n,
        counts: {
          satisfied: r.satisfied,
          neutral: countAnswers(histogram, (v) => v === 3),
          dissatisfied: countAnswers(histogram, (v) => v <= 2),
        },
        score: r.csat,
        ci95: r.ci95,
        method: r.method,
        smallSample: r.smallSample,
        mean: r.mean,
      };
    }
    case 'ces': {
      const r = computeCes(histogram);
      return {
        bucket,
        n: r.n,
        counts: {
          easy: r.easy,
          neutral: countAnswers(histogram, (v) => v === 4),
          difficult: countAnswers(histogram, (v) => v <= 3),
        },
        score: r.mean,
        ci95: r.ci95,
        method: r.method,
        smallSample: r.smallSample,
        mean: r.mean,
        easyPercent: r.easyPercent,
        easyCi95: r.easyCi95,
      };
    }
    case 'rating': {
      const csi = computeSingleItemCsi(histogram, scale); // also checks the scale
      const r = meanWithT(histogram);
      const counts: Record<string, number> = {};
      for (let v = scale.min; v <= scale.max; v++) counts[String(v)] = histogram.get(v) ?? 0;
      return {
        bucket,
        n: r.n,
        counts,
        score: r.mean,
        ci95: r.ci95,
        method: 't',
        smallSample: isSmallSample(r.n),
        mean: r.mean,
        csi,
      };
    }
    case 'goal': {
      for (const value of histogram.keys())
        if (value !== 0 && value !== 0.5 && value !== 1)
          throw new DomainError('VALIDATION_FAILED', `goal: unexpected stored value ${value}`);
      const yes = histogram.get(1) ?? 0;
      const partly = histogram.get(0.5) ?? 0;
      const no = histogram.get(0) ?? 0;
      const n = yes + partly + no;
      return {
        bucket,
        n,
        counts: { yes, partly, no },
        score: n > 0 ? (100 * yes) / n : null,
        ci95: percent(computeWilsonInterval(yes, n)),
        method: 'wilson',
        smallSample: isSmallSample(n),
      };
    }
  }
}

export interface QuestionMetricQuery {
  surveyId: string;
  questionKey: string;
  by?: MetricBucketBy | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * A question's metric per time bucket. SQL only counts (one histogram per bucket); the
 * figures come from the pure functions in this folder. Only complete responses count; a
 * skipped question is in no group and not in n. Buckets without answers are left out, except
 * `by: 'all'`, which always has its one bucket (n = 0, score null when nothing was answered).
 */
export class MetricService {
  constructor(
    private readonly deps: {
      surveys: Pick<SurveyRepository, 'findById' | 'findVersion'>;
      metrics: MetricsRepository;
    },
  ) {}

  async questionMetric(
    ctx: { workspace: Pick<WorkspaceRecord, 'id'> },
    query: QuestionMetricQuery,
  ): Promise<QuestionMetricResult> {
    const by = query.by ?? 'all';
    for (const [name, day] of [
      ['from', query.from],
      ['to', query.to],
    ] as const)
      if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))))
        throw new DomainError('VALIDATION_FAILED', `${name}: write a day as YYYY-MM-DD`);
    if (query.from && query.to && query.from > query.to)
      throw new DomainError('VALIDATION_FAILED', 'from must not be after to');

    const question = await this.findQuestion(ctx.workspace.id, query.surveyId, query.questionKey);
    const metric = metricScaleOf(question);
    if (!metric)
      throw new DomainError(
        'VALIDATION_FAILED',
        `The question "${question.key}" is a ${question.type} question, which has no numeric metric; ` +
          'metrics exist for nps, csat, ces, rating and goal questions.',
      );

    const rows = await this.deps.metrics.histogram(ctx.workspace.id, {
      surveyId: query.surveyId,
      questionKey: question.key,
      item: '',
      from: query.from,
      to: query.to,
      bucket: by === 'week' ? 'day' : by,
    });
    const histograms = histogramsByBucket(by === 'week' ? foldIntoIsoWeeks(rows) : rows);
    if (by === 'all' && !histograms.has('all')) histograms.set('all', new Map());
    return {
      surveyId: query.surveyId,
      questionKey: question.key,
      questionType: metric.kind,
      scoreName: SCORE_NAMES[metric.kind],
      scale: metric.scale,
      by,
      from: query.from ?? null,
      to: query.to ?? null,
      buckets: [...histograms].map(([bucket, h]) =>
        computeQuestionMetric(metric.kind, metric.scale, bucket, h),
      ),
    };
  }

  /** The question in the survey's latest published version (the draft if never published). */
  private async findQuestion(
    workspaceId: string,
    surveyId: string,
    questionKey: string,
  ): Promise<Question> {
    const survey = await this.deps.surveys.findById(workspaceId, surveyId);
    if (!survey) throw new DomainError('NOT_FOUND', `No survey ${surveyId}.`);
    let definition: SurveyDefinition = survey.draft;
    if (survey.publishedVersion !== null) {
      const version = await this.deps.surveys.findVersion(
        workspaceId,
        surveyId,
        survey.publishedVersion,
      );
      if (version) definition = version.definition;
    }
    const question = definition.questions.find((q) => q.key === questionKey);
    if (!question)
      throw new DomainError('NOT_FOUND', `The survey has no question "${questionKey}".`);
    return question;
  }
}
