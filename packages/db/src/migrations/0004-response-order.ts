import type { Kysely } from 'kysely';

// Responses are listed newest first by when they were given, not by id: imported and
// back-filled responses carry ids that do not follow their submission time.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('responses_submitted')
    .on('responses')
    .columns(['workspace_id', 'submitted_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('responses_submitted').execute();
}
