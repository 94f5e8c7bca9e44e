import { z } from 'zod';
import { idSchema, instantSchema, okSchema } from './common.js';
import { metricDaySchema, metricFiltersSchema } from './metrics.js';
import { defineRoute, workspaceParams, ws } from './route-def.js';
import { emotionKeySchema, questionKeySchema } from './surveys.js';

/**
 * What every analysis counts: complete responses of one survey, answered on local days
 * `from`…`to` (inclusive), narrowed by the metric filters (touchpoints, channels, languages,
 * customer attributes). `filters.surveyIds`, when given, must include the analysed survey.
 */
const scope = {
  surveyId: idSchema,
  from: metricDaySchema.optional(),
  to: metricDaySchema.optional(),
  filters: metricFiltersSchema.default({}),
};
const fromBeforeTo = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) =>
  !q.from || !q.to || q.from <= q.to;
const fromBeforeToIssue = { message: 'from must not be after to', path: ['from'] };

const intervalSchema = z.tuple([z.number(), z.number()]).readonly().nullable();

/** Most drivers an exact LMG is run on per request (2^p regressions; 10 → 1,024). */
export const MAX_KEY_DRIVERS = 10;

export const keyDriverQuerySchema = z
  .strictObject({
    ...scope,
    /** An nps, csat, ces or rating question (the expectation question's outcome item also works). */
    outcome: questionKeySchema,
    /** nps, csat, ces, rating or expectation questions (an expectation question counts with
     * its `outcome` item: what the respondent got). */
    drivers: z.array(questionKeySchema).min(1).max(MAX_KEY_DRIVERS),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type KeyDriverQuery = z.input<typeof keyDriverQuerySchema>;

export const keyDriverResultSchema = z.object({
  surveyId: idSchema,
  outcome: z.string(),
  /** Complete cases: responses that answered the outcome and every driver (listwise deletion). */
  n: z.number().int().min(0),
  rSquared: z.number(),
  smallSample: z.boolean(),
  method: z.literal('lmg'),
  drivers: z.array(
    z.object({
      question: z.string(),
      /** Pearson r with the outcome; null when the driver or the outcome did not vary. */
      correlation: z.number().nullable(),
      /** LMG (Shapley) share of R², 0…R². */
      lmg: z.number(),
      /** 100 · lmg / R²; null when R² is 0. */
      percentOfRSquared: z.number().nullable(),
    }),
  ),
});
export type KeyDriverResult = z.infer<typeof keyDriverResultSchema>;

export const ipaCrosshairSchema = z.union([
  z.enum(['mean', 'median']),
  z.strictObject({ importance: z.number(), performance: z.number() }),
]);

export const ipaQuerySchema = z
  .strictObject({
    ...scope,
    /** 2–20 numeric questions (nps, csat, ces, rating, or expectation: its outcome item). */
    attributes: z.array(questionKeySchema).min(2).max(20),
    importance: z.discriminatedUnion('kind', [
      /** Importance = Pearson r of the attribute with an overall outcome question. */
      z.strictObject({ kind: z.literal('derived'), outcome: questionKeySchema }),
      /** Importance = mean answer to a paired "how important is…" question per attribute. */
      z.strictObject({
        kind: z.literal('stated'),
        questions: z.record(questionKeySchema, questionKeySchema),
      }),
    ]),
    /** Where the quadrants split: the mean or median of the attributes' points, or fixed values
     * (on the scales the result reports). Ties count as high. */
    crosshair: ipaCrosshairSchema.default('mean'),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type IpaQuery = z.input<typeof ipaQuerySchema>;

export const ipaQuadrants = [
  'concentrate-here',
  'keep-up-the-good-work',
  'low-priority',
  'possible-overkill',
] as const;

export const ipaResultSchema = z.object({
  surveyId: idSchema,
  importanceKind: z.enum(['derived', 'stated']),
  /** `raw` when every attribute shares one scale (means on it); `0-100` when scales differ,
   * each mean rescaled as 100 · (x̄ − min)/(max − min). Stated importance follows the same rule. */
  performanceScale: z.enum(['raw', '0-100']),
  importanceScale: z.enum(['raw', '0-100', 'correlation']),
  crosshair: z.object({ importance: z.number(), performance: z.number() }),
  crosshairRule: z.enum(['mean', 'median', 'custom']),
  attributes: z.array(
    z.object({
      question: z.string(),
      /** Null when it cannot be computed (no pairs, or no variance); such an attribute has no quadrant. */
      importance: z.number().nullable(),
      performance: z.number().nullable(),
      /** Answers behind the performance mean. */
      n: z.number().int().min(0),
      /** Answers behind the importance (pairs with the outcome, or answers to the stated question). */
      importanceN: z.number().int().min(0),
      quadrant: z.enum(ipaQuadrants).nullable(),
      smallSample: z.boolean(),
    }),
  ),
});
export type IpaResult = z.infer<typeof ipaResultSchema>;

export const expectationGapQuerySchema = z
  .strictObject(scope)
  .refine(fromBeforeTo, fromBeforeToIssue);
export type ExpectationGapQuery = z.input<typeof expectationGapQuerySchema>;

export const expectationGapResultSchema = z.object({
  surveyId: idSchema,
  /** Worst first: the most negative gap (outcome − expectation); items without pairs last. */
  items: z.array(
    z.object({
      question: z.string(),
      /** Respondents who answered both parts (pairwise complete). */
      n: z.number().int().min(0),
      gap: z.number().nullable(),
      ci95: intervalSchema,
      smallSample: z.boolean(),
    }),
  ),
  /** Mean of the item gaps (unweighted); null when no item has pairs. */
  dimensionGap: z.number().nullable(),
});
export type ExpectationGapResult = z.infer<typeof expectationGapResultSchema>;

export const kanoRules = ['mode', 'aom-vs-irq'] as const;
/**
 * The evaluation table that classifies each answer pair (docs/metrics.md): `standard` (Kano's,
 * as printed by Berger et al. 1993) or `modified` (Pouliot's, in the same paper: the same
 * answer to both questions is questionable except neutral/neutral).
 */
export const kanoTables = ['standard', 'modified'] as const;
export type KanoTableName = (typeof kanoTables)[number];
export const kanoQuerySchema = z
  .strictObject({
    ...scope,
    rule: z.enum(kanoRules).default('mode'),
    table: z.enum(kanoTables).default('standard'),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type KanoQuery = z.input<typeof kanoQuerySchema>;

const kanoCategorySchema = z.enum(['A', 'O', 'M', 'I', 'R', 'Q']);
export const kanoResultSchema = z.object({
  surveyId: idSchema,
  rule: z.enum(kanoRules),
  /** The evaluation table the answer pairs were classified by. */
  table: z.enum(kanoTables),
  features: z.array(
    z.object({
      question: z.string(),
      /** Respondents who answered both the functional and the dysfunctional question. */
      n: z.number().int().min(0),
      counts: z.record(kanoCategorySchema, z.number().int().min(0)),
      category: kanoCategorySchema.nullable(),
      /** (A + O)/(A + O + M + I); null when that is 0. */
      better: z.number().nullable(),
      /** −(O + M)/(A + O + M + I); null when that is 0. */
      worse: z.number().nullable(),
      smallSample: z.boolean(),
    }),
  ),
});
export type KanoResult = z.infer<typeof kanoResultSchema>;

export const emotionQuerySchema = z
  .strictObject({ ...scope, question: questionKeySchema })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type EmotionQuery = z.input<typeof emotionQuerySchema>;

export const emotionResultSchema = z.object({
  surveyId: idSchema,
  question: z.string(),
  /** Respondents who picked at least one feeling (the base of every share). */
  n: z.number().int().min(0),
  smallSample: z.boolean(),
  emotions: z.array(
    z.object({
      emotion: emotionKeySchema,
      /** Respondents who picked it. */
      count: z.number().int().min(0),
      /** 100 · count / n; null when n is 0. */
      percent: z.number().nullable(),
      /** Wilson 95% interval of the share, in percent. */
      ci95: intervalSchema,
      /** Mean intensity (1–5) over the pickers who gave one; null when none did. */
      meanIntensity: z.number().nullable(),
      intensityN: z.number().int().min(0),
    }),
  ),
});
export type EmotionResult = z.infer<typeof emotionResultSchema>;

export const responseRateQuerySchema = z
  .strictObject({
    /** One survey, or every survey with invitations (narrowed by `filters.surveyIds`). */
    surveyId: idSchema.optional(),
    /** Bucket by the local month the invitation was sent in, or one bucket. */
    by: z.enum(['all', 'month']).default('all'),
    /** Local days the invitation was sent on. */
    from: metricDaySchema.optional(),
    to: metricDaySchema.optional(),
    /** Only surveyIds and languages (the invitation's language) apply to invitations. */
    filters: metricFiltersSchema.default({}),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type ResponseRateQuery = z.input<typeof responseRateQuerySchema>;

export const responseRateResultSchema = z.object({
  by: z.enum(['all', 'month']),
  rows: z.array(
    z.object({
      surveyId: idSchema,
      bucket: z.string(),
      /** Invitations sent (a mail was handed to the outbox) in the bucket. */
      sent: z.number().int().min(0),
      /** Of those, invitations answered with a complete response. */
      responded: z.number().int().min(0),
      /** 100 · responded / sent; null when nothing was sent. */
      rate: z.number().nullable(),
      ci95: intervalSchema,
      method: z.literal('wilson'),
      smallSample: z.boolean(),
    }),
  ),
});
export type ResponseRateResult = z.infer<typeof responseRateResultSchema>;

// Critical incidents: categories, coding, and the stage × category table.

export const incidentCategorySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    description: z.string().nullable(),
    /** Incident answers coded into it. */
    codedCount: z.number().int().min(0),
    createdAt: instantSchema,
  })
  .meta({ id: 'IncidentCategory' });
export type IncidentCategory = z.infer<typeof incidentCategorySchema>;

export const createIncidentCategoryBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).nullable().optional(),
});
export const updateIncidentCategoryBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    description: z.string().trim().max(500).nullable().optional(),
  })
  .refine((b) => b.name !== undefined || b.description !== undefined, {
    message: 'give a name or a description',
  });

export const incidentValences = ['positive', 'negative'] as const;

export const listIncidentAnswersQuerySchema = z.strictObject({
  surveyId: idSchema,
  question: questionKeySchema,
  /** `uncoded`: only answers without a category; `coded`: only with one. */
  coding: z.enum(['all', 'uncoded', 'coded']).default('all'),
  categoryId: idSchema.optional(),
  valence: z.enum(incidentValences).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListIncidentAnswersQuery = z.input<typeof listIncidentAnswersQuerySchema>;

export const incidentAnswerSchema = z.object({
  responseId: idSchema,
  question: z.string(),
  submittedAt: instantSchema,
  what: z.string(),
  /** The journey stage's option key; null when the respondent did not place it. */
  when: z.string().nullable(),
  why: z.string().nullable(),
  valence: z.enum(incidentValences),
  categoryId: idSchema.nullable(),
  codedAt: instantSchema.nullable(),
});
export type IncidentAnswer = z.infer<typeof incidentAnswerSchema>;

export const incidentAnswerPageSchema = z.object({
  /** Uncoded first, then newest first. */
  items: z.array(incidentAnswerSchema),
  /** Answers matching the filter, over all pages. */
  total: z.number().int().min(0),
  nextOffset: z.number().int().nullable(),
});

export const codeIncidentBodySchema = z.strictObject({
  /** The category to code the answer into; null removes its coding. */
  categoryId: idSchema.nullable(),
});

export const incidentAnalysisQuerySchema = z
  .strictObject({ ...scope, question: questionKeySchema })
  .refine(fromBeforeTo, fromBeforeToIssue);
export type IncidentAnalysisQuery = z.input<typeof incidentAnalysisQuerySchema>;

export const incidentAnalysisSchema = z.object({
  surveyId: idSchema,
  question: z.string(),
  /** Incident answers counted (complete responses). */
  n: z.number().int().min(0),
  uncoded: z.number().int().min(0),
  smallSample: z.boolean(),
  /** The question's stages, in survey order, with their labels in the survey's default language. */
  stages: z.array(z.object({ key: z.string(), label: z.string() })),
  /** One cell per (stage, category) with any answers; stage null: not placed; category null: uncoded. */
  cells: z.array(
    z.object({
      stage: z.string().nullable(),
      categoryId: idSchema.nullable(),
      positive: z.number().int().min(0),
      negative: z.number().int().min(0),
    }),
  ),
});
export type IncidentAnalysis = z.infer<typeof incidentAnalysisSchema>;

const read = { kind: 'workspace', permission: 'responses.read' } as const;
const code = { kind: 'workspace', permission: 'incidents.code' } as const;
const categoryParams = workspaceParams.extend({ categoryId: idSchema });
const answerParams = workspaceParams.extend({
  responseId: idSchema,
  questionKey: questionKeySchema,
});

/** Analyses over answers (read-only POSTs take structured input) and incident coding. */
export function analysesRoutes() {
  return {
    analyzeKeyDrivers: defineRoute({
      method: 'POST',
      path: `${ws}/analyses/key-drivers`,
      summary:
        'Key drivers of an outcome question: LMG share of R² and correlation per driver, complete cases (reads only)',
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      body: keyDriverQuerySchema,
      status: 200,
      response: keyDriverResultSchema,
    }),
    analyzeImportancePerformance: defineRoute({
      method: 'POST',
      path: `${ws}/analyses/importance-performance`,
      summary:
        'Importance–performance matrix: stated or derived importance against mean performance, quadrant per attribute (reads only)',
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      body: ipaQuerySchema,
      status: 200,
      response: ipaResultSchema,
    }),
    analyzeExpectationGaps: defineRoute({
      method: 'POST',
      path: `${ws}/analyses/expectation-gaps`,
      summary:
        "Expectation gaps (outcome − expectation) of a survey's expectation questions, worst first (reads only)",
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      body: expectationGapQuerySchema,
      status: 200,
      response: expectationGapResultSchema,
    }),
    analyzeKano: defineRoute({
      method: 'POST',
      path: `${ws}/analyses/kano`,
      summary:
        "Kano categories, Better and Worse of a survey's Kano questions (Berger et al. table; reads only)",
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      body: kanoQuerySchema,
      status: 200,
      response: kanoResultSchema,
    }),
    analyzeEmotions: defineRoute({
      method: 'POST',
      path: `${ws}/analyses/emotions`,
      summary:
        'Emotion distribution of an emotion question: share of respondents per feeling with a Wilson interval, mean intensity (reads only)',
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      body: emotionQuerySchema,
      status: 200,
      response: emotionResultSchema,
    }),
    analyzeResponseRate: defineRoute({
      method: 'POST',
      path: `${ws}/analyses/response-rate`,
      summary:
        'Response rate of email invitations per survey (and month sent), with a Wilson interval (reads only)',
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      body: responseRateQuerySchema,
      status: 200,
      response: responseRateResultSchema,
    }),
    analyzeIncidents: defineRoute({
      method: 'POST',
      path: `${ws}/analyses/incidents`,
      summary:
        'Critical incidents counted per journey stage × category, positive and negative (reads only)',
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      body: incidentAnalysisQuerySchema,
      status: 200,
      response: incidentAnalysisSchema,
    }),
    listIncidentCategories: defineRoute({
      method: 'GET',
      path: `${ws}/analyses/incidents/categories`,
      summary: "The workspace's incident categories with how many answers each holds",
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      status: 200,
      response: z.object({ items: z.array(incidentCategorySchema) }),
    }),
    createIncidentCategory: defineRoute({
      method: 'POST',
      path: `${ws}/analyses/incidents/categories`,
      summary: 'Create an incident category (names are unique in the workspace, ignoring case)',
      tag: 'analyses',
      access: code,
      params: workspaceParams,
      body: createIncidentCategoryBodySchema,
      status: 201,
      response: incidentCategorySchema,
    }),
    updateIncidentCategory: defineRoute({
      method: 'PATCH',
      path: `${ws}/analyses/incidents/categories/:categoryId`,
      summary: 'Rename an incident category or change its description',
      tag: 'analyses',
      access: code,
      params: categoryParams,
      body: updateIncidentCategoryBodySchema,
      status: 200,
      response: incidentCategorySchema,
    }),
    deleteIncidentCategory: defineRoute({
      method: 'DELETE',
      path: `${ws}/analyses/incidents/categories/:categoryId`,
      summary:
        'Delete an incident category; refused while answers are coded into it (uncode or recode them first)',
      tag: 'analyses',
      access: code,
      params: categoryParams,
      status: 200,
      response: okSchema,
    }),
    listIncidentAnswers: defineRoute({
      method: 'GET',
      path: `${ws}/analyses/incidents/answers`,
      summary:
        "An incident question's answers (what, when, why, valence) with their category, uncoded first",
      tag: 'analyses',
      access: read,
      params: workspaceParams,
      query: listIncidentAnswersQuerySchema,
      status: 200,
      response: incidentAnswerPageSchema,
    }),
    codeIncidentAnswer: defineRoute({
      method: 'PUT',
      path: `${ws}/analyses/incidents/answers/:responseId/:questionKey`,
      summary: "Set (or, with null, clear) an incident answer's category",
      tag: 'analyses',
      access: code,
      params: answerParams,
      body: codeIncidentBodySchema,
      status: 200,
      response: incidentAnswerSchema,
    }),
  };
}
