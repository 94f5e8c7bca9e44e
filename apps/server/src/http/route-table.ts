import {
  errorBodySchema,
  type ErrorCode,
  routes,
  type RouteName,
  type RouteRequest,
  type RouteResponseInput,
  type Routes,
} from '@polku/contracts';
import {
  DomainError,
  resolveWorkspaceAccess,
  type Clock,
  type Principal,
  type SessionRecord,
  type Store,
  type WorkspaceContext,
} from '@polku/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../services.js';
import { authenticate } from './authentication.js';
import { addressKey, FailureWindow, tooManyFailures } from './failure-limit.js';

type AuthFor<A> = A extends { kind: 'workspace' }
  ? WorkspaceContext
  : A extends { kind: 'session' }
    ? SessionRecord
    : Principal;

/** What a route handler receives: validated input, who is asking, and the reply (for cookies). */
export type HandlerContext<N extends RouteName> = RouteRequest<N> & {
  auth: AuthFor<Routes[N]['access']>;
  ip: string | null;
  request: FastifyRequest;
  reply: FastifyReply;
};

export type RouteHandler<N extends RouteName> = (
  c: HandlerContext<N>,
) => Promise<RouteResponseInput<N>>;

/** One handler per route of the table; the compiler insists none is missing. */
export type RouteHandlers = { [N in RouteName]: RouteHandler<N> };

const DEFAULT_PUBLIC_LIMIT = { max: 300, windowMs: 60_000 };

/**
 * The query of a route that takes none: a parameter sent anyway is refused like an unknown body
 * field (400 naming it), so a client that believes it filters or pages learns that it does not.
 */
export const noQueryParameters = z.strictObject({});

/**
 * Registers every route of the contracts' route table: schemas (validation and OpenAPI),
 * rate limits and failure limits, and the one access check, then the thin handler.
 * `rateLimit: false` (POLKU_RATE_LIMIT=0, for load tests) turns off the per-request limits;
 * failure limits stay, as nobody who succeeds is ever slowed by them.
 */
export function registerRouteTable(
  app: FastifyInstance,
  handlers: RouteHandlers,
  deps: { services: Services; store: Store; rateLimit: boolean; clock: Clock },
): void {
  for (const name of Object.keys(routes) as RouteName[]) {
    const route = routes[name];
    const handler = handlers[name] as (c: HandlerContext<RouteName>) => Promise<unknown>;
    const failureLimit = 'failureLimit' in route ? route.failureLimit : undefined;
    const limit =
      'rateLimit' in route
        ? route.rateLimit
        : route.access.kind === 'public' && !failureLimit
          ? DEFAULT_PUBLIC_LIMIT
          : undefined;
    const failures = failureLimit && new FailureWindow(failureLimit, deps.clock);
    const failureCodes: readonly ErrorCode[] = failureLimit?.codes ?? [];
    app.route({
      method: route.method,
      url: route.path,
      schema: {
        operationId: name,
        summary: route.summary,
        tags: [route.tag],
        ...('params' in route && { params: route.params }),
        querystring: 'query' in route ? route.query : noQueryParameters,
        ...('body' in route && { body: route.body }),
        ...(route.access.kind !== 'public' && { security: [{ session: [] }, { apiKey: [] }] }),
        response: {
          [route.status]: route.response,
          '4xx': errorBodySchema,
          '5xx': errorBodySchema,
        },
      },
      config:
        deps.rateLimit && limit
          ? { rateLimit: { max: limit.max, timeWindow: limit.windowMs } }
          : {},
      handler: async (request, reply) => {
        const address = addressKey(request.ip);
        const wait = failures?.waitMs(address) ?? 0;
        if (wait > 0)
          throw tooManyFailures(reply, wait, 'Too many failed attempts from your address.');
        try {
          const principal = await authenticate(request, reply, deps.services, {
            requireCsrf: route.access.kind !== 'public',
          });
          const auth = await authorize(route.access, principal, request, deps.store);
          const result = await handler({
            params: request.params,
            query: request.query,
            body: request.body,
            auth,
            ip: request.ip,
            request,
            reply,
          } as HandlerContext<RouteName>);
          return reply.status(route.status).send(result);
        } catch (e) {
          if (failures && e instanceof DomainError && failureCodes.includes(e.code))
            failures.recordFailure(address);
          throw e;
        }
      },
    });
  }
}

async function authorize(
  access: Routes[RouteName]['access'],
  principal: Principal,
  request: FastifyRequest,
  store: Store,
): Promise<WorkspaceContext | SessionRecord | Principal> {
  switch (access.kind) {
    case 'public':
      return principal;
    case 'session':
      if (principal.kind === 'apiKey')
        throw new DomainError('FORBIDDEN', 'This needs a signed-in person, not an API key.');
      if (principal.kind !== 'session') throw new DomainError('UNAUTHENTICATED');
      return principal.session;
    case 'workspace': {
      const { workspaceId } = request.params as { workspaceId: string };
      return resolveWorkspaceAccess(store, workspaceId, principal, access.permission, request.ip);
    }
  }
}
