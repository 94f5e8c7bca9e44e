import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client';

const incidentKeys = {
  all: (ws: string) => ['workspace', ws, 'incidents'] as const,
  categories: (ws: string) => [...incidentKeys.all(ws), 'categories'] as const,
  answers: (ws: string, surveyId: string, question: string) =>
    [...incidentKeys.all(ws), 'answers', surveyId, question] as const,
  analysis: (ws: string, surveyId: string, question: string) =>
    [...incidentKeys.all(ws), 'analysis', surveyId, question] as const,
};

export function useIncidentCategoriesQuery(workspaceId: string) {
  return useQuery({
    queryKey: incidentKeys.categories(workspaceId),
    queryFn: () => api.call('listIncidentCategories', { params: { workspaceId } }),
  });
}

/** An incident question's answers, uncoded first, 50 at a time. */
export function useIncidentAnswersQuery(workspaceId: string, surveyId: string, question: string) {
  return useInfiniteQuery({
    queryKey: incidentKeys.answers(workspaceId, surveyId, question),
    queryFn: ({ pageParam }) =>
      api.call('listIncidentAnswers', {
        params: { workspaceId },
        query: { surveyId, question, limit: 50, offset: pageParam },
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    enabled: surveyId !== '' && question !== '',
    placeholderData: keepPreviousData,
  });
}

export function useIncidentAnalysisQuery(workspaceId: string, surveyId: string, question: string) {
  return useQuery({
    queryKey: incidentKeys.analysis(workspaceId, surveyId, question),
    queryFn: () =>
      api.call('analyzeIncidents', { params: { workspaceId }, body: { surveyId, question } }),
    enabled: surveyId !== '' && question !== '',
  });
}

export function useCreateIncidentCategoryMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api.call('createIncidentCategory', { params: { workspaceId }, body: { name } }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: incidentKeys.categories(workspaceId) }),
  });
}

/** Codes an answer (or clears it with null); the table, the list and the counts refresh. */
export function useCodeIncidentMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { responseId: string; questionKey: string; categoryId: string | null }) =>
      api.call('codeIncidentAnswer', {
        params: { workspaceId, responseId: v.responseId, questionKey: v.questionKey },
        body: { categoryId: v.categoryId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all(workspaceId) }),
  });
}
