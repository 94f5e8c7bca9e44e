import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { heatBackground, type HeatLevel } from '../pages/journeys/heat';
import { lightVariantText, statusText } from './status-colors';

const colors = DEFAULT_THEME.colors;
/** The theme's primary shade (main.tsx): light badges and alerts tint with this shade. */
const PRIMARY_SHADE = 8;

function channels(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** WCAG 2.1 relative luminance (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), lighter over darker. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` at `alpha` over `base`: what a translucent tint looks like where it is drawn. */
function over(hex: string, alpha: number, base = '#ffffff'): string {
  const top = channels(hex);
  const under = channels(base);
  return `#${top
    .map((c, i) => Math.round(c * alpha + under[i]! * (1 - alpha)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Mantine's light variant background of a hue (10 %, 12 % on hover), over a striped row. */
const lightTints = Object.keys(lightVariantText).flatMap((hue) =>
  [0.1, 0.12].map((alpha) => ({
    name: `${hue} light tint ${alpha * 100} %`,
    color: over(colors[hue]![PRIMARY_SHADE], alpha, colors.gray[0]),
  })),
);

/** Every background status text is drawn on. */
const backgrounds = [
  { name: 'white', color: '#ffffff' },
  { name: 'striped row (gray.0)', color: colors.gray[0] },
  { name: 'gray.1', color: colors.gray[1] },
  ...lightTints,
];

/** The heat map's tints, as the CSS variables name them. */
function heatTint(level: HeatLevel): string {
  const m = /--mantine-color-(\w+)-(\d)/.exec(heatBackground[level]);
  if (!m) throw new Error(`unexpected heat background ${heatBackground[level]}`);
  return colors[m[1]!]![Number(m[2])]!;
}

describe('status text colours', () => {
  it('computes contrast by the WCAG formula (published pairs)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The colour the issue reported: Mantine green.8 on white is 3.44:1, under AA.
    expect(contrast(colors.green[8], '#ffffff')).toBeCloseTo(3.45, 2);
  });

  it.each(Object.entries(statusText))(
    '%s (%s) reads at 4.5:1 or more on every background it sits on',
    (_name, color) => {
      for (const bg of backgrounds)
        expect(contrast(color, bg.color), `on ${bg.name}`).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('gives light badges and alerts of the status hues text at 4.5:1 or more on their tint', () => {
    for (const [hue, text] of Object.entries(lightVariantText))
      for (const alpha of [0.1, 0.12]) {
        const tint = over(colors[hue]![PRIMARY_SHADE], alpha, colors.gray[0]);
        expect(contrast(text, tint), `${hue} at ${alpha}`).toBeGreaterThanOrEqual(4.5);
      }
  });

  it('keeps the journey map heat labels (dark gray 9) at 4.5:1 or more on every heat tint', () => {
    for (const level of Object.keys(heatBackground) as HeatLevel[])
      expect(contrast(colors.gray[9], heatTint(level)), level).toBeGreaterThanOrEqual(4.5);
  });
});

describe('status text in the pages', () => {
  it('never takes a raw palette shade of a status hue (c="green.8"): only lib/status-colors', () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    // c="red", c="green.8", c={up ? 'green.8' : 'red.8'}
    const raw = /\bc=(\{[^}]*)?[`'"](green|red|teal|orange|yellow|lime)(\.\d)?[`'"]/;
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.tsx'))
      .flatMap((file) =>
        readFileSync(join(src, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (raw.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
