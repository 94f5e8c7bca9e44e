import type { SurveyDefinition } from '@polku/contracts';
import type { SurveyLinkRecord, SurveyRecord, SurveyRepository } from '@polku/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SurveysTable } from '../schema.js';

const toSurvey = (r: Selectable<SurveysTable>): SurveyRecord => ({
  ...r,
  purpose: r.purpose as SurveyRecord['purpose'],
  status: r.status as SurveyRecord['status'],
  draft: JSON.parse(r.draft) as SurveyDefinition,
  draftChanged: r.draftChanged === 1,
});

export function createSurveyRepository(db: Kysely<Database>): SurveyRepository {
  return {
    async insert(s) {
      await db
        .insertInto('surveys')
        .values({ ...s, draft: JSON.stringify(s.draft), draftChanged: s.draftChanged ? 1 : 0 })
        .execute();
    },
    async findById(workspaceId, id) {
      const row = await db
        .selectFrom('surveys')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toSurvey(row);
    },
    async findHeader(workspaceId, id) {
      const row = await db
        .selectFrom('surveys')
        .select([
          'workspaceId',
          'id',
          'name',
          'purpose',
          'status',
          'touchpointId',
          'publishedVersion',
          'draftChanged',
          'createdAt',
          'updatedAt',
        ])
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        row && {
          ...row,
          purpose: row.purpose as SurveyRecord['purpose'],
          status: row.status as SurveyRecord['status'],
          draftChanged: row.draftChanged === 1,
        }
      );
    },
    async list(workspaceId) {
      const rows = await db
        .selectFrom('surveys')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toSurvey);
    },
    async update(workspaceId, id, patch) {
      const { draft, draftChanged, ...rest } = patch;
      await db
        .updateTable('surveys')
        .set({
          ...rest,
          ...(draft !== undefined && { draft: JSON.stringify(draft) }),
          ...(draftChanged !== undefined && { draftChanged: draftChanged ? 1 : 0 }),
        })
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async insertVersion(v) {
      await db
        .insertInto('surveyVersions')
        .values({ ...v, definition: JSON.stringify(v.definition) })
        .execute();
    },
    async findVersion(workspaceId, surveyId, version) {
      const row = await db
        .selectFrom('surveyVersions')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('surveyId', '=', surveyId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row && { ...row, definition: JSON.parse(row.definition) as SurveyDefinition };
    },
    async insertLink(link) {
      await db.insertInto('surveyLinks').values(link).execute();
    },
    async findLink(workspaceId, id) {
      return db
        .selectFrom('surveyLinks')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async findLinkByToken(token): Promise<SurveyLinkRecord | undefined> {
      return db.selectFrom('surveyLinks').selectAll().where('token', '=', token).executeTakeFirst();
    },
    async listLinks(workspaceId, surveyId) {
      return db
        .selectFrom('surveyLinks')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('surveyId', '=', surveyId)
        .orderBy('id')
        .execute();
    },
    async updateLink(workspaceId, id, patch) {
      if (!Object.keys(patch).length) return;
      await db
        .updateTable('surveyLinks')
        .set(patch)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async closeLink(workspaceId, id, at) {
      await db
        .updateTable('surveyLinks')
        .set({ closedAt: at })
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}
