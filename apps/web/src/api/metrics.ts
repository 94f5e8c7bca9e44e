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

/**
 * A group's whole period against the period of equal length before it, for "change vs the
 * previous period" on the home page. NOT YET IN THE CONTRACT: shown once the server sends
 * `change` on a group (same shape as a bucket's); absent until then, and the browser computes
 * no statistics itself.
 */
export type GroupChange = Omit<MetricChange, 'previous'> & {
  previousFrom?: string;
  previousTo?: string;
};

/** The change of a bucket against the one before it (null when either has no answers). */
export function changeOf(bucket: QuestionMetricBucket): MetricChange | null {
  return bucket.change ?? null;
}

/** The change of a group's whole period against the period before it, once supplied. */
export function groupChangeOf(group: MetricGroup): GroupChange | null {
  return (group as MetricGroup & { change?: GroupChange | null }).change ?? null;
}

export type { MetricGroup, MetricQuery, MetricResult };
