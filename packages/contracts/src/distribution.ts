import { z } from 'zod';
import { emailSchema, idSchema, instantSchema, languageSchema } from './common.js';

export const surveyInvitationStatuses = [
  'scheduled',
  'sent',
  'responded',
  'suppressed',
  'unsubscribed',
  'failed',
] as const;

/** One recipient of a survey's email invitation, with where their invitation stands. */
export const surveyInvitationSchema = z
  .object({
    id: idSchema,
    surveyId: idSchema,
    email: z.string(),
    language: languageSchema,
    status: z.enum(surveyInvitationStatuses),
    /** Why it was not sent (unsubscribed, contacted too recently). */
    reason: z.string().nullable(),
    scheduledAt: instantSchema,
    sentAt: instantSchema.nullable(),
    reminderAt: instantSchema.nullable(),
    remindedAt: instantSchema.nullable(),
    respondedAt: instantSchema.nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'SurveyInvitation' });
export type SurveyInvitation = z.infer<typeof surveyInvitationSchema>;

export const MAX_RECIPIENTS = 5000;

export const createSurveyInvitationsBodySchema = z.strictObject({
  recipients: z
    .array(z.strictObject({ email: emailSchema, language: languageSchema.optional() }))
    .min(1)
    .max(MAX_RECIPIENTS),
  /** When to send (epoch ms); now when left out. */
  sendAt: instantSchema.optional(),
  /** Send one reminder this many days after the invitation to those who have not answered. */
  reminderAfterDays: z.number().int().min(1).max(30).nullable().default(null),
});

export const createSurveyInvitationsResultSchema = z.object({
  scheduled: z.number().int(),
  /** Recipients not invited, and why (unsubscribed, contacted too recently, invited already). */
  notInvited: z.array(z.object({ email: z.string(), reason: z.string() })),
});
