import type { Kysely } from 'kysely';

// Surveys with immutable versions, public links, responses and their answers. Answers are one
// row per (response, question, item) with the dimensions metrics group by copied in, so a
// histogram is one GROUP BY over one table.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('draft_changed', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('surveys_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('survey_versions')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('published_by_user_id', 'varchar(64)')
    .addPrimaryKeyConstraint('survey_versions_pk', ['workspace_id', 'survey_id', 'version'])
    .addForeignKeyConstraint(
      'survey_versions_survey',
      ['workspace_id', 'survey_id'],
      'surveys',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('survey_links')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .addColumn('token', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addPrimaryKeyConstraint('survey_links_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'survey_links_survey',
      ['workspace_id', 'survey_id'],
      'surveys',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('link_id', 'varchar(64)')
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addPrimaryKeyConstraint('responses_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'responses_version',
      ['workspace_id', 'survey_id', 'survey_version'],
      'survey_versions',
      ['workspace_id', 'survey_id', 'version'],
    )
    .execute();
  await db.schema
    .createIndex('responses_survey_day')
    .on('responses')
    .columns(['workspace_id', 'survey_id', 'day'])
    .execute();
  await db.schema
    .createIndex('responses_day')
    .on('responses')
    .columns(['workspace_id', 'day'])
    .execute();

  await db.schema
    .createTable('answers')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('response_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('question_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('item', 'varchar(64)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('value_num', 'real')
    .addColumn('value_text', 'text')
    .addPrimaryKeyConstraint('answers_pk', ['workspace_id', 'response_id', 'question_key', 'item'])
    .addForeignKeyConstraint(
      'answers_response',
      ['workspace_id', 'response_id'],
      'responses',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // The metrics index: histograms of one question over days.
  await db.schema
    .createIndex('answers_metric')
    .on('answers')
    .columns(['workspace_id', 'survey_id', 'question_key', 'day', 'value_num'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['answers', 'responses', 'survey_links', 'survey_versions', 'surveys']) {
    await db.schema.dropTable(table).execute();
  }
}
