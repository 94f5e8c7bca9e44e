import { describe, expect, it } from 'vitest';
import {
  analyzeKeyDrivers,
  computeCorrelationMatrix,
  computeLmg,
  computeSubsetRSquared,
  summarizeCrossProducts,
} from './drivers.js';
import { SWISS, SWISS_PREDICTORS } from './fixtures/swiss.js';

/** Outcome y, predictors x1, x2, x3 (correlation matrix, outcome first). */
const R = [
  [1, 0.5, 0.4, 0.3],
  [0.5, 1, 0.3, 0.2],
  [0.4, 0.3, 1, 0.1],
  [0.3, 0.2, 0.1, 1],
];

/** R² by Cramer's rule, independent of the code under test. */
function rSquaredByCramer(predictors: number[]): number {
  const r = predictors.map((i) => R[0]![i]!);
  const m = predictors.map((i) => predictors.map((j) => R[i]![j]!));
  const det = (a: number[][]): number =>
    a.length === 0
      ? 1
      : a[0]!.reduce(
          (sum, v, c) =>
            sum +
            (c % 2 ? -1 : 1) * v * det(a.slice(1).map((row) => row.filter((_, k) => k !== c))),
          0,
        );
  const d = det(m);
  const beta = predictors.map(
    (_, c) => det(m.map((row, i) => row.map((v, k) => (k === c ? r[i]! : v)))) / d,
  );
  return beta.reduce((s, b, i) => s + b * r[i]!, 0);
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

describe('computeSubsetRSquared', () => {
  it('gives r² for one predictor and (r₁² + r₂² − 2r₁r₂r₁₂)/(1 − r₁₂²) for two', () => {
    expect(computeSubsetRSquared(R, 0, [1])).toBeCloseTo(0.25, 14);
    expect(computeSubsetRSquared(R, 0, [1, 2])).toBeCloseTo(
      (0.25 + 0.16 - 2 * 0.5 * 0.4 * 0.3) / 0.91,
      14,
    );
    expect(computeSubsetRSquared(R, 0, [1, 2, 3])).toBeCloseTo(rSquaredByCramer([1, 2, 3]), 14);
    expect(computeSubsetRSquared(R, 0, [])).toBe(0);
  });
});

describe('computeLmg', () => {
  it('matches the 2-predictor closed form LMG₁ = (R²(1) + R²(1,2) − R²(2))/2', () => {
    const full = (0.25 + 0.16 - 0.12) / 0.91;
    const [l1, l2] = computeLmg(R, 0, [1, 2]);
    expect(l1).toBeCloseTo((0.25 + full - 0.16) / 2, 14);
    expect(l2).toBeCloseTo((0.16 + full - 0.25) / 2, 14);
    expect(l1! + l2!).toBeCloseTo(full, 14);
  });

  it('matches brute-force averaging over all 6 orderings of 3 predictors', () => {
    const predictors = [1, 2, 3];
    const expected = new Map(predictors.map((p) => [p, 0]));
    for (const order of permutations(predictors)) {
      order.forEach((p, k) => {
        const before = order.slice(0, k);
        expected.set(
          p,
          expected.get(p)! + (rSquaredByCramer([...before, p]) - rSquaredByCramer(before)) / 6,
        );
      });
    }
    const lmg = computeLmg(R, 0, predictors);
    predictors.forEach((p, i) => expect(lmg[i]).toBeCloseTo(expected.get(p)!, 13));
    expect(lmg.reduce((a, b) => a + b, 0)).toBeCloseTo(rSquaredByCramer(predictors), 13);
  });

  it('gives uncorrelated predictors their squared correlation', () => {
    const lmg = computeLmg(
      [
        [1, 0.5, 0.3],
        [0.5, 1, 0],
        [0.3, 0, 1],
      ],
      0,
      [1, 2],
    );
    expect(lmg[0]).toBeCloseTo(0.25, 14);
    expect(lmg[1]).toBeCloseTo(0.09, 14);
  });

  it('splits a duplicated predictor evenly instead of failing on the singular matrix', () => {
    const lmg = computeLmg(
      [
        [1, 0.6, 0.6],
        [0.6, 1, 1],
        [0.6, 1, 1],
      ],
      0,
      [1, 2],
    );
    expect(lmg[0]).toBeCloseTo(0.18, 12);
    expect(lmg[1]).toBeCloseTo(0.18, 12);
  });
});

describe('analyzeKeyDrivers', () => {
  it('reports correlations beside LMG from a joint histogram, and 0 for a constant predictor', () => {
    // outcome, ease, speed, constant
    const cells = [
      { values: [5, 5, 4, 3], count: 4 },
      { values: [4, 4, 4, 3], count: 3 },
      { values: [3, 3, 2, 3], count: 2 },
      { values: [2, 1, 3, 3], count: 1 },
      { values: [1, 2, 1, 3], count: 2 },
    ];
    const input = summarizeCrossProducts(cells);
    const result = analyzeKeyDrivers(input, ['ease', 'speed', 'constant']);
    expect(result.n).toBe(12);
    const constant = result.drivers[2]!;
    expect(constant).toMatchObject({ correlation: null, lmg: 0 });
    const sum = result.drivers.reduce((s, d) => s + d.lmg, 0);
    expect(sum).toBeCloseTo(result.rSquared, 12);
    const r = computeCorrelationMatrix(input).matrix;
    expect(result.drivers[0]!.correlation).toBeCloseTo(r[0]![1]!, 14);
    expect(result.smallSample).toBe(true);
  });

  it('computes Pearson r from sums: a perfect line gives 1, its mirror −1', () => {
    const m = computeCorrelationMatrix(
      summarizeCrossProducts([
        { values: [1, 2, 9], count: 1 },
        { values: [2, 4, 8], count: 1 },
        { values: [3, 6, 7], count: 1 },
      ]),
    ).matrix;
    expect(m[0]![1]).toBeCloseTo(1, 14);
    expect(m[0]![2]).toBeCloseTo(-1, 14);
  });
});

describe('LMG against a published relaimpo output', () => {
  it('reproduces calc.relimp(lm(Fertility ~ ., swiss), type = "lmg") to 1e-12', () => {
    // relaimpo 2.2-7 on R 4.4: R² 0.706735001593; lmg Agriculture 0.0570912207681,
    // Examination 0.1711730289002, Education 0.2601346786244, Catholic 0.1055701503735,
    // Infant.Mortality 0.1127659229265; with rela = TRUE 0.0807816517357, 0.2422025632160,
    // 0.3680795178364, 0.1493772773891, 0.1595589898228. "first" (r²) 0.124664909906,
    // 0.417164470501, 0.440615646724, 0.215003501619, 0.173518927325.
    const cells = SWISS.map(([, ...values]) => ({ values, count: 1 }));
    const result = analyzeKeyDrivers(summarizeCrossProducts(cells), SWISS_PREDICTORS);
    expect(result.n).toBe(47);
    expect(result.rSquared).toBeCloseTo(0.706735001593, 11);
    const lmg = [
      0.0570912207681, 0.1711730289002, 0.2601346786244, 0.1055701503735, 0.1127659229265,
    ];
    const rela = [
      0.0807816517357, 0.242202563216, 0.3680795178364, 0.1493772773891, 0.1595589898228,
    ];
    const first = [0.124664909906, 0.417164470501, 0.440615646724, 0.215003501619, 0.173518927325];
    result.drivers.forEach((d, i) => {
      expect(d.name).toBe(SWISS_PREDICTORS[i]);
      expect(d.lmg).toBeCloseTo(lmg[i]!, 12);
      expect(d.shareOfRSquared!).toBeCloseTo(rela[i]!, 12);
      expect(d.correlation! ** 2).toBeCloseTo(first[i]!, 11);
    });
    expect(result.smallSample).toBe(false);
  });
});
