/** Where "now" comes from, so tests can move time. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

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
