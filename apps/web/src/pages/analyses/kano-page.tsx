import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { kanoRules, kanoTables, type KanoResult, type Question } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKanoQuery } from '../../api/analyses';
import { LoadingState } from '../../components/status';
import { useWorkspaceId } from '../../lib/membership';
import { chartColors, EChart, type ChartOption } from './echart';
import { FilterBar, useScopeBody, useScopeDefinition, useScopeState } from './filter-bar';
import {
  AnalysisPage,
  questionLabel,
  questionsOf,
  ResultState,
  SectionTitle,
  SmallSampleAlert,
  SmallSampleBadge,
  useNumberFormat,
} from './shared';
import { TableRegion } from '../../components/table-region';

const categories = ['A', 'O', 'M', 'I', 'R', 'Q'] as const;
type Rule = (typeof kanoRules)[number];
type Table = (typeof kanoTables)[number];

/** Better/Worse quadrants, split at 0.5 (x = |Worse|, y = Better). */
const quadrants = [
  { key: 'A', x: [0, 0.5], y: [0.5, 1], position: 'insideTopLeft' },
  { key: 'O', x: [0.5, 1], y: [0.5, 1], position: 'insideTopRight' },
  { key: 'M', x: [0.5, 1], y: [0, 0.5], position: 'insideBottomRight' },
  { key: 'I', x: [0, 0.5], y: [0, 0.5], position: 'insideBottomLeft' },
] as const;

/** `/w/:id/analytics/kano`: Kano categories, the assigned category and Better/Worse. */
export function KanoPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [scope, setScope] = useScopeState();
  const [rule, setRule] = useState<Rule>('mode');
  const [table, setTable] = useState<Table>('standard');
  const body = useScopeBody(scope);
  const survey = useScopeDefinition(workspaceId, scope.surveyId);
  const questions = questionsOf(survey.definition, ['kano']);
  const query = useKanoQuery(
    workspaceId,
    body && questions.length > 0 ? { ...body, rule, table } : null,
  );
  return (
    <AnalysisPage title={t('analyses.kano.title')} intro={t('analyses.kano.intro')}>
      <FilterBar workspaceId={workspaceId} value={scope} onChange={setScope} />
      {!scope.surveyId ? (
        <Text c="dimmed">{t('analyses.common.pickSurvey')}</Text>
      ) : survey.isPending ? (
        <LoadingState />
      ) : questions.length === 0 ? (
        <Text c="dimmed">{t('analyses.kano.noQuestions')}</Text>
      ) : (
        <>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="kano-rule">
              {t('analyses.kano.rule')}
            </Text>
            <SegmentedControl
              aria-labelledby="kano-rule"
              value={rule}
              onChange={(v) => setRule(v)}
              data={kanoRules.map((r) => ({ value: r, label: t(`analyses.kano.rules.${r}`) }))}
              w="fit-content"
              maw="100%"
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="kano-table-choice">
              {t('analyses.kano.table')}
            </Text>
            <SegmentedControl
              aria-labelledby="kano-table-choice"
              aria-describedby="kano-table-help"
              value={table}
              onChange={(v) => setTable(v)}
              data={kanoTables.map((x) => ({ value: x, label: t(`analyses.kano.tables.${x}`) }))}
              w="fit-content"
              maw="100%"
              data-testid="kano-table-choice"
            />
            <Text size="xs" c="dimmed" id="kano-table-help">
              {t('analyses.kano.tableHelp')}
            </Text>
          </Stack>
          <ResultState query={query} waiting={body ? null : ''}>
            {(r) => (
              <KanoResultView result={r} questions={new Map(questions.map((q) => [q.key, q]))} />
            )}
          </ResultState>
        </>
      )}
    </AnalysisPage>
  );
}

function KanoResultView(props: { result: KanoResult; questions: Map<string, Question> }) {
  const { t } = useTranslation();
  const { format } = useNumberFormat();
  const r = props.result;
  const label = (key: string) => questionLabel(props.questions.get(key), key);
  if (r.features.every((f) => f.n === 0))
    return <Text c="dimmed">{t('analyses.common.noData')}</Text>;
  const categoryName = (c: (typeof categories)[number]) =>
    `${t(`analyses.kano.categories.${c}`)} (${c})`;
  const counts: ChartOption = {
    grid: { left: 8, right: 16, top: 40, bottom: 24 },
    legend: { top: 0, data: categories.map(categoryName) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: r.features.map((f) => label(f.question)),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: categories.map((c) => ({
      type: 'bar' as const,
      name: categoryName(c),
      stack: 'total',
      itemStyle: { color: chartColors.kano[c] },
      data: r.features.map((f) => f.counts[c] ?? 0),
    })),
  };
  const placed = r.features.filter((f) => f.better !== null && f.worse !== null);
  const scatter: ChartOption = {
    grid: { left: 16, right: 24, top: 16, bottom: 40 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: t('analyses.kano.worseAxis'),
      nameLocation: 'middle',
      nameGap: 26,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: t('analyses.kano.betterAxis'),
      nameLocation: 'middle',
      nameGap: 32,
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: chartColors.bar },
        // Names go left of points on the right half, so they stay inside the chart.
        data: placed.map((f) => ({
          name: label(f.question),
          value: [Math.abs(f.worse!), f.better!],
          label: { position: Math.abs(f.worse!) > 0.6 ? 'left' : 'right' },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: '{b}',
          width: 110,
          overflow: 'truncate',
          color: '#212529',
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: chartColors.line, type: 'dashed' },
          label: { show: false },
          data: [{ xAxis: 0.5 }, { yAxis: 0.5 }],
        },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(0,0,0,0)' },
          label: { color: '#495057', fontWeight: 'bold' },
          data: quadrants.map((q) => [
            {
              name: t(`analyses.kano.quadrants.${q.key}`),
              xAxis: q.x[0],
              yAxis: q.y[0],
              label: { position: q.position },
            },
            { xAxis: q.x[1], yAxis: q.y[1] },
          ]),
        },
      },
    ],
  };
  return (
    <>
      <Text size="sm" data-testid="kano-classified-by">
        {t('analyses.kano.classifiedBy', {
          table: t(`analyses.kano.tables.${r.table}`),
          rule: t(`analyses.kano.rules.${r.rule}`),
        })}
      </Text>
      <SmallSampleAlert show={r.features.some((f) => f.smallSample)} />
      <SectionTitle>{t('analyses.kano.countsTitle')}</SectionTitle>
      <EChart
        option={counts}
        height={80 + 40 * r.features.length}
        label={t('analyses.kano.countsLabel')}
      />
      <SectionTitle>{t('analyses.kano.scatterTitle')}</SectionTitle>
      <EChart option={scatter} height={400} label={t('analyses.kano.scatterLabel')} />
      <TableRegion label={t('analyses.kano.tableCaption')} minWidth={760}>
        <Table withTableBorder striped data-testid="kano-table">
          <Table.Caption>{t('analyses.kano.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('analyses.kano.feature')}</Table.Th>
              <Table.Th scope="col">n</Table.Th>
              {categories.map((c) => (
                <Table.Th scope="col" key={c}>
                  <abbr title={t(`analyses.kano.categories.${c}`)}>{c}</abbr>
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('analyses.kano.category')}</Table.Th>
              <Table.Th scope="col">{t('analyses.kano.better')}</Table.Th>
              <Table.Th scope="col">{t('analyses.kano.worse')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.features.map((f) => (
              <Table.Tr key={f.question} data-testid={`kano-row-${f.question}`}>
                <Table.Th scope="row" fw={400}>
                  {label(f.question)}
                  <SmallSampleBadge show={f.smallSample} />
                </Table.Th>
                <Table.Td>{f.n}</Table.Td>
                {categories.map((c) => (
                  <Table.Td key={c}>{f.counts[c] ?? 0}</Table.Td>
                ))}
                <Table.Td data-testid="kano-category">
                  {f.category ? categoryName(f.category) : t('analyses.kano.noCategory')}
                </Table.Td>
                <Table.Td>{format(f.better, 2)}</Table.Td>
                <Table.Td>{format(f.worse, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </>
  );
}
