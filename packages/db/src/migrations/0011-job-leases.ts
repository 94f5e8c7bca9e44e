import type { Kysely } from 'kysely';

// The lease token of a claimed job: a new one at every claim, so renewing, completing and
// failing a job succeed only for the worker that holds it now. A job that was running when
// this migration ran has no token: its old worker's result is not recorded, and the job runs
// again once its lease runs out (handlers are idempotent).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('lease_token', 'varchar(64)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('lease_token').execute();
}
