import { describe, expect, it } from 'vitest';
import { createHistogram, MetricInputError } from './histogram.js';
import {
  computeCes,
  computeCsat,
  computeCxIndexOpenForm,
  computeSingleItemCsi,
  computeThreeItemCsi,
} from './satisfaction.js';

describe('computeCsat', () => {
  it('gives 69.16% for Delighted’s 42×5, 32×4, 10×3, 9×2, 14×1 (74 of 107)', () => {
    const result = computeCsat(
      new Map([
        [5, 42],
        [4, 32],
        [3, 10],
        [2, 9],
        [1, 14],
      ]),
    );
    expect(result).toMatchObject({ n: 107, satisfied: 74, method: 'wilson' });
    expect(result.csat).toBeCloseTo(69.16, 2);
  });

  it('gives 60% for Intercom’s 10/20/10/5/5 on 5..1', () => {
    expect(
      computeCsat(
        new Map([
          [5, 10],
          [4, 20],
          [3, 10],
          [2, 5],
          [1, 5],
        ]),
      ).csat,
    ).toBe(60);
  });

  it('does not count a 3 as satisfied, and reports the mean beside the top-2-box', () => {
    const result = computeCsat(createHistogram([3, 3, 5, 4]));
    expect(result.csat).toBe(50);
    expect(result.mean).toBe(3.75);
  });

  it('gives a Wilson interval that matches the formula and stays within 0–100', () => {
    const [low, high] = computeCsat(
      new Map([
        [5, 42],
        [4, 32],
        [3, 10],
        [2, 9],
        [1, 14],
      ]),
    ).ci95!;
    const z = 1.959963984540054;
    const p = 74 / 107;
    const n = 107;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
    expect(low).toBeCloseTo(100 * (centre - half), 10);
    expect(high).toBeCloseTo(100 * (centre + half), 10);
    const [allLow, allHigh] = computeCsat(new Map([[5, 5]])).ci95!;
    expect(allHigh).toBe(100);
    expect(allLow).toBeGreaterThan(0);
    expect(allLow).toBeLessThan(100);
  });

  it('gives null with n = 0 and throws on a 6 or a 0', () => {
    expect(computeCsat(new Map())).toMatchObject({ n: 0, csat: null, ci95: null });
    expect(() => computeCsat(new Map([[6, 1]]))).toThrow(MetricInputError);
    expect(() => computeCsat(new Map([[0, 1]]))).toThrow(/CSAT: answer value 0/);
  });
});

describe('computeSingleItemCsi', () => {
  it('rescales the mean to 0–100 by (x̄ − 1)/(k − 1)·100', () => {
    expect(
      computeSingleItemCsi(
        new Map([
          [10, 1],
          [1, 1],
        ]),
        { min: 1, max: 10 },
      ),
    ).toBe(50);
    expect(computeSingleItemCsi(createHistogram([4, 5]), { min: 1, max: 5 })).toBe(87.5);
    expect(computeSingleItemCsi(new Map(), { min: 1, max: 5 })).toBeNull();
  });

  it('puts a scale that starts at 0 on 0–100 from its 0: (x̄ − 0)/(k − 0)·100', () => {
    // 0, 5 and 10 on 0–10: mean 5, the middle of the scale.
    expect(computeSingleItemCsi(createHistogram([0, 5, 10]), { min: 0, max: 10 })).toBe(50);
    // 0–4 (five points from 0): 3 and 4 average 3.5, 87.5 % of the way up, as 4 and 5 on 1–5.
    expect(computeSingleItemCsi(createHistogram([3, 4]), { min: 0, max: 4 })).toBe(87.5);
  });

  it('refuses a 0 on a scale that starts at 1, and a scale that starts elsewhere', () => {
    expect(() => computeSingleItemCsi(createHistogram([0, 5]), { min: 1, max: 5 })).toThrow(
      'CSI: answer value 0 is not an integer from 1 to 5',
    );
    expect(() => computeSingleItemCsi(createHistogram([3]), { min: 2, max: 5 })).toThrow(
      'the one-item form needs a scale from 0 or 1',
    );
  });
});

describe('computeThreeItemCsi', () => {
  it('gives the unweighted DIY form (S + E + P − 3)/27·100 by default', () => {
    const result = computeThreeItemCsi({
      overallSatisfaction: createHistogram([8]),
      expectationDisconfirmation: createHistogram([7]),
      comparisonToIdeal: createHistogram([6]),
    });
    expect(result.csi).toBeCloseTo(((8 + 7 + 6 - 3) / 27) * 100, 10);
  });

  it('applies weights that sum to 1 and rejects weights that do not', () => {
    const items = {
      overallSatisfaction: createHistogram([10]),
      expectationDisconfirmation: createHistogram([1]),
      comparisonToIdeal: createHistogram([1]),
    };
    expect(computeThreeItemCsi(items, [0.5, 0.25, 0.25]).csi).toBeCloseTo(50, 10);
    expect(() => computeThreeItemCsi(items, [1, 1, 1])).toThrow(MetricInputError);
  });

  it('takes ACSI-style weights and refuses zero, negative or non-summing ones', () => {
    const items = {
      overallSatisfaction: createHistogram([8]),
      expectationDisconfirmation: createHistogram([7]),
      comparisonToIdeal: createHistogram([6]),
    };
    // By hand: (7·.3885 + 6·.3190 + 5·.2925)/9·100 = 6.096/9·100.
    expect(computeThreeItemCsi(items, [0.3885, 0.319, 0.2925]).csi).toBeCloseTo(67.7333333, 6);
    // Thirds written to seven decimals sum to 0.9999999: within the 1e-6 tolerance.
    expect(computeThreeItemCsi(items, [0.3333333, 0.3333333, 0.3333333]).csi).toBeCloseTo(
      ((8 + 7 + 6 - 3) / 27) * 100,
      4,
    );
    expect(() => computeThreeItemCsi(items, [0.333332, 0.333333, 0.333333])).toThrow(
      /these sum to 0\.999998/,
    );
    expect(() => computeThreeItemCsi(items, [0.33, 0.33, 0.33])).toThrow(
      /sum to 1; these sum to 0\.99/,
    );
    expect(() => computeThreeItemCsi(items, [0.5, 0.5, 0])).toThrow(/positive/);
    expect(() => computeThreeItemCsi(items, [1.2, -0.1, -0.1])).toThrow(/positive/);
  });

  it('is null when an item has no answers', () => {
    const result = computeThreeItemCsi({
      overallSatisfaction: createHistogram([8]),
      expectationDisconfirmation: new Map(),
      comparisonToIdeal: createHistogram([6]),
    });
    expect(result.csi).toBeNull();
    expect(result.ns).toEqual([1, 0, 1]);
  });
});

describe('computeCes', () => {
  it('gives the mean, a t interval with n − 1 df, and % easy (5–7)', () => {
    const result = computeCes(createHistogram([7, 6, 5, 3]));
    expect(result.mean).toBe(5.25);
    expect(result.easyPercent).toBe(75);
    const s = Math.sqrt(
      ((7 - 5.25) ** 2 + (6 - 5.25) ** 2 + (5 - 5.25) ** 2 + (3 - 5.25) ** 2) / 3,
    );
    const [low, high] = result.ci95!;
    // t(0.975, 3) = 3.182446
    expect(high - 5.25).toBeCloseTo((3.182446305284 * s) / 2, 8);
    expect(low).toBeCloseTo(5.25 - (high - 5.25), 12);
  });

  it('has no interval for a single answer and null figures for none', () => {
    expect(computeCes(createHistogram([6])).ci95).toBeNull();
    expect(computeCes(new Map())).toMatchObject({ n: 0, mean: null, easyPercent: null });
  });

  it('throws on an 8: a 1–7 scale only', () => {
    expect(() => computeCes(new Map([[8, 1]]))).toThrow(MetricInputError);
  });
});

describe('computeCxIndexOpenForm', () => {
  it('averages %top-2 − %bottom-2 over effectiveness, ease and emotion', () => {
    const result = computeCxIndexOpenForm({
      effectiveness: createHistogram([5, 5, 1]),
      ease: createHistogram([4, 3]),
      emotion: createHistogram([2]),
    });
    expect(result.effectiveness.score).toBeCloseTo(100 / 3, 10);
    expect(result.ease.score).toBe(50);
    expect(result.emotion.score).toBe(-100);
    expect(result.cxIndex).toBeCloseTo((100 / 3 + 50 - 100) / 3, 10);
  });

  it('is null when an item has no answers', () => {
    const result = computeCxIndexOpenForm({
      effectiveness: createHistogram([5]),
      ease: new Map(),
      emotion: createHistogram([5]),
    });
    expect(result.cxIndex).toBeNull();
  });
});
