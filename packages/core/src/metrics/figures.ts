import type { Question } from '@polku/contracts';
import type { BucketCoverage, MetricBucketBy } from './buckets.js';
import { DomainError } from '../shared/errors.js';
import {
  compareCsat,
  compareMeans,
  compareNps,
  compareProportions,
  type ChangeResult,
} from './change.js';
import { computeStudentTQuantile, Z_95 } from './distributions.js';
import { ratingScale } from '@polku/contracts';
import {
  CES_SCALE,
  CSAT_SCALE,
  NPS_SCALE,
  MetricInputError,
  assertHistogramFinite,
  computeWilsonInterval,
  countAnswers,
  isSmallSample,
  summarizeHistogram,
  type Histogram,
  type Interval,
  type Scale,
} from './histogram.js';
import { computeNps, DEFAULT_NPS_INTERVAL_METHOD, type NpsIntervalMethod } from './nps.js';
import {
  computeCes,
  computeCsat,
  computeCxIndexOpenForm,
  computeSingleItemCsi,
  computeThreeItemCsi,
  EQUAL_CSI_WEIGHTS,
  type CsiItems,
  type CsiWeights,
  type CxIndexItems,
} from './satisfaction.js';

/** Which figure a question type yields. */
export type QuestionMetricKind = 'nps' | 'csat' | 'ces' | 'rating' | 'numeric' | 'goal';

/**
 * The answers' range as a metric reports it: a scale's lowest and highest point, or a numeric
 * question's min and max, where a bound it leaves open is null.
 */
export interface MetricScale {
  readonly min: number | null;
  readonly max: number | null;
}

/** Choices that change how a figure is computed, where its metric has them. */
export interface FigureOptions {
  /** NPS: the interval method, and the one its change test uses (adjusted-Wald by default). */
  npsInterval?: NpsIntervalMethod;
}

/** The figure of one bucket. `counts` depend on the metric (see {@link computeQuestionMetric}). */
export interface QuestionMetricBucket {
  bucket: string;
  /** Answered questions in the bucket (skipped ones are not in n). */
  n: number;
  counts: Record<string, number>;
  /** The headline figure (NPS, CSAT %, CES mean, rating mean, % goal reached); null when n = 0. */
  score: number | null;
  ci95: Interval | null;
  method: 'adjusted-wald' | 'wald' | 'wilson' | 't' | 'conservative-wald';
  smallSample: boolean;
  /** Against the adjacent earlier bucket (see {@link computeBucketChange}); null when either
   * has no answers or the metric has no test; absent on whole-period totals. */
  change?: BucketChange | null;
  /** The mean answer, shown beside CSAT, CES and ratings. */
  mean?: number | null;
  /** CES, ratings and numeric questions: the answers' sample variance (n − 1), what Welch's
   * test of a change reads. */
  variance?: number | null;
  /** CES: % easy (5–7) with its Wilson interval. */
  easyPercent?: number | null;
  easyCi95?: Interval | null;
  /** Rating: the one-item satisfaction index (x̄ − 1)/(k − 1)·100. */
  csi?: number | null;
  /** How much of the bucket the figure covers; on time buckets, and on a whole period with
   * both ends (see {@link BucketCoverage}). */
  coverage?: BucketCoverage;
}

export interface QuestionMetricResult {
  surveyId: string;
  questionKey: string;
  questionType: QuestionMetricKind;
  /** The name of `score` as printed (`nps`, `csat`, `ces`, `mean`, `goalReached`). */
  scoreName: string;
  scale: MetricScale;
  by: MetricBucketBy;
  from: string | null;
  to: string | null;
  buckets: QuestionMetricBucket[];
}

export const SCORE_NAMES: Record<QuestionMetricKind, string> = {
  nps: 'nps',
  csat: 'csat',
  ces: 'ces',
  rating: 'mean',
  numeric: 'mean',
  goal: 'goalReached',
};

/** Question types that have a numeric metric, with their scales. */
export function metricScaleOf(
  question: Question,
): { kind: QuestionMetricKind; scale: MetricScale } | null {
  switch (question.type) {
    case 'nps':
      return { kind: 'nps', scale: NPS_SCALE };
    case 'csat':
      return { kind: 'csat', scale: CSAT_SCALE };
    case 'ces':
      return { kind: 'ces', scale: CES_SCALE };
    case 'rating': {
      const [min, max] = ratingScale(question);
      return { kind: 'rating', scale: { min, max } };
    }
    case 'numeric':
      return { kind: 'numeric', scale: { min: question.min ?? null, max: question.max ?? null } };
    case 'goal':
      // Stored as yes 1, partly 0.5, no 0.
      return { kind: 'goal', scale: { min: 0, max: 1 } };
    default:
      return null;
  }
}

/**
 * The figure of a mean (ratings, numeric questions): score = x̄ with the Student t interval
 * x̄ ± t₀.₉₇₅,ₙ₋₁·s/√n (none below n = 2), the variance Welch's test of a change reads.
 */
function meanFigure(
  bucket: string,
  histogram: Histogram,
  counts: Record<string, number>,
): QuestionMetricBucket {
  const { n, mean, variance } = summarizeHistogram(histogram);
  const half =
    mean === null || variance === null
      ? null
      : computeStudentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return {
    bucket,
    n,
    counts,
    score: mean,
    ci95: mean === null || half === null ? null : [mean - half, mean + half],
    method: 't',
    smallSample: isSmallSample(n),
    mean,
    variance,
  };
}

const percent = (i: Interval | null): Interval | null => (i ? [100 * i[0], 100 * i[1]] : null);

/**
 * The figure of one bucket's histogram, with the one written definition of each metric
 * (docs/metrics.md):
 * - nps: counts promoters/passives/detractors, score NPS, adjusted-Wald interval (Wald when
 *   `options.npsInterval` asks for it);
 * - csat: counts satisfied (4–5)/neutral (3)/dissatisfied (1–2), score top-2-box %, Wilson;
 * - ces: counts easy (5–7)/neutral (4)/difficult (1–3), score the mean with a t interval,
 *   beside it % easy with a Wilson interval;
 * - rating (1..k or 0..k): counts per value, score the mean with a t interval, beside it the
 *   one-item CSI;
 * - numeric: no counts (any number in range may be an answer), score the mean with a t interval;
 * - goal: counts yes/partly/no, score % yes ("partly" is not yes), Wilson interval.
 */
export function computeQuestionMetric(
  kind: QuestionMetricKind,
  scale: MetricScale,
  bucket: string,
  histogram: Histogram,
  options: FigureOptions = {},
): QuestionMetricBucket {
  switch (kind) {
    case 'nps': {
      const r = computeNps(histogram, {
        method: options.npsInterval ?? DEFAULT_NPS_INTERVAL_METHOD,
      });
      return {
        bucket,
        n: r.n,
        counts: { promoters: r.promoters, passives: r.passives, detractors: r.detractors },
        score: r.nps,
        ci95: r.ci95,
        method: r.method,
        smallSample: r.smallSample,
      };
    }
    case 'csat': {
      const r = computeCsat(histogram);
      return {
        bucket,
        n: r.n,
        counts: {
          satisfied: r.satisfied,
          neutral: countAnswers(histogram, (v) => v === 3),
          dissatisfied: countAnswers(histogram, (v) => v <= 2),
        },
        score: r.csat,
        ci95: r.ci95,
        method: r.method,
        smallSample: r.smallSample,
        mean: r.mean,
      };
    }
    case 'ces': {
      const r = computeCes(histogram);
      return {
        bucket,
        n: r.n,
        counts: {
          easy: r.easy,
          neutral: countAnswers(histogram, (v) => v === 4),
          difficult: countAnswers(histogram, (v) => v <= 3),
        },
        score: r.mean,
        ci95: r.ci95,
        method: r.method,
        smallSample: r.smallSample,
        mean: r.mean,
        variance: summarizeHistogram(histogram).variance,
        easyPercent: r.easyPercent,
        easyCi95: r.easyCi95,
      };
    }
    case 'rating': {
      const points = pointsOf(scale);
      const csi = computeSingleItemCsi(histogram, points); // also checks the scale
      const counts: Record<string, number> = {};
      for (let v = points.min; v <= points.max; v++) counts[String(v)] = histogram.get(v) ?? 0;
      return { ...meanFigure(bucket, histogram, counts), csi };
    }
    case 'numeric': {
      // Not checked against the question's range: each answer was checked against the version
      // it answered, and a later version may have narrowed the range.
      assertHistogramFinite(histogram, 'numeric mean');
      return meanFigure(bucket, histogram, {});
    }
    case 'goal': {
      for (const value of histogram.keys())
        if (value !== 0 && value !== 0.5 && value !== 1)
          throw new DomainError('VALIDATION_FAILED', `goal: unexpected stored value ${value}`);
      const yes = histogram.get(1) ?? 0;
      const partly = histogram.get(0.5) ?? 0;
      const no = histogram.get(0) ?? 0;
      const n = yes + partly + no;
      return {
        bucket,
        n,
        counts: { yes, partly, no },
        score: n > 0 ? (100 * yes) / n : null,
        ci95: percent(computeWilsonInterval(yes, n)),
        method: 'wilson',
        smallSample: isSmallSample(n),
      };
    }
  }
}

/** A rating's scale of points: both ends are always set. */
function pointsOf(scale: MetricScale): Scale {
  if (scale.min === null || scale.max === null)
    throw new MetricInputError('rating: the scale needs both its lowest and highest point');
  return { min: scale.min, max: scale.max };
}

/** A bucket's change against the adjacent earlier bucket, with its significance test. */
export interface BucketChange {
  previous: string;
  /** Later minus earlier, in the metric's units (NPS points, percentage points, scale points). */
  difference: number;
  pValue: number | null;
  significant: boolean;
  /** Either bucket has n below the small-sample threshold: read the test with care. */
  smallSample: boolean;
  test: 'nps-z' | 'two-proportion-z' | 'welch-t';
}

/**
 * The change between two buckets' histograms with the test that fits the metric: the NPS
 * difference over its standard error (Rocks 2016; on the adjusted or raw counts as
 * `options.npsInterval` says, like the interval), the two-proportion z-test for CSAT and
 * goal reached, Welch's t-test for means (CES, ratings, numeric questions). Null for the CX index (its three
 * items are answered by overlapping respondents, which marginal histograms cannot account
 * for) and when either bucket is empty.
 */
export function computeBucketChange(
  kind: QuestionMetricKind | 'cx_index' | 'csi',
  previous: string,
  earlier: Histogram,
  later: Histogram,
  options: FigureOptions = {},
): BucketChange | null {
  let result: ChangeResult | null;
  let test: BucketChange['test'];
  switch (kind) {
    case 'nps':
      result = compareNps(earlier, later, {
        method: options.npsInterval ?? DEFAULT_NPS_INTERVAL_METHOD,
      });
      test = 'nps-z';
      break;
    case 'csat':
      result = compareCsat(earlier, later);
      test = 'two-proportion-z';
      break;
    case 'goal': {
      const of = (h: Histogram) => ({
        successes: h.get(1) ?? 0,
        n: countAnswers(h, () => true),
      });
      result = compareProportions(of(earlier), of(later));
      test = 'two-proportion-z';
      break;
    }
    case 'ces':
    case 'rating':
    case 'numeric':
      result = compareMeans(summarizeHistogram(earlier), summarizeHistogram(later));
      test = 'welch-t';
      break;
    case 'cx_index':
    case 'csi':
      return null;
  }
  if (!result) return null;
  return {
    previous,
    difference: result.difference,
    pValue: result.pValue,
    significant: result.significant,
    smallSample: result.smallSample,
    test,
  };
}

/** The question keys of the CX index's three items, in this order. */
export const CX_ITEMS = ['effectiveness', 'ease', 'emotion'] as const;

/**
 * One bucket of the open-form CX index (docs/metrics.md): score from
 * {@link computeCxIndexOpenForm}; `counts` are the items' n; n is the smallest of them (the
 * index is only as well measured as its thinnest item). The 95% interval averages the items'
 * Wald margins, √((p_top + p_bottom − (p_top − p_bottom)²)/n) each: the standard error of an
 * average is at most the average of the standard errors whatever the items' correlation, so
 * the interval is conservative, never too narrow.
 */
export function computeCxIndexBucket(bucket: string, items: CxIndexItems): QuestionMetricBucket {
  const r = computeCxIndexOpenForm(items);
  const ns = CX_ITEMS.map((k) => r[k].n);
  const n = Math.min(...ns);
  let ci95: Interval | null = null;
  if (r.cxIndex !== null) {
    const ses = CX_ITEMS.map((k) => {
      const h = items[k];
      const itemN = r[k].n;
      const top = countAnswers(h, (v) => v >= 4) / itemN;
      const bottom = countAnswers(h, (v) => v <= 2) / itemN;
      return Math.sqrt(Math.max(0, top + bottom - (top - bottom) ** 2) / itemN);
    });
    const half = (100 * Z_95 * (ses[0]! + ses[1]! + ses[2]!)) / 3;
    ci95 = [Math.max(-100, r.cxIndex - half), Math.min(100, r.cxIndex + half)];
  }
  return {
    bucket,
    n,
    counts: { effectiveness: ns[0]!, ease: ns[1]!, emotion: ns[2]! },
    score: r.cxIndex,
    ci95,
    method: 'conservative-wald',
    smallSample: isSmallSample(n),
  };
}

/**
 * One bucket of the three-item CSI (docs/metrics.md) with the given weights (equal when left
 * out): score from {@link computeThreeItemCsi}; `counts` are the items' n; n is the smallest
 * of them. The 95% interval is conservative in the same way as the CX index's: the index is a
 * weighted sum of the item means, and the standard error of a sum is at most the sum of the
 * weighted standard errors w_i·s_i/√n_i, whatever the correlation of the items.
 */
export function computeCsiBucket(
  bucket: string,
  items: CsiItems,
  weights: CsiWeights = EQUAL_CSI_WEIGHTS,
): QuestionMetricBucket {
  const r = computeThreeItemCsi(items, weights);
  const histograms = [
    items.overallSatisfaction,
    items.expectationDisconfirmation,
    items.comparisonToIdeal,
  ];
  const n = Math.min(...r.ns);
  let ci95: Interval | null = null;
  if (r.csi !== null) {
    const summaries = histograms.map(summarizeHistogram);
    if (summaries.every((s) => s.variance !== null)) {
      const se = summaries.reduce(
        (sum, s, i) => sum + weights[i]! * Math.sqrt(s.variance! / s.n),
        0,
      );
      const half = (Z_95 * se * 100) / 9;
      ci95 = [Math.max(0, r.csi - half), Math.min(100, r.csi + half)];
    }
  }
  return {
    bucket,
    n,
    counts: {
      overallSatisfaction: r.ns[0],
      expectationDisconfirmation: r.ns[1],
      comparisonToIdeal: r.ns[2],
    },
    score: r.csi,
    ci95,
    method: 'conservative-wald',
    smallSample: isSmallSample(n),
  };
}
