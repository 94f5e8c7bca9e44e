import { Alert, Group, NativeSelect, Text } from '@mantine/core';
import { multiItemMetrics, type JourneyMetrics, type JourneyMetricsBody } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useJourneyMetricsQuery } from '../../api/journeys';
import { useSurveysQuery, useSurveyVersionsQueries } from '../../api/surveys';
import { useWorkspaceQuery } from '../../api/workspace';
import { ErrorAlert } from '../../components/status';
import { useMetricFormat } from '../analytics/metric-format';
import { periodPresets, presetRange, todayIn, type PeriodPreset } from '../analytics/period';
import { heatSteps } from './heat';
import type { CardMetrics } from './touchpoint-card';

export const mapMetricKinds = ['none', 'nps', 'csat', 'ces', 'cx_index'] as const;
export type MapMetricKind = (typeof mapMetricKinds)[number];

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/** The metric and period on the map, kept in the address (`metric`, `period`) so a view links. */
export function useMapMetricState(): [
  { kind: MapMetricKind; period: PeriodPreset },
  (next: Partial<{ kind: MapMetricKind; period: PeriodPreset }>) => void,
] {
  const [params, setParams] = useSearchParams();
  const state = {
    kind: pick(mapMetricKinds, params.get('metric'), 'nps'),
    period: pick(periodPresets, params.get('period'), '12m'),
  };
  const update = (next: Partial<typeof state>) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next.kind) p.set('metric', next.kind);
        if (next.period) p.set('period', next.period);
        return p;
      },
      { replace: true },
    );
  return [state, update];
}

/**
 * The CX index needs one survey with its three 5-point items; the first published survey that
 * has the template's items (effectiveness, ease, emotion) is used. Loaded only for the CX index.
 */
function useCxSurvey(workspaceId: string, wanted: boolean) {
  const surveys = useSurveysQuery(workspaceId);
  const items = wanted ? (surveys.data?.items ?? []) : [];
  const versions = items.flatMap((s) =>
    s.publishedVersion === null ? [] : [{ surveyId: s.id, version: s.publishedVersion }],
  );
  const definitions = useSurveyVersionsQueries(workspaceId, versions);
  const keys = multiItemMetrics.cx_index;
  const found = versions.find((v) => {
    const d = definitions.get(`${v.surveyId}:${v.version}`);
    return d && keys.every((k) => d.questions.some((q) => q.key === k));
  });
  return {
    surveyId: found?.surveyId ?? null,
    loading: wanted && (surveys.isPending || definitions.size < versions.length),
  };
}

/** The journey's live metrics for the chosen metric and period, and what the cards need. */
export function useMapMetrics(workspaceId: string, journeyId: string) {
  const [state, update] = useMapMetricState();
  const workspace = useWorkspaceQuery(workspaceId);
  const cx = useCxSurvey(workspaceId, state.kind === 'cx_index');
  const timeZone = workspace.data?.timeZone;
  // Periods end on the workspace's today: answers are counted by their local day there.
  const today = todayIn(timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const range = presetRange(state.period, today);
  let body: JourneyMetricsBody | null = null;
  if (state.kind === 'cx_index') {
    if (cx.surveyId)
      body = {
        metric: {
          kind: 'cx_index',
          surveyId: cx.surveyId,
          questions: [...multiItemMetrics.cx_index],
        },
        ...range,
      };
  } else if (state.kind !== 'none') body = { metric: { kind: state.kind }, ...range };
  const ready = timeZone !== undefined || workspace.isError;
  const result = useJourneyMetricsQuery(workspaceId, journeyId, ready ? body : null);
  const others = useOtherCounts(workspaceId, journeyId, state.kind, ready ? range : null);
  return { state, update, result, range, cx, body, others };
}

/** The question metrics a card can name when the chosen one has no answers at a touchpoint. */
const questionKinds = ['nps', 'csat', 'ces'] as const;
export type OtherCount = { kind: (typeof questionKinds)[number]; n: number };

/**
 * How many answers the other question metrics have at each touchpoint, so a card without answers
 * to the chosen metric says which metric it does have ("Ei NPS-vastauksia · CSAT-vastauksia
 * 1 099"). The same journey metrics query per kind; none while no metric is chosen.
 */
function useOtherCounts(
  workspaceId: string,
  journeyId: string,
  chosen: MapMetricKind,
  range: { from: string; to: string } | null,
): Map<string, OtherCount[]> {
  const bodyOf = (kind: OtherCount['kind']): JourneyMetricsBody | null =>
    chosen === 'none' || chosen === kind || range === null ? null : { metric: { kind }, ...range };
  const queries = {
    nps: useJourneyMetricsQuery(workspaceId, journeyId, bodyOf('nps')),
    csat: useJourneyMetricsQuery(workspaceId, journeyId, bodyOf('csat')),
    ces: useJourneyMetricsQuery(workspaceId, journeyId, bodyOf('ces')),
  };
  const counts = new Map<string, OtherCount[]>();
  for (const kind of questionKinds) {
    if (bodyOf(kind) === null) continue;
    for (const f of queries[kind].data?.touchpoints ?? []) {
      if (f.n === 0) continue;
      counts.set(f.touchpointId, [...(counts.get(f.touchpointId) ?? []), { kind, n: f.n }]);
    }
  }
  return counts;
}

/** Links from a card: the explorer (trend, filtered to the touchpoint) and its comments. */
function hrefs(
  workspaceId: string,
  kind: Exclude<MapMetricKind, 'none'>,
  period: PeriodPreset,
  range: { from: string; to: string },
  cxSurveyId: string | null,
) {
  return {
    explorer: (touchpointId: string) => {
      const p = new URLSearchParams();
      if (kind !== 'nps') p.set('kind', kind);
      if (kind === 'cx_index' && cxSurveyId) {
        p.set('survey', cxSurveyId);
        p.set('question', multiItemMetrics.cx_index.join(','));
      }
      p.set('touchpoint', touchpointId);
      p.set('period', period);
      return `/w/${workspaceId}/analytics?${p.toString()}`;
    },
    responses: (touchpointId: string) => {
      const p = new URLSearchParams({ touchpoint: touchpointId, from: range.from, to: range.to });
      return `/w/${workspaceId}/responses?${p.toString()}`;
    },
  };
}

/** What the cards draw for a loaded result. */
export function useCardMetrics(
  workspaceId: string,
  data: JourneyMetrics | undefined,
  kind: MapMetricKind,
  period: PeriodPreset,
  range: { from: string; to: string },
  cxSurveyId: string | null,
  others: Map<string, OtherCount[]>,
): CardMetrics | null {
  const format = useMetricFormat(data?.scoreName ?? 'nps');
  if (!data || kind === 'none') return null;
  const links = hrefs(workspaceId, kind, period, range, cxSurveyId);
  return {
    kind,
    others,
    scoreName: data.scoreName,
    steps: heatSteps(data.scoreName),
    journeyScore: data.journey.score,
    figures: new Map(data.touchpoints.map((f) => [f.touchpointId, f])),
    format,
    explorerHref: links.explorer,
    responsesHref: links.responses,
  };
}

/** The metric and period pickers, the journey's overall figure, and the colour legend. */
export function MapMetricControls(props: { metrics: ReturnType<typeof useMapMetrics> }) {
  const { t } = useTranslation();
  const { state, update, result, cx } = props.metrics;
  const format = useMetricFormat(result.data?.scoreName ?? 'nps');
  return (
    <form aria-label={t('journeys.metrics.legend')} onSubmit={(e) => e.preventDefault()}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('journeys.metrics.metric')}
          value={state.kind}
          data={mapMetricKinds.map((k) => ({ value: k, label: t(`journeys.metrics.kinds.${k}`) }))}
          onChange={(e) => update({ kind: e.currentTarget.value as MapMetricKind })}
        />
        <NativeSelect
          label={t('journeys.metrics.period')}
          value={state.period}
          disabled={state.kind === 'none'}
          data={periodPresets.map((p) => ({ value: p, label: t(`analytics.periods.${p}`) }))}
          onChange={(e) => update({ period: e.currentTarget.value as PeriodPreset })}
        />
        {state.kind !== 'none' && result.data && (
          <Text size="sm" pb={6} data-testid="journey-average" aria-live="polite">
            {t('journeys.metrics.journeyAverage', {
              score: format.score(result.data.journey.score),
              n: format.count(result.data.journey.n),
            })}
          </Text>
        )}
      </Group>
      {state.kind === 'cx_index' && !cx.loading && !cx.surveyId && (
        <Alert color="blue" variant="light" mt="xs" role="status">
          {t('journeys.metrics.noCxSurvey')}
        </Alert>
      )}
      {state.kind !== 'none' && result.isError && (
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      )}
      {state.kind !== 'none' && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('journeys.metrics.heatLegend')}
        </Text>
      )}
    </form>
  );
}
