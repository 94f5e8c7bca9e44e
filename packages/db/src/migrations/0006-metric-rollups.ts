import { sql, type Kysely } from 'kysely';

// Day-level histogram rollups and the customer attributes known when a response was given.
//
// `answer_day_counts` holds, per workspace, survey, question, item, local day, touchpoint,
// channel, language and answered value, how many complete responses gave that value. It is
// kept exact in the same transaction as the response (packages/db/src/rollups.ts), so the
// standard dashboards count a few thousand cells instead of millions of answer rows. Filters
// it cannot answer (customer attributes) fall back to the answer table.
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
      'day',
      'touchpoint_key',
      'channel',
      'language',
      'value_num',
    ])
    .execute();

  // Existing complete responses, counted once.
  await sql`
    insert into answer_day_counts
      (workspace_id, survey_id, question_key, item, day, touchpoint_key, channel, language,
       value_num, count)
    select a.workspace_id, a.survey_id, a.question_key, a.item, a.day,
           coalesce(a.touchpoint_id, ''), a.channel, a.language, a.value_num, count(*)
    from answers a
    join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id
    where a.value_num is not null and r.status = 'complete'
    group by a.workspace_id, a.survey_id, a.question_key, a.item, a.day,
             coalesce(a.touchpoint_id, ''), a.channel, a.language, a.value_num
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
