import { sql, type Kysely } from 'kysely';

// Day-level histogram rollups and the customer attributes known when a response was given.
//
// `answer_day_counts` holds, per workspace, survey, question, item, local day and answered
// value, how many complete responses gave that value, at three grains (a small data cube):
//   grain 0: no dimension (touchpoint_key, channel and language are '');
//   grain 1: per touchpoint (channel and language are '');
//   grain 2: per touchpoint, channel and language.
// A query reads the coarsest grain that holds the dimensions it filters or breaks down by, so
// "NPS by month" counts days × values whatever the number of touchpoints and channels. It is
// kept exact in the same transaction as the response (packages/db/src/rollups.ts). Filters it
// cannot answer (customer attributes) fall back to the answer table.
// A missing touchpoint is stored as '' because primary-key columns cannot be NULL.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('answer_day_counts')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('survey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('question_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('item', 'varchar(64)', (c) => c.notNull())
    .addColumn('grain', 'smallint', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('touchpoint_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('value_num', 'real', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_day_counts_pk', [
      'workspace_id',
      'survey_id',
      'question_key',
      'item',
      'grain',
      'day',
      'touchpoint_key',
      'channel',
      'language',
      'value_num',
    ])
    .execute();

  // Existing complete responses, counted once at each grain.
  // Constant dimensions ('') are selected but not grouped by (PostgreSQL refuses constants
  // in GROUP BY).
  const touchpoint = sql`coalesce(a.touchpoint_id, '')`;
  const none = sql`''`;
  const dimensions = [
    { grain: 0, select: [none, none, none], group: [] },
    { grain: 1, select: [touchpoint, none, none], group: [touchpoint] },
    {
      grain: 2,
      select: [touchpoint, sql`a.channel`, sql`a.language`],
      group: [touchpoint, sql`a.channel`, sql`a.language`],
    },
  ];
  for (const d of dimensions)
    await sql`
      insert into answer_day_counts
        (workspace_id, survey_id, question_key, item, grain, day, touchpoint_key, channel,
         language, value_num, count)
      select a.workspace_id, a.survey_id, a.question_key, a.item, ${sql.lit(d.grain)}, a.day,
             ${sql.join(d.select)}, a.value_num, count(*)
      from answers a
      join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id
      where a.value_num is not null and r.status = 'complete'
      group by ${sql.join([
        sql`a.workspace_id`,
        sql`a.survey_id`,
        sql`a.question_key`,
        sql`a.item`,
        sql`a.day`,
        ...d.group,
        sql`a.value_num`,
      ])}
    `.execute(db);

  await db.schema
    .createTable('response_attributes')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('response_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('value', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_attributes_pk', ['workspace_id', 'response_id', 'key'])
    .addForeignKeyConstraint(
      'response_attributes_response',
      ['workspace_id', 'response_id'],
      'responses',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // Filtering by an attribute value: the responses that have it.
  await db.schema
    .createIndex('response_attributes_value')
    .on('response_attributes')
    .columns(['workspace_id', 'key', 'value', 'response_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('response_attributes').execute();
  await db.schema.dropTable('answer_day_counts').execute();
}
