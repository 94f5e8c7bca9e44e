import { z } from 'zod';
import {
  calendarDaySchema,
  idSchema,
  instantSchema,
  int32Schema,
  languageSchema,
} from './common.js';
import { emotionKeySchema, kanoAnswerSchema, linkChannels } from './surveys.js';

/**
 * An answer, in the shape its question type takes:
 * nps/csat/ces/rating/numeric → a number; goal → 'yes' | 'partly' | 'no'; single → an option key;
 * multiple → option keys; text → a string; expectation → {expectation, outcome};
 * kano → {functional, dysfunctional}; emotion → [{emotion, intensity?}];
 * incident → {what, when?, why?, valence}.
 */
export const answerValueSchema = z.union([
  z.number(),
  z.string(),
  z.array(z.string()),
  z.strictObject({ expectation: z.number(), outcome: z.number() }),
  z.strictObject({ functional: kanoAnswerSchema, dysfunctional: kanoAnswerSchema }),
  z.array(
    z.strictObject({
      emotion: emotionKeySchema,
      intensity: z.number().int().min(1).max(5).optional(),
    }),
  ),
  z.strictObject({
    what: z.string(),
    when: z.string().optional(),
    why: z.string().optional(),
    valence: z.enum(['positive', 'negative']),
  }),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** A customer attribute's key, as sent with a response (`attributes`) or imported. */
export const attributeKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and _; starts with a letter');
export const attributeValueSchema = z.string().trim().min(1).max(200);
/** Attributes known about the customer when they answered (tier, region, product…). */
export const responseAttributesSchema = z
  .record(attributeKeySchema, attributeValueSchema)
  .refine((a) => Object.keys(a).length <= 30, 'at most 30 attributes');

export const responseSources = ['page', 'widget', 'api', 'import', 'email'] as const;
export const responseStatuses = ['partial', 'complete'] as const;

/** A response sent by an integration (or the widget). The id makes a retry safe. */
export const submitResponseBodySchema = z.strictObject({
  /** The client's id for this response (UUID or any id up to 64 chars); a retry with the same id stores nothing new. */
  id: idSchema.optional(),
  surveyId: idSchema,
  /** The version answered; the latest published one when left out. */
  version: int32Schema.positive().optional(),
  linkId: idSchema.optional(),
  channel: z.enum(linkChannels).optional(),
  touchpointId: idSchema.nullable().optional(),
  language: languageSchema.optional(),
  /** When the answers were given (epoch ms); now when left out. */
  submittedAt: instantSchema.optional(),
  /** A partial response may leave required questions unanswered. */
  partial: z.boolean().default(false),
  answers: z.record(z.string(), answerValueSchema),
  /** What is known about the customer at the time (tier, region…): metrics filter and break down by these. */
  attributes: responseAttributesSchema.optional(),
  /** A test answer (made while trying the survey out): stored and listed, but left out of every metric and analysis. */
  test: z.boolean().optional(),
});
export type SubmitResponseBody = z.input<typeof submitResponseBodySchema>;

/** How many values of one attribute the pickers offer: the most common first. */
export const MAX_ATTRIBUTE_VALUES = 100;

/** The customer attribute keys responses carry, each with its values and how many responses have each. */
export const responseAttributeKeysSchema = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      /** Responses carrying the key, whatever the value. */
      count: z.number().int(),
      /** The most common values first, at most MAX_ATTRIBUTE_VALUES. */
      values: z.array(z.object({ value: z.string(), count: z.number().int() })),
      /** More values exist than are listed. */
      truncated: z.boolean(),
    }),
  ),
});
export type ResponseAttributeKeys = z.infer<typeof responseAttributeKeysSchema>;

export const MAX_BATCH = 1000;
export const submitBatchBodySchema = z.strictObject({
  responses: z.array(submitResponseBodySchema).min(1).max(MAX_BATCH),
});

export const submitResultSchema = z.object({
  id: idSchema,
  /** False when a response with this id already existed (a retry): nothing new was stored. */
  created: z.boolean(),
});
export const batchResultSchema = z.object({
  created: z.number().int(),
  duplicates: z.number().int(),
  results: z.array(submitResultSchema),
});

export const responseSchema = z
  .object({
    id: idSchema,
    surveyId: idSchema,
    surveyName: z.string(),
    version: z.number().int(),
    status: z.enum(responseStatuses),
    source: z.enum(responseSources),
    channel: z.string(),
    linkId: idSchema.nullable(),
    touchpointId: idSchema.nullable(),
    language: languageSchema,
    submittedAt: instantSchema,
    day: z.string(),
    /** A test response: out of every metric and analysis. */
    test: z.boolean(),
    answers: z.record(z.string(), answerValueSchema),
  })
  .meta({ id: 'Response' });
export type ResponseView = z.infer<typeof responseSchema>;

export const scoreBands = ['promoter', 'passive', 'detractor'] as const;
export const testResponseFilters = ['exclude', 'only'] as const;

export const listResponsesQuerySchema = z.strictObject({
  surveyId: idSchema.optional(),
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
  touchpointId: idSchema.optional(),
  channel: z.string().max(32).optional(),
  language: languageSchema.optional(),
  /** NPS band of the survey's first NPS question. */
  band: z.enum(scoreBands).optional(),
  status: z.enum(responseStatuses).optional(),
  /** Test responses are listed by default, with their flag; `exclude` leaves them out, `only` shows nothing else. */
  test: z.enum(testResponseFilters).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: idSchema.optional(),
});
export type ListResponsesQuery = z.input<typeof listResponsesQuerySchema>;
