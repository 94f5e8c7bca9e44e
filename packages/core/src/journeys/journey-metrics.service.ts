import type {
  JourneyFigure,
  JourneyMetrics,
  JourneyMetricsBody,
  MetricGroup,
  MetricSpec,
} from '@polku/contracts';
import type { Store } from '../ports.js';
import type { WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { MetricQueryPort, TargetRecord } from '../targets/ports.js';

/** The live metrics of a journey map, from the metric engine. */
export class JourneyMetricsService {
  constructor(private readonly deps: { store: Store; metrics: MetricQueryPort }) {}

  /**
   * The metric at every touchpoint, for every stage (over the stage's touchpoints: the health
   * line) and for the whole journey (the average a card is compared with), from the metric
   * engine: one query broken down by touchpoint, one over all the journey's touchpoints, and
   * one per stage. Pooling happens in SQL through the touchpoint filter, so a stage's figure is
   * computed from the stage's answers, never averaged from its touchpoints' scores.
   */
  async forJourney(
    ctx: WorkspaceContext,
    journeyId: string,
    body: JourneyMetricsBody,
  ): Promise<JourneyMetrics> {
    const ws = ctx.workspace.id;
    const repo = this.deps.store.journeys;
    if (!(await repo.findJourney(ws, journeyId))) throw new DomainError('NOT_FOUND');
    const [stages, touchpoints, targets] = await Promise.all([
      repo.listStages(ws, journeyId),
      repo.listTouchpoints(ws, journeyId),
      this.deps.store.targets.list(ws),
    ]);
    const metric = body.metric;
    const ids = touchpoints.map((t) => t.id);
    // Without touchpoints the journey still answers with the metric's name and scale: the
    // filter then names the journey's own id, which no answer carries.
    const filterIds = ids.length ? ids : [journeyId];
    const query = (touchpointIds: string[], byTouchpoint: boolean) =>
      this.deps.metrics.query(
        ctx,
        {
          metric,
          by: 'all',
          from: body.from,
          to: body.to,
          filters: { touchpointIds },
          ...(byTouchpoint ? { breakdown: { by: 'touchpoint' as const } } : {}),
        },
        // The map shows no change against an earlier period: skip counting one.
        { comparePrevious: false },
      );
    const whole = await query(filterIds, false);
    const perTouchpoint = ids.length ? await query(ids, true) : undefined;
    const groupOf = new Map((perTouchpoint?.groups ?? []).map((g) => [g.key, g]));
    const stageFigures: JourneyMetrics['stages'] = [];
    for (const stage of stages) {
      const own = touchpoints.filter((t) => t.stageId === stage.id).map((t) => t.id);
      const figure = own.length ? figureOf((await query(own, false)).groups[0]) : emptyFigure();
      stageFigures.push({ stageId: stage.id, ...figure });
    }
    const volumes = ids.length
      ? await repo.responseVolumes(ws, ids, body.from, body.to)
      : new Map<string, number>();
    const stagePosition = new Map(stages.map((s) => [s.id, s.position]));
    return {
      metric,
      scoreName: whole.scoreName,
      scale: whole.scale,
      from: body.from,
      to: body.to,
      journey: figureOf(whole.groups[0]),
      stages: stageFigures,
      touchpoints: [...touchpoints]
        .sort(
          (a, b) =>
            (stagePosition.get(a.stageId) ?? 0) - (stagePosition.get(b.stageId) ?? 0) ||
            a.position - b.position,
        )
        .map((t) => ({
          touchpointId: t.id,
          stageId: t.stageId,
          volume: volumes.get(t.id) ?? 0,
          ...figureOf(groupOf.get(t.id)),
          target: targetFor(targets, t.id, metric),
        })),
    };
  }
}

/** A touchpoint's target for this metric: the same kind, and the same survey and question
 * where both name one. */
export function targetFor(
  targets: readonly TargetRecord[],
  touchpointId: string,
  metric: MetricSpec,
): { id: string; name: string; target: number } | null {
  const fits = targets.filter(
    (t) =>
      t.scope.kind === 'touchpoint' &&
      t.scope.id === touchpointId &&
      t.metric.kind === metric.kind &&
      (t.metric.surveyId === undefined ||
        metric.surveyId === undefined ||
        t.metric.surveyId === metric.surveyId) &&
      (t.metric.question === undefined ||
        metric.question === undefined ||
        t.metric.question === metric.question),
  );
  const t = fits[0];
  return t ? { id: t.id, name: t.name, target: t.target } : null;
}

function figureOf(group: MetricGroup | undefined): JourneyFigure {
  if (!group) return emptyFigure();
  const { n, score, ci95, smallSample } = group.total;
  return { n, score, ci95, smallSample };
}

function emptyFigure(): JourneyFigure {
  return { n: 0, score: null, ci95: null, smallSample: true };
}
