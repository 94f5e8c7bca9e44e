import type {
  MetricKind,
  MetricResult,
  QuestionMetricBucket,
  TargetStatus,
} from '@polku/contracts';
import {
  compareCsat,
  compareMeans,
  compareNps,
  compareProportions,
  type ChangeResult,
} from '../metrics/change.js';
import { computeStudentTQuantile } from '../metrics/distributions.js';
import { isSmallSample, summarizeHistogram, type MeanSummary } from '../metrics/histogram.js';

/** What the metric engine said about one period: the total of the one group. */
export interface PeriodFigure {
  n: number;
  score: number | null;
  ci95: readonly [number, number] | null;
  bucket: QuestionMetricBucket | null;
}

/** The period total of an unbroken metric result (n = 0 when nothing was answered). */
export function periodFigureOf(result: MetricResult): PeriodFigure {
  const total = result.groups[0]?.total;
  if (!total) return { n: 0, score: null, ci95: null, bucket: null };
  return { n: total.n, score: total.score, ci95: total.ci95, bucket: total };
}

export interface TargetJudgement {
  status: TargetStatus;
  /** The whole 95% interval lies below the target: the miss is not sampling noise. */
  clearMiss: boolean;
}

/**
 * Judges a period's figure against a target (every Polku metric is higher-is-better):
 * - no answers → `no-data`;
 * - n below the small-sample threshold (30) → `too-few`, whatever the score: with so few
 *   answers "met" and "missed" are both claims the data cannot carry;
 * - score ≥ target → `met`, otherwise `missed`;
 * - `clearMiss` when missed and the interval's upper end is below the target too. Only a clear
 *   miss raises an alert (docs/metrics.md, "Targets and alerts").
 * @example judgeTarget({ n: 100, score: 20, ci95: [5, 35] }, 40) // { status: 'missed', clearMiss: true }
 */
export function judgeTarget(
  figure: Pick<PeriodFigure, 'n' | 'score' | 'ci95'>,
  target: number,
): TargetJudgement {
  if (figure.n === 0 || figure.score === null) return { status: 'no-data', clearMiss: false };
  if (isSmallSample(figure.n)) return { status: 'too-few', clearMiss: false };
  if (figure.score >= target) return { status: 'met', clearMiss: false };
  return { status: 'missed', clearMiss: figure.ci95 !== null && figure.ci95[1] < target };
}

export interface PeriodChange {
  difference: number;
  pValue: number | null;
  significant: boolean;
  test: string;
  smallSample: boolean;
}

const count = (b: QuestionMetricBucket, key: string) => b.counts[key] ?? 0;

/**
 * n, mean and sample variance behind a mean's Student-t interval. The engine reports the
 * interval `x̄ ± t(0.975, n−1)·s/√n`, so `s² = n·(half-width / t)²` exactly; this recovers the
 * summary Welch's test needs without a second query.
 */
export function meanSummaryFromTInterval(b: QuestionMetricBucket): MeanSummary | null {
  const mean = b.mean ?? b.score;
  if (b.method !== 't' || mean === null || mean === undefined || b.ci95 === null || b.n < 2)
    return null;
  const half = (b.ci95[1] - b.ci95[0]) / 2;
  const t = computeStudentTQuantile(0.975, b.n - 1);
  return { n: b.n, mean, variance: b.n * (half / t) ** 2 };
}

/**
 * The change from the earlier period to the later with the significance test that fits the
 * metric (the tests of metrics/change.ts, docs/metrics.md "Change between two periods"):
 * - nps, enps: difference of NPS with its standard error (the counts are the histogram);
 * - csat: two-proportion z test of top-2-box;
 * - goal: two-proportion z test of "yes";
 * - ces: Welch's t test of the means;
 * - rating: Welch's t test from the per-value counts.
 * Null when either period has no answers, and for the CX index (no change test is defined).
 */
export function compareFigures(
  kind: MetricKind,
  earlier: PeriodFigure,
  later: PeriodFigure,
): PeriodChange | null {
  const a = earlier.bucket;
  const b = later.bucket;
  if (!a || !b || a.n === 0 || b.n === 0) return null;
  let change: ChangeResult | null;
  let test: string;
  switch (kind) {
    case 'nps':
    case 'enps': {
      // Any value of a group stands for the group: the test reads only the three counts.
      const h = (x: QuestionMetricBucket) =>
        new Map([
          [10, count(x, 'promoters')],
          [8, count(x, 'passives')],
          [0, count(x, 'detractors')],
        ]);
      change = compareNps(h(a), h(b));
      test = 'nps-z';
      break;
    }
    case 'csat': {
      const h = (x: QuestionMetricBucket) =>
        new Map([
          [5, count(x, 'satisfied')],
          [3, count(x, 'neutral')],
          [1, count(x, 'dissatisfied')],
        ]);
      change = compareCsat(h(a), h(b));
      test = 'two-proportion-z';
      break;
    }
    case 'goal':
      change = compareProportions(
        { successes: count(a, 'yes'), n: a.n },
        { successes: count(b, 'yes'), n: b.n },
      );
      test = 'two-proportion-z';
      break;
    case 'rating': {
      const h = (x: QuestionMetricBucket) =>
        new Map(Object.entries(x.counts).map(([v, c]) => [Number(v), c]));
      change = compareMeans(summarizeHistogram(h(a)), summarizeHistogram(h(b)));
      test = 'welch-t';
      break;
    }
    case 'ces': {
      const sa = meanSummaryFromTInterval(a);
      const sb = meanSummaryFromTInterval(b);
      change = sa && sb ? compareMeans(sa, sb) : null;
      test = 'welch-t';
      break;
    }
    case 'cx_index':
      return null;
  }
  if (!change) return null;
  return {
    difference: change.difference,
    pValue: change.pValue,
    significant: change.significant,
    test,
    smallSample: change.smallSample,
  };
}

/**
 * A drop worth an alert: significant at the 5% level, downwards, and neither period a small
 * sample (a significant-looking change between tiny samples is not to be trusted).
 */
export function isSignificantDrop(change: PeriodChange | null): boolean {
  return change !== null && change.significant && change.difference < 0 && !change.smallSample;
}

/** The range a target value may take for a metric: the score's own range. */
export function targetRangeOf(
  kind: MetricKind,
  scale: { min: number; max: number },
): [number, number] {
  switch (kind) {
    case 'nps':
    case 'enps':
    case 'cx_index':
      return [-100, 100];
    case 'csat':
    case 'goal':
      return [0, 100];
    case 'ces':
    case 'rating':
      return [scale.min, scale.max];
  }
}
