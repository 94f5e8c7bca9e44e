import { computeStudentTQuantile } from './distributions.js';
import { isSmallSample, MetricInputError, type Interval } from './histogram.js';

export type IpaQuadrant =
  'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill';

export interface IpaAttribute {
  readonly name: string;
  /** Mean stated importance, or a derived importance (correlation, LMG share). */
  readonly importance: number;
  /** Mean performance rating. */
  readonly performance: number;
}

/**
 * Where the crosshair sits: the means over the attributes given (`'grand-means'`) or fixed
 * values such as the scale midpoints (`{ importance: 3, performance: 3 }` on 1–5).
 */
export type IpaCrosshair =
  'grand-means' | { readonly importance: number; readonly performance: number };

export interface IpaResult {
  readonly crosshair: { readonly importance: number; readonly performance: number };
  readonly attributes: readonly (IpaAttribute & { readonly quadrant: IpaQuadrant })[];
}

/**
 * Importance–performance analysis (Martilla & James 1977): each attribute into one of four
 * quadrants around the crosshair. Tie rule: a value exactly on the crosshair counts as high
 * (`≥`), so an attribute on the line is never sent to "low priority" by rounding.
 * Source: Martilla & James (1977), Journal of Marketing 41(1).
 * @example classifyImportancePerformance([{ name: 'speed', importance: 4.5, performance: 2.9 }], { importance: 3, performance: 3 })
 * // speed: 'concentrate-here'
 */
export function classifyImportancePerformance(
  attributes: readonly IpaAttribute[],
  crosshair: IpaCrosshair = 'grand-means',
): IpaResult {
  for (const a of attributes) {
    if (!Number.isFinite(a.importance) || !Number.isFinite(a.performance)) {
      throw new MetricInputError(`IPA: ${a.name} needs finite importance and performance`);
    }
  }
  const centre =
    crosshair === 'grand-means'
      ? {
          importance: attributes.reduce((s, a) => s + a.importance, 0) / (attributes.length || 1),
          performance: attributes.reduce((s, a) => s + a.performance, 0) / (attributes.length || 1),
        }
      : crosshair;
  return {
    crosshair: centre,
    attributes: attributes.map((a) => {
      const important = a.importance >= centre.importance;
      const performing = a.performance >= centre.performance;
      const quadrant: IpaQuadrant = important
        ? performing
          ? 'keep-up-the-good-work'
          : 'concentrate-here'
        : performing
          ? 'possible-overkill'
          : 'low-priority';
      return { ...a, quadrant };
    }),
  };
}

/** One cell of an item's joint histogram: (expectation, perception) answered together. */
export interface GapPairCount {
  readonly expectation: number;
  readonly perception: number;
  readonly count: number;
}

export interface ExpectationGap {
  readonly name: string;
  /** Respondents who answered both questions of the item (pairwise complete). */
  readonly n: number;
  /** Mean of perception − expectation; negative: expectations not met. Null when n = 0. */
  readonly gap: number | null;
  /** Paired t 95% interval of the gap; null when n < 2. */
  readonly ci95: Interval | null;
  readonly smallSample: boolean;
}

/**
 * SERVQUAL-style gap of one item, perception − expectation, over respondents who answered
 * both (pairwise complete: the input is the joint histogram, so someone who skipped either
 * question is not in it). Paired t interval on the differences.
 * Source: Parasuraman, Zeithaml & Berry (1988), Journal of Retailing 64(1).
 * @example computeExpectationGap('speed', [{ expectation: 6, perception: 4, count: 2 }]).gap // −2
 */
export function computeExpectationGap(
  name: string,
  pairs: readonly GapPairCount[],
): ExpectationGap {
  let n = 0;
  let sum = 0;
  for (const { expectation, perception, count } of pairs) {
    if (!Number.isFinite(expectation) || !Number.isFinite(perception)) {
      throw new MetricInputError(`gap: ${name} has a non-numeric answer`);
    }
    if (!Number.isInteger(count) || count < 0) {
      throw new MetricInputError(`gap: ${name} has count ${count}, not a non-negative integer`);
    }
    n += count;
    sum += count * (perception - expectation);
  }
  if (n === 0) return { name, n, gap: null, ci95: null, smallSample: true };
  const gap = sum / n;
  let ci95: Interval | null = null;
  if (n >= 2) {
    let squares = 0;
    for (const { expectation, perception, count } of pairs) {
      squares += count * (perception - expectation - gap) ** 2;
    }
    const half = computeStudentTQuantile(0.975, n - 1) * Math.sqrt(squares / (n - 1) / n);
    ci95 = [gap - half, gap + half];
  }
  return { name, n, gap, ci95, smallSample: isSmallSample(n) };
}

/**
 * Expectation gaps of several items ranked worst first (most negative gap; items with no
 * answers last), and the dimension gap: the mean of the item gaps, or a weighted mean when
 * weights (e.g. 100 points split over items or dimensions) are given.
 * @example rankExpectationGaps([gapA, gapB]).items[0] // the item furthest below expectations
 */
export function rankExpectationGaps(
  gaps: readonly ExpectationGap[],
  weights?: readonly number[],
): { readonly items: readonly ExpectationGap[]; readonly dimensionGap: number | null } {
  if (weights && weights.length !== gaps.length) {
    throw new MetricInputError('gap: give one weight per item');
  }
  let weighted = 0;
  let totalWeight = 0;
  gaps.forEach((g, i) => {
    if (g.gap === null) return;
    const w = weights ? weights[i]! : 1;
    weighted += w * g.gap;
    totalWeight += w;
  });
  const items = [...gaps].sort((a, b) => (a.gap ?? Infinity) - (b.gap ?? Infinity));
  return { items, dimensionGap: totalWeight > 0 ? weighted / totalWeight : null };
}
