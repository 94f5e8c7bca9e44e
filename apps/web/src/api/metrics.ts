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

/** A bucket's change against the adjacent earlier bucket, with its significance test. */
export type MetricChange = NonNullable<QuestionMetricBucket['change']>;

/** The change of a bucket against the one before it (null when either has no answers). */
export function changeOf(bucket: QuestionMetricBucket): MetricChange | null {
  return bucket.change ?? null;
}

/** The change of a group's whole period against the period as long just before it. */
export function groupChangeOf(group: MetricGroup): MetricChange | null {
  return group.change;
}

export type { MetricGroup, MetricQuery, MetricResult };
