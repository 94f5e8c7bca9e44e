import { Table, Text } from '@mantine/core';
import type { ExpectationGapResult, Question } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { useExpectationGapsQuery } from '../../api/analyses';
import { LoadingState } from '../../components/status';
import { useWorkspaceId } from '../../lib/membership';
import { chartColors, EChart, intervalSeries, type ChartOption } from './echart';
import { FilterBar, useScopeBody, useScopeDefinition, useScopeState } from './filter-bar';
import {
  AnalysisPage,
  questionLabel,
  questionsOf,
  ResultState,
  SmallSampleAlert,
  SmallSampleBadge,
  useNumberFormat,
} from './shared';
import { TableRegion } from '../../components/table-region';

/** `/w/:id/analytics/gaps`: expectation gaps (outcome − expectation), worst first. */
export function GapsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [scope, setScope] = useScopeState();
  const body = useScopeBody(scope);
  const survey = useScopeDefinition(workspaceId, scope.surveyId);
  const questions = questionsOf(survey.definition, ['expectation']);
  const query = useExpectationGapsQuery(workspaceId, questions.length > 0 ? body : null);
  return (
    <AnalysisPage title={t('analyses.gaps.title')} intro={t('analyses.gaps.intro')}>
      <FilterBar workspaceId={workspaceId} value={scope} onChange={setScope} />
      {!scope.surveyId ? (
        <Text c="dimmed">{t('analyses.common.pickSurvey')}</Text>
      ) : survey.isPending ? (
        <LoadingState />
      ) : questions.length === 0 ? (
        <Text c="dimmed">{t('analyses.gaps.noQuestions')}</Text>
      ) : (
        <ResultState query={query} waiting={body ? null : ''}>
          {(r) => <GapsResult result={r} questions={new Map(questions.map((q) => [q.key, q]))} />}
        </ResultState>
      )}
    </AnalysisPage>
  );
}

function GapsResult(props: { result: ExpectationGapResult; questions: Map<string, Question> }) {
  const { t } = useTranslation();
  const { format, interval } = useNumberFormat();
  const r = props.result;
  const label = (key: string) => questionLabel(props.questions.get(key), key);
  if (r.items.every((i) => i.n === 0)) return <Text c="dimmed">{t('analyses.common.noData')}</Text>;
  const option: ChartOption = {
    grid: { left: 8, right: 24, top: 8, bottom: 36 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      name: t('analyses.gaps.axis'),
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { formatter: (v: number) => format(v, 1) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: r.items.map((i) => label(i.question)),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('analyses.gaps.gap'),
        data: r.items.map((i) => ({
          value: i.gap ?? 0,
          itemStyle: { color: (i.gap ?? 0) < 0 ? '#c92a2a' : chartColors.bar },
        })),
      },
      intervalSeries(
        r.items.flatMap((i, index) => (i.ci95 ? [{ index, low: i.ci95[0], high: i.ci95[1] }] : [])),
        true,
      ),
    ],
  };
  return (
    <>
      <SmallSampleAlert show={r.items.some((i) => i.smallSample)} />
      <Text fw={500}>{t('analyses.gaps.dimension', { gap: format(r.dimensionGap, 2) })}</Text>
      <EChart
        option={option}
        height={56 + 40 * r.items.length}
        label={t('analyses.gaps.chartLabel')}
      />
      <TableRegion label={t('analyses.gaps.tableCaption')} minWidth={520}>
        <Table withTableBorder striped data-testid="gaps-table">
          <Table.Caption>{t('analyses.gaps.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('analyses.common.question')}</Table.Th>
              <Table.Th scope="col">{t('analyses.gaps.gap')}</Table.Th>
              <Table.Th scope="col">{t('analyses.common.interval')}</Table.Th>
              <Table.Th scope="col">n</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.items.map((i) => (
              <Table.Tr key={i.question}>
                <Table.Th scope="row" fw={400}>
                  {label(i.question)}
                  <SmallSampleBadge show={i.smallSample} />
                </Table.Th>
                <Table.Td>{format(i.gap, 2)}</Table.Td>
                <Table.Td>
                  {i.ci95 ? interval(i.ci95, 2) : t('analyses.common.noInterval')}
                </Table.Td>
                <Table.Td>{i.n}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </>
  );
}
