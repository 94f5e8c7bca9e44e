import type { JobPayloads } from './job-kinds.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRecord {
  id: string;
  kind: string;
  /** As read back from the table: the worker checks it against the kind's schema. */
  payload: unknown;
  status: JobStatus;
  runAt: number;
  attempts: number;
  maxAttempts: number;
  lockedUntil: number | null;
  /** Who holds the job while it runs: a new token at every claim, null when nobody does. */
  leaseToken: string | null;
  lastError: string | null;
  uniqueKey: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A job as its claimer got it: the lease token proves the claimer still holds it. */
export interface ClaimedJob extends JobRecord {
  status: 'running';
  leaseToken: string;
}

/** What renewing, completing or failing a job needs: the job and the token of its claim. */
export type JobLease = Pick<ClaimedJob, 'id' | 'leaseToken'>;

export interface EnqueueOptions {
  runAt?: number;
  maxAttempts?: number;
  /** At most one unfinished job per key (e.g. one run of a recurring job per slot). */
  uniqueKey?: string;
}

/**
 * The durable job queue. `P` maps each kind to its payload (the app's registry by default;
 * the queue's own tests use kinds of their own).
 */
export interface JobRepository<P extends object = JobPayloads> {
  enqueue<K extends keyof P & string>(
    kind: K,
    payload: P[K],
    options?: EnqueueOptions,
  ): Promise<string>;
  /**
   * Takes up to `limit` due jobs (or jobs whose lease ran out) and leases them until
   * `leaseUntil` under a new lease token.
   */
  claim(now: number, limit: number, leaseUntil: number): Promise<ClaimedJob[]>;
  /** Extends the lease to `leaseUntil`; false when the lease is no longer this claimer's. */
  renew(lease: JobLease, now: number, leaseUntil: number): Promise<boolean>;
  /** Marks the job done; false (and nothing changed) when the lease is no longer this claimer's. */
  complete(lease: JobLease, now: number): Promise<boolean>;
  /**
   * Records a failed attempt: the job runs again at `retryAt`, or fails for good when null.
   * False (and nothing changed) when the lease is no longer this claimer's.
   */
  fail(lease: JobLease, error: string, retryAt: number | null, now: number): Promise<boolean>;
  findById(id: string): Promise<JobRecord | undefined>;
  countByStatus(): Promise<Record<JobStatus, number>>;
  deleteFinishedBefore(before: number): Promise<number>;
}
