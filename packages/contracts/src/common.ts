import { z } from 'zod';
import { apiKeyScopes, languages, permissions, roles } from './common-values.js';

export * from './common-values.js';

/** Application-generated, sortable ids (UUIDv7 strings). */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z_-]+$/, 'not a valid id');

export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const permissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof permissionSchema>;

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

/**
 * The largest value a database `integer` column holds (PostgreSQL's int4, 2^31 − 1). Integers
 * stored in such columns (survey versions, positions) are bounded by it, so a larger one is a
 * clear 400 on every dialect instead of a database error on PostgreSQL alone.
 */
export const MAX_INT32 = 2_147_483_647;
/** A whole number that fits a database `integer` column. */
export const int32Schema = z
  .number()
  .int()
  .min(-MAX_INT32 - 1)
  .max(MAX_INT32);

/**
 * The last instant Polku stores: 9999-12-31T23:59:59.999Z. Every instant has a calendar day
 * written `YYYY-MM-DD` beside it, and a fifth year digit would sort before the fourth
 * (`10000` < `2026`), so no instant lies beyond. Submitted instants are bounded more tightly
 * by the intake (`submittedInstantIssue` in core): at most a day after the server's now.
 */
export const LATEST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** Epoch milliseconds, from 1970-01-01T00:00:00Z to {@link LATEST_INSTANT}. */
export const instantSchema = z.number().int().min(0).max(LATEST_INSTANT);

/** The first and last calendar day a period may name (`from`, `to` of metric and list queries). */
export const EARLIEST_DAY = '1970-01-01';
export const LATEST_DAY = '9999-12-31';
/**
 * A calendar day written `YYYY-MM-DD`, from {@link EARLIEST_DAY} to {@link LATEST_DAY}: no
 * instant is stored before or after, and days before year 100 would be misread by
 * JavaScript's Date (`Date.UTC(50, 0)` is 1950).
 */
export const calendarDaySchema = z.iso.date().refine((d) => d >= EARLIEST_DAY && d <= LATEST_DAY, {
  message: `a day from ${EARLIEST_DAY} to ${LATEST_DAY}`,
});

/** Cursor pagination: `before` is the id of the last row seen. */
export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: idSchema.optional(),
});

export const okSchema = z.object({ ok: z.literal(true) });
