/*
 * The heat map of the journey map: each touchpoint's figure against its target, or against the
 * journey's average when it has no target. Five levels; the colours are light tints under dark
 * text (well above 4.5:1) and the level is always also written out with an arrow, so colour is
 * never the only signal (WCAG 1.4.1).
 */

export const heatLevels = ['muchBelow', 'below', 'near', 'above', 'muchAbove'] as const;
export type HeatLevel = (typeof heatLevels)[number];

/**
 * How far from the reference counts as "near", and as "well" above or below, in the metric's
 * own units: points of NPS and the CX index (−100…100), percentage points of CSAT, and CES
 * (1…7) in scale points. Every Polku metric is higher-is-better (docs/metrics.md).
 */
export function heatSteps(scoreName: string, scale: { min: number | null; max: number | null }) {
  switch (scoreName) {
    case 'ces':
      return { near: 0.15, far: 0.5 };
    case 'csat':
      return { near: 3, far: 10 };
    default: {
      // NPS, CX index and anything else: a share of the scale's width (200 points → 5 and 15).
      const width = scale.min !== null && scale.max !== null ? scale.max - scale.min || 1 : 1;
      return { near: width * 0.025, far: width * 0.075 };
    }
  }
}

/** The level of `score` against `reference`; null when either is missing. */
export function heatLevel(
  score: number | null,
  reference: number | null,
  steps: { near: number; far: number },
): HeatLevel | null {
  if (score === null || reference === null) return null;
  const d = score - reference;
  if (d <= -steps.far) return 'muchBelow';
  if (d < -steps.near) return 'below';
  if (d < steps.near) return 'near';
  if (d < steps.far) return 'above';
  return 'muchAbove';
}

/** Background tints (Mantine's red/gray/green 0–2); text on them stays dark gray 9. */
export const heatBackground: Record<HeatLevel, string> = {
  muchBelow: 'var(--mantine-color-red-2)',
  below: 'var(--mantine-color-red-0)',
  near: 'var(--mantine-color-gray-1)',
  above: 'var(--mantine-color-green-0)',
  muchAbove: 'var(--mantine-color-green-2)',
};

export const heatArrow: Record<HeatLevel, string> = {
  muchBelow: '▼▼',
  below: '▼',
  near: '●',
  above: '▲',
  muchAbove: '▲▲',
};

/** The figure at most `n < 30` answers is a small sample: flagged, never hidden. */
export const smallSampleLimit = 30;

/**
 * Where the metric breaks along the journey: the biggest drop between two stages that both have
 * a score (skipping stages without answers), or null when it never drops.
 */
export function biggestDrop(
  stages: { id: string; score: number | null }[],
): { fromId: string; toId: string; difference: number } | null {
  let best: { fromId: string; toId: string; difference: number } | null = null;
  let previous: { id: string; score: number } | null = null;
  for (const s of stages) {
    if (s.score === null) continue;
    if (previous) {
      const difference = s.score - previous.score;
      if (difference < 0 && (!best || difference < best.difference))
        best = { fromId: previous.id, toId: s.id, difference };
    }
    previous = { id: s.id, score: s.score };
  }
  return best;
}
