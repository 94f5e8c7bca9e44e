import { z } from 'zod';
import { idSchema } from './common.js';
import { defineRoute, workspaceParams, ws } from './route-def.js';
import { questionKeySchema } from './surveys.js';

export const metricBuckets = ['day', 'week', 'month', 'quarter', 'year', 'all'] as const;
export const metricBucketSchema = z.enum(metricBuckets);
export type MetricBucket = z.infer<typeof metricBucketSchema>;

/** A local calendar day in the workspace's time zone. */
export const metricDaySchema = z.iso.date();

export const questionMetricQuerySchema = z
  .object({
    surveyId: idSchema,
    question: questionKeySchema,
    by: metricBucketSchema.default('all'),
    from: metricDaySchema.optional(),
    to: metricDaySchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type QuestionMetricQuery = z.infer<typeof questionMetricQuerySchema>;

const intervalSchema = z.tuple([z.number(), z.number()]).readonly().nullable();

/** One bucket's figure; `counts` depend on the question type (see docs/metrics.md). */
export const questionMetricBucketSchema = z.object({
  bucket: z.string(),
  /** Answered questions only: a skipped question is in no group and not in n. */
  n: z.number().int().min(0),
  /** nps: promoters/passives/detractors; csat: satisfied/neutral/dissatisfied; ces:
   * easy/neutral/difficult; rating: one count per value; goal: yes/partly/no. */
  counts: z.record(z.string(), z.number().int().min(0)),
  score: z.number().nullable(),
  ci95: intervalSchema,
  method: z.enum(['adjusted-wald', 'wald', 'wilson', 't']),
  smallSample: z.boolean(),
  mean: z.number().nullable().optional(),
  easyPercent: z.number().nullable().optional(),
  easyCi95: intervalSchema.optional(),
  csi: z.number().nullable().optional(),
});
export type QuestionMetricBucket = z.infer<typeof questionMetricBucketSchema>;

export const questionMetricSchema = z.object({
  surveyId: idSchema,
  questionKey: z.string(),
  questionType: z.enum(['nps', 'csat', 'ces', 'rating', 'goal']),
  /** What `score` is called: nps, csat, ces (the mean), mean (ratings), goalReached (% yes). */
  scoreName: z.string(),
  scale: z.object({ min: z.number(), max: z.number() }),
  by: metricBucketSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  buckets: z.array(questionMetricBucketSchema),
});
export type QuestionMetric = z.infer<typeof questionMetricSchema>;

/** Metrics computed from histograms of answers (the understanding area). */
export function metricsRoutes() {
  return {
    getQuestionMetric: defineRoute({
      method: 'GET',
      path: `${ws}/metrics/question`,
      summary:
        "A question's metric (NPS, CSAT, CES, rating mean, goal reached) per time bucket, with n, counts and a 95% interval",
      tag: 'metrics',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      query: questionMetricQuerySchema,
      status: 200,
      response: questionMetricSchema,
    }),
  };
}
