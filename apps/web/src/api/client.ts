import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, createClient } from '@polku/contracts';

let csrfToken: string | undefined;

/** Remembers the CSRF token of the current session; every change sends it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The typed API client of the staff app (same origin, session cookie). */
export const api = createClient({ csrfToken: () => csrfToken });

export const sessionKey = ['session'] as const;

/** True when the server says the caller is not signed in (or no longer is). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * One query client. A 401 from any query means the session ended: the session query is set to
 * "signed out", and the route guard sends the person to /login with the path to come back to.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isUnauthenticated(error) && query.queryKey[0] !== sessionKey[0]) {
        setCsrfToken(undefined);
        queryClient.setQueryData(sessionKey, null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
        failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});
