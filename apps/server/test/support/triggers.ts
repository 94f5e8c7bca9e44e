import type { DatabaseHandle } from '@polku/db';
import { sql } from 'kysely';

/**
 * Makes the database itself refuse inserts into `table` while `condition` (SQL over `NEW`,
 * the same text on both dialects) holds: a real database error, as a full disk or a quota
 * would give, for the paths that must survive one. Returns a function that removes it.
 */
export async function refuseInserts(
  database: DatabaseHandle,
  name: string,
  table: string,
  condition: string,
  message: string,
): Promise<() => Promise<void>> {
  const { db } = database;
  const quoted = message.replace(/'/g, "''");
  if (database.dialect === 'sqlite') {
    await sql
      .raw(
        `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} WHEN ${condition} BEGIN SELECT RAISE(ABORT, '${quoted}'); END`,
      )
      .execute(db);
    return async () => void (await sql.raw(`DROP TRIGGER ${name}`).execute(db));
  }
  await sql
    .raw(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${condition} THEN RAISE EXCEPTION '${quoted}'; END IF; RETURN NEW; END $$`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`)
    .execute(db);
  return async () => {
    await sql.raw(`DROP TRIGGER ${name} ON ${table}`).execute(db);
    await sql.raw(`DROP FUNCTION ${name}()`).execute(db);
  };
}

/** A quota on one survey's responses: the database refuses every one past `count`. */
export function refuseResponsesPast(
  database: DatabaseHandle,
  name: string,
  surveyId: string,
  count: number,
): Promise<() => Promise<void>> {
  return refuseInserts(
    database,
    name,
    'responses',
    `NEW.survey_id = '${surveyId}' AND (SELECT count(*) FROM responses WHERE survey_id = NEW.survey_id) >= ${count}`,
    `quota of ${count} responses reached`,
  );
}
