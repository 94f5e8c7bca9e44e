import { isSmallSample, MetricInputError } from './histogram.js';

/**
 * Sufficient statistics of k variables over the same n respondents (listwise complete):
 * `sums[i] = Σxᵢ`, `crossProducts[i][j] = Σxᵢxⱼ`. SQL computes them in one pass; no rows
 * reach core.
 */
export interface CrossProducts {
  readonly n: number;
  readonly sums: readonly number[];
  readonly crossProducts: readonly (readonly number[])[];
}

/** One cell of a joint histogram: a combination of answer values and how many gave it. */
export interface JointCount {
  readonly values: readonly number[];
  readonly count: number;
}

/**
 * Builds the sums and cross-products from a joint histogram (SQL's `GROUP BY x1, x2, …`).
 * @example summarizeCrossProducts([{ values: [1, 2], count: 3 }]) // n 3, sums [3, 6], crossProducts [[3, 6], [6, 12]]
 */
export function summarizeCrossProducts(cells: readonly JointCount[]): CrossProducts {
  const k = cells[0]?.values.length ?? 0;
  const sums = new Array<number>(k).fill(0);
  const crossProducts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let n = 0;
  for (const { values, count } of cells) {
    if (values.length !== k) throw new MetricInputError('drivers: cells differ in length');
    n += count;
    for (let i = 0; i < k; i++) {
      sums[i]! += count * values[i]!;
      for (let j = 0; j < k; j++) crossProducts[i]![j]! += count * values[i]! * values[j]!;
    }
  }
  return { n, sums, crossProducts };
}

/** Pearson correlation matrix; a constant variable gets 0 off the diagonal and is listed. */
export interface CorrelationMatrix {
  readonly n: number;
  readonly matrix: readonly (readonly number[])[];
  /** Indices of variables with no variance (their correlations are undefined, stored as 0). */
  readonly constant: readonly number[];
}

/**
 * Pearson correlations from sums and cross-products:
 * `r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²))`. Source: any statistics text, e.g.
 * Cohen et al. (2003), Applied Multiple Regression/Correlation, ch. 2.
 * @example computeCorrelationMatrix(summarizeCrossProducts([{ values: [1, 2], count: 1 }, { values: [2, 4], count: 1 }])).matrix[0][1] // 1
 */
export function computeCorrelationMatrix(input: CrossProducts): CorrelationMatrix {
  const { n, sums, crossProducts } = input;
  const k = sums.length;
  const centred = (i: number, j: number) => n * crossProducts[i]![j]! - sums[i]! * sums[j]!;
  const spread = sums.map((_, i) => centred(i, i));
  const constant = spread.flatMap((s, i) =>
    s <= 1e-12 * Math.max(1, n * crossProducts[i]![i]!) ? [i] : [],
  );
  const matrix = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      if (i === j) return 1;
      if (constant.includes(i) || constant.includes(j)) return 0;
      const r = centred(i, j) / Math.sqrt(spread[i]! * spread[j]!);
      return Math.max(-1, Math.min(1, r));
    }),
  );
  return { n, matrix, constant };
}

/**
 * R² of regressing variable `outcome` on the variables in `predictors`, from a correlation
 * matrix: `R² = r_yS′ R_SS⁻¹ r_yS`, computed by Gaussian elimination (a Schur complement) on the
 * correlation matrix. A predictor that is constant or a linear combination of earlier ones
 * adds nothing (its pivot is ~0 and is skipped), so collinearity cannot blow up.
 * @example computeSubsetRSquared([[1, 0.5], [0.5, 1]], 0, [1]) // 0.25
 */
export function computeSubsetRSquared(
  correlation: readonly (readonly number[])[],
  outcome: number,
  predictors: readonly number[],
): number {
  const indices = [...predictors, outcome];
  const a = indices.map((i) => indices.map((j) => correlation[i]![j]!));
  const y = indices.length - 1;
  for (let k = 0; k < y; k++) {
    const pivot = a[k]![k]!;
    if (pivot <= 1e-10) continue;
    for (let i = k + 1; i <= y; i++) {
      const factor = a[i]![k]! / pivot;
      if (factor === 0) continue;
      for (let j = k + 1; j <= y; j++) a[i]![j]! -= factor * a[k]![j]!;
    }
  }
  return Math.max(0, Math.min(1, 1 - a[y]![y]!));
}

/** Above this many predictors the exact LMG (2^p regressions) is refused. */
export const MAX_EXACT_LMG_PREDICTORS = 15;

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/**
 * LMG / Shapley share of R² of every predictor: its increase in R² averaged over all orderings,
 * `LMG_j = Σ_{S ⊆ others} |S|!(p − |S| − 1)!/p! · [R²(S ∪ {j}) − R²(S)]`. Exact by all 2^p
 * subsets; the shares sum to the full R². `correlation` has the outcome at `outcome` and
 * predictors at `predictors`. Source: Lindemann, Merenda & Gold (1980); Grömping (2006),
 * "Relative importance for linear regression in R: the package relaimpo", JSS 17(1).
 * @example computeLmg([[1, .5, .3], [.5, 1, 0], [.3, 0, 1]], 0, [1, 2]) // [0.25, 0.09] (uncorrelated predictors: r²)
 */
export function computeLmg(
  correlation: readonly (readonly number[])[],
  outcome: number,
  predictors: readonly number[],
): number[] {
  const p = predictors.length;
  if (p > MAX_EXACT_LMG_PREDICTORS) {
    throw new MetricInputError(
      `drivers: exact LMG supports up to ${MAX_EXACT_LMG_PREDICTORS} predictors, got ${p}`,
    );
  }
  const subsets = 1 << p;
  const rSquared = new Float64Array(subsets);
  for (let mask = 1; mask < subsets; mask++) {
    const chosen = predictors.filter((_, i) => (mask >> i) & 1);
    rSquared[mask] = computeSubsetRSquared(correlation, outcome, chosen);
  }
  const weights = Array.from(
    { length: p },
    (_, s) => (factorial(s) * factorial(p - s - 1)) / factorial(p),
  );
  const lmg = new Array<number>(p).fill(0);
  for (let mask = 0; mask < subsets; mask++) {
    let size = 0;
    for (let m = mask; m; m &= m - 1) size++;
    for (let j = 0; j < p; j++) {
      if ((mask >> j) & 1) continue;
      lmg[j]! += weights[size]! * (rSquared[mask | (1 << j)]! - rSquared[mask]!);
    }
  }
  return lmg;
}

export interface KeyDriver {
  readonly name: string;
  /** Pearson correlation with the outcome; null for a constant predictor. */
  readonly correlation: number | null;
  /** LMG share of R² (0…R²); 0 for a constant predictor. */
  readonly lmg: number;
  /** lmg / R², 0…1; null when R² = 0. */
  readonly shareOfRSquared: number | null;
}

export interface KeyDriverResult {
  /** Respondents used: listwise complete on the outcome and every predictor. */
  readonly n: number;
  readonly rSquared: number;
  readonly drivers: readonly KeyDriver[];
  readonly smallSample: boolean;
}

/**
 * Key driver analysis: Pearson correlation of each predictor with the outcome (ignores
 * collinearity) beside its LMG share of R² (accounts for it). Variable 0 of `input` is the
 * outcome, variables 1… are the predictors named in `names`. Deletion is listwise: `input`
 * covers respondents who answered all of them, and `n` says how many.
 * @example analyzeKeyDrivers(summarizeCrossProducts(cells), ['ease', 'speed']) // { rSquared, drivers: [...] }
 */
export function analyzeKeyDrivers(input: CrossProducts, names: readonly string[]): KeyDriverResult {
  if (input.sums.length !== names.length + 1) {
    throw new MetricInputError('drivers: give one name per predictor (variable 0 is the outcome)');
  }
  const { matrix, constant } = computeCorrelationMatrix(input);
  const predictors = names.map((_, i) => i + 1);
  const lmg = input.n > 1 ? computeLmg(matrix, 0, predictors) : predictors.map(() => 0);
  const rSquared = input.n > 1 ? computeSubsetRSquared(matrix, 0, predictors) : 0;
  return {
    n: input.n,
    rSquared,
    drivers: names.map((name, i) => ({
      name,
      correlation: constant.includes(i + 1) || constant.includes(0) ? null : matrix[0]![i + 1]!,
      lmg: lmg[i]!,
      shareOfRSquared: rSquared > 0 ? lmg[i]! / rSquared : null,
    })),
    smallSample: isSmallSample(input.n),
  };
}
