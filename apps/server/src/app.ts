import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import { newId, type Clock, type Store } from '@polku/core';
import { isMigrated, type DatabaseHandle } from '@polku/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { journeyExportHandlers, journeyHandlers } from './journeys/journeys.routes.js';
import { ChromiumRenderer } from './infra/chromium.js';
import type { AppConfig } from './config.js';
import {
  answerClientError,
  answerFrameworkError,
  errorBody,
  handleError,
  MAX_HEADER_BYTES,
  MAX_URL_LENGTH,
  sendError,
} from './http/errors.js';
import { SignInThrottle } from './http/login-throttle.js';
import { registerOpenApi } from './http/openapi.js';
import { registerRouteTable, type RouteHandlers } from './http/route-table.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerTextChecks } from './http/text-checks.js';
import { registerWebApp } from './http/web.js';
import { registerFavicon } from './http/favicon.js';
import { exportHandlers } from './http/exports.js';
import { registerImportEndpoints } from './import/import-endpoints.js';
import { registerFileRoutes } from './http/file-routes.js';
import { linkAssetHandlers } from './routes/link-assets.routes.js';
import { registerRespondentPages } from './respondent/pages.js';
import { registerUnsubscribePages } from './distribution/unsubscribe-pages.js';
import { registerWidgetEndpoints } from './widget/widget.endpoints.js';
import { accountHandlers } from './routes/accounts.routes.js';
import { workspaceHandlers } from './routes/workspaces.routes.js';
import { listeningHandlers } from './routes/listening.routes.js';
import { metricsHandlers } from './metrics/metrics.routes.js';
import { analysesHandlers } from './routes/analyses.routes.js';
import { targetHandlers } from './targets/targets.routes.js';
import { eventHandlers } from './routes/events.routes.js';
import type { Services } from './services.js';

export interface AppDeps {
  config: AppConfig;
  database: DatabaseHandle;
  store: Store;
  services: Services;
  logger: Logger | false;
  /** The time the sign-in and failure limits count by (the services' clock). */
  clock: Clock;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the HTTP app: API, OpenAPI, health checks and the web app. It never listens; the
 * caller does (`polku serve`), and tests use `app.inject()`.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const loggerInstance: FastifyBaseLogger | undefined = deps.logger || undefined;
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    trustProxy: config.http.trustProxy,
    bodyLimit: 1024 * 1024,
    // Keep a caller's request id (a load balancer's, say) when it looks sane; else make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    forceCloseConnections: 'idle',
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (request.url.length > MAX_URL_LENGTH) return void sendError(reply, 'URI_TOO_LONG');
    done();
  });
  registerTextChecks(app);

  await app.register(fastifyCookie);
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      ...errorBody('RATE_LIMITED', `Too many requests. Try again in ${ctx.after}.`),
    }),
  });
  registerSecurityHeaders(app, { hsts: config.session.cookieSecure });
  await registerOpenApi(app, config.http.publicUrl);

  app.get(
    '/healthz',
    {
      schema: {
        summary: 'The process is alive',
        tags: ['operations'],
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        summary: 'The database is reachable and migrated',
        tags: ['operations'],
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('not ready'), reason: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      if (!(await deps.database.ping()))
        return reply
          .status(503)
          .send({ status: 'not ready' as const, reason: 'database unreachable' });
      if (!(await isMigrated(deps.database.db)))
        return reply
          .status(503)
          .send({ status: 'not ready' as const, reason: 'migrations pending' });
      return { status: 'ready' as const };
    },
  );

  const handlers: RouteHandlers = {
    ...accountHandlers(deps.services, config, new SignInThrottle(deps.clock)),
    ...workspaceHandlers(deps.services),
    ...listeningHandlers(deps.services),
    ...metricsHandlers(deps.services),
    ...analysesHandlers(deps.services),
    ...targetHandlers(deps.services),
    ...journeyHandlers(deps.services),
    ...eventHandlers(deps.services),
  };
  registerRouteTable(app, handlers, {
    services: deps.services,
    store: deps.store,
    rateLimit: config.http.rateLimit,
    clock: deps.clock,
  });

  registerFileRoutes(app, deps, {
    ...linkAssetHandlers(deps.services),
    ...exportHandlers(deps),
    ...journeyExportHandlers(deps.services, new ChromiumRenderer(config.chromium.path)),
  });
  await registerImportEndpoints(app, deps);
  registerRespondentPages(app, deps);
  registerUnsubscribePages(app, deps);
  registerWidgetEndpoints(app, deps);
  registerFavicon(app);

  await registerWebApp(app, config.webDistDir);
  return app;
}
