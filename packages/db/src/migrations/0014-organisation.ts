import type { Kysely } from 'kysely';

// The organisation behind a workspace as respondents see it: its name and the address of its
// privacy notice, both shown on the public respondent pages. Empty until an admin sets them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('organisation_name', 'varchar(200)').execute();
  await db.schema
    .alterTable('workspaces')
    .addColumn('privacy_notice_url', 'varchar(2000)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('privacy_notice_url').execute();
  await db.schema.alterTable('workspaces').dropColumn('organisation_name').execute();
}
