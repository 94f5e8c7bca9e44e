import { existsSync } from 'node:fs';
import { importDecimalMarks, importDelimiters, importEncodings } from '@polku/contracts';
import type { AppConfig } from '../config.js';
import { createRuntime } from '../runtime.js';
import { ArgumentError, oneOf, parseCommandArgs, requiredString } from '../cli-args.js';
import { encodingNames } from './encoding.js';
import { ImportError } from './import-error.js';
import { importResponses, type ImportSummary } from './import-responses.js';
import { importFormats } from './layouts.js';
import {
  eventFields,
  importEvents,
  type EventField,
  type EventImportSummary,
} from './import-events.js';
import { MAX_LISTED, type ImportPhase, type StoreResult } from './run-import.js';
import type { ReadSettings } from './source.js';
import {
  addToValueMaps,
  parseValuesArgument,
  readValuesFile,
  ValueMapError,
  type ValueMaps,
} from './value-maps.js';

/** Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise. */
function progressReporter(): {
  update: (p: { phase: ImportPhase; rowsRead: number; total: number }) => void;
  done: () => void;
} {
  const tty = process.stderr.isTTY;
  let last = 0;
  let shown = false;
  const verb = { check: 'checked', store: 'stored' };
  return {
    update({ phase, rowsRead, total }) {
      const now = Date.now();
      if (now - last < (tty ? 200 : 5000) && rowsRead < total) return;
      last = now;
      const pct = total ? Math.floor((rowsRead / total) * 100) : 100;
      if (tty) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        process.stderr.write(
          `\r${phase === 'check' ? 'checking' : 'storing '} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%  ${rowsRead}/${total} rows`,
        );
        shown = true;
      } else if (rowsRead < total) {
        process.stderr.write(`${verb[phase]} ${rowsRead} of ${total} rows (${pct}%)\n`);
      }
    },
    done() {
      if (shown) process.stderr.write('\n');
    },
  };
}

/** What both imports report, after their own first lines. */
function formatResult(s: StoreResult & { dryRun: boolean; skipInvalid: boolean }): string[] {
  const lines = [
    `  rows read:        ${s.rowsRead}`,
    `  ${s.dryRun ? 'would import:    ' : 'imported:        '} ${s.imported}`,
    `  already imported: ${s.alreadyImported}`,
    `  refused:          ${s.refused}${s.refused && s.skipInvalid ? ' (skipped: --skip-invalid)' : ''}`,
  ];
  if (s.refusedRows.length) {
    lines.push(`  rows that cannot be imported as they are:`);
    for (const r of s.refusedRows)
      lines.push(`    line ${r.line}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`);
    if (s.refusedRows.length === MAX_LISTED)
      lines.push(`    … (the first ${MAX_LISTED} problems are listed; ${s.refused} rows in all)`);
  }
  if (s.outcome === 'refused')
    lines.push(
      `${s.dryRun ? 'The import would store nothing' : 'Nothing was stored'}: ${s.refused} row(s) cannot be imported as they are. Fix them (or map their labels with --values), or pass --skip-invalid to store the other rows.`,
    );
  if (s.interrupted)
    lines.push(
      `The import stopped at line ${s.interrupted.beforeLine}: ${s.interrupted.reason}`,
      `Every row before line ${s.interrupted.beforeLine} that could be read is stored (${s.imported}), none from it on. Import the same file again to add the rest.`,
    );
  return lines;
}

const readingOf = (s: ReadSettings & { encoding: keyof typeof encodingNames }) =>
  `${encodingNames[s.encoding]}, ${s.delimiter}-separated, decimal mark ${s.decimal}`;

/** The summary as a person reads it. */
export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.dryRun ? 'Dry run (nothing stored): ' : ''}${s.file} read as ${s.format}, ${readingOf(s)}`,
    ...formatResult(s),
    `  dates:            ${s.dates.explanation} (decided by: ${s.dates.source})${s.dateColumn ? `, column ${s.dateColumn}` : ''}`,
    `  columns:          ${s.columns.map((c) => `${c.header} → ${c.question}`).join(', ')}`,
  ];
  if (s.ignoredColumns.length) lines.push(`  ignored columns:  ${s.ignoredColumns.join(', ')}`);
  if (s.unmappedQuestions.length)
    lines.push(`  questions without a column: ${s.unmappedQuestions.join(', ')}`);
  return lines.join('\n');
}

/** The event import's summary as a person reads it. */
export function formatEventSummary(s: EventImportSummary): string {
  return [
    `${s.dryRun ? 'Dry run (nothing stored): ' : ''}${s.file} read as ${readingOf(s)}`,
    ...formatResult(s),
    `  dates:            ${s.dates.explanation} (decided by: ${s.dates.source})`,
    `  columns:          ${s.columns.map((c) => `${c.header} → ${c.field}`).join(', ')}`,
    ...(s.ignoredColumns.length ? [`  ignored columns:  ${s.ignoredColumns.join(', ')}`] : []),
  ].join('\n');
}

/** The options both imports share: how to read the file and whether to store. */
const SHARED_OPTIONS = {
  workspace: { type: 'string' },
  map: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  decimal: { type: 'string' },
  'date-format': { type: 'string' },
  'date-column': { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** `,` `;` and a tab may be given as themselves. */
const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '\\t': 'tab',
};

function sharedOptions(v: {
  workspace?: string | undefined;
  encoding?: string | undefined;
  delimiter?: string | undefined;
  decimal?: string | undefined;
  'date-format'?: string | undefined;
  'skip-invalid'?: boolean | undefined;
  'dry-run'?: boolean | undefined;
}): ReadSettings & {
  workspaceId: string;
  dateFormat: string | undefined;
  dryRun: boolean;
  skipInvalid: boolean;
} {
  const delimiter =
    v.delimiter === undefined ? undefined : (DELIMITER_NAMES[v.delimiter] ?? v.delimiter);
  return {
    workspaceId: requiredString(v.workspace, 'workspace'),
    encoding: oneOf(v.encoding, 'encoding', importEncodings, 'auto'),
    delimiter: oneOf(delimiter, 'delimiter', importDelimiters, 'auto'),
    decimal: oneOf(v.decimal, 'decimal', importDecimalMarks, 'auto'),
    dateFormat: v['date-format'],
    dryRun: v['dry-run'] ?? false,
    skipInvalid: v['skip-invalid'] ?? false,
  };
}

/** `COLUMN=VALUE`, split at the last `=` (a column name may hold one). */
function splitMap(m: string): [string, string] {
  const eq = m.lastIndexOf('=');
  return [m.slice(0, eq), m.slice(eq + 1).trim()];
}

/** Runs an import with progress; the exit code: 0 when every readable row is stored (or would be). */
async function runImport<S extends StoreResult>(
  json: boolean | undefined,
  run: (onProgress: ReturnType<typeof progressReporter>['update']) => Promise<S>,
  format: (summary: S) => string,
): Promise<number> {
  const progress = progressReporter();
  try {
    const summary = await run(progress.update);
    progress.done();
    console.log(json ? JSON.stringify(summary) : format(summary));
    return summary.outcome === 'imported' ? 0 : 1;
  } catch (e) {
    progress.done();
    if (e instanceof ImportError) {
      console.error(`polku: import stopped: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** `polku import events FILE …`; returns the exit code. */
async function importEventsCommand(config: AppConfig, rest: string[]): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(rest, SHARED_OPTIONS, 1);
  const file = positionals[0];
  if (!file) throw new ArgumentError('import events: name the FILE');
  if (!existsSync(file)) throw new ArgumentError(`no such file: ${file}`);
  const maps = new Map<string, EventField>();
  for (const m of [...(v.map ?? []), ...(v['date-column'] ? [`${v['date-column']}=time`] : [])]) {
    const [column, field] = splitMap(m);
    if (!column || !(eventFields as readonly string[]).includes(field))
      throw new ArgumentError(
        `--map ${m}: write COLUMN=FIELD, FIELD one of ${eventFields.join(', ')}`,
      );
    maps.set(column, field as EventField);
  }
  const options = { file, maps, ...sharedOptions(v) };
  const runtime = await createRuntime(config);
  try {
    return await runImport(
      v.json,
      (onProgress) =>
        importEvents(
          { store: runtime.store, events: runtime.services.events, clock: runtime.clock },
          { ...options, onProgress },
        ),
      formatEventSummary,
    );
  } finally {
    await runtime.close();
  }
}

/** `--values` and `--values-file`, as the import reads them. */
async function valueMapsOf(values: string[], file: string | undefined): Promise<ValueMaps> {
  const maps: ValueMaps = new Map();
  try {
    for (const text of values) {
      const { column, pairs } = parseValuesArgument(text);
      addToValueMaps(maps, column, pairs);
    }
    if (file !== undefined) await readValuesFile(file, maps);
  } catch (e) {
    if (e instanceof ValueMapError) throw new ArgumentError(e.message);
    throw e;
  }
  return maps;
}

/** `polku import responses|events FILE …`; returns the exit code (1 when nothing could be stored as asked). */
export async function importCommand(config: AppConfig, args: string[]): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'events') return importEventsCommand(config, rest);
  if (what !== 'responses')
    throw new ArgumentError(
      what === undefined
        ? 'import what? say: import responses FILE, or import events FILE'
        : `cannot import "${what}"`,
    );
  const { values: v, positionals } = parseCommandArgs(
    rest,
    {
      ...SHARED_OPTIONS,
      survey: { type: 'string' },
      format: { type: 'string' },
      values: { type: 'string', multiple: true },
      'values-file': { type: 'string' },
      missing: { type: 'string' },
      date: { type: 'string' },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw new ArgumentError('import responses: name the FILE');
  if (!existsSync(file)) throw new ArgumentError(`no such file: ${file}`);
  const maps = new Map<string, string>();
  for (const m of v.map ?? []) {
    // `COLUMN=` (an empty key) leaves the column out, as over HTTP.
    if (m.lastIndexOf('=') <= 0) throw new ArgumentError(`--map ${m}: write COLUMN=QUESTION_KEY`);
    maps.set(...splitMap(m));
  }
  const options = {
    file,
    ...sharedOptions(v),
    surveyId: requiredString(v.survey, 'survey'),
    format: oneOf(v.format, 'format', importFormats, 'auto'),
    maps,
    values: await valueMapsOf(v.values ?? [], v['values-file']),
    missing: (v.missing ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    dateColumn: v['date-column'],
    date: v.date,
  };
  const runtime = await createRuntime(config);
  try {
    return await runImport(
      v.json,
      (onProgress) =>
        importResponses(
          { store: runtime.store, responses: runtime.services.responses, clock: runtime.clock },
          { ...options, onProgress },
        ),
      formatSummary,
    );
  } finally {
    await runtime.close();
  }
}
