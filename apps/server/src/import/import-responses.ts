import { answerValueSchema, type AnswerValue } from '@polku/contracts';
import {
  ResponseService,
  systemClock,
  type IntakeInput,
  type Store,
  type SurveyRecord,
  type WorkspaceRecord,
} from '@polku/core';
import type { SurveyDefinition } from '@polku/contracts';
import { readCsv, type CsvRecord } from './csv-reader.js';
import { compileDateFormat, DateOrderScanner, parseAutoDate, type DateDecision } from './dates.js';
import { InvalidUtf8Error, type ImportEncoding } from './encoding.js';
import { importedResponseId } from './ids.js';
import {
  detectLayout,
  LayoutError,
  resolveLayout,
  type FileLayout,
  type ImportFormat,
  type Layout,
} from './layouts.js';
import { addPart, parseCell } from './values.js';
import { submitRows } from './submit-rows.js';

export interface ImportOptions {
  file: string;
  workspaceId: string;
  surveyId: string;
  format: ImportFormat;
  /** Header (name or question text) → question key, or `<key>_<part>`. */
  maps: Map<string, string>;
  encoding: ImportEncoding;
  /** Cells that mean "not answered", besides the empty cell, NA and N/A. */
  missing: string[];
  dateFormat?: string | undefined;
  dryRun: boolean;
  batchSize?: number;
  onProgress?: (progress: { rowsRead: number; total: number }) => void;
  /** Each response row as read, before the intake validates it (the web app's preview). */
  onRow?: (row: ReadRow) => void;
}

/** One response row of the file: the intake input it became, or why it could not become one. */
export type ReadRow = { line: number } & ({ input: IntakeInput } | { reason: string });

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface ImportSummary {
  file: string;
  format: Layout;
  encoding: Exclude<ImportEncoding, 'auto'>;
  dryRun: boolean;
  rowsRead: number;
  imported: number;
  alreadyImported: number;
  skipped: number;
  /** The first skipped rows (at most MAX_LISTED), in file order. */
  skippedRows: SkippedRow[];
  dates: DateDecision;
  columns: { header: string; question: string }[];
  ignoredColumns: string[];
  unmappedQuestions: string[];
}

/** Why an import stopped before storing anything (a bad file, survey or option). */
export class ImportError extends Error {}

export const MAX_LISTED = 50;
const DEFAULT_MISSING = ['', 'NA', 'N/A', 'n/a', '#N/A'];
const UNFINISHED = new Set(['0', 'false', 'no', 'partial']);

/**
 * Imports a survey export into a published survey. Reads the file twice, streaming both times:
 * first for the header, the encoding, the row count and the order of day and month; then to
 * store responses in batches through the response intake (the same validation and
 * idempotency as every other path). Rows that fail validation are skipped and reported by
 * line; `dryRun` validates every row inside transactions that are rolled back.
 */
export async function importResponses(
  deps: { store: Store; responses: ResponseService },
  options: ImportOptions,
): Promise<ImportSummary> {
  const workspace = await deps.store.workspaces.findById(options.workspaceId);
  if (!workspace) throw new ImportError(`No workspace ${options.workspaceId}.`);
  const survey = await deps.store.surveys.findById(workspace.id, options.surveyId);
  if (!survey) throw new ImportError(`No survey ${options.surveyId} in this workspace.`);
  const definition = await publishedDefinition(deps.store, survey);

  const scan = await scanFile(options, definition);
  const { layout, encoding } = scan;
  const parseDate = dateParser(options, scan.decision, workspace.timeZone);
  const responses = options.dryRun
    ? new ResponseService({ store: rollingBack(deps.store), clock: systemClock })
    : deps.responses;

  const summary: ImportSummary = {
    file: options.file,
    format: layout.layout,
    encoding,
    dryRun: options.dryRun,
    rowsRead: 0,
    imported: 0,
    alreadyImported: 0,
    skipped: 0,
    skippedRows: [],
    dates: scan.decision,
    columns: [
      ...layout.targets.map((t) => ({
        header: t.header,
        question: t.part ? `${t.question.key}_${t.part}` : t.question.key,
      })),
      // Attributes are listed as `@key`, as they are mapped.
      ...layout.attributes.map((a) => ({ header: a.header, question: `@${a.key}` })),
    ],
    ignoredColumns: layout.ignored,
    unmappedQuestions: layout.unmappedQuestions,
  };
  const skip = (line: number, reason: string) => {
    summary.skipped++;
    if (summary.skippedRows.length < MAX_LISTED) summary.skippedRows.push({ line, reason });
  };
  const missing = new Set([...DEFAULT_MISSING, ...options.missing]);
  const batchSize = options.batchSize ?? 500;
  let batch: { input: IntakeInput; line: number }[] = [];

  const flush = async () => {
    const pending = batch;
    batch = [];
    await submitRows(
      pending,
      {
        submit: (inputs) => responses.submitBatch({ workspace }, inputs),
        refusals: ['VALIDATION_FAILED'],
        issuePath: /^body\.responses\.(\d+)\.(.*)$/,
      },
      summary,
      skip,
    );
    options.onProgress?.({ rowsRead: summary.rowsRead, total: scan.rows });
  };

  let headerLeft = layout.headerRows;
  for await (const records of readCsv(options.file, encoding)) {
    for (const record of records) {
      if (headerLeft > 0) {
        headerLeft--;
        continue;
      }
      summary.rowsRead++;
      const built = buildInput(record, layout, definition, survey, workspace, missing, parseDate);
      options.onRow?.(
        'reason' in built ? { line: record.line, ...built } : { line: record.line, input: built },
      );
      if ('reason' in built) skip(record.line, built.reason);
      else batch.push({ input: built, line: record.line });
      if (batch.length >= batchSize) await flush();
    }
  }
  if (batch.length) await flush();
  summary.skippedRows.sort((a, b) => a.line - b.line);
  return summary;
}

async function publishedDefinition(store: Store, survey: SurveyRecord): Promise<SurveyDefinition> {
  if (survey.status !== 'published' || survey.publishedVersion === null)
    throw new ImportError(
      `The survey "${survey.name}" is not open for responses: publish it first (polku surveys publish).`,
    );
  const version = await store.surveys.findVersion(
    survey.workspaceId,
    survey.id,
    survey.publishedVersion,
  );
  if (!version) throw new ImportError(`The survey has no version ${survey.publishedVersion}.`);
  return version.definition;
}

/** The first pass: header rows, encoding (auto falls back to cp1252), row count and date order. */
async function scanFile(
  options: ImportOptions,
  definition: SurveyDefinition,
): Promise<{
  layout: FileLayout;
  encoding: Exclude<ImportEncoding, 'auto'>;
  rows: number;
  decision: DateDecision;
}> {
  const tryScan = async (encoding: Exclude<ImportEncoding, 'auto'>) => {
    const head: CsvRecord[] = [];
    let layout: FileLayout | undefined;
    const scanner = new DateOrderScanner();
    let rows = 0;
    const observe = (record: CsvRecord) => {
      rows++;
      if (layout!.dateColumn >= 0)
        scanner.observe(record.fields[layout!.dateColumn] ?? '', record.line);
    };
    const resolve = () => {
      const fields = head.map((r) => r.fields);
      const kind = options.format === 'auto' ? detectLayout(fields[0] ?? []) : options.format;
      layout = resolveLayout(kind, fields, definition, options.maps);
      // The records kept to look at the header may be responses already.
      head.slice(layout.headerRows).forEach(observe);
      return layout;
    };
    for await (const records of readCsv(options.file, encoding)) {
      for (const record of records) {
        if (layout) observe(record);
        else {
          head.push(record);
          if (head.length === 3) layout = resolve();
        }
      }
    }
    if (!layout) {
      if (head.length === 0) throw new ImportError('The file is empty.');
      layout = resolve();
    }
    return { layout, rows, scanner, encoding };
  };
  let scanned;
  try {
    try {
      scanned = await tryScan(options.encoding === 'auto' ? 'utf8' : options.encoding);
    } catch (e) {
      if (!(e instanceof InvalidUtf8Error)) throw e;
      if (options.encoding !== 'auto')
        throw new ImportError('The file is not valid UTF-8: try --encoding cp1252 or latin1.');
      scanned = await tryScan('cp1252');
    }
  } catch (e) {
    if (e instanceof LayoutError) throw new ImportError(e.message);
    throw e;
  }
  let decision: DateDecision;
  if (options.dateFormat) {
    decision = {
      order: null,
      source: 'option',
      explanation: `dates read as --date-format "${options.dateFormat}"`,
    };
  } else {
    const d = scanned.scanner.decide();
    if ('error' in d) throw new ImportError(d.error);
    decision = d;
  }
  return { layout: scanned.layout, encoding: scanned.encoding, rows: scanned.rows, decision };
}

type DateParser = (value: string) => { ok: true; instant: number } | { ok: false; reason: string };

function dateParser(options: ImportOptions, decision: DateDecision, timeZone: string): DateParser {
  if (options.dateFormat) {
    const compiled = compileDateFormat(options.dateFormat);
    if ('error' in compiled) throw new ImportError(compiled.error);
    return (value) => compiled(value, timeZone);
  }
  return (value) => parseAutoDate(value, decision.order, timeZone);
}

/** One row as an intake input, or why it cannot be one. */
function buildInput(
  record: CsvRecord,
  layout: FileLayout,
  definition: SurveyDefinition,
  survey: SurveyRecord,
  workspace: WorkspaceRecord,
  missing: Set<string>,
  parseDate: DateParser,
): IntakeInput | { reason: string } {
  const { fields } = record;
  const cell = (column: number) => (column >= 0 ? (fields[column] ?? '').trim() : '');
  const answers: Record<string, unknown> = {};
  for (const t of layout.targets) {
    const raw = fields[t.column] ?? '';
    if (missing.has(raw.trim())) continue;
    const key = t.question.key;
    if (t.part === null) answers[key] = parseCell(t.question, raw);
    else if (t.question.type === 'multiple' && /^(0|false)$/i.test(raw.trim())) continue;
    else answers[key] = addPart(t.question, answers[key], t.part, raw);
  }
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value === 'object' && !answerValueSchema.safeParse(value).success)
      return { reason: `${key}: cannot read ${JSON.stringify(value)} as an answer` };
  }

  const attributes: Record<string, string> = {};
  for (const a of layout.attributes) {
    const value = cell(a.column);
    if (!value || missing.has(value)) continue;
    if (value.length > 200)
      return { reason: `${a.header}: an attribute value is at most 200 characters` };
    attributes[a.key] = value;
  }

  let submittedAt: number | undefined;
  const dateCell = cell(layout.dateColumn);
  if (dateCell) {
    const parsed = parseDate(dateCell);
    if (!parsed.ok) return { reason: `date: ${parsed.reason}` };
    submittedAt = parsed.instant;
  }
  const sourceId = cell(layout.idColumn);
  const languageCell = cell(layout.languageColumn).slice(0, 2).toLowerCase();
  const language = definition.languages.find((l) => l === languageCell);
  const finished = cell(layout.finishedColumn).toLowerCase();
  const status = cell(layout.statusColumn).toLowerCase();
  return {
    id: importedResponseId(
      workspace.id,
      survey.id,
      sourceId ? { sourceId } : { fields },
      submittedAt,
    ),
    surveyId: survey.id,
    submittedAt,
    language,
    partial: UNFINISHED.has(finished) || status === 'partial',
    answers: answers as Record<string, AnswerValue>,
    ...(Object.keys(attributes).length > 0 && { attributes }),
    source: 'import',
  };
}

/** A store whose transactions always roll back: the dry run's intake validates and writes nothing. */
export function rollingBack(store: Store): Store {
  class Rollback extends Error {
    constructor(readonly value: unknown) {
      super('dry run: rolled back');
    }
  }
  return {
    ...store,
    async transaction<T>(
      fn: (tx: Parameters<Parameters<Store['transaction']>[0]>[0]) => Promise<T>,
    ) {
      try {
        await store.transaction(async (tx) => {
          throw new Rollback(await fn(tx));
        });
      } catch (e) {
        if (e instanceof Rollback) return e.value as T;
        throw e;
      }
      throw new Error('unreachable: the dry-run transaction committed');
    },
  };
}
