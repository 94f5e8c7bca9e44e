import { describe, expect, it } from 'vitest';
import { buildObservedFlow, classifyTransition } from './flow.js';

describe('classifying a transition by the stage order', () => {
  const order = { web: 0, window: 0, checkout: 1, courier: 2, service: 3 };
  it('tells repeats, forward moves, skips, moves within a stage and jumps back', () => {
    expect(classifyTransition('web', 'web', order)).toEqual({ kind: 'repeat', skipped: 0 });
    expect(classifyTransition('web', 'checkout', order)).toEqual({ kind: 'forward', skipped: 0 });
    expect(classifyTransition('web', 'service', order)).toEqual({ kind: 'skip', skipped: 2 });
    expect(classifyTransition('web', 'window', order)).toEqual({ kind: 'within', skipped: 0 });
    expect(classifyTransition('courier', 'web', order)).toEqual({ kind: 'back', skipped: 0 });
  });
  it('knows only repeats without an order, or for a touchpoint the order does not place', () => {
    expect(classifyTransition('a', 'a', undefined)).toEqual({ kind: 'repeat', skipped: 0 });
    expect(classifyTransition('a', 'b', undefined)).toEqual({ kind: 'unknown', skipped: null });
    expect(classifyTransition('web', 'elsewhere', order)).toEqual({
      kind: 'unknown',
      skipped: null,
    });
  });
});

describe('the observed flow from step counts', () => {
  // Two sequences: a b b c, and a c. Steps capped at maxSteps + 1 = 3.
  const rows = [
    { step: 1, from: null, to: 'a', count: 2, ends: 0 },
    { step: 2, from: 'a', to: 'b', count: 1, ends: 0 },
    { step: 2, from: 'a', to: 'c', count: 1, ends: 1 },
    { step: 3, from: 'b', to: 'b', count: 1, ends: 0 },
    { step: 3, from: 'b', to: 'c', count: 1, ends: 1 },
  ];
  const f = buildObservedFlow(rows, 2, { a: 0, b: 1, c: 2 });

  it('adds transitions over every step, and counts starts and drop-offs per touchpoint', () => {
    expect(f.customers).toBe(2);
    expect(f.touches).toBe(6);
    expect(f.transitions).toEqual([
      { from: 'a', to: 'b', count: 1, kind: 'forward', skipped: 0 },
      { from: 'a', to: 'c', count: 1, kind: 'skip', skipped: 1 },
      { from: 'b', to: 'b', count: 1, kind: 'repeat', skipped: 0 },
      { from: 'b', to: 'c', count: 1, kind: 'forward', skipped: 0 },
    ]);
    expect(f.summary).toEqual({ transitions: 4, repeats: 1, jumpsBack: 0, skips: 1 });
    expect(f.touchpoints).toEqual(
      [
        { touchpointId: 'b', touches: 2, starts: 0, dropOffs: 0, stage: 1 },
        { touchpointId: 'a', touches: 2, starts: 2, dropOffs: 0, stage: 0 },
        { touchpointId: 'c', touches: 2, starts: 0, dropOffs: 2, stage: 2 },
      ].sort((x, y) => y.touches - x.touches || x.touchpointId.localeCompare(y.touchpointId)),
    );
  });

  it('draws the steps up to maxSteps, and what goes on past them as "more"', () => {
    const at = (step: number, id: string) => ({ kind: 'touchpoint', step, touchpointId: id });
    expect(f.flow).toEqual({
      maxSteps: 2,
      links: [
        { source: { kind: 'start' }, target: at(1, 'a'), count: 2 },
        { source: at(1, 'a'), target: at(2, 'b'), count: 1 },
        { source: at(2, 'b'), target: { kind: 'more' }, count: 1 },
        { source: at(1, 'a'), target: at(2, 'c'), count: 1 },
        { source: at(2, 'c'), target: { kind: 'end' }, count: 1 },
      ],
    });
  });
});
