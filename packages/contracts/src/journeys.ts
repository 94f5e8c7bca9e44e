import { z } from 'zod';
import { idSchema, instantSchema, int32Schema, languageSchema } from './common.js';
import { metricDaySchema, metricScaleSchema, metricSpecSchema } from './metrics.js';

/*
 * Designed journeys (docs/journeys.md): a journey of ordered stages, touchpoints placed on
 * stages in order, service-blueprint lanes per stage, personas attached to journeys, and pain
 * points and delights marked on touchpoints. Every text is the team's own words (plain text).
 */

export const journeyStatuses = ['draft', 'active', 'archived'] as const;
export const journeyStatusSchema = z.enum(journeyStatuses);
export type JourneyStatus = z.infer<typeof journeyStatusSchema>;

/** How the customer meets the touchpoint. */
export const touchpointChannels = [
  'physical',
  'web',
  'mobile',
  'phone',
  'email',
  'chat',
  'social',
  'print',
  'brand_ads',
] as const;
export const touchpointChannelSchema = z.enum(touchpointChannels);
export type TouchpointChannel = z.infer<typeof touchpointChannelSchema>;

/** Who owns the touchpoint: the company, a partner (name it), the customer, or others (reviews,
 * word of mouth). */
export const touchpointOwnerTypes = ['company', 'partner', 'customer', 'external_social'] as const;
export const touchpointOwnerTypeSchema = z.enum(touchpointOwnerTypes);
export type TouchpointOwnerType = z.infer<typeof touchpointOwnerTypeSchema>;

/** The sub-experiences (osakokemukset). */
export const subExperiences = ['brand', 'purchase', 'service', 'use'] as const;
export const subExperienceSchema = z.enum(subExperiences);
export type SubExperience = z.infer<typeof subExperienceSchema>;

/**
 * Service-blueprint lanes of a stage, top to bottom. The line of visibility runs between
 * `frontstage` and `backstage`: the customer sees what is above it.
 */
export const blueprintLanes = [
  'customerActions',
  'frontstage',
  'backstage',
  'supportProcesses',
  'physicalEvidence',
] as const;
export const blueprintLaneSchema = z.enum(blueprintLanes);
export type BlueprintLane = z.infer<typeof blueprintLaneSchema>;

export const markerKinds = ['pain', 'delight'] as const;
export const markerKindSchema = z.enum(markerKinds);
export type MarkerKind = z.infer<typeof markerKindSchema>;

export const journeyTemplates = ['chain', 'retail', 'coaching'] as const;
export const journeyTemplateSchema = z.enum(journeyTemplates);
export type JourneyTemplate = z.infer<typeof journeyTemplateSchema>;

const name = z.string().trim().min(1).max(200);
const longText = z.string().trim().max(4000);
const optionalText = z.string().trim().max(2000).nullable();
const laneItem = z.string().trim().min(1).max(500);
const listItem = z.string().trim().min(1).max(500);

// ---------------------------------------------------------------- personas

const personaFields = {
  name,
  description: longText,
  goals: z.array(listItem).max(20),
  needs: z.array(listItem).max(20),
};

export const personaSchema = z
  .object({ id: idSchema, ...personaFields, createdAt: instantSchema, updatedAt: instantSchema })
  .meta({ id: 'Persona' });
export type Persona = z.infer<typeof personaSchema>;

export const createPersonaBodySchema = z.strictObject({
  name,
  description: longText.default(''),
  goals: personaFields.goals.default([]),
  needs: personaFields.needs.default([]),
});
export type CreatePersonaBody = z.input<typeof createPersonaBodySchema>;

export const updatePersonaBodySchema = z
  .strictObject(personaFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');
export type UpdatePersonaBody = z.input<typeof updatePersonaBodySchema>;

// ---------------------------------------------------------------- journeys

export const journeySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    description: z.string(),
    status: journeyStatusSchema,
    /** The personas attached, in the order given. */
    personaIds: z.array(idSchema),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Journey' });
export type Journey = z.infer<typeof journeySchema>;

export const journeySummarySchema = journeySchema
  .extend({
    stageCount: z.number().int().min(0),
    touchpointCount: z.number().int().min(0),
  })
  .meta({ id: 'JourneySummary' });
export type JourneySummary = z.infer<typeof journeySummarySchema>;

export const createJourneyBodySchema = z.strictObject({
  name,
  description: longText.default(''),
  status: journeyStatusSchema.default('draft'),
  personaIds: z.array(idSchema).max(20).default([]),
});
export type CreateJourneyBody = z.input<typeof createJourneyBodySchema>;

export const updateJourneyBodySchema = z
  .strictObject({
    name,
    description: longText,
    status: journeyStatusSchema,
    /** Replaces the attached personas. */
    personaIds: z.array(idSchema).max(20),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');
export type UpdateJourneyBody = z.input<typeof updateJourneyBodySchema>;

export const createJourneyFromTemplateBodySchema = z.strictObject({
  template: journeyTemplateSchema,
  /** The language of the journey's texts; the workspace's default language when left out. */
  language: languageSchema.optional(),
  /** Overrides the template's name. */
  name: name.optional(),
  status: journeyStatusSchema.default('draft'),
});
export type CreateJourneyFromTemplateBody = z.input<typeof createJourneyFromTemplateBodySchema>;

export const journeyTemplateInfoSchema = z.object({
  key: journeyTemplateSchema,
  language: languageSchema,
  name: z.string(),
  description: z.string(),
  stages: z.array(z.string()),
  touchpointCount: z.number().int().min(0),
});
export type JourneyTemplateInfo = z.infer<typeof journeyTemplateInfoSchema>;

// ---------------------------------------------------------------- stages and lanes

/** Each lane's text items, in order. */
export const stageLanesSchema = z.object({
  customerActions: z.array(z.string()),
  frontstage: z.array(z.string()),
  backstage: z.array(z.string()),
  supportProcesses: z.array(z.string()),
  physicalEvidence: z.array(z.string()),
});
export type StageLanes = z.infer<typeof stageLanesSchema>;

export const stageSchema = z
  .object({
    id: idSchema,
    journeyId: idSchema,
    name: z.string(),
    description: z.string(),
    /** 0-based place in the journey. */
    position: z.number().int().min(0),
  })
  .meta({ id: 'JourneyStage' });
export type JourneyStage = z.infer<typeof stageSchema>;

export const createStageBodySchema = z.strictObject({
  name,
  description: longText.default(''),
  /** 0-based place; at the end when left out (or past the end). */
  position: int32Schema.min(0).optional(),
});
export type CreateStageBody = z.input<typeof createStageBodySchema>;

export const updateStageBodySchema = z
  .strictObject({ name, description: longText })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');
export type UpdateStageBody = z.input<typeof updateStageBodySchema>;

/** Every stage id of the journey exactly once, in the new order. */
export const reorderStagesBodySchema = z.strictObject({
  stageIds: z.array(idSchema).min(1).max(100),
});
export type ReorderStagesBody = z.input<typeof reorderStagesBodySchema>;

const laneItems = z.array(laneItem).max(30);
/** The lanes given replace their items; lanes left out stay as they are. */
export const updateLanesBodySchema = z
  .strictObject({
    customerActions: laneItems,
    frontstage: laneItems,
    backstage: laneItems,
    supportProcesses: laneItems,
    physicalEvidence: laneItems,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one lane');
export type UpdateLanesBody = z.input<typeof updateLanesBodySchema>;

// ---------------------------------------------------------------- touchpoints

const touchpointFields = {
  name,
  description: longText,
  channel: touchpointChannelSchema,
  ownerType: touchpointOwnerTypeSchema,
  /** The partner's name, when a partner owns the touchpoint (null otherwise). */
  partnerName: z.string().trim().min(1).max(200).nullable(),
  subExperience: subExperienceSchema,
  /** The team that answers for the touchpoint. */
  team: z.string().trim().max(200).nullable(),
  /** The promise made to the customer ("we answer within 24 h"). */
  promise: optionalText,
  /** The promise's time in hours, where it has one (24 for "within 24 h"). */
  promiseHours: z.number().positive().max(100_000).nullable(),
  /** What customers expect when they arrive here. */
  expectation: optionalText,
};

export const markerSchema = z
  .object({
    id: idSchema,
    touchpointId: idSchema,
    kind: markerKindSchema,
    note: z.string(),
    /** Evidence: a response of this workspace, and/or a comment (quoted text). */
    responseId: idSchema.nullable(),
    comment: z.string().nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'JourneyMarker' });
export type JourneyMarker = z.infer<typeof markerSchema>;

export const touchpointSchema = z
  .object({
    id: idSchema,
    journeyId: idSchema,
    stageId: idSchema,
    /** 0-based place within the stage. */
    position: z.number().int().min(0),
    name: z.string(),
    description: z.string(),
    channel: touchpointChannelSchema,
    ownerType: touchpointOwnerTypeSchema,
    partnerName: z.string().nullable(),
    subExperience: subExperienceSchema,
    team: z.string().nullable(),
    promise: z.string().nullable(),
    promiseHours: z.number().nullable(),
    expectation: z.string().nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Touchpoint' });
export type Touchpoint = z.infer<typeof touchpointSchema>;

const partnerRule = <T extends { ownerType?: string; partnerName?: string | null }>(
  b: T,
  ctx: z.RefinementCtx,
) => {
  if (b.ownerType !== undefined && b.ownerType !== 'partner' && b.partnerName)
    ctx.addIssue({
      code: 'custom',
      path: ['partnerName'],
      message: 'only a partner-owned touchpoint has a partner name',
    });
};

export const createTouchpointBodySchema = z
  .strictObject({
    stageId: idSchema,
    /** 0-based place within the stage; at the end when left out. */
    position: int32Schema.min(0).optional(),
    name,
    description: longText.default(''),
    channel: touchpointChannelSchema,
    ownerType: touchpointOwnerTypeSchema.default('company'),
    partnerName: touchpointFields.partnerName.default(null),
    subExperience: subExperienceSchema,
    team: touchpointFields.team.default(null),
    promise: touchpointFields.promise.default(null),
    promiseHours: touchpointFields.promiseHours.default(null),
    expectation: touchpointFields.expectation.default(null),
  })
  .superRefine(partnerRule);
export type CreateTouchpointBody = z.input<typeof createTouchpointBodySchema>;

/** Changes a touchpoint's fields (move it with `moveTouchpoint`). Setting an owner type other
 * than partner clears the partner name. */
export const updateTouchpointBodySchema = z
  .strictObject(touchpointFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field')
  .superRefine(partnerRule);
export type UpdateTouchpointBody = z.input<typeof updateTouchpointBodySchema>;

export const moveTouchpointBodySchema = z.strictObject({
  /** A stage of the same journey. */
  stageId: idSchema,
  /** 0-based place within that stage after the move; past the end means last. */
  position: int32Schema.min(0),
});
export type MoveTouchpointBody = z.input<typeof moveTouchpointBodySchema>;

// ---------------------------------------------------------------- markers

export const createMarkerBodySchema = z.strictObject({
  kind: markerKindSchema,
  note: z.string().trim().min(1).max(2000),
  responseId: idSchema.nullable().default(null),
  comment: z.string().trim().min(1).max(4000).nullable().default(null),
});
export type CreateMarkerBody = z.input<typeof createMarkerBodySchema>;

export const updateMarkerBodySchema = z
  .strictObject({
    kind: markerKindSchema,
    note: z.string().trim().min(1).max(2000),
    responseId: idSchema.nullable(),
    comment: z.string().trim().min(1).max(4000).nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');
export type UpdateMarkerBody = z.input<typeof updateMarkerBodySchema>;

// ---------------------------------------------------------------- the whole map

export const mapTouchpointSchema = touchpointSchema.extend({
  markers: z.array(markerSchema),
  /** How many surveys and survey links point at this touchpoint. */
  surveyCount: z.number().int().min(0),
  linkCount: z.number().int().min(0),
});
export type MapTouchpoint = z.infer<typeof mapTouchpointSchema>;

export const mapStageSchema = stageSchema.extend({
  lanes: stageLanesSchema,
  /** In position order. */
  touchpoints: z.array(mapTouchpointSchema),
});
export type MapStage = z.infer<typeof mapStageSchema>;

/** Everything the map draws, in one answer: stages in order with their touchpoints, lanes and
 * markers, and the attached personas. */
export const journeyMapSchema = z
  .object({
    journey: journeySchema,
    personas: z.array(personaSchema),
    stages: z.array(mapStageSchema),
  })
  .meta({ id: 'JourneyMap' });
export type JourneyMap = z.infer<typeof journeyMapSchema>;

// ---------------------------------------------------------------- live metrics

export const journeyMetricsBodySchema = z
  .strictObject({
    /** The metric, as in the metric query (kind, and surveyId/question(s) where needed). */
    metric: metricSpecSchema,
    from: metricDaySchema,
    to: metricDaySchema,
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type JourneyMetricsBody = z.input<typeof journeyMetricsBodySchema>;

const intervalSchema = z.tuple([z.number(), z.number()]).readonly().nullable();

/** One figure over a set of answers: n answered, the score (null without answers), its 95%
 * interval, and whether n is below the small-sample threshold. */
export const journeyFigureSchema = z.object({
  n: z.number().int().min(0),
  score: z.number().nullable(),
  ci95: intervalSchema,
  smallSample: z.boolean(),
});
export type JourneyFigure = z.infer<typeof journeyFigureSchema>;

export const journeyMetricsSchema = z
  .object({
    metric: metricSpecSchema,
    /** What `score` is called (nps, csat, ces, cxIndex…) and its scale. */
    scoreName: z.string(),
    scale: metricScaleSchema,
    from: metricDaySchema,
    to: metricDaySchema,
    /** Over every touchpoint of the journey: the average a card is compared with. */
    journey: journeyFigureSchema,
    /** In stage order: the journey health line. */
    stages: z.array(journeyFigureSchema.extend({ stageId: idSchema })),
    touchpoints: z.array(
      journeyFigureSchema.extend({
        touchpointId: idSchema,
        stageId: idSchema,
        /** Complete responses given at this touchpoint in the period (any survey). */
        volume: z.number().int().min(0),
        /** A target of this metric kind scoped to this touchpoint, when one exists. */
        target: z.object({ id: idSchema, name: z.string(), target: z.number() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'JourneyMetrics' });
export type JourneyMetrics = z.infer<typeof journeyMetricsSchema>;

// ---------------------------------------------------------------- routes
