import {
  EARLIEST_DAY,
  isMultiItemMetric,
  LATEST_DAY,
  multiItemMetrics,
  type Breakdown,
  type MetricFilters,
  type MetricKind,
  type MetricQuery,
  type MetricResult,
  type MultiItemMetric,
  type Question,
  type SurveyDefinition,
} from '@polku/contracts';
import type { SurveyRecord, SurveyRepository, WorkspaceRecord } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { loadCurrentDefinition } from '../surveys/current-definition.js';
import {
  addDays,
  bucketCount,
  bucketsBetween,
  foldIntoIsoWeeks,
  histogramsByBucket,
  isCalendarDay,
  previousBucket,
  type HistogramRow,
  type MetricBucketBy,
  type SqlBucketBy,
} from './buckets.js';
import {
  SCORE_NAMES,
  computeBucketChange,
  computeCsiBucket,
  computeCxIndexBucket,
  computeQuestionMetric,
  metricScaleOf,
  type MetricScale,
  type FigureOptions,
  type QuestionMetricBucket,
  type QuestionMetricKind,
  type QuestionMetricResult,
} from './figures.js';
import { CSAT_SCALE, CSI_ITEM_SCALE, type Histogram, type Scale } from './histogram.js';
import { DEFAULT_NPS_INTERVAL_METHOD, type NpsIntervalMethod } from './nps.js';
import { EQUAL_CSI_WEIGHTS, type CsiWeights } from './satisfaction.js';

/** One question (or one item of it) whose answers a figure counts. */
export interface CountedQuestion {
  surveyId: string;
  questionKey: string;
  /** The answer row's item ('' for one-value questions). */
  item: string;
}

/** What to count: answered values of `questions`, by bucket (and breakdown group). */
export interface CountQuery {
  questions: readonly CountedQuestion[];
  /** Inclusive local days, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  bucket: SqlBucketBy;
  filters: MetricFilters;
  breakdown?: Breakdown | undefined;
}

/** One histogram cell: in `group` and `bucket`, `count` answers to the question had `value`. */
export interface CountRow extends HistogramRow {
  /** The breakdown value; null without a breakdown, or for answers without one. */
  group: string | null;
  surveyId: string;
  questionKey: string;
  item: string;
}

/**
 * Counts answers; never loads rows. Only complete responses count, and only answered values:
 * a skipped question is in no bucket and no group. The day-level rollups answer what they can
 * (`source: 'rollup'`); filters they cannot answer fall back to the answer table.
 */
export interface MetricsRepository {
  counts(
    workspaceId: string,
    query: CountQuery,
  ): Promise<{ source: 'rollup' | 'answers'; rows: CountRow[] }>;
}

export interface QuestionMetricQuery {
  surveyId: string;
  questionKey: string;
  by?: MetricBucketBy | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** NPS questions only: the interval method (adjusted-Wald when left out). */
  interval?: NpsIntervalMethod | undefined;
}

export interface MetricQueryOptions {
  /** Count the previous period for each group's `change` (default). Callers that never show
   * that change (the journey map's many small queries) save the second count. */
  comparePrevious?: boolean;
}

/**
 * Metrics per time bucket. SQL only counts (histograms by bucket, group and question); the
 * figures come from the pure functions in this folder, with one written definition each
 * (docs/metrics.md). Only complete responses count; a skipped question is in no group and not
 * in n. Buckets without answers are left out, except `by: 'all'`, which always has its one
 * bucket (n = 0, score null when nothing was answered).
 */
export class MetricService {
  constructor(
    private readonly deps: {
      surveys: Pick<SurveyRepository, 'findById' | 'findVersion' | 'list'>;
      metrics: MetricsRepository;
    },
  ) {}

  /** One question's metric (the `polku metrics` command and GET …/metrics/question). */
  async questionMetric(
    ctx: { workspace: Pick<WorkspaceRecord, 'id'> },
    query: QuestionMetricQuery,
  ): Promise<QuestionMetricResult> {
    checkPeriod(query.from, query.to);
    const question = await this.findQuestion(ctx.workspace.id, query.surveyId, query.questionKey);
    const metric = metricScaleOf(question);
    if (!metric)
      throw new DomainError(
        'VALIDATION_FAILED',
        `The question "${question.key}" is a ${question.type} question, which has no numeric metric; ` +
          'metrics exist for nps, csat, ces, rating, numeric and goal questions.',
      );
    if (query.interval !== undefined && metric.kind !== 'nps') {
      const message = `The question "${question.key}" is a ${question.type} question; only NPS questions take an interval method.`;
      throw new DomainError('VALIDATION_FAILED', message, [
        { path: 'querystring.interval', message },
      ]);
    }
    const options: FigureOptions = { npsInterval: query.interval };
    const by = query.by ?? 'all';
    const { rows } = await this.deps.metrics.counts(ctx.workspace.id, {
      questions: [{ surveyId: query.surveyId, questionKey: question.key, item: '' }],
      from: query.from,
      to: query.to,
      bucket: by === 'week' ? 'day' : by,
      filters: {},
    });
    return {
      surveyId: query.surveyId,
      questionKey: question.key,
      questionType: metric.kind,
      scoreName: SCORE_NAMES[metric.kind],
      scale: metric.scale,
      by,
      from: query.from ?? null,
      to: query.to ?? null,
      buckets: figuresOf(metric.kind, metric.scale, by, rows, undefined, options).buckets,
    };
  }

  /**
   * A metric, filtered and optionally broken down, per bucket and for the whole period, with
   * each bucket's change against the adjacent earlier bucket.
   */
  async query(
    ctx: { workspace: Pick<WorkspaceRecord, 'id'> },
    query: MetricQuery,
    options: MetricQueryOptions = {},
  ): Promise<MetricResult> {
    const by = query.by ?? 'month';
    checkPeriod(query.from, query.to, by);
    const filters = query.filters ?? {};
    const target = await this.resolve(ctx.workspace.id, query.metric, filters);
    const figureOptions: FigureOptions = { npsInterval: query.metric.interval };
    const weights = query.metric.weights ?? EQUAL_CSI_WEIGHTS;
    const { source, rows } = await this.deps.metrics.counts(ctx.workspace.id, {
      questions: target.questions,
      from: query.from,
      to: query.to,
      bucket: by === 'week' ? 'day' : by,
      filters,
      breakdown: query.breakdown,
    });
    // The period as long just before from…to, which each group's whole period is compared with.
    const previousPeriod =
      query.from && query.to
        ? {
            from: addDays(query.from, -(daysBetween(query.from, query.to) + 1)),
            to: addDays(query.from, -1),
          }
        : null;
    const earlier =
      previousPeriod && options.comparePrevious !== false && !isMultiItemMetric(target.kind)
        ? groupRows(
            (
              await this.deps.metrics.counts(ctx.workspace.id, {
                questions: target.questions,
                ...previousPeriod,
                bucket: 'all',
                filters,
                breakdown: query.breakdown,
              })
            ).rows,
          )
        : new Map<string | null, CountRow[]>();
    const byGroup = groupRows(rows);
    if (!query.breakdown && !byGroup.has(null)) byGroup.set(null, []);
    const layout = bucketLayout(by, query.from, query.to, rows);
    const groups = [...byGroup]
      .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
      .map(([key, rowsOfGroup]) => {
        if (isMultiItemMetric(target.kind))
          return {
            key,
            label: labelOf(key),
            ...multiItemFiguresOf(target.kind, target.questions, by, rowsOfGroup, layout, weights),
            change: null,
          };
        const figures = figuresOf(
          target.kind,
          target.scale,
          by,
          rowsOfGroup,
          layout,
          figureOptions,
        );
        const before = sumHistograms(histogramsByBucket(earlier.get(key) ?? []).values());
        return {
          key,
          label: labelOf(key),
          ...figures,
          change: previousPeriod
            ? computeBucketChange(
                target.kind,
                `${previousPeriod.from}/${previousPeriod.to}`,
                before,
                sumHistograms(histogramsByBucket(bucketsOf(by, rowsOfGroup)).values()),
                figureOptions,
              )
            : null,
        };
      });
    const { kind, surveyId, question, questions } = query.metric;
    return {
      // The choices that shape the figures are named, defaults included.
      metric: {
        kind,
        surveyId,
        question,
        questions,
        ...((kind === 'nps' || kind === 'enps') && {
          interval: query.metric.interval ?? DEFAULT_NPS_INTERVAL_METHOD,
        }),
        ...(kind === 'csi' && { weights: [...weights] as [number, number, number] }),
      },
      scoreName: target.scoreName,
      scale: target.scale,
      by,
      from: query.from ?? null,
      to: query.to ?? null,
      questions: target.questions.map(({ surveyId: s, questionKey }) => ({
        surveyId: s,
        questionKey,
      })),
      previousPeriod,
      source,
      groups,
    };

    function labelOf(key: string | null): string | null {
      return query.breakdown?.by === 'survey' && key !== null
        ? (target.surveyNames.get(key) ?? null)
        : null;
    }
  }

  /** Which questions a metric counts, checked against the surveys' published definitions. */
  private async resolve(
    workspaceId: string,
    metric: MetricQuery['metric'],
    filters: MetricFilters,
  ): Promise<ResolvedMetric> {
    if (isMultiItemMetric(metric.kind)) {
      const kind = metric.kind;
      const { scale, label, scoreName } = MULTI_ITEM[kind];
      const surveyId = metric.surveyId!;
      const counted: CountedQuestion[] = [];
      for (const [i, key] of metric.questions!.entries()) {
        const q = await this.findQuestion(workspaceId, surveyId, key);
        const itemScale = metricScaleOf(q)?.scale;
        if (!itemScale || itemScale.min !== scale.min || itemScale.max !== scale.max)
          throw new DomainError(
            'VALIDATION_FAILED',
            `The ${label}'s ${multiItemMetrics[kind][i]} item must be a question on ${scale.min}–${scale.max}; "${key}" is not.`,
          );
        counted.push({ surveyId, questionKey: key, item: '' });
      }
      const survey = await this.deps.surveys.findById(workspaceId, surveyId);
      return {
        kind,
        scale,
        scoreName,
        questions: counted,
        surveyNames: new Map([[surveyId, survey?.name ?? surveyId]]),
      };
    }
    const wanted = questionKindOf(metric.kind);
    if (metric.surveyId !== undefined && metric.question !== undefined) {
      const q = await this.findQuestion(workspaceId, metric.surveyId, metric.question);
      const scaled = metricScaleOf(q);
      if (!scaled || scaled.kind !== wanted)
        throw new DomainError(
          'VALIDATION_FAILED',
          `The question "${q.key}" is a ${q.type} question; ${metric.kind} counts ${wanted} questions.`,
        );
      const survey = await this.deps.surveys.findById(workspaceId, metric.surveyId);
      if (metric.kind === 'enps' && survey?.purpose !== 'employee')
        throw new DomainError(
          'VALIDATION_FAILED',
          'eNPS counts NPS questions of employee surveys; this survey is not one.',
        );
      return {
        kind: scaled.kind,
        scale: scaled.scale,
        scoreName: metric.kind === 'enps' ? 'enps' : SCORE_NAMES[scaled.kind],
        questions: [{ surveyId: metric.surveyId, questionKey: q.key, item: '' }],
        surveyNames: new Map([[metric.surveyId, survey?.name ?? metric.surveyId]]),
      };
    }
    if (wanted === 'rating' || wanted === 'numeric' || wanted === 'goal')
      throw new DomainError('VALIDATION_FAILED', `${metric.kind} needs a survey and a question.`);
    // Every question of the kind in the surveys the metric and filters allow.
    const allowed = metric.surveyId !== undefined ? [metric.surveyId] : filters.surveyIds;
    const surveys = (await this.deps.surveys.list(workspaceId)).filter(
      (s) =>
        (allowed === undefined || allowed.includes(s.id)) &&
        (metric.kind === 'enps'
          ? s.purpose === 'employee'
          : s.purpose !== 'employee' || wanted !== 'nps'),
    );
    if (metric.surveyId !== undefined && surveys.length === 0)
      throw new DomainError('NOT_FOUND', `No survey ${metric.surveyId}.`);
    const questions: CountedQuestion[] = [];
    for (const survey of surveys) {
      const definition = await this.definitionOf(survey);
      if (!definition) continue;
      for (const q of definition.questions)
        if (metricScaleOf(q)?.kind === wanted)
          questions.push({ surveyId: survey.id, questionKey: q.key, item: '' });
    }
    const scale = wanted === 'nps' ? { min: 0, max: 10 } : metricScaleFor(wanted);
    return {
      kind: wanted,
      scale,
      scoreName: metric.kind === 'enps' ? 'enps' : SCORE_NAMES[wanted],
      questions,
      surveyNames: new Map(surveys.map((s) => [s.id, s.name])),
    };
  }

  /** The survey's latest published definition; undefined if never published (no answers). */
  private async definitionOf(survey: SurveyRecord): Promise<SurveyDefinition | undefined> {
    if (survey.publishedVersion === null) return undefined;
    const version = await this.deps.surveys.findVersion(
      survey.workspaceId,
      survey.id,
      survey.publishedVersion,
    );
    return version?.definition;
  }

  /** The question in the survey's latest published version (the draft if never published). */
  private async findQuestion(
    workspaceId: string,
    surveyId: string,
    questionKey: string,
  ): Promise<Question> {
    const definition = await loadCurrentDefinition(this.deps.surveys, workspaceId, surveyId);
    const question = definition.questions.find((q) => q.key === questionKey);
    if (!question)
      throw new DomainError('NOT_FOUND', `The survey has no question "${questionKey}".`);
    return question;
  }
}

/** The three-question indices: the items' scale, a name for errors, what `score` is called. */
const MULTI_ITEM: Record<MultiItemMetric, { scale: Scale; label: string; scoreName: string }> = {
  cx_index: { scale: CSAT_SCALE, label: 'CX index', scoreName: 'cxIndex' },
  csi: { scale: CSI_ITEM_SCALE, label: 'CSI', scoreName: 'csi' },
};

interface ResolvedMetric {
  kind: QuestionMetricKind | MultiItemMetric;
  scale: MetricScale;
  scoreName: string;
  questions: CountedQuestion[];
  surveyNames: Map<string, string>;
}

/** The question type a single-question metric kind counts. */
function questionKindOf(kind: Exclude<MetricKind, MultiItemMetric>): QuestionMetricKind {
  return kind === 'enps' ? 'nps' : kind;
}

function metricScaleFor(kind: 'csat' | 'ces'): Scale {
  return kind === 'csat' ? CSAT_SCALE : { min: 1, max: 7 };
}

/**
 * Refuses a period the metric cannot be laid out over: a day that is not a calendar day from
 * 1970-01-01 to 9999-12-31, `from` after `to`, or (when the buckets are laid out, `by` given)
 * more buckets than {@link MAX_BUCKETS}, which would otherwise be cut short without a word.
 */
function checkPeriod(from: string | undefined, to: string | undefined, by?: MetricBucketBy): void {
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (day !== undefined && !(isCalendarDay(day) && day >= EARLIEST_DAY && day <= LATEST_DAY))
      throw new DomainError(
        'VALIDATION_FAILED',
        `${name}: write a day from ${EARLIEST_DAY} to ${LATEST_DAY} as YYYY-MM-DD`,
      );
  if (from && to && from > to)
    throw new DomainError('VALIDATION_FAILED', 'from must not be after to');
  if (from && to && by) {
    const buckets = bucketCount(from, to, by);
    if (buckets > MAX_BUCKETS)
      throw new DomainError(
        'PERIOD_TOO_LONG',
        `${from} to ${to} holds ${buckets} buckets by ${by}; at most ${MAX_BUCKETS} are laid out. Choose a longer bucket or a shorter period.`,
        { by, buckets, max: MAX_BUCKETS },
      );
  }
}

function groupRows(rows: readonly CountRow[]): Map<string | null, CountRow[]> {
  const byGroup = new Map<string | null, CountRow[]>();
  for (const row of rows) {
    const list = byGroup.get(row.group);
    if (list) list.push(row);
    else byGroup.set(row.group, [row]);
  }
  return byGroup;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * At most this many buckets are laid out (about 13 years by day): a longer explicit period is
 * refused (PERIOD_TOO_LONG); without both ends, buckets further back than this from the last
 * answered one are listed only when they have answers.
 */
const MAX_BUCKETS = 5000;

/**
 * The buckets every group lists, in order, answered or not: an empty bucket is shown as "no
 * answers" (n = 0, score null), never left out so that a chart joins its neighbours across
 * it. From the period's first to last bucket when both ends are given; otherwise from the
 * first to the last bucket any group has answers in.
 */
function bucketLayout(
  by: MetricBucketBy,
  from: string | undefined,
  to: string | undefined,
  rows: readonly CountRow[],
): string[] {
  if (by === 'all') return ['all'];
  if (from && to) return bucketsBetween(from, to, by, MAX_BUCKETS);
  const present = [...new Set(bucketsOf(by, rows).map((r) => r.bucket))].sort();
  const first = present[0];
  const last = present[present.length - 1];
  if (first === undefined || last === undefined) return [];
  const out = [last];
  while (out[out.length - 1]! > first && out.length < MAX_BUCKETS)
    out.push(previousBucket(out[out.length - 1]!, by)!);
  return out.reverse();
}

function bucketsOf(by: MetricBucketBy, rows: readonly CountRow[]): CountRow[] {
  return by === 'week' ? foldIntoIsoWeeks(rows) : [...rows];
}

function sumHistograms(histograms: Iterable<Histogram>): Histogram {
  const total = new Map<number, number>();
  for (const h of histograms) for (const [v, c] of h) total.set(v, (total.get(v) ?? 0) + c);
  return total;
}

/** Per-bucket figures with changes, and the whole period's, of pooled questions. */
function figuresOf(
  kind: QuestionMetricKind,
  scale: MetricScale,
  by: MetricBucketBy,
  rows: readonly CountRow[],
  layout?: readonly string[],
  options: FigureOptions = {},
): { buckets: QuestionMetricBucket[]; total: QuestionMetricBucket } {
  const histograms = histogramsByBucket(bucketsOf(by, rows));
  const names = layout
    ? [...new Set([...layout, ...histograms.keys()])].sort()
    : by === 'all'
      ? ['all']
      : [...histograms.keys()];
  const buckets = names.map((bucket) => {
    const h = histograms.get(bucket) ?? new Map<number, number>();
    const figure = computeQuestionMetric(kind, scale, bucket, h, options);
    const previous = previousBucket(bucket, by);
    const earlier = previous === null ? undefined : histograms.get(previous);
    return {
      ...figure,
      change:
        previous !== null && earlier
          ? computeBucketChange(kind, previous, earlier, h, options)
          : null,
    };
  });
  const total = computeQuestionMetric(
    kind,
    scale,
    'total',
    sumHistograms(histograms.values()),
    options,
  );
  return { buckets, total };
}

/** Per-bucket figures of a three-question index (CX index, CSI) and the whole period's. */
function multiItemFiguresOf(
  kind: MultiItemMetric,
  questions: readonly CountedQuestion[],
  by: MetricBucketBy,
  rows: readonly CountRow[],
  layout: readonly string[],
  weights: CsiWeights,
): { buckets: QuestionMetricBucket[]; total: QuestionMetricBucket } {
  const perItem = questions.map((q) =>
    histogramsByBucket(
      bucketsOf(
        by,
        rows.filter((r) => r.questionKey === q.questionKey),
      ),
    ),
  );
  const bucketNames = [...new Set([...layout, ...perItem.flatMap((m) => [...m.keys()])])].sort();
  const figureOf = (bucket: string, pick: (m: Map<string, Histogram>) => Histogram) => {
    const [first, second, third] = perItem.map(pick) as [Histogram, Histogram, Histogram];
    return kind === 'cx_index'
      ? computeCxIndexBucket(bucket, { effectiveness: first, ease: second, emotion: third })
      : computeCsiBucket(
          bucket,
          {
            overallSatisfaction: first,
            expectationDisconfirmation: second,
            comparisonToIdeal: third,
          },
          weights,
        );
  };
  const buckets = bucketNames.map((bucket) => ({
    ...figureOf(bucket, (m) => m.get(bucket) ?? new Map()),
    change: null,
  }));
  const total = figureOf('total', (m) => sumHistograms(m.values()));
  return { buckets, total };
}
