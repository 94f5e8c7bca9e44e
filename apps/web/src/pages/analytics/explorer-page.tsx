import { Alert, Box, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { MetricResult, SurveySummary, TargetWithEvaluation } from '@polku/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { changeOf, useMetricQuery } from '../../api/metrics';
import { useSurveysQuery, useSurveyVersionsQueries } from '../../api/surveys';
import { useTargetEvaluationsQuery } from '../../api/targets';
import { useWorkspaceQuery } from '../../api/workspace';
import { usePageTitle } from '../../components/page-title';
import { AnalysesNav } from '../analyses/analyses-nav';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormat } from '../../lib/format';
import { useWorkspaceId } from '../../lib/membership';
import { buildChartOption, categoriesOf, MAX_LINES } from './chart-options';
import { csvFilename, downloadText, metricCsv } from './csv';
import { ExplorerControls, type SurveyOption } from './explorer-controls';
import {
  readExplorerState,
  toMetricQuery,
  writeExplorerState,
  type ExplorerState,
} from './explorer-state';
import { useGroupLabel } from './labels';
import { ChartLegend, MetricChart } from './metric-chart';
import { isIncomplete, useMetricFormat } from './metric-format';
import { MethodNote } from './method-note';
import { BucketsTable, TotalsTable } from './metric-tables';
import { todayIn } from './period';
import { targetsForView } from './targets';

/** The explorer's state, read from and written to the address (replacing, not stacking, history). */
function useExplorerState(): [ExplorerState, (patch: Partial<ExplorerState>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readExplorerState(params), [params]);
  // From the address as it is now, not as this render saw it: the router renders a change in a
  // transition, so a second change can come before the first is on screen, and both must stick.
  const update = (patch: Partial<ExplorerState>) =>
    setParams(
      writeExplorerState({
        ...readExplorerState(new URLSearchParams(window.location.search)),
        ...patch,
      }),
      { replace: true },
    );
  const clearFilters = () =>
    update({ channels: [], languages: [], touchpointIds: [], attributes: [] });
  return [state, update, clearFilters];
}

/** The published definitions of the workspace's surveys (the questions a metric can measure). */
function useSurveyOptions(workspaceId: string) {
  const surveys = useSurveysQuery(workspaceId);
  const items = surveys.data?.items ?? [];
  const wanted = items.flatMap((s) =>
    s.publishedVersion === null ? [] : [{ surveyId: s.id, version: s.publishedVersion }],
  );
  const definitions = useSurveyVersionsQueries(workspaceId, wanted);
  const options: SurveyOption[] = items.flatMap((survey) => {
    const definition =
      survey.publishedVersion === null
        ? undefined
        : definitions.get(`${survey.id}:${survey.publishedVersion}`);
    return definition ? [{ survey, definition }] : [];
  });
  return { surveys, items, options };
}

/** `/w/:workspaceId/analytics`: a metric over time, filtered and broken down, with n everywhere. */
export function ExplorerPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [state, update, clearFilters] = useExplorerState();
  const workspace = useWorkspaceQuery(workspaceId);
  const { surveys, items, options } = useSurveyOptions(workspaceId);
  // Targets are drawn when they load; without them (or on an error) the chart is still whole.
  const targets = useTargetEvaluationsQuery(workspaceId);
  const title = t('areas.analytics');
  usePageTitle(title);

  // Presets end on the workspace's today (answers are bucketed by its local day).
  const timeZone = workspace.data?.timeZone;
  const today = todayIn(timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const built = toMetricQuery(state, today);
  const result = useMetricQuery(
    workspaceId,
    'query' in built && (timeZone || workspace.isError) ? built.query : null,
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <AnalysesNav />
      {surveys.isError && (
        <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} />
      )}
      <ExplorerControls
        state={state}
        today={today}
        surveys={options}
        onChange={update}
        onClearFilters={clearFilters}
      />
      {'missing' in built ? (
        <Alert color="blue" variant="light" role="status">
          {t(`analytics.missing.${built.missing}`)}
        </Alert>
      ) : result.isPending ? (
        <LoadingState />
      ) : result.isError && !result.data ? (
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      ) : result.data ? (
        <ResultView
          result={result.data}
          state={state}
          surveys={items}
          targetItems={targets.data?.items ?? []}
          fetching={result.isFetching}
          error={result.isError ? result.error : null}
        />
      ) : null}
    </Stack>
  );
}

/** The chart, the method note, the export and the tables of one result. */
function ResultView(props: {
  result: MetricResult;
  state: ExplorerState;
  surveys: readonly SurveySummary[];
  fetching: boolean;
  error: unknown;
  /** The workspace's targets; those of this metric and scope are drawn as dashed lines. */
  targetItems: readonly TargetWithEvaluation[];
}) {
  const { t, i18n } = useTranslation();
  const { state } = props;
  const result = props.result;
  const format = useMetricFormat(result.scoreName);
  const fmt = useFormat();
  const metricName = t(`analytics.kinds.${result.metric.kind}`);
  const groupLabel = useGroupLabel(state.breakdown, metricName, props.surveys);
  const periodText =
    result.from && result.to
      ? format.dayRange(result.from, result.to)
      : result.from || result.to
        ? fmt.day((result.from ?? result.to)!)
        : '';
  // The busiest groups first: the chart draws the first MAX_LINES, the tables list all.
  const groups = useMemo(
    () => [...result.groups].sort((a, b) => b.total.n - a.total.n),
    [result.groups],
  );
  const drawn = groups.slice(0, MAX_LINES);
  const targets = useMemo(
    () =>
      targetsForView(
        state,
        props.targetItems,
        categoriesOf(result.groups),
        (name) => `${t('analytics.target')}: ${name}`,
      ),
    [state, props.targetItems, result.groups, t],
  );
  const empty = groups.every((g) => g.total.n === 0);
  const methods = [
    ...new Set(
      groups
        .flatMap((g) => [g.total, ...g.buckets])
        .filter((b) => b.n > 0)
        .map((b) => b.method),
    ),
  ];
  const anyChange = groups.some((g) => g.buckets.some((b) => changeOf(b) !== null));
  const anyIncomplete = drawn.some((g) =>
    g.buckets.some((b) => b.n > 0 && isIncomplete(b.coverage)),
  );

  // The lines' names join the memo's key: touchpoint names arrive after the result does.
  const lineNames = drawn.map(groupLabel).join('\n');
  const option = useMemo(
    () =>
      buildChartOption({
        lines: drawn.map((g) => ({ label: groupLabel(g), buckets: g.buckets })),
        targets: targets,
        texts: {
          format,
          interval: t('analytics.interval'),
          n: t('analytics.n'),
          noAnswers: t('analytics.noAnswers'),
          smallSample: t('analytics.smallSampleHint'),
          significantUp: t('analytics.significantUp'),
          significantDown: t('analytics.significantDown'),
          target: t('analytics.target'),
        },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the option depends on the result, the language, the targets and the group names only (format follows from them)
    [result, i18n.language, targets, lineNames],
  );

  const exportCsv = () => downloadText(csvFilename(result), metricCsv(result, groupLabel));
  // The weights the server used, named as such: equal thirds, or the analyst's.
  const weightsText = (weights: readonly number[]) =>
    weights.every((w) => Math.abs(w - 1 / 3) < 1e-9)
      ? t('analytics.weightsEqual')
      : weights.map((w) => fmt.number(w, { maximumFractionDigits: 6 })).join(' · ');

  return (
    <Box
      component="section"
      aria-labelledby="explorer-result-title"
      aria-busy={props.fetching}
      style={{ opacity: props.fetching ? 0.6 : 1, transition: 'opacity 150ms' }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="xs">
          <Title order={2} size="h3" id="explorer-result-title">
            {metricName} · {periodText}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed" id="explorer-export-hint">
              {t('analytics.exportHint')}
            </Text>
            <Button
              variant="default"
              onClick={exportCsv}
              disabled={empty}
              aria-describedby="explorer-export-hint"
            >
              {t('analytics.exportCsv')}
            </Button>
          </Group>
        </Group>
        {props.error != null && <ErrorAlert error={props.error} />}
        <Text size="sm" c="dimmed" role="status">
          {props.fetching ? t('analytics.loadingResult') : ''}
        </Text>
        {result.testResponsesExcluded > 0 && (
          // Said beside every result, empty or not: a survey tried only in testing shows no figures.
          <Text size="sm" data-testid="test-responses-excluded">
            {t('analytics.testExcluded', { count: result.testResponsesExcluded })}
          </Text>
        )}
        {empty ? (
          <Text c="dimmed">{t('analytics.empty')}</Text>
        ) : (
          <>
            {result.by === 'all' ? (
              <Text size="sm">{t('analytics.allBucketNote')}</Text>
            ) : (
              <>
                {(drawn.length > 1 || (targets?.length ?? 0) > 0) && (
                  <ChartLegend
                    lines={drawn.map(groupLabel)}
                    targets={targets?.map((x) => x.label)}
                  />
                )}
                <MetricChart
                  option={option}
                  label={t('analytics.chartLabel', { metric: metricName, period: periodText })}
                />
                {groups.length > MAX_LINES && (
                  <Text size="sm">
                    {t('analytics.linesCapped', { shown: MAX_LINES, total: groups.length })}
                  </Text>
                )}
                <List size="sm" c="dimmed" spacing={0}>
                  <List.Item>{t('analytics.legend.band')}</List.Item>
                  <List.Item>{t('analytics.legend.smallSample')}</List.Item>
                  <List.Item>{t('analytics.legend.gap')}</List.Item>
                  {anyChange && <List.Item>{t('analytics.legend.change')}</List.Item>}
                  {anyIncomplete && <List.Item>{t('analytics.legend.incomplete')}</List.Item>}
                </List>
              </>
            )}
            <MethodNote methods={methods} />
            {result.metric.weights && (
              <Text size="sm" data-testid="csi-weights-used">
                {t('analytics.weightsUsed', { weights: weightsText(result.metric.weights) })}
              </Text>
            )}
            <TotalsTable
              groups={groups}
              labelOf={groupLabel}
              format={format}
              caption={t('analytics.totalsCaption', { metric: metricName, period: periodText })}
            />
            {result.by !== 'all' && (
              <BucketsTable
                groups={groups}
                labelOf={groupLabel}
                format={format}
                broken={state.breakdown !== undefined}
                caption={t('analytics.tableCaption', { metric: metricName })}
              />
            )}
          </>
        )}
      </Stack>
    </Box>
  );
}
