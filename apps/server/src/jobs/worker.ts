import {
  systemClock,
  type ClaimedJob,
  type Clock,
  type JobPayloads,
  type JobRepository,
} from '@polku/core';
import type { Logger } from 'pino';
import { z } from 'zod';

/** A kind of background job: its payload's shape, what it does, and what happens when it fails for good. */
export interface JobDefinition<T> {
  /**
   * The payload as the registry declares it, checked when the job runs: a payload that does
   * not fit fails the job for good at once, as running it again cannot mend it.
   */
  payload: z.ZodType<T>;
  /** Handlers must be idempotent: a job may run again after a crash mid-way. */
  perform(payload: T, job: ClaimedJob): Promise<void>;
  onFinalFailure?(payload: T, error: string): Promise<void>;
}

/** One definition per kind of the registry `P`; the compiler insists none is missing. */
export type JobDefinitions<P extends object = JobPayloads> = {
  [K in keyof P]: JobDefinition<P[K]>;
};

export interface WorkerOptions {
  concurrency: number;
  pollIntervalMs?: number;
  /** How long a claimed job is ours; after that another worker may take it. */
  leaseMs?: number;
  /** How often a running job's lease is renewed (a third of the lease unless given). */
  renewEveryMs?: number;
  clock?: Clock;
}

/** Exponential backoff with jitter: ~10 s, 20 s, 40 s … capped at one hour. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Runs jobs from the durable job table. Several workers (threads of one process or many
 * processes) may run at once: claiming is atomic. While a job runs, its lease is renewed, so a
 * slow job is never taken by a second worker while its first is alive; a dead worker stops
 * renewing and its lease runs out. A worker that finds its lease lost (another worker took
 * the job) leaves the job to that worker. `stop()` waits for jobs in progress.
 */
export class Worker<P extends object = JobPayloads> {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly jobs: JobRepository<P>,
    private readonly definitions: JobDefinitions<P>,
    private readonly log: Logger,
    private readonly options: WorkerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** Stops taking jobs and waits for those in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.polling;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Runs every due job until none is left (tests and the `migrate`-style one-shot commands). */
  async drain(now = () => this.clock.now()): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await this.jobs.claim(now(), this.options.concurrency, now() + this.leaseMs());
      if (jobs.length === 0) return total;
      await Promise.all(jobs.map((j) => this.run(j, now)));
      total += jobs.length;
    }
  }

  private leaseMs(): number {
    return this.options.leaseMs ?? 5 * 60_000;
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll().finally(() => (this.polling = undefined));
    }, delay);
  }

  private async poll(): Promise<void> {
    const free = this.options.concurrency - this.inFlight.size;
    let claimed = 0;
    if (free > 0) {
      try {
        const now = this.clock.now();
        const jobs = await this.jobs.claim(now, free, now + this.leaseMs());
        claimed = jobs.length;
        for (const job of jobs) {
          const p = this.run(job, () => this.clock.now()).finally(() => this.inFlight.delete(p));
          this.inFlight.add(p);
        }
      } catch (err) {
        this.log.error({ err }, 'claiming jobs failed');
      }
    }
    // Busy: look again at once; idle: wait for the poll interval.
    this.schedule(claimed > 0 ? 0 : (this.options.pollIntervalMs ?? 500));
  }

  private async run(job: ClaimedJob, now: () => number): Promise<void> {
    const log = this.log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const definition = this.definitionOf(job.kind);
    if (!definition) return this.failForGood(job, `no handler for job kind ${job.kind}`, now, log);
    const payload = definition.payload.safeParse(job.payload);
    if (!payload.success) {
      const problem = z.prettifyError(payload.error).replaceAll('\n', '; ');
      return this.failForGood(job, `the payload does not fit ${job.kind}: ${problem}`, now, log);
    }
    const lease = this.keepLease(job, now, log);
    try {
      await definition.perform(payload.data, job);
    } catch (err) {
      lease.stop();
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.maxAttempts;
      const retryAt = final ? null : now() + retryDelayMs(job.attempts);
      log.warn({ err, retryAt }, final ? 'job failed for good' : 'job failed; will retry');
      try {
        if (!(await this.jobs.fail(job, message, retryAt, now())))
          return logLeaseLost(log, 'its failure is not recorded');
        if (final) await definition.onFinalFailure?.(payload.data, message);
      } catch (e) {
        log.error(
          { err: e },
          'recording the job failure failed; the lease will run out and the job runs again',
        );
      }
      return;
    }
    lease.stop();
    try {
      if (!(await this.jobs.complete(job, now())))
        return logLeaseLost(log, 'its completion is not recorded');
      log.debug('job done');
    } catch (err) {
      log.error({ err }, 'recording the job done failed; the lease will run out and it runs again');
    }
  }

  private definitionOf(kind: string): JobDefinition<unknown> | undefined {
    const definitions = this.definitions as Record<string, JobDefinition<unknown>>;
    return Object.hasOwn(definitions, kind) ? definitions[kind] : undefined;
  }

  /** A job that no attempt can run (no handler, a payload that does not fit): no retries. */
  private async failForGood(
    job: ClaimedJob,
    error: string,
    now: () => number,
    log: Logger,
  ): Promise<void> {
    log.error({ error }, 'job failed for good without running');
    try {
      if (!(await this.jobs.fail(job, error, null, now())))
        logLeaseLost(log, 'its failure is not recorded');
    } catch (err) {
      log.error({ err }, 'recording the job failure failed; the lease will run out');
    }
  }

  /**
   * Renews the job's lease every `renewEveryMs` while it runs. A renewal that finds the lease
   * gone stops renewing: the job is another worker's now.
   */
  private keepLease(job: ClaimedJob, now: () => number, log: Logger): { stop(): void } {
    const every = this.options.renewEveryMs ?? Math.floor(this.leaseMs() / 3);
    let renewing = false;
    let stopped = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      const at = now();
      this.jobs
        .renew(job, at, at + this.leaseMs())
        .then((held) => {
          // A renewal that lands after the job was recorded done finds no lease: not a loss.
          if (held || stopped) return;
          clearInterval(timer);
          logLeaseLost(log, 'it is no longer renewed');
        })
        .catch((err: unknown) => log.warn({ err }, 'renewing the job lease failed; will retry'))
        .finally(() => (renewing = false));
    }, every);
    return {
      stop: () => {
        stopped = true;
        clearInterval(timer);
      },
    };
  }
}

function logLeaseLost(log: Logger, consequence: string): void {
  log.warn(`job lease lost: another worker holds the job now, so ${consequence}`);
}
