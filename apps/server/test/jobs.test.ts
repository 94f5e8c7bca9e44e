import {
  createJobRepository,
  createStore,
  migrateToLatest,
  openDatabase,
  type DatabaseHandle,
} from '@polku/db';
import type { JobRepository, Store } from '@polku/core';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Scheduler } from '../src/jobs/scheduler.js';
import {
  retryDelayMs,
  Worker,
  type JobDefinition,
  type JobDefinitions,
} from '../src/jobs/worker.js';
import { startTestApp, type TestApp } from './support/app.js';
import { HandClock } from './support/clock.js';
import { testDialects, type TestDatabase } from './support/databases.js';

const silent = pino({ level: 'silent' });

/** The queue's own kinds, so its tests need none of the app's handlers. */
interface TestJobs {
  'test.quick': null;
  'test.slow': null;
  'test.counted': { n: number };
}

/** Handlers that do nothing, with the ones a test cares about in their place. */
function definitions(own: Partial<JobDefinitions<TestJobs>> = {}): JobDefinitions<TestJobs> {
  const nothing = () => Promise.resolve();
  return {
    'test.quick': { payload: z.null(), perform: nothing },
    'test.slow': { payload: z.null(), perform: nothing },
    'test.counted': { payload: z.strictObject({ n: z.number().int() }), perform: nothing },
    ...own,
  };
}

/** A promise the test settles: a handler waits on it, so "slow" lasts exactly as long as needed. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Waits for something the worker does in the background (a renewal), never for a fixed time. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the condition never came true');
}

/** A `test.slow` handler that runs until the test releases it. */
function slowJob(options: { throwsAtEnd?: boolean; onFinalFailure?: () => Promise<void> } = {}) {
  const started = gate();
  const release = gate();
  let runs = 0;
  const definition: JobDefinition<null> = {
    payload: z.null(),
    perform: async () => {
      runs += 1;
      started.open();
      await release.promise;
      if (options.throwsAtEnd) throw new Error('the handler gave up');
    },
    ...(options.onFinalFailure && { onFinalFailure: options.onFinalFailure }),
  };
  return {
    definitions: definitions({ 'test.slow': definition }),
    started: started.promise,
    release: release.open,
    runs: () => runs,
  };
}

/** A logger whose lines the test reads. */
function capturingLogger(): { log: pino.Logger; messages: string[] } {
  const messages: string[] = [];
  const log = pino(
    { level: 'warn' },
    { write: (line: string) => messages.push((JSON.parse(line) as { msg: string }).msg) },
  );
  return { log, messages };
}

for (const dialect of testDialects()) {
  describe(`durable jobs on ${dialect.name}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let store: Store;
    let queue: JobRepository<TestJobs>;

    beforeAll(async () => {
      database = await dialect.create();
      handle = openDatabase(database.config);
      await migrateToLatest(handle.db);
      store = createStore(handle);
      queue = createJobRepository<TestJobs>(handle.db, dialect.name);
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
          await tx.jobs.enqueue('maintenance.cleanup', null);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect((await store.jobs.countByStatus()).queued).toBe(0);
      await store.transaction((tx) => tx.jobs.enqueue('maintenance.cleanup', null));
      expect((await store.jobs.countByStatus()).queued).toBe(1);
    });

    it('runs a delayed job only when it is due', async () => {
      const now = Date.now();
      await queue.enqueue('test.quick', null, { runAt: now + 60_000 });
      expect(await queue.claim(now, 10, now + 1000)).toHaveLength(0);
      expect(await queue.claim(now + 60_001, 10, now + 70_000)).toHaveLength(1);
    });

    it('retries a failing job with backoff and gives up after its last attempt', async () => {
      const seen: number[] = [];
      let finalError = '';
      const worker = new Worker(
        queue,
        definitions({
          'test.quick': {
            payload: z.null(),
            perform: (_p, job) => {
              seen.push(job.attempts);
              return Promise.reject(new Error(`boom ${job.attempts}`));
            },
            onFinalFailure: (_p, error) => {
              finalError = error;
              return Promise.resolve();
            },
          },
        }),
        silent,
        { concurrency: 1 },
      );
      const id = await queue.enqueue('test.quick', null, { maxAttempts: 3 });
      let clock = Date.now();
      for (let i = 0; i < 3; i++) {
        await worker.drain(() => clock);
        const job = await queue.findById(id);
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
      expect(await queue.findById(id)).toMatchObject({ status: 'failed', attempts: 3 });
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
      const id = await queue.enqueue('test.quick', null);
      const [taken] = await queue.claim(now, 1, now + 30_000); // this worker "crashes" now
      expect(taken?.id).toBe(id);
      expect(await queue.claim(now + 1000, 1, now + 31_000)).toHaveLength(0);
      const [again] = await queue.claim(now + 30_001, 1, now + 60_000);
      expect(again).toMatchObject({ id, attempts: 2 });
    });

    it('lets only the current holder renew, complete or fail a job', async () => {
      const now = Date.now();
      const id = await queue.enqueue('test.quick', null);
      const [stale] = await queue.claim(now, 1, now + 1000);
      const [current] = await queue.claim(now + 1001, 1, now + 31_000);
      expect(current).toMatchObject({ id, attempts: 2 });
      expect(current!.leaseToken).not.toBe(stale!.leaseToken);

      expect(await queue.renew(stale!, now + 2000, now + 60_000)).toBe(false);
      expect(await queue.complete(stale!, now + 2000)).toBe(false);
      expect(await queue.fail(stale!, 'too late', null, now + 2000)).toBe(false);
      expect(await queue.findById(id)).toMatchObject({
        status: 'running',
        lockedUntil: now + 31_000,
        leaseToken: current!.leaseToken,
        lastError: null,
      });

      expect(await queue.renew(current!, now + 2000, now + 62_000)).toBe(true);
      expect((await queue.findById(id))?.lockedUntil).toBe(now + 62_000);
      expect(await queue.complete(current!, now + 3000)).toBe(true);
      expect(await queue.findById(id)).toMatchObject({ status: 'done', leaseToken: null });
      expect(await queue.complete(current!, now + 3000)).toBe(false);
    });

    it('renews the lease while a slow job runs, so no other worker takes it and it runs once', async () => {
      const clock = new HandClock();
      const job = slowJob();
      const worker = new Worker(queue, job.definitions, silent, {
        concurrency: 1,
        leaseMs: 30_000,
        renewEveryMs: 5,
        clock,
      });
      const id = await queue.enqueue('test.slow', null, { runAt: clock.now() });
      const running = worker.drain();
      await job.started;
      // 75 s in all: without renewal the 30 s lease would have run out twice over.
      for (let step = 0; step < 3; step++) {
        clock.advance(25_000);
        await until(async () => (await queue.findById(id))?.lockedUntil === clock.now() + 30_000);
        expect(await queue.claim(clock.now(), 10, clock.now() + 30_000)).toEqual([]);
      }
      job.release();
      expect(await running).toBe(1);
      expect(job.runs()).toBe(1);
      expect(await queue.findById(id)).toMatchObject({ status: 'done', attempts: 1 });
    });

    for (const outcome of ['finishes', 'throws'] as const) {
      it(`records nothing from a worker that lost its lease and then ${outcome}: the new holder's run stands`, async () => {
        const clock = new HandClock();
        const { log, messages } = capturingLogger();
        let finalFailures = 0;
        const first = slowJob({
          throwsAtEnd: outcome === 'throws',
          onFinalFailure: () => Promise.resolve(void (finalFailures += 1)),
        });
        const second = slowJob();
        // A worker whose process stalls: it renews once an hour, long after its lease is gone.
        const stalled = new Worker(queue, first.definitions, log, {
          concurrency: 1,
          leaseMs: 30_000,
          renewEveryMs: 3_600_000,
          clock,
        });
        const healthy = new Worker(queue, second.definitions, silent, {
          concurrency: 1,
          leaseMs: 30_000,
          clock,
        });
        const id = await queue.enqueue('test.slow', null, { runAt: clock.now(), maxAttempts: 1 });
        const firstRun = stalled.drain();
        await first.started;
        clock.advance(30_001);
        const secondRun = healthy.drain();
        await second.started;

        first.release();
        await firstRun;
        expect(await queue.findById(id)).toMatchObject({
          status: 'running',
          attempts: 2,
          lastError: null,
        });
        expect(finalFailures).toBe(0);
        expect(messages.some((m) => m.startsWith('job lease lost'))).toBe(true);

        second.release();
        await secondRun;
        expect(await queue.findById(id)).toMatchObject({ status: 'done', attempts: 2 });
      });
    }

    it('fails a job whose payload does not fit its kind for good, without running it', async () => {
      let performed = 0;
      const worker = new Worker(
        queue,
        definitions({
          'test.counted': {
            payload: z.strictObject({ n: z.number().int() }),
            perform: () => Promise.resolve(void (performed += 1)),
          },
        }),
        silent,
        { concurrency: 1 },
      );
      // @ts-expect-error the registry types each payload: this one does not compile
      const id = await queue.enqueue('test.counted', { n: 'three' }, { maxAttempts: 5 });
      await worker.drain();
      const job = await queue.findById(id);
      expect(job).toMatchObject({ status: 'failed', attempts: 1 });
      expect(job?.lastError).toMatch(/^the payload does not fit test\.counted: .*expected number/);
      expect(job?.lastError).toContain('at n');
      expect(performed).toBe(0);
    });

    it('fails a job of a kind nobody handles (left by an older version) for good', async () => {
      const older = createJobRepository<{ 'retired.kind': null }>(handle.db, dialect.name);
      const id = await older.enqueue('retired.kind', null, { maxAttempts: 5 });
      await new Worker(queue, definitions(), silent, { concurrency: 1 }).drain();
      expect(await queue.findById(id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: 'no handler for job kind retired.kind',
      });
    });

    it('gives concurrent claimers different jobs', async () => {
      for (let i = 0; i < 20; i++) await queue.enqueue('test.counted', { n: i });
      const now = Date.now();
      const batches = await Promise.all([0, 1, 2, 3].map(() => queue.claim(now, 5, now + 60_000)));
      const ids = batches.flat().map((j) => j.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });

    it('keeps one unfinished job per unique key', async () => {
      const a = await queue.enqueue('test.quick', null, { uniqueKey: 'k1' });
      const b = await queue.enqueue('test.quick', null, { uniqueKey: 'k1' });
      expect(b).toBe(a);
      expect((await queue.countByStatus()).queued).toBe(1);
      const [claimed] = await queue.claim(Date.now(), 1, Date.now() + 1000);
      await queue.complete(claimed!, Date.now());
      expect(await queue.enqueue('test.quick', null, { uniqueKey: 'k1' })).not.toBe(a);
    });

    it('enqueues a recurring job once per period however many schedulers run', async () => {
      const hourly = [{ kind: 'maintenance.cleanup' as const, everyMs: 3_600_000 }];
      const s1 = new Scheduler(store, hourly, silent);
      const s2 = new Scheduler(store, hourly, silent);
      const t0 = Date.now() + 10 * 3_600_000; // clear of earlier runs of this test
      const first = await Promise.all([s1.tick(t0), s2.tick(t0)]);
      expect(first.flat()).toEqual(['maintenance.cleanup']);
      expect(await s1.tick(t0 + 60_000)).toEqual([]);
      const [job] = await store.jobs.claim(t0, 5, t0 + 1000);
      await store.jobs.complete(job!, t0);
      expect(await s2.tick(t0 + 3_600_000)).toEqual(['maintenance.cleanup']);
    });

    it('finishes jobs in progress before stop() returns', async () => {
      let finished = false;
      const worker = new Worker(
        queue,
        definitions({
          'test.slow': {
            payload: z.null(),
            perform: async () => {
              await new Promise((r) => setTimeout(r, 300));
              finished = true;
            },
          },
        }),
        silent,
        { concurrency: 2, pollIntervalMs: 20 },
      );
      const id = await queue.enqueue('test.slow', null);
      worker.start();
      for (let i = 0; i < 100 && (await queue.findById(id))?.status !== 'running'; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await worker.stop();
      expect(finished).toBe(true);
      expect((await queue.findById(id))?.status).toBe('done');
    });
  });

  describe(`the app's job registry on ${dialect.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    it('refuses a wrong payload at compile time, and fails such a row for good when it runs', async () => {
      // @ts-expect-error email.send carries { emailId }: core's registry says so
      const id = await t.runtime.store.jobs.enqueue('email.send', { email: 'someone@example.com' });
      await t.runtime.worker.drain();
      const job = await t.runtime.store.jobs.findById(id);
      expect(job).toMatchObject({ status: 'failed', attempts: 1 });
      expect(job?.lastError).toMatch(/^the payload does not fit email\.send: /);
      expect(job?.lastError).toContain('emailId');
    });

    it('runs every recurring kind with its empty payload', async () => {
      const ids = [
        await t.runtime.store.jobs.enqueue('maintenance.cleanup', null),
        await t.runtime.store.jobs.enqueue('metrics.alerts', null),
      ];
      await t.runtime.worker.drain();
      for (const id of ids)
        expect(await t.runtime.store.jobs.findById(id)).toMatchObject({ status: 'done' });
    });
  });
}
