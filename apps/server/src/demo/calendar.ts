/**
 * The flower shop's calendar: which days are busy (Valentine's Day, Mother's Day, Christmas,
 * graduations), how the week and the year run, and local times of day turned into instants in
 * the workspace's time zone.
 */
import { DAY } from '@polku/core';

export type Season = 'valentine' | 'mothers' | 'christmas' | 'graduation' | 'womens';

export interface DemoDay {
  /** `YYYY-MM-DD` in the workspace's time zone. */
  day: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** How far into the period, 0 at the first day and 1 at the last. */
  progress: number;
  /** The flower occasion the day belongs to, if any. */
  season: Season | null;
  /** How much busier than usual the shop is because of the occasion (1 = ordinary). */
  rush: number;
  /** Expected volume relative to an ordinary day: weekday × month × rush. */
  volume: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (utcMidnight: number) => {
  const d = new Date(utcMidnight);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** The n-th Sunday (1-based) of a month, as a day of the month. */
export function nthSunday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + (n - 1) * 7;
}

/** Mother's Day in Finland: the second Sunday of May. */
export function mothersDay(year: number): string {
  return `${year}-05-${pad(nthSunday(year, 5, 2))}`;
}

/** Sunday 0 … Saturday 6: the shop is quiet early in the week and busiest on Friday and Saturday. */
const WEEKDAY = [0.5, 0.8, 0.85, 0.9, 1.0, 1.35, 1.3];
/** January … December: a slow start of the year, spring and graduation season, Christmas. */
const MONTH = [0.75, 0.9, 1.0, 1.05, 1.2, 1.2, 0.9, 0.9, 0.95, 0.95, 1.0, 1.25];

function occasion(
  year: number,
  month: number,
  date: number,
): { season: Season; rush: number } | null {
  if (month === 2 && date >= 9 && date <= 15) {
    return { season: 'valentine', rush: [1.4, 1.8, 2.2, 2.8, 3.5, 5, 1.2][date - 9]! };
  }
  if (month === 3 && date === 8) return { season: 'womens', rush: 1.6 };
  if (month === 5) {
    const sunday = nthSunday(year, 5, 2);
    const before = sunday - date;
    // Thursday to Saturday build up; on the Sunday itself the shop opens for the day.
    if (before >= 0 && before <= 3) return { season: 'mothers', rush: [6, 4, 2.6, 1.8][before]! };
  }
  if (month === 6 || month === 5) {
    // Graduation parties: the first Saturday of June and the Friday before it.
    const firstSaturday = 1 + ((6 - new Date(Date.UTC(year, 5, 1)).getUTCDay() + 7) % 7);
    const saturday = Date.UTC(year, 5, firstSaturday);
    const diff = (saturday - Date.UTC(year, month - 1, date)) / DAY;
    if (diff === 0) return { season: 'graduation', rush: 2.6 };
    if (diff === 1) return { season: 'graduation', rush: 2 };
  }
  if (month === 12 && date <= 24) {
    const rush = date <= 10 ? 1.3 : date <= 17 ? 1.7 : date <= 21 ? 2.6 : date <= 23 ? 3.4 : 2.4;
    return { season: 'christmas', rush };
  }
  return null;
}

/** Days the shop is closed or nearly so (Christmas Day, Boxing Day, New Year's Day, Midsummer). */
function closedFactor(month: number, date: number, weekday: number): number {
  if (month === 12 && (date === 25 || date === 26)) return 0.05;
  if (month === 1 && date === 1) return 0.1;
  // Midsummer Eve is the Friday between 19 and 25 June; the Saturday after is Midsummer Day.
  if (month === 6 && weekday === 5 && date >= 19 && date <= 25) return 0.3;
  if (month === 6 && weekday === 6 && date >= 20 && date <= 26) return 0.1;
  return 1;
}

/** The `count` days ending with `lastDay` (inclusive), oldest first. */
export function demoDays(lastDay: string, count: number): DemoDay[] {
  const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
  const last = Date.UTC(y, m - 1, d);
  const days: DemoDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const at = last - i * DAY;
    const date = new Date(at);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const dom = date.getUTCDate();
    const weekday = date.getUTCDay();
    const occ = occasion(year, month, dom);
    const rush = occ?.rush ?? 1;
    days.push({
      day: dayOf(at),
      weekday,
      progress: count === 1 ? 1 : (count - 1 - i) / (count - 1),
      season: occ?.season ?? null,
      rush,
      volume: WEEKDAY[weekday]! * MONTH[month - 1]! * rush * closedFactor(month, dom, weekday),
    });
  }
  return days;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The time zone's offset from UTC in milliseconds at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    offsetFormatters.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(instant).map((x) => [x.type, x.value]));
  const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
  return local - Math.floor(instant / 60_000) * 60_000;
}

/**
 * Turns local times of one day into instants. The offset is taken at local noon, which is right
 * for every time after the small hours (daylight saving changes at 03:00–04:00 local time).
 */
export function localClock(day: string, timeZone: string): (minuteOfDay: number) => number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  const offset = offsetAt(midnightUtc + 12 * 3_600_000, timeZone);
  return (minuteOfDay) => midnightUtc + minuteOfDay * 60_000 - offset;
}
