/**
 * How metric buckets are named, from a local calendar day (YYYY-MM-DD in the workspace's time
 * zone): the day itself, its ISO week (`2026-W05`), month (`2026-01`), quarter (`2026-Q1`),
 * year (`2026`), or `all`. Shared by the server, which counts by these names, and the web app,
 * which lays out charts and target lines by them: one definition, no copies.
 */

export type BucketName = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The ISO 8601 week of a local calendar day: weeks start on Monday and week 1 holds the
 * year's first Thursday, so the week's year can differ from the day's year near New Year.
 * @example isoWeekOf('2026-01-01') // '2026-W01'; isoWeekOf('2027-01-01') // '2026-W53'
 */
export function isoWeekOf(day: string): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of the same week
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The day `days` days after (or before, if negative) `day`. */
export function addDays(day: string, days: number): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** The name of the bucket a day falls in. */
export function bucketOf(day: string, by: BucketName): string {
  switch (by) {
    case 'day':
      return day;
    case 'week':
      return isoWeekOf(day);
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return day.slice(0, 4);
    case 'all':
      return 'all';
  }
}

/**
 * Every bucket from the one holding `from` to the one holding `to`, in order (at most
 * `limit`, so a decades-long period by day cannot run away).
 */
export function bucketsBetween(from: string, to: string, by: BucketName, limit = 5000): string[] {
  if (by === 'all') return ['all'];
  const out: string[] = [];
  for (let day = from; day <= to && out.length < limit; day = addDays(day, 1)) {
    const bucket = bucketOf(day, by);
    if (out[out.length - 1] !== bucket) out.push(bucket);
  }
  return out;
}

/**
 * How many buckets lie from the one holding `from` to the one holding `to` (0 when `from` is
 * after `to`), counted without listing them, so a caller can refuse a period too long to
 * lay out before doing the work.
 * @example bucketCount('2025-12-29', '2026-01-05', 'week') // 2: 2026-W01 and 2026-W02
 */
export function bucketCount(from: string, to: string, by: BucketName): number {
  if (from > to) return 0;
  if (by === 'all') return 1;
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const days = (a: string, b: string) =>
    Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  switch (by) {
    case 'day':
      return days(from, to) + 1;
    case 'week': {
      const monday = (day: string) =>
        addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
      return days(monday(from), monday(to)) / 7 + 1;
    }
    case 'month':
      return ty * 12 + tm - (fy * 12 + fm) + 1;
    case 'quarter':
      return ty * 4 + Math.floor((tm - 1) / 3) - (fy * 4 + Math.floor((fm - 1) / 3)) + 1;
    case 'year':
      return ty - fy + 1;
  }
}

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** Whether `year` has 53 ISO weeks (its Dec 28 is always in its last week). */
function isoWeeksIn(year: number): number {
  return isoWeekOf(`${year}-12-28`).endsWith('53') ? 53 : 52;
}

/**
 * The bucket just before `bucket` (the previous day, ISO week, month, quarter or year), so a
 * change is always measured against the adjacent period; null for `all`.
 * @example previousBucket('2026-01', 'month') // '2025-12'; previousBucket('2026-W01', 'week') // '2025-W52'
 */
export function previousBucket(bucket: string, by: BucketName): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (by) {
    case 'all':
      return null;
    case 'day': {
      const m = DAY.exec(bucket);
      if (!m) throw new RangeError(`not a day bucket: ${bucket}`);
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1));
      return d.toISOString().slice(0, 10);
    }
    case 'week': {
      const m = WEEK.exec(bucket);
      if (!m) throw new RangeError(`not a week bucket: ${bucket}`);
      const year = Number(m[1]);
      const week = Number(m[2]);
      return week > 1 ? `${year}-W${pad(week - 1)}` : `${year - 1}-W${pad(isoWeeksIn(year - 1))}`;
    }
    case 'month': {
      const m = MONTH.exec(bucket);
      if (!m) throw new RangeError(`not a month bucket: ${bucket}`);
      const month = Number(m[2]);
      return month > 1 ? `${m[1]}-${pad(month - 1)}` : `${Number(m[1]) - 1}-12`;
    }
    case 'quarter': {
      const m = QUARTER.exec(bucket);
      if (!m) throw new RangeError(`not a quarter bucket: ${bucket}`);
      const q = Number(m[2]);
      return q > 1 ? `${m[1]}-Q${q - 1}` : `${Number(m[1]) - 1}-Q4`;
    }
    case 'year':
      return String(Number(bucket) - 1);
  }
}

/** The last day of a month (1–12) of a year, YYYY-MM-DD. */
function lastOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The first and last day of a named bucket (the inverse of {@link bucketOf}); null for `all`,
 * which is whatever period was asked for.
 * @example bucketBounds('2026-W01', 'week') // { first: '2025-12-29', last: '2026-01-04' }
 * @example bucketBounds('2026-Q1', 'quarter') // { first: '2026-01-01', last: '2026-03-31' }
 */
export function bucketBounds(
  bucket: string,
  by: BucketName,
): { first: string; last: string } | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (by) {
    case 'all':
      return null;
    case 'day':
      if (!DAY.test(bucket)) throw new RangeError(`not a day bucket: ${bucket}`);
      return { first: bucket, last: bucket };
    case 'week': {
      const m = WEEK.exec(bucket);
      if (!m) throw new RangeError(`not a week bucket: ${bucket}`);
      // 4 January is always in week 1; its week's Monday starts the ISO year.
      const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
      const monday = addDays(
        jan4.toISOString().slice(0, 10),
        1 - (jan4.getUTCDay() || 7) + (Number(m[2]) - 1) * 7,
      );
      return { first: monday, last: addDays(monday, 6) };
    }
    case 'month': {
      const m = MONTH.exec(bucket);
      if (!m) throw new RangeError(`not a month bucket: ${bucket}`);
      return { first: `${bucket}-01`, last: lastOfMonth(Number(m[1]), Number(m[2])) };
    }
    case 'quarter': {
      const m = QUARTER.exec(bucket);
      if (!m) throw new RangeError(`not a quarter bucket: ${bucket}`);
      const q = Number(m[2]);
      return {
        first: `${m[1]}-${pad(3 * q - 2)}-01`,
        last: lastOfMonth(Number(m[1]), 3 * q),
      };
    }
    case 'year':
      if (!/^\d{4}$/.test(bucket)) throw new RangeError(`not a year bucket: ${bucket}`);
      return { first: `${bucket}-01-01`, last: `${bucket}-12-31` };
  }
}

/** Whether `day` is a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

/** The period presets every view offers: the last 30 days, or 3, 12 or 24 months. */
export const periodPresets = ['30d', '3m', '12m', '24m'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

/** The first day of the month `months` months after (or before) the month of `day`. */
export function monthStart(day: string, months = 0): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + months, 1)).toISOString().slice(0, 10);
}

/**
 * The days a preset covers, ending `today` (the workspace's local today). Month presets start
 * on the first of a month, so every month bucket but the current one is whole: "the last 12
 * months" is this month and the 11 before it. The one definition of the presets: the explorer,
 * the home page, the journey map and its observed paths all take their period from here.
 * @example periodRange('12m', '2026-03-28') // { from: '2025-04-01', to: '2026-03-28' }
 */
export function periodRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  switch (preset) {
    case '30d':
      return { from: addDays(today, -29), to: today };
    case '3m':
      return { from: monthStart(today, -2), to: today };
    case '12m':
      return { from: monthStart(today, -11), to: today };
    case '24m':
      return { from: monthStart(today, -23), to: today };
  }
}
