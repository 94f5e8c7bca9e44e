import type { CountQuery, CountRow, MetricsRepository, SqlBucketBy } from '@polku/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

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
  q: CountQuery,
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
 * Histograms of answered values: `SELECT group, survey, question, item, bucket, value,
 * COUNT(*) … GROUP BY` — from the day-level rollup `answer_day_counts` when it holds every
 * dimension asked for, otherwise from the answer table joined to complete responses (and to
 * the response attributes the filters or the breakdown name). Both sources count the same
 * thing: answers with a value, of complete responses.
 */
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
              : sql`null`;
    let query = db
      .selectFrom('answerDayCounts as c')
      .select([
        sql<string | null>`${groupColumn}`.as('group'),
        'c.surveyId',
        'c.questionKey',
        'c.item',
        bucketExpression('c.day', q.bucket).as('bucket'),
        'c.valueNum as value',
        (eb) => eb.fn.sum<number>('c.count').as('count'),
      ])
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
      .groupBy([sql`1`, sql`2`, sql`3`, sql`4`, sql`5`, sql`6`])
      .having((eb) => eb.fn.sum('c.count'), '>', 0)
      .execute();
    return rows.map((r) => ({
      // The rollup stores "no touchpoint" as ''.
      group: r.group === null || r.group === '' ? null : String(r.group),
      surveyId: r.surveyId,
      questionKey: r.questionKey,
      item: r.item,
      bucket: String(r.bucket),
      value: Number(r.value),
      count: Number(r.count),
    }));
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
                : sql`null`;
    let query = db
      .selectFrom('answers as a')
      .innerJoin('responses as r', (j) =>
        j.onRef('r.workspaceId', '=', 'a.workspaceId').onRef('r.id', '=', 'a.responseId'),
      )
      .$if(breakdownKey !== undefined, (qb) =>
        qb.leftJoin('responseAttributes as g', (j) =>
          j
            .onRef('g.workspaceId', '=', 'a.workspaceId')
            .onRef('g.responseId', '=', 'a.responseId')
            .on('g.key', '=', breakdownKey!),
        ),
      )
      .select([
        sql<string | null>`${groupColumn}`.as('group'),
        'a.surveyId',
        'a.questionKey',
        'a.item',
        bucketExpression('a.day', q.bucket).as('bucket'),
        'a.valueNum as value',
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .where('a.workspaceId', '=', workspaceId)
      .where(questionCondition('a', q))
      .where('a.valueNum', 'is not', null)
      .where('r.status', '=', 'complete');
    if (q.from) query = query.where('a.day', '>=', q.from);
    if (q.to) query = query.where('a.day', '<=', q.to);
    if (f.touchpointIds) {
      const ids = f.touchpointIds.filter((t): t is string => t !== null);
      const none = f.touchpointIds.includes(null);
      query = query.where((eb) =>
        eb.or([
          ...(ids.length ? [eb('a.touchpointId', 'in', ids)] : []),
          ...(none ? [eb('a.touchpointId', 'is', null)] : []),
        ]),
      );
    }
    if (f.channels) query = query.where('a.channel', 'in', f.channels);
    if (f.languages) query = query.where('a.language', 'in', f.languages);
    if (f.surveyIds) query = query.where('a.surveyId', 'in', f.surveyIds);
    for (const attribute of f.attributes ?? [])
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('responseAttributes as x')
            .select('x.responseId')
            .whereRef('x.workspaceId', '=', 'a.workspaceId')
            .whereRef('x.responseId', '=', 'a.responseId')
            .where('x.key', '=', attribute.key)
            .where('x.value', 'in', attribute.values),
        ),
      );
    const rows = await query.groupBy([sql`1`, sql`2`, sql`3`, sql`4`, sql`5`, sql`6`]).execute();
    return rows.map((r) => ({
      group: r.group === null ? null : String(r.group),
      surveyId: r.surveyId,
      questionKey: r.questionKey,
      item: r.item,
      bucket: String(r.bucket),
      value: Number(r.value),
      count: Number(r.count),
    }));
  }

  return {
    async counts(workspaceId, q) {
      if (q.questions.length === 0) return { source: 'rollup', rows: [] };
      return rollupAnswers(q)
        ? { source: 'rollup', rows: await fromRollup(workspaceId, q) }
        : { source: 'answers', rows: await fromAnswers(workspaceId, q) };
    },
  };
}
