import { Readable } from 'node:stream';
import { idSchema, type FieldIssue } from '@polku/contracts';
import { DomainError, localDay, resolveWorkspaceAccess } from '@polku/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { planResponseExport, writeResponsesCsv } from '../export/responses-csv.js';
import { writeResponsesXlsx } from '../export/responses-xlsx.js';
import { authenticate } from './authentication.js';
import { sendError } from './errors.js';

const exportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  surveyId: idSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/**
 * Streamed file exports that do not fit the JSON route table. They check access themselves,
 * the same way the table does: authenticate, then core's one workspace access check.
 */
export function registerExports(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { workspaceId: string }; Querystring: Record<string, string> }>(
    '/api/v1/workspaces/:workspaceId/responses/export',
    { schema: { hide: true } },
    async (request, reply) => {
      try {
        const principal = await authenticate(request, reply, deps.services, { requireCsrf: true });
        const ctx = await resolveWorkspaceAccess(
          deps.store,
          request.params.workspaceId,
          principal,
          'responses.read',
          request.ip,
        );
        const parsed = exportQuerySchema.safeParse(request.query);
        if (!parsed.success) {
          const details: FieldIssue[] = parsed.error.issues.map((i) => ({
            path: ['querystring', ...i.path].join('.'),
            message: i.message,
          }));
          return sendError(reply, 'VALIDATION_FAILED', undefined, details);
        }
        const query = parsed.data;
        const plan = await planResponseExport(deps.store, ctx.workspace.id, query);
        const stamp = localDay(Date.now(), ctx.workspace.timeZone);
        const xlsx = query.format === 'xlsx';
        return reply
          .header(
            'content-type',
            xlsx
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : 'text/csv; charset=utf-8',
          )
          .header(
            'content-disposition',
            `attachment; filename="responses-${stamp}.${query.format}"`,
          )
          .header('cache-control', 'no-store')
          .send(Readable.from(xlsx ? writeResponsesXlsx(plan) : writeResponsesCsv(plan)));
      } catch (e) {
        if (e instanceof DomainError) return sendError(reply, e.code, e.message, e.details);
        throw e;
      }
    },
  );
}
