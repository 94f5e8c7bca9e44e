import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

// The same shapes as core's EventRepository (packages/core/src/events/ports.ts).
interface CustomerEventRecord {
  workspaceId: string;
  id: string;
  customerRef: string;
  type: string;
  touchpointId: string | null;
  occurredAt: number;
  day: string;
  value: number | null;
  createdAt: number;
}
interface EventFilter {
  customerRef?: string | undefined;
  type?: string | undefined;
  fromDay?: string | undefined;
  toDay?: string | undefined;
}
interface FlowScope {
  fromDay?: string | undefined;
  toDay?: string | undefined;
  eventTypes?: string[] | undefined;
  includeResponses: boolean;
  outcome?: { questions: { surveyId: string; questionKey: string }[]; min: number; max: number };
  maxSteps: number;
}

/** Rows per INSERT: 9 parameters each stays far below either dialect's limit. */
const INSERT_CHUNK = 500;

const num = (v: unknown): number => Number(v);
const toRecord = (r: CustomerEventRecord): CustomerEventRecord => ({
  ...r,
  occurredAt: num(r.occurredAt),
  createdAt: num(r.createdAt),
  value: r.value === null ? null : num(r.value),
});

/** `and <column> >= from and <column> <= to` for the days given. */
function dayRange(column: string, from?: string, to?: string): RawBuilder<unknown> {
  return sql`${from === undefined ? sql`` : sql` and ${sql.raw(column)} >= ${from}`}${
    to === undefined ? sql`` : sql` and ${sql.raw(column)} <= ${to}`
  }`;
}

/**
 * The sequence a response belongs to: the customer named by its `customer_ref` attribute, or
 * (without one) the response alone. `ck` keeps the two kinds apart, so a response id can never
 * collide with a customer reference.
 */
const responseCk = sql`case when x.value is null then 'r' else 'c' end`;
const responseCref = sql`coalesce(x.value, r.id)`;
const customerRefAttribute = sql`left join response_attributes x
  on x.workspace_id = r.workspace_id and x.response_id = r.id and x.key = 'customer_ref'`;

export function createEventRepository(db: Kysely<Database>) {
  return {
    async insertMany(events: CustomerEventRecord[]): Promise<string[]> {
      const inserted: string[] = [];
      for (let i = 0; i < events.length; i += INSERT_CHUNK) {
        const rows = await db
          .insertInto('customerEvents')
          .values(events.slice(i, i + INSERT_CHUNK))
          .onConflict((oc) => oc.columns(['workspaceId', 'id']).doNothing())
          .returning('id')
          .execute();
        for (const r of rows) inserted.push(r.id);
      }
      return inserted;
    },

    async findByIds(workspaceId: string, ids: string[]): Promise<CustomerEventRecord[]> {
      const out: CustomerEventRecord[] = [];
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
        const rows = await db
          .selectFrom('customerEvents')
          .selectAll()
          .where('workspaceId', '=', workspaceId)
          .where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
          .execute();
        out.push(...rows.map(toRecord));
      }
      return out;
    },

    async list(
      workspaceId: string,
      filter: EventFilter,
      limit: number,
      before?: string,
    ): Promise<CustomerEventRecord[]> {
      let q = db.selectFrom('customerEvents').selectAll().where('workspaceId', '=', workspaceId);
      if (filter.customerRef !== undefined) q = q.where('customerRef', '=', filter.customerRef);
      if (filter.type !== undefined) q = q.where('type', '=', filter.type);
      if (filter.fromDay !== undefined) q = q.where('day', '>=', filter.fromDay);
      if (filter.toDay !== undefined) q = q.where('day', '<=', filter.toDay);
      if (before !== undefined) {
        const cursor = await db
          .selectFrom('customerEvents')
          .select(['occurredAt', 'id'])
          .where('workspaceId', '=', workspaceId)
          .where('id', '=', before)
          .executeTakeFirst();
        if (cursor)
          q = q.where((eb) =>
            eb.or([
              eb('occurredAt', '<', cursor.occurredAt),
              eb.and([eb('occurredAt', '=', cursor.occurredAt), eb('id', '<', cursor.id)]),
            ]),
          );
      }
      const rows = await q
        .orderBy('occurredAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },

    /**
     * One query: every touch (an event, or a complete response, at a touchpoint) in the period
     * is numbered within its sequence by window functions (LAG for the previous touchpoint, LEAD
     * to know the last touch, ROW_NUMBER for the step), then grouped by step, previous and
     * current touchpoint. Memory and result size are bounded by steps × touchpoints², never by
     * the number of events.
     */
    async flowCounts(workspaceId: string, scope: FlowScope) {
      const outcome = scope.outcome;
      if (outcome && outcome.questions.length === 0) return [];
      const events = sql`select 'c' as ck, e.customer_ref as cref, e.touchpoint_id as tp,
          e.occurred_at as at, e.id as sid
        from customer_events e
        where e.workspace_id = ${workspaceId} and e.touchpoint_id is not null${dayRange(
          'e.day',
          scope.fromDay,
          scope.toDay,
        )}${scope.eventTypes ? sql` and e.type in (${sql.join(scope.eventTypes)})` : sql``}`;
      const responses = sql`select ${responseCk} as ck, ${responseCref} as cref,
          r.touchpoint_id as tp, r.submitted_at as at, r.id as sid
        from responses r ${customerRefAttribute}
        where r.workspace_id = ${workspaceId} and r.status = 'complete'
          and r.touchpoint_id is not null${dayRange('r.day', scope.fromDay, scope.toDay)}`;
      const steps = scope.includeResponses ? sql`${events} union all ${responses}` : events;
      // Each sequence's latest answer to the outcome questions in the period, kept when it
      // falls in the band.
      const outcomes = outcome
        ? sql`select o.ck, o.cref from (
            select p.ck, p.cref, p.v, row_number() over (
              partition by p.ck, p.cref order by p.at desc, p.rid desc) as rn
            from (
              select ${responseCk} as ck, ${responseCref} as cref, a.value_num as v,
                r.submitted_at as at, r.id as rid
              from answers a
              join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id
              ${customerRefAttribute}
              where a.workspace_id = ${workspaceId} and r.status = 'complete'
                and a.value_num is not null${dayRange('a.day', scope.fromDay, scope.toDay)}
                and (${sql.join(
                  outcome.questions.map(
                    (q) => sql`(a.survey_id = ${q.surveyId} and a.question_key = ${q.questionKey})`,
                  ),
                  sql` or `,
                )})
            ) p
          ) o
          where o.rn = 1 and o.v >= ${outcome.min} and o.v <= ${outcome.max}`
        : null;
      const cap = sql.lit(Math.trunc(scope.maxSteps) + 1);
      const result = await sql<{
        step: number | string;
        fromTp: string | null;
        toTp: string;
        n: number | string;
        ends: number | string;
      }>`with steps as (${steps}),
        ordered as (
          select s.tp,
            lag(s.tp) over w as prev,
            lead(s.tp) over w as nxt,
            row_number() over w as step
          from steps s
          ${outcomes ? sql`join (${outcomes}) oc on oc.ck = s.ck and oc.cref = s.cref` : sql``}
          window w as (partition by s.ck, s.cref order by s.at, s.sid)
        )
        select case when step > ${cap} then ${cap} else step end as step,
          prev as from_tp, tp as to_tp, count(*) as n,
          sum(case when nxt is null then 1 else 0 end) as ends
        from ordered
        group by 1, 2, 3`.execute(db);
      return result.rows.map((r) => ({
        step: num(r.step),
        from: r.fromTp,
        to: r.toTp,
        count: num(r.n),
        ends: num(r.ends),
      }));
    },
  };
}
