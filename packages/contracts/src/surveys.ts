import { z } from 'zod';
import { idSchema, instantSchema, languageSchema, languages, type Language } from './common.js';

/** A text in each language the survey offers (missing languages are caught at publish). */
export const localizedTextSchema = z.partialRecord(languageSchema, z.string().max(2000));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A question's stable key within its survey: what analytics, imports and the API refer to. */
export const questionKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and _; starts with a letter');

/** The feelings a respondent can pick (the emotional footprint, tunnejälki). */
export const emotionKeys = [
  'happy',
  'grateful',
  'relieved',
  'surprised',
  'calm',
  'confused',
  'frustrated',
  'angry',
  'disappointed',
  'worried',
] as const;
export const emotionKeySchema = z.enum(emotionKeys);
export type EmotionKey = z.infer<typeof emotionKeySchema>;

/** Kano answers, in the order of the Berger et al. evaluation table. */
export const kanoAnswers = ['like', 'must_be', 'neutral', 'live_with', 'dislike'] as const;
export const kanoAnswerSchema = z.enum(kanoAnswers);

export const goalAnswers = ['yes', 'partly', 'no'] as const;

/** Show a question only when an earlier answer meets the condition (skip and branch logic). */
export const conditionSchema = z.strictObject({
  key: questionKeySchema,
  op: z.enum(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'answered', 'not_answered']),
  value: z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]).optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

const optionSchema = z.strictObject({ key: questionKeySchema, label: localizedTextSchema });

/**
 * The largest magnitude of a numeric answer, and of a numeric question's min and max. With at
 * most {@link MAX_NUMERIC_DECIMALS} decimals that is at most 13 significant digits, which the
 * stored double keeps exactly: the decimal written reads back as written, on both dialects.
 */
export const NUMERIC_LIMIT = 1_000_000_000;
/** The most decimals a numeric question may ask for (cents need 2, grams of a kilo 3). */
export const MAX_NUMERIC_DECIMALS = 4;

/**
 * How many decimals a number has, written in the shortest form that reads back as the same
 * number (what JSON and `String` write): 12 → 0, 0.1 → 1, 2.50 → 1 (it is 2.5), 1e-7 → 7.
 */
export function countDecimals(x: number): number {
  const [digits = '', exponent = '0'] = String(Math.abs(x)).split('e');
  const fraction = digits.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** The lowest and highest point of a rating question: 1…points, or 0…points − 1. */
export function ratingScale(q: {
  points: number;
  scaleStart?: 0 | 1 | undefined;
}): [number, number] {
  const start = q.scaleStart ?? 1;
  return [start, start + q.points - 1];
}

/** The range a numeric question's answers must lie in: its min and max, else ±{@link NUMERIC_LIMIT}. */
export function numericRange(q: {
  min?: number | undefined;
  max?: number | undefined;
}): [number, number] {
  return [q.min ?? -NUMERIC_LIMIT, q.max ?? NUMERIC_LIMIT];
}

const numericBoundSchema = z.number().min(-NUMERIC_LIMIT).max(NUMERIC_LIMIT);

const base = {
  key: questionKeySchema,
  text: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  showIf: z.array(conditionSchema).max(10).optional(),
  /** Start a new page before this question (respondent pages show one page at a time). */
  newPage: z.boolean().optional(),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('nps') }),
  z.strictObject({ ...base, type: z.literal('csat') }),
  z.strictObject({ ...base, type: z.literal('ces') }),
  z.strictObject({
    ...base,
    type: z.literal('rating'),
    /** How many points the scale has: 2–11. */
    points: z.number().int().min(2).max(11),
    /** The lowest point: 1 when left out, or 0 (11 points from 0 run 0–10). */
    scaleStart: z.union([z.literal(0), z.literal(1)]).optional(),
    lowLabel: localizedTextSchema.optional(),
    highLabel: localizedTextSchema.optional(),
  }),
  z
    .strictObject({
      ...base,
      /** Any number within optional bounds: an order's value, minutes waited, age. */
      type: z.literal('numeric'),
      /** Shown after the field, per language: "€", "min", "vuotta" / "år" / "years". */
      unit: z.partialRecord(languageSchema, z.string().max(20)).optional(),
      min: numericBoundSchema.optional(),
      max: numericBoundSchema.optional(),
      /** How many decimals an answer may have; 0 asks for a whole number. */
      decimals: z.number().int().min(0).max(MAX_NUMERIC_DECIMALS).default(0),
    })
    .superRefine((q, ctx) => {
      if (q.min !== undefined && q.max !== undefined && !(q.min < q.max))
        ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be greater than min' });
      for (const bound of ['min', 'max'] as const) {
        const value = q[bound];
        if (value !== undefined && countDecimals(value) > q.decimals)
          ctx.addIssue({
            code: 'custom',
            path: [bound],
            message: `has more decimals than the question allows (${q.decimals})`,
          });
      }
    }),
  z.strictObject({
    ...base,
    type: z.literal('emotion'),
    emotions: z
      .array(emotionKeySchema)
      .min(2)
      .default([...emotionKeys]),
    /** Ask how strongly (1–5) each picked feeling was felt. */
    intensity: z.boolean().default(true),
  }),
  z.strictObject({
    ...base,
    type: z.literal('expectation'),
    /** Both scales run 1..points: what was expected, and what was got. */
    points: z.number().int().min(3).max(10).default(7),
  }),
  z.strictObject({ ...base, type: z.literal('goal') }),
  z.strictObject({
    ...base,
    type: z.literal('single'),
    options: z.array(optionSchema).min(2).max(50),
  }),
  z.strictObject({
    ...base,
    type: z.literal('multiple'),
    options: z.array(optionSchema).min(2).max(50),
    maxChoices: z.number().int().min(1).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('text'),
    maxLength: z.number().int().min(1).max(10_000).default(2000),
    multiline: z.boolean().default(true),
  }),
  z.strictObject({ ...base, type: z.literal('kano'), feature: localizedTextSchema }),
  z.strictObject({
    ...base,
    type: z.literal('incident'),
    /** Journey stages the respondent can place the incident in. */
    stages: z.array(optionSchema).max(20).default([]),
  }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionType = Question['type'];
export const questionTypes = questionSchema.options.map((o) => o.shape.type.value);

export const thankYouRuleSchema = z.strictObject({
  when: z.array(conditionSchema).min(1),
  message: localizedTextSchema,
});

export const surveyDefinitionSchema = z
  .strictObject({
    languages: z.array(languageSchema).min(1),
    defaultLanguage: languageSchema,
    title: localizedTextSchema,
    intro: localizedTextSchema.optional(),
    questions: z.array(questionSchema).max(200),
    thankYou: z.strictObject({
      message: localizedTextSchema,
      rules: z.array(thankYouRuleSchema).max(20).default([]),
    }),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.questions.forEach((q, i) => {
      if (seen.has(q.key))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'key'],
          message: `key "${q.key}" is used twice`,
        });
      for (const [j, c] of (q.showIf ?? []).entries()) {
        if (!seen.has(c.key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['questions', i, 'showIf', j, 'key'],
            message: `"${c.key}" is not an earlier question`,
          });
        }
      }
      seen.add(q.key);
    });
    if (!d.languages.includes(d.defaultLanguage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLanguage'],
        message: 'must be one of the survey languages',
      });
    }
  });
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;

export const surveyPurposes = ['relationship', 'transactional', 'employee'] as const;
export const surveyStatuses = ['draft', 'published', 'closed'] as const;

export const surveySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    purpose: z.enum(surveyPurposes),
    status: z.enum(surveyStatuses),
    touchpointId: idSchema.nullable(),
    /** The latest published version; responses each name the version they answered. */
    publishedVersion: z.number().int().nullable(),
    /** Whether the draft differs from the published version. */
    hasUnpublishedChanges: z.boolean(),
    draft: surveyDefinitionSchema,
    responseCount: z.number().int(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Survey' });
export type Survey = z.infer<typeof surveySchema>;

export const surveySummarySchema = surveySchema.omit({ draft: true }).meta({ id: 'SurveySummary' });
export type SurveySummary = z.infer<typeof surveySummarySchema>;

export const surveyTemplates = [
  'nps',
  'csat',
  'ces',
  'cx-index',
  'kano',
  'incident',
  'employee-pulse',
] as const;
export const surveyTemplateSchema = z.enum(surveyTemplates);
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>;

export const createSurveyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  purpose: z.enum(surveyPurposes).default('transactional'),
  touchpointId: idSchema.nullable().default(null),
  /** Start from a template; without one the survey starts empty. */
  template: surveyTemplateSchema.optional(),
  /** For the Kano template: the features to ask about. */
  features: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  languages: z
    .array(languageSchema)
    .min(1)
    .default([...languages]),
  defaultLanguage: languageSchema.default('fi'),
});

export const updateSurveyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  purpose: z.enum(surveyPurposes).optional(),
  touchpointId: idSchema.nullable().optional(),
  draft: surveyDefinitionSchema.optional(),
});

export const publishResultSchema = z.object({
  version: z.number().int(),
  publishedAt: instantSchema,
});

export const linkChannels = ['web', 'qr', 'email', 'widget', 'sms', 'other'] as const;
export const surveyLinkSchema = z
  .object({
    id: idSchema,
    surveyId: idSchema,
    name: z.string(),
    channel: z.enum(linkChannels),
    touchpointId: idSchema.nullable(),
    /** The public path segment: /s/{token}. */
    token: z.string(),
    url: z.string(),
    createdAt: instantSchema,
    closedAt: instantSchema.nullable(),
  })
  .meta({ id: 'SurveyLink' });
export type SurveyLink = z.infer<typeof surveyLinkSchema>;

export const createLinkBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  channel: z.enum(linkChannels).default('web'),
  touchpointId: idSchema.nullable().default(null),
});

/** Rename a link or place it at another touchpoint (responses already given keep theirs). */
export const updateLinkBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    touchpointId: idSchema.nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');

/** Languages a survey offers that lack some text (publishing needs none missing). */
export function missingTranslations(d: SurveyDefinition): { path: string; language: Language }[] {
  const missing: { path: string; language: Language }[] = [];
  const need = (text: LocalizedText | undefined, path: string, optional = false) => {
    if (optional && (text === undefined || Object.values(text).every((v) => !v))) return;
    for (const l of d.languages) if (!text?.[l]?.trim()) missing.push({ path, language: l });
  };
  need(d.title, 'title');
  need(d.intro, 'intro', true);
  need(d.thankYou.message, 'thankYou.message');
  d.thankYou.rules.forEach((r, i) => need(r.message, `thankYou.rules.${i}.message`));
  d.questions.forEach((q, i) => {
    const p = `questions.${i}`;
    need(q.text, `${p}.text`);
    need(q.help, `${p}.help`, true);
    if (q.type === 'single' || q.type === 'multiple')
      q.options.forEach((o, j) => need(o.label, `${p}.options.${j}.label`));
    if (q.type === 'incident') q.stages.forEach((o, j) => need(o.label, `${p}.stages.${j}.label`));
    if (q.type === 'rating') {
      need(q.lowLabel, `${p}.lowLabel`, true);
      need(q.highLabel, `${p}.highLabel`, true);
    }
    if (q.type === 'kano') need(q.feature, `${p}.feature`);
    if (q.type === 'numeric') need(q.unit, `${p}.unit`, true);
  });
  return missing;
}
