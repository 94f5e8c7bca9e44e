import { isoWeekOf, type BucketName } from '@polku/contracts';
import type { Histogram } from './histogram.js';

export {
  addDays,
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
