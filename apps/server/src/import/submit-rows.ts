import type { FieldIssue } from '@polku/contracts';
import { DomainError } from '@polku/core';

/** A file row on its way to an intake: what it says, and where it stands in the file. */
export interface ImportRow<I> {
  input: I;
  line: number;
}

/** An intake that takes a batch whole or not at all (the response and the event intakes). */
export interface BatchIntake<I> {
  submit: (inputs: I[]) => Promise<{ created: number; duplicates: number }>;
  /** The error codes that name refused rows. */
  refusals: readonly string[];
  /** The issue paths of refused rows: group 1 the row's index, group 2 its field. */
  issuePath: RegExp;
}

/** One refused field of a row, as the intake named it (`answers.nps`, `customerRef`). */
export interface RowIssue {
  field: string;
  message: string;
}

/**
 * Stores one batch of rows through an intake (the response and the event imports both use
 * it). Rows repeating an id within the batch count as already imported, as they would in a
 * later batch. Rows the intake refuses (its error names them as `<prefix>.<index>.<field>`)
 * are handed to `refused` and the rest sent again; `refused` may throw to stop instead. Any
 * other error goes up, with nothing of the batch stored.
 */
export async function submitRows<I extends { id?: string | undefined }>(
  rows: ImportRow<I>[],
  intake: BatchIntake<I>,
  counts: { imported: number; alreadyImported: number },
  refused: (row: ImportRow<I>, issues: RowIssue[]) => void,
): Promise<void> {
  const ids = new Set<string>();
  let pending = rows.filter((r) => {
    if (ids.has(r.input.id!)) {
      counts.alreadyImported++;
      return false;
    }
    ids.add(r.input.id!);
    return true;
  });
  while (pending.length) {
    try {
      const result = await intake.submit(pending.map((r) => r.input));
      counts.imported += result.created;
      counts.alreadyImported += result.duplicates;
      return;
    } catch (e) {
      if (!(e instanceof DomainError) || !intake.refusals.includes(e.code)) throw e;
      const byRow = new Map<number, RowIssue[]>();
      for (const issue of (e.details ?? []) as FieldIssue[]) {
        const m = intake.issuePath.exec(issue.path);
        if (!m) throw e;
        const i = Number(m[1]);
        byRow.set(i, [...(byRow.get(i) ?? []), { field: m[2]!, message: issue.message }]);
      }
      if (byRow.size === 0) throw e;
      for (const [i, issues] of byRow) refused(pending[i]!, issues);
      pending = pending.filter((_, i) => !byRow.has(i));
    }
  }
}
