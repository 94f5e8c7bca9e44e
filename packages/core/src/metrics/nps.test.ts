import { describe, expect, it } from 'vitest';
import { createHistogram, MetricInputError } from './histogram.js';
import { computeEnps, computeNps, computeWeightedNps, estimateNps } from './nps.js';

/** 291 promoters, 476 passives, 395 detractors (n = 1,162), the published example. */
const published = new Map([
  [10, 150],
  [9, 141],
  [8, 300],
  [7, 176],
  [6, 200],
  [0, 195],
]);

describe('computeNps', () => {
  it('gives NPS 25 for the scores 10, 7, 3, 9', () => {
    const result = computeNps(createHistogram([10, 7, 3, 9]));
    expect(result).toMatchObject({ n: 4, promoters: 2, passives: 1, detractors: 1 });
    expect(result.nps).toBe(25);
  });

  it('gives −8.95 with a Wald margin of 4.388 for 291 / 476 / 395 (published "−9 ± 4.4")', () => {
    const result = computeNps(published, { method: 'wald' });
    expect(result).toMatchObject({ n: 1162, promoters: 291, passives: 476, detractors: 395 });
    expect(result.nps).toBeCloseTo(-8.95, 2);
    expect(result.method).toBe('wald');
    const [low, high] = result.ci95!;
    expect((high - low) / 2).toBeCloseTo(4.388, 3);
    expect((low + high) / 2).toBeCloseTo(result.nps!, 10);
  });

  it('gives NPS 33.3 and per-respondent variance 5/9 for shares ½ / ⅓ / ⅙', () => {
    const result = computeNps(
      new Map([
        [9, 3],
        [8, 2],
        [4, 1],
      ]),
    );
    expect(result.nps).toBeCloseTo(100 / 3, 10);
    expect(result.variance).toBeCloseTo(5 / 9, 12);
    expect(result.shares).toEqual({ promoters: 0.5, passives: 2 / 6, detractors: 1 / 6 });
  });

  it('uses adjusted-Wald by default, centred on the adjusted NPS (¾, 1½, ¾ added; n + 3)', () => {
    const result = computeNps(createHistogram([10, 7, 3, 9]));
    expect(result.method).toBe('adjusted-wald');
    // (2.75 − 1.75)/7 = 14.29, not the raw 25
    expect(result.intervalCentre).toBeCloseTo((100 * (2.75 - 1.75)) / 7, 10);
    const [low, high] = result.ci95!;
    expect((low + high) / 2).toBeCloseTo(result.intervalCentre!, 10);
    expect(estimateNps({ promoters: 2.75, passives: 2.5, detractors: 1.75 })!.standardError).toBe(
      result.standardError,
    );
  });

  it('stretches the interval of one detractor to reach its NPS −100 (adjusted −98.5 … 48.5)', () => {
    const result = computeNps(new Map([[0, 1]]));
    expect(result.nps).toBe(-100);
    // Adjusted counts 0.75 / 1.5 / 1.75 (n = 4): centre −25, SE 37.5, −25 ± 73.5.
    expect(result.intervalCentre).toBeCloseTo(-25, 10);
    expect(result.standardError).toBeCloseTo(37.5, 10);
    const [low, high] = result.ci95!;
    expect(low).toBe(-100);
    expect(high).toBeCloseTo(-25 + 1.959964 * 37.5, 4);
    // Wald on one answer has no width at all, still around the estimate.
    expect(computeNps(new Map([[0, 1]]), { method: 'wald' }).ci95).toEqual([-100, -100]);
  });

  it('keeps every estimate inside its own interval, at every small n and mix', () => {
    for (let n = 1; n <= 12; n++)
      for (let p = 0; p <= n; p++)
        for (let d = 0; d <= n - p; d++) {
          const histogram = new Map([
            [10, p],
            [7, n - p - d],
            [0, d],
          ]);
          for (const method of ['adjusted-wald', 'wald'] as const) {
            const { nps, ci95 } = computeNps(histogram, { method });
            expect(ci95![0]).toBeLessThanOrEqual(nps!);
            expect(ci95![1]).toBeGreaterThanOrEqual(nps!);
          }
        }
  });

  it('leaves the adjusted interval as it is once the estimate lies inside (4 answers)', () => {
    const result = computeNps(createHistogram([10, 7, 3, 9]));
    const margin = 1.959964 * result.standardError!;
    expect(result.ci95![0]).toBeCloseTo(result.intervalCentre! - margin, 4);
    expect(result.ci95![1]).toBeCloseTo(result.intervalCentre! + margin, 4);
  });

  it('counts a skipped answer in no group and not in n', () => {
    const result = computeNps(createHistogram([10, null, 6, undefined]));
    expect(result).toMatchObject({ n: 2, promoters: 1, passives: 0, detractors: 1, nps: 0 });
  });

  it('gives null, not 0, when nobody answered, but still reports n = 0', () => {
    const result = computeNps(new Map());
    expect(result).toMatchObject({ n: 0, nps: null, ci95: null, shares: null, smallSample: true });
    expect(computeNps(new Map([[10, 0]])).nps).toBeNull();
  });

  it('gives all promoters a zero-width Wald interval but a real adjusted-Wald interval', () => {
    const allPromoters = new Map([[10, 20]]);
    const wald = computeNps(allPromoters, { method: 'wald' });
    expect(wald.nps).toBe(100);
    expect(wald.ci95).toEqual([100, 100]);
    const adjusted = computeNps(allPromoters);
    expect(adjusted.nps).toBe(100);
    const [low, high] = adjusted.ci95!;
    expect(high - low).toBeGreaterThan(10);
    expect(high).toBeLessThanOrEqual(100);
  });

  it('flags fewer than 30 answers as a small sample', () => {
    expect(computeNps(new Map([[10, 29]])).smallSample).toBe(true);
    expect(computeNps(new Map([[10, 30]])).smallSample).toBe(false);
  });

  it('throws on an 11, a 7.5, a negative value or a fractional count instead of binning them', () => {
    expect(() => computeNps(new Map([[11, 1]]))).toThrow(MetricInputError);
    expect(() => computeNps(new Map([[7.5, 1]]))).toThrow(/7.5 is not an integer from 0 to 10/);
    expect(() => computeNps(new Map([[-1, 1]]))).toThrow(MetricInputError);
    expect(() => computeNps(new Map([[9, 1.5]]))).toThrow(/count 1.5/);
  });
});

describe('computeEnps', () => {
  it('is NPS on the employee question', () => {
    expect(computeEnps(createHistogram([10, 7, 3, 9])).nps).toBe(25);
    expect(() => computeEnps(new Map([[11, 1]]))).toThrow(/eNPS/);
  });
});

describe('computeWeightedNps', () => {
  it('weights promoters and detractors and uses Kish effective n (Σw)²/Σw²', () => {
    const result = computeWeightedNps(
      new Map([
        [10, { weight: 2, weightSquared: 4 }],
        [0, { weight: 1, weightSquared: 1 }],
      ]),
      { method: 'wald' },
    );
    expect(result.nps).toBeCloseTo(100 / 3, 10);
    expect(result.effectiveN).toBeCloseTo(9 / 5, 12);
    const sigma2 = 1 - (1 / 3) ** 2;
    expect(result.standardError).toBeCloseTo(100 * Math.sqrt(sigma2 / 1.8), 10);
  });

  it('equals the unweighted NPS when every weight is 1', () => {
    const unit = new Map([
      [10, { weight: 291, weightSquared: 291 }],
      [8, { weight: 476, weightSquared: 476 }],
      [3, { weight: 395, weightSquared: 395 }],
    ]);
    const weighted = computeWeightedNps(unit);
    const plain = computeNps(published);
    expect(weighted.nps).toBeCloseTo(plain.nps!, 10);
    expect(weighted.ci95![0]).toBeCloseTo(plain.ci95![0], 10);
    expect(weighted.effectiveN).toBeCloseTo(1162, 9);
  });

  it('throws on a value outside 0–10', () => {
    expect(() => computeWeightedNps(new Map([[12, { weight: 1, weightSquared: 1 }]]))).toThrow(
      MetricInputError,
    );
  });
});
