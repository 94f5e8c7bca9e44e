import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { MetricKind, MetricResult, TargetWithEvaluation } from '@polku/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useJourneysQuery } from '../../api/journeys';
import { groupChangeOf, useMetricQuery } from '../../api/metrics';
import { useSurveysQuery } from '../../api/surveys';
import { useTargetEvaluationsQuery } from '../../api/targets';
import { useWorkspaceQuery } from '../../api/workspace';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useWorkspaceId } from '../../lib/membership';
import { explorerPath } from './explorer-state';
import { directionOf, isIncomplete, useMetricFormat } from './metric-format';
import { presetRange, todayIn } from './period';
import { Sparkline } from './sparkline';
import { changeColor } from '../../lib/status-colors';

/** One headline figure: score, interval, n, trend, change, and the way into the explorer. */
function HeadlineCard(props: {
  kind: MetricKind;
  result: MetricResult | undefined;
  pending: boolean;
  error: unknown;
  href: string;
  /** Where the metric's target goes once targets exist (another change supplies it). */
  target?: ReactNode;
}) {
  const { t } = useTranslation();
  const result = props.result;
  const format = useMetricFormat(result?.scoreName ?? props.kind);
  const name = t(`analytics.kinds.${props.kind}`);
  const group = result?.groups[0];
  const total = group?.total;
  const change = group ? groupChangeOf(group) : null;
  const dir = directionOf(change);
  const buckets = group?.buckets ?? [];
  const points = buckets.map((b) => ({
    value: b.n > 0 ? b.score : null,
    incomplete: isIncomplete(b.coverage),
  }));
  // The current month so far: the card says how many of its days the figures include.
  const current = buckets.at(-1);
  const inProgress = current?.coverage?.state === 'inProgress' ? current.coverage : null;
  const previous = result?.previousPeriod;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`home-metric-${props.kind}`}>
      <Stack gap={6}>
        <Title order={3} size="h4" id={`home-metric-${props.kind}`}>
          <Anchor component={Link} to={props.href} title={t('home.open', { metric: name })}>
            {name}
          </Anchor>
        </Title>
        {props.pending ? (
          <Text c="dimmed" size="sm">
            {t('common.loading')}
          </Text>
        ) : props.error ? (
          <Text c="dimmed" size="sm">
            {t('home.unavailable')}
          </Text>
        ) : !total || total.n === 0 ? (
          <Text c="dimmed" size="sm">
            {t('home.noData')}
          </Text>
        ) : (
          <>
            <Group gap="xs" align="baseline">
              <Text fz={28} fw={700} lh={1.1} data-testid={`home-score-${props.kind}`}>
                {format.score(total.score)}
              </Text>
              {total.smallSample && (
                <Badge variant="light" color="orange" title={t('analytics.smallSampleHint')}>
                  {t('analytics.smallSample')}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              {t('home.interval', {
                low: format.score(total.ci95?.[0]),
                high: format.score(total.ci95?.[1]),
              })}
            </Text>
            <Text size="sm">{t('home.n', { n: format.count(total.n) })}</Text>
            <Sparkline
              points={points}
              label={t('home.trendLabel', {
                metric: name,
                values: buckets
                  .map((b) =>
                    [
                      format.bucket(b.bucket),
                      format.coverage(b.coverage) && `(${format.coverage(b.coverage)})`,
                      b.n > 0 ? format.score(b.score) : t('analytics.noAnswers'),
                    ]
                      .filter(Boolean)
                      .join(' '),
                  )
                  .join(', '),
              })}
            />
            {inProgress && current && (
              <Text size="sm" data-testid={`home-in-progress-${props.kind}`}>
                {t('home.inProgress', {
                  month: format.bucket(current.bucket),
                  days: inProgress.days,
                  ofDays: inProgress.ofDays,
                })}
              </Text>
            )}
            {change && previous && (
              <Text size="sm" c={changeColor(dir)} data-testid={`home-change-${props.kind}`}>
                {t('home.change', {
                  period: format.dayRange(previous.from, previous.to),
                  difference: format.difference(change.difference),
                })}
                {dir !== 0 &&
                  ` (${dir > 0 ? t('analytics.significantUp') : t('analytics.significantDown')})`}
              </Text>
            )}
            {props.target}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The workspace-wide targets of a headline metric, with their status this period. */
function HeadlineTarget(props: { items: readonly TargetWithEvaluation[]; kind: MetricKind }) {
  const { t } = useTranslation();
  const format = useMetricFormat(props.kind === 'goal' ? 'goalReached' : props.kind);
  if (props.items.length === 0) return null;
  return (
    <Stack gap={0}>
      {props.items.map(({ target, evaluation }) => (
        <Text size="sm" key={target.id}>
          {t('home.target', {
            name: target.name,
            target: format.score(target.target),
            status: t(`targets.status.${evaluation.status}`),
          })}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The workspace's headline metrics over all its surveys for the last 12 months: NPS, CSAT and
 * CES, and eNPS when there are employee surveys. A block of its own, so the journey map can
 * later sit beside it on the home page.
 */
export function HeadlineMetrics() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const evaluations = useTargetEvaluationsQuery(workspaceId);
  const workspace = useWorkspaceQuery(workspaceId);
  const surveys = useSurveysQuery(workspaceId);
  const kinds: MetricKind[] = [
    'nps',
    'csat',
    'ces',
    ...(surveys.data?.items.some((s) => s.purpose === 'employee') ? (['enps'] as const) : []),
  ];
  const timeZone = workspace.data?.timeZone;
  const ready = Boolean(timeZone) || workspace.isError;
  const range = presetRange('12m', todayIn(timeZone ?? 'UTC'));
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-metrics-title">
      <Title order={2} size="h3" id="home-metrics-title">
        {t('home.metrics')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('home.intro')}
      </Text>
      {workspace.isError && <ErrorAlert error={workspace.error} />}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {kinds.map((kind) => (
          <HeadlineQuery
            key={kind}
            kind={kind}
            workspaceId={workspaceId}
            range={ready ? range : null}
            target={
              <HeadlineTarget
                items={(evaluations.data?.items ?? []).filter(
                  ({ target }) =>
                    target.scope.kind === 'workspace' &&
                    target.metric.kind === kind &&
                    target.metric.surveyId === undefined,
                )}
                kind={kind}
              />
            }
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function HeadlineQuery(props: {
  kind: MetricKind;
  workspaceId: string;
  range: { from: string; to: string } | null;
  target?: ReactNode;
}) {
  const { kind, range } = props;
  const result = useMetricQuery(
    props.workspaceId,
    range ? { metric: { kind }, by: 'month', from: range.from, to: range.to } : null,
  );
  return (
    <HeadlineCard
      kind={kind}
      result={result.data}
      pending={result.isPending}
      error={result.isError ? result.error : null}
      href={explorerPath(props.workspaceId, { kind })}
      target={props.target}
    />
  );
}

/** `/w/:workspaceId`: the workspace's home page. */
export function WorkspaceHomePage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const workspace = useWorkspaceQuery(workspaceId);
  const title = t('home.title');
  usePageTitle(workspace.data ? `${title} · ${workspace.data.name}` : title);
  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <JourneysOverview />
      <HeadlineMetrics />
    </Stack>
  );
}

/**
 * The workspace's journeys, first: the journey map is the centre the work hangs off, so the
 * overview opens on its active journeys (each a link to its map) before the headline figures.
 */
function JourneysOverview() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const journeys = useJourneysQuery(workspaceId);
  const active = (journeys.data?.items ?? []).filter((j) => j.status !== 'archived');
  return (
    <section aria-labelledby="home-journeys">
      <Title order={2} size="h3" id="home-journeys" mb="xs">
        {t('home.journeys')}
      </Title>
      {journeys.isError ? (
        <ErrorAlert error={journeys.error} onRetry={() => void journeys.refetch()} />
      ) : journeys.isPending ? (
        <LoadingState />
      ) : active.length === 0 ? (
        <Text>
          {t('home.noJourneys')}{' '}
          <Anchor component={Link} to={`/w/${workspaceId}/journeys`}>
            {t('home.createJourney')}
          </Anchor>
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {active.map((j) => (
            <Card key={j.id} withBorder padding="md">
              <Anchor component={Link} to={`/w/${workspaceId}/journeys/${j.id}`} fw={600}>
                {j.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('home.journeyStages', { count: j.stageCount })} ·{' '}
                {t('home.journeyTouchpoints', { count: j.touchpointCount })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}
