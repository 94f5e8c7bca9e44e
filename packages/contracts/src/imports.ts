import { z } from 'zod';
import { instantSchema, languageSchema } from './common.js';
import { answerValueSchema } from './responses.js';
import { localizedTextSchema } from './surveys.js';

/**
 * Importing a survey export over HTTP: `POST /api/v1/workspaces/:workspaceId/surveys/:surveyId/imports`
 * with the file as the raw body (`text/csv` or `application/octet-stream`). Not in the JSON
 * route table, as its body is a file; the options travel in the query string.
 */
export const responseImportPath = '/api/v1/workspaces/:workspaceId/surveys/:surveyId/imports';

export const responseImportFormats = [
  'auto',
  'csv',
  'qualtrics',
  'google-forms',
  'surveymonkey',
] as const;
export type ResponseImportFormat = (typeof responseImportFormats)[number];
export const responseImportEncodings = ['auto', 'utf8', 'latin1', 'cp1252'] as const;
export type ResponseImportEncoding = (typeof responseImportEncodings)[number];

/** A query value given once or repeated (`map=A=x&map=B=y`), as a list. */
const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const responseImportQuerySchema = z.object({
  /** `1`: read and validate every row, store nothing, answer with a preview. */
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  format: z.enum(responseImportFormats).default('auto'),
  encoding: z.enum(responseImportEncodings).default('auto'),
  /** Cells that mean "not answered" besides the empty cell, NA and N/A; comma-separated. */
  missing: repeated.transform((list) =>
    list
      .flatMap((v) => v.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  ),
  /** `D.M.YYYY H.mm.ss`, `M/D/YYYY h:mm:ss A`… when the dates cannot tell their order. */
  dateFormat: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  /** `COLUMN=QUESTION_KEY` (or `<key>_<part>`); `COLUMN=@key` reads the column as a customer
   * attribute known at the time (metrics filter and break down by it); `COLUMN=` ignores it. */
  map: repeated.pipe(
    z.array(
      z
        .string()
        .max(1000)
        .refine((m) => m.lastIndexOf('=') > 0, 'write COLUMN=QUESTION_KEY'),
    ),
  ),
});
export type ResponseImportQuery = z.input<typeof responseImportQuerySchema>;

/** How the order of day and month in the file's dates was settled, and by what. */
export const importDateDecisionSchema = z.object({
  order: z.enum(['DMY', 'MDY']).nullable(),
  source: z.enum(['option', 'data', 'locale', 'unambiguous', 'no dates']),
  explanation: z.string(),
  evidence: z.object({ line: z.number(), value: z.string() }).optional(),
});

export const responseImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** The layout read (detected when the format was `auto`). */
  format: z.enum(responseImportFormats).exclude(['auto']),
  encoding: z.enum(responseImportEncodings).exclude(['auto']),
  dates: importDateDecisionSchema,
  /** Each file column that answers a question: its header and the question key (or
   * `<key>_<part>`); a column read as a customer attribute shows as `@key`. */
  columns: z.array(z.object({ header: z.string(), question: z.string() })),
  /** Columns that are neither metadata nor mapped to a question. */
  ignoredColumns: z.array(z.string()),
  unmappedQuestions: z.array(z.string()),
  /** The questions of the published version, for choosing a mapping. */
  questions: z.array(z.object({ key: z.string(), type: z.string(), text: localizedTextSchema })),
  /** The first rows as read, before the intake's validation. */
  sample: z.array(
    z.object({
      line: z.number(),
      answers: z.record(z.string(), answerValueSchema).optional(),
      submittedAt: instantSchema.optional(),
      language: languageSchema.optional(),
      partial: z.boolean().optional(),
      /** Why the row cannot be read (it is skipped). */
      problem: z.string().optional(),
    }),
  ),
  summary: z.object({
    rowsRead: z.number(),
    /** Stored, or in a dry run: would be stored. */
    imported: z.number(),
    alreadyImported: z.number(),
    skipped: z.number(),
    /** The first skipped rows (at most 50), by line. */
    skippedRows: z.array(z.object({ line: z.number(), reason: z.string() })),
  }),
});
export type ResponseImportResult = z.infer<typeof responseImportResultSchema>;
