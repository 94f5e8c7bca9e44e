import { z } from 'zod';
import { calendarDaySchema, idSchema, languageSchema, type Permission } from './common.js';

/**
 * Workspace routes that answer with a file or a page instead of JSON (QR codes, printable
 * sheets, exports). Like the JSON route table, each names the permission it needs, so the
 * server checks access the same way and the cross-workspace test walks these too.
 */
export interface FileRouteDef {
  method: 'GET';
  path: string;
  summary: string;
  permission: Permission;
  params: z.ZodObject;
  query?: z.ZodObject;
  contentType: string;
}

const defineFileRoute = <const R extends FileRouteDef>(r: R): R => r;

/**
 * The map export's options: the language of its headings (the workspace's default language
 * when left out) and, optionally, a live metric over days `from`…`to` drawn on the cards as
 * the map draws it.
 */
const journeyExportQuery = z
  .strictObject({
    lang: languageSchema.optional(),
    metric: z.enum(['nps', 'csat', 'ces']).optional(),
    from: calendarDaySchema.optional(),
    to: calendarDaySchema.optional(),
  })
  .refine((q) => (q.metric === undefined) === (q.from === undefined && q.to === undefined), {
    message: 'a metric needs from and to, and from and to need a metric',
    path: ['metric'],
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    message: 'give both from and to',
    path: ['to'],
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
const linkParams = z.object({ workspaceId: idSchema, surveyId: idSchema, linkId: idSchema });
const linkBase = '/api/v1/workspaces/:workspaceId/surveys/:surveyId/links/:linkId';

export const fileRoutes = {
  linkQrSvg: defineFileRoute({
    method: 'GET',
    path: `${linkBase}/qr.svg`,
    summary: "The link's QR code as SVG",
    permission: 'surveys.read',
    params: linkParams,
    contentType: 'image/svg+xml',
  }),
  linkQrPng: defineFileRoute({
    method: 'GET',
    path: `${linkBase}/qr.png`,
    summary: "The link's QR code as PNG",
    permission: 'surveys.read',
    params: linkParams,
    query: z.strictObject({ size: z.coerce.number().int().min(128).max(2048).default(512) }),
    contentType: 'image/png',
  }),
  linkSheet: defineFileRoute({
    method: 'GET',
    path: `${linkBase}/sheet`,
    summary: 'A printable A4 or A5 sheet with the QR code, in the survey language',
    permission: 'surveys.read',
    params: linkParams,
    query: z.strictObject({
      size: z.enum(['a4', 'a5']).default('a4'),
      lang: languageSchema.optional(),
    }),
    contentType: 'text/html; charset=utf-8',
  }),
  exportResponses: defineFileRoute({
    method: 'GET',
    path: '/api/v1/workspaces/:workspaceId/responses/export',
    summary: 'Responses as CSV or XLSX, streamed (one column per question key)',
    permission: 'responses.read',
    params: z.object({ workspaceId: idSchema }),
    query: z.strictObject({
      format: z.enum(['csv', 'xlsx']).default('csv'),
      surveyId: idSchema.optional(),
      from: calendarDaySchema.optional(),
      to: calendarDaySchema.optional(),
    }),
    contentType: 'text/csv; charset=utf-8',
  }),
  journeyExportPng: defineFileRoute({
    method: 'GET',
    path: '/api/v1/workspaces/:workspaceId/journeys/:journeyId/export.png',
    summary: 'The journey map as a PNG image, rendered by the server (Chromium)',
    permission: 'surveys.read',
    params: z.object({ workspaceId: idSchema, journeyId: idSchema }),
    query: journeyExportQuery,
    contentType: 'image/png',
  }),
  journeyExportPdf: defineFileRoute({
    method: 'GET',
    path: '/api/v1/workspaces/:workspaceId/journeys/:journeyId/export.pdf',
    summary: 'The journey map as an A3 landscape PDF, rendered by the server (Chromium)',
    permission: 'surveys.read',
    params: z.object({ workspaceId: idSchema, journeyId: idSchema }),
    query: journeyExportQuery,
    contentType: 'application/pdf',
  }),
} as const satisfies Record<string, FileRouteDef>;

export type FileRouteName = keyof typeof fileRoutes;
