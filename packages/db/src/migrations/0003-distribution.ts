import type { Kysely } from 'kysely';

// Email invitations with personal tokens, unsubscribes, and the contact log that enforces the
// workspace's contact-frequency limit across channels.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('contact_limit_days', 'integer').execute();

  await db.schema
    .createTable('survey_invitations')
    .addColumn('workspace_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('link_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    // A capability to answer this one survey once, like a link token; kept to put in the reminder.
    .addColumn('token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('scheduled_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('reminder_at', 'bigint')
    .addColumn('reminded_at', 'bigint')
    .addColumn('responded_at', 'bigint')
    .addColumn('response_id', 'varchar(64)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_invitations_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'survey_invitations_survey',
      ['workspace_id', 'survey_id'],
      'surveys',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('survey_invitations_survey')
    .on('survey_invitations')
    .columns(['workspace_id', 'survey_id', 'email'])
    .execute();

  await db.schema
    .createTable('unsubscribes')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('unsubscribes_pk', ['workspace_id', 'email'])
    .execute();

  await db.schema
    .createTable('contact_log')
    .addColumn('workspace_id', 'varchar(64)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('person_key', 'varchar(254)', (c) => c.notNull())
    .addColumn('id', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('survey_id', 'varchar(64)')
    .addColumn('contacted_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_log_pk', ['workspace_id', 'person_key', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['contact_log', 'unsubscribes', 'survey_invitations'])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable('workspaces').dropColumn('contact_limit_days').execute();
}
