/** Where "now" comes from, so tests can move time. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that reads `start` now and then advances with `real` time: a running server on a
 * fixed "today" (POLKU_TODAY, the browser tests) still sees its sessions, leases and jobs move.
 * @example clockStartingAt(Date.UTC(2026, 2, 28, 12)).now() // 2026-03-28T12:00Z, then later
 */
export function clockStartingAt(start: number, real: Clock = systemClock): Clock {
  const offset = start - real.now();
  return { now: () => real.now() + offset };
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in a time zone. Stored beside instants so
 * grouping by day, week, month or quarter is portable SQL and right across daylight saving.
 * @example localDay(Date.UTC(2026, 2, 28, 22, 30), 'Europe/Helsinki') // '2026-03-29'
 */
export function localDay(epochMs: number, timeZone: string): string {
  let fmt = dayFormatters.get(timeZone);
  if (!fmt) {
    // en-CA formats as YYYY-MM-DD.
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, fmt);
  }
  return fmt.format(epochMs);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * How far past the server's clock a submitted instant may lie: a sender whose clock runs fast,
 * or who wrote a time in the wrong zone, is forgiven; an answer from next week is not.
 */
export const SUBMITTED_AHEAD_MAX = DAY;

/**
 * Why an instant a client submits (a response's `submittedAt`, an event's `occurredAt`, a
 * date in an imported file) cannot be stored, or undefined when it can: it lies from
 * 1970-01-01T00:00:00Z to one day after `now`. Metric queries lay buckets out up to the
 * latest answer, so one answer dated in the far future would pad every chart.
 * @example submittedInstantIssue(Date.UTC(2026, 0, 3), Date.UTC(2026, 0, 1))
 *   // 'must not be later than 2026-01-02T00:00:00.000Z (one day after the server's time)'
 */
export function submittedInstantIssue(at: number, now: number): string | undefined {
  if (!Number.isSafeInteger(at) || at < 0)
    return 'must be whole epoch milliseconds from 1970-01-01T00:00:00Z on';
  const latest = now + SUBMITTED_AHEAD_MAX;
  if (at > latest)
    return `must not be later than ${new Date(latest).toISOString()} (one day after the server's time)`;
  return undefined;
}
