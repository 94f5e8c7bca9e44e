import type { MetricSpec, TargetScope } from '@polku/contracts';
import { chartBucketFor, type DayRange } from './periods.js';

/**
 * The analytics explorer's chart of a target's metric, scope and period. The explorer keeps its
 * state in the URL's search parameters: `kind`, `survey`, `question` (the CX index's three
 * questions comma-separated), `interval` and `weights` where the metric chose them, `by`,
 * `from`, `to`, `touchpoint`.
 * @example chartUrl('https://polku.example', 'W', { kind: 'nps' }, { kind: 'workspace' }, { from: '2026-05-01', to: '2026-05-31' })
 * // 'https://polku.example/w/W/analytics?kind=nps&by=day&from=2026-05-01&to=2026-05-31'
 */
export function chartUrl(
  publicUrl: string,
  workspaceId: string,
  metric: MetricSpec,
  scope: TargetScope,
  period: DayRange,
): string {
  const params = new URLSearchParams({ kind: metric.kind });
  const survey = metric.surveyId ?? (scope.kind === 'survey' ? scope.id : undefined);
  if (survey) params.set('survey', survey);
  if (metric.question) params.set('question', metric.question);
  if (metric.questions) params.set('question', metric.questions.join(','));
  // The chart shows the figure the alert judged: the same interval method and weights.
  if (metric.interval) params.set('interval', metric.interval);
  if (metric.weights) params.set('weights', metric.weights.join(','));
  params.set('by', chartBucketFor(period));
  params.set('from', period.from);
  params.set('to', period.to);
  if (scope.kind === 'touchpoint') params.set('touchpoint', scope.id);
  return `${publicUrl}/w/${encodeURIComponent(workspaceId)}/analytics?${params.toString()}`;
}
