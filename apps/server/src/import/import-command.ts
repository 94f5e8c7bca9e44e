import { existsSync } from 'node:fs';
import type { AppConfig } from '../config.js';
import { createRuntime } from '../runtime.js';
import { ArgumentError, oneOf, parseCommandArgs, requiredString } from '../cli-args.js';
import { importEncodings } from './encoding.js';
import {
  ImportError,
  importResponses,
  MAX_LISTED,
  type ImportSummary,
} from './import-responses.js';
import { importFormats } from './layouts.js';
import {
  eventFields,
  importEvents,
  type EventField,
  type EventImportSummary,
} from './import-events.js';

export const IMPORT_USAGE = `  import responses FILE --workspace W --survey S [--format auto|csv|qualtrics|google-forms|surveymonkey]
         [--map COLUMN=QUESTION_KEY|COLUMN=@ATTRIBUTE ...] [--encoding auto|utf8|latin1|cp1252]
         [--missing TOKEN,...] [--date-format "D.M.YYYY H.mm.ss"] [--dry-run] [--json]
                                                    import a survey export (re-importing adds nothing)
  import events FILE --workspace W [--map COLUMN=id|customer|type|touchpoint|time|value ...]
         [--encoding auto|utf8|latin1|cp1252] [--date-format "D.M.YYYY H.mm"] [--dry-run] [--json]
                                                    import customer events, one a row (re-importing adds nothing)`;

/** Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise. */
function progressReporter(): {
  update: (p: { rowsRead: number; total: number }) => void;
  done: () => void;
} {
  const tty = process.stderr.isTTY;
  let last = 0;
  let shown = false;
  return {
    update({ rowsRead, total }) {
      const now = Date.now();
      if (now - last < (tty ? 200 : 5000) && rowsRead < total) return;
      last = now;
      const pct = total ? Math.floor((rowsRead / total) * 100) : 100;
      if (tty) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        process.stderr.write(
          `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%  ${rowsRead}/${total} rows`,
        );
        shown = true;
      } else if (rowsRead < total) {
        process.stderr.write(`imported ${rowsRead} of ${total} rows (${pct}%)\n`);
      }
    },
    done() {
      if (shown) process.stderr.write('\n');
    },
  };
}

/** The summary as a person reads it. */
export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.dryRun ? 'Dry run (nothing stored): ' : ''}${s.file} read as ${s.format}, ${s.encoding}`,
    `  rows read:        ${s.rowsRead}`,
    `  ${s.dryRun ? 'would import:    ' : 'imported:        '} ${s.imported}`,
    `  already imported: ${s.alreadyImported}`,
    `  skipped:          ${s.skipped}`,
    `  dates:            ${s.dates.explanation} (decided by: ${s.dates.source})`,
    `  columns:          ${s.columns.map((c) => `${c.header} → ${c.question}`).join(', ')}`,
  ];
  if (s.ignoredColumns.length) lines.push(`  ignored columns:  ${s.ignoredColumns.join(', ')}`);
  if (s.unmappedQuestions.length)
    lines.push(`  questions without a column: ${s.unmappedQuestions.join(', ')}`);
  if (s.skippedRows.length) {
    lines.push('  skipped rows:');
    for (const r of s.skippedRows) lines.push(`    line ${r.line}: ${r.reason}`);
    if (s.skipped > s.skippedRows.length)
      lines.push(
        `    … and ${s.skipped - s.skippedRows.length} more (the first ${MAX_LISTED} are listed)`,
      );
  }
  return lines.join('\n');
}

/** The event import's summary as a person reads it. */
export function formatEventSummary(s: EventImportSummary): string {
  const lines = [
    `${s.dryRun ? 'Dry run (nothing stored): ' : ''}${s.file} read as ${s.encoding}`,
    `  rows read:        ${s.rowsRead}`,
    `  ${s.dryRun ? 'would import:    ' : 'imported:        '} ${s.imported}`,
    `  already imported: ${s.alreadyImported}`,
    `  skipped:          ${s.skipped}`,
    `  dates:            ${s.dates.explanation} (decided by: ${s.dates.source})`,
    `  columns:          ${s.columns.map((c) => `${c.header} → ${c.field}`).join(', ')}`,
  ];
  if (s.ignoredColumns.length) lines.push(`  ignored columns:  ${s.ignoredColumns.join(', ')}`);
  if (s.skippedRows.length) {
    lines.push('  skipped rows:');
    for (const r of s.skippedRows) lines.push(`    line ${r.line}: ${r.reason}`);
    if (s.skipped > s.skippedRows.length)
      lines.push(
        `    … and ${s.skipped - s.skippedRows.length} more (the first ${MAX_LISTED} are listed)`,
      );
  }
  return lines.join('\n');
}

/** `polku import events FILE …`; returns the exit code (1 when the import could not start). */
async function importEventsCommand(config: AppConfig, rest: string[]): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(
    rest,
    {
      workspace: { type: 'string' },
      map: { type: 'string', multiple: true },
      encoding: { type: 'string' },
      'date-format': { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw new ArgumentError('import events: name the FILE');
  if (!existsSync(file)) throw new ArgumentError(`no such file: ${file}`);
  const maps = new Map<string, EventField>();
  for (const m of v.map ?? []) {
    const eq = m.lastIndexOf('=');
    const field = m.slice(eq + 1).trim();
    if (eq <= 0 || !(eventFields as readonly string[]).includes(field))
      throw new ArgumentError(
        `--map ${m}: write COLUMN=FIELD, FIELD one of ${eventFields.join(', ')}`,
      );
    maps.set(m.slice(0, eq), field as EventField);
  }
  const options = {
    file,
    workspaceId: requiredString(v.workspace, 'workspace'),
    encoding: oneOf(v.encoding, 'encoding', importEncodings, 'auto'),
    maps,
    dateFormat: v['date-format'],
    dryRun: v['dry-run'] ?? false,
  };
  const runtime = await createRuntime(config);
  const progress = progressReporter();
  try {
    const summary = await importEvents(
      { store: runtime.store, events: runtime.services.events },
      { ...options, onProgress: progress.update },
    );
    progress.done();
    console.log(v.json ? JSON.stringify(summary) : formatEventSummary(summary));
    return 0;
  } catch (e) {
    progress.done();
    if (e instanceof ImportError) {
      console.error(`polku: import stopped: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await runtime.close();
  }
}

/** `polku import responses|events FILE …`; returns the exit code (1 when the import could not start). */
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
      workspace: { type: 'string' },
      survey: { type: 'string' },
      format: { type: 'string' },
      map: { type: 'string', multiple: true },
      encoding: { type: 'string' },
      missing: { type: 'string' },
      'date-format': { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    1,
  );
  const file = positionals[0];
  if (!file) throw new ArgumentError('import responses: name the FILE');
  if (!existsSync(file)) throw new ArgumentError(`no such file: ${file}`);
  const maps = new Map<string, string>();
  for (const m of v.map ?? []) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0 || eq === m.length - 1)
      throw new ArgumentError(`--map ${m}: write COLUMN=QUESTION_KEY`);
    maps.set(m.slice(0, eq), m.slice(eq + 1).trim());
  }
  const options = {
    file,
    workspaceId: requiredString(v.workspace, 'workspace'),
    surveyId: requiredString(v.survey, 'survey'),
    format: oneOf(v.format, 'format', importFormats, 'auto'),
    encoding: oneOf(v.encoding, 'encoding', importEncodings, 'auto'),
    maps,
    missing: (v.missing ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    dateFormat: v['date-format'],
    dryRun: v['dry-run'] ?? false,
  };
  const runtime = await createRuntime(config);
  const progress = progressReporter();
  try {
    const summary = await importResponses(
      { store: runtime.store, responses: runtime.services.responses },
      { ...options, onProgress: progress.update },
    );
    progress.done();
    console.log(v.json ? JSON.stringify(summary) : formatSummary(summary));
    return 0;
  } catch (e) {
    progress.done();
    if (e instanceof ImportError) {
      console.error(`polku: import stopped: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await runtime.close();
  }
}
