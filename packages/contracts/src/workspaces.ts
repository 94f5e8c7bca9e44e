import { z } from 'zod';
import {
  apiKeyScopeSchema,
  emailSchema,
  idSchema,
  instantSchema,
  languageSchema,
  nameSchema,
  roleSchema,
  timeZoneSchema,
} from './common.js';

export const workspaceSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    timeZone: z.string(),
    languages: z.array(languageSchema).min(1),
    defaultLanguage: languageSchema,
    /** Survey a person at most once in this many days, across all channels (null: no limit). */
    contactLimitDays: z.number().int().nullable(),
    /** Who respondents see behind the surveys (null: the workspace name is not shown either). */
    organisationName: z.string().nullable(),
    /** The organisation's privacy notice, linked from every respondent page. */
    privacyNoticeUrl: z.string().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof workspaceSchema>;

/** A privacy notice is a public web page: an absolute https (or http) address. */
export const privacyNoticeUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(v) && URL.canParse(v), 'an http(s) address');

const languagesSchema = z
  .array(languageSchema)
  .min(1)
  .refine((l) => new Set(l).size === l.length, 'each language once');

export const createWorkspaceBodySchema = z.strictObject({
  name: nameSchema,
  timeZone: timeZoneSchema.default('Europe/Helsinki'),
  languages: languagesSchema.default(['fi', 'sv', 'en']),
  defaultLanguage: languageSchema.default('fi'),
});

export const updateWorkspaceBodySchema = z
  .strictObject({
    name: nameSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    languages: languagesSchema.optional(),
    defaultLanguage: languageSchema.optional(),
    contactLimitDays: z.number().int().min(1).max(365).nullable().optional(),
    organisationName: nameSchema.nullable().optional(),
    privacyNoticeUrl: privacyNoticeUrlSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const memberSchema = z
  .object({
    userId: idSchema,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    joinedAt: instantSchema,
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof memberSchema>;

export const changeRoleBodySchema = z.strictObject({ role: roleSchema });

export const invitationSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    role: roleSchema,
    invitedBy: z.string(),
    createdAt: instantSchema,
    expiresAt: instantSchema,
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationBodySchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  /** The language of the invitation email; the workspace default when left out. */
  language: languageSchema.optional(),
});

export const apiKeySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    /** The first characters of the key, to recognise it in a list. */
    prefix: z.string(),
    scopes: z.array(apiKeyScopeSchema),
    createdBy: z.string(),
    createdAt: instantSchema,
    lastUsedAt: instantSchema.nullable(),
    revokedAt: instantSchema.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyBodySchema = z.strictObject({
  name: nameSchema,
  scopes: z.array(apiKeyScopeSchema).min(1),
});

/** The created key, with its secret: shown this once, stored only hashed. */
export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, secret: z.string() });

export const auditEntrySchema = z
  .object({
    id: idSchema,
    action: z.string(),
    actor: z.string().nullable(),
    /** The person's name (or the API key's), for the log's sentences; `actor` is their email. */
    actorName: z.string().nullable(),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const outboxMailSchema = z
  .object({
    id: idSchema,
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    status: z.enum(['queued', 'sent', 'kept', 'failed']),
    error: z.string().nullable(),
    createdAt: instantSchema,
    sentAt: instantSchema.nullable(),
  })
  .meta({ id: 'OutboxMail' });
export type OutboxMail = z.infer<typeof outboxMailSchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextBefore: idSchema.nullable() });
