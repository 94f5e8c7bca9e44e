import type { Clock } from '@polku/core';

/** A clock the tests move by hand, so waits and leases run out when a test says so. */
export class HandClock implements Clock {
  constructor(private at = Date.UTC(2026, 2, 2, 12, 0)) {}
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}
