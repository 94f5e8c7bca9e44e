import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { scopedAnswers, type AnswerScope } from './answer-scope.js';

// The same shapes as core's AnalysisRepository (packages/core/src/analyses/ports.ts).
interface AnswerVariable {
  questionKey: string;
  item: string;
}
interface InvitationCountQuery {
  surveyIds?: string[] | undefined;
  languages?: string[] | undefined;
  sentFrom?: number | undefined;
  sentBefore?: number | undefined;
  boundaries: number[];
}

const num = (v: unknown): number => Number(v);

/** `max(case when question = k and item = i then value_num end)`: one variable of a pivot. */
function pivotValue(v: AnswerVariable): RawBuilder<number | null> {
  return sql<number | null>`max(case when ${sql.ref('a.questionKey')} = ${v.questionKey}
    and ${sql.ref('a.item')} = ${v.item} then ${sql.ref('a.valueNum')} end)`;
}

/** `(question = k and item = i) or …`: only the answer rows the pivot needs. */
function anyVariable(variables: readonly AnswerVariable[]): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(
    variables.map(
      (v) =>
        sql`(${sql.ref('a.questionKey')} = ${v.questionKey} and ${sql.ref('a.item')} = ${v.item})`,
    ),
    sql` or `,
  )})`;
}

/**
 * Counts for the analyses. Each query first pivots answer rows per response (GROUP BY
 * response, one MAX(CASE…) per variable), then counts the combinations of values or, for the
 * correlations, sums them; memory and result size are bounded by the distinct combinations
 * or by the number of variables, never by the number of responses.
 */
export function createAnalysisRepository(db: Kysely<Database>) {
  return {
    async crossProducts(workspaceId: string, scope: AnswerScope, variables: AnswerVariable[]) {
      const names = variables.map((_, i) => `v${i}`);
      const perResponse = scopedAnswers(db, workspaceId, scope)
        .where('a.valueNum', 'is not', null)
        .where(anyVariable(variables))
        .select(variables.map((v, i) => pivotValue(v).as(names[i]!)))
        .groupBy('a.responseId');
      const columns = names.map((n) => sql.ref(`p.${n}`));
      // One row whatever the number of responses: n, Σxᵢ, and Σxᵢxⱼ for i ≤ j (the matrix is
      // symmetric). A numeric question's answers are mostly distinct, so a joint histogram of
      // them would be as long as the answers; these sums are k + k(k + 1)/2 numbers.
      // Aliases without underscores: the CamelCasePlugin would rename `x0_1` in the result.
      const pairs = columns.flatMap((_, i) => columns.slice(i).map((__, d) => [i, i + d] as const));
      const row = (await db
        .selectFrom(perResponse.as('p'))
        .select([
          sql<number>`count(*)`.as('n'),
          ...columns.map((c, i) => sql<number | null>`sum(${c})`.as(`s${i}`)),
          ...pairs.map(([i, j]) =>
            sql<number | null>`sum(${columns[i]!} * ${columns[j]!})`.as(`x${i}with${j}`),
          ),
        ])
        .where(
          sql<boolean>`${sql.join(
            columns.map((c) => sql`${c} is not null`),
            sql` and `,
          )}`,
        )
        .executeTakeFirstOrThrow()) as Record<string, unknown>;
      const crossProducts = names.map(() => new Array<number>(names.length).fill(0));
      for (const [i, j] of pairs)
        crossProducts[i]![j] = crossProducts[j]![i] = num(row[`x${i}with${j}`] ?? 0);
      return {
        n: num(row.n),
        sums: names.map((_, i) => num(row[`s${i}`] ?? 0)),
        crossProducts,
      };
    },

    async itemPairCounts(
      workspaceId: string,
      scope: AnswerScope,
      questionKeys: string[],
      items: readonly [string, string],
    ) {
      if (!questionKeys.length) return [];
      const perAnswer = scopedAnswers(db, workspaceId, scope)
        .where('a.questionKey', 'in', questionKeys)
        .where('a.item', 'in', [...items])
        .where('a.valueNum', 'is not', null)
        .select([
          'a.questionKey as questionKey',
          sql<
            number | null
          >`max(case when ${sql.ref('a.item')} = ${items[0]} then ${sql.ref('a.valueNum')} end)`.as(
            'first',
          ),
          sql<
            number | null
          >`max(case when ${sql.ref('a.item')} = ${items[1]} then ${sql.ref('a.valueNum')} end)`.as(
            'second',
          ),
        ])
        .groupBy(['a.responseId', 'a.questionKey']);
      const rows = await db
        .selectFrom(perAnswer.as('p'))
        .select(['p.questionKey', 'p.first', 'p.second', sql<number>`count(*)`.as('n')])
        .where('p.first', 'is not', null)
        .where('p.second', 'is not', null)
        .groupBy(['p.questionKey', 'p.first', 'p.second'])
        .execute();
      return rows.map((r) => ({
        questionKey: r.questionKey,
        first: num(r.first),
        second: num(r.second),
        count: num(r.n),
      }));
    },

    async histograms(workspaceId: string, scope: AnswerScope, variables: AnswerVariable[]) {
      if (!variables.length) return [];
      const rows = await scopedAnswers(db, workspaceId, scope)
        .where('a.valueNum', 'is not', null)
        .where(anyVariable(variables))
        .select(['a.questionKey', 'a.item', 'a.valueNum', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['a.questionKey', 'a.item', 'a.valueNum'])
        .execute();
      return rows.map((r) => ({
        questionKey: r.questionKey,
        item: r.item,
        value: num(r.valueNum),
        count: num(r.n),
      }));
    },

    async emotionCounts(workspaceId: string, scope: AnswerScope, questionKey: string) {
      const base = () =>
        scopedAnswers(db, workspaceId, scope).where('a.questionKey', '=', questionKey);
      const [rows, respondents] = await Promise.all([
        base()
          .select([
            'a.item',
            (eb) => eb.fn.countAll().as('n'),
            (eb) => eb.fn.sum('a.valueNum').as('intensitySum'),
            (eb) => eb.fn.count('a.valueNum').as('intensityN'),
          ])
          .groupBy('a.item')
          .execute(),
        base()
          .select((eb) => eb.fn.count('a.responseId').distinct().as('n'))
          .executeTakeFirst(),
      ]);
      return {
        respondents: num(respondents?.n ?? 0),
        rows: rows.map((r) => ({
          emotion: r.item,
          count: num(r.n),
          intensitySum: num(r.intensitySum ?? 0),
          intensityN: num(r.intensityN),
        })),
      };
    },

    async invitationSentRange(workspaceId: string, q: Omit<InvitationCountQuery, 'boundaries'>) {
      const row = await sentInvitations(db, workspaceId, q)
        .select([
          (eb) => eb.fn.min('i.sentAt').as('first'),
          (eb) => eb.fn.max('i.sentAt').as('last'),
        ])
        .executeTakeFirst();
      if (!row || row.first === null || row.last === null) return null;
      return { first: num(row.first), last: num(row.last) };
    },

    async invitationCounts(workspaceId: string, q: InvitationCountQuery) {
      const bucket = q.boundaries.length
        ? sql<number>`case ${sql.join(
            q.boundaries.map((b, i) => sql`when ${sql.ref('i.sentAt')} < ${b} then ${sql.lit(i)}`),
            sql` `,
          )} else ${sql.lit(q.boundaries.length)} end`
        : sql<number>`0`;
      const rows = await sentInvitations(db, workspaceId, q)
        .leftJoin('responses as r', (j) =>
          j
            .onRef('r.workspaceId', '=', 'i.workspaceId')
            .onRef('r.id', '=', 'i.responseId')
            .on('r.status', '=', 'complete'),
        )
        .select([
          'i.surveyId',
          bucket.as('bucket'),
          sql<number>`count(*)`.as('sent'),
          sql<number>`sum(case when ${sql.ref('r.id')} is not null then 1 else 0 end)`.as(
            'responded',
          ),
        ])
        .groupBy([sql`1`, sql`2`])
        .execute();
      return rows.map((r) => ({
        surveyId: r.surveyId,
        bucket: num(r.bucket),
        sent: num(r.sent),
        responded: num(r.responded),
      }));
    },
  };
}

/** Invitations that were sent (a mail was handed to the outbox), narrowed by the query. */
function sentInvitations(
  db: Kysely<Database>,
  workspaceId: string,
  q: Omit<InvitationCountQuery, 'boundaries'>,
) {
  let query = db
    .selectFrom('surveyInvitations as i')
    .where('i.workspaceId', '=', workspaceId)
    .where('i.sentAt', 'is not', null);
  if (q.surveyIds) query = query.where('i.surveyId', 'in', q.surveyIds);
  if (q.languages) query = query.where('i.language', 'in', q.languages);
  if (q.sentFrom !== undefined) query = query.where('i.sentAt', '>=', q.sentFrom);
  if (q.sentBefore !== undefined) query = query.where('i.sentAt', '<', q.sentBefore);
  return query;
}

export type AnalysisRepositoryImpl = ReturnType<typeof createAnalysisRepository>;
