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
/** The encodings an import reads; `auto` detects (docs/imports.md). */
export const importEncodings = ['auto', 'utf8', 'utf16le', 'utf16be', 'latin1', 'cp1252'] as const;
export type ImportEncoding = (typeof importEncodings)[number];
/** The field delimiters an import reads; `auto` detects from the first lines. */
export const importDelimiters = ['auto', 'comma', 'semicolon', 'tab'] as const;
export type ImportDelimiter = (typeof importDelimiters)[number];
/** The decimal mark of numbers; `auto` reads either (thousands separators are never guessed). */
export const importDecimalMarks = ['auto', 'comma', 'point'] as const;
export type ImportDecimalMark = (typeof importDecimalMarks)[number];

/** A query value given once or repeated (`map=A=x&map=B=y`), as a list. */
const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** Column → label → the value the label stands for (`''`: not answered). */
export const importValueMapsSchema = z.record(
  z.string().min(1).max(1000),
  z.record(z.string().min(1).max(1000), z.union([z.string().max(1000), z.number()])),
);
export type ImportValueMaps = z.infer<typeof importValueMapsSchema>;

export const responseImportQuerySchema = z.strictObject({
  /** `1`: read and validate every row, store nothing, answer with a preview. */
  dryRun: flag,
  /** `1`: store the readable rows and skip the refused ones; by default any refused row stores nothing. */
  skipInvalid: flag,
  format: z.enum(responseImportFormats).default('auto'),
  encoding: z.enum(importEncodings).default('auto'),
  delimiter: z.enum(importDelimiters).default('auto'),
  decimal: z.enum(importDecimalMarks).default('auto'),
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
  /** The header of the column that holds the dates, when it is not found by its name. */
  dateColumn: z
    .string()
    .max(1000)
    .optional()
    .transform((v) => v || undefined),
  /** `YYYY-MM-DD`: the date of every response the file does not date. */
  date: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
  /** Value maps as JSON: `{"COLUMN": {"LABEL": VALUE}}` (Google Forms labels, Qualtrics codes…). */
  values: z
    .string()
    .max(100_000)
    .optional()
    .transform((v, ctx) => {
      if (!v) return {};
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(importValueMapsSchema),
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

/** A cell, or a row, that cannot be imported as it is. */
export const importRefusedRowSchema = z.object({
  line: z.number(),
  /** The file's column header, when the problem is in one cell. */
  column: z.string().optional(),
  reason: z.string(),
});

/**
 * `imported`: every readable row (none refused, or the refused skipped by choice); `refused`:
 * nothing stored, as rows cannot be imported as they are; `interrupted`: the database failed
 * part-way, after storing every readable row before `interrupted.beforeLine`. In a dry run,
 * what the import would do.
 */
export const importOutcomes = ['imported', 'refused', 'interrupted'] as const;

/** The details of `IMPORT_ROWS_REFUSED`: how many rows, and the first problems. */
export const importRefusalSchema = z.object({
  refused: z.number(),
  refusedRows: z.array(importRefusedRowSchema),
});

/** The details of `IMPORT_INTERRUPTED`: what was stored, before which line. */
export const importInterruptionSchema = z.object({
  imported: z.number(),
  alreadyImported: z.number(),
  beforeLine: z.number(),
});

export const responseImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** The layout read (detected when the format was `auto`). */
  format: z.enum(responseImportFormats).exclude(['auto']),
  encoding: z.enum(importEncodings).exclude(['auto']),
  delimiter: z.enum(importDelimiters).exclude(['auto']),
  decimal: z.enum(importDecimalMarks),
  dates: importDateDecisionSchema,
  /** The header of the column the dates are read from; null when every row takes `date`. */
  dateColumn: z.string().nullable(),
  /** Every column header of the file, in order (for choosing the date column). */
  headers: z.array(z.string()),
  /** Each file column that answers a question: its header and the question key (or
   * `<key>_<part>`); a column read as a customer attribute shows as `@key`. */
  columns: z.array(z.object({ header: z.string(), question: z.string() })),
  /** Columns that are neither metadata nor mapped to a question. */
  ignoredColumns: z.array(z.string()),
  unmappedQuestions: z.array(z.string()),
  /** Per column read into a question: the distinct cells a value map turned into answers or
   * that could not be read (at most 30; `more` when there are others), for a value map editor. */
  valueLabels: z.array(
    z.object({
      header: z.string(),
      question: z.string(),
      labels: z.array(z.string()),
      more: z.boolean(),
    }),
  ),
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
      /** Why the row cannot be imported as it is. */
      problem: z.string().optional(),
    }),
  ),
  summary: z.object({
    outcome: z.enum(importOutcomes),
    skipInvalid: z.boolean(),
    rowsRead: z.number(),
    /** Stored, or in a dry run: would be stored. */
    imported: z.number(),
    alreadyImported: z.number(),
    /** Rows that cannot be imported as they are (stored never; skipped with skipInvalid). */
    refused: z.number(),
    /** Their first problems (at most 50), by line. */
    refusedRows: z.array(importRefusedRowSchema),
    interrupted: z.object({ beforeLine: z.number(), reason: z.string() }).optional(),
  }),
});
export type ResponseImportResult = z.infer<typeof responseImportResultSchema>;
