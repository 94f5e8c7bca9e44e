import { useQueries } from '@tanstack/react-query';
import type { JourneyMap } from '@polku/contracts';
import { useMemo } from 'react';
import { touchpointDirectory, type TouchpointEntry } from '../lib/touchpoints';
import { api } from './client';
import { journeyKeys, useJourneysQuery } from './journeys';

/**
 * The workspace's touchpoints by id, read from its journey maps (the same cache entries the map
 * page uses, so a touchpoint renamed there is renamed here). A workspace has a handful of
 * journeys, so one map each is fewer bytes than a second list to keep in step.
 */
export function useTouchpointDirectory(workspaceId: string) {
  const journeys = useJourneysQuery(workspaceId);
  const ids = journeys.data?.items.map((j) => j.id) ?? [];
  const maps = useQueries({
    queries: ids.map((journeyId) => ({
      queryKey: journeyKeys.map(workspaceId, journeyId),
      queryFn: () => api.call('getJourneyMap', { params: { workspaceId, journeyId } }),
    })),
    combine: (results) => ({
      data: results.map((r) => r.data).filter((d): d is JourneyMap => d !== undefined),
      pending: results.some((r) => r.isPending),
    }),
  });
  const entries = useMemo(() => touchpointDirectory(maps.data), [maps.data]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  return {
    entries,
    byId,
    /** Still loading: an id without an entry may yet get one. */
    pending: journeys.isPending || maps.pending,
  } satisfies { entries: TouchpointEntry[]; byId: Map<string, TouchpointEntry>; pending: boolean };
}
