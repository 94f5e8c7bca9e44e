import { Alert, Grid, Stack, Table, Text } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { use as registerParts } from 'echarts/core';
import type { JourneyMetrics, MapStage } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { chartColors, EChart, type ChartOption } from '../analyses/echart';
import { useMetricFormat } from '../analytics/metric-format';
import { biggestDrop } from './heat';
import { TableRegion } from '../../components/table-region';

// The analysis wrapper registers bars and scatter only; the health line adds LineChart here,
// in this lazily loaded chunk.
registerParts([LineChart]);

/**
 * Journey health: the metric stage by stage along the journey, with its 95% interval, the
 * journey average, and where it breaks (the biggest drop between stages); the table beside it
 * has the same figures, and n, for every stage.
 */
export function JourneyHealth(props: {
  stages: MapStage[];
  metrics: JourneyMetrics;
  metricName: string;
}) {
  const { t } = useTranslation();
  const { metrics } = props;
  const format = useMetricFormat(metrics.scoreName);
  const figureOf = new Map(metrics.stages.map((s) => [s.stageId, s]));
  const rows = props.stages.map((stage) => ({ stage, figure: figureOf.get(stage.id) }));
  const drop = biggestDrop(rows.map((r) => ({ id: r.stage.id, score: r.figure?.score ?? null })));
  const nameOf = (id: string) => props.stages.find((s) => s.id === id)?.name ?? '';
  const scored = rows.filter((r) => r.figure?.score !== null && r.figure?.score !== undefined);
  const weakest = scored.reduce<(typeof rows)[number] | null>(
    (low, r) => (!low || r.figure!.score! < low.figure!.score! ? r : low),
    null,
  );
  const dropFrom = drop ? rows.findIndex((r) => r.stage.id === drop.fromId) : -1;
  const dropTo = drop ? rows.findIndex((r) => r.stage.id === drop.toId) : -1;

  const option: ChartOption = {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 64 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.stage.name),
      axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0, color: '#343a40' },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: '#343a40', formatter: (v: number) => format.tick(v) },
    },
    series: [
      {
        type: 'line',
        name: props.metricName,
        connectNulls: true,
        symbolSize: 9,
        lineStyle: { color: chartColors.bar, width: 2.5 },
        itemStyle: { color: chartColors.bar },
        data: rows.map((r) => r.figure?.score ?? null),
        markLine:
          metrics.journey.score === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: chartColors.line, type: 'dashed' },
                label: { formatter: t('journeys.health.average'), color: '#343a40' },
                data: [{ yAxis: metrics.journey.score }],
              },
        // Where it breaks: the drop is shaded between the two stages.
        markArea:
          dropFrom >= 0 && dropTo >= 0
            ? {
                silent: true,
                itemStyle: { color: 'rgba(201, 42, 42, 0.12)' },
                data: [[{ xAxis: dropFrom }, { xAxis: dropTo }]],
              }
            : undefined,
      },
      {
        type: 'line',
        name: t('journeys.health.interval'),
        silent: true,
        symbol: 'none',
        lineStyle: { color: chartColors.muted, type: 'dotted', width: 1 },
        data: rows.map((r) => r.figure?.ci95?.[0] ?? null),
      },
      {
        type: 'line',
        silent: true,
        symbol: 'none',
        lineStyle: { color: chartColors.muted, type: 'dotted', width: 1 },
        data: rows.map((r) => r.figure?.ci95?.[1] ?? null),
      },
    ],
  };

  if (scored.length === 0)
    return (
      <Alert color="blue" variant="light" role="status">
        {t('journeys.health.noData')}
      </Alert>
    );

  return (
    <Stack>
      <Text>{t('journeys.health.intro')}</Text>
      <Text fw={600} data-testid="health-break">
        {drop
          ? t('journeys.health.breaks', {
              from: nameOf(drop.fromId),
              to: nameOf(drop.toId),
              difference: format.difference(drop.difference),
            })
          : t('journeys.health.noBreak')}{' '}
        {weakest &&
          t('journeys.health.weakest', {
            stage: weakest.stage.name,
            score: format.score(weakest.figure!.score),
          })}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <EChart
            option={option}
            height={320}
            label={t('journeys.health.chart', { metric: props.metricName })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TableRegion
            label={t('journeys.health.table', { metric: props.metricName })}
            minWidth={320}
          >
            <Table striped data-testid="health-table">
              <Table.Caption>
                {t('journeys.health.table', { metric: props.metricName })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('journeys.health.stage')}</Table.Th>
                  <Table.Th ta="right">{t('journeys.health.score')}</Table.Th>
                  <Table.Th>{t('journeys.health.interval')}</Table.Th>
                  <Table.Th ta="right">{t('journeys.health.n')}</Table.Th>
                  <Table.Th ta="right">{t('journeys.health.change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => {
                  const previous = rows
                    .slice(0, i)
                    .reverse()
                    .find((p) => p.figure?.score !== null && p.figure?.score !== undefined);
                  const change =
                    previous && r.figure?.score !== null && r.figure?.score !== undefined
                      ? r.figure.score - previous.figure!.score!
                      : null;
                  return (
                    <Table.Tr key={r.stage.id}>
                      <Table.Th scope="row" fw={500}>
                        {r.stage.name}
                      </Table.Th>
                      <Table.Td ta="right">{format.score(r.figure?.score)}</Table.Td>
                      <Table.Td>{format.interval(r.figure?.ci95)}</Table.Td>
                      <Table.Td ta="right">
                        {format.count(r.figure?.n ?? 0)}
                        {r.figure?.smallSample && r.figure.n > 0 ? ' *' : ''}
                      </Table.Td>
                      <Table.Td ta="right">
                        {change === null ? t('common.none') : format.difference(change)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableRegion>
          {rows.some((r) => r.figure?.smallSample && r.figure.n > 0) && (
            <Text size="xs">* {t('journeys.metrics.smallSample')}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
