/** A wall-clock date and time, as written in a file, without a zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// Offsets only change at transitions, which fall on quarter hours: cache per quarter hour.
const offsets = new Map<string, number>();
const QUARTER = 15 * 60_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (Helsinki in summer: +3 h). */
export function zoneOffset(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / QUARTER);
  const key = `${timeZone}|${bucket}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const at = bucket * QUARTER;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  const offset = wall - at;
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/**
 * The instant a wall-clock time in a zone names. Across daylight saving it behaves like
 * Temporal's "compatible": a time that occurs twice (autumn) is the earlier one; a time that
 * never occurs (the spring gap) moves forward by the gap.
 * @example localTimeToInstant({year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0}, 'Europe/Helsinki')
 *   // = Date.UTC(2026, 2, 29, 1, 30): 03:30 does not exist there, so it is 04:30 EEST
 */
export function localTimeToInstant(t: LocalDateTime, timeZone: string): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond ?? 0);
  const DAY = 86_400_000;
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  const early = wall - Math.max(before, after);
  const late = wall - Math.min(before, after);
  const fits = (instant: number) => instant + zoneOffset(instant, timeZone) === wall;
  if (fits(early)) return early;
  if (fits(late)) return late;
  // In the gap: read the wall time with the offset in force before the transition.
  return wall - before;
}

/** Whether the fields name a real calendar date and time (31 February does not). */
export function isValidLocal(t: LocalDateTime): boolean {
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.hour > 23 || t.minute > 59 || t.second > 60)
    return false;
  const probe = new Date(Date.UTC(t.year, t.month - 1, t.day));
  return probe.getUTCDate() === t.day && probe.getUTCMonth() === t.month - 1;
}

/**
 * The instant a local calendar day starts in a time zone (midnight, or the first moment after
 * a daylight-saving gap at midnight). Instants of a period of local days are then the
 * half-open range [start of the first day, start of the day after the last).
 * @example startOfLocalDay('2026-03-29', 'Europe/Helsinki') // Date.UTC(2026, 2, 28, 22)
 */
export function startOfLocalDay(day: string, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localTimeToInstant({ year, month, day: date, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The first day of the month after `month` (YYYY-MM), as YYYY-MM-01. */
export function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}
