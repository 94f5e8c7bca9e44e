import type { ErrorBody, ErrorCode } from './errors.js';
// The method and path of a route, not the route table: the table brings zod and every schema.
import { routeMap } from './route-map.js';
import type { RouteInput, RouteName, RouteOutput } from './routes.js';

/** An error answered by the API, with its catalog code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** Origin of the API, '' for the same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Sent as X-CSRF-Token on changes when signed in with a cookie. */
  csrfToken?: () => string | undefined;
  /** Sent as `Authorization: Bearer …` (integrations and tests). */
  apiKey?: string;
  headers?: () => Record<string, string>;
}

function toText(v: unknown): string {
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? `${v}`
      : JSON.stringify(v);
}

/** Fills `:name` segments of a route path. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(toText(value));
  });
}

/** A typed client over the route table: `client.call('listMembers', { params: {…} })`. */
export function createClient(options: ClientOptions = {}) {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return {
    async call<N extends RouteName>(name: N, input: RouteInput<N>): Promise<RouteOutput<N>> {
      const route = routeMap[name];
      const parts = input as {
        params?: Record<string, unknown>;
        query?: Record<string, unknown>;
        body?: unknown;
      };
      let url = (options.baseUrl ?? '') + buildPath(route.path, parts.params);
      if (parts.query) {
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(parts.query))
          if (v !== undefined) search.set(k, toText(v));
        const qs = search.toString();
        if (qs) url += `?${qs}`;
      }
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...options.headers?.(),
      };
      if (parts.body !== undefined) headers['content-type'] = 'application/json';
      const csrf = options.csrfToken?.();
      if (csrf && route.method !== 'GET') headers['x-csrf-token'] = csrf;
      if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
      let res: Response;
      try {
        res = await doFetch(url, {
          method: route.method,
          headers,
          credentials: 'same-origin',
          body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
        });
      } catch (e) {
        throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : 'network error');
      }
      const text = await res.text();
      const json: unknown = text ? JSON.parse(text) : undefined;
      if (!res.ok) {
        const err = (json as Partial<ErrorBody> | undefined)?.error;
        throw new ApiError(
          res.status,
          err?.code ?? 'INTERNAL',
          err?.message ?? res.statusText,
          err?.details,
        );
      }
      return json as RouteOutput<N>;
    },
  };
}
export type ApiClient = ReturnType<typeof createClient>;
