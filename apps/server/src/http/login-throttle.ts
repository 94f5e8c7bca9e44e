import { HOUR, MINUTE, type Clock } from '@polku/core';
import { addressKey, rememberLatest } from './failure-limit.js';

/** The limit per (email, address) pair; docs/configuration.md "Sign-in limits" says the same. */
export const SIGN_IN_PAIR_LIMIT = {
  /** Failures a pair may have before it waits. */
  freeFailures: 5,
  /** The wait after the last free failure; it doubles with each failure after. */
  firstWaitMs: 30_000,
  maxWaitMs: 15 * MINUTE,
  /** A pair without a failure for this long starts again from nothing. */
  forgetAfterMs: HOUR,
};

interface PairFailures {
  count: number;
  lastAt: number;
}

/**
 * Slows password guessing per (email, address) pair: after five failures the pair waits 30 s,
 * then twice as long after each further failure, at most 15 minutes. A pair never slows
 * another, so wrong passwords sent from anywhere else never stop the account's owner from
 * signing in where they have not failed; a successful sign-in clears the pair. (Failures of
 * one address across all emails are limited by the route table's failure limit.) In memory:
 * one process's view, enough for one server.
 */
export class SignInThrottle {
  private readonly pairs = new Map<string, PairFailures>();

  constructor(
    private readonly clock: Clock,
    private readonly limit = SIGN_IN_PAIR_LIMIT,
  ) {}

  /** How long this pair must wait before its next attempt is heard; 0 when it may try now. */
  waitMs(email: string, ip: string | null): number {
    const now = this.clock.now();
    const failures = this.current(pairKey(email, ip), now);
    if (!failures || failures.count < this.limit.freeFailures) return 0;
    const wait = Math.min(
      this.limit.firstWaitMs * 2 ** (failures.count - this.limit.freeFailures),
      this.limit.maxWaitMs,
    );
    return Math.max(0, failures.lastAt + wait - now);
  }

  recordFailure(email: string, ip: string | null): void {
    const now = this.clock.now();
    const key = pairKey(email, ip);
    const count = (this.current(key, now)?.count ?? 0) + 1;
    rememberLatest(this.pairs, key, { count, lastAt: now });
  }

  recordSuccess(email: string, ip: string | null): void {
    this.pairs.delete(pairKey(email, ip));
  }

  private current(key: string, now: number): PairFailures | undefined {
    const failures = this.pairs.get(key);
    return failures && now - failures.lastAt < this.limit.forgetAfterMs ? failures : undefined;
  }
}

const pairKey = (email: string, ip: string | null) => JSON.stringify([email, addressKey(ip)]);
