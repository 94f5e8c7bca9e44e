import { migrateToLatest, migrateUpTo, openDatabase, type DatabaseHandle } from '@polku/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestDatabase } from './support/databases.js';

/**
 * An installation upgraded to exact answer values (migration 0012) keeps every value it had,
 * and from then on stores a numeric question's decimals as written: on PostgreSQL the answer
 * and rollup columns were 4-byte floats, which hold 1234567.89 as 1234567.875.
 */
for (const dialect of testDialects()) {
  describe(`the exact answer values migration on ${dialect.name}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    const insertAnswer = (id: string, value: number) =>
      sql`insert into answers (workspace_id, response_id, question_key, item, survey_id, day,
          touchpoint_id, channel, language, value_num, value_text)
        values ('w1', ${id}, 'q', '', 's1', '2026-01-01', null, 'web', 'fi', ${value}, null)`.execute(
        handle.db,
      );
    const insertResponse = (id: string) =>
      sql`insert into responses (workspace_id, id, survey_id, survey_version, link_id, source,
          channel, touchpoint_id, language, status, submitted_at, created_at, day)
        values ('w1', ${id}, 's1', 1, null, 'api', 'web', null, 'fi', 'complete', 0, 0,
          '2026-01-01')`.execute(handle.db);
    const valueOf = async (id: string) =>
      (
        await handle.db
          .selectFrom('answers')
          .select('valueNum')
          .where('responseId', '=', id)
          .executeTakeFirstOrThrow()
      ).valueNum;

    beforeAll(async () => {
      database = await dialect.create();
      handle = openDatabase(database.config);
      await migrateUpTo(handle.db, '0011-job-leases');
      const db = handle.db;
      await sql`insert into workspaces (id, name, time_zone, languages, default_language, created_at)
        values ('w1', 'W', 'Europe/Helsinki', '["fi"]', 'fi', 0)`.execute(db);
      await sql`insert into surveys (workspace_id, id, name, purpose, status, touchpoint_id, draft,
          published_version, draft_changed, created_at, updated_at)
        values ('w1', 's1', 'S', 'transactional', 'published', null, '{}', 1, 0, 0, 0)`.execute(db);
      await sql`insert into survey_versions (workspace_id, survey_id, version, definition, published_at)
        values ('w1', 's1', 1, '{}', 0)`.execute(db);
      for (const [id, value] of [
        ['r1', 8],
        ['r2', 0.5],
      ] as const) {
        await insertResponse(id);
        await insertAnswer(id, value);
      }
      await migrateToLatest(db);
    });
    afterAll(async () => {
      await handle.close();
      await database.drop();
    });

    it('keeps the values stored before it, whole numbers and halves alike', async () => {
      expect([await valueOf('r1'), await valueOf('r2')]).toEqual([8, 0.5]);
    });

    it('stores decimals with all their digits afterwards, in answers and in the rollup', async () => {
      await insertResponse('r3');
      await insertAnswer('r3', 1_234_567.89);
      expect(await valueOf('r3')).toBe(1_234_567.89);
      const types = (await handle.db.introspection.getTables())
        .filter((t) => t.name === 'answers' || t.name === 'answer_day_counts')
        .map((t) => t.columns.find((c) => c.name === 'value_num')!.dataType);
      expect(types).toEqual(dialect.name === 'postgres' ? ['float8', 'float8'] : ['REAL', 'REAL']);
    });
  });
}
