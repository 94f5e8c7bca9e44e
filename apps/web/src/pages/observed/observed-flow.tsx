import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ObservedFlow as Flow, ObservedFlowQuery, TransitionKind } from '@polku/contracts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useObservedFlowQuery } from '../../api/events';
import { periodRange } from '@polku/contracts';
import { useWorkspaceQuery } from '../../api/workspace';
import { todayIn } from '../analytics/period';
import { ResultState, useNumberFormat } from '../analyses/shared';
import { sankeyData, touchpointName } from './flow-model';
import { TableRegion } from '../../components/table-region';

// ECharts loads with the chart, not with the page that embeds this component.
const SankeyFlowChart = lazy(() => import('./sankey-chart'));

const outcomes = ['all', 'promoter', 'passive', 'detractor'] as const;
type Outcome = (typeof outcomes)[number];

const kindColors: Record<TransitionKind, string | null> = {
  repeat: 'yellow',
  back: 'red',
  skip: 'orange',
  forward: 'green',
  within: 'blue',
  unknown: null,
};

export interface ObservedFlowProps {
  workspaceId: string;
  /** The designed journey's order, touchpoint id → stage index: transitions are classified. */
  stageOrder?: Record<string, number>;
  /** Touchpoint names to show instead of ids. */
  touchpointNames?: Record<string, string>;
  /**
   * The period to show, when a surrounding view chooses it (the journey map's period drives its
   * observed tab); the dates can still be changed here. Without it: the last 12 months.
   */
  period?: { from: string; to: string };
}

/**
 * The observed flow between touchpoints: a period and an outcome filter, the step-by-step
 * Sankey chart, and the same figures in tables (transitions with their kind, and per
 * touchpoint the touches, starts and drop-offs). Embeddable beside a journey map.
 */
export function ObservedFlow(props: ObservedFlowProps) {
  const { t } = useTranslation();
  const workspace = useWorkspaceQuery(props.workspaceId);
  const timeZone = workspace.data?.timeZone;
  // The same "last 12 months" as the explorer and the map, on the workspace's today.
  const initial = props.period ?? (timeZone ? periodRange('12m', todayIn(timeZone)) : null);
  const [edited, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [drivenBy, setDrivenBy] = useState(initial);
  // A new period from the surrounding view replaces what was typed here.
  if (initial && (drivenBy?.from !== initial.from || drivenBy.to !== initial.to)) {
    setDrivenBy(initial);
    setPeriod(null);
  }
  const period = edited ?? initial ?? { from: '', to: '' };
  const [outcome, setOutcome] = useState<Outcome>('all');
  const [debounced] = useDebouncedValue(period, 400);
  // Typed dates wait until the typing stops; a period from outside applies at once.
  const settled = edited ? debounced : period;
  const { stageOrder } = props;
  const known = initial !== null;
  const body = useMemo((): ObservedFlowQuery | null => {
    const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
    if (!known) return null; // the workspace's today is not known yet
    if ((settled.from && !valid(settled.from)) || (settled.to && !valid(settled.to))) return null;
    if (settled.from && settled.to && settled.from > settled.to) return null;
    return {
      ...(settled.from && { from: settled.from }),
      ...(settled.to && { to: settled.to }),
      ...(outcome !== 'all' && { outcome: { band: outcome } }),
      ...(stageOrder && { stageOrder }),
    };
  }, [settled.from, settled.to, outcome, stageOrder, known]);
  const query = useObservedFlowQuery(props.workspaceId, body);
  return (
    <Stack gap="md" data-testid="observed-flow">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t('observed.from')}
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('observed.to')}
          value={period.to}
          onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
        />
        <Select
          label={t('observed.outcome')}
          data={outcomes.map((o) => ({ value: o, label: t(`observed.outcomes.${o}`) }))}
          value={outcome}
          onChange={(v) => setOutcome(v ?? 'all')}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {outcome !== 'all' && (
        <Text size="sm" c="dimmed">
          {t('observed.outcomeHint')}
        </Text>
      )}
      <ResultState query={query} waiting={body ? null : ''}>
        {(flow) => (
          <FlowResult
            flow={flow}
            names={{ ...flow.touchpointNames, ...props.touchpointNames }}
            stageOrderKnown={stageOrder !== undefined}
          />
        )}
      </ResultState>
    </Stack>
  );
}

function FlowResult(props: {
  flow: Flow;
  names: Record<string, string> | undefined;
  stageOrderKnown: boolean;
}) {
  const { t } = useTranslation();
  const { format } = useNumberFormat();
  const { flow, names } = props;
  const n = (x: number) => format(x, 0);
  if (flow.touches === 0) return <Text c="dimmed">{t('observed.noData')}</Text>;
  const labels = {
    start: t('observed.start'),
    end: t('observed.end'),
    more: t('observed.more'),
    step: (name: string, step: number) => t('observed.stepNode', { name, step }),
  };
  const data = sankeyData(flow.flow, names, labels);
  // Tall enough that the busiest column's nodes each have a label's height (labels of
  // nodes stacked closer than a line overlap): 18 px of gap plus at least 14 px of node.
  const busiest = Math.max(
    1,
    ...Object.values(
      data.nodes.reduce<Record<number, number>>((by, node) => {
        by[node.depth] = (by[node.depth] ?? 0) + 1;
        return by;
      }, {}),
    ),
  );
  const height = Math.max(
    320,
    Math.min(1200, Math.max(32 * busiest + 40, 40 * flow.touchpoints.length + 160)),
  );
  const name = (id: string) => touchpointName(id, names);
  return (
    <>
      <Text>
        {t('observed.summary', {
          customers: n(flow.customers),
          touches: n(flow.touches),
          transitions: n(flow.summary.transitions),
          repeats: n(flow.summary.repeats),
          jumpsBack: n(flow.summary.jumpsBack),
          skips: n(flow.summary.skips),
        })}
      </Text>
      <Suspense fallback={<Text c="dimmed">{t('observed.chartLoading')}</Text>}>
        <SankeyFlowChart
          data={data}
          label={t('observed.chartLabel')}
          endName={labels.end}
          moreName={labels.more}
          height={height}
        />
      </Suspense>
      {!props.stageOrderKnown && (
        <Text size="sm" c="dimmed">
          {t('observed.noStageOrder')}
        </Text>
      )}
      <TableRegion
        label={t('observed.transitionsCaption', { count: n(flow.summary.transitions) })}
        minWidth={560}
      >
        <Table withTableBorder striped data-testid="observed-transitions">
          <Table.Caption>
            {t('observed.transitionsCaption', { count: n(flow.summary.transitions) })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('observed.columns.from')}</Table.Th>
              <Table.Th scope="col">{t('observed.columns.to')}</Table.Th>
              <Table.Th scope="col">{t('observed.columns.count')}</Table.Th>
              <Table.Th scope="col">{t('observed.columns.kind')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flow.transitions.map((x) => {
              const color = kindColors[x.kind];
              const label = t(`observed.kinds.${x.kind}`, { count: x.skipped ?? 0 });
              return (
                <Table.Tr key={`${x.from}>${x.to}`}>
                  <Table.Th scope="row" fw={400}>
                    {name(x.from)}
                  </Table.Th>
                  <Table.Td>{name(x.to)}</Table.Td>
                  <Table.Td>{n(x.count)}</Table.Td>
                  <Table.Td>
                    {color ? (
                      <Badge color={color} variant="light" data-kind={x.kind}>
                        {label}
                      </Badge>
                    ) : (
                      label
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableRegion>
      <TableRegion label={t('observed.touchpointsCaption')} minWidth={560}>
        <Table withTableBorder striped data-testid="observed-touchpoints">
          <Table.Caption>{t('observed.touchpointsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('observed.columns.touchpoint')}</Table.Th>
              {props.stageOrderKnown && (
                <Table.Th scope="col">{t('observed.columns.stage')}</Table.Th>
              )}
              <Table.Th scope="col">{t('observed.columns.touches')}</Table.Th>
              <Table.Th scope="col">{t('observed.columns.starts')}</Table.Th>
              <Table.Th scope="col">{t('observed.columns.dropOffs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flow.touchpoints.map((x) => (
              <Table.Tr key={x.touchpointId}>
                <Table.Th scope="row" fw={400}>
                  {name(x.touchpointId)}
                </Table.Th>
                {props.stageOrderKnown && (
                  <Table.Td>{x.stage === null ? '–' : x.stage + 1}</Table.Td>
                )}
                <Table.Td>{n(x.touches)}</Table.Td>
                <Table.Td>{n(x.starts)}</Table.Td>
                <Table.Td>{n(x.dropOffs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </>
  );
}
