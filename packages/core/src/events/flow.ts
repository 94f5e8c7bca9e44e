import type { FlowNode, ObservedFlow, TransitionKind } from '@polku/contracts';
import type { FlowCountRow } from './ports.js';

/**
 * What a move from one touchpoint to the next is, given the designed journey's stage order
 * (touchpoint id → stage index). Without an order (or with a touchpoint it does not place)
 * only a repeat can be told.
 * @example classifyTransition('a', 'c', { a: 0, b: 1, c: 2 }) // { kind: 'skip', skipped: 1 }
 */
export function classifyTransition(
  from: string,
  to: string,
  stageOrder: Readonly<Record<string, number>> | undefined,
): { kind: TransitionKind; skipped: number | null } {
  if (from === to) return { kind: 'repeat', skipped: 0 };
  const a = stageOrder?.[from];
  const b = stageOrder?.[to];
  if (a === undefined || b === undefined) return { kind: 'unknown', skipped: null };
  if (b === a) return { kind: 'within', skipped: 0 };
  if (b < a) return { kind: 'back', skipped: 0 };
  if (b === a + 1) return { kind: 'forward', skipped: 0 };
  return { kind: 'skip', skipped: b - a - 1 };
}

const key = (n: FlowNode): string =>
  n.kind === 'touchpoint' ? `t:${n.step}:${n.touchpointId}` : n.kind;

/**
 * The observed flow from the SQL counts (FlowCountRow: touches by step, previous and current
 * touchpoint). Transitions add up every step; the Sankey links number touches by step, so a
 * repeat or a jump back becomes a link to a later step and the chart stays acyclic.
 */
export function buildObservedFlow(
  rows: readonly FlowCountRow[],
  maxSteps: number,
  stageOrder?: Readonly<Record<string, number>>,
): Omit<ObservedFlow, 'touchpointNames'> {
  const touchpoints = new Map<string, { touches: number; starts: number; dropOffs: number }>();
  const transitions = new Map<string, { from: string; to: string; count: number }>();
  const links = new Map<string, { source: FlowNode; target: FlowNode; count: number }>();
  const link = (source: FlowNode, target: FlowNode, count: number) => {
    if (count <= 0) return;
    const k = `${key(source)}>${key(target)}`;
    const l = links.get(k);
    if (l) l.count += count;
    else links.set(k, { source, target, count });
  };
  let customers = 0;
  let touches = 0;
  for (const r of rows) {
    touches += r.count;
    const tp = touchpoints.get(r.to) ?? { touches: 0, starts: 0, dropOffs: 0 };
    tp.touches += r.count;
    tp.dropOffs += r.ends;
    touchpoints.set(r.to, tp);
    if (r.from === null) {
      customers += r.count;
      tp.starts += r.count;
    } else {
      const k = `${r.from}\u0000${r.to}`;
      const t = transitions.get(k) ?? { from: r.from, to: r.to, count: 0 };
      t.count += r.count;
      transitions.set(k, t);
    }
    if (r.step > maxSteps) continue;
    const here: FlowNode = { kind: 'touchpoint', step: r.step, touchpointId: r.to };
    if (r.from === null) link({ kind: 'start' }, here, r.count);
    else link({ kind: 'touchpoint', step: r.step - 1, touchpointId: r.from }, here, r.count);
    link(here, { kind: 'end' }, r.ends);
    // Touches at the last step drawn that were not their sequence's last go on past it.
    if (r.step === maxSteps) link(here, { kind: 'more' }, r.count - r.ends);
  }

  const classified = [...transitions.values()]
    .map((t) => ({ ...t, ...classifyTransition(t.from, t.to, stageOrder) }))
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const sum = (kind: TransitionKind) =>
    classified.filter((t) => t.kind === kind).reduce((s, t) => s + t.count, 0);
  return {
    customers,
    touches,
    touchpoints: [...touchpoints.entries()]
      .map(([touchpointId, t]) => ({
        touchpointId,
        ...t,
        stage: stageOrder?.[touchpointId] ?? null,
      }))
      .sort((a, b) => b.touches - a.touches || a.touchpointId.localeCompare(b.touchpointId)),
    transitions: classified,
    summary: {
      transitions: classified.reduce((s, t) => s + t.count, 0),
      repeats: sum('repeat'),
      jumpsBack: sum('back'),
      skips: sum('skip'),
    },
    flow: { maxSteps, links: [...links.values()] },
  };
}
