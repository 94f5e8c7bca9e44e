import type { Language } from '@polku/contracts';
import type { AnswerRow, ResponseRecord, ResponseRepository } from '@polku/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ResponsesTable } from '../schema.js';
import { RollupBuffer } from '../rollups.js';

const toResponse = ({ isTest, ...r }: Selectable<ResponsesTable>): ResponseRecord => ({
  ...r,
  source: r.source as ResponseRecord['source'],
  language: r.language as Language,
  status: r.status as ResponseRecord['status'],
  ...(Number(isTest) === 1 ? { isTest: true } : {}),
});

/** The row of a response: the test flag as 0/1 (both dialects store an integer). */
const toRow = ({ isTest, ...r }: ResponseRecord) => ({ ...r, isTest: isTest ? 1 : 0 });

// 11 parameters a row: 500 rows stay under both dialects' limits on bound parameters.
const ANSWER_CHUNK = 500;

async function insertAnswers(
  db: Kysely<Database>,
  r: ResponseRecord,
  rows: AnswerRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ANSWER_CHUNK) {
    await db
      .insertInto('answers')
      .values(
        rows.slice(i, i + ANSWER_CHUNK).map((a) => ({
          workspaceId: r.workspaceId,
          responseId: r.id,
          questionKey: a.questionKey,
          item: a.item,
          surveyId: r.surveyId,
          day: r.day,
          touchpointId: r.touchpointId,
          channel: r.channel,
          language: r.language,
          valueNum: a.valueNum,
          valueText: a.valueText,
        })),
      )
      .execute();
  }
}

async function insertAttributes(
  db: Kysely<Database>,
  r: ResponseRecord,
  attributes: Readonly<Record<string, string>> | undefined,
): Promise<void> {
  const entries = Object.entries(attributes ?? {});
  if (entries.length === 0) return;
  await db
    .insertInto('responseAttributes')
    .values(
      entries.map(([key, value]) => ({ workspaceId: r.workspaceId, responseId: r.id, key, value })),
    )
    .execute();
}

/**
 * Responses with their answer rows and attributes. `rollups` collects the day-level rollup
 * changes of a transaction (written by the store when it commits); without one (outside a
 * transaction) each change is written at once.
 */
export function createResponseRepository(
  db: Kysely<Database>,
  rollups?: RollupBuffer,
): ResponseRepository {
  async function count(response: ResponseRecord, rows: AnswerRow[], sign: 1 | -1) {
    const buffer = rollups ?? new RollupBuffer();
    buffer.add(response, rows, sign);
    if (!rollups) await buffer.flush(db);
  }
  return {
    async insert(response, rows, attributes) {
      const result = await db
        .insertInto('responses')
        .values(toRow(response))
        .onConflict((oc) => oc.columns(['workspaceId', 'id']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await insertAnswers(db, response, rows);
      await insertAttributes(db, response, attributes);
      await count(response, rows, 1);
      return true;
    },
    async findById(workspaceId, id) {
      const row = await db
        .selectFrom('responses')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toResponse(row);
    },
    async replace(response, rows, attributes) {
      const old = await db
        .selectFrom('responses')
        .selectAll()
        .where('workspaceId', '=', response.workspaceId)
        .where('id', '=', response.id)
        .executeTakeFirst();
      if (old?.status === 'complete') {
        const oldRows = await db
          .selectFrom('answers')
          .select(['questionKey', 'item', 'valueNum', 'valueText'])
          .where('workspaceId', '=', response.workspaceId)
          .where('responseId', '=', response.id)
          .execute();
        await count(toResponse(old), oldRows, -1);
      }
      await db
        .deleteFrom('answers')
        .where('workspaceId', '=', response.workspaceId)
        .where('responseId', '=', response.id)
        .execute();
      if (attributes !== undefined) {
        await db
          .deleteFrom('responseAttributes')
          .where('workspaceId', '=', response.workspaceId)
          .where('responseId', '=', response.id)
          .execute();
        await insertAttributes(db, response, attributes);
      }
      const { workspaceId, id, ...rest } = toRow(response);
      await db
        .updateTable('responses')
        .set(rest)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      await insertAnswers(db, response, rows);
      await count(response, rows, 1);
    },
    async answersOf(workspaceId, responseIds) {
      const out = new Map<string, AnswerRow[]>();
      if (responseIds.length === 0) return out;
      const rows = await db
        .selectFrom('answers')
        .select(['responseId', 'questionKey', 'item', 'valueNum', 'valueText'])
        .where('workspaceId', '=', workspaceId)
        .where('responseId', 'in', responseIds)
        .orderBy('responseId')
        .orderBy('questionKey')
        .orderBy('item')
        .execute();
      for (const { responseId, ...row } of rows)
        out.set(responseId, [...(out.get(responseId) ?? []), row]);
      return out;
    },
    async list(workspaceId, f, limit, before) {
      let q = db
        .selectFrom('responses as r')
        .selectAll('r')
        .where('r.workspaceId', '=', workspaceId);
      if (f.surveyId) q = q.where('r.surveyId', '=', f.surveyId);
      if (f.fromDay) q = q.where('r.day', '>=', f.fromDay);
      if (f.toDay) q = q.where('r.day', '<=', f.toDay);
      if (f.touchpointId) q = q.where('r.touchpointId', '=', f.touchpointId);
      if (f.channel) q = q.where('r.channel', '=', f.channel);
      if (f.language) q = q.where('r.language', '=', f.language);
      if (f.status) q = q.where('r.status', '=', f.status);
      if (f.test) q = q.where('r.isTest', '=', f.test === 'only' ? 1 : 0);
      if (before) {
        // Keyset on (submitted_at, id): the cursor is the last row's id; its time orders it.
        const cursor = await db
          .selectFrom('responses')
          .select('submittedAt')
          .where('workspaceId', '=', workspaceId)
          .where('id', '=', before)
          .executeTakeFirst();
        if (cursor) {
          const at = cursor.submittedAt;
          q = q.where((eb) =>
            eb.or([
              eb('r.submittedAt', '<', at),
              eb.and([eb('r.submittedAt', '=', at), eb('r.id', '<', before)]),
            ]),
          );
        }
      }
      if (f.score) {
        const { questionKey, min, max } = f.score;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('answers as a')
              .select('a.responseId')
              .whereRef('a.workspaceId', '=', 'r.workspaceId')
              .whereRef('a.responseId', '=', 'r.id')
              .where('a.questionKey', '=', questionKey)
              .where('a.valueNum', '>=', min)
              .where('a.valueNum', '<=', max),
          ),
        );
      }
      const rows = await q
        .orderBy('r.submittedAt', 'desc')
        .orderBy('r.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toResponse);
    },
    async attributeCounts(workspaceId) {
      // The index response_attributes_value (workspace, key, value, response) answers this alone.
      const rows = await db
        .selectFrom('responseAttributes')
        .select(['key', 'value', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspaceId', '=', workspaceId)
        .groupBy(['key', 'value'])
        .orderBy('key')
        .orderBy('value')
        .execute();
      return rows.map((r) => ({ key: r.key, value: r.value, count: Number(r.n) }));
    },
    async countBySurvey(workspaceId) {
      const rows = await db
        .selectFrom('responses')
        .select(['surveyId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspaceId', '=', workspaceId)
        .where('status', '=', 'complete')
        .groupBy('surveyId')
        .execute();
      return new Map(rows.map((r) => [r.surveyId, Number(r.n)]));
    },
  };
}
