import { z } from 'zod';
import { calendarDaySchema, idSchema, languageSchema } from './common.js';
import { defineRoute, workspaceParams, ws } from './route-def.js';
import { attributeKeySchema, attributeValueSchema } from './responses.js';
import { questionKeySchema } from './surveys.js';

export const metricBuckets = ['day', 'week', 'month', 'quarter', 'year', 'all'] as const;
export const metricBucketSchema = z.enum(metricBuckets);
export type MetricBucket = z.infer<typeof metricBucketSchema>;

/** A local calendar day in the workspace's time zone (1970-01-01 to 9999-12-31). */
export const metricDaySchema = calendarDaySchema;

/**
 * How an NPS interval is computed (docs/metrics.md): `adjusted-wald` (the default: it adds ¾
 * promoter, 1½ passive and ¾ detractor before the Wald formula) or plain `wald`
 * (NPS ± 1.96·SE, the form most published NPS margins use).
 */
export const npsIntervalMethods = ['adjusted-wald', 'wald'] as const;
export const npsIntervalMethodSchema = z.enum(npsIntervalMethods);
export type NpsIntervalMethodName = z.infer<typeof npsIntervalMethodSchema>;

export const questionMetricQuerySchema = z
  .strictObject({
    surveyId: idSchema,
    question: questionKeySchema,
    by: metricBucketSchema.default('all'),
    from: metricDaySchema.optional(),
    to: metricDaySchema.optional(),
    /** NPS questions only: the interval method (adjusted-Wald when left out). */
    interval: npsIntervalMethodSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type QuestionMetricQuery = z.infer<typeof questionMetricQuerySchema>;

/** The answers' range; a bound is null where a numeric question sets none. */
export const metricScaleSchema = z.object({
  min: z.number().nullable(),
  max: z.number().nullable(),
});

const intervalSchema = z.tuple([z.number(), z.number()]).readonly().nullable();

/** A figure's change against an earlier one, with its significance test (docs/metrics.md). */
export const bucketChangeSchema = z.object({
  /** The earlier bucket's name, or `from/to` days of the earlier period. */
  previous: z.string(),
  /** Later minus earlier, in the metric's units. */
  difference: z.number(),
  pValue: z.number().nullable(),
  /** p < 0.05, two-sided. */
  significant: z.boolean(),
  smallSample: z.boolean(),
  test: z.enum(['nps-z', 'two-proportion-z', 'welch-t']),
});
export type BucketChange = z.infer<typeof bucketChangeSchema>;

/**
 * How much of a bucket its figure covers (docs/metrics.md, "Incomplete periods"): `complete`
 * when the whole bucket is counted and it has ended; `inProgress` when today (in the
 * workspace's zone) is in it, so answers are still to come; `partial` when it has ended but
 * the period's from or to leaves some of its days out; `future` when it begins after today.
 */
export const bucketCoverageSchema = z.object({
  state: z.enum(['complete', 'inProgress', 'partial', 'future']),
  /** Its days the figure covers: inside from…to and not after today. */
  days: z.number().int().min(0),
  /** All its days: 7 for a week, 28–31 for a month … (for a whole period, from…to). */
  ofDays: z.number().int().min(1),
});
export type BucketCoverage = z.infer<typeof bucketCoverageSchema>;

/** One bucket's figure; `counts` depend on the question type (see docs/metrics.md). */
export const questionMetricBucketSchema = z.object({
  bucket: z.string(),
  /** Answered questions only: a skipped question is in no group and not in n. */
  n: z.number().int().min(0),
  /** nps: promoters/passives/detractors; csat: satisfied/neutral/dissatisfied; ces:
   * easy/neutral/difficult; rating: one count per value; goal: yes/partly/no; numeric: none
   * (its answers are any number in range: n, mean and variance describe them). */
  counts: z.record(z.string(), z.number().int().min(0)),
  score: z.number().nullable(),
  ci95: intervalSchema,
  /** How ci95 was computed; `conservative-wald` (CX index, CSI) combines the items' normal
   * margins as if perfectly correlated: never too narrow, whatever the items' correlation. */
  method: z.enum(['adjusted-wald', 'wald', 'wilson', 't', 'conservative-wald']),
  smallSample: z.boolean(),
  mean: z.number().nullable().optional(),
  /** CES, ratings and numeric questions: the answers' sample variance (n − 1), for Welch's
   * test of a change. */
  variance: z.number().nullable().optional(),
  easyPercent: z.number().nullable().optional(),
  easyCi95: intervalSchema.optional(),
  csi: z.number().nullable().optional(),
  /** Against the adjacent earlier bucket (previous day, week, month…); an incomplete bucket
   * against the same days of the bucket before (`previous` then names them, `from/to`), and a
   * day in progress against none. Null when either has no answers or the metric has no test
   * (CX index); absent on whole-period totals. */
  change: bucketChangeSchema.nullable().optional(),
  /** On every time bucket; on a whole period (`all`, totals) when both from and to are given. */
  coverage: bucketCoverageSchema.optional(),
});
export type QuestionMetricBucket = z.infer<typeof questionMetricBucketSchema>;

export const questionMetricSchema = z.object({
  surveyId: idSchema,
  questionKey: z.string(),
  questionType: z.enum(['nps', 'csat', 'ces', 'rating', 'numeric', 'goal']),
  /** What `score` is called: nps, csat, ces (the mean), mean (ratings and numeric questions),
   * goalReached (% yes). */
  scoreName: z.string(),
  scale: metricScaleSchema,
  by: metricBucketSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  buckets: z.array(questionMetricBucketSchema),
});
export type QuestionMetric = z.infer<typeof questionMetricSchema>;

/**
 * Which answers a figure counts. Every condition narrows (AND); the values inside one condition
 * widen (OR). Later issues add conditions (segments) without changing the existing ones.
 */
export const metricFiltersSchema = z.strictObject({
  surveyIds: z.array(idSchema).min(1).max(100).optional(),
  /** `null` stands for answers given at no touchpoint. */
  touchpointIds: z.array(idSchema.nullable()).min(1).max(200).optional(),
  channels: z.array(z.string().min(1).max(16)).min(1).max(20).optional(),
  languages: z.array(languageSchema).min(1).optional(),
  attributes: z
    .array(
      z.strictObject({
        key: attributeKeySchema,
        values: z.array(attributeValueSchema).min(1).max(100),
      }),
    )
    .max(10)
    .optional(),
});
export type MetricFilters = z.infer<typeof metricFiltersSchema>;

export const breakdownDimensions = [
  'survey',
  'touchpoint',
  'channel',
  'language',
  'attribute',
] as const;
export const breakdownSchema = z
  .strictObject({
    by: z.enum(breakdownDimensions),
    /** The attribute's key when `by` is `attribute`. */
    key: attributeKeySchema.optional(),
  })
  .refine((b) => (b.by === 'attribute') === (b.key !== undefined), {
    message: 'key is given exactly when breaking down by attribute',
    path: ['key'],
  });
export type Breakdown = z.infer<typeof breakdownSchema>;

/**
 * What figure to compute:
 * - `nps`, `csat`, `ces`: one question (`surveyId` + `question`), or every question of that type
 *   in the surveys the filters allow (NPS leaves employee surveys out);
 * - `enps`: NPS questions of employee surveys (or one such question);
 * - `rating`, `numeric` (the mean of a numeric question), `goal`: one question;
 * - `cx_index`: the open-form CX index of three 5-point questions of one survey, in the order
 *   effectiveness, ease, emotion;
 * - `csi`: the three-item satisfaction index of three 1–10 questions of one survey, in the order
 *   overall satisfaction, expectation disconfirmation, comparison to ideal.
 */
export const metricKinds = [
  'nps',
  'enps',
  'csat',
  'ces',
  'rating',
  'numeric',
  'goal',
  'cx_index',
  'csi',
] as const;
export const metricKindSchema = z.enum(metricKinds);
export type MetricKind = z.infer<typeof metricKindSchema>;

/** Indices of three questions of one survey (`questions`), with their items in order. */
export const multiItemMetrics = {
  cx_index: ['effectiveness', 'ease', 'emotion'],
  csi: ['overallSatisfaction', 'expectationDisconfirmation', 'comparisonToIdeal'],
} as const satisfies Partial<Record<MetricKind, readonly [string, string, string]>>;
export type MultiItemMetric = keyof typeof multiItemMetrics;
export const isMultiItemMetric = (kind: MetricKind): kind is MultiItemMetric =>
  kind in multiItemMetrics;

/** Metrics of exactly one question (they never pool questions across surveys). */
export const isOneQuestionMetric = (kind: MetricKind): boolean =>
  kind === 'rating' || kind === 'numeric' || kind === 'goal';

/** How far three CSI weights' sum may be from 1 (weights copied to four decimals pass). */
export const CSI_WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * Why three CSI weights are unusable, or null when they are fine: each must be a positive
 * finite number and together they must sum to 1 (± {@link CSI_WEIGHT_SUM_TOLERANCE}). The one
 * rule the API and the metric engine both apply.
 * @example describeCsiWeightProblem([0.3885, 0.319, 0.2925]) // null
 * @example describeCsiWeightProblem([0.5, 0.5, 0.5]) // 'the three weights must sum to 1; these sum to 1.5'
 */
export function describeCsiWeightProblem(weights: readonly number[]): string | null {
  if (weights.length !== 3) return 'give exactly three weights, one per item';
  if (!weights.every((w) => Number.isFinite(w) && w > 0))
    return 'each weight must be a positive number';
  const sum = weights[0]! + weights[1]! + weights[2]!;
  if (Math.abs(sum - 1) > CSI_WEIGHT_SUM_TOLERANCE)
    return `the three weights must sum to 1; these sum to ${Number(sum.toPrecision(12))}`;
  return null;
}

const csiWeightSchema = z.number().positive('each weight must be a positive number');

/** The CSI items' weights, in the items' order (overall satisfaction, expectation
 * disconfirmation, comparison to ideal): ACSI-style, e.g. [0.3885, 0.3190, 0.2925]. */
export const csiWeightsSchema = z
  .tuple([csiWeightSchema, csiWeightSchema, csiWeightSchema])
  .superRefine((weights, ctx) => {
    const problem = describeCsiWeightProblem(weights);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const metricSpecSchema = z
  .strictObject({
    kind: metricKindSchema,
    surveyId: idSchema.optional(),
    question: questionKeySchema.optional(),
    questions: z.tuple([questionKeySchema, questionKeySchema, questionKeySchema]).optional(),
    /** nps and enps: the interval method of every cell (adjusted-Wald when left out). */
    interval: npsIntervalMethodSchema.optional(),
    /** csi: the items' weights, three positive numbers summing to 1 (equal when left out). */
    weights: csiWeightsSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.question !== undefined && m.surveyId === undefined)
      ctx.addIssue({ code: 'custom', path: ['surveyId'], message: 'a question needs its survey' });
    if (isOneQuestionMetric(m.kind) && m.question === undefined)
      ctx.addIssue({ code: 'custom', path: ['question'], message: `${m.kind} needs a question` });
    if (isMultiItemMetric(m.kind) && (m.questions === undefined || m.surveyId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['questions'],
        message: `${m.kind} needs surveyId and three questions: ${multiItemMetrics[m.kind].join(', ')}`,
      });
    if (!isMultiItemMetric(m.kind) && m.questions !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['questions'],
        message: 'only cx_index and csi take questions',
      });
    if (m.interval !== undefined && m.kind !== 'nps' && m.kind !== 'enps')
      ctx.addIssue({
        code: 'custom',
        path: ['interval'],
        message: `only nps and enps take an interval method; ${m.kind} has one method`,
      });
    if (m.weights !== undefined && m.kind !== 'csi')
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'only csi takes weights' });
  });
export type MetricSpec = z.infer<typeof metricSpecSchema>;

export const metricQuerySchema = z
  .strictObject({
    metric: metricSpecSchema,
    by: metricBucketSchema.default('month'),
    from: metricDaySchema.optional(),
    to: metricDaySchema.optional(),
    filters: metricFiltersSchema.default({}),
    breakdown: breakdownSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type MetricQuery = z.input<typeof metricQuerySchema>;

export const metricGroupSchema = z.object({
  /** The breakdown value (a survey id, touchpoint id, channel, language or attribute value);
   * null for answers without one (no touchpoint), and for the one group of an unbroken query. */
  key: z.string().nullable(),
  /** A display name where the server knows one (survey names). */
  label: z.string().nullable(),
  buckets: z.array(questionMetricBucketSchema),
  /** The whole period of the group. */
  total: questionMetricBucketSchema,
  /** The whole period against `previousPeriod` (as long, just before it); null without both
   * ends of the period, when either has no answers, or for the three-question indices. */
  change: bucketChangeSchema.nullable(),
});
export type MetricGroup = z.infer<typeof metricGroupSchema>;

export const metricResultSchema = z.object({
  metric: z.object({
    kind: metricKindSchema,
    surveyId: idSchema.optional(),
    question: z.string().optional(),
    questions: z.array(z.string()).optional(),
    /** nps and enps: the interval method used (the default named too). */
    interval: npsIntervalMethodSchema.optional(),
    /** csi: the weights used (the equal default named too). */
    weights: z.tuple([z.number(), z.number(), z.number()]).optional(),
  }),
  /** What `score` is called: nps, enps, csat, ces, mean, goalReached, cxIndex, csi. */
  scoreName: z.string(),
  scale: metricScaleSchema,
  by: metricBucketSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The questions counted, so a reader can check what the figure covers. */
  questions: z.array(z.object({ surveyId: idSchema, questionKey: z.string() })),
  /** The period as long as from…to just before it, which each group's `change` compares with. */
  previousPeriod: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** `rollup` when day-level rollups answered; `answers` when the filters needed the answer table. */
  source: z.enum(['rollup', 'answers']),
  /** Test responses (made while trying a survey out) that answered these questions in the
   * period and filters: never counted, and said so beside the figures. */
  testResponsesExcluded: z.number().int().nonnegative(),
  groups: z.array(metricGroupSchema),
});
export type MetricResult = z.infer<typeof metricResultSchema>;

/** Metrics computed from histograms of answers (the understanding area). */
export function metricsRoutes() {
  return {
    getQuestionMetric: defineRoute({
      method: 'GET',
      path: `${ws}/metrics/question`,
      summary:
        "A question's metric (NPS, CSAT, CES, rating or numeric mean, goal reached) per time bucket, with n, counts and a 95% interval",
      tag: 'metrics',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      query: questionMetricQuerySchema,
      status: 200,
      response: questionMetricSchema,
    }),
    queryMetric: defineRoute({
      method: 'POST',
      path: `${ws}/metrics/query`,
      summary:
        'A metric per time bucket, filtered and broken down, with n, counts and a 95% interval in every cell (reads only)',
      tag: 'metrics',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      body: metricQuerySchema,
      status: 200,
      response: metricResultSchema,
    }),
  };
}
