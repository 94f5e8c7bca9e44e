import type { FieldIssue } from '@polku/contracts';
import { DomainError } from '@polku/core';

/** A file row on its way to an intake: what it says, and where it stands in the file. */
export interface ImportRow<I> {
  input: I;
  line: number;
}

/**
 * Stores one batch of rows through an intake that takes a batch whole or not at all (the
 * response and the event imports both use it). Rows repeating an id within the batch count
 * as already imported, as they would in a later batch. Rows the intake refuses (its error
 * names them as `<prefix>.<index>.<field>`) are taken out, listed by line, and the rest sent
 * again; any other error goes up.
 */
export async function submitRows<I extends { id?: string | undefined }>(
  rows: ImportRow<I>[],
  intake: {
    submit: (inputs: I[]) => Promise<{ created: number; duplicates: number }>;
    /** The error codes that name refused rows. */
    refusals: readonly string[];
    /** The issue paths of refused rows: group 1 the row's index, group 2 its field. */
    issuePath: RegExp;
  },
  summary: { imported: number; alreadyImported: number },
  skip: (line: number, reason: string) => void,
): Promise<void> {
  const ids = new Set<string>();
  let pending = rows.filter((r) => {
    if (ids.has(r.input.id!)) {
      summary.alreadyImported++;
      return false;
    }
    ids.add(r.input.id!);
    return true;
  });
  while (pending.length) {
    try {
      const result = await intake.submit(pending.map((r) => r.input));
      summary.imported += result.created;
      summary.alreadyImported += result.duplicates;
      return;
    } catch (e) {
      if (!(e instanceof DomainError) || !intake.refusals.includes(e.code)) throw e;
      const byRow = new Map<number, string[]>();
      for (const issue of (e.details ?? []) as FieldIssue[]) {
        const m = intake.issuePath.exec(issue.path);
        if (!m) throw e;
        const i = Number(m[1]);
        const where = m[2]!.replace(/^answers\./, '');
        byRow.set(i, [...(byRow.get(i) ?? []), `${where}: ${issue.message}`]);
      }
      if (byRow.size === 0) throw e;
      for (const [i, reasons] of byRow) skip(pending[i]!.line, reasons.join('; '));
      pending = pending.filter((_, i) => !byRow.has(i));
    }
  }
}
