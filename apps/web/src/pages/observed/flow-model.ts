import type { FlowNode, JourneyMap, ObservedFlow } from '@polku/contracts';

/** The texts the chart's nodes need (from the locale). */
export interface FlowLabels {
  start: string;
  end: string;
  more: string;
  /** A touchpoint at a step, e.g. "Web shop (2)". */
  step: (name: string, step: number) => string;
}

export interface SankeyData {
  nodes: { name: string; depth: number }[];
  links: { source: string; target: string; value: number }[];
}

/** A touchpoint's name where the caller knows it, else its id. */
export function touchpointName(id: string, names: Readonly<Record<string, string>> | undefined) {
  return names?.[id] ?? id;
}

/**
 * The step-by-step flow as ECharts Sankey data. Touches are numbered by step, so the graph is
 * acyclic (a repeat or a jump back is a link to the next column); "start" is the first column,
 * "journey ends" and "continues" the last, so every path reads left to right.
 */
export function sankeyData(
  flow: ObservedFlow['flow'],
  names: Readonly<Record<string, string>> | undefined,
  labels: FlowLabels,
): SankeyData {
  const nodes = new Map<string, { name: string; depth: number }>();
  const node = (n: FlowNode): string => {
    const entry =
      n.kind === 'touchpoint'
        ? { name: labels.step(touchpointName(n.touchpointId, names), n.step), depth: n.step }
        : n.kind === 'start'
          ? { name: labels.start, depth: 0 }
          : { name: n.kind === 'end' ? labels.end : labels.more, depth: flow.maxSteps + 1 };
    if (!nodes.has(entry.name)) nodes.set(entry.name, entry);
    return entry.name;
  };
  const links = flow.links.map((l) => ({
    source: node(l.source),
    target: node(l.target),
    value: l.count,
  }));
  return { nodes: [...nodes.values()], links };
}

/**
 * A designed journey's order as the flow query takes it (touchpoint id → stage index) and its
 * touchpoint names. One computation for the journey's observed tab and the standalone page, so
 * both classify the same transitions (jumps back, skipped stages) the same way.
 */
export function journeyOrderOf(map: Pick<JourneyMap, 'stages'>): {
  stageOrder: Record<string, number>;
  touchpointNames: Record<string, string>;
} {
  const stageOrder: Record<string, number> = {};
  const touchpointNames: Record<string, string> = {};
  map.stages.forEach((stage, index) => {
    for (const tp of stage.touchpoints) {
      stageOrder[tp.id] = index;
      touchpointNames[tp.id] = tp.name;
    }
  });
  return { stageOrder, touchpointNames };
}
