/*
 * The heat rule of the journey map: how a touchpoint's figure stands against its target, or
 * against the journey's average when it has no target. Pure domain code that the staff app (the
 * map's cards) and the server (the map export with live metrics) share; it lives in contracts
 * because the web app may import contracts only (docs/ARCHITECTURE.md).
 *
 * Two things decide a level:
 * - the size of the difference, on the metric's own scale (never the question's 0–10 or 1–5
 *   answer scale): NPS, eNPS and the CX index in points of −100…100, CSAT and other shares in
 *   percentage points, CES and means in scale points;
 * - whether it is statistically clear: "clearly below/above" needs the figure's 95% interval to
 *   exclude the reference and at least `smallSampleLimit` answers. A large difference that is not
 *   clear stays one step ("below"/"above"), so a tiny n never reads as a verdict.
 * Every Polku metric is higher-is-better (docs/metrics.md).
 */

export const heatLevels = ['muchBelow', 'below', 'near', 'above', 'muchAbove'] as const;
export type HeatLevel = (typeof heatLevels)[number];

/** A figure at fewer answers than this is a small sample: flagged, never called clear. */
export const smallSampleLimit = 30;

export interface HeatSteps {
  /** A difference smaller than this (in the metric's units) is "near". */
  near: number;
  /** From this size a statistically clear difference is "clearly" below or above. */
  far: number;
}

/**
 * The steps of a metric, by its score name (as the metric query names it). Points of a
 * −100…100 index: 5 near, 15 far; percentage points of a share: 3 and 10; CES (1…7) and means
 * of a short scale: 0.15 and 0.5.
 */
export function heatSteps(scoreName: string): HeatSteps {
  switch (scoreName) {
    case 'nps':
    case 'enps':
    case 'cxIndex':
      return { near: 5, far: 15 };
    case 'csat':
    case 'goalReached':
    case 'csi':
      return { near: 3, far: 10 };
    default:
      // CES and means ('ces', 'mean'): scale points of a 1…5 or 1…7 scale.
      return { near: 0.15, far: 0.5 };
  }
}

export interface HeatFigure {
  score: number | null;
  n: number;
  /** The 95% interval of the score; null when it cannot be computed. */
  ci95: readonly [number, number] | null;
}

/** Whether the figure's interval lies wholly on one side of the reference, on enough answers. */
export function clearlyDifferent(figure: HeatFigure, reference: number): boolean {
  if (figure.ci95 === null || figure.n < smallSampleLimit) return false;
  const [low, high] = figure.ci95;
  return high < reference || low > reference;
}

/** The level of a figure against `reference`; null when either is missing. */
export function heatLevel(
  figure: HeatFigure,
  reference: number | null,
  steps: HeatSteps,
): HeatLevel | null {
  if (figure.score === null || reference === null) return null;
  const d = figure.score - reference;
  if (Math.abs(d) < steps.near) return 'near';
  const clear = Math.abs(d) >= steps.far && clearlyDifferent(figure, reference);
  if (d < 0) return clear ? 'muchBelow' : 'below';
  return clear ? 'muchAbove' : 'above';
}
