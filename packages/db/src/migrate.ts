import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './migrations/0001-foundation.js';
import * as listening from './migrations/0002-listening.js';
import * as distribution from './migrations/0003-distribution.js';
import * as responseOrder from './migrations/0004-response-order.js';
import * as invitationMail from './migrations/0005-invitation-mail.js';
import * as metricRollups from './migrations/0006-metric-rollups.js';
import * as incidentCoding from './migrations/0007-incident-coding.js';
import * as targetsAlerts from './migrations/0008-targets-alerts.js';
import * as journeys from './migrations/0009-journeys.js';
import * as customerEvents from './migrations/0010-customer-events.js';
import * as jobLeases from './migrations/0011-job-leases.js';
import * as exactAnswerValues from './migrations/0012-exact-answer-values.js';
import * as testResponses from './migrations/0013-test-responses.js';
import * as organisation from './migrations/0014-organisation.js';
import * as testResponseIndex from './migrations/0015-test-response-index.js';
import type { Database } from './schema.js';

/** Every migration, in order. Listed in code so a bundled or compiled server finds them. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-listening': listening,
  '0003-distribution': distribution,
  '0004-response-order': responseOrder,
  '0005-invitation-mail': invitationMail,
  '0006-metric-rollups': metricRollups,
  '0007-incident-coding': incidentCoding,
  '0008-targets-alerts': targetsAlerts,
  '0009-journeys': journeys,
  '0010-customer-events': customerEvents,
  '0011-job-leases': jobLeases,
  '0012-exact-answer-values': exactAnswerValues,
  '0013-test-responses': testResponses,
  '0014-organisation': organisation,
  '0015-test-response-index': testResponseIndex,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

/** Applies pending migrations; returns the names applied. Throws (and applies nothing more) on failure. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Applies pending migrations up to and including `name` (an upgrade test starts from an older
 * schema this way). Throws on failure or an unknown name.
 */
export async function migrateUpTo(db: Kysely<Database>, name: string): Promise<void> {
  if (!(name in migrations)) throw new Error(`no migration ${name}`);
  const { error } = await migrator(db).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
}

/** Whether every known migration has been applied (for /readyz). */
export async function isMigrated(db: Kysely<Database>): Promise<boolean> {
  try {
    const list = await migrator(db).getMigrations();
    return list.every((m) => m.executedAt !== undefined);
  } catch {
    return false;
  }
}
