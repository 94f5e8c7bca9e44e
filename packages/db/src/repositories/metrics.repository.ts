import type { CountQuery, CountRow, MetricsRepository, SqlBucketBy } from '@polku/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { scopedAnswers } from './answer-scope.js';

/**
 * The bucket of a row from its local `day` column (YYYY-MM-DD), with functions both SQLite
 * and PostgreSQL have. ISO weeks are not computed here: core folds days into weeks.
 */
function bucketExpression(dayColumn: string, by: SqlBucketBy): RawBuilder<string> {
  const day = sql.ref(dayColumn);
  switch (by) {
    case 'day':
      return sql<string>`${day}`;
    case 'month':
      return sql<string>`substr(${day}, 1, 7)`;
    case 'year':
      return sql<string>`substr(${day}, 1, 4)`;
    case 'quarter':
      return sql<string>`substr(${day}, 1, 4) || '-Q' || case
        when substr(${day}, 6, 2) in ('01', '02', '03') then '1'
        when substr(${day}, 6, 2) in ('04', '05', '06') then '2'
        when substr(${day}, 6, 2) in ('07', '08', '09') then '3'
        else '4' end`;
    case 'all':
      return sql<string>`'all'`;
  }
}

/** Whether the day-level rollup holds every dimension the query filters or breaks down by. */
function rollupAnswers(q: CountQuery): boolean {
  return !q.filters.attributes?.length && q.breakdown?.by !== 'attribute';
}

/**
 * The coarsest rollup grain that holds the query's dimensions (migration 0006): 0 none,
 * 1 touchpoint, 2 touchpoint + channel + language. Surveys are in every grain.
 */
function grainOf(q: CountQuery): 0 | 1 | 2 {
  const by = q.breakdown?.by;
  if (q.filters.channels || q.filters.languages || by === 'channel' || by === 'language') return 2;
  if (q.filters.touchpointIds || by === 'touchpoint') return 1;
  return 0;
}

/** `(survey, question, item) in (…)`, as ORs both dialects plan onto the leading index columns. */
function questionCondition(
  alias: 'a' | 'c',
  q: Pick<CountQuery, 'questions'>,
  grain?: 0 | 1 | 2,
): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  // In the rollup the grain follows the item, so each term is one range of the primary key.
  const atGrain = grain === undefined ? sql`` : sql` and ${ref('grain')} = ${grain}`;
  return sql<boolean>`(${sql.join(
    q.questions.map(
      (x) =>
        sql`(${ref('survey_id')} = ${x.surveyId} and ${ref('question_key')} = ${x.questionKey} and ${ref('item')} = ${x.item}${atGrain})`,
    ),
    sql` or `,
  )})`;
}

/**
 * What a histogram query selects and groups by: the breakdown value (if any), the question
 * (only when several are counted: one question is a constant, and grouping by constants
 * costs time on millions of rows), the bucket and the value.
 */
function histogramColumns(
  alias: 'a' | 'c',
  q: CountQuery,
  groupColumn: RawBuilder<unknown> | null,
) {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  const bucket = bucketExpression(`${alias}.day`, q.bucket);
  const value = ref('value_num');
  const question =
    q.questions.length > 1 ? [ref('survey_id'), ref('question_key'), ref('item')] : [];
  const select = [
    ...(groupColumn ? [sql<string | null>`${groupColumn}`.as('group')] : []),
    ...(question.length
      ? [
          sql<string>`${question[0]}`.as('surveyId'),
          sql<string>`${question[1]}`.as('questionKey'),
          sql<string>`${question[2]}`.as('item'),
        ]
      : []),
    bucket.as('bucket'),
    sql<number>`${value}`.as('value'),
  ];
  // PostgreSQL refuses a constant in GROUP BY: the one bucket of `all` is selected, not grouped.
  const groupBy = [
    ...(groupColumn ? [groupColumn] : []),
    ...question,
    ...(q.bucket === 'all' ? [] : [bucket]),
    value,
  ];
  return { select, groupBy };
}

/** A result row as core's CountRow; `noGroup` is how the source writes a missing value. */
function toCountRow(
  q: CountQuery,
  r: {
    group?: string | number | null;
    surveyId?: string;
    questionKey?: string;
    item?: string;
    bucket: string | number;
    value: string | number;
    count: string | number;
  },
  noGroup: string | null = null,
): CountRow {
  const only = q.questions.length === 1 ? q.questions[0] : undefined;
  return {
    group:
      r.group === undefined || r.group === null || r.group === noGroup ? null : String(r.group),
    surveyId: only ? only.surveyId : String(r.surveyId),
    questionKey: only ? only.questionKey : String(r.questionKey),
    item: only ? only.item : String(r.item),
    bucket: String(r.bucket),
    value: Number(r.value),
    count: Number(r.count),
  };
}

/**
 * Histograms of answered values: `SELECT group, survey, question, item, bucket, value,
 * COUNT(*) … GROUP BY` — from the day-level rollup `answer_day_counts` when it holds every
 * dimension asked for, otherwise from the answer table joined to complete responses (and to
 * the response attributes the filters or the breakdown name). Both sources count the same
 * thing: answers with a value, of complete responses.
 */
/** Test responses counted per query, well under both dialects' bound-parameter limits. */
const TEST_SLICE = 500;

export function createMetricsRepository(db: Kysely<Database>): MetricsRepository {
  async function fromRollup(workspaceId: string, q: CountQuery): Promise<CountRow[]> {
    const f = q.filters;
    const groupColumn =
      q.breakdown?.by === 'survey'
        ? sql.ref('c.survey_id')
        : q.breakdown?.by === 'touchpoint'
          ? sql.ref('c.touchpoint_key')
          : q.breakdown?.by === 'channel'
            ? sql.ref('c.channel')
            : q.breakdown?.by === 'language'
              ? sql.ref('c.language')
              : null;
    const { select, groupBy } = histogramColumns('c', q, groupColumn);
    let query = db
      .selectFrom('answerDayCounts as c')
      .select([...select, (eb) => eb.fn.sum<number>('c.count').as('count')])
      .where('c.workspaceId', '=', workspaceId)
      .where(questionCondition('c', q, grainOf(q)));
    if (q.from) query = query.where('c.day', '>=', q.from);
    if (q.to) query = query.where('c.day', '<=', q.to);
    if (f.touchpointIds) {
      const keys = f.touchpointIds.map((t) => t ?? '');
      query = query.where('c.touchpointKey', 'in', keys);
    }
    if (f.channels) query = query.where('c.channel', 'in', f.channels);
    if (f.languages) query = query.where('c.language', 'in', f.languages);
    if (f.surveyIds) query = query.where('c.surveyId', 'in', f.surveyIds);
    const rows = await query
      .groupBy(groupBy)
      .having((eb) => eb.fn.sum('c.count'), '>', 0)
      .execute();
    // The rollup stores "no touchpoint" as ''.
    return rows.map((r) => toCountRow(q, r, ''));
  }

  async function fromAnswers(workspaceId: string, q: CountQuery): Promise<CountRow[]> {
    const f = q.filters;
    const breakdownKey = q.breakdown?.by === 'attribute' ? q.breakdown.key : undefined;
    const groupColumn =
      q.breakdown?.by === 'survey'
        ? sql.ref('a.survey_id')
        : q.breakdown?.by === 'touchpoint'
          ? sql.ref('a.touchpoint_id')
          : q.breakdown?.by === 'channel'
            ? sql.ref('a.channel')
            : q.breakdown?.by === 'language'
              ? sql.ref('a.language')
              : breakdownKey !== undefined
                ? sql.ref('g.value')
                : null;
    const { select, groupBy } = histogramColumns('a', q, groupColumn);
    // The filters (period, survey, touchpoint, channel, language, attributes) and the
    // complete-responses rule come from the one shared helper.
    const query = scopedAnswers(db, workspaceId, { from: q.from, to: q.to, filters: f })
      .$if(breakdownKey !== undefined, (qb) =>
        qb.leftJoin('responseAttributes as g', (j) =>
          j
            .onRef('g.workspaceId', '=', 'a.workspaceId')
            .onRef('g.responseId', '=', 'a.responseId')
            .on('g.key', '=', breakdownKey!),
        ),
      )
      .select([...select, (eb) => eb.fn.countAll<number>().as('count')])
      .where(questionCondition('a', q))
      .where('a.valueNum', 'is not', null);
    const rows = await query.groupBy(groupBy).execute();
    return rows.map((r) => toCountRow(q, r));
  }

  return {
    async counts(workspaceId, q) {
      if (q.questions.length === 0) return { source: 'rollup', rows: [] };
      return rollupAnswers(q)
        ? { source: 'rollup', rows: await fromRollup(workspaceId, q) }
        : { source: 'answers', rows: await fromAnswers(workspaceId, q) };
    },
    async testResponses(workspaceId, q) {
      if (q.questions.length === 0) return 0;
      // The workspace's test responses first, through their partial index (0015): usually
      // none, and then the answer table is never read. Else their answers are counted in
      // slices, each response in one slice, so the sum is exact.
      const tests = await db
        .selectFrom('responses')
        .select('id')
        .where('workspaceId', '=', workspaceId)
        .where(sql.ref('is_test'), '=', sql.lit(1))
        .where('status', '=', 'complete')
        .execute();
      let count = 0;
      for (let i = 0; i < tests.length; i += TEST_SLICE) {
        const ids = tests.slice(i, i + TEST_SLICE).map((r) => r.id);
        const row = await scopedAnswers(db, workspaceId, {
          from: q.from,
          to: q.to,
          filters: q.filters,
          testResponses: true,
        })
          .select((eb) => eb.fn.count<number | string>('a.responseId').distinct().as('n'))
          .where('a.responseId', 'in', ids)
          .where(questionCondition('a', q))
          .where('a.valueNum', 'is not', null)
          .executeTakeFirst();
        count += Number(row?.n ?? 0);
      }
      return count;
    },
  };
}
