import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  MetricGroup,
  MetricQuery,
  MetricResult,
  QuestionMetricBucket,
} from '@polku/contracts';
import { api } from './client';

/** Query keys of the understanding area (metrics) of one workspace. */
export const metricsKeys = {
  all: (ws: string) => ['ws', ws, 'metrics'] as const,
  query: (ws: string, query: MetricQuery) => ['ws', ws, 'metrics', 'query', query] as const,
};

/**
 * A metric per bucket, filtered and broken down (POST …/metrics/query; it only reads). While
 * another view loads, the previous result stays on screen, so changing a filter does not
 * flash an empty chart. `enabled: false` while the explorer still lacks a required choice.
 */
export function useMetricQuery(workspaceId: string, query: MetricQuery | null) {
  return useQuery({
    queryKey: metricsKeys.query(workspaceId, query ?? ({} as MetricQuery)),
    queryFn: () => api.call('queryMetric', { params: { workspaceId }, body: query as MetricQuery }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * The significance test of a change, as core's `ChangeResult` computes it (docs/metrics.md,
 * "Change between two periods"). NOT YET IN THE CONTRACT: the explorer marks significant
 * changes once the server sends `change` on each bucket (against the bucket before it) and on
 * each group (its whole period against the period of equal length before it). Until then these
 * fields are absent and nothing is marked; the browser computes no statistics itself.
 */
export interface MetricChange {
  /** Later minus earlier, in the metric's units (NPS points, percentage points, scale points). */
  difference: number;
  /** Two-sided p-value; null when neither period varies. */
  pValue: number | null;
  ci95: readonly [number, number] | null;
  /** p < 0.05, two-sided. */
  significant: boolean;
  /** Either period has n below 30: read the test with care. */
  smallSample: boolean;
}

/** A bucket as the explorer reads it: the contract's bucket plus the awaited change test. */
export type ExplorerBucket = QuestionMetricBucket & { change?: MetricChange | null };

/** The change of a bucket against the one before it, once the server supplies it. */
export function changeOf(bucket: QuestionMetricBucket): MetricChange | null {
  return (bucket as ExplorerBucket).change ?? null;
}

/** The change of a group's whole period against the period before it, once supplied. */
export function groupChangeOf(group: MetricGroup): MetricChange | null {
  return (group as MetricGroup & { change?: MetricChange | null }).change ?? null;
}

export type { MetricGroup, MetricQuery, MetricResult };
