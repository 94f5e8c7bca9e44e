import {
  newId,
  systemClock,
  type ClaimedJob,
  type Clock,
  type JobLease,
  type JobPayloads,
  type JobRecord,
  type JobRepository,
  type JobStatus,
} from '@polku/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, JobsTable } from '../schema.js';

const toJob = (r: Selectable<JobsTable>): JobRecord => ({
  ...r,
  payload: JSON.parse(r.payload) as unknown,
  status: r.status as JobStatus,
});

/**
 * The durable job queue. Jobs are rows in the same database, so a job enqueued in a
 * transaction exists exactly when the change that caused it does. A claimed job holds a lease
 * under a token of that claim: only the token's holder may renew, complete or fail the job,
 * so a worker whose lease ran out (and whose job another worker took) cannot overwrite the new
 * holder's state. A worker that dies leaves the lease to run out and another worker takes the
 * job again. `P` maps kinds to payloads (the app's registry by default).
 */
export function createJobRepository<P extends object = JobPayloads>(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  clock: Clock = systemClock,
): JobRepository<P> {
  /** Only the current holder's lease matches: the token changes at every claim. */
  const held = (lease: JobLease) =>
    db
      .updateTable('jobs')
      .where('id', '=', lease.id)
      .where('leaseToken', '=', lease.leaseToken)
      .where('status', '=', 'running');
  const changedOne = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) > 0;

  return {
    async enqueue(kind, payload, options = {}) {
      const now = clock.now();
      const id = newId(now);
      // With a unique key, an unfinished job with the same key wins and this insert is a no-op.
      const inserted = await db
        .insertInto('jobs')
        .values({
          id,
          kind,
          payload: JSON.stringify(payload ?? null),
          status: 'queued',
          runAt: options.runAt ?? now,
          maxAttempts: options.maxAttempts ?? 5,
          lockedUntil: null,
          leaseToken: null,
          lastError: null,
          uniqueKey: options.uniqueKey ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return inserted.id;
      const existing = await db
        .selectFrom('jobs')
        .select('id')
        .where('uniqueKey', '=', options.uniqueKey ?? null)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return existing?.id ?? id;
    },

    async claim(now, limit, leaseUntil) {
      let due = db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('runAt', '<=', now)]),
            eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now)]),
          ]),
        )
        .orderBy('runAt')
        .limit(limit);
      // Several workers on PostgreSQL each take different rows instead of waiting on each other;
      // SQLite has one writer at a time, so the statement alone is enough there.
      if (dialect === 'postgres') due = due.forUpdate().skipLocked();
      // One token for the jobs of one claim: together with the job id it names this claim.
      const leaseToken = newId(now);
      const rows = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          lockedUntil: leaseUntil,
          leaseToken,
          updatedAt: now,
        }))
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows
        .map((r): ClaimedJob => ({ ...toJob(r), status: 'running', leaseToken }))
        .sort((a, b) => a.runAt - b.runAt);
    },

    async renew(lease, now, leaseUntil) {
      // Renewing after the lease ran out is still right while nobody else claimed the job:
      // the token is what says who holds it.
      return changedOne(
        await held(lease).set({ lockedUntil: leaseUntil, updatedAt: now }).executeTakeFirst(),
      );
    },

    async complete(lease, now) {
      return changedOne(
        await held(lease)
          .set({ status: 'done', lockedUntil: null, leaseToken: null, updatedAt: now })
          .executeTakeFirst(),
      );
    },

    async fail(lease, error, retryAt, now) {
      return changedOne(
        await held(lease)
          .set({
            status: retryAt === null ? 'failed' : 'queued',
            runAt: retryAt ?? now,
            lockedUntil: null,
            leaseToken: null,
            lastError: error.slice(0, 4000),
            updatedAt: now,
          })
          .executeTakeFirst(),
      );
    },

    async findById(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toJob(row);
    },

    async countByStatus() {
      const rows = await db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
      for (const r of rows) counts[r.status as JobStatus] = Number(r.n);
      return counts;
    },

    async deleteFinishedBefore(before) {
      const r = await db
        .deleteFrom('jobs')
        .where('status', '=', 'done')
        .where('updatedAt', '<', before)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
