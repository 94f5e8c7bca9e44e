import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouteInput } from '@polku/contracts';
import { api } from './client';

/** Query keys of targets, alerts and webhooks of one workspace. */
export const targetKeys = {
  evaluations: (ws: string) => ['ws', ws, 'targetEvaluations'] as const,
  alerts: (ws: string) => ['ws', ws, 'metricAlerts'] as const,
  webhooks: (ws: string) => ['ws', ws, 'webhooks'] as const,
};

/** Every target with its current evaluation (status, score, interval, n). */
export function useTargetEvaluationsQuery(workspaceId: string) {
  return useQuery({
    queryKey: targetKeys.evaluations(workspaceId),
    queryFn: () => api.call('listTargetEvaluations', { params: { workspaceId } }),
  });
}

/** The newest alerts with their deliveries (one page; older ones stay in the API). */
export function useMetricAlertsQuery(workspaceId: string) {
  return useQuery({
    queryKey: targetKeys.alerts(workspaceId),
    queryFn: () => api.call('listMetricAlerts', { params: { workspaceId }, query: { limit: 50 } }),
  });
}

export function useSaveTargetMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { targetId: null; body: RouteInput<'createTarget'>['body'] }
        | { targetId: string; body: RouteInput<'updateTarget'>['body'] },
    ) =>
      input.targetId === null
        ? api.call('createTarget', { params: { workspaceId }, body: input.body })
        : api.call('updateTarget', {
            params: { workspaceId, targetId: input.targetId },
            body: input.body,
          }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: targetKeys.evaluations(workspaceId) }),
  });
}

export function useDeleteTargetMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (targetId: string) =>
      api.call('deleteTarget', { params: { workspaceId, targetId } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: targetKeys.evaluations(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: targetKeys.alerts(workspaceId) }),
      ]),
  });
}

export function useWebhooksQuery(workspaceId: string) {
  return useQuery({
    queryKey: targetKeys.webhooks(workspaceId),
    queryFn: () => api.call('listWebhooks', { params: { workspaceId } }),
  });
}

export function useCreateWebhookMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<'createWebhook'>['body']) =>
      api.call('createWebhook', { params: { workspaceId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetKeys.webhooks(workspaceId) }),
  });
}

export function useUpdateWebhookMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { webhookId: string; body: RouteInput<'updateWebhook'>['body'] }) =>
      api.call('updateWebhook', {
        params: { workspaceId, webhookId: input.webhookId },
        body: input.body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetKeys.webhooks(workspaceId) }),
  });
}

export function useDeleteWebhookMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) =>
      api.call('deleteWebhook', { params: { workspaceId, webhookId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetKeys.webhooks(workspaceId) }),
  });
}

export function useTestWebhookMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) =>
      api.call('testWebhook', { params: { workspaceId, webhookId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: targetKeys.webhooks(workspaceId) }),
  });
}
