import { Readable } from 'node:stream';
import { idSchema, type FieldIssue } from '@polku/contracts';
import { DomainError, localDay, resolveWorkspaceAccess } from '@polku/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { planResponsesCsv } from '../export/responses-csv.js';
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
        if (query.format === 'xlsx')
          return sendError(
            reply,
            'BAD_REQUEST',
            'XLSX export is not available yet; use format=csv.',
          );
        const plan = await planResponsesCsv(deps.store, ctx.workspace.id, query);
        const stamp = localDay(Date.now(), ctx.workspace.timeZone);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="responses-${stamp}.csv"`)
          .header('cache-control', 'no-store')
          .send(Readable.from(plan.rows));
      } catch (e) {
        if (e instanceof DomainError) return sendError(reply, e.code, e.message, e.details);
        throw e;
      }
    },
  );
}
