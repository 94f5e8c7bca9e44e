import {
  answerValueSchema,
  emailSchema,
  idSchema,
  int32Schema,
  languageSchema,
  localizedTextSchema,
  questionSchema,
  thankYouRuleSchema,
} from '@polku/contracts';
import { z } from 'zod';

/**
 * What the widget reads at GET /w/:token/survey.json: the link's survey as last published.
 * The widget itself only imports the TypeScript type (it must not bundle zod), so this schema
 * and apps/widget/src/types.ts describe the same shape.
 */
export const widgetSurveySchema = z
  .object({
    token: z.string(),
    surveyId: idSchema,
    version: z.number().int(),
    /** The channel the link was made for (the response itself is stored as channel "widget"). */
    channel: z.string(),
    languages: z.array(languageSchema),
    defaultLanguage: languageSchema,
    title: localizedTextSchema,
    intro: localizedTextSchema.optional(),
    questions: z.array(questionSchema),
    thankYou: z.object({
      message: localizedTextSchema,
      rules: z.array(thankYouRuleSchema),
    }),
    /** The full respondent page, for questions the widget does not show. */
    url: z.string(),
  })
  .meta({ id: 'WidgetSurvey' });

export const widgetSubmitBodySchema = z.strictObject({
  /** Made by the widget (crypto.randomUUID) and kept across retries: a retry stores nothing new. */
  id: idSchema,
  /** The version the widget showed; the latest published one when left out. */
  version: int32Schema.positive().optional(),
  language: languageSchema.optional(),
  answers: z.record(z.string().max(64), answerValueSchema),
  /** The honeypot: hidden from people, filled in by bots. Anything here stores nothing. */
  website: z.string().max(2000).optional(),
});

export const widgetTokenParamsSchema = z.object({ token: z.string().min(1).max(64) });

/** An identified prompt: the site says who the visitor is, so the contact limit can apply. */
export const widgetPromptBodySchema = z.strictObject({ respondent: emailSchema });

export const widgetPromptResultSchema = z.object({
  /** Whether to open the survey for this person now (recorded as asked when true). */
  ask: z.boolean(),
  /** Why not: the person unsubscribed, or was asked within the workspace's contact limit. */
  reason: z.enum(['unsubscribed', 'contact_limit']).nullable(),
});
