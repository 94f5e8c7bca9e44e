import { useQuery } from '@tanstack/react-query';
import type { ObservedFlowQuery } from '@polku/contracts';
import { api } from './client';

/** The observed flow between touchpoints (read-only; runs when `body` is not null). */
export function useObservedFlowQuery(workspaceId: string, body: ObservedFlowQuery | null) {
  return useQuery({
    queryKey: ['workspace', workspaceId, 'observed-flow', body] as const,
    queryFn: () => api.call('queryObservedFlow', { params: { workspaceId }, body: body! }),
    enabled: body !== null && workspaceId !== '',
  });
}
