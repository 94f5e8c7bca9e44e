import type { Kysely } from 'kysely';

// Test responses: answers made while trying a survey out (its preview, or sent with
// `test: true` over the API) are kept but left out of every figure. The flag is on the
// response; the answer-table queries already join their responses (for the status), so they
// filter it there (db's scopedAnswers). The day-level rollup
// (`answer_day_counts`, 0006) never counts a test response, so it stays exact without a flag
// of its own: no existing response is a test one, so the rollup needs no rebuild.
// An integer 0/1, not a boolean: SQLite has none, and one type keeps both dialects alike.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('responses')
    .addColumn('is_test', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('is_test').execute();
}
