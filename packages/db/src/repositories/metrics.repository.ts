import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

// The same shapes as core's MetricsRepository (packages/core/src/metrics/metric.service.ts).
type SqlBucketBy = 'day' | 'month' | 'quarter' | 'year' | 'all';

interface HistogramQuery {
  surveyId: string;
  questionKey: string;
  item?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  bucket: SqlBucketBy;
}

interface HistogramRow {
  bucket: string;
  value: number;
  count: number;
}

/**
 * The bucket of an answer, from its local `day` string (YYYY-MM-DD), with functions both
 * SQLite and PostgreSQL have. ISO weeks are not computed here: core folds days into weeks.
 */
function bucketExpression(by: SqlBucketBy): RawBuilder<string> {
  const day = sql.ref('a.day');
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

/**
 * Histograms of one question's answers: `SELECT bucket, value_num, COUNT(*) … GROUP BY 1, 2`
 * over the answers_metric index. Only complete responses count (partial ones are progress,
 * not an answer given); skipped answers (no row, or value_num NULL) are in no group.
 */
export function createMetricsRepository(db: Kysely<Database>) {
  return {
    async histogram(workspaceId: string, q: HistogramQuery): Promise<HistogramRow[]> {
      let query = db
        .selectFrom('answers as a')
        .innerJoin('responses as r', (j) =>
          j.onRef('r.workspaceId', '=', 'a.workspaceId').onRef('r.id', '=', 'a.responseId'),
        )
        .select([
          bucketExpression(q.bucket).as('bucket'),
          'a.valueNum as value',
          (eb) => eb.fn.countAll().as('count'),
        ])
        .where('a.workspaceId', '=', workspaceId)
        .where('a.surveyId', '=', q.surveyId)
        .where('a.questionKey', '=', q.questionKey)
        .where('a.item', '=', q.item ?? '')
        .where('a.valueNum', 'is not', null)
        .where('r.status', '=', 'complete');
      if (q.from) query = query.where('a.day', '>=', q.from);
      if (q.to) query = query.where('a.day', '<=', q.to);
      const rows = await query
        .groupBy([sql`1`, sql`2`])
        .orderBy(sql`1`)
        .orderBy(sql`2`)
        .execute();
      return rows.map((r) => ({
        bucket: String(r.bucket),
        value: Number(r.value),
        count: Number(r.count),
      }));
    },
  };
}

export type MetricsRepositoryImpl = ReturnType<typeof createMetricsRepository>;
