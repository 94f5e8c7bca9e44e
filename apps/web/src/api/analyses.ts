import { useQuery } from '@tanstack/react-query';
import type {
  ExpectationGapQuery,
  IpaQuery,
  KanoQuery,
  KeyDriverQuery,
  ResponseRateQuery,
  EmotionQuery,
} from '@polku/contracts';
import { api } from './client';
import { listeningKeys } from './surveys';

const analysisKey = (ws: string, name: string, body: unknown) =>
  ['workspace', ws, 'analyses', name, body] as const;

/**
 * The questions an analysis reads: the survey's latest published version, or its draft when it
 * was never published (as the server does). Shares its cache entries with the surveys API.
 */
export function useAnalysedDefinitionQuery(
  workspaceId: string,
  surveyId: string,
  publishedVersion: number | null | undefined,
) {
  const version = useQuery({
    queryKey: listeningKeys.version(workspaceId, surveyId, publishedVersion ?? 0),
    queryFn: () =>
      api.call('getSurveyVersion', {
        params: { workspaceId, surveyId, version: publishedVersion ?? 0 },
      }),
    staleTime: Infinity,
    enabled: surveyId !== '' && typeof publishedVersion === 'number',
  });
  const draft = useQuery({
    queryKey: listeningKeys.survey(workspaceId, surveyId),
    queryFn: () => api.call('getSurvey', { params: { workspaceId, surveyId } }),
    enabled: surveyId !== '' && publishedVersion === null,
  });
  const active = typeof publishedVersion === 'number' ? version : draft;
  return {
    definition: typeof publishedVersion === 'number' ? version.data?.definition : draft.data?.draft,
    isPending: surveyId !== '' && publishedVersion !== undefined && active.isPending,
    error: active.error,
  };
}

// Each analysis runs when its body is complete (null while the form is not).

export function useKeyDriversQuery(workspaceId: string, body: KeyDriverQuery | null) {
  return useQuery({
    queryKey: analysisKey(workspaceId, 'key-drivers', body),
    queryFn: () => api.call('analyzeKeyDrivers', { params: { workspaceId }, body: body! }),
    enabled: body !== null,
  });
}

export function useImportancePerformanceQuery(workspaceId: string, body: IpaQuery | null) {
  return useQuery({
    queryKey: analysisKey(workspaceId, 'importance-performance', body),
    queryFn: () =>
      api.call('analyzeImportancePerformance', { params: { workspaceId }, body: body! }),
    enabled: body !== null,
  });
}

export function useExpectationGapsQuery(workspaceId: string, body: ExpectationGapQuery | null) {
  return useQuery({
    queryKey: analysisKey(workspaceId, 'expectation-gaps', body),
    queryFn: () => api.call('analyzeExpectationGaps', { params: { workspaceId }, body: body! }),
    enabled: body !== null,
  });
}

export function useKanoQuery(workspaceId: string, body: KanoQuery | null) {
  return useQuery({
    queryKey: analysisKey(workspaceId, 'kano', body),
    queryFn: () => api.call('analyzeKano', { params: { workspaceId }, body: body! }),
    enabled: body !== null,
  });
}

export function useEmotionsQuery(workspaceId: string, body: EmotionQuery | null) {
  return useQuery({
    queryKey: analysisKey(workspaceId, 'emotions', body),
    queryFn: () => api.call('analyzeEmotions', { params: { workspaceId }, body: body! }),
    enabled: body !== null,
  });
}

export function useResponseRateQuery(workspaceId: string, body: ResponseRateQuery | null) {
  return useQuery({
    queryKey: analysisKey(workspaceId, 'response-rate', body),
    queryFn: () => api.call('analyzeResponseRate', { params: { workspaceId }, body: body! }),
    enabled: body !== null,
  });
}
