import { migrateToLatest, migrateUpTo, openDatabase, type DatabaseHandle } from '@polku/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestDatabase } from './support/databases.js';

/**
 * An installation upgraded to the rollups (migration 0006) keeps every response it had: the
 * migration counts the existing complete responses into the rollup, at each grain.
 */
for (const dialect of testDialects()) {
  describe(`the rollup migration over existing responses on ${dialect.name}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;

    beforeAll(async () => {
      database = await dialect.create();
      handle = openDatabase(database.config);
      await migrateUpTo(handle.db, '0005-invitation-mail');
      const db = handle.db;
      await sql`insert into workspaces (id, name, time_zone, languages, default_language, created_at)
        values ('w1', 'W', 'Europe/Helsinki', '["fi"]', 'fi', 0)`.execute(db);
      await sql`insert into surveys (workspace_id, id, name, purpose, status, touchpoint_id, draft,
          published_version, draft_changed, created_at, updated_at)
        values ('w1', 's1', 'S', 'transactional', 'published', null, '{}', 1, 0, 0, 0)`.execute(db);
      await sql`insert into survey_versions (workspace_id, survey_id, version, definition, published_at)
        values ('w1', 's1', 1, '{}', 0)`.execute(db);
      const responses: [string, string, string, string | null, string, number | null][] = [
        ['r1', 'complete', 'web', 'tp1', '2026-01-01', 10],
        ['r2', 'complete', 'web', 'tp1', '2026-01-01', 10],
        ['r3', 'complete', 'email', null, '2026-01-01', 3],
        ['r4', 'partial', 'web', 'tp1', '2026-01-01', 9],
        ['r5', 'complete', 'web', 'tp1', '2026-01-02', null],
      ];
      for (const [id, status, channel, touchpoint, day, nps] of responses) {
        await sql`insert into responses (workspace_id, id, survey_id, survey_version, link_id,
            source, channel, touchpoint_id, language, status, submitted_at, created_at, day)
          values ('w1', ${id}, 's1', 1, null, 'api', ${channel}, ${touchpoint}, 'fi', ${status},
            0, 0, ${day})`.execute(db);
        await sql`insert into answers (workspace_id, response_id, question_key, item, survey_id,
            day, touchpoint_id, channel, language, value_num, value_text)
          values ('w1', ${id}, 'nps', '', 's1', ${day}, ${touchpoint}, ${channel}, 'fi', ${nps},
            ${nps === null ? 'skipped' : null})`.execute(db);
      }
      await migrateToLatest(handle.db);
    });
    afterAll(async () => {
      await handle.close();
      await database.drop();
    });

    it('counts complete, answered values at every grain', async () => {
      const rows = await handle.db
        .selectFrom('answerDayCounts')
        .select(['grain', 'day', 'touchpointKey', 'channel', 'language', 'valueNum', 'count'])
        .orderBy('grain')
        .orderBy('touchpointKey')
        .orderBy('channel')
        .orderBy('valueNum')
        .execute();
      expect(rows.map((r) => ({ ...r, count: Number(r.count) }))).toEqual([
        {
          grain: 0,
          day: '2026-01-01',
          touchpointKey: '',
          channel: '',
          language: '',
          valueNum: 3,
          count: 1,
        },
        {
          grain: 0,
          day: '2026-01-01',
          touchpointKey: '',
          channel: '',
          language: '',
          valueNum: 10,
          count: 2,
        },
        {
          grain: 1,
          day: '2026-01-01',
          touchpointKey: '',
          channel: '',
          language: '',
          valueNum: 3,
          count: 1,
        },
        {
          grain: 1,
          day: '2026-01-01',
          touchpointKey: 'tp1',
          channel: '',
          language: '',
          valueNum: 10,
          count: 2,
        },
        {
          grain: 2,
          day: '2026-01-01',
          touchpointKey: '',
          channel: 'email',
          language: 'fi',
          valueNum: 3,
          count: 1,
        },
        {
          grain: 2,
          day: '2026-01-01',
          touchpointKey: 'tp1',
          channel: 'web',
          language: 'fi',
          valueNum: 10,
          count: 2,
        },
      ]);
    });
  });
}
