import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { scopedAnswers, type AnswerScope } from './answer-scope.js';

// The same shapes as core's IncidentRepository (packages/core/src/analyses/ports.ts).
interface IncidentCategoryRecord {
  workspaceId: string;
  id: string;
  name: string;
  description: string | null;
  createdAt: number;
}
interface IncidentCodingRecord {
  workspaceId: string;
  responseId: string;
  questionKey: string;
  categoryId: string;
  codedByUserId: string | null;
  codedAt: number;
}
interface IncidentAnswerFilter {
  surveyId: string;
  questionKey: string;
  coding: 'all' | 'uncoded' | 'coded';
  categoryId?: string | undefined;
  valence?: 'positive' | 'negative' | undefined;
}

const num = (v: unknown): number => Number(v);
const valenceOf = (v: unknown): 'positive' | 'negative' => (num(v) > 0 ? 'positive' : 'negative');

/**
 * One row per incident answer of a complete response: its parts pivoted from the answer rows
 * (what, when, why as text; valence as +1/−1), with the response's submission instant.
 */
function incidentAnswers(
  db: Kysely<Database>,
  workspaceId: string,
  scope: AnswerScope,
  key: string,
) {
  const text = (item: string) =>
    sql<
      string | null
    >`max(case when ${sql.ref('a.item')} = ${item} then ${sql.ref('a.valueText')} end)`;
  return scopedAnswers(db, workspaceId, scope)
    .where('a.questionKey', '=', key)
    .select([
      'a.responseId as responseId',
      sql<number>`max(${sql.ref('r.submittedAt')})`.as('submittedAt'),
      text('what').as('what'),
      text('when').as('stage'),
      text('why').as('why'),
      sql<
        number | null
      >`max(case when ${sql.ref('a.item')} = 'valence' then ${sql.ref('a.valueNum')} end)`.as(
        'valence',
      ),
    ])
    .groupBy('a.responseId');
}

/** Incident categories, codings, and the incident answers they code. */
export function createIncidentRepository(db: Kysely<Database>) {
  const withCoding = (workspaceId: string, scope: AnswerScope, key: string) =>
    db
      .selectFrom(incidentAnswers(db, workspaceId, scope, key).as('p'))
      .leftJoin('incidentCodings as c', (j) =>
        j
          .on('c.workspaceId', '=', workspaceId)
          .onRef('c.responseId', '=', 'p.responseId')
          .on('c.questionKey', '=', key),
      )
      .where('p.what', 'is not', null)
      .where('p.valence', 'is not', null);

  const toAnswer = (
    key: string,
    r: {
      responseId: string;
      submittedAt: unknown;
      what: string | null;
      stage: string | null;
      why: string | null;
      valence: unknown;
      categoryId: string | null;
      codedAt: unknown;
    },
  ) => ({
    responseId: r.responseId,
    questionKey: key,
    submittedAt: num(r.submittedAt),
    what: r.what ?? '',
    when: r.stage,
    why: r.why,
    valence: valenceOf(r.valence),
    categoryId: r.categoryId,
    codedAt: r.codedAt === null ? null : num(r.codedAt),
  });

  const answerColumns = [
    'p.responseId',
    'p.submittedAt',
    'p.what',
    'p.stage',
    'p.why',
    'p.valence',
    'c.categoryId',
    'c.codedAt',
  ] as const;

  return {
    async listCategories(workspaceId: string) {
      const rows = await db
        .selectFrom('incidentCategories as k')
        .leftJoin('incidentCodings as c', (j) =>
          j.onRef('c.workspaceId', '=', 'k.workspaceId').onRef('c.categoryId', '=', 'k.id'),
        )
        .where('k.workspaceId', '=', workspaceId)
        .select([
          'k.workspaceId',
          'k.id',
          'k.name',
          'k.description',
          'k.createdAt',
          (eb) => eb.fn.count('c.responseId').as('codedCount'),
        ])
        .groupBy(['k.workspaceId', 'k.id', 'k.name', 'k.description', 'k.createdAt'])
        .orderBy('k.name')
        .execute();
      return rows.map((r) => ({
        ...r,
        createdAt: num(r.createdAt),
        codedCount: num(r.codedCount),
      }));
    },

    async findCategory(workspaceId: string, id: string) {
      const row = await db
        .selectFrom('incidentCategories')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { ...row, createdAt: num(row.createdAt) };
    },

    async findCategoryByName(workspaceId: string, name: string) {
      const row = await db
        .selectFrom('incidentCategories')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where(sql<boolean>`lower(${sql.ref('name')}) = lower(${name})`)
        .executeTakeFirst();
      return row && { ...row, createdAt: num(row.createdAt) };
    },

    async insertCategory(category: IncidentCategoryRecord) {
      await db.insertInto('incidentCategories').values(category).execute();
    },

    async updateCategory(
      workspaceId: string,
      id: string,
      patch: { name?: string; description?: string | null },
    ) {
      if (!Object.keys(patch).length) return;
      await db
        .updateTable('incidentCategories')
        .set(patch)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async deleteCategory(workspaceId: string, id: string) {
      await db
        .deleteFrom('incidentCategories')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async countCodings(workspaceId: string, categoryId: string) {
      const row = await db
        .selectFrom('incidentCodings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspaceId', '=', workspaceId)
        .where('categoryId', '=', categoryId)
        .executeTakeFirst();
      return num(row?.n ?? 0);
    },

    async findCoding(workspaceId: string, responseId: string, questionKey: string) {
      const row = await db
        .selectFrom('incidentCodings')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('responseId', '=', responseId)
        .where('questionKey', '=', questionKey)
        .executeTakeFirst();
      return row && { ...row, codedAt: num(row.codedAt) };
    },

    async saveCoding(coding: IncidentCodingRecord) {
      await db
        .deleteFrom('incidentCodings')
        .where('workspaceId', '=', coding.workspaceId)
        .where('responseId', '=', coding.responseId)
        .where('questionKey', '=', coding.questionKey)
        .execute();
      await db.insertInto('incidentCodings').values(coding).execute();
    },

    async deleteCoding(workspaceId: string, responseId: string, questionKey: string) {
      await db
        .deleteFrom('incidentCodings')
        .where('workspaceId', '=', workspaceId)
        .where('responseId', '=', responseId)
        .where('questionKey', '=', questionKey)
        .execute();
    },

    async findAnswer(workspaceId: string, responseId: string, questionKey: string) {
      const row = await db
        .selectFrom(
          incidentAnswers(db, workspaceId, {}, questionKey)
            .where('a.responseId', '=', responseId)
            .as('p'),
        )
        .leftJoin('incidentCodings as c', (j) =>
          j
            .on('c.workspaceId', '=', workspaceId)
            .onRef('c.responseId', '=', 'p.responseId')
            .on('c.questionKey', '=', questionKey),
        )
        .where('p.what', 'is not', null)
        .where('p.valence', 'is not', null)
        .select(answerColumns)
        .executeTakeFirst();
      return row && toAnswer(questionKey, row);
    },

    async listAnswers(
      workspaceId: string,
      filter: IncidentAnswerFilter,
      limit: number,
      offset: number,
    ) {
      let q = withCoding(workspaceId, { surveyId: filter.surveyId }, filter.questionKey);
      if (filter.coding === 'uncoded') q = q.where('c.categoryId', 'is', null);
      if (filter.coding === 'coded') q = q.where('c.categoryId', 'is not', null);
      if (filter.categoryId) q = q.where('c.categoryId', '=', filter.categoryId);
      if (filter.valence) q = q.where('p.valence', filter.valence === 'positive' ? '>' : '<', 0);
      const [rows, total] = await Promise.all([
        q
          .select(answerColumns)
          .orderBy(sql`case when ${sql.ref('c.categoryId')} is null then 0 else 1 end`)
          .orderBy('p.submittedAt', 'desc')
          .orderBy('p.responseId', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
        q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
      ]);
      return {
        items: rows.map((r) => toAnswer(filter.questionKey, r)),
        total: num(total?.n ?? 0),
      };
    },

    async countIncidents(workspaceId: string, scope: AnswerScope, questionKey: string) {
      const rows = await withCoding(workspaceId, scope, questionKey)
        .select(['p.stage', 'c.categoryId', 'p.valence', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['p.stage', 'c.categoryId', 'p.valence'])
        .execute();
      return rows.map((r) => ({
        stage: r.stage,
        categoryId: r.categoryId,
        valence: valenceOf(r.valence),
        count: num(r.n),
      }));
    },
  };
}

export type IncidentRepositoryImpl = ReturnType<typeof createIncidentRepository>;
