import type { JobRecord, Store } from '@polku/core';
import type { Logger } from 'pino';

/** A kind of background job: what it does, and what happens when it fails for good. */
export interface JobDefinition {
  kind: string;
  /** Handlers must be idempotent: a job may run again after a crash mid-way. */
  perform(payload: unknown, job: JobRecord): Promise<void>;
  onFinalFailure?(payload: unknown, error: string): Promise<void>;
}

export interface WorkerOptions {
  concurrency: number;
  pollIntervalMs?: number;
  /** How long a claimed job is ours; after that another worker may take it. */
  leaseMs?: number;
}

/** Exponential backoff with jitter: ~10 s, 20 s, 40 s … capped at one hour. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Runs jobs from the durable job table. Several workers (threads of one process or many
 * processes) may run at once: claiming is atomic. `stop()` waits for jobs in progress.
 */
export class Worker {
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    definitions: JobDefinition[],
    private readonly log: Logger,
    private readonly options: WorkerOptions,
  ) {
    for (const d of definitions) this.definitions.set(d.kind, d);
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
  async drain(now = Date.now): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await this.store.jobs.claim(
        now(),
        this.options.concurrency,
        now() + this.leaseMs(),
      );
      if (jobs.length === 0) return total;
      await Promise.all(jobs.map((j) => this.run(j)));
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
        const now = Date.now();
        const jobs = await this.store.jobs.claim(now, free, now + this.leaseMs());
        claimed = jobs.length;
        for (const job of jobs) {
          const p = this.run(job).finally(() => this.inFlight.delete(p));
          this.inFlight.add(p);
        }
      } catch (err) {
        this.log.error({ err }, 'claiming jobs failed');
      }
    }
    // Busy: look again at once; idle: wait for the poll interval.
    this.schedule(claimed > 0 ? 0 : (this.options.pollIntervalMs ?? 500));
  }

  private async run(job: JobRecord): Promise<void> {
    const definition = this.definitions.get(job.kind);
    const log = this.log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    try {
      if (!definition) throw new Error(`no handler for job kind ${job.kind}`);
      await definition.perform(job.payload, job);
      await this.store.jobs.complete(job.id, Date.now());
      log.debug('job done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.maxAttempts || !definition;
      const retryAt = final ? null : Date.now() + retryDelayMs(job.attempts);
      log.warn({ err, retryAt }, final ? 'job failed for good' : 'job failed; will retry');
      try {
        await this.store.jobs.fail(job.id, message, retryAt, Date.now());
        if (final) await definition?.onFinalFailure?.(job.payload, message);
      } catch (e) {
        log.error(
          { err: e },
          'recording the job failure failed; the lease will run out and the job runs again',
        );
      }
    }
  }
}
