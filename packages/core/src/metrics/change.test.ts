import { describe, expect, it } from 'vitest';
import { compareCsat, compareMeans, compareNps, compareProportions } from './change.js';
import { computeStudentTTwoSidedP } from './distributions.js';
import { createHistogram, summarizeHistogram } from './histogram.js';

const delighted = new Map([
  [5, 42],
  [4, 32],
  [3, 10],
  [2, 9],
  [1, 14],
]);
const intercom = new Map([
  [5, 10],
  [4, 20],
  [3, 10],
  [2, 5],
  [1, 5],
]);

describe('compareNps', () => {
  it('tests ΔNPS against √(σ₁²/n₁ + σ₂²/n₂) with Wald (independent samples)', () => {
    const earlier = new Map([
      [10, 50],
      [8, 30],
      [2, 20],
    ]); // NPS 30, σ² = 0.7 − 0.09 = 0.61
    const later = new Map([
      [10, 60],
      [8, 25],
      [2, 15],
    ]); // NPS 45, σ² = 0.75 − 0.2025 = 0.5475
    const result = compareNps(earlier, later, { method: 'wald' })!;
    const se = 100 * Math.sqrt(0.61 / 100 + 0.5475 / 100);
    expect(result.difference).toBeCloseTo(15, 10);
    expect(result.standardError).toBeCloseTo(se, 10);
    expect(result.statistic).toBeCloseTo(15 / se, 10);
    expect(result.significant).toBe(result.pValue! < 0.05);
  });

  it('uses the adjusted values for z under adjusted-Wald but reports the raw difference', () => {
    const result = compareNps(new Map([[10, 5]]), new Map([[0, 5]]))!;
    expect(result.method).toBe('adjusted-wald');
    expect(result.difference).toBe(-200);
    // adjusted NPS: (5.75 − 0.75)/8 = 62.5 and (0.75 − 5.75)/8 = −62.5
    expect((result.ci95[0] + result.ci95[1]) / 2).toBeCloseTo(-125, 10);
    expect(result.smallSample).toBe(true);
  });

  it('is null when a period has no answers', () => {
    expect(compareNps(new Map(), createHistogram([10]))).toBeNull();
  });
});

describe('compareCsat', () => {
  it('runs a pooled two-proportion z test on top-2-box shares (Delighted → Intercom)', () => {
    const result = compareCsat(delighted, intercom)!;
    expect(result.difference).toBeCloseTo(60 - (100 * 74) / 107, 10);
    const pooled = (74 + 30) / 157;
    const se0 = 100 * Math.sqrt(pooled * (1 - pooled) * (1 / 107 + 1 / 50));
    expect(result.statistic).toBeCloseTo(result.difference / se0, 10);
    expect(result.test).toBe('two-proportion-z');
    expect(result.significant).toBe(false);
  });

  it('finds 50% → 70% on 500 answers each significant', () => {
    const result = compareProportions({ successes: 250, n: 500 }, { successes: 350, n: 500 })!;
    expect(result.pValue).toBeLessThan(1e-9);
    expect(result.significant).toBe(true);
    expect(result.smallSample).toBe(false);
  });
});

describe('compareMeans', () => {
  it('computes Welch t and the Welch–Satterthwaite df', () => {
    const result = compareMeans({ n: 5, mean: 4, variance: 4 }, { n: 10, mean: 6, variance: 1 })!;
    const v1 = 4 / 5;
    const v2 = 1 / 10;
    const df = (v1 + v2) ** 2 / (v1 ** 2 / 4 + v2 ** 2 / 9);
    expect(result.degreesOfFreedom).toBeCloseTo(df, 12);
    expect(result.statistic).toBeCloseTo(2 / Math.sqrt(v1 + v2), 12);
    expect(result.pValue).toBeCloseTo(computeStudentTTwoSidedP(2 / Math.sqrt(0.9), df), 12);
    expect(result.smallSample).toBe(true);
  });

  it('gives df = 2(n − 1) and p = 0.05 at the critical t for equal n and variances', () => {
    // t = 2.100922 (the 0.975 quantile at 18 df) when Δ/√(2s²/10) = 2.100922
    const delta = 2.100922040241 * Math.sqrt(0.2);
    const result = compareMeans(
      { n: 10, mean: 5, variance: 1 },
      { n: 10, mean: 5 + delta, variance: 1 },
    )!;
    expect(result.degreesOfFreedom).toBeCloseTo(18, 12);
    expect(result.pValue).toBeCloseTo(0.05, 9);
    expect(result.ci95[0]).toBeCloseTo(0, 8);
  });

  it('works from CES histograms and is null when a period has fewer than 2 answers', () => {
    const result = compareMeans(
      summarizeHistogram(createHistogram([5, 6, 7, 6])),
      summarizeHistogram(createHistogram([3, 4, 2, 3])),
    )!;
    expect(result.difference).toBe(-3);
    const single = summarizeHistogram(createHistogram([5]));
    expect(compareMeans(single, summarizeHistogram(createHistogram([5, 6])))).toBeNull();
  });
});
