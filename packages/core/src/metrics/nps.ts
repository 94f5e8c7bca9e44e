import { Z_95 } from './distributions.js';
import {
  assertHistogramOnScale,
  countAnswers,
  isSmallSample,
  MetricInputError,
  NPS_SCALE,
  type Histogram,
  type Interval,
} from './histogram.js';

/** How an NPS interval is computed; see {@link computeNps}. */
export type NpsIntervalMethod = 'wald' | 'adjusted-wald';

/**
 * The interval method Polku uses everywhere unless a caller asks otherwise: adjusted-Wald,
 * because Wald collapses to zero width at all-one-category data and under-covers at small n.
 */
export const DEFAULT_NPS_INTERVAL_METHOD: NpsIntervalMethod = 'adjusted-wald';

/** Pseudo-respondents added by adjusted-Wald: ¾ promoter, 1½ passive, ¾ detractor (n + 3). */
const ADJUSTMENT = { promoters: 0.75, passives: 1.5, detractors: 0.75 } as const;

export interface NpsOptions {
  readonly method?: NpsIntervalMethod;
}

/** Counts of the three NPS groups; n is their sum (answered questions only). */
export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

export interface NpsResult extends NpsCounts {
  readonly n: number;
  /** Shares of n, 0–1; null when n = 0. */
  readonly shares: NpsCounts | null;
  /** 100·(P − D)/n on the raw counts, −100…100; null when n = 0 (undefined, not 0). */
  readonly nps: number | null;
  /** Per-respondent variance of the +1/0/−1 score on the raw shares: p_P + p_D − (p_P − p_D)². */
  readonly variance: number | null;
  readonly method: NpsIntervalMethod;
  /** Where the interval is centred: the raw NPS (Wald) or the adjusted NPS (adjusted-Wald). */
  readonly intervalCentre: number | null;
  /** Standard error in NPS points of the interval's method. */
  readonly standardError: number | null;
  /** 95% interval in NPS points, clipped to −100…100. */
  readonly ci95: Interval | null;
  readonly smallSample: boolean;
}

/** The NPS point estimate and its SE from group counts (possibly fractional, after adjustment). */
export interface NpsEstimate {
  readonly nps: number;
  readonly variance: number;
  /** 100·√(σ²/n), in NPS points. */
  readonly standardError: number;
  readonly n: number;
}

/**
 * NPS, per-respondent variance and SE from group counts: with p_P = P/n and p_D = D/n,
 * `NPS = 100·(p_P − p_D)`, `σ² = p_P + p_D − (p_P − p_D)²`, `SE = 100·√(σ²/n)`.
 * Source: Rocks' R package `NPS` (`npvar`); Cross Validated (whuber) for the variance.
 * @example estimateNps({ promoters: 3, passives: 2, detractors: 1 }) // nps 33.3, variance 5/9
 */
export function estimateNps(counts: NpsCounts): NpsEstimate | null {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n <= 0) return null;
  const pP = counts.promoters / n;
  const pD = counts.detractors / n;
  const variance = Math.max(0, pP + pD - (pP - pD) ** 2);
  return { nps: 100 * (pP - pD), variance, standardError: 100 * Math.sqrt(variance / n), n };
}

/**
 * The estimate an interval method works on: the raw counts for Wald; for adjusted-Wald the
 * counts plus ¾ promoter, 1½ passive and ¾ detractor (n + 3). Source: Rocks (2016), "Interval
 * estimation for the net promoter score", The American Statistician 70(4); MeasuringU.
 * @example estimateNpsForInterval({ promoters: 1, passives: 0, detractors: 0 }, 'adjusted-wald') // nps 25
 */
export function estimateNpsForInterval(
  counts: NpsCounts,
  method: NpsIntervalMethod,
): NpsEstimate | null {
  switch (method) {
    case 'wald':
      return estimateNps(counts);
    case 'adjusted-wald':
      if (counts.promoters + counts.passives + counts.detractors <= 0) return null;
      return estimateNps({
        promoters: counts.promoters + ADJUSTMENT.promoters,
        passives: counts.passives + ADJUSTMENT.passives,
        detractors: counts.detractors + ADJUSTMENT.detractors,
      });
  }
}

/** Splits a 0–10 histogram into promoters (9–10), passives (7–8) and detractors (0–6). */
export function countNpsGroups(histogram: Histogram, metric = 'NPS'): NpsCounts {
  assertHistogramOnScale(histogram, NPS_SCALE, metric);
  return {
    promoters: countAnswers(histogram, (v) => v >= 9),
    passives: countAnswers(histogram, (v) => v === 7 || v === 8),
    detractors: countAnswers(histogram, (v) => v <= 6),
  };
}

function clipToNpsRange(low: number, high: number): Interval {
  return [Math.max(-100, low), Math.min(100, high)];
}

/**
 * The 95% interval of the method's estimate, stretched to reach the raw NPS when it lies
 * outside. Adjusted-Wald pulls its centre towards 0 by n + 3, so at a tiny n the displayed NPS
 * can fall outside it (one detractor: NPS −100, adjusted interval −98.5 … 48.5). A chart that
 * draws an estimate outside its own interval misleads, so the interval reaches the estimate:
 * [−100, 48.5]. It only widens, so its coverage is at least adjusted-Wald's; from n ≈ 5 on the
 * raw NPS is inside anyway and nothing changes.
 */
function npsInterval(rawNps: number, forInterval: NpsEstimate): Interval {
  const margin = Z_95 * forInterval.standardError;
  return clipToNpsRange(
    Math.min(rawNps, forInterval.nps - margin),
    Math.max(rawNps, forInterval.nps + margin),
  );
}

/** Builds the full NPS result from group counts (shared by NPS, eNPS and weighted NPS). */
function describeNps(counts: NpsCounts, n: number, method: NpsIntervalMethod, nForSmall = n) {
  const raw = estimateNps(counts);
  const forInterval = estimateNpsForInterval(counts, method);
  return {
    n,
    shares: raw
      ? {
          promoters: counts.promoters / raw.n,
          passives: counts.passives / raw.n,
          detractors: counts.detractors / raw.n,
        }
      : null,
    nps: raw?.nps ?? null,
    variance: raw?.variance ?? null,
    method,
    intervalCentre: forInterval?.nps ?? null,
    standardError: forInterval?.standardError ?? null,
    ci95: forInterval && raw ? npsInterval(raw.nps, forInterval) : null,
    smallSample: isSmallSample(nForSmall),
  };
}

/**
 * Net Promoter Score of a 0–10 question: promoters 9–10, passives 7–8, detractors 0–6,
 * `NPS = 100·(P − D)/n` with n = answered questions only (a skipped question has no histogram
 * entry, so it is in no group and not in n). n = 0 gives `nps: null`. The 95% interval is
 * adjusted-Wald by default, centred on the adjusted NPS (`intervalCentre`), not on `nps`, and
 * stretched to reach `nps` when a tiny n leaves it outside (see {@link npsInterval});
 * `method: 'wald'` gives NPS ± 1.959964·100·√(σ²/n). Intervals are clipped to −100…100.
 * Values other than the integers 0–10 throw {@link MetricInputError}.
 * Source: Reichheld (2003), HBR; Rocks (2016), The American Statistician 70(4).
 * @example
 * computeNps(new Map([[10, 291], [7, 476], [0, 395]]), { method: 'wald' })
 * // { n: 1162, nps: -8.95, ci95: [-13.34, -4.56], … } (Wald margin 4.388)
 */
export function computeNps(histogram: Histogram, options: NpsOptions = {}): NpsResult {
  const counts = countNpsGroups(histogram);
  const n = counts.promoters + counts.passives + counts.detractors;
  return { ...counts, ...describeNps(counts, n, options.method ?? DEFAULT_NPS_INTERVAL_METHOD) };
}

/**
 * Employee NPS: the same computation as {@link computeNps} on the employee question ("how
 * likely are you to recommend working here", 0–10).
 * @example computeEnps(createHistogram([10, 7, 3, 9])).nps // 25
 */
export function computeEnps(histogram: Histogram, options: NpsOptions = {}): NpsResult {
  const counts = countNpsGroups(histogram, 'eNPS');
  const n = counts.promoters + counts.passives + counts.detractors;
  return { ...counts, ...describeNps(counts, n, options.method ?? DEFAULT_NPS_INTERVAL_METHOD) };
}

/** Per answer value, the sum of respondent weights Σw and of squared weights Σw². */
export type WeightedHistogram = ReadonlyMap<
  number,
  { readonly weight: number; readonly weightSquared: number }
>;

export interface WeightedNpsResult extends NpsResult {
  /** Kish's effective sample size (Σw)²/Σw², the n the interval uses. */
  readonly effectiveN: number;
}

/**
 * Weighted NPS: `100·(Σw·[pro] − Σw·[det])/Σw`. The interval treats the weighted shares as if
 * they came from Kish's effective n = (Σw)²/Σw² respondents (so unequal weights widen it);
 * adjusted-Wald adds its ¾/1½/¾ to those effective counts. Group fields hold weight sums;
 * `n` is Σw and `smallSample` looks at the effective n.
 * Source: Kish (1965), Survey Sampling, §11.7.
 * @example computeWeightedNps(new Map([[10, { weight: 2, weightSquared: 4 }], [0, { weight: 1, weightSquared: 1 }]]))
 * // nps 33.3, effectiveN 9/5 = 1.8
 */
export function computeWeightedNps(
  histogram: WeightedHistogram,
  options: NpsOptions = {},
): WeightedNpsResult {
  let total = 0;
  let totalSquared = 0;
  const sums = { promoters: 0, passives: 0, detractors: 0 };
  for (const [value, { weight, weightSquared }] of histogram) {
    if (!Number.isInteger(value) || value < 0 || value > 10) {
      throw new MetricInputError(`weighted NPS: answer value ${value} is not an integer 0–10`);
    }
    if (!(weight >= 0) || !(weightSquared >= 0) || !Number.isFinite(weight + weightSquared)) {
      throw new MetricInputError(`weighted NPS: weights for value ${value} must be finite, ≥ 0`);
    }
    const group = value >= 9 ? 'promoters' : value >= 7 ? 'passives' : 'detractors';
    sums[group] += weight;
    total += weight;
    totalSquared += weightSquared;
  }
  const effectiveN = totalSquared > 0 ? (total * total) / totalSquared : 0;
  const scale = total > 0 ? effectiveN / total : 0;
  const effectiveCounts: NpsCounts = {
    promoters: sums.promoters * scale,
    passives: sums.passives * scale,
    detractors: sums.detractors * scale,
  };
  const method = options.method ?? DEFAULT_NPS_INTERVAL_METHOD;
  const described = describeNps(effectiveCounts, total, method, effectiveN);
  return {
    ...sums,
    ...described,
    shares:
      total > 0
        ? {
            promoters: sums.promoters / total,
            passives: sums.passives / total,
            detractors: sums.detractors / total,
          }
        : null,
    effectiveN,
  };
}
