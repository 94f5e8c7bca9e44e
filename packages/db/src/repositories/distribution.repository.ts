import type { Language } from '@polku/contracts';
import type { DistributionRepository, EmailStatus, SurveyInvitationRecord } from '@polku/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SurveyInvitationsTable } from '../schema.js';

const toInvitation = (r: Selectable<SurveyInvitationsTable>): SurveyInvitationRecord => ({
  ...r,
  language: r.language as Language,
  status: r.status as SurveyInvitationRecord['status'],
});

export function createDistributionRepository(db: Kysely<Database>): DistributionRepository {
  return {
    async insertInvitation(i) {
      await db.insertInto('surveyInvitations').values(i).execute();
    },
    async findInvitation(workspaceId, id) {
      const row = await db
        .selectFrom('surveyInvitations')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async findInvitationByToken(token) {
      const row = await db
        .selectFrom('surveyInvitations')
        .selectAll()
        .where('token', '=', token)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async listInvitations(workspaceId, surveyId) {
      const rows = await db
        .selectFrom('surveyInvitations as i')
        .leftJoin('emails as e', 'e.id', 'i.emailId')
        .selectAll('i')
        .select(['e.status as emailStatus', 'e.error as emailError'])
        .where('i.workspaceId', '=', workspaceId)
        .where('i.surveyId', '=', surveyId)
        .orderBy('i.id', 'desc')
        .execute();
      return rows.map(({ emailStatus, emailError, ...r }) => ({
        ...toInvitation(r),
        emailStatus: emailStatus as EmailStatus | null,
        emailError,
      }));
    },
    async invitedEmails(workspaceId, surveyId) {
      const rows = await db
        .selectFrom('surveyInvitations')
        .select('email')
        .where('workspaceId', '=', workspaceId)
        .where('surveyId', '=', surveyId)
        .where('status', '!=', 'suppressed')
        .execute();
      return new Set(rows.map((r) => r.email));
    },
    async updateInvitation(workspaceId, id, patch) {
      await db
        .updateTable('surveyInvitations')
        .set(patch)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async isUnsubscribed(workspaceId, email) {
      const row = await db
        .selectFrom('unsubscribes')
        .select('email')
        .where('workspaceId', '=', workspaceId)
        .where('email', '=', email)
        .executeTakeFirst();
      return row !== undefined;
    },
    async addUnsubscribe(workspaceId, email, at) {
      await db
        .insertInto('unsubscribes')
        .values({ workspaceId, email, createdAt: at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async lastContactAt(workspaceId, personKey) {
      const row = await db
        .selectFrom('contactLog')
        .select((eb) => eb.fn.max('contactedAt').as('last'))
        .where('workspaceId', '=', workspaceId)
        .where('personKey', '=', personKey)
        .executeTakeFirst();
      return row?.last === null || row?.last === undefined ? null : Number(row.last);
    },
    async recordContact(entry) {
      await db.insertInto('contactLog').values(entry).execute();
    },
  };
}
