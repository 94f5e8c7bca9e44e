import { sql, type Kysely } from 'kysely';

// Answer values stored exactly on PostgreSQL too. `value_num` was declared `real`, which
// SQLite stores as an 8-byte double but PostgreSQL as a 4-byte float4: whole-number scales
// survive that, a numeric question's decimals do not (123.45 reads back as 123.449997 once
// summed, and 1234567.89 and 1234567.88 fall into one histogram cell). Both columns become
// `double precision`, the double SQLite already had: with at most 4 decimals and 13
// significant digits (contracts' NUMERIC_LIMIT) a double reads back as the decimal written.
// Existing float4 values (whole numbers, 0.5) convert exactly.

const COLUMNS = [
  ['answers', 'value_num'],
  ['answer_day_counts', 'value_num'],
] as const;

/** The columns still stored as float4 (PostgreSQL's `real`); none on SQLite. */
async function float4Columns(db: Kysely<unknown>, wanted: readonly (readonly [string, string])[]) {
  const tables = await db.introspection.getTables();
  return wanted.filter(([table, column]) =>
    tables
      .find((t) => t.name === table)
      ?.columns.some((c) => c.name === column && c.dataType === 'float4'),
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of await float4Columns(db, COLUMNS))
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type double precision`.execute(
      db,
    );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = await db.introspection.getTables();
  for (const [table, column] of COLUMNS) {
    const type = tables.find((t) => t.name === table)?.columns.find((c) => c.name === column);
    if (type?.dataType === 'float8')
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type real`.execute(
        db,
      );
  }
}
