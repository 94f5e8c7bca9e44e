import type { MetricService } from '@polku/core';
import type { RouteHandlers } from '../http/route-table.js';

/** Metrics over the API: thin calls into core's MetricService. */
export function metricsHandlers({
  metrics,
}: {
  metrics: MetricService;
}): Pick<RouteHandlers, 'getQuestionMetric' | 'queryMetric'> {
  return {
    getQuestionMetric: ({ auth, query }) =>
      metrics.questionMetric(auth, {
        surveyId: query.surveyId,
        questionKey: query.question,
        by: query.by,
        from: query.from,
        to: query.to,
        interval: query.interval,
      }),
    queryMetric: ({ auth, body }) => metrics.query(auth, body),
  };
}
