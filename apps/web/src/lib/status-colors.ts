/**
 * The colours of status text: a significant rise or fall, a target met or missed, a positive or
 * negative incident, a warning, an error. Mantine's shades are too light as text (green.8, the
 * old "significant rise", is 3.4:1 on white; orange.9 4.3:1), so status text takes its colour
 * from here and nowhere else. Every colour is at least 4.5:1 (WCAG 2.1 AA, 1.4.3) on white and
 * on the light tints status text sits on: striped table rows, light badges and alerts, the
 * journey map's heat tints. `status-colors.test.ts` computes each ratio, so it cannot regress.
 * Colour is never the only signal: the text or an arrow says the same.
 */

/** Dark green, 6.1:1 on white. */
const GREEN = '#237032';
/** Dark red, 6.7:1 on white. */
const RED = '#b02525';
/** Dark amber, 6.0:1 on white. */
const AMBER = '#a14a08';

export const statusText = {
  rise: GREEN,
  fall: RED,
  met: GREEN,
  missed: RED,
  positive: GREEN,
  negative: RED,
  warning: AMBER,
  error: RED,
} as const;
export type StatusTextName = keyof typeof statusText;

/**
 * What Mantine's light variants (badges, alerts, subtle buttons) draw their text in, per palette
 * colour: the status colour of the same hue, so a green "Met" badge and a green "Significant
 * rise" are one green. Set as `--mantine-color-<hue>-light-color` by the theme (main.tsx).
 */
export const lightVariantText: Record<string, string> = {
  green: GREEN,
  teal: GREEN,
  red: RED,
  orange: AMBER,
  yellow: AMBER,
};

/**
 * The colour of a significant change by its direction (1 rise, −1 fall); undefined for none, so
 * the text keeps the body colour.
 */
export function changeColor(direction: -1 | 0 | 1): string | undefined {
  return direction > 0 ? statusText.rise : direction < 0 ? statusText.fall : undefined;
}
