import { Z_95 } from './distributions.js';

/**
 * Counts per answer value of one question: `value → number of answers with that value`.
 * It is exactly what SQL returns from `GROUP BY value` with `COUNT(*)`, so no metric ever
 * needs the answer rows. Skipped or dismissed questions have no entry: they are in no group
 * and not in n. A value may appear with count 0; counts must be non-negative integers.
 * @example new Map([[10, 2], [7, 1], [3, 1]]) // two 10s, one 7, one 3
 */
export type Histogram = ReadonlyMap<number, number>;

/** The integer answer values a question allows, inclusive (NPS 0–10, CSAT 1–5, CES 1–7). */
export interface Scale {
  readonly min: number;
  readonly max: number;
}

export const NPS_SCALE: Scale = { min: 0, max: 10 };
export const CSAT_SCALE: Scale = { min: 1, max: 5 };
export const CES_SCALE: Scale = { min: 1, max: 7 };
export const CSI_ITEM_SCALE: Scale = { min: 1, max: 10 };

/**
 * Below this many answers a figure is flagged `smallSample` (and a change between periods when
 * either period is below it). 30 is the usual rule of thumb under which normal approximations
 * and Wald-type intervals become unreliable; the interval is still shown, never hidden.
 */
export const SMALL_SAMPLE_THRESHOLD = 30;

/** True when n answers are too few to lean on: n < {@link SMALL_SAMPLE_THRESHOLD}. */
export function isSmallSample(n: number): boolean {
  return n < SMALL_SAMPLE_THRESHOLD;
}

/** A 95% interval as `[low, high]`, the shape the API and CLI print as `ci95`. */
export type Interval = readonly [low: number, high: number];

/**
 * Input a metric cannot be computed from: a value outside the question's scale, a
 * non-integer value, a negative or fractional count. It means the data upstream is wrong
 * (answers are validated when they are stored), so it is never silently binned or dropped.
 */
export class MetricInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricInputError';
  }
}

/**
 * Builds a histogram from single answers (tests, small imports); `undefined`/`null` are
 * skipped answers and are left out. Production histograms come from SQL.
 * @example createHistogram([10, 7, 3, 9]) // Map { 10 → 1, 7 → 1, 3 → 1, 9 → 1 }
 */
export function createHistogram(answers: Iterable<number | null | undefined>): Histogram {
  const counts = new Map<number, number>();
  for (const value of answers) {
    if (value === null || value === undefined) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/**
 * Checks every value lies on the scale (an integer from min to max) and every count is a
 * non-negative integer; throws {@link MetricInputError} naming the metric and the bad entry.
 */
export function assertHistogramOnScale(histogram: Histogram, scale: Scale, metric: string): void {
  for (const [value, count] of histogram) {
    if (!Number.isInteger(value) || value < scale.min || value > scale.max) {
      throw new MetricInputError(
        `${metric}: answer value ${value} is not an integer from ${scale.min} to ${scale.max}`,
      );
    }
    if (!Number.isInteger(count) || count < 0) {
      throw new MetricInputError(
        `${metric}: count ${count} for value ${value} is not a non-negative integer`,
      );
    }
  }
}

/**
 * Checks every value is a finite number and every count a non-negative integer (a numeric
 * question's answers may be any number in its range, decimals included); throws
 * {@link MetricInputError} naming the metric and the bad entry.
 */
export function assertHistogramFinite(histogram: Histogram, metric: string): void {
  for (const [value, count] of histogram) {
    if (!Number.isFinite(value))
      throw new MetricInputError(`${metric}: answer value ${value} is not a finite number`);
    if (!Number.isInteger(count) || count < 0)
      throw new MetricInputError(
        `${metric}: count ${count} for value ${value} is not a non-negative integer`,
      );
  }
}

/** Number of answers in the histogram whose value satisfies `predicate`. */
export function countAnswers(histogram: Histogram, predicate: (value: number) => boolean): number {
  let total = 0;
  for (const [value, count] of histogram) if (predicate(value)) total += count;
  return total;
}

/** n, mean and sample variance (n − 1 denominator) of a histogram's answers. */
export interface MeanSummary {
  readonly n: number;
  readonly mean: number | null;
  /** Sample variance s² with n − 1 in the denominator; null when n < 2. */
  readonly variance: number | null;
}

/**
 * n, mean and sample variance of the answers, from the histogram alone.
 * `x̄ = Σ v·c / n`, `s² = Σ c·(v − x̄)² / (n − 1)`.
 * @example summarizeHistogram(new Map([[1, 1], [2, 1], [3, 1]])) // { n: 3, mean: 2, variance: 1 }
 */
export function summarizeHistogram(histogram: Histogram): MeanSummary {
  let n = 0;
  let sum = 0;
  for (const [value, count] of histogram) {
    n += count;
    sum += value * count;
  }
  if (n === 0) return { n, mean: null, variance: null };
  const mean = sum / n;
  if (n < 2) return { n, mean, variance: null };
  let squares = 0;
  for (const [value, count] of histogram) squares += count * (value - mean) ** 2;
  return { n, mean, variance: squares / (n - 1) };
}

/**
 * Wilson score 95% interval for a proportion of `successes` in `n`, as proportions 0–1.
 * `centre = (p̂ + z²/2n) / (1 + z²/n)`, `half = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)`.
 * Chosen over Wald because it stays inside 0–1 and keeps its coverage near 0 and 1 and at
 * small n. Source: Wilson (1927), JASA 22:209; Brown, Cai & DasGupta (2001), Stat. Sci. 16:101.
 * @example computeWilsonInterval(74, 107) // [0.5977, 0.7728]
 */
export function computeWilsonInterval(successes: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
