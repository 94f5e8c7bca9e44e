/*
 * How the journey map draws its heat: each touchpoint's figure against its target, or against
 * the journey's average when it has no target. Five levels; the colours are light tints under dark
 * text (well above 4.5:1) and the level is always also written out with an arrow, so colour is
 * never the only signal (WCAG 1.4.1).
 */

import type { HeatLevel } from '@polku/contracts';

// The rule itself (steps on the metric's own scale, "clearly" only when statistically clear)
// is shared with the server's export: packages/contracts/src/heat.ts.
export { heatLevel, heatSteps, smallSampleLimit, type HeatLevel } from '@polku/contracts';

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
