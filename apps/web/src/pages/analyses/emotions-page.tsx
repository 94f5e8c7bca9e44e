import { Select, Table, Text } from '@mantine/core';
import type { EmotionResult } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEmotionsQuery } from '../../api/analyses';
import { LoadingState } from '../../components/status';
import { useWorkspaceId } from '../../lib/membership';
import { chartColors, EChart, intervalSeries, type ChartOption } from './echart';
import { FilterBar, useScopeBody, useScopeDefinition, useScopeState } from './filter-bar';
import {
  AnalysisPage,
  questionOptions,
  questionsOf,
  ResultState,
  SmallSampleAlert,
  useNumberFormat,
} from './shared';
import { TableRegion } from '../../components/table-region';

/** `/w/:id/analytics/emotions`: share of respondents per feeling, with intervals. */
export function EmotionsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [scope, setScope] = useScopeState();
  const body = useScopeBody(scope);
  const survey = useScopeDefinition(workspaceId, scope.surveyId);
  const questions = questionsOf(survey.definition, ['emotion']);
  const [chosen, setChosen] = useState('');
  const question = questions.some((q) => q.key === chosen) ? chosen : (questions[0]?.key ?? '');
  const query = useEmotionsQuery(workspaceId, body && question ? { ...body, question } : null);
  return (
    <AnalysisPage title={t('analyses.emotions.title')} intro={t('analyses.emotions.intro')}>
      <FilterBar workspaceId={workspaceId} value={scope} onChange={setScope} />
      {!scope.surveyId ? (
        <Text c="dimmed">{t('analyses.common.pickSurvey')}</Text>
      ) : survey.isPending ? (
        <LoadingState />
      ) : questions.length === 0 ? (
        <Text c="dimmed">{t('analyses.common.noFittingQuestions')}</Text>
      ) : (
        <>
          <Select
            label={t('analyses.emotions.question')}
            data={questionOptions(questions)}
            value={question || null}
            onChange={(v) => setChosen(v ?? '')}
            allowDeselect={false}
            maw={520}
          />
          <ResultState query={query} waiting={body ? null : ''}>
            {(r) => <EmotionsResult result={r} />}
          </ResultState>
        </>
      )}
    </AnalysisPage>
  );
}

function EmotionsResult(props: { result: EmotionResult }) {
  const { t } = useTranslation();
  const { format, interval } = useNumberFormat();
  const r = props.result;
  if (r.n === 0) return <Text c="dimmed">{t('analyses.common.noData')}</Text>;
  const name = (e: string) => t(`builder.emotions.${e}` as 'builder.emotions.happy');
  const option: ChartOption = {
    grid: { left: 16, right: 16, top: 16, bottom: 16 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: r.emotions.map((e) => name(e.emotion)),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: t('analyses.emotions.axis'),
      nameLocation: 'middle',
      nameGap: 36,
    },
    series: [
      {
        type: 'bar',
        name: t('analyses.emotions.share'),
        itemStyle: { color: chartColors.bar },
        data: r.emotions.map((e) => e.percent ?? 0),
      },
      intervalSeries(
        r.emotions.flatMap((e, index) =>
          e.ci95 ? [{ index, low: e.ci95[0], high: e.ci95[1] }] : [],
        ),
        false,
      ),
    ],
  };
  return (
    <>
      <SmallSampleAlert show={r.smallSample} />
      <EChart option={option} height={360} label={t('analyses.emotions.chartLabel')} />
      <TableRegion label={t('analyses.emotions.tableCaption', { n: r.n })} minWidth={640}>
        <Table withTableBorder striped data-testid="emotions-table">
          <Table.Caption>{t('analyses.emotions.tableCaption', { n: r.n })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('analyses.emotions.emotion')}</Table.Th>
              <Table.Th scope="col">{t('analyses.emotions.count')}</Table.Th>
              <Table.Th scope="col">{t('analyses.emotions.share')}</Table.Th>
              <Table.Th scope="col">{t('analyses.common.interval')}</Table.Th>
              <Table.Th scope="col">{t('analyses.emotions.intensity')}</Table.Th>
              <Table.Th scope="col">{t('analyses.emotions.intensityN')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.emotions.map((e) => (
              <Table.Tr key={e.emotion}>
                <Table.Th scope="row" fw={400}>
                  {name(e.emotion)}
                </Table.Th>
                <Table.Td>{e.count}</Table.Td>
                <Table.Td>{e.percent === null ? '–' : `${format(e.percent)} %`}</Table.Td>
                <Table.Td>
                  {e.ci95 ? `${interval(e.ci95)} %` : t('analyses.common.noInterval')}
                </Table.Td>
                <Table.Td>{format(e.meanIntensity, 2)}</Table.Td>
                <Table.Td>{e.intensityN}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </>
  );
}
