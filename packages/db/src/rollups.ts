import type { AnswerRow, ResponseRecord } from '@polku/core';
import type { Kysely } from 'kysely';
import type { AnswerDayCountsTable, Database } from './schema.js';

/**
 * Keeps `answer_day_counts` (the day-level histogram rollup, migration 0006) exact: every
 * complete response adds one to the cell of each answered value at each of the three grains
 * (no dimension; touchpoint; touchpoint, channel and language), and a complete response that
 * is replaced takes its old cells away first. Partial responses and skipped answers count
 * nowhere, the same rule the answer-table queries follow.
 *
 * Within a transaction the changes are collected and written once, at the end, as one upsert
 * sorted by the primary key: every transaction then locks rollup rows in the same order, so
 * concurrent writers on PostgreSQL wait for each other but never deadlock, and a batch of a
 * thousand responses touches each cell once.
 */
export class RollupBuffer {
  private readonly cells = new Map<string, AnswerDayCountsTable>();

  add(response: ResponseRecord, rows: readonly AnswerRow[], sign: 1 | -1): void {
    // Test responses count nowhere (migration 0013): the rollup holds real responses only.
    if (response.status !== 'complete' || response.isTest) return;
    const touchpointKey = response.touchpointId ?? '';
    for (const row of rows) {
      if (row.valueNum === null) continue;
      for (const [grain, dims] of [
        [0, { touchpointKey: '', channel: '', language: '' }],
        [1, { touchpointKey, channel: '', language: '' }],
        [2, { touchpointKey, channel: response.channel, language: response.language }],
      ] as const) {
        const cell: AnswerDayCountsTable = {
          workspaceId: response.workspaceId,
          surveyId: response.surveyId,
          questionKey: row.questionKey,
          item: row.item,
          grain,
          day: response.day,
          ...dims,
          valueNum: row.valueNum,
          count: sign,
        };
        const key = cellKey(cell);
        const existing = this.cells.get(key);
        if (existing) existing.count += sign;
        else this.cells.set(key, cell);
      }
    }
  }

  /** Writes the collected changes (sorted by primary key) and empties the buffer. */
  async flush(db: Kysely<Database>): Promise<void> {
    const sorted = [...this.cells.entries()]
      .filter(([, cell]) => cell.count !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, cell]) => cell);
    this.cells.clear();
    for (let i = 0; i < sorted.length; i += CHUNK) {
      await db
        .insertInto('answerDayCounts')
        .values(sorted.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc
            .columns([
              'workspaceId',
              'surveyId',
              'questionKey',
              'item',
              'grain',
              'day',
              'touchpointKey',
              'channel',
              'language',
              'valueNum',
            ])
            .doUpdateSet((eb) => ({
              count: eb(eb.ref('answerDayCounts.count'), '+', eb.ref('excluded.count')),
            })),
        )
        .execute();
    }
  }
}

// 11 parameters a row: 500 rows stay under both dialects' limits on bound parameters.
const CHUNK = 500;

/** The primary key as one sortable string (values sort numerically within equal prefixes). */
function cellKey(c: AnswerDayCountsTable): string {
  return [
    c.workspaceId,
    c.surveyId,
    c.questionKey,
    c.item,
    String(c.grain),
    c.day,
    c.touchpointKey,
    c.channel,
    c.language,
    // Fixed-width so string order is numeric order for the scales stored (−1e6…1e6).
    (c.valueNum + 1e6).toFixed(6).padStart(20, '0'),
  ].join('\u0000');
}
