import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  idSchema,
  responseImportPath,
  responseImportQuerySchema,
  type FieldIssue,
  type ResponseImportResult,
} from '@polku/contracts';
import { DomainError, resolveWorkspaceAccess, type WorkspaceContext } from '@polku/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app.js';
import { authenticate } from '../http/authentication.js';
import { fieldIssuesOf, sendError } from '../http/errors.js';
import { ImportError } from './import-error.js';
import { importResponses, type ReadRow } from './import-responses.js';
import { addToValueMaps, ValueMapError, type ValueMaps } from './value-maps.js';

/** The largest file the web app may send (the CLI reads any size from disk). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** How many rows the preview shows as read. */
const SAMPLE_ROWS = 5;
const FILE_TYPES = ['text/csv', 'application/octet-stream'];

/**
 * `POST …/surveys/:surveyId/imports`: the import of `polku import responses` for the web app,
 * the file as the raw request body. With `dryRun=1` it stores nothing and answers with a
 * preview (detected layout, encoding, delimiter, date order, column mapping, the labels value
 * maps read, the first rows as read, and what the import would do); without, it imports all
 * or nothing: rows that cannot be imported answer 422 `IMPORT_ROWS_REFUSED` (unless
 * `skipInvalid=1`), a database failure part-way 503 `IMPORT_INTERRUPTED` naming the line
 * before which rows are stored. Access is checked as for every workspace route, before the
 * body is read.
 *
 * Register with `await registerImportEndpoints(app, deps)`; the file body parser stays
 * inside this plugin, so no other route accepts CSV.
 */
export async function registerImportEndpoints(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'services' | 'store' | 'config' | 'clock'>,
): Promise<void> {
  await app.register((scope, _options, done) => {
    // Hand the body over unread: the handler streams it to disk once access is granted.
    scope.addContentTypeParser(FILE_TYPES, (_request, payload, parsed) => parsed(null, payload));
    scope.post<{ Params: { workspaceId: string; surveyId: string } }>(
      responseImportPath,
      {
        schema: { hide: true },
        ...(deps.config.http.rateLimit && {
          config: { rateLimit: { max: 30, timeWindow: 60_000 } },
        }),
      },
      async (request, reply) => {
        try {
          return await handleImport(deps, request, reply);
        } catch (e) {
          if (e instanceof DomainError) return sendError(reply, e.code, e.message, e.details);
          if (e instanceof ImportError) return sendError(reply, e.code, e.message, e.details);
          throw e;
        }
      },
    );
    done();
  });
}

async function handleImport(
  deps: Pick<AppDeps, 'services' | 'store' | 'clock'>,
  request: FastifyRequest<{ Params: { workspaceId: string; surveyId: string } }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const principal = await authenticate(request, reply, deps.services, { requireCsrf: true });
  const ctx = await resolveWorkspaceAccess(
    deps.store,
    request.params.workspaceId,
    principal,
    'responses.write',
    request.ip,
  );
  const parsed = responseImportQuerySchema.safeParse(request.query);
  if (!parsed.success) {
    const details: FieldIssue[] = parsed.error.issues.flatMap((i) =>
      fieldIssuesOf(['querystring', ...i.path], i),
    );
    return sendError(reply, 'VALIDATION_FAILED', undefined, details);
  }
  const query = parsed.data;
  const questions = await publishedQuestions(deps, ctx, request.params.surveyId);

  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_IMPORT_BYTES) return tooLarge(reply);
  const body = request.body as Readable | undefined;
  if (typeof body?.pipe !== 'function')
    return sendError(
      reply,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as the body, as text/csv or application/octet-stream.',
    );

  const dir = await mkdtemp(join(tmpdir(), 'polku-upload-'));
  try {
    const file = join(dir, 'upload.csv');
    try {
      await pipeline(body, byteLimit(MAX_IMPORT_BYTES), createWriteStream(file));
    } catch (e) {
      if (e instanceof TooLarge) return tooLarge(reply);
      throw e;
    }
    const sample: ResponseImportResult['sample'] = [];
    const summary = await importResponses(
      { store: deps.store, responses: deps.services.responses, clock: deps.clock },
      {
        file,
        workspaceId: ctx.workspace.id,
        surveyId: request.params.surveyId,
        format: query.format,
        encoding: query.encoding,
        delimiter: query.delimiter,
        decimal: query.decimal,
        maps: new Map(query.map.map(splitMap)),
        values: valueMapsOf(query.values),
        missing: query.missing,
        dateFormat: query.dateFormat,
        dateColumn: query.dateColumn,
        date: query.date,
        dryRun: query.dryRun,
        skipInvalid: query.skipInvalid,
        onRow: (row) => {
          if (sample.length < SAMPLE_ROWS) sample.push(sampleOf(row));
        },
      },
    );
    if (!summary.dryRun && summary.outcome === 'refused')
      return sendError(reply, 'IMPORT_ROWS_REFUSED', undefined, {
        refused: summary.refused,
        refusedRows: summary.refusedRows,
      });
    if (summary.interrupted) {
      // The database's own words stay in the log: the client learns what was stored.
      request.log.error({ reason: summary.interrupted.reason }, 'import interrupted');
      return sendError(
        reply,
        'IMPORT_INTERRUPTED',
        `The import stopped at line ${summary.interrupted.beforeLine}: every readable row before it is stored (${summary.imported}), none from it on. Import the same file again to add the rest.`,
        {
          imported: summary.imported,
          alreadyImported: summary.alreadyImported,
          beforeLine: summary.interrupted.beforeLine,
        },
      );
    }
    const result: ResponseImportResult = {
      dryRun: summary.dryRun,
      format: summary.format,
      encoding: summary.encoding,
      delimiter: summary.delimiter,
      decimal: summary.decimal,
      dates: summary.dates,
      dateColumn: summary.dateColumn,
      headers: summary.headers,
      columns: summary.columns,
      ignoredColumns: summary.ignoredColumns,
      unmappedQuestions: summary.unmappedQuestions,
      valueLabels: summary.valueLabels,
      questions,
      sample,
      summary: {
        outcome: summary.outcome,
        skipInvalid: summary.skipInvalid,
        rowsRead: summary.rowsRead,
        imported: summary.imported,
        alreadyImported: summary.alreadyImported,
        refused: summary.refused,
        refusedRows: summary.refusedRows,
      },
    };
    return reply.header('cache-control', 'no-store').send(result);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The survey's published questions; 404 for a survey not in the workspace, 409 for a draft. */
async function publishedQuestions(
  deps: Pick<AppDeps, 'store'>,
  ctx: WorkspaceContext,
  surveyId: string,
): Promise<ResponseImportResult['questions']> {
  const survey = idSchema.safeParse(surveyId).success
    ? await deps.store.surveys.findById(ctx.workspace.id, surveyId)
    : undefined;
  if (!survey) throw new DomainError('NOT_FOUND');
  if (survey.status !== 'published' || survey.publishedVersion === null)
    throw new DomainError('SURVEY_NOT_OPEN', 'Publish the survey before importing responses.');
  const version = await deps.store.surveys.findVersion(
    ctx.workspace.id,
    survey.id,
    survey.publishedVersion,
  );
  if (!version) throw new DomainError('NOT_FOUND');
  return version.definition.questions.map((q) => ({ key: q.key, type: q.type, text: q.text }));
}

/** `COLUMN=KEY`, split at the last `=` as the CLI does (a column name may hold one). */
function splitMap(m: string): [string, string] {
  const eq = m.lastIndexOf('=');
  return [m.slice(0, eq), m.slice(eq + 1).trim()];
}

/** The query's value maps (JSON) as the import reads them; a label given twice is a 400. */
function valueMapsOf(values: Record<string, Record<string, string | number>>): ValueMaps {
  const maps: ValueMaps = new Map();
  try {
    for (const [column, labels] of Object.entries(values))
      addToValueMaps(
        maps,
        column,
        Object.entries(labels).map(([label, value]) => [label, String(value)]),
      );
  } catch (e) {
    if (e instanceof ValueMapError)
      throw new DomainError('VALIDATION_FAILED', undefined, [
        { path: 'querystring.values', message: e.message },
      ]);
    throw e;
  }
  return maps;
}

function sampleOf(row: ReadRow): ResponseImportResult['sample'][number] {
  if ('reason' in row) return { line: row.line, problem: row.reason };
  const { answers, submittedAt, language, partial } = row.input;
  return { line: row.line, answers, submittedAt, language, partial };
}

class TooLarge extends Error {}

/** Passes bytes through until there are more than `max`, then fails the stream. */
function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(new TooLarge());
      else callback(null, chunk);
    },
  });
}

function tooLarge(reply: FastifyReply): FastifyReply {
  // The rest of the body is not read: close the connection rather than drain it.
  return sendError(
    reply.header('connection', 'close'),
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
  );
}
