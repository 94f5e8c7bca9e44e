import { describe, expect, it } from 'vitest';
import {
  classifyImportancePerformance,
  computeExpectationGap,
  rankExpectationGaps,
} from './ipa.js';

const attributes = [
  { name: 'speed', importance: 4.5, performance: 2.8 },
  { name: 'friendliness', importance: 4.2, performance: 4.4 },
  { name: 'parking', importance: 2.1, performance: 2.5 },
  { name: 'décor', importance: 2.4, performance: 4.1 },
];

describe('classifyImportancePerformance', () => {
  it('puts attributes in the four Martilla & James quadrants around the scale midpoints', () => {
    const result = classifyImportancePerformance(attributes, { importance: 3, performance: 3 });
    expect(result.attributes.map((a) => a.quadrant)).toEqual([
      'concentrate-here',
      'keep-up-the-good-work',
      'low-priority',
      'possible-overkill',
    ]);
  });

  it('moves the crosshair to the grand means by default, which can change membership', () => {
    const result = classifyImportancePerformance(attributes);
    expect(result.crosshair.importance).toBeCloseTo(3.3, 12);
    expect(result.crosshair.performance).toBeCloseTo(3.45, 12);
    const shifted = classifyImportancePerformance(attributes, { importance: 3, performance: 4.2 });
    expect(shifted.attributes[3]!.quadrant).toBe('low-priority');
  });

  it('counts a value exactly on the crosshair as high', () => {
    const result = classifyImportancePerformance([{ name: 'x', importance: 3, performance: 3 }], {
      importance: 3,
      performance: 3,
    });
    expect(result.attributes[0]!.quadrant).toBe('keep-up-the-good-work');
  });
});

describe('computeExpectationGap', () => {
  it('averages perception − expectation over respondents who answered both', () => {
    const gap = computeExpectationGap('speed', [
      { expectation: 6, perception: 4, count: 2 },
      { expectation: 5, perception: 5, count: 2 },
    ]);
    expect(gap).toMatchObject({ n: 4, gap: -1, smallSample: true });
    // differences −2, −2, 0, 0: s = √(4/3), t(0.975, 3) = 3.182446
    expect(gap.ci95![1]).toBeCloseTo(-1 + (3.182446305284 * Math.sqrt(4 / 3)) / 2, 8);
  });

  it('ranks items worst first and averages them into the dimension gap', () => {
    const a = computeExpectationGap('a', [{ expectation: 5, perception: 6, count: 1 }]);
    const b = computeExpectationGap('b', [{ expectation: 7, perception: 4, count: 1 }]);
    const none = computeExpectationGap('c', []);
    const ranked = rankExpectationGaps([a, none, b]);
    expect(ranked.items.map((g) => g.name)).toEqual(['b', 'a', 'c']);
    expect(ranked.dimensionGap).toBe(-1);
    expect(rankExpectationGaps([a, b], [75, 25]).dimensionGap).toBe(0);
  });
});
