import type { Kysely } from 'kysely';

// Critical-incident coding: a workspace's category scheme, and one category per incident
// answer (response × question), with who coded it and when.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_categories')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_categories_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('incident_categories_name', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('incident_codings')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('response_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('question_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('coded_by_user_id', 'varchar(64)')
    .addColumn('coded_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_codings_pk', ['workspace_id', 'response_id', 'question_key'])
    .addForeignKeyConstraint(
      'incident_codings_response',
      ['workspace_id', 'response_id'],
      'responses',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    // No cascade: a category in use cannot be deleted (the service says so first).
    .addForeignKeyConstraint(
      'incident_codings_category',
      ['workspace_id', 'category_id'],
      'incident_categories',
      ['workspace_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('incident_codings_category')
    .on('incident_codings')
    .columns(['workspace_id', 'category_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_codings').execute();
  await db.schema.dropTable('incident_categories').execute();
}
