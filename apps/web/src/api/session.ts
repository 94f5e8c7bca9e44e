import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language, RouteInput, SessionInfo } from '@polku/contracts';
import { useNavigate } from 'react-router';
import { syncServerClock } from '../lib/server-clock';
import { api, isUnauthenticated, sessionKey, setCsrfToken } from './client';

/** The signed-in person, or `null` when nobody is signed in. */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionInfo | null> => {
      try {
        const session = await api.call('getSession', {});
        setCsrfToken(session.csrfToken);
        syncServerClock(session.serverTime);
        return session;
      } catch (error) {
        if (isUnauthenticated(error)) {
          setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useSetupStatusQuery() {
  return useQuery({
    queryKey: ['setupStatus'],
    queryFn: () => api.call('getSetupStatus', {}),
    staleTime: Infinity,
  });
}

function useSignIn() {
  const queryClient = useQueryClient();
  return (session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    syncServerClock(session.serverTime);
    queryClient.setQueryData(sessionKey, session);
    queryClient.setQueryData(['setupStatus'], { needed: false });
  };
}

export function useCompleteSetupMutation() {
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: RouteInput<'completeSetup'>['body']) => api.call('completeSetup', { body }),
    onSuccess: signIn,
  });
}

export function useLoginMutation() {
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: RouteInput<'login'>['body']) => api.call('login', { body }),
    onSuccess: signIn,
  });
}

/** Signs out, forgets every cached answer and goes to the sign-in page. */
export function useLogoutMutation() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.call('logout', {}),
    // Even when the call fails the person wants out: the page forgets the session either way.
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
      void navigate('/login', { replace: true });
    },
  });
}

export function useUpdateMeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; language?: Language }) => api.call('updateMe', { body }),
    onSuccess: (user) => {
      queryClient.setQueryData<SessionInfo | null>(sessionKey, (old) =>
        old ? { ...old, user } : old,
      );
    },
  });
}

export function useRequestPasswordResetMutation() {
  return useMutation({
    mutationFn: (email: string) => api.call('requestPasswordReset', { body: { email } }),
  });
}

export function useConfirmPasswordResetMutation() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api.call('confirmPasswordReset', { body }),
  });
}

export function useInvitationQuery(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.call('getInvitation', { params: { token } }),
  });
}

export function useAcceptInvitationMutation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      api.call('acceptInvitation', { params: { token }, body }),
    // Accepting signs in (or adds a membership): read the session again before moving on.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useCreateWorkspaceMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<'createWorkspace'>['body']) =>
      api.call('createWorkspace', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
