import type { MetricFilters } from '@polku/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The answers an analysis or metric counts (the same shape as core's AnswerScope). */
export interface AnswerScope {
  surveyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  filters?: MetricFilters | undefined;
  /** Count test responses instead of real ones (only to say how many a figure leaves out). */
  testResponses?: boolean | undefined;
}

/**
 * The one place the metric filters become SQL: answer rows `a` of complete, real (not test)
 * responses `r` in the workspace, on local days from…to, narrowed by every filter condition
 * (AND between conditions, OR inside one). A `null` touchpoint id stands for answers given at no
 * touchpoint. A customer attribute condition is an EXISTS against `response_attributes`
 * (workspace_id, response_id, key, value), so responses never multiply.
 * Callers add their own WHERE, SELECT and GROUP BY.
 * @example scopedAnswers(db, ws, { surveyId, filters: { channels: ['email'] } }).select(…)
 */
export function scopedAnswers(db: Kysely<Database>, workspaceId: string, scope: AnswerScope) {
  let q = db
    .selectFrom('answers as a')
    .innerJoin('responses as r', (j) =>
      j.onRef('r.workspaceId', '=', 'a.workspaceId').onRef('r.id', '=', 'a.responseId'),
    )
    .where('a.workspaceId', '=', workspaceId)
    .where('r.status', '=', 'complete')
    // Test responses (migration 0013) are in no figure.
    .where('r.isTest', '=', scope.testResponses ? 1 : 0);
  if (scope.surveyId !== undefined) q = q.where('a.surveyId', '=', scope.surveyId);
  if (scope.from !== undefined) q = q.where('a.day', '>=', scope.from);
  if (scope.to !== undefined) q = q.where('a.day', '<=', scope.to);
  const f = scope.filters ?? {};
  if (f.surveyIds) q = q.where('a.surveyId', 'in', f.surveyIds);
  if (f.touchpointIds) {
    const ids = f.touchpointIds.filter((id): id is string => id !== null);
    const none = f.touchpointIds.includes(null);
    q = q.where((eb) =>
      eb.or([
        ...(ids.length ? [eb('a.touchpointId', 'in', ids)] : []),
        ...(none ? [eb('a.touchpointId', 'is', null)] : []),
      ]),
    );
  }
  if (f.channels) q = q.where('a.channel', 'in', f.channels);
  if (f.languages) q = q.where('a.language', 'in', f.languages);
  for (const attribute of f.attributes ?? [])
    q = q.where((eb) =>
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
  return q;
}
