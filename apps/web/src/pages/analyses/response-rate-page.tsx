import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { ResponseRateResult } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResponseRateQuery } from '../../api/analyses';
import { useSurveysQuery } from '../../api/surveys';
import { useWorkspaceId } from '../../lib/membership';
import { chartColors, EChart, intervalSeries, type ChartOption } from './echart';
import { FilterBar, useScopeBody, useScopeState } from './filter-bar';
import {
  AnalysisPage,
  ResultState,
  SmallSampleAlert,
  SmallSampleBadge,
  useNumberFormat,
} from './shared';
import { TableRegion } from '../../components/table-region';

type By = 'all' | 'month';

/** `/w/:id/analytics/response-rate`: response rate of email invitations per survey and month. */
export function ResponseRatePage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [scope, setScope] = useScopeState();
  const [by, setBy] = useState<By>('all');
  const scoped = useScopeBody(scope, { answerFilters: false, surveyOptional: true });
  const body = scoped && {
    ...(scoped.surveyId && { surveyId: scoped.surveyId }),
    ...(scoped.from && { from: scoped.from }),
    ...(scoped.to && { to: scoped.to }),
    filters: scoped.filters,
    by,
  };
  const query = useResponseRateQuery(workspaceId, body);
  return (
    <AnalysisPage title={t('analyses.responseRate.title')} intro={t('analyses.responseRate.intro')}>
      <FilterBar
        workspaceId={workspaceId}
        value={scope}
        onChange={setScope}
        allSurveys
        answerFilters={false}
      />
      <Text size="sm" c="dimmed">
        {t('analyses.responseRate.periodNote')}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="rate-by">
          {t('analyses.responseRate.by')}
        </Text>
        <SegmentedControl
          aria-labelledby="rate-by"
          value={by}
          onChange={(v) => setBy(v)}
          data={[
            { value: 'all', label: t('analyses.responseRate.byAll') },
            { value: 'month', label: t('analyses.responseRate.byMonth') },
          ]}
          w="fit-content"
          maw="100%"
        />
      </Stack>
      <ResultState query={query} waiting={body ? null : ''}>
        {(r) => <RateResult result={r} />}
      </ResultState>
    </AnalysisPage>
  );
}

function RateResult(props: { result: ResponseRateResult }) {
  const { t } = useTranslation();
  const { format, interval } = useNumberFormat();
  const surveys = useSurveysQuery(useWorkspaceId());
  const names = new Map((surveys.data?.items ?? []).map((s) => [s.id, s.name]));
  const r = props.result;
  if (r.rows.length === 0) return <Text c="dimmed">{t('analyses.responseRate.empty')}</Text>;
  const monthly = r.by === 'month';
  const surveyName = (id: string) => names.get(id) ?? id;
  const surveysShown = new Set(r.rows.map((row) => row.surveyId)).size;
  const rowLabel = (row: ResponseRateResult['rows'][number]) =>
    monthly
      ? surveysShown > 1
        ? `${surveyName(row.surveyId)} · ${row.bucket}`
        : row.bucket
      : surveyName(row.surveyId);
  const option: ChartOption = {
    grid: { left: 16, right: 16, top: 16, bottom: 16 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: r.rows.map(rowLabel),
      axisLabel: { width: 120, overflow: 'truncate', rotate: r.rows.length > 4 ? 30 : 0 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: t('analyses.responseRate.axis'),
      nameLocation: 'middle',
      nameGap: 36,
    },
    series: [
      {
        type: 'bar',
        name: t('analyses.responseRate.rate'),
        itemStyle: { color: chartColors.bar },
        data: r.rows.map((row) => row.rate ?? 0),
      },
      intervalSeries(
        r.rows.flatMap((row, index) =>
          row.ci95 ? [{ index, low: row.ci95[0], high: row.ci95[1] }] : [],
        ),
        false,
      ),
    ],
  };
  return (
    <>
      <SmallSampleAlert show={r.rows.some((row) => row.smallSample)} />
      <EChart option={option} height={340} label={t('analyses.responseRate.chartLabel')} />
      <TableRegion label={t('analyses.responseRate.tableCaption')} minWidth={640}>
        <Table withTableBorder striped data-testid="rate-table">
          <Table.Caption>{t('analyses.responseRate.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('analyses.responseRate.survey')}</Table.Th>
              {monthly && <Table.Th scope="col">{t('analyses.responseRate.month')}</Table.Th>}
              <Table.Th scope="col">{t('analyses.responseRate.sent')}</Table.Th>
              <Table.Th scope="col">{t('analyses.responseRate.responded')}</Table.Th>
              <Table.Th scope="col">{t('analyses.responseRate.rate')}</Table.Th>
              <Table.Th scope="col">{t('analyses.common.interval')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.rows.map((row) => (
              <Table.Tr key={`${row.surveyId}:${row.bucket}`}>
                <Table.Th scope="row" fw={400}>
                  {surveyName(row.surveyId)}
                  <SmallSampleBadge show={row.smallSample} />
                </Table.Th>
                {monthly && <Table.Td>{row.bucket}</Table.Td>}
                <Table.Td>{row.sent}</Table.Td>
                <Table.Td>{row.responded}</Table.Td>
                <Table.Td>{row.rate === null ? '–' : `${format(row.rate)} %`}</Table.Td>
                <Table.Td>
                  {row.ci95 ? `${interval(row.ci95)} %` : t('analyses.common.noInterval')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </>
  );
}
