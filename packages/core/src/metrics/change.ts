import {
  computeNormalTwoSidedP,
  computeStudentTTwoSidedP,
  computeStudentTQuantile,
  Z_95,
} from './distributions.js';
import {
  assertHistogramOnScale,
  countAnswers,
  CSAT_SCALE,
  isSmallSample,
  type Histogram,
  type Interval,
  type MeanSummary,
} from './histogram.js';
import {
  countNpsGroups,
  DEFAULT_NPS_INTERVAL_METHOD,
  estimateNps,
  estimateNpsForInterval,
  type NpsOptions,
} from './nps.js';

/** Significance level of the "significant change" flag (two-sided). */
export const SIGNIFICANCE_LEVEL = 0.05;

export interface ChangeResult {
  /** Later minus earlier, in the metric's own units (NPS points, percentage points, scale points). */
  readonly difference: number;
  readonly standardError: number;
  /** z or t statistic; null when the standard error is 0 (no variation in either period). */
  readonly statistic: number | null;
  /** Two-sided p-value; null with the statistic. */
  readonly pValue: number | null;
  readonly ci95: Interval;
  readonly significant: boolean;
  /** Either period has n below SMALL_SAMPLE_THRESHOLD: read the test with care. */
  readonly smallSample: boolean;
}

function finishChange(
  difference: number,
  centre: number,
  standardError: number,
  critical: number,
  pOf: (statistic: number) => number,
  smallSample: boolean,
): ChangeResult {
  const statistic = standardError > 0 ? centre / standardError : null;
  const pValue = statistic === null ? null : pOf(statistic);
  return {
    difference,
    standardError,
    statistic,
    pValue,
    ci95: [centre - critical * standardError, centre + critical * standardError],
    significant: pValue !== null && pValue < SIGNIFICANCE_LEVEL,
    smallSample,
  };
}

export interface NpsChangeResult extends ChangeResult {
  readonly method: 'wald' | 'adjusted-wald';
  readonly test: 'z';
}

/**
 * Change in NPS between two independent samples (two periods): `z = ΔNPS / SE` with
 * `SE = 100·√(σ₁²/n₁ + σ₂²/n₂)` and σ² the per-respondent variance. With adjusted-Wald (the
 * default) z, SE and the interval use the adjusted values; `difference` stays the raw
 * difference the charts show. A two-proportion test would be wrong: promoters and detractors
 * come from the same sample. Not for a panel measured twice (that needs a paired test).
 * Null when either period has no answers. Source: Rocks (2016), The American Statistician.
 * @example compareNps(earlier, later) // { difference: 10, statistic: 1.8, pValue: 0.07, … }
 */
export function compareNps(
  earlier: Histogram,
  later: Histogram,
  options: NpsOptions = {},
): NpsChangeResult | null {
  const method = options.method ?? DEFAULT_NPS_INTERVAL_METHOD;
  const countsA = countNpsGroups(earlier);
  const countsB = countNpsGroups(later);
  const rawA = estimateNps(countsA);
  const rawB = estimateNps(countsB);
  const a = estimateNpsForInterval(countsA, method);
  const b = estimateNpsForInterval(countsB, method);
  if (!rawA || !rawB || !a || !b) return null;
  const standardError = Math.hypot(a.standardError, b.standardError);
  return {
    ...finishChange(
      rawB.nps - rawA.nps,
      b.nps - a.nps,
      standardError,
      Z_95,
      computeNormalTwoSidedP,
      isSmallSample(rawA.n) || isSmallSample(rawB.n),
    ),
    method,
    test: 'z',
  };
}

export interface ProportionChangeResult extends ChangeResult {
  readonly test: 'two-proportion-z';
}

/**
 * Two-proportion z test of a share between two independent samples, in percentage points:
 * pooled `SE₀ = √(p̄(1 − p̄)(1/n₁ + 1/n₂))` for the test, unpooled SE for the 95% interval of
 * the difference. Null when either sample is empty.
 * Source: Agresti (2013), Categorical Data Analysis §3.1; Fleiss, Levin & Paik (2003) §3.
 * @example compareProportions({ successes: 74, n: 107 }, { successes: 60, n: 100 }) // difference −9.16 pp
 */
export function compareProportions(
  earlier: { readonly successes: number; readonly n: number },
  later: { readonly successes: number; readonly n: number },
): ProportionChangeResult | null {
  if (earlier.n <= 0 || later.n <= 0) return null;
  const p1 = earlier.successes / earlier.n;
  const p2 = later.successes / later.n;
  const pooled = (earlier.successes + later.successes) / (earlier.n + later.n);
  const pooledSe = 100 * Math.sqrt(pooled * (1 - pooled) * (1 / earlier.n + 1 / later.n));
  const se = 100 * Math.sqrt((p1 * (1 - p1)) / earlier.n + (p2 * (1 - p2)) / later.n);
  const difference = 100 * (p2 - p1);
  const statistic = pooledSe > 0 ? difference / pooledSe : null;
  const pValue = statistic === null ? null : computeNormalTwoSidedP(statistic);
  return {
    difference,
    standardError: se,
    statistic,
    pValue,
    ci95: [difference - Z_95 * se, difference + Z_95 * se],
    significant: pValue !== null && pValue < SIGNIFICANCE_LEVEL,
    smallSample: isSmallSample(earlier.n) || isSmallSample(later.n),
    test: 'two-proportion-z',
  };
}

/**
 * Change in CSAT (top-2-box on 1–5) between two periods by {@link compareProportions}.
 * @example compareCsat(delighted, intercom).difference // 60 − 69.16 = −9.16
 */
export function compareCsat(earlier: Histogram, later: Histogram): ProportionChangeResult | null {
  assertHistogramOnScale(earlier, CSAT_SCALE, 'CSAT');
  assertHistogramOnScale(later, CSAT_SCALE, 'CSAT');
  const count = (h: Histogram) => ({
    successes: countAnswers(h, (v) => v >= 4),
    n: countAnswers(h, () => true),
  });
  return compareProportions(count(earlier), count(later));
}

export interface MeanChangeResult extends ChangeResult {
  readonly test: 'welch-t';
  /** Welch–Satterthwaite degrees of freedom. */
  readonly degreesOfFreedom: number | null;
}

/**
 * Welch's t test of two means (unequal variances): `t = (x̄₂ − x̄₁)/√(s₁²/n₁ + s₂²/n₂)`,
 * `df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1))`, p from Student's t with
 * that df. Inputs come from {@link summarizeHistogram}. Null when either sample has n < 2.
 * Source: Welch (1947), Biometrika 34:28; Satterthwaite (1946).
 * @example compareMeans({ n: 10, mean: 5, variance: 1 }, { n: 10, mean: 6, variance: 1 }) // t 2.236, df 18
 */
export function compareMeans(earlier: MeanSummary, later: MeanSummary): MeanChangeResult | null {
  if (
    earlier.mean === null ||
    later.mean === null ||
    earlier.variance === null ||
    later.variance === null
  ) {
    return null;
  }
  const v1 = earlier.variance / earlier.n;
  const v2 = later.variance / later.n;
  const standardError = Math.sqrt(v1 + v2);
  const difference = later.mean - earlier.mean;
  const smallSample = isSmallSample(earlier.n) || isSmallSample(later.n);
  if (standardError === 0) {
    return {
      difference,
      standardError,
      statistic: null,
      pValue: null,
      ci95: [difference, difference],
      significant: false,
      smallSample,
      test: 'welch-t',
      degreesOfFreedom: null,
    };
  }
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (earlier.n - 1) + v2 ** 2 / (later.n - 1));
  return {
    ...finishChange(
      difference,
      difference,
      standardError,
      computeStudentTQuantile(0.975, df),
      (t) => computeStudentTTwoSidedP(t, df),
      smallSample,
    ),
    test: 'welch-t',
    degreesOfFreedom: df,
  };
}
