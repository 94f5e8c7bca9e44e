import { describeCsiWeightProblem } from '@polku/contracts';
import { computeStudentTQuantile } from './distributions.js';
import {
  assertHistogramOnScale,
  CES_SCALE,
  countAnswers,
  CSAT_SCALE,
  CSI_ITEM_SCALE,
  computeWilsonInterval,
  isSmallSample,
  MetricInputError,
  summarizeHistogram,
  type Histogram,
  type Interval,
  type Scale,
} from './histogram.js';

function toPercent(interval: Interval | null): Interval | null {
  return interval ? [100 * interval[0], 100 * interval[1]] : null;
}

export interface CsatResult {
  readonly n: number;
  /** Answers 4 or 5. */
  readonly satisfied: number;
  /** Top-2-box: 100·satisfied/n; null when n = 0. */
  readonly csat: number | null;
  /** Wilson 95% interval of the top-2-box share, in percent. */
  readonly ci95: Interval | null;
  readonly method: 'wilson';
  /** The mean answer (1–5), which some tools call CSAT; shown beside, never instead. */
  readonly mean: number | null;
  readonly smallSample: boolean;
}

/**
 * CSAT as top-2-box on a 1–5 question: `CSAT% = 100·(answers 4–5)/n`; a 3 is not satisfied;
 * skipped answers are not in n. Wilson 95% interval. Values other than 1–5 throw.
 * Source: Delighted and Intercom help centres (examples below).
 * @example computeCsat(new Map([[5, 42], [4, 32], [3, 10], [2, 9], [1, 14]])).csat // 69.16 (Delighted)
 */
export function computeCsat(histogram: Histogram): CsatResult {
  assertHistogramOnScale(histogram, CSAT_SCALE, 'CSAT');
  const { n, mean } = summarizeHistogram(histogram);
  const satisfied = countAnswers(histogram, (v) => v >= 4);
  return {
    n,
    satisfied,
    csat: n > 0 ? (100 * satisfied) / n : null,
    ci95: toPercent(computeWilsonInterval(satisfied, n)),
    method: 'wilson',
    mean,
    smallSample: isSmallSample(n),
  };
}

/**
 * One-item satisfaction index on a scale of points min…max (1–k, or 0–k for a scale that starts
 * at 0): `(x̄ − min)/(max − min)·100` (0–100), so the lowest point is 0 and the highest 100
 * whichever point the scale starts at. On 1–k this is the usual `(x̄ − 1)/(k − 1)·100`.
 * @example computeSingleItemCsi(new Map([[10, 1], [1, 1]]), { min: 1, max: 10 }) // 50
 * @example computeSingleItemCsi(new Map([[10, 1], [0, 1]]), { min: 0, max: 10 }) // 50
 */
export function computeSingleItemCsi(histogram: Histogram, scale: Scale): number | null {
  if ((scale.min !== 0 && scale.min !== 1) || !(scale.max > scale.min)) {
    throw new MetricInputError('CSI: the one-item form needs a scale from 0 or 1 to k > min');
  }
  assertHistogramOnScale(histogram, scale, 'CSI');
  const { mean } = summarizeHistogram(histogram);
  return mean === null ? null : ((mean - scale.min) / (scale.max - scale.min)) * 100;
}

/** The three ACSI-style items, each a 1–10 histogram. */
export interface CsiItems {
  readonly overallSatisfaction: Histogram;
  readonly expectationDisconfirmation: Histogram;
  readonly comparisonToIdeal: Histogram;
}

export interface CsiResult {
  /** 0–100; null when any item has no answers. */
  readonly csi: number | null;
  readonly means: readonly [number | null, number | null, number | null];
  readonly ns: readonly [number, number, number];
}

/** Weights of the three CSI items, in the items' order; positive and summing to 1. */
export type CsiWeights = readonly [number, number, number];

/** The unweighted index: ⅓ each. */
export const EQUAL_CSI_WEIGHTS: CsiWeights = [1 / 3, 1 / 3, 1 / 3];

/**
 * ACSI-style three-item index on 1–10 items (overall satisfaction, expectation
 * disconfirmation, comparison to ideal): `((x̄₁−1)W₁ + (x̄₂−1)W₂ + (x̄₃−1)W₃)/9·100` with
 * positive weights summing to 1. The default weights ⅓ each give the unweighted DIY form
 * `(S + E + P − 3)/27·100`. Each item's mean uses the answers to that item (its own n).
 * The official ACSI estimates weights by PLS; supply them if known (e.g. 0.3885, 0.3190,
 * 0.2925). Weights that are not positive or do not sum to 1 (`describeCsiWeightProblem`, the
 * rule the API checks too) throw {@link MetricInputError}.
 * Source: Fornell et al. (1996), Journal of Marketing 60(4); METHODS.md.
 * @example computeThreeItemCsi({ overallSatisfaction: h(8), expectationDisconfirmation: h(7), comparisonToIdeal: h(6) }).csi // 62.96
 */
export function computeThreeItemCsi(
  items: CsiItems,
  weights: CsiWeights = EQUAL_CSI_WEIGHTS,
): CsiResult {
  const problem = describeCsiWeightProblem(weights);
  if (problem) throw new MetricInputError(`CSI: ${problem}`);
  const histograms = [
    items.overallSatisfaction,
    items.expectationDisconfirmation,
    items.comparisonToIdeal,
  ] as const;
  const summaries = histograms.map((h) => {
    assertHistogramOnScale(h, CSI_ITEM_SCALE, 'CSI');
    return summarizeHistogram(h);
  });
  const means = summaries.map((s) => s.mean) as [number | null, number | null, number | null];
  const ns = summaries.map((s) => s.n) as [number, number, number];
  const [m1, m2, m3] = means;
  const csi =
    m1 === null || m2 === null || m3 === null
      ? null
      : (((m1 - 1) * weights[0] + (m2 - 1) * weights[1] + (m3 - 1) * weights[2]) / 9) * 100;
  return { csi, means, ns };
}

export interface CesResult {
  readonly n: number;
  /** Mean of the 1–7 answers (higher = easier); null when n = 0. */
  readonly mean: number | null;
  readonly standardDeviation: number | null;
  /** t-based 95% interval of the mean (df = n − 1); null when n < 2. */
  readonly ci95: Interval | null;
  readonly method: 't';
  /** Answers 5–7 ("agree"). */
  readonly easy: number;
  /** 100·easy/n; null when n = 0. */
  readonly easyPercent: number | null;
  /** Wilson 95% interval of the easy share, in percent. */
  readonly easyCi95: Interval | null;
  readonly smallSample: boolean;
}

/**
 * Customer Effort Score 2.0: "The company made it easy for me to handle my issue", 1–7, higher
 * = easier. Mean with a t interval `x̄ ± t₀.₉₇₅,ₙ₋₁·s/√n` (t, not z, so small n is not
 * overconfident), and % easy (5–7) with a Wilson interval. The old 5-point CES, where high
 * means more effort, is a different question: do not feed it here.
 * Source: Dixon, Freeman & Toman (2010), HBR; CEB/Gartner CES 2.0.
 * @example computeCes(createHistogram([7, 6, 5, 3])) // mean 5.25, easyPercent 75
 */
export function computeCes(histogram: Histogram): CesResult {
  assertHistogramOnScale(histogram, CES_SCALE, 'CES');
  const { n, mean, variance } = summarizeHistogram(histogram);
  const easy = countAnswers(histogram, (v) => v >= 5);
  let ci95: Interval | null = null;
  if (mean !== null && variance !== null) {
    const half = computeStudentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
    ci95 = [mean - half, mean + half];
  }
  return {
    n,
    mean,
    standardDeviation: variance === null ? null : Math.sqrt(variance),
    ci95,
    method: 't',
    easy,
    easyPercent: n > 0 ? (100 * easy) / n : null,
    easyCi95: toPercent(computeWilsonInterval(easy, n)),
    smallSample: isSmallSample(n),
  };
}

/** The three 5-point items of the open CX index. */
export interface CxIndexItems {
  readonly effectiveness: Histogram;
  readonly ease: Histogram;
  readonly emotion: Histogram;
}

export interface CxItemScore {
  readonly n: number;
  /** % of answers 4–5 minus % of answers 1–2, −100…100; null when n = 0. */
  readonly score: number | null;
}

export interface CxIndexResult {
  readonly effectiveness: CxItemScore;
  readonly ease: CxItemScore;
  readonly emotion: CxItemScore;
  /** Mean of the three item scores; null when any item has no answers. */
  readonly cxIndex: number | null;
}

/** % top-2 (4–5) minus % bottom-2 (1–2) of a 1–5 histogram. */
function scoreCxItem(histogram: Histogram): CxItemScore {
  assertHistogramOnScale(histogram, CSAT_SCALE, 'CX index');
  const n = countAnswers(histogram, () => true);
  if (n === 0) return { n, score: null };
  const top = countAnswers(histogram, (v) => v >= 4);
  const bottom = countAnswers(histogram, (v) => v <= 2);
  return { n, score: (100 * (top - bottom)) / n };
}

/**
 * "CX index (open form)": for each of effectiveness, ease and emotion (5-point items),
 * `%(4–5) − %(1–2)`, then the plain average of the three (−100…100). Forrester's current
 * CX Index is proprietary and industry-weighted; this is the open, older form, named so.
 * Source: Forrester CX Index methodology (pre-2016 published form); METHODS.md.
 * @example computeCxIndexOpenForm({ effectiveness: [5,5,1], ease: [4,3], emotion: [2] }) // (33.3 + 50 − 100)/3
 */
export function computeCxIndexOpenForm(items: CxIndexItems): CxIndexResult {
  const effectiveness = scoreCxItem(items.effectiveness);
  const ease = scoreCxItem(items.ease);
  const emotion = scoreCxItem(items.emotion);
  const scores = [effectiveness.score, ease.score, emotion.score];
  const cxIndex = scores.every((s): s is number => s !== null)
    ? (scores[0]! + scores[1]! + scores[2]!) / 3
    : null;
  return { effectiveness, ease, emotion, cxIndex };
}
