import {
  answerValueSchema,
  languages,
  type AnswerValue,
  type ImportDelimiter,
  type Language,
} from '@polku/contracts';
import {
  ResponseService,
  type Clock,
  type IntakeInput,
  type Store,
  type SurveyRecord,
  type WorkspaceRecord,
} from '@polku/core';
import type { SurveyDefinition } from '@polku/contracts';
import type { CsvRecord } from './csv-reader.js';
import { DateOrderScanner, dateReading, parseDefaultDate, type DateDecision } from './dates.js';
import type { TextEncoding } from './encoding.js';
import { importedResponseId } from './ids.js';
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
import {
  checkThenStore,
  rollingBack,
  type BuiltRow,
  type StoreOptions,
  type StoreResult,
} from './run-import.js';
import { delimiterNames, describeReading, scanSource, type ReadSettings } from './source.js';
import { labelKey } from './value-maps.js';
import { addPart, readCell } from './values.js';

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
const UNFINISHED = new Set(['0', 'false', 'no', 'partial']);
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

/** Every value a value map gives must be one its column's question reads: checked before any row. */
function checkValueMaps(layout: FileLayout, decimal: DecimalMark): void {
  for (const t of layout.targets) {
    if (!t.values) continue;
    for (const label of t.values.labels) {
      const value = t.values.byLabel.get(labelKey(label))!;
      if (value === '') continue;
      const read =
        t.part === null
          ? readCell(t.question, value, decimal)
          : addPart(t.question, undefined, t.part, value, decimal);
      if (read && !read.ok)
        throw new ImportError(
          `--values ${t.header}: "${label}" = "${value}" is no answer to ${t.question.key}: ${read.reason}`,
        );
    }
  }
}

/** The header(s) a refused field of the intake is read from. */
function columnOf(layout: FileLayout, field: string): string | undefined {
  const answer = /^answers\.([^.]+)/.exec(field);
  if (answer) {
    const headers = layout.targets.filter((t) => t.question.key === answer[1]).map((t) => t.header);
    return headers.length ? headers.join(' / ') : undefined;
  }
  const column = field.startsWith('submittedAt')
    ? layout.dateColumn
    : field.startsWith('language')
      ? layout.languageColumn
      : -1;
  return column >= 0 ? layout.headers[column] : undefined;
}

/** A language cell (`FI`, `sv`, `EN-GB`, `en_US`) as a language Polku knows, or why not. */
function readLanguage(cell: string): { language: Language | undefined } | { reason: string } {
  if (!cell) return { language: undefined };
  const code = cell.split(/[-_]/)[0]!.toLowerCase();
  const language = languages.find((l) => l === code);
  return language
    ? { language }
    : { reason: `"${cell}" is not a language Polku offers (${languages.join(', ')})` };
}

/** Turns a record into an intake input, or the problems of its cells. */
function rowBuilder(ctx: {
  layout: FileLayout;
  definition: SurveyDefinition;
  survey: SurveyRecord;
  workspace: WorkspaceRecord;
  decimal: DecimalMark;
  missing: Set<string>;
  parseDate: (value: string) => { ok: true; instant: number } | { ok: false; reason: string };
  defaultDate: number | undefined;
  noteLabel: (target: ColumnTarget, cell: string) => void;
}): (record: CsvRecord) => BuiltRow<IntakeInput> {
  const { layout, survey, workspace, missing } = ctx;
  return (record) => {
    const { fields } = record;
    const cell = (column: number) => (column >= 0 ? (fields[column] ?? '').trim() : '');
    const problems: { column?: string; reason: string }[] = [];
    const answers: Record<string, unknown> = {};
    for (const t of layout.targets) {
      const raw = fields[t.column] ?? '';
      const mapped = t.values?.byLabel.get(labelKey(raw));
      const text = mapped ?? raw;
      if (missing.has(text.trim())) continue;
      const key = t.question.key;
      const read =
        t.part === null
          ? readCell(t.question, text, ctx.decimal)
          : addPart(t.question, answers[key], t.part, text, ctx.decimal);
      if (mapped !== undefined || (read && !read.ok)) ctx.noteLabel(t, raw);
      if (!read) continue;
      if (!read.ok) {
        const known =
          t.values && mapped === undefined
            ? `; the column's value map knows ${t.values.labels.map((l) => `"${l}"`).join(', ')}`
            : '';
        problems.push({ column: t.header, reason: read.reason + known });
        continue;
      }
      answers[key] = read.value;
    }
    for (const [key, value] of Object.entries(answers)) {
      if (typeof value === 'object' && !answerValueSchema.safeParse(value).success)
        problems.push({ reason: `${key}: cannot read ${JSON.stringify(value)} as an answer` });
    }

    const attributes: Record<string, string> = {};
    for (const a of layout.attributes) {
      const value = cell(a.column);
      if (!value || missing.has(value)) continue;
      if (value.length > 200)
        problems.push({ column: a.header, reason: 'an attribute value is at most 200 characters' });
      attributes[a.key] = value;
    }

    let submittedAt = ctx.defaultDate;
    const dateCell = cell(layout.dateColumn);
    const dateHeader = layout.headers[layout.dateColumn];
    if (dateCell) {
      const parsed = ctx.parseDate(dateCell);
      if (parsed.ok) submittedAt = parsed.instant;
      else problems.push({ column: dateHeader, reason: parsed.reason });
    } else if (submittedAt === undefined) {
      problems.push({
        column: dateHeader,
        reason: 'no date: every response needs one (give --date for rows without one)',
      });
    }
    const language = readLanguage(cell(layout.languageColumn));
    if ('reason' in language)
      problems.push({ column: layout.headers[layout.languageColumn], reason: language.reason });
    if (problems.length) return { problems };

    const sourceId = cell(layout.idColumn);
    const finished = cell(layout.finishedColumn).toLowerCase();
    const status = cell(layout.statusColumn).toLowerCase();
    return {
      input: {
        id: importedResponseId(
          workspace.id,
          survey.id,
          sourceId ? { sourceId } : { fields },
          submittedAt,
        ),
        surveyId: survey.id,
        submittedAt,
        language: 'language' in language ? language.language : undefined,
        partial: UNFINISHED.has(finished) || status === 'partial',
        answers: answers as Record<string, AnswerValue>,
        ...(Object.keys(attributes).length > 0 && { attributes }),
        source: 'import',
      },
    };
  };
}
