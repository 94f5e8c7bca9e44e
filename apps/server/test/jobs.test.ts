import { createStore, migrateToLatest, openDatabase, type DatabaseHandle } from '@polku/db';
import type { Store } from '@polku/core';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../src/jobs/scheduler.js';
import { retryDelayMs, Worker, type JobDefinition } from '../src/jobs/worker.js';
import { testDialects, type TestDatabase } from './support/databases.js';

const silent = pino({ level: 'silent' });

for (const dialect of testDialects()) {
  describe(`durable jobs on ${dialect.name}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let store: Store;

    beforeAll(async () => {
      database = await dialect.create();
      handle = openDatabase(database.config);
      await migrateToLatest(handle.db);
      store = createStore(handle);
    });
    afterAll(async () => {
      await handle.close();
      await database.drop();
    });
    beforeEach(async () => {
      await handle.db.deleteFrom('jobs').execute();
    });

    it('enqueues with the change that caused it: a rolled-back transaction leaves no job', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.jobs.enqueue('test.never', {});
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect((await store.jobs.countByStatus()).queued).toBe(0);
      await store.transaction((tx) => tx.jobs.enqueue('test.kept', {}));
      expect((await store.jobs.countByStatus()).queued).toBe(1);
    });

    it('runs a delayed job only when it is due', async () => {
      const now = Date.now();
      await store.jobs.enqueue('test.later', {}, { runAt: now + 60_000 });
      expect(await store.jobs.claim(now, 10, now + 1000)).toHaveLength(0);
      expect(await store.jobs.claim(now + 60_001, 10, now + 70_000)).toHaveLength(1);
    });

    it('retries a failing job with backoff and gives up after its last attempt', async () => {
      const seen: number[] = [];
      let finalError = '';
      const flaky: JobDefinition = {
        kind: 'test.flaky',
        perform: (_p, job) => {
          seen.push(job.attempts);
          return Promise.reject(new Error(`boom ${job.attempts}`));
        },
        onFinalFailure: (_p, error) => {
          finalError = error;
          return Promise.resolve();
        },
      };
      const worker = new Worker(store, [flaky], silent, { concurrency: 1 });
      const id = await store.jobs.enqueue('test.flaky', {}, { maxAttempts: 3 });
      let clock = Date.now();
      for (let i = 0; i < 3; i++) {
        await worker.drain(() => clock);
        const job = await store.jobs.findById(id);
        if (i < 2) {
          expect(job).toMatchObject({
            status: 'queued',
            attempts: i + 1,
            lastError: `boom ${i + 1}`,
          });
          expect(job!.runAt).toBeGreaterThan(clock);
          clock = job!.runAt;
        }
      }
      expect(seen).toEqual([1, 2, 3]);
      expect(await store.jobs.findById(id)).toMatchObject({ status: 'failed', attempts: 3 });
      expect(finalError).toBe('boom 3');
    });

    it('backs off exponentially, capped at an hour', () => {
      const mid = () => 0.5;
      expect([1, 2, 3, 4].map((a) => retryDelayMs(a, mid))).toEqual([
        10_000, 20_000, 40_000, 80_000,
      ]);
      expect(retryDelayMs(20, mid)).toBe(3_600_000);
    });

    it('loses nothing when a worker dies mid-job: the lease runs out and the job runs again', async () => {
      const now = Date.now();
      const id = await store.jobs.enqueue('test.crash', {});
      const [taken] = await store.jobs.claim(now, 1, now + 30_000); // this worker "crashes" now
      expect(taken?.id).toBe(id);
      expect(await store.jobs.claim(now + 1000, 1, now + 31_000)).toHaveLength(0);
      const [again] = await store.jobs.claim(now + 30_001, 1, now + 60_000);
      expect(again).toMatchObject({ id, attempts: 2 });
    });

    it('gives concurrent claimers different jobs', async () => {
      for (let i = 0; i < 20; i++) await store.jobs.enqueue('test.many', { i });
      const now = Date.now();
      const batches = await Promise.all(
        [0, 1, 2, 3].map(() => store.jobs.claim(now, 5, now + 60_000)),
      );
      const ids = batches.flat().map((j) => j.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });

    it('keeps one unfinished job per unique key', async () => {
      const a = await store.jobs.enqueue('test.unique', {}, { uniqueKey: 'k1' });
      const b = await store.jobs.enqueue('test.unique', {}, { uniqueKey: 'k1' });
      expect(b).toBe(a);
      expect((await store.jobs.countByStatus()).queued).toBe(1);
      await store.jobs.complete(a, Date.now());
      expect(await store.jobs.enqueue('test.unique', {}, { uniqueKey: 'k1' })).not.toBe(a);
    });

    it('enqueues a recurring job once per period however many schedulers run', async () => {
      const s1 = new Scheduler(store, [{ kind: 'test.hourly', everyMs: 3_600_000 }], silent);
      const s2 = new Scheduler(store, [{ kind: 'test.hourly', everyMs: 3_600_000 }], silent);
      const t0 = Date.now() + 10 * 3_600_000; // clear of earlier runs of this test
      const first = await Promise.all([s1.tick(t0), s2.tick(t0)]);
      expect(first.flat()).toEqual(['test.hourly']);
      expect(await s1.tick(t0 + 60_000)).toEqual([]);
      const [job] = await store.jobs.claim(t0, 5, t0 + 1000);
      await store.jobs.complete(job!.id, t0);
      expect(await s2.tick(t0 + 3_600_000)).toEqual(['test.hourly']);
    });

    it('finishes jobs in progress before stop() returns', async () => {
      let finished = false;
      const slow: JobDefinition = {
        kind: 'test.slow',
        perform: async () => {
          await new Promise((r) => setTimeout(r, 300));
          finished = true;
        },
      };
      const id = await store.jobs.enqueue('test.slow', {});
      const worker = new Worker(store, [slow], silent, { concurrency: 2, pollIntervalMs: 20 });
      worker.start();
      for (let i = 0; i < 100 && (await store.jobs.findById(id))?.status !== 'running'; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await worker.stop();
      expect(finished).toBe(true);
      expect((await store.jobs.findById(id))?.status).toBe('done');
    });
  });
}
