import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AnswerValue,
  Language,
  ListResponsesQuery,
  RouteInput,
  Survey,
  SurveyDefinition,
} from '@polku/contracts';
import { api } from './client';

/** Query keys of the listening area (surveys, links, responses) of one workspace. */
export const listeningKeys = {
  surveys: (ws: string) => ['ws', ws, 'surveys'] as const,
  survey: (ws: string, id: string) => ['ws', ws, 'surveys', id] as const,
  links: (ws: string, id: string) => ['ws', ws, 'surveys', id, 'links'] as const,
  version: (ws: string, id: string, version: number) =>
    ['ws', ws, 'surveyVersions', id, version] as const,
  responses: (ws: string) => ['ws', ws, 'responses'] as const,
};

export function useSurveysQuery(workspaceId: string) {
  return useQuery({
    queryKey: listeningKeys.surveys(workspaceId),
    queryFn: () => api.call('listSurveys', { params: { workspaceId } }),
  });
}

export function useSurveyQuery(workspaceId: string, surveyId: string) {
  return useQuery({
    queryKey: listeningKeys.survey(workspaceId, surveyId),
    queryFn: () => api.call('getSurvey', { params: { workspaceId, surveyId } }),
    // Pages that let the user pick a survey pass '' until one is picked: no request for '/surveys/'.
    enabled: surveyId !== '',
  });
}

/** A published version: immutable, so it is never refetched. */
export function useSurveyVersionQuery(workspaceId: string, surveyId: string, version: number) {
  return useQuery({
    queryKey: listeningKeys.version(workspaceId, surveyId, version),
    queryFn: () => api.call('getSurveyVersion', { params: { workspaceId, surveyId, version } }),
    staleTime: Infinity,
  });
}

/** Several published versions at once (the questions behind a list of responses). */
export function useSurveyVersionsQueries(
  workspaceId: string,
  wanted: { surveyId: string; version: number }[],
) {
  return useQueries({
    queries: wanted.map(({ surveyId, version }) => ({
      queryKey: listeningKeys.version(workspaceId, surveyId, version),
      queryFn: () => api.call('getSurveyVersion', { params: { workspaceId, surveyId, version } }),
      staleTime: Infinity,
    })),
    combine: (results) => {
      const map = new Map<string, SurveyDefinition>();
      results.forEach((r, i) => {
        const w = wanted[i];
        if (r.data && w) map.set(`${w.surveyId}:${w.version}`, r.data.definition);
      });
      return map;
    },
  });
}

/** Keeps the survey's cache entry and the list in step after any change to it. */
function useSurveyChanged(workspaceId: string) {
  const queryClient = useQueryClient();
  return (survey: Survey) => {
    queryClient.setQueryData(listeningKeys.survey(workspaceId, survey.id), survey);
    // A survey's touchpoint is counted on the journey maps (which surveys listen where).
    void queryClient.invalidateQueries({ queryKey: journeyMapsKey(workspaceId) });
    return queryClient.invalidateQueries({ queryKey: listeningKeys.surveys(workspaceId) });
  };
}

/** The journeys' queries (their key prefix in api/journeys.ts), refreshed when a survey or a
 * link moves to another touchpoint. */
const journeyMapsKey = (ws: string) => ['ws', ws, 'journeys'] as const;

/** Attach a survey to a touchpoint (or detach it with null), from the touchpoint's dialog. */
export function useSetSurveyTouchpointMutation(workspaceId: string) {
  const changed = useSurveyChanged(workspaceId);
  return useMutation({
    mutationFn: (v: { surveyId: string; touchpointId: string | null }) =>
      api.call('updateSurvey', {
        params: { workspaceId, surveyId: v.surveyId },
        body: { touchpointId: v.touchpointId },
      }),
    onSuccess: changed,
  });
}

/** The links of several surveys at once (the touchpoint dialog lists those placed there). */
export function useLinksOfSurveysQueries(workspaceId: string, surveyIds: string[]) {
  return useQueries({
    queries: surveyIds.map((surveyId) => ({
      queryKey: listeningKeys.links(workspaceId, surveyId),
      queryFn: () => api.call('listSurveyLinks', { params: { workspaceId, surveyId } }),
    })),
    combine: (results) => results.flatMap((r) => r.data?.items ?? []),
  });
}

export function useCreateSurveyMutation(workspaceId: string) {
  const changed = useSurveyChanged(workspaceId);
  return useMutation({
    mutationFn: (body: RouteInput<'createSurvey'>['body']) =>
      api.call('createSurvey', { params: { workspaceId }, body }),
    onSuccess: changed,
  });
}

export function useUpdateSurveyMutation(workspaceId: string, surveyId: string) {
  const changed = useSurveyChanged(workspaceId);
  return useMutation({
    mutationFn: (body: RouteInput<'updateSurvey'>['body']) =>
      api.call('updateSurvey', { params: { workspaceId, surveyId }, body }),
    onSuccess: changed,
  });
}

export function usePublishSurveyMutation(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('publishSurvey', { params: { workspaceId, surveyId } }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: listeningKeys.surveys(workspaceId) }),
  });
}

export function useCloseSurveyMutation(workspaceId: string, surveyId: string) {
  const changed = useSurveyChanged(workspaceId);
  return useMutation({
    mutationFn: () => api.call('closeSurvey', { params: { workspaceId, surveyId } }),
    onSuccess: changed,
  });
}

export function useSurveyLinksQuery(workspaceId: string, surveyId: string) {
  return useQuery({
    queryKey: listeningKeys.links(workspaceId, surveyId),
    queryFn: () => api.call('listSurveyLinks', { params: { workspaceId, surveyId } }),
  });
}

export function useCreateSurveyLinkMutation(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<'createSurveyLink'>['body']) =>
      api.call('createSurveyLink', { params: { workspaceId, surveyId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: journeyMapsKey(workspaceId) });
      return queryClient.invalidateQueries({
        queryKey: listeningKeys.links(workspaceId, surveyId),
      });
    },
  });
}

export function useCloseSurveyLinkMutation(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      api.call('closeSurveyLink', { params: { workspaceId, surveyId, linkId } }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: listeningKeys.links(workspaceId, surveyId) }),
  });
}

/** Places a link at another touchpoint (or none): its later responses are counted there. */
export function useMoveSurveyLinkMutation(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { linkId: string; touchpointId: string | null }) =>
      api.call('updateSurveyLink', {
        params: { workspaceId, surveyId, linkId: input.linkId },
        body: { touchpointId: input.touchpointId },
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: listeningKeys.links(workspaceId, surveyId) }),
  });
}

/**
 * Stores the builder preview's answers as a test response to the published version: listed
 * with a test badge, left out of every metric and analysis. Only staff who may write responses
 * can mark one as a test; a public respondent cannot.
 */
export function useSubmitTestResponseMutation(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      version: number;
      language: Language;
      answers: Record<string, AnswerValue>;
    }) =>
      api.call('submitResponse', {
        params: { workspaceId },
        body: { surveyId, ...input, test: true },
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: listeningKeys.responses(workspaceId) }),
  });
}

/** The attribute keys and values the workspace's responses carry, for the pickers. */
export function useResponseAttributesQuery(workspaceId: string) {
  return useQuery({
    queryKey: [...listeningKeys.responses(workspaceId), 'attributes'],
    queryFn: () => api.call('listResponseAttributes', { params: { workspaceId } }),
    staleTime: 60_000,
  });
}

/** Response filters as the list route takes them (without paging). */
export type ResponseFilters = Omit<ListResponsesQuery, 'limit' | 'before'>;

export function useResponsesQuery(workspaceId: string, filters: ResponseFilters) {
  return useInfiniteQuery({
    queryKey: [...listeningKeys.responses(workspaceId), 'list', filters],
    queryFn: ({ pageParam }) =>
      api.call('listResponses', {
        params: { workspaceId },
        query: { ...filters, limit: 50, before: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useResponseQuery(workspaceId: string, responseId: string | null) {
  return useQuery({
    queryKey: [...listeningKeys.responses(workspaceId), 'one', responseId],
    queryFn: () =>
      api.call('getResponse', { params: { workspaceId, responseId: responseId ?? '' } }),
    enabled: responseId !== null,
  });
}
