import type { MetricResult, QuestionMetricBucket } from '@polku/contracts';
import { bucketsBetween } from './period';

/**
 * The result with every bucket of the period in every group: the server lists only buckets
 * with answers, and a missing one is added with n = 0 and no score (shown as "no answers", a
 * gap in the line, an empty score in the CSV). Nothing is computed: an empty bucket has no
 * figure. Without both ends of the period, only the buckets some group has are listed.
 */
export function fillEmptyBuckets(result: MetricResult): MetricResult {
  if (result.by === 'all') return result;
  const present = [...new Set(result.groups.flatMap((g) => g.buckets.map((b) => b.bucket)))];
  const all =
    result.from && result.to
      ? [...new Set([...bucketsBetween(result.from, result.to, result.by), ...present])].sort()
      : present.sort();
  return {
    ...result,
    groups: result.groups.map((g) => {
      const byName = new Map(g.buckets.map((b) => [b.bucket, b]));
      const empty = (bucket: string): QuestionMetricBucket => ({
        bucket,
        n: 0,
        counts: {},
        score: null,
        ci95: null,
        method: g.total.method,
        smallSample: false,
        change: null,
      });
      return { ...g, buckets: all.map((name) => byName.get(name) ?? empty(name)) };
    }),
  };
}
