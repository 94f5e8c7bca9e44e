/**
 * A fixed-window counter per key, in memory: enough to stop a script flooding one survey link
 * from one address, generous enough for a shop's shared Wi-Fi. With several server processes
 * each keeps its own count, which only makes it more generous.
 */
export class WindowLimiter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit for `key`; false when the key has used up its window. */
  hit(key: string, now: number): boolean {
    this.sweep(now);
    const entry = this.counts.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      this.counts.set(key, { windowStart: now, count: 1 });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.max;
  }

  /** Forgets finished windows once per window, so the map holds only recent keys. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, entry] of this.counts) {
      if (now - entry.windowStart >= this.windowMs) this.counts.delete(key);
    }
  }
}
