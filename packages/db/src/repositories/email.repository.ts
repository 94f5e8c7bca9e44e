import type { EmailRecord, EmailRepository, EmailStatus } from '@polku/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, EmailsTable } from '../schema.js';

const toEmail = (r: Selectable<EmailsTable>): EmailRecord => ({
  ...r,
  status: r.status as EmailStatus,
});

export function createEmailRepository(db: Kysely<Database>): EmailRepository {
  return {
    async insert(email) {
      await db.insertInto('emails').values(email).execute();
    },
    async findById(id) {
      const row = await db.selectFrom('emails').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEmail(row);
    },
    async listForWorkspace(workspaceId, limit, before) {
      let q = db.selectFrom('emails').selectAll().where('workspaceId', '=', workspaceId);
      if (before) q = q.where('id', '<', before);
      return (await q.orderBy('id', 'desc').limit(limit).execute()).map(toEmail);
    },
    async markDelivered(id, status, at) {
      await db
        .updateTable('emails')
        .set({ status, sentAt: at, error: null })
        .where('id', '=', id)
        .execute();
    },
    async markFailed(id, error) {
      await db
        .updateTable('emails')
        .set({ status: 'failed', error })
        .where('id', '=', id)
        .execute();
    },
  };
}
