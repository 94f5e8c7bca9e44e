import { Readable } from 'node:stream';
import { localDay } from '@polku/core';
import type { AppDeps } from '../app.js';
import { planResponseExport, writeResponsesCsv } from '../export/responses-csv.js';
import { writeResponsesXlsx } from '../export/responses-xlsx.js';
import type { FileRouteHandler } from './file-routes.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streamed exports of responses (a file route: same access check, in OpenAPI). */
export function exportHandlers(
  deps: Pick<AppDeps, 'store' | 'clock'>,
): Record<'exportResponses', FileRouteHandler> {
  return {
    exportResponses: async ({ auth, query, reply }) => {
      const format = query.format === 'xlsx' ? 'xlsx' : 'csv';
      const plan = await planResponseExport(deps.store, auth.workspace.id, {
        surveyId: query.surveyId as string | undefined,
        from: query.from as string | undefined,
        to: query.to as string | undefined,
      });
      const stamp = localDay(deps.clock.now(), auth.workspace.timeZone);
      if (format === 'xlsx') void reply.type(XLSX_TYPE);
      void reply.header(
        'content-disposition',
        `attachment; filename="responses-${stamp}.${format}"`,
      );
      return Readable.from(format === 'xlsx' ? writeResponsesXlsx(plan) : writeResponsesCsv(plan));
    },
  };
}
