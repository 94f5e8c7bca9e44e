import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';
import { metricDaySchema } from './metrics.js';
import { scoreBands } from './responses.js';
import { defineRoute, workspaceParams, ws } from './route-def.js';
import { pageSchema } from './workspaces.js';

/** The customer's reference in the company's own systems (customer number, email hash…). */
export const customerRefSchema = z.string().trim().min(1).max(200);

/**
 * What happened, as a short key: purchase, visit, contact, delivery, complaint, renewal… Free
 * text, lower-cased on the way in so `Purchase` and `purchase` are one type.
 */
export const eventTypeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}_.-]*$/u, 'letters, digits, _ . and -; no spaces');

/** One customer event as sent by an integration or read from an import row. */
export const recordEventBodySchema = z.strictObject({
  /**
   * The client's id for this event (any id up to 64 characters): a retry with the same id
   * stores nothing new. Without one the server makes an id, and a retry stores the event twice.
   */
  id: idSchema.optional(),
  customerRef: customerRefSchema,
  type: eventTypeSchema,
  /** Where on the journey it happened; null or left out when at no touchpoint. */
  touchpointId: idSchema.nullable().optional(),
  /** When it happened (epoch ms); now when left out. */
  occurredAt: instantSchema.optional(),
  /** A number that goes with the event (the purchase's sum, say); its unit is the company's. */
  value: z.number().finite().nullable().optional(),
});
export type RecordEventBody = z.input<typeof recordEventBodySchema>;
export type RecordEventInput = z.output<typeof recordEventBodySchema>;

export const MAX_EVENT_BATCH = 1000;
export const recordEventBatchBodySchema = z.strictObject({
  events: z.array(recordEventBodySchema).min(1).max(MAX_EVENT_BATCH),
});

export const eventResultSchema = z.object({
  id: idSchema,
  /** False when an event with this id already existed (a retry): nothing new was stored. */
  created: z.boolean(),
});
export const eventBatchResultSchema = z.object({
  created: z.number().int(),
  duplicates: z.number().int(),
  results: z.array(eventResultSchema),
});
export type EventBatchResult = z.infer<typeof eventBatchResultSchema>;

export const customerEventSchema = z
  .object({
    id: idSchema,
    customerRef: z.string(),
    type: z.string(),
    touchpointId: idSchema.nullable(),
    occurredAt: instantSchema,
    /** The local day in the workspace's time zone. */
    day: z.string(),
    value: z.number().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'CustomerEvent' });
export type CustomerEvent = z.infer<typeof customerEventSchema>;

export const listEventsQuerySchema = z
  .strictObject({
    customerRef: customerRefSchema.optional(),
    type: eventTypeSchema.optional(),
    from: metricDaySchema.optional(),
    to: metricDaySchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The id of the last event seen: the page after it (newest first). */
    before: idSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type ListEventsQuery = z.input<typeof listEventsQuerySchema>;

/** Steps drawn in the flow chart before the rest are gathered into "more steps". */
export const DEFAULT_FLOW_STEPS = 6;

export const observedFlowQuerySchema = z
  .strictObject({
    /** Local days, inclusive, in the workspace's time zone. Everything when left out. */
    from: metricDaySchema.optional(),
    to: metricDaySchema.optional(),
    /** Only events of these types (responses are not typed: `includeResponses` decides them). */
    eventTypes: z.array(eventTypeSchema).min(1).max(20).optional(),
    /** Whether survey responses at a touchpoint are steps of the sequences too. */
    includeResponses: z.boolean().default(true),
    /**
     * Only customers whose latest NPS answer in the period falls in the band (promoters 9–10,
     * passives 7–8, detractors 0–6): on the NPS questions of `surveyId`, or of every survey.
     */
    outcome: z.strictObject({ band: z.enum(scoreBands), surveyId: idSchema.optional() }).optional(),
    /**
     * The designed journey's order: touchpoint id → stage index (0 first). With it each
     * transition is classified (forward, skips stages, back, within a stage, repeat).
     */
    stageOrder: z
      .record(idSchema, z.number().int().min(0).max(1000))
      .refine((o) => Object.keys(o).length <= 500, 'at most 500 touchpoints')
      .optional(),
    /** How many steps the flow chart shows (2–10). */
    maxSteps: z.number().int().min(2).max(10).default(DEFAULT_FLOW_STEPS),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type ObservedFlowQuery = z.input<typeof observedFlowQuerySchema>;

/**
 * - `repeat`: the same touchpoint twice in a row;
 * - `forward`: to the next stage; `skip`: forward past one or more stages (`skipped` says how
 *   many); `within`: another touchpoint of the same stage; `back`: to an earlier stage;
 * - `unknown`: no stage order was given, or it does not place both touchpoints.
 */
export const transitionKinds = ['repeat', 'forward', 'skip', 'within', 'back', 'unknown'] as const;
export type TransitionKind = (typeof transitionKinds)[number];

export const flowNodeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start') }),
  /** A touchpoint as the `step`-th (1-based) touch of a sequence. */
  z.object({ kind: z.literal('touchpoint'), step: z.number().int(), touchpointId: idSchema }),
  /** The sequence ended (the customer's last touch in the period). */
  z.object({ kind: z.literal('end') }),
  /** The sequence goes on past the steps drawn. */
  z.object({ kind: z.literal('more') }),
]);
export type FlowNode = z.infer<typeof flowNodeSchema>;

export const observedFlowSchema = z
  .object({
    /** Sequences (customers, and responses without a customer reference) in the flow. */
    customers: z.number().int(),
    /** The names of the flow's touchpoints in the journey model, by id. */
    touchpointNames: z.record(z.string(), z.string()),
    /** Touches (events and responses at a touchpoint) in those sequences. */
    touches: z.number().int(),
    touchpoints: z.array(
      z.object({
        touchpointId: idSchema,
        touches: z.number().int(),
        /** Sequences whose first touch was here. */
        starts: z.number().int(),
        /** Sequences whose last touch in the period was here. */
        dropOffs: z.number().int(),
        /** The stage index from the request's stageOrder, if given there. */
        stage: z.number().int().nullable(),
      }),
    ),
    transitions: z.array(
      z.object({
        from: idSchema,
        to: idSchema,
        count: z.number().int(),
        kind: z.enum(transitionKinds),
        /** Stages passed over by a `skip`; 0 otherwise, null when the order is unknown. */
        skipped: z.number().int().nullable(),
      }),
    ),
    summary: z.object({
      transitions: z.number().int(),
      repeats: z.number().int(),
      jumpsBack: z.number().int(),
      skips: z.number().int(),
    }),
    /** The step-by-step flow for a Sankey chart: acyclic, as touches are numbered by step. */
    flow: z.object({
      maxSteps: z.number().int(),
      links: z.array(
        z.object({ source: flowNodeSchema, target: flowNodeSchema, count: z.number().int() }),
      ),
    }),
  })
  .meta({ id: 'ObservedFlow' });
export type ObservedFlow = z.infer<typeof observedFlowSchema>;

/** Customer events and the observed flow between touchpoints. */
export function eventsRoutes() {
  return {
    recordEvent: defineRoute({
      method: 'POST',
      path: `${ws}/events`,
      summary:
        'Store one customer event; 2xx means it is committed, and a retry with the same id stores nothing new',
      tag: 'events',
      access: { kind: 'workspace', permission: 'events.write' },
      params: workspaceParams,
      body: recordEventBodySchema,
      status: 201,
      response: eventResultSchema,
    }),
    recordEventBatch: defineRoute({
      method: 'POST',
      path: `${ws}/events/batch`,
      summary: `Store up to ${MAX_EVENT_BATCH} customer events in one transaction: all or none`,
      tag: 'events',
      access: { kind: 'workspace', permission: 'events.write' },
      params: workspaceParams,
      body: recordEventBatchBodySchema,
      status: 201,
      response: eventBatchResultSchema,
    }),
    listEvents: defineRoute({
      method: 'GET',
      path: `${ws}/events`,
      summary: 'Customer events, newest first, filtered by customer, type and period',
      tag: 'events',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      query: listEventsQuerySchema,
      status: 200,
      response: pageSchema(customerEventSchema),
    }),
    queryObservedFlow: defineRoute({
      method: 'POST',
      path: `${ws}/journeys/observed-flow`,
      summary:
        'The paths customers took between touchpoints (events and responses): transitions, starts, drop-offs and a step-by-step flow (read-only)',
      tag: 'events',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      body: observedFlowQuerySchema,
      status: 200,
      response: observedFlowSchema,
    }),
  } as const;
}
