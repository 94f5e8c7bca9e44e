import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  buildPath,
  fileRoutes,
  type FileRouteName,
  type RouteInput,
  type SurveyInvitation,
} from '@polku/contracts';
import { serverNow } from '../lib/server-clock';
import { api } from './client';
import { listeningKeys, type ResponseFilters } from './surveys';
import { wsKeys } from './workspace';

const invitationsKey = (ws: string, surveyId: string) =>
  [...listeningKeys.survey(ws, surveyId), 'invitations'] as const;

/** How often the list looks again while an invitation is due but not yet sent by the worker. */
const pendingRefreshMs = 3_000;

function hasDueInvitation(items: SurveyInvitation[] | undefined): boolean {
  const now = serverNow().getTime(); // scheduledAt is the server's time
  return (items ?? []).some((i) => i.status === 'scheduled' && i.scheduledAt <= now);
}

/** The survey's email invitations; refreshes itself while some are due to go out. */
export function useSurveyInvitationsQuery(workspaceId: string, surveyId: string) {
  return useQuery({
    queryKey: invitationsKey(workspaceId, surveyId),
    queryFn: () => api.call('listSurveyInvitations', { params: { workspaceId, surveyId } }),
    refetchInterval: (query) =>
      hasDueInvitation(query.state.data?.items) ? pendingRefreshMs : false,
  });
}

export function useCreateSurveyInvitationsMutation(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<'createSurveyInvitations'>['body']) =>
      api.call('createSurveyInvitations', { params: { workspaceId, surveyId }, body }),
    onSuccess: () =>
      Promise.all(
        [invitationsKey(workspaceId, surveyId), wsKeys.outbox(workspaceId)].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/**
 * The address of a file route (QR code, printable sheet). These are plain GETs under the session
 * cookie, so the address works as an `<img src>`, a download link or a new tab.
 */
export function fileRouteUrl(
  name: FileRouteName,
  params: Record<string, string>,
  query: Record<string, string | number> = {},
): string {
  const search = new URLSearchParams(
    Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
  return buildPath(fileRoutes[name].path, params) + (search ? `?${search}` : '');
}

/** The CSV or XLSX export of the responses that match the survey and date filters. */
export function responsesExportUrl(
  workspaceId: string,
  filters: ResponseFilters,
  format: 'csv' | 'xlsx' = 'csv',
): string {
  const search = new URLSearchParams({ format });
  if (filters.surveyId) search.set('surveyId', filters.surveyId);
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/responses/export?${search.toString()}`;
}
