import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { ApiKeyScope, Language, Role, RouteInput } from '@polku/contracts';
import { api, sessionKey } from './client';

/** Query keys of one workspace; everything of a workspace starts with `['ws', id]`. */
export const wsKeys = {
  workspace: (id: string) => ['ws', id, 'workspace'] as const,
  members: (id: string) => ['ws', id, 'members'] as const,
  invitations: (id: string) => ['ws', id, 'invitations'] as const,
  apiKeys: (id: string) => ['ws', id, 'apiKeys'] as const,
  auditLog: (id: string) => ['ws', id, 'auditLog'] as const,
  outbox: (id: string) => ['ws', id, 'outbox'] as const,
};

const pageSize = 50;

/** Every change is audited, and some send mail: those lists are stale after any change. */
function invalidateAfterChange(
  queryClient: QueryClient,
  workspaceId: string,
  ...keys: unknown[][]
) {
  return Promise.all(
    [...keys, [...wsKeys.auditLog(workspaceId)], [...wsKeys.outbox(workspaceId)]].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function useWorkspaceQuery(workspaceId: string) {
  return useQuery({
    queryKey: wsKeys.workspace(workspaceId),
    queryFn: () => api.call('getWorkspace', { params: { workspaceId } }),
  });
}

export function useUpdateWorkspaceMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<'updateWorkspace'>['body']) =>
      api.call('updateWorkspace', { params: { workspaceId }, body }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(wsKeys.workspace(workspaceId), workspace);
      // The workspace name also shows in the switcher, which reads the session.
      return invalidateAfterChange(queryClient, workspaceId, [...sessionKey]);
    },
  });
}

export function useMembersQuery(workspaceId: string) {
  return useQuery({
    queryKey: wsKeys.members(workspaceId),
    queryFn: () => api.call('listMembers', { params: { workspaceId } }),
  });
}

export function useChangeMemberRoleMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.call('changeMemberRole', { params: { workspaceId, userId }, body: { role } }),
    // Your own role may have changed, and with it your permissions.
    onSuccess: () =>
      invalidateAfterChange(
        queryClient,
        workspaceId,
        [...wsKeys.members(workspaceId)],
        [...sessionKey],
      ),
  });
}

export function useRemoveMemberMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.call('removeMember', { params: { workspaceId, userId } }),
    onSuccess: () =>
      invalidateAfterChange(
        queryClient,
        workspaceId,
        [...wsKeys.members(workspaceId)],
        [...sessionKey],
      ),
  });
}

export function useInvitationsQuery(workspaceId: string) {
  return useQuery({
    queryKey: wsKeys.invitations(workspaceId),
    queryFn: () => api.call('listInvitations', { params: { workspaceId } }),
  });
}

export function useCreateInvitationMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role; language?: Language }) =>
      api.call('createInvitation', { params: { workspaceId }, body }),
    onSuccess: () =>
      invalidateAfterChange(queryClient, workspaceId, [...wsKeys.invitations(workspaceId)]),
  });
}

export function useRevokeInvitationMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.call('revokeInvitation', { params: { workspaceId, invitationId } }),
    onSuccess: () =>
      invalidateAfterChange(queryClient, workspaceId, [...wsKeys.invitations(workspaceId)]),
  });
}

export function useApiKeysQuery(workspaceId: string) {
  return useQuery({
    queryKey: wsKeys.apiKeys(workspaceId),
    queryFn: () => api.call('listApiKeys', { params: { workspaceId } }),
  });
}

export function useCreateApiKeyMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: ApiKeyScope[] }) =>
      api.call('createApiKey', { params: { workspaceId }, body }),
    onSuccess: () =>
      invalidateAfterChange(queryClient, workspaceId, [...wsKeys.apiKeys(workspaceId)]),
  });
}

export function useRevokeApiKeyMutation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) =>
      api.call('revokeApiKey', { params: { workspaceId, apiKeyId } }),
    onSuccess: () =>
      invalidateAfterChange(queryClient, workspaceId, [...wsKeys.apiKeys(workspaceId)]),
  });
}

export function useAuditLogQuery(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: wsKeys.auditLog(workspaceId),
    queryFn: ({ pageParam }) =>
      api.call('listAuditLog', {
        params: { workspaceId },
        query: { limit: pageSize, before: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useOutboxQuery(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: wsKeys.outbox(workspaceId),
    queryFn: ({ pageParam }) =>
      api.call('listOutbox', {
        params: { workspaceId },
        query: { limit: pageSize, before: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
