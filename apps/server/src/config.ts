import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DatabaseConfig } from '@polku/db';

/**
 * The one place that reads the environment. Everything is validated once, here, into an
 * app-shaped config; the rest of the code receives this object. With no environment at all
 * Polku runs locally: SQLite in ./data/polku.sqlite, port 3000, demo data, mail kept in the outbox.
 * Each variable is documented in docs/configuration.md.
 */
const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  POLKU_DATA_DIR: z.string().default('./data'),
  POLKU_DEMO: flag.optional(),
  POLKU_ROLES: z.string().default('web,worker,scheduler'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Polku <polku@localhost>'),
  COOKIE_SECURE: flag.optional(),
  TRUST_PROXY: flag.default(false),
  POLKU_RATE_LIMIT: flag.default(true),
  SESSION_IDLE_DAYS: z.coerce.number().positive().max(365).default(7),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(30),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WEB_DIST_DIR: z.string().optional(),
  POLKU_WEBHOOKS_ALLOW_LOOPBACK: flag.default(false),
  POLKU_CHROMIUM_PATH: z.string().min(1).optional(),
  POLKU_TODAY: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      message: 'write a day as YYYY-MM-DD or an instant as 2026-03-28T12:00:00+02:00',
    })
    .optional(),
});

export const serverRoles = ['web', 'worker', 'scheduler'] as const;
export type ServerRole = (typeof serverRoles)[number];

export interface AppConfig {
  http: { port: number; host: string; publicUrl: string; trustProxy: boolean; rateLimit: boolean };
  database: DatabaseConfig;
  roles: ServerRole[];
  demo: boolean;
  log: { level: string };
  mail: { smtpUrl: string | null; from: string };
  session: { cookieSecure: boolean; idleMs: number; maxMs: number };
  worker: { concurrency: number };
  /** Alert webhooks may point at this machine (development and tests only). */
  webhooks: { allowLoopback: boolean };
  webDistDir: string;
  /** Chromium for journey map exports: an explicit path, or null to search the usual places. */
  chromium: { path: string | null };
  /** Where the server's clock starts (POLKU_TODAY), then running on; null: the real clock. */
  clock: { startAt: number | null };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a fixed "today" starts at: an instant as given, or a day at 12:00 UTC, which is
 * that same calendar day in every zone from UTC−11 to UTC+11 (the workspace's, whichever it is).
 */
function startOfToday(value: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T12:00:00Z`) : Date.parse(value);
}
const defaultWebDist = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../web/dist');

/** Parses a list of roles ("web,worker"); throws on an unknown role. */
export function parseRoles(value: string): ServerRole[] {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(serverRoles as readonly string[]).includes(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new ConfigError([
      `roles: unknown role(s) ${unknown.join(', ') || '(none given)'}; use ${serverRoles.join(', ')}`,
    ]);
  }
  return roles as ServerRole[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The process environment, for callers that pass it on (the CLI). */
export const processEnvironment = (): Record<string, string | undefined> => process.env;

/** Reads and validates the environment (process.env unless given). */
export function loadConfig(
  env: Record<string, string | undefined> = processEnvironment(),
): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const database: DatabaseConfig = e.DATABASE_URL
    ? { dialect: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
    : { dialect: 'sqlite', file: resolve(e.POLKU_DATA_DIR, 'polku.sqlite') };
  return {
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl,
      trustProxy: e.TRUST_PROXY,
      rateLimit: e.POLKU_RATE_LIMIT,
    },
    database,
    roles: parseRoles(e.POLKU_ROLES),
    // Demo data by default only on the local SQLite quick start, never silently in production.
    demo: e.POLKU_DEMO ?? !e.DATABASE_URL,
    log: { level: e.LOG_LEVEL },
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    session: {
      cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
      idleMs: e.SESSION_IDLE_DAYS * DAY_MS,
      maxMs: e.SESSION_MAX_DAYS * DAY_MS,
    },
    worker: { concurrency: e.WORKER_CONCURRENCY },
    webhooks: { allowLoopback: e.POLKU_WEBHOOKS_ALLOW_LOOPBACK },
    webDistDir: e.WEB_DIST_DIR ? resolve(e.WEB_DIST_DIR) : defaultWebDist,
    chromium: { path: e.POLKU_CHROMIUM_PATH ?? null },
    clock: { startAt: e.POLKU_TODAY === undefined ? null : startOfToday(e.POLKU_TODAY) },
  };
}
