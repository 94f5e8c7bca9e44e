import { systemClock, type Clock, type RecurringJobKind, type Store } from '@polku/core';
import type { Logger } from 'pino';

/** A job enqueued every `everyMs` (e.g. hourly clean-up); recurring kinds carry no payload. */
export interface RecurringJob {
  kind: RecurringJobKind;
  everyMs: number;
}

/**
 * Enqueues recurring jobs when due. Any number of schedulers may run: a guarded UPDATE on the
 * schedule row decides which one enqueues, in the same transaction as the job.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly jobs: RecurringJob[],
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
    private readonly tickMs = 10_000,
  ) {}

  start(): void {
    const loop = () => {
      this.ticking = this.tick()
        .then(() => undefined)
        .catch((err: unknown) => this.log.error({ err }, 'scheduler tick failed'))
        .finally(() => {
          this.ticking = undefined;
        });
    };
    loop();
    this.timer = setInterval(loop, this.tickMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  /** Enqueues each recurring job that is due now; returns the kinds enqueued. */
  async tick(now = this.clock.now()): Promise<string[]> {
    const enqueued: string[] = [];
    for (const job of this.jobs) {
      const claimed = await this.store.transaction(async (tx) => {
        if (!(await tx.schedules.claimDue(job.kind, now, now + job.everyMs))) return false;
        await tx.jobs.enqueue(job.kind, null, { uniqueKey: `recurring:${job.kind}` });
        return true;
      });
      if (claimed) enqueued.push(job.kind);
    }
    return enqueued;
  }
}
