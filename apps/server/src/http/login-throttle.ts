/**
 * Counts failed sign-ins per email, so guessing one account's password from many addresses
 * is slowed too (the per-IP rate limit alone would not). In memory: one process's view, which
 * is enough for a single server; several servers each keep their own count.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  isBlocked(email: string, now = Date.now()): boolean {
    return this.recent(email, now).length >= this.maxFailures;
  }

  recordFailure(email: string, now = Date.now()): void {
    const list = this.recent(email, now);
    list.push(now);
    this.failures.set(email, list);
    if (this.failures.size > 10_000) this.prune(now);
  }

  reset(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string, now: number): number[] {
    return (this.failures.get(email) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [email] of this.failures)
      if (this.recent(email, now).length === 0) this.failures.delete(email);
  }
}
