import { isMultiItemMetric, NUMERIC_LIMIT } from '@polku/contracts';
import type {
  MetricKind,
  MetricResult,
  QuestionMetricBucket,
  TargetStatus,
} from '@polku/contracts';
import { compareMeans } from '../metrics/change.js';
import { computeBucketChange, type FigureOptions } from '../metrics/figures.js';
import { isSmallSample, type Histogram, type MeanSummary } from '../metrics/histogram.js';

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

/** n, mean and sample variance of a mean's bucket (CES, ratings): what Welch's test reads. */
export function meanSummaryOf(b: QuestionMetricBucket): MeanSummary | null {
  const mean = b.mean ?? b.score;
  if (mean === null || mean === undefined || b.variance === null || b.variance === undefined)
    return null;
  return { n: b.n, mean, variance: b.variance };
}

/**
 * A period total's counts as a histogram the change tests read. Exact for what the tests use:
 * NPS reads only the three group counts (any value of a group stands for it), CSAT only
 * top-2-box against the rest, goal only yes against n, ratings every value. Null for CES,
 * whose grouped counts do not carry the variance, and numeric questions, which have no counts.
 */
function histogramOf(kind: MetricKind, b: QuestionMetricBucket): Histogram | null {
  switch (kind) {
    case 'nps':
    case 'enps':
      return new Map([
        [10, count(b, 'promoters')],
        [8, count(b, 'passives')],
        [0, count(b, 'detractors')],
      ]);
    case 'csat':
      return new Map([
        [5, count(b, 'satisfied')],
        [3, count(b, 'neutral')],
        [1, count(b, 'dissatisfied')],
      ]);
    case 'goal':
      return new Map([
        [1, count(b, 'yes')],
        [0.5, count(b, 'partly')],
        [0, count(b, 'no')],
      ]);
    case 'rating':
      return new Map(Object.entries(b.counts).map(([v, c]) => [Number(v), c]));
    case 'ces':
    case 'numeric':
    case 'cx_index':
    case 'csi':
      return null;
  }
}

/**
 * The change from the earlier period to the later with the significance test the explorer
 * uses for adjacent buckets ({@link computeBucketChange}: NPS difference over its standard
 * error, two-proportion z for CSAT and goal, Welch's t for ratings); CES by Welch's t from the
 * n, mean and variance of its buckets. Null when either period has no answers, and for the CX
 * index (no change test is defined for it). An NPS target's test uses its interval method.
 */
export function compareFigures(
  kind: MetricKind,
  earlier: PeriodFigure,
  later: PeriodFigure,
  options: FigureOptions = {},
): PeriodChange | null {
  const a = earlier.bucket;
  const b = later.bucket;
  if (!a || !b || a.n === 0 || b.n === 0 || isMultiItemMetric(kind)) return null;
  if (kind === 'ces' || kind === 'numeric') {
    const sa = meanSummaryOf(a);
    const sb = meanSummaryOf(b);
    const r = sa && sb ? compareMeans(sa, sb) : null;
    return (
      r && {
        difference: r.difference,
        pValue: r.pValue,
        significant: r.significant,
        test: 'welch-t',
        smallSample: r.smallSample,
      }
    );
  }
  const ha = histogramOf(kind, a);
  const hb = histogramOf(kind, b);
  if (!ha || !hb) return null;
  const r = computeBucketChange(kind === 'enps' ? 'nps' : kind, a.bucket, ha, hb, options);
  return (
    r && {
      difference: r.difference,
      pValue: r.pValue,
      significant: r.significant,
      test: r.test,
      smallSample: r.smallSample,
    }
  );
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
  scale: { min: number | null; max: number | null },
): [number, number] {
  switch (kind) {
    case 'nps':
    case 'enps':
    case 'cx_index':
      return [-100, 100];
    case 'csat':
    case 'goal':
    case 'csi':
      return [0, 100];
    case 'ces':
    case 'rating':
    case 'numeric':
      return [scale.min ?? -NUMERIC_LIMIT, scale.max ?? NUMERIC_LIMIT];
  }
}
