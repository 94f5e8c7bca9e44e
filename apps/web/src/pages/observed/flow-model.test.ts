import { describe, expect, it } from 'vitest';
import { sankeyData } from './flow-model';

const labels = {
  start: 'Start',
  end: 'Ends',
  more: 'More',
  step: (name: string, step: number) => `${name} (${step})`,
};
const at = (step: number, touchpointId: string) =>
  ({ kind: 'touchpoint', step, touchpointId }) as const;

describe('the Sankey data of an observed flow', () => {
  it('names touchpoints by step, and puts start first and the ends last', () => {
    const data = sankeyData(
      {
        maxSteps: 2,
        links: [
          { source: { kind: 'start' }, target: at(1, 'web'), count: 5 },
          { source: at(1, 'web'), target: at(2, 'web'), count: 2 },
          { source: at(1, 'web'), target: { kind: 'end' }, count: 3 },
          { source: at(2, 'web'), target: { kind: 'more' }, count: 2 },
        ],
      },
      { web: 'Web shop' },
      labels,
    );
    expect(data.nodes).toEqual([
      { name: 'Start', depth: 0 },
      { name: 'Web shop (1)', depth: 1 },
      { name: 'Web shop (2)', depth: 2 },
      { name: 'Ends', depth: 3 },
      { name: 'More', depth: 3 },
    ]);
    expect(data.links).toEqual([
      { source: 'Start', target: 'Web shop (1)', value: 5 },
      { source: 'Web shop (1)', target: 'Web shop (2)', value: 2 },
      { source: 'Web shop (1)', target: 'Ends', value: 3 },
      { source: 'Web shop (2)', target: 'More', value: 2 },
    ]);
  });

  it('shows the id of a touchpoint it has no name for', () => {
    const data = sankeyData(
      { maxSteps: 2, links: [{ source: { kind: 'start' }, target: at(1, 'tp-9'), count: 1 }] },
      undefined,
      labels,
    );
    expect(data.nodes[1]).toEqual({ name: 'tp-9 (1)', depth: 1 });
  });
});
