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
import { localDay, type Clock } from '../shared/time.js';
import { loadCurrentDefinition } from '../surveys/current-definition.js';
import {
  MAX_BUCKETS,
  bucketLayout,
  bucketsOf,
  figuresOf,
  groupRows,
  multiItemFiguresOf,
  sameDaysOf,
  sameDaysRanges,
  sumHistograms,
  type CountRow,
  type TimeFrame,
} from './bucket-figures.js';
import {
  addDays,
  bucketCount,
  countDays,
  histogramsByBucket,
  isCalendarDay,
  type MetricBucketBy,
  type SqlBucketBy,
} from './buckets.js';
import {
  SCORE_NAMES,
  computeBucketChange,
  metricScaleOf,
  type FigureOptions,
  type MetricScale,
  type QuestionMetricKind,
  type QuestionMetricResult,
} from './figures.js';
import { CSAT_SCALE, CSI_ITEM_SCALE, type Scale } from './histogram.js';
import { DEFAULT_NPS_INTERVAL_METHOD, type NpsIntervalMethod } from './nps.js';
import { EQUAL_CSI_WEIGHTS } from './satisfaction.js';

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
  /** How many test responses answered the questions in the period and filters: they are in
   * no figure, and the reader is told how many were left out. */
  testResponses(
    workspaceId: string,
    query: Omit<CountQuery, 'bucket' | 'breakdown'>,
  ): Promise<number>;
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

/** What a metric is computed for: the workspace (whose zone says what day today is). */
export interface MetricContext {
  workspace: Pick<WorkspaceRecord, 'id' | 'timeZone'>;
}

/**
 * Metrics per time bucket. SQL only counts (histograms by bucket, group and question); the
 * figures come from the pure functions in this folder, with one written definition each
 * (docs/metrics.md). Only complete responses count; a skipped question is in no group and not
 * in n. Buckets without answers are left out, except `by: 'all'`, which always has its one
 * bucket (n = 0, score null when nothing was answered). Every time bucket says how much of
 * it is covered (the current one is in progress), and an incomplete bucket is compared with
 * the same days of the bucket before.
 */
export class MetricService {
  constructor(
    private readonly deps: {
      surveys: Pick<SurveyRepository, 'findById' | 'findVersion' | 'list'>;
      metrics: MetricsRepository;
      /** Today (in the workspace's zone) decides which bucket is still in progress. */
      clock: Clock;
    },
  ) {}

  /** One question's metric (the `polku metrics` command and GET …/metrics/question). */
  async questionMetric(
    ctx: MetricContext,
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
    const frame = this.frameOf(ctx, by, query);
    const counted = {
      questions: [{ surveyId: query.surveyId, questionKey: question.key, item: '' }],
      filters: {},
    };
    const { rows } = await this.deps.metrics.counts(ctx.workspace.id, {
      ...counted,
      from: query.from,
      to: query.to,
      bucket: by === 'week' ? 'day' : by,
    });
    const buckets = [...new Set(bucketsOf(by, rows).map((r) => r.bucket))];
    const sameDays = await this.countSameDays(ctx.workspace.id, counted, frame, buckets);
    return {
      surveyId: query.surveyId,
      questionKey: question.key,
      questionType: metric.kind,
      scoreName: SCORE_NAMES[metric.kind],
      scale: metric.scale,
      by,
      from: query.from ?? null,
      to: query.to ?? null,
      buckets: figuresOf(metric.kind, metric.scale, frame, rows, {
        sameDays: sameDaysOf(sameDays.ranges, sameDays.counted, null),
        figure: options,
      }).buckets,
    };
  }

  /**
   * A metric, filtered and optionally broken down, per bucket and for the whole period, with
   * each bucket's change against the adjacent earlier bucket.
   */
  async query(
    ctx: MetricContext,
    query: MetricQuery,
    options: MetricQueryOptions = {},
  ): Promise<MetricResult> {
    const by = query.by ?? 'month';
    checkPeriod(query.from, query.to, by);
    const frame = this.frameOf(ctx, by, query);
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
            from: addDays(query.from, -countDays(query.from, query.to)),
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
    const testResponses = await this.deps.metrics.testResponses(ctx.workspace.id, {
      questions: target.questions,
      from: query.from,
      to: query.to,
      filters,
    });
    const byGroup = groupRows(rows);
    if (!query.breakdown && !byGroup.has(null)) byGroup.set(null, []);
    const layout = bucketLayout(by, query.from, query.to, rows);
    const sameDays = isMultiItemMetric(target.kind)
      ? { ranges: new Map(), counted: new Map() }
      : await this.countSameDays(
          ctx.workspace.id,
          { questions: target.questions, filters, breakdown: query.breakdown },
          frame,
          layout,
        );
    const groups = [...byGroup]
      .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
      .map(([key, rowsOfGroup]) => {
        if (isMultiItemMetric(target.kind))
          return {
            key,
            label: labelOf(key),
            ...multiItemFiguresOf(
              target.kind,
              target.questions.map((q) => q.questionKey),
              frame,
              rowsOfGroup,
              layout,
              weights,
            ),
            change: null,
          };
        const figures = figuresOf(target.kind, target.scale, frame, rowsOfGroup, {
          layout,
          sameDays: sameDaysOf(sameDays.ranges, sameDays.counted, key),
          figure: figureOptions,
        });
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
      testResponsesExcluded: testResponses,
      groups,
    };

    function labelOf(key: string | null): string | null {
      return query.breakdown?.by === 'survey' && key !== null
        ? (target.surveyNames.get(key) ?? null)
        : null;
    }
  }

  /** The bucketing, the period and the workspace's today, which the figures are placed in. */
  private frameOf(
    ctx: MetricContext,
    by: MetricBucketBy,
    period: { from?: string | undefined; to?: string | undefined },
  ): TimeFrame {
    return {
      by,
      period: { from: period.from, to: period.to },
      today: localDay(this.deps.clock.now(), ctx.workspace.timeZone),
    };
  }

  /**
   * Counts the same days of the bucket before for each incomplete bucket (the current month so
   * far, a week cut by the period), so its change compares like with like: one count each, of
   * the whole range, per breakdown group.
   */
  private async countSameDays(
    workspaceId: string,
    count: Pick<CountQuery, 'questions' | 'filters' | 'breakdown'>,
    frame: TimeFrame,
    buckets: readonly string[],
  ) {
    const ranges = sameDaysRanges(frame, buckets);
    const counted = new Map<string, Map<string | null, CountRow[]>>();
    for (const [bucket, range] of ranges) {
      const { rows } = await this.deps.metrics.counts(workspaceId, {
        ...count,
        ...range,
        bucket: 'all',
      });
      counted.set(bucket, groupRows(rows));
    }
    return { ranges, counted };
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
