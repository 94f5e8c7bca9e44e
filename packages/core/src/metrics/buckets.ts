import {
  addDays,
  bucketBounds,
  isoWeekOf,
  previousBucket,
  type BucketCoverage,
  type BucketName,
} from '@polku/contracts';
import type { Histogram } from './histogram.js';

export type { BucketCoverage } from '@polku/contracts';
export {
  addDays,
  bucketBounds,
  bucketCount,
  bucketOf,
  bucketsBetween,
  isCalendarDay,
  isoWeekOf,
  previousBucket,
} from '@polku/contracts';

/** How answers are grouped in time: by the response's local day in the workspace's zone. */
export type MetricBucketBy = BucketName;
/** The buckets SQL groups by; ISO weeks are folded from days in TypeScript ({@link isoWeekOf}). */
export type SqlBucketBy = Exclude<MetricBucketBy, 'week'>;

/** One histogram cell: in `bucket`, `count` answers had `value`. */
export interface HistogramRow {
  bucket: string;
  value: number;
  count: number;
}

/** Per-day rows folded into ISO-week rows (each row's bucket renamed; counts stay apart). */
export function foldIntoIsoWeeks<R extends HistogramRow>(rows: readonly R[]): R[] {
  return rows.map((row) => ({ ...row, bucket: isoWeekOf(row.bucket) }));
}

/** Rows grouped into one histogram per bucket, buckets in ascending order. */
export function histogramsByBucket(rows: readonly HistogramRow[]): Map<string, Histogram> {
  const out = new Map<string, Map<number, number>>();
  for (const row of [...rows].sort((a, b) =>
    a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0,
  )) {
    let h = out.get(row.bucket);
    if (!h) out.set(row.bucket, (h = new Map<number, number>()));
    h.set(row.value, (h.get(row.value) ?? 0) + row.count);
  }
  return out;
}

/** The earliest of some YYYY-MM-DD days (they sort as text). */
const earliest = (...days: string[]): string => days.reduce((a, b) => (b < a ? b : a));

/** Days from `from` to `to`, both counted; 0 when `to` is before `from`. */
export function countDays(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000) + 1);
}

/** Inclusive local days; either end may be open. */
export interface DayPeriod {
  from?: string | undefined;
  to?: string | undefined;
}

/** The days of a bucket that a figure covers (inside the period, not after today), or null. */
export function coveredDays(
  bounds: { first: string; last: string },
  period: DayPeriod,
  today: string,
): { from: string; to: string } | null {
  const from = period.from && period.from > bounds.first ? period.from : bounds.first;
  const to = earliest(bounds.last, period.to ?? bounds.last, today);
  return from <= to ? { from, to } : null;
}

/**
 * How much of a bucket (its first…last day) a figure covers, given the period asked for and
 * today, the workspace's local day.
 * @example bucketCoverage({ first: '2026-12-01', last: '2026-12-31' },
 *   { from: '2026-01-01', to: '2026-12-02' }, '2026-12-02') // { state: 'inProgress', days: 2, ofDays: 31 }
 */
export function bucketCoverage(
  bounds: { first: string; last: string },
  period: DayPeriod,
  today: string,
): BucketCoverage {
  const covered = coveredDays(bounds, period, today);
  const days = covered ? countDays(covered.from, covered.to) : 0;
  const ofDays = countDays(bounds.first, bounds.last);
  const state =
    bounds.first > today
      ? 'future'
      : bounds.last >= today
        ? 'inProgress'
        : days < ofDays
          ? 'partial'
          : 'complete';
  return { state, days, ofDays };
}

/**
 * The same days of the bucket before, so an incomplete bucket is compared like with like: the
 * covered days' offsets from the bucket's first day, moved to the previous bucket's first day
 * and kept inside it. 1–2 December against 1–2 November; Monday–Wednesday against the Monday–
 * Wednesday before; 1–31 March, still in progress, against the whole of February. Null when
 * none of those days exists in the bucket before (a month's 31st against a 30-day month).
 * @example sameDaysBefore('2026-12', 'month', { from: '2026-12-01', to: '2026-12-02' })
 *   // { from: '2026-11-01', to: '2026-11-02' }
 */
export function sameDaysBefore(
  bucket: string,
  by: Exclude<MetricBucketBy, 'all'>,
  covered: { from: string; to: string },
): { from: string; to: string } | null {
  const bounds = bucketBounds(bucket, by)!;
  const before = bucketBounds(previousBucket(bucket, by)!, by)!;
  const from = addDays(before.first, countDays(bounds.first, covered.from) - 1);
  const to = earliest(addDays(before.first, countDays(bounds.first, covered.to) - 1), before.last);
  return from <= to ? { from, to } : null;
}
