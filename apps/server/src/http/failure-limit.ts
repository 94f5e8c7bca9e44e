import { normalizeIP } from '@fastify/rate-limit';
import { DomainError, type Clock } from '@polku/core';
import type { FastifyReply } from 'fastify';

/**
 * The most keys one counter remembers. Past it, the key whose last failure is oldest is
 * forgotten first, so a flood of new keys costs memory up to here and no further.
 */
const MAX_KEYS = 50_000;

/**
 * The address a failure limit counts by, the same as @fastify/rate-limit's per-address limits:
 * an IPv4 address as it is, an IPv6 address by its /64 network (one home or server is given a
 * whole /64, so counting single IPv6 addresses would let one client count as billions).
 */
export function addressKey(ip: string | null): string {
  return ip ? normalizeIP(ip) : 'unknown';
}

/**
 * Failures per key in a sliding window: a key with `max` failures within the last `windowMs`
 * waits until the oldest of them leaves the window. Only failures are counted, so whoever
 * succeeds is never slowed by the limit. Kept in memory: one process's view, which is enough
 * for one server; several servers each keep their own count.
 */
export class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: { max: number; windowMs: number },
    private readonly clock: Clock,
  ) {}

  /** How long `key` must wait before its next attempt; 0 when it may try now. */
  waitMs(key: string): number {
    const now = this.clock.now();
    const recent = this.recent(key, now);
    const oldestThatCounts = recent[recent.length - this.limit.max];
    return oldestThatCounts === undefined ? 0 : oldestThatCounts + this.limit.windowMs - now;
  }

  recordFailure(key: string): void {
    const now = this.clock.now();
    // Only the last `max` failures decide when the key may try again.
    const kept = [...this.recent(key, now), now].slice(-this.limit.max);
    rememberLatest(this.failures, key, kept);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.limit.windowMs);
  }
}

/** Stores `value` as the newest entry of `map`, forgetting the oldest entry past MAX_KEYS. */
export function rememberLatest<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_KEYS) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}

/**
 * The 429 of a failure limit: `Retry-After` (seconds) says when the next attempt will be
 * heard, and the message says it in words.
 */
export function tooManyFailures(reply: FastifyReply, waitMs: number, what: string): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  void reply.header('retry-after', String(seconds));
  return new DomainError('RATE_LIMITED', `${what} Try again in ${describeWait(seconds)}.`);
}

function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
