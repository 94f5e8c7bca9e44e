import { MultiSelect, Select, Stack, Table, Text } from '@mantine/core';
import { MAX_KEY_DRIVERS, type KeyDriverResult, type Question } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeyDriversQuery } from '../../api/analyses';
import { LoadingState } from '../../components/status';
import { useWorkspaceId } from '../../lib/membership';
import { chartColors, EChart, type ChartOption } from './echart';
import { FilterBar, useScopeBody, useScopeDefinition, useScopeState } from './filter-bar';
import {
  AnalysisPage,
  numericTypes,
  questionLabel,
  questionOptions,
  questionsOf,
  ResultState,
  scoreTypes,
  SmallSampleAlert,
  useNumberFormat,
} from './shared';
import { TableRegion } from '../../components/table-region';

/** `/w/:id/analytics/drivers`: LMG share of R² and correlation of up to 10 drivers. */
export function DriversPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [scope, setScope] = useScopeState();
  const body = useScopeBody(scope);
  const survey = useScopeDefinition(workspaceId, scope.surveyId);
  const outcomes = questionsOf(survey.definition, scoreTypes);
  const candidates = questionsOf(survey.definition, numericTypes);
  // Choices belong to the survey they were made on; another survey starts from its defaults.
  const [choice, setChoice] = useState<{ surveyId: string; outcome: string; drivers: string[] }>();
  const own = choice?.surveyId === scope.surveyId ? choice : undefined;
  const outcome =
    own && outcomes.some((q) => q.key === own.outcome)
      ? own.outcome
      : ((outcomes.find((q) => q.type === 'nps') ?? outcomes[0])?.key ?? '');
  const drivers = own
    ? own.drivers.filter((k) => k !== outcome && candidates.some((q) => q.key === k))
    : candidates
        .filter((q) => q.key !== outcome)
        .slice(0, MAX_KEY_DRIVERS)
        .map((q) => q.key);
  const query = useKeyDriversQuery(
    workspaceId,
    body && outcome && drivers.length > 0 ? { ...body, outcome, drivers } : null,
  );
  const byKey = new Map(candidates.map((q) => [q.key, q]));

  return (
    <AnalysisPage title={t('analyses.drivers.title')} intro={t('analyses.drivers.intro')}>
      <FilterBar workspaceId={workspaceId} value={scope} onChange={setScope} />
      {!scope.surveyId ? (
        <Text c="dimmed">{t('analyses.common.pickSurvey')}</Text>
      ) : survey.isPending ? (
        <LoadingState />
      ) : outcomes.length === 0 || candidates.length < 2 ? (
        <Text c="dimmed">{t('analyses.common.noFittingQuestions')}</Text>
      ) : (
        <>
          <Stack gap="sm">
            <Select
              label={t('analyses.drivers.outcome')}
              data={questionOptions(outcomes)}
              value={outcome || null}
              onChange={(v) => setChoice({ surveyId: scope.surveyId, outcome: v ?? '', drivers })}
              allowDeselect={false}
              maw={520}
            />
            <MultiSelect
              label={t('analyses.drivers.drivers')}
              data={questionOptions(candidates.filter((q) => q.key !== outcome))}
              value={drivers}
              onChange={(v) => setChoice({ surveyId: scope.surveyId, outcome, drivers: v })}
              maxValues={MAX_KEY_DRIVERS}
              maw={720}
            />
          </Stack>
          <ResultState
            query={query}
            waiting={
              !outcome || drivers.length === 0
                ? t('analyses.drivers.needDrivers')
                : body
                  ? null
                  : ''
            }
          >
            {(r) => <DriversResult result={r} questions={byKey} />}
          </ResultState>
        </>
      )}
    </AnalysisPage>
  );
}

function DriversResult(props: { result: KeyDriverResult; questions: Map<string, Question> }) {
  const { t } = useTranslation();
  const { format } = useNumberFormat();
  const r = props.result;
  const rows = [...r.drivers].sort(
    (a, b) => (b.percentOfRSquared ?? -1) - (a.percentOfRSquared ?? -1),
  );
  const label = (key: string) => questionLabel(props.questions.get(key), key);
  const option: ChartOption = {
    grid: { left: 8, right: 48, top: 8, bottom: 32 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', name: t('analyses.drivers.axis'), nameLocation: 'middle', nameGap: 24 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((d) => label(d.question)),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('analyses.drivers.share'),
        data: rows.map((d) => d.percentOfRSquared ?? 0),
        itemStyle: { color: chartColors.bar },
        label: {
          show: true,
          position: 'right',
          formatter: (p) => `${format(p.value as number)} %`,
        },
      },
    ],
  };
  const r2 = format(r.rSquared, 3);
  if (r.n === 0) return <Text c="dimmed">{t('analyses.common.noData')}</Text>;
  return (
    <>
      <SmallSampleAlert show={r.smallSample} />
      <Text fw={500} data-testid="drivers-summary">
        {t('analyses.drivers.summary', { r2, n: r.n })}
      </Text>
      <EChart
        option={option}
        height={56 + 36 * rows.length}
        label={t('analyses.drivers.chartLabel')}
      />
      <TableRegion label={t('analyses.drivers.tableCaption', { r2, n: r.n })} minWidth={480}>
        <Table withTableBorder striped data-testid="drivers-table">
          <Table.Caption>{t('analyses.drivers.tableCaption', { r2, n: r.n })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('analyses.drivers.driver')}</Table.Th>
              <Table.Th scope="col">{t('analyses.drivers.share')}</Table.Th>
              <Table.Th scope="col">{t('analyses.drivers.lmg')}</Table.Th>
              <Table.Th scope="col">{t('analyses.drivers.correlation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.question}>
                <Table.Th scope="row" fw={400}>
                  {label(d.question)}
                </Table.Th>
                <Table.Td>
                  {d.percentOfRSquared === null ? '–' : `${format(d.percentOfRSquared)} %`}
                </Table.Td>
                <Table.Td>{format(d.lmg, 3)}</Table.Td>
                <Table.Td>{format(d.correlation, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </>
  );
}
