import type { Readable } from 'node:stream';
import { fileRoutes, type FileRouteName } from '@polku/contracts';
import { resolveWorkspaceAccess, type WorkspaceContext } from '@polku/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../app.js';
import { authenticate } from './authentication.js';
import { noQueryParameters } from './route-table.js';

export type FileRouteHandler = (c: {
  auth: WorkspaceContext;
  params: Record<string, string>;
  query: Record<string, unknown>;
  reply: FastifyReply;
}) => Promise<string | Buffer | Readable>;

/**
 * Registers the file routes of the contracts (QR codes, sheets, exports) with the same
 * authentication and access check as the JSON routes; the handler returns the body.
 */
export function registerFileRoutes(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'services' | 'store'>,
  handlers: Partial<Record<FileRouteName, FileRouteHandler>>,
): void {
  for (const [name, handler] of Object.entries(handlers) as [FileRouteName, FileRouteHandler][]) {
    const route = fileRoutes[name];
    app.route({
      method: route.method,
      url: route.path,
      schema: {
        operationId: name,
        summary: route.summary,
        tags: ['files'],
        params: route.params,
        querystring: 'query' in route ? route.query : noQueryParameters,
        security: [{ session: [] }, { apiKey: [] }],
      },
      handler: async (request, reply) => {
        const principal = await authenticate(request, reply, deps.services, { requireCsrf: true });
        const params = request.params as Record<string, string>;
        const auth = await resolveWorkspaceAccess(
          deps.store,
          params.workspaceId ?? '',
          principal,
          route.permission,
          request.ip,
        );
        // The route's content type unless the handler sets another (an export's format, say).
        void reply.type(route.contentType).header('cache-control', 'no-store');
        const body = await handler({
          auth,
          params,
          query: (request.query ?? {}) as Record<string, unknown>,
          reply,
        });
        return reply.send(body);
      },
    });
  }
}
