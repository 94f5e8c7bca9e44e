import type { ImportDelimiter, SurveyDefinition } from '@polku/contracts';
import {
  ResponseService,
  type Clock,
  type IntakeInput,
  type Store,
  type SurveyRecord,
} from '@polku/core';
import type { CsvRecord } from './csv-reader.js';
import { DateOrderScanner, dateReading, parseDefaultDate, type DateDecision } from './dates.js';
import type { TextEncoding } from './encoding.js';
import { ImportError } from './import-error.js';
import {
  detectLayout,
  LayoutError,
  resolveLayout,
  type ColumnChoices,
  type ColumnTarget,
  type FileLayout,
  type ImportFormat,
  type Layout,
} from './layouts.js';
import type { DecimalMark } from './numbers.js';
import { checkValueMaps, columnOf, rowBuilder } from './response-rows.js';
import { checkThenStore, rollingBack, type StoreOptions, type StoreResult } from './run-import.js';
import { delimiterNames, describeReading, scanSource, type ReadSettings } from './source.js';

export interface ImportOptions extends ReadSettings, ColumnChoices, StoreOptions {
  file: string;
  workspaceId: string;
  surveyId: string;
  format: ImportFormat;
  /** Cells that mean "not answered", besides the empty cell, NA and N/A. */
  missing: string[];
  dateFormat?: string | undefined;
  /** The date of every response the file does not date (`--date`). */
  date?: string | undefined;
  /** Each response row as read, before the intake validates it (the web app's preview). */
  onRow?: (row: ReadRow) => void;
}

/** One response row of the file: the intake input it became, or why it could not become one. */
export type ReadRow = { line: number } & ({ input: IntakeInput } | { reason: string });

/** A column's labels that a value map turned into answers, or that could not be read. */
export interface ColumnLabels {
  header: string;
  question: string;
  labels: string[];
  /** More distinct labels than are listed. */
  more: boolean;
}

export interface ImportSummary extends StoreResult {
  file: string;
  format: Layout;
  encoding: TextEncoding;
  delimiter: Exclude<ImportDelimiter, 'auto'>;
  decimal: DecimalMark;
  dryRun: boolean;
  skipInvalid: boolean;
  dates: DateDecision;
  /** The column the dates were read from, if any. */
  dateColumn: string | null;
  headers: string[];
  columns: { header: string; question: string }[];
  ignoredColumns: string[];
  unmappedQuestions: string[];
  valueLabels: ColumnLabels[];
}

const DEFAULT_MISSING = ['', 'NA', 'N/A', 'n/a', '#N/A'];
const MAX_LABELS = 30;

/**
 * Imports a survey export into a published survey, all or nothing (checkThenStore). Reads the
 * file three times, streaming each time: first for how to read it (encoding, delimiter), the
 * header, the row count and the order of day and month; then to check every row through the
 * response intake in transactions that roll back; then, when every row is good (or
 * `skipInvalid`), to store them in batches (the same validation and idempotency as every other
 * path). `dryRun` stops after the check.
 */
export async function importResponses(
  deps: { store: Store; responses: ResponseService; clock: Clock },
  options: ImportOptions,
): Promise<ImportSummary> {
  const workspace = await deps.store.workspaces.findById(options.workspaceId);
  if (!workspace) throw new ImportError(`No workspace ${options.workspaceId}.`);
  const survey = await deps.store.surveys.findById(workspace.id, options.surveyId);
  if (!survey) throw new ImportError(`No survey ${options.surveyId} in this workspace.`);
  const definition = await publishedDefinition(deps.store, survey);

  const { source, scanned } = await scanSource(options.file, options, (records, source) =>
    scanResponses(records, options, definition, source),
  );
  const { layout } = scanned;
  const dateHeader = layout.dateColumn >= 0 ? (layout.headers[layout.dateColumn] ?? null) : null;
  if (dateHeader === null && options.date === undefined)
    throw new ImportError(
      `The file has no date column (${describeReading(source)}; columns: ${layout.headers.join(', ')}). Say which column holds the dates (--date-column), or give the date of every response (--date YYYY-MM-DD): without dates, trends would be meaningless.`,
      'IMPORT_NO_DATES',
      { headers: layout.headers },
    );
  const reading = dateReading(options.dateFormat, scanned.scanner, workspace.timeZone);
  if ('error' in reading) throw new ImportError(reading.error);
  let defaultDate: number | undefined;
  if (options.date !== undefined) {
    const parsed = parseDefaultDate(options.date, workspace.timeZone);
    if (!parsed.ok) throw new ImportError(parsed.reason);
    defaultDate = parsed.instant;
  }
  const dates: DateDecision =
    dateHeader === null
      ? {
          order: null,
          source: 'no dates',
          explanation: `no date column: every response dated ${options.date} (--date)`,
        }
      : reading.decision;
  checkValueMaps(layout, options.decimal);

  const labels = new Map<ColumnTarget, Set<string>>();
  const build = rowBuilder({
    layout,
    definition,
    survey,
    workspace,
    decimal: options.decimal,
    missing: new Set([...DEFAULT_MISSING, ...options.missing]),
    parseDate: reading.parse,
    defaultDate,
    noteLabel: (target, cell) => {
      const seen = labels.get(target) ?? new Set<string>();
      if (seen.size <= MAX_LABELS) seen.add(cell.trim());
      labels.set(target, seen);
    },
  });
  const intake = (responses: ResponseService) => ({
    submit: (inputs: IntakeInput[]) => responses.submitBatch({ workspace }, inputs),
    refusals: ['VALIDATION_FAILED'],
    issuePath: /^body\.responses\.(\d+)\.(.*)$/,
  });
  const stored = await checkThenStore(
    {
      source,
      headerRows: layout.headerRows,
      headers: layout.headers,
      total: scanned.rows,
      build,
      columnOf: (field) => columnOf(layout, field),
      intakes: {
        storing: intake(deps.responses),
        checking: intake(
          new ResponseService({
            store: rollingBack(deps.store),
            clock: deps.clock,
          }),
        ),
      },
      batchSize: options.batchSize ?? 500,
    },
    {
      dryRun: options.dryRun,
      skipInvalid: options.skipInvalid,
      onProgress: options.onProgress,
      onBuilt: (line, built) =>
        options.onRow?.(
          'input' in built
            ? { line, input: built.input }
            : {
                line,
                reason: built.problems
                  .map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason))
                  .join('; '),
              },
        ),
    },
  );
  return {
    file: options.file,
    format: layout.layout,
    encoding: source.encoding,
    delimiter: delimiterNames[source.delimiter],
    decimal: source.decimal,
    dryRun: options.dryRun,
    skipInvalid: options.skipInvalid,
    ...stored,
    dates,
    dateColumn: dateHeader,
    headers: layout.headers,
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
    valueLabels: [...labels].map(([t, seen]) => ({
      header: t.header,
      question: t.part ? `${t.question.key}_${t.part}` : t.question.key,
      labels: [...seen].slice(0, MAX_LABELS),
      more: seen.size > MAX_LABELS,
    })),
  };
}

async function publishedDefinition(store: Store, survey: SurveyRecord): Promise<SurveyDefinition> {
  if (survey.status !== 'published' || survey.publishedVersion === null)
    throw new ImportError(
      `The survey "${survey.name}" is not open for responses: publish it first (polku surveys publish).`,
      'SURVEY_NOT_OPEN',
    );
  const version = await store.surveys.findVersion(
    survey.workspaceId,
    survey.id,
    survey.publishedVersion,
  );
  if (!version) throw new ImportError(`The survey has no version ${survey.publishedVersion}.`);
  return version.definition;
}

/** The first pass: header rows, row count and the dates' order of day and month. */
async function scanResponses(
  records: AsyncIterable<CsvRecord>,
  options: ImportOptions,
  definition: SurveyDefinition,
  source: Parameters<typeof describeReading>[0],
): Promise<{ layout: FileLayout; rows: number; scanner: DateOrderScanner }> {
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
    try {
      layout = resolveLayout(kind, fields, definition, options);
    } catch (e) {
      if (!(e instanceof LayoutError)) throw e;
      const columns = (fields[0] ?? []).slice(0, 12).join(', ');
      throw new ImportError(
        `${e.message} (The file was ${describeReading(source)}, which gave the columns: ${columns}${(fields[0]?.length ?? 0) > 12 ? ', …' : ''}. If it is not, choose the encoding or the delimiter.)`,
      );
    }
    // The records kept to look at the header may be responses already.
    head.slice(layout.headerRows).forEach(observe);
    return layout;
  };
  for await (const record of records) {
    if (layout) observe(record);
    else {
      head.push(record);
      if (head.length === 3) layout = resolve();
    }
  }
  if (!layout) {
    if (head.length === 0) throw new ImportError('The file is empty.');
    layout = resolve();
  }
  return { layout, rows, scanner };
}
