import { z } from 'zod';

/** Application-generated, sortable ids (UUIDv7 strings). */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z_-]+$/, 'not a valid id');

export const languages = ['fi', 'sv', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

/** Roles from most to least powerful. */
export const roles = ['owner', 'admin', 'analyst', 'agent', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/**
 * What an action needs. Roles map to permissions in `@polku/core` (one place); API keys carry
 * a subset of the key-grantable permissions as their scopes.
 */
export const permissions = [
  'workspace.read',
  'workspace.update',
  'members.read',
  'members.manage',
  'apiKeys.manage',
  'audit.read',
  'outbox.read',
  'surveys.read',
  'surveys.manage',
  'responses.read',
  'responses.write',
  /** Set metric targets and alert webhooks. */
  'targets.manage',
  /** Code critical-incident answers into categories. */
  'incidents.code',
  /** Create and change journeys, stages, touchpoints, blueprint lanes, personas and markers. */
  'journeys.manage',
] as const;
export const permissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof permissionSchema>;

/** Permissions an API key may be granted; managing people and keys needs a person. */
export const apiKeyScopes = [
  'workspace.read',
  'members.read',
  'surveys.read',
  'responses.read',
  'responses.write',
] as const satisfies readonly Permission[];
export const apiKeyScopeSchema = z.enum(apiKeyScopes);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string()
  .min(10, 'at least 10 characters')
  .max(256, 'at most 256 characters');

export const nameSchema = z.string().trim().min(1).max(120);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'not a known IANA time zone');

/** Epoch milliseconds. */
export const instantSchema = z.number().int().nonnegative();

/** Cursor pagination: `before` is the id of the last row seen. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: idSchema.optional(),
});

export const okSchema = z.object({ ok: z.literal(true) });
