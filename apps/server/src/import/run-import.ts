import { DomainError, type Store } from '@polku/core';
import type { CsvRecord } from './csv-reader.js';
import { readRecords, type ResolvedSource } from './source.js';
import { submitRows, type BatchIntake, type ImportRow, type RowIssue } from './submit-rows.js';

/** How many refused rows a summary lists (it counts them all). */
export const MAX_LISTED = 50;

/** A cell, or a row, that cannot be imported as it is. */
export interface RefusedRow {
  line: number;
  /** The file's column header, when the problem is in one cell. */
  column?: string | undefined;
  reason: string;
}

/**
 * What an import did: `imported` every readable row (none was refused, or the refused ones
 * were skipped by choice); `refused` stored nothing, as rows cannot be imported as they are;
 * `interrupted` the database failed part-way, after storing every readable row before
 * `interrupted.beforeLine` and none from it on. In a dry run, what the import would do.
 */
export type ImportOutcome = 'imported' | 'refused' | 'interrupted';

export interface StoreResult {
  rowsRead: number;
  /** Stored (in a dry run: would be). */
  imported: number;
  alreadyImported: number;
  /** Rows that cannot be imported as they are. */
  refused: number;
  /** Their problems (at most MAX_LISTED), by line. */
  refusedRows: RefusedRow[];
  outcome: ImportOutcome;
  interrupted?: { beforeLine: number; reason: string };
}

/** A row as the import builds it: an intake input, or what keeps it from being one. */
export type BuiltRow<I> = { input: I } | { problems: { column?: string; reason: string }[] };

export type ImportPhase = 'check' | 'store';

/** One import, planned after the first pass: how to read rows and where they go. */
export interface ImportPlan<I> {
  source: ResolvedSource;
  /** Records before the first row (header rows). */
  headerRows: number;
  /** The header of each column, by index, to name a refused cell's column. */
  headers: string[];
  /** Data rows, as counted by the first pass. */
  total: number;
  build(record: CsvRecord): BuiltRow<I>;
  /** The column an intake's refused field is read from (`answers.nps` → "Q1"). */
  columnOf(field: string): string | undefined;
  /** The intake that stores, and the same intake over a store that rolls back (`rollingBack`). */
  intakes: { storing: BatchIntake<I>; checking: BatchIntake<I> };
  batchSize: number;
}

/** What both imports are told about storing: whether, what to do with refused rows, progress. */
export interface StoreOptions {
  dryRun: boolean;
  /** Store the readable rows and skip the refused ones (they are listed all the same); by
   * default one refused row stores nothing. */
  skipInvalid: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (p: { phase: ImportPhase; rowsRead: number; total: number }) => void | Promise<void>;
}

export interface RunOptions<I> extends Omit<StoreOptions, 'batchSize'> {
  /** Each row as built, in the checking pass (the web app's preview of the first rows). */
  onBuilt?: (line: number, built: BuiltRow<I>) => void;
}

/** Why the storing pass stopped: every readable row before `beforeLine` is stored. */
class Interrupted extends Error {
  constructor(
    readonly beforeLine: number,
    reason: string,
  ) {
    super(reason);
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Imports a file all or nothing. The checking pass reads every row and sends it through the
 * intake in transactions that roll back (the same validation, duplicates and database checks
 * as storing, with nothing kept), collecting every refused row with its line and column. Only
 * when none is refused, or `skipInvalid` says to leave them out, the storing pass stores the
 * rows in transactions of `batchSize`: a file of up to that many rows is one transaction; a
 * longer one that the database fails part-way through is reported as interrupted, naming the
 * line before which every readable row is stored (importing the file again adds the rest, as
 * imported ids are stable). A NUL byte in a cell refuses its row: it is not text, and
 * PostgreSQL cannot store it.
 */
export async function checkThenStore<I extends { id?: string | undefined }>(
  plan: ImportPlan<I>,
  options: RunOptions<I>,
): Promise<StoreResult> {
  const result: StoreResult = {
    rowsRead: 0,
    imported: 0,
    alreadyImported: 0,
    refused: 0,
    refusedRows: [],
    outcome: 'imported',
  };
  const refusedLines = new Set<number>();
  const refuse = (line: number, problems: { column?: string | undefined; reason: string }[]) => {
    if (!refusedLines.has(line)) result.refused++;
    refusedLines.add(line);
    for (const p of problems)
      if (result.refusedRows.length < MAX_LISTED) result.refusedRows.push({ line, ...p });
  };
  const issueProblems = (issues: RowIssue[]) =>
    issues.map((issue) => {
      const column = plan.columnOf(issue.field);
      return column === undefined
        ? { reason: `${issue.field.replace(/^answers\./, '')}: ${issue.message}` }
        : { column, reason: issue.message };
    });

  const checking = plan.intakes.checking;
  const refuseIssues = (row: ImportRow<I>, issues: RowIssue[]) =>
    refuse(row.line, issueProblems(issues));
  let firstLine: number | undefined;
  let checked;
  try {
    checked = await readPass(
      plan,
      options,
      'check',
      async (batch, counts) => {
        firstLine ??= batch[0]!.line;
        const before = { ...counts };
        try {
          await submitRows(batch, checking, counts, refuseIssues);
        } catch (e) {
          if (e instanceof DomainError) throw e; // not about a row: the survey was closed…
          // A row the database itself refuses: find which, one row at a time.
          Object.assign(counts, before);
          const rest = [];
          for (const row of batch) {
            try {
              await submitRows([row], checking, { imported: 0, alreadyImported: 0 }, refuseIssues);
              if (!refusedLines.has(row.line)) rest.push(row);
            } catch (one) {
              if (one instanceof DomainError) throw one;
              refuse(row.line, [{ reason: `the database refused the row: ${messageOf(one)}` }]);
            }
          }
          if (rest.length === batch.length) throw e; // no row to blame: the batch as a whole
          await submitRows(rest, checking, counts, refuseIssues);
        }
      },
      refuse,
    );
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // The database failed while checking: nothing is stored.
    return {
      ...result,
      refusedRows: result.refusedRows.sort((a, b) => a.line - b.line),
      outcome: 'interrupted',
      interrupted: { beforeLine: firstLine ?? 1, reason: messageOf(e) },
    };
  }
  result.rowsRead = checked.rowsRead;
  result.alreadyImported = checked.alreadyImported;
  result.refusedRows.sort((a, b) => a.line - b.line);
  const blocked = result.refused > 0 && !options.skipInvalid;
  if (blocked) result.outcome = 'refused';
  if (options.dryRun || blocked) {
    result.imported = blocked ? 0 : checked.imported;
    return result;
  }

  const storing = plan.intakes.storing;
  try {
    const stored = await readPass(plan, options, 'store', async (batch, counts) => {
      try {
        await submitRows(batch, storing, counts, (row, issues) => {
          if (options.skipInvalid) return; // refused in the checking pass, and listed there
          const [first] = issueProblems(issues);
          throw new Interrupted(
            batch[0]!.line,
            `line ${row.line}${first?.column ? `, column ${first.column}` : ''}: ${first?.reason ?? 'refused'}`,
          );
        });
      } catch (e) {
        if (e instanceof Interrupted) throw e;
        throw new Interrupted(batch[0]!.line, messageOf(e));
      } finally {
        result.imported = counts.imported;
        result.alreadyImported = counts.alreadyImported;
      }
    });
    result.imported = stored.imported;
    result.alreadyImported = stored.alreadyImported;
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    result.outcome = 'interrupted';
    result.interrupted = { beforeLine: e.beforeLine, reason: e.message };
  }
  return result;
}

/** One pass over the rows: builds each, refuses NUL bytes, and hands full batches to `flush`. */
async function readPass<I>(
  plan: ImportPlan<I>,
  options: RunOptions<I>,
  phase: ImportPhase,
  flush: (
    batch: ImportRow<I>[],
    counts: { imported: number; alreadyImported: number },
  ) => Promise<void>,
  refuse?: (line: number, problems: { column?: string | undefined; reason: string }[]) => void,
): Promise<{ rowsRead: number; imported: number; alreadyImported: number }> {
  const counts = { imported: 0, alreadyImported: 0 };
  let rowsRead = 0;
  let batch: ImportRow<I>[] = [];
  const send = async () => {
    const pending = batch;
    batch = [];
    await flush(pending, counts);
    await options.onProgress?.({ phase, rowsRead, total: plan.total });
  };
  let headerLeft = plan.headerRows;
  for await (const records of readRecords(plan.source)) {
    for (const record of records) {
      if (headerLeft > 0) {
        headerLeft--;
        continue;
      }
      rowsRead++;
      const built = buildRow(plan, record);
      if (phase === 'check') options.onBuilt?.(record.line, built);
      if ('problems' in built) refuse?.(record.line, built.problems);
      else batch.push({ input: built.input, line: record.line });
      if (batch.length >= plan.batchSize) await send();
    }
  }
  if (batch.length) await send();
  return { rowsRead, ...counts };
}

function buildRow<I>(plan: ImportPlan<I>, record: CsvRecord): BuiltRow<I> {
  const nul = record.fields.flatMap((f, i) =>
    f.includes('\0')
      ? [
          {
            column: plan.headers[i] ?? `${i + 1}`,
            reason: 'holds a NUL byte (0x00), which is not text',
          },
        ]
      : [],
  );
  return nul.length ? { problems: nul } : plan.build(record);
}

/** A store whose transactions always roll back: the checking pass's intake stores nothing. */
export function rollingBack(store: Store): Store {
  class Rollback extends Error {
    constructor(readonly value: unknown) {
      super('checking: rolled back');
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
      throw new Error('unreachable: the checking transaction committed');
    },
  };
}
