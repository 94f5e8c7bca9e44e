import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { errorBodySchema, submitResultSchema } from '@polku/contracts';
import { DomainError, type Store, type SurveyLinkRecord, type WorkspaceRecord } from '@polku/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config.js';
import { sendError } from '../http/errors.js';
import type { Services } from '../services.js';
import {
  widgetPromptBodySchema,
  widgetPromptResultSchema,
  widgetSubmitBodySchema,
  widgetSurveySchema,
  widgetTokenParamsSchema,
} from './widget.schemas.js';

export interface WidgetDeps {
  config: AppConfig;
  store: Store;
  services: Services;
}

export interface WidgetOptions {
  /** The built script; apps/widget/dist/polku-widget.js by default. */
  scriptFile?: string;
}

const DEFAULT_SCRIPT = fileURLToPath(
  new URL('../../../widget/dist/polku-widget.js', import.meta.url),
);

/** Per IP and link token: a page view reads once, a person submits once or twice. */
const LIMITS = {
  survey: { max: 120, timeWindow: 60_000 },
  submit: { max: 20, timeWindow: 60_000 },
};

/**
 * The widget runs on customers' sites: any origin may read and post, but never with
 * credentials (no cookies are read or set here, so `*` is safe).
 */
function allowAnyOrigin(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (err: null, payload: unknown) => void,
): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  done(null, payload);
}

const limitKey = (request: FastifyRequest) =>
  `${request.ip}|${(request.params as { token?: string }).token ?? ''}`;

interface OpenLink {
  link: SurveyLinkRecord;
  workspace: WorkspaceRecord;
  version: number;
}

/**
 * Finds an open link and its survey's published version. An unknown token, or a survey never
 * published, is NOT_FOUND; a closed link or survey is SURVEY_NOT_OPEN.
 */
async function findOpenLink(store: Store, token: string): Promise<OpenLink> {
  const link = await store.surveys.findLinkByToken(token);
  if (!link) throw new DomainError('NOT_FOUND');
  const [survey, workspace] = await Promise.all([
    store.surveys.findById(link.workspaceId, link.surveyId),
    store.workspaces.findById(link.workspaceId),
  ]);
  if (!survey || !workspace || survey.publishedVersion === null) throw new DomainError('NOT_FOUND');
  if (link.closedAt !== null || survey.status !== 'published')
    throw new DomainError('SURVEY_NOT_OPEN');
  return { link, workspace, version: survey.publishedVersion };
}

/**
 * The public endpoints the embeddable widget talks to, keyed by a survey link's token:
 * `GET /w/:token/survey.json`, `POST /w/:token/responses` and the script itself at
 * `GET /widget.js`. Intake goes through ResponseService.submit like every other path.
 */
export function registerWidgetEndpoints(
  fastify: FastifyInstance,
  deps: WidgetDeps,
  options: WidgetOptions = {},
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { store, services, config } = deps;
  const limit = (l: { max: number; timeWindow: number }) =>
    config.http.rateLimit ? { rateLimit: { ...l, keyGenerator: limitKey } } : {};
  const errors = { '4xx': errorBodySchema, '5xx': errorBodySchema };

  app.get(
    '/w/:token/survey.json',
    {
      schema: {
        operationId: 'getWidgetSurvey',
        summary: 'The survey of a widget link (its latest published version)',
        tags: ['widget'],
        params: widgetTokenParamsSchema,
        response: { 200: widgetSurveySchema, ...errors },
      },
      config: limit(LIMITS.survey),
      onSend: allowAnyOrigin,
    },
    async (request, reply) => {
      const { link, version } = await findOpenLink(store, request.params.token);
      const published = await store.surveys.findVersion(link.workspaceId, link.surveyId, version);
      if (!published) throw new DomainError('NOT_FOUND');
      const d = published.definition;
      // Short: a closed link or a new version reaches customers' pages within a minute.
      reply.header('cache-control', 'public, max-age=60');
      return {
        token: link.token,
        surveyId: link.surveyId,
        version,
        channel: link.channel,
        languages: d.languages,
        defaultLanguage: d.defaultLanguage,
        title: d.title,
        ...(d.intro && { intro: d.intro }),
        questions: d.questions,
        thankYou: { message: d.thankYou.message, rules: d.thankYou.rules },
        url: `${config.http.publicUrl}/s/${link.token}`,
      };
    },
  );

  // A JSON POST from another origin is preflighted; answer it without touching the database.
  app.options(
    '/w/:token/responses',
    { schema: { hide: true }, onSend: allowAnyOrigin },
    (_request, reply) =>
      reply
        .status(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .send(),
  );

  app.post(
    '/w/:token/responses',
    {
      schema: {
        operationId: 'submitWidgetResponse',
        summary: 'Submit a response from the widget (a retry with the same id stores nothing new)',
        tags: ['widget'],
        params: widgetTokenParamsSchema,
        body: widgetSubmitBodySchema,
        response: { 201: submitResultSchema, ...errors },
      },
      bodyLimit: 64 * 1024,
      config: limit(LIMITS.submit),
      onSend: allowAnyOrigin,
    },
    async (request, reply) => {
      const body = request.body;
      const { link, workspace } = await findOpenLink(store, request.params.token);
      reply.header('cache-control', 'no-store');
      // A bot filled in the hidden field: answer as if stored, so it learns nothing.
      if (body.website) return reply.status(201).send({ id: body.id, created: true });
      const result = await services.responses.submit(
        { workspace },
        {
          id: body.id,
          surveyId: link.surveyId,
          version: body.version,
          language: body.language,
          answers: body.answers,
          linkId: link.id,
          channel: 'widget',
          partial: false,
          source: 'widget',
        },
      );
      return reply.status(201).send(result);
    },
  );

  // Identified prompts: before opening by itself for a known visitor, the widget asks whether
  // this person may be surveyed now. Yes is recorded as a contact, so every channel sees it.
  app.options(
    '/w/:token/prompt',
    { schema: { hide: true }, onSend: allowAnyOrigin },
    (_request, reply) =>
      reply
        .status(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .send(),
  );

  app.post(
    '/w/:token/prompt',
    {
      schema: {
        operationId: 'promptWidgetRespondent',
        summary:
          'Whether the widget may survey an identified visitor now (contact-frequency limit, unsubscribes); a yes counts as asking',
        tags: ['widget'],
        params: widgetTokenParamsSchema,
        body: widgetPromptBodySchema,
        response: { 200: widgetPromptResultSchema, ...errors },
      },
      config: limit(LIMITS.submit),
      onSend: allowAnyOrigin,
    },
    async (request, reply) => {
      const { link, workspace } = await findOpenLink(store, request.params.token);
      reply.header('cache-control', 'no-store');
      return services.surveyInvitations.promptRespondent(
        workspace,
        request.body.respondent,
        link.surveyId,
        'widget',
      );
    },
  );

  app.get(
    '/widget.js',
    {
      schema: {
        operationId: 'getWidgetScript',
        summary: 'The embeddable widget script',
        tags: ['widget'],
      },
      onSend: allowAnyOrigin,
    },
    async (request, reply) => {
      const script = await loadScript(options.scriptFile ?? DEFAULT_SCRIPT);
      if (!script) return sendError(reply, 'NOT_FOUND', 'The widget has not been built.');
      reply
        .header('cache-control', 'public, max-age=3600')
        .header('etag', script.etag)
        .type('text/javascript; charset=utf-8');
      if (request.headers['if-none-match'] === script.etag) return reply.status(304).send();
      return reply.send(script.body);
    },
  );
}

let cached: { file: string; mtimeMs: number; body: Buffer; etag: string } | undefined;

/** The built script, re-read only when the file changes (a rebuild during development). */
async function loadScript(file: string): Promise<{ body: Buffer; etag: string } | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (cached?.file !== file || cached.mtimeMs !== info.mtimeMs) {
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    cached = { file, mtimeMs: info.mtimeMs, body, etag };
  }
  return cached;
}
