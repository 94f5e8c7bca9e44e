import type { Kysely } from 'kysely';

// The mail that carried an invitation (or its reminder), so the invitation shows whether it
// was delivered or failed for good.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('survey_invitations').addColumn('email_id', 'varchar(64)').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('survey_invitations').dropColumn('email_id').execute();
}
