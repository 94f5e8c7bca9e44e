import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateJourneyBody,
  CreateJourneyFromTemplateBody,
  CreatePersonaBody,
  JourneyMap,
  JourneyMetricsBody,
  Language,
  UpdateJourneyBody,
} from '@polku/contracts';
import { api } from './client';
import { fileRouteUrl } from './distribution';

/** Query keys of the journeys area of one workspace. */
export const journeyKeys = {
  all: (ws: string) => ['ws', ws, 'journeys'] as const,
  list: (ws: string) => ['ws', ws, 'journeys', 'list'] as const,
  map: (ws: string, journeyId: string) => ['ws', ws, 'journeys', 'map', journeyId] as const,
  metrics: (ws: string, journeyId: string, body: JourneyMetricsBody | null) =>
    ['ws', ws, 'journeys', 'metrics', journeyId, body] as const,
  templates: (ws: string, language: Language) =>
    ['ws', ws, 'journeys', 'templates', language] as const,
  personas: (ws: string) => ['ws', ws, 'personas'] as const,
};

/** Every journey of the workspace with its stage and touchpoint counts. */
export function useJourneysQuery(workspaceId: string) {
  return useQuery({
    queryKey: journeyKeys.list(workspaceId),
    queryFn: () => api.call('listJourneys', { params: { workspaceId } }),
  });
}

/** The three journey templates, described in the UI language. */
export function useJourneyTemplatesQuery(workspaceId: string, language: Language, enabled = true) {
  return useQuery({
    queryKey: journeyKeys.templates(workspaceId, language),
    queryFn: () =>
      api.call('listJourneyTemplates', { params: { workspaceId }, query: { language } }),
    enabled,
    staleTime: Infinity,
  });
}

/** A whole journey map: stages with touchpoints, lanes and markers, and its personas. */
export function useJourneyMapQuery(workspaceId: string, journeyId: string) {
  return useQuery({
    queryKey: journeyKeys.map(workspaceId, journeyId),
    queryFn: () => api.call('getJourneyMap', { params: { workspaceId, journeyId } }),
  });
}

/**
 * A metric per touchpoint and stage of a journey for a period (POST, reads only). The previous
 * figures stay on screen while another metric or period loads.
 */
export function useJourneyMetricsQuery(
  workspaceId: string,
  journeyId: string,
  body: JourneyMetricsBody | null,
) {
  return useQuery({
    queryKey: journeyKeys.metrics(workspaceId, journeyId, body),
    queryFn: () =>
      api.call('getJourneyMetrics', {
        params: { workspaceId, journeyId },
        body: body as JourneyMetricsBody,
      }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCreateJourneyMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { kind: 'empty'; body: CreateJourneyBody }
        | { kind: 'template'; body: CreateJourneyFromTemplateBody },
    ) =>
      input.kind === 'empty'
        ? api.call('createJourney', { params: { workspaceId }, body: input.body })
        : api
            .call('createJourneyFromTemplate', { params: { workspaceId }, body: input.body })
            .then((map) => {
              // The template's answer is the whole map: the map page opens without a fetch.
              queryClient.setQueryData(journeyKeys.map(workspaceId, map.journey.id), map);
              return map.journey;
            }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: journeyKeys.list(workspaceId) }),
  });
}

/** Name, description, status (archiving) or attached personas of a journey. */
export function useUpdateJourneyMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { journeyId: string; body: UpdateJourneyBody }) =>
      api.call('updateJourney', {
        params: { workspaceId, journeyId: input.journeyId },
        body: input.body,
      }),
    onSuccess: (journey) => {
      queryClient.setQueryData<JourneyMap>(journeyKeys.map(workspaceId, journey.id), (old) =>
        old ? { ...old, journey } : old,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: journeyKeys.list(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: journeyKeys.map(workspaceId, journey.id) }),
      ]);
    },
  });
}

export function usePersonasQuery(workspaceId: string) {
  return useQuery({
    queryKey: journeyKeys.personas(workspaceId),
    queryFn: () => api.call('listPersonas', { params: { workspaceId } }),
  });
}

export function useCreatePersonaMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonaBody) =>
      api.call('createPersona', { params: { workspaceId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: journeyKeys.personas(workspaceId) }),
  });
}

/** The server-rendered PNG or PDF of a journey map (a plain GET under the session cookie). */
export function journeyExportUrl(
  workspaceId: string,
  journeyId: string,
  format: 'png' | 'pdf',
  language: Language,
  metric: { kind: 'nps' | 'csat' | 'ces'; from: string; to: string } | null = null,
): string {
  return fileRouteUrl(
    format === 'png' ? 'journeyExportPng' : 'journeyExportPdf',
    { workspaceId, journeyId },
    metric
      ? { lang: language, metric: metric.kind, from: metric.from, to: metric.to }
      : { lang: language },
  );
}
