import { DomainError, type MetricQueryPort, type MetricService } from '@polku/core';

/**
 * TEMPORARY, until MetricService.query lands: answers single-question metric specs
 * (nps, csat, ces, rating, goal with surveyId + question) through questionMetric. Touchpoint
 * scopes and cross-survey metrics are refused.
 */
export function interimMetricQuery(metrics: MetricService): MetricQueryPort {
  return {
    async query(ctx, q) {
      const m = q.metric;
      if (!m.surveyId || !m.question || m.kind === 'enps' || m.kind === 'cx_index')
        throw new DomainError('VALIDATION_FAILED', 'not supported before the metric query lands');
      if (q.filters?.touchpointIds)
        throw new DomainError('VALIDATION_FAILED', 'no touchpoints yet');
      const r = await metrics.questionMetric(ctx, {
        surveyId: m.surveyId,
        questionKey: m.question,
        by: 'all',
        from: q.from,
        to: q.to,
      });
      if (r.questionType !== m.kind)
        throw new DomainError('VALIDATION_FAILED', `the question is a ${r.questionType} question`);
      const total = r.buckets[0]!;
      return {
        metric: m,
        scoreName: r.scoreName,
        scale: r.scale,
        by: 'all',
        from: r.from,
        to: r.to,
        questions: [{ surveyId: m.surveyId, questionKey: m.question }],
        source: 'answers',
        groups: [{ key: null, label: null, buckets: [total], total }],
      };
    },
  };
}
