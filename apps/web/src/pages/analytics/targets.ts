import { isMultiItemMetric, type TargetWithEvaluation } from '@polku/contracts';
import type { ChartTarget } from './chart-options';
import type { ExplorerState } from './explorer-state';
import { bucketsBetween } from './period';

/**
 * The targets that apply to what the explorer shows: the same metric (kind, survey and
 * question where the target names them, a CSI's weights) over the same scope (the whole workspace when no
 * survey or touchpoint is picked; the survey or the one touchpoint picked). A recurring target
 * holds in every bucket; a fixed one in the buckets its days touch.
 */
export function targetsForView(
  state: ExplorerState,
  items: readonly TargetWithEvaluation[],
  buckets: readonly string[],
  label: (name: string) => string,
): ChartTarget[] {
  const onlyTouchpoint = state.touchpointIds.length === 1 ? state.touchpointIds[0] : undefined;
  return items.flatMap(({ target }) => {
    const m = target.metric;
    if (m.kind !== state.kind) return [];
    const sameQuestion = isMultiItemMetric(state.kind)
      ? m.surveyId === state.surveyId && m.questions?.join(',') === state.cxQuestions?.join(',')
      : m.question === undefined
        ? state.question === undefined
        : m.surveyId === state.surveyId && m.question === state.question;
    // A CSI target with other weights judges another figure; the interval method changes no score.
    const sameWeights = (m.weights?.join(',') ?? '') === (state.weights?.join(',') ?? '');
    if (!sameQuestion || (state.kind === 'csi' && !sameWeights)) return [];
    const scope = target.scope;
    const sameScope =
      scope.kind === 'workspace'
        ? (m.surveyId !== undefined || state.surveyId === undefined) &&
          state.touchpointIds.length === 0
        : scope.kind === 'survey'
          ? state.surveyId === scope.id && state.touchpointIds.length === 0
          : onlyTouchpoint === scope.id;
    if (!sameScope) return [];
    const period = target.period;
    const inPeriod =
      period.kind === 'recurring'
        ? null
        : new Set(bucketsBetween(period.from, period.to, state.by));
    const held = inPeriod ? buckets.filter((b) => inPeriod.has(b)) : buckets;
    return held.length
      ? [
          {
            label: label(target.name),
            values: held.map((bucket) => ({ bucket, value: target.target })),
          },
        ]
      : [];
  });
}
