import {
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { ipaQuadrants, type IpaQuery, type IpaResult, type Question } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportancePerformanceQuery } from '../../api/analyses';
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
  SmallSampleBadge,
  useNumberFormat,
} from './shared';
import { TableRegion } from '../../components/table-region';

const MAX_ATTRIBUTES = 20;
type Rule = 'mean' | 'median' | 'custom';
interface Choice {
  surveyId: string;
  attributes: string[] | null;
  mode: 'derived' | 'stated';
  outcome: string | null;
  stated: Record<string, string>;
  rule: Rule;
  custom: { importance: number | ''; performance: number | '' };
}

/** `/w/:id/analytics/importance`: the importance–performance matrix (IPA). */
export function ImportancePage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [scope, setScope] = useScopeState();
  const body = useScopeBody(scope);
  const survey = useScopeDefinition(workspaceId, scope.surveyId);
  const numeric = questionsOf(survey.definition, numericTypes);
  const outcomes = questionsOf(survey.definition, scoreTypes);
  const fresh: Choice = {
    surveyId: scope.surveyId,
    attributes: null,
    mode: 'derived',
    outcome: null,
    stated: {},
    rule: 'mean',
    custom: { importance: '', performance: '' },
  };
  const [stored, setStored] = useState<Choice>(fresh);
  // Choices belong to the survey they were made on; another survey starts from the defaults.
  const c = stored.surveyId === scope.surveyId ? stored : fresh;
  const set = (patch: Partial<Choice>) => setStored({ ...c, ...patch });
  const has = (key: string | null) => numeric.some((q) => q.key === key);
  const outcome =
    c.outcome && has(c.outcome)
      ? c.outcome
      : ((outcomes.find((q) => q.type === 'nps') ?? outcomes[0])?.key ?? '');
  const attributes = (
    c.attributes ??
    numeric
      .filter((q) => c.mode === 'stated' || q.key !== outcome)
      .slice(0, MAX_ATTRIBUTES)
      .map((q) => q.key)
  ).filter(has);
  const stated = Object.fromEntries(
    attributes.filter((a) => has(c.stated[a] ?? null)).map((a) => [a, c.stated[a]!]),
  );

  const importance: IpaQuery['importance'] | null =
    c.mode === 'derived'
      ? outcome
        ? { kind: 'derived', outcome }
        : null
      : Object.keys(stated).length === attributes.length
        ? { kind: 'stated', questions: stated }
        : null;
  const crosshair: IpaQuery['crosshair'] | null =
    c.rule !== 'custom'
      ? c.rule
      : typeof c.custom.importance === 'number' && typeof c.custom.performance === 'number'
        ? { importance: c.custom.importance, performance: c.custom.performance }
        : null;
  const waiting =
    attributes.length < 2
      ? t('analyses.importance.needAttributes')
      : !importance
        ? t(
            c.mode === 'derived'
              ? 'analyses.importance.needOutcome'
              : 'analyses.importance.needStated',
          )
        : !body || !crosshair
          ? ''
          : null;
  const query = useImportancePerformanceQuery(
    workspaceId,
    waiting === null && body && importance && crosshair
      ? { ...body, attributes, importance, crosshair }
      : null,
  );
  const byKey = new Map(numeric.map((q) => [q.key, q]));

  return (
    <AnalysisPage title={t('analyses.importance.title')} intro={t('analyses.importance.intro')}>
      <FilterBar workspaceId={workspaceId} value={scope} onChange={setScope} />
      {!scope.surveyId ? (
        <Text c="dimmed">{t('analyses.common.pickSurvey')}</Text>
      ) : survey.isPending ? (
        <LoadingState />
      ) : numeric.length < 2 ? (
        <Text c="dimmed">{t('analyses.common.noFittingQuestions')}</Text>
      ) : (
        <>
          <Stack gap="sm">
            <MultiSelect
              label={t('analyses.importance.attributes')}
              data={questionOptions(numeric)}
              value={attributes}
              onChange={(v) => set({ attributes: v })}
              maxValues={MAX_ATTRIBUTES}
              maw={720}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="ipa-mode">
                {t('analyses.importance.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="ipa-mode"
                value={c.mode}
                onChange={(v) => set({ mode: v })}
                data={[
                  { value: 'derived', label: t('analyses.importance.derived') },
                  { value: 'stated', label: t('analyses.importance.stated') },
                ]}
                w="fit-content"
                maw="100%"
              />
            </Stack>
            {c.mode === 'derived' ? (
              <Select
                label={t('analyses.importance.outcome')}
                data={questionOptions(outcomes)}
                value={outcome || null}
                onChange={(v) => set({ outcome: v })}
                allowDeselect={false}
                maw={520}
              />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} maw={900}>
                {attributes.map((a) => (
                  <Select
                    key={a}
                    label={t('analyses.importance.statedFor', {
                      attribute: questionLabel(byKey.get(a), a),
                    })}
                    data={questionOptions(numeric.filter((q) => q.key !== a))}
                    value={stated[a] ?? null}
                    onChange={(v) => set({ stated: { ...c.stated, [a]: v ?? '' } })}
                  />
                ))}
              </SimpleGrid>
            )}
            <Stack gap={4}>
              <Text size="sm" fw={500} id="ipa-crosshair">
                {t('analyses.importance.crosshair')}
              </Text>
              <SegmentedControl
                aria-labelledby="ipa-crosshair"
                value={c.rule}
                onChange={(v) => set({ rule: v })}
                data={(['mean', 'median', 'custom'] as const).map((r) => ({
                  value: r,
                  label: t(`analyses.importance.${r}`),
                }))}
                w="fit-content"
                maw="100%"
              />
            </Stack>
            {c.rule === 'custom' && (
              <SimpleGrid cols={{ base: 1, xs: 2 }} maw={480}>
                <NumberInput
                  label={t('analyses.importance.crosshairImportance')}
                  value={c.custom.importance}
                  onChange={(v) =>
                    set({ custom: { ...c.custom, importance: typeof v === 'number' ? v : '' } })
                  }
                  decimalScale={3}
                />
                <NumberInput
                  label={t('analyses.importance.crosshairPerformance')}
                  value={c.custom.performance}
                  onChange={(v) =>
                    set({ custom: { ...c.custom, performance: typeof v === 'number' ? v : '' } })
                  }
                  decimalScale={3}
                />
              </SimpleGrid>
            )}
          </Stack>
          <ResultState query={query} waiting={waiting}>
            {(r) => <ImportanceResult result={r} questions={byKey} />}
          </ResultState>
        </>
      )}
    </AnalysisPage>
  );
}

/** Where each quadrant sits in the chart (x = performance, y = importance). */
const quadrantCorners = {
  'concentrate-here': { x: 'low', y: 'high', position: 'insideTopLeft' },
  'keep-up-the-good-work': { x: 'high', y: 'high', position: 'insideTopRight' },
  'low-priority': { x: 'low', y: 'low', position: 'insideBottomLeft' },
  'possible-overkill': { x: 'high', y: 'low', position: 'insideBottomRight' },
} as const;

/** Axis bounds that hold every point and the crosshair, with some room around. */
function extent(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min || Math.abs(max) || 1) * 0.15;
  return [min - pad, max + pad];
}

function ImportanceResult(props: { result: IpaResult; questions: Map<string, Question> }) {
  const { t } = useTranslation();
  const { format } = useNumberFormat();
  const r = props.result;
  const label = (key: string) => questionLabel(props.questions.get(key), key);
  const placed = r.attributes.filter((a) => a.importance !== null && a.performance !== null);
  const digits = r.importanceScale === 'correlation' ? 2 : 1;
  const scaleNote = (s: string) =>
    s === '0-100' ? ` (${t('analyses.importance.scale0to100')})` : '';
  const importanceAxis =
    r.importanceScale === 'correlation'
      ? t('analyses.importance.importanceAxisCorrelation')
      : t('analyses.importance.importanceAxis') + scaleNote(r.importanceScale);
  const performanceAxis = t('analyses.importance.performanceAxis') + scaleNote(r.performanceScale);
  const [xMin, xMax] = extent([...placed.map((a) => a.performance!), r.crosshair.performance]);
  const [yMin, yMax] = extent([...placed.map((a) => a.importance!), r.crosshair.importance]);
  const option: ChartOption = {
    grid: { left: 16, right: 24, top: 16, bottom: 40 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      name: performanceAxis,
      nameLocation: 'middle',
      nameGap: 28,
      min: xMin,
      max: xMax,
      axisLabel: { formatter: (v: number) => format(v, 1) },
    },
    yAxis: {
      type: 'value',
      name: importanceAxis,
      nameLocation: 'middle',
      nameGap: 40,
      min: yMin,
      max: yMax,
      axisLabel: { formatter: (v: number) => format(v, digits) },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: chartColors.bar },
        // Names go left of points on the right part, so they stay inside the chart.
        data: placed.map((a) => ({
          name: label(a.question),
          value: [a.performance!, a.importance!],
          label: { position: a.performance! > xMin + (xMax - xMin) * 0.6 ? 'left' : 'right' },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: '{b}',
          width: 120,
          overflow: 'truncate',
          color: '#212529',
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: chartColors.line, type: 'dashed' },
          label: { show: false },
          data: [{ xAxis: r.crosshair.performance }, { yAxis: r.crosshair.importance }],
        },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(0,0,0,0)' },
          label: { color: '#495057', fontWeight: 'bold' },
          data: ipaQuadrants.map((q) => {
            const corner = quadrantCorners[q];
            return [
              {
                name: t(`analyses.importance.quadrants.${q}`),
                xAxis: corner.x === 'low' ? xMin : r.crosshair.performance,
                yAxis: corner.y === 'low' ? yMin : r.crosshair.importance,
                label: { position: corner.position },
              },
              {
                xAxis: corner.x === 'low' ? r.crosshair.performance : xMax,
                yAxis: corner.y === 'low' ? r.crosshair.importance : yMax,
              },
            ];
          }),
        },
      },
    ],
  };
  const rule = t(`analyses.importance.rules.${r.crosshairRule}`);
  return (
    <>
      <SmallSampleAlert show={r.attributes.some((a) => a.smallSample)} />
      <Text size="sm">
        {t('analyses.importance.crosshairValue', {
          importance: format(r.crosshair.importance, digits),
          performance: format(r.crosshair.performance, 1),
          rule,
        })}
      </Text>
      <EChart option={option} height={420} label={t('analyses.importance.chartLabel')} />
      <TableRegion label={t('analyses.importance.tableCaption')} minWidth={640}>
        <Table withTableBorder striped data-testid="ipa-table">
          <Table.Caption>{t('analyses.importance.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('analyses.importance.attribute')}</Table.Th>
              <Table.Th scope="col">{t('analyses.importance.importance')}</Table.Th>
              <Table.Th scope="col">{t('analyses.importance.importanceN')}</Table.Th>
              <Table.Th scope="col">{t('analyses.importance.performance')}</Table.Th>
              <Table.Th scope="col">n</Table.Th>
              <Table.Th scope="col">{t('analyses.importance.quadrant')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.attributes.map((a) => (
              <Table.Tr key={a.question}>
                <Table.Th scope="row" fw={400}>
                  {label(a.question)}
                  <SmallSampleBadge show={a.smallSample} />
                </Table.Th>
                <Table.Td>{format(a.importance, digits)}</Table.Td>
                <Table.Td>{a.importanceN}</Table.Td>
                <Table.Td>{format(a.performance, 2)}</Table.Td>
                <Table.Td>{a.n}</Table.Td>
                <Table.Td>
                  {a.quadrant
                    ? t(`analyses.importance.quadrants.${a.quadrant}`)
                    : t('analyses.importance.noQuadrant')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </>
  );
}
