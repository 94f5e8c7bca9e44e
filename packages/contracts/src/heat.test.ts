import { describe, expect, it } from 'vitest';
import { clearlyDifferent, heatLevel, heatSteps, type HeatFigure } from './heat.js';

const fig = (score: number | null, n: number, ci95: [number, number] | null): HeatFigure => ({
  score,
  n,
  ci95,
});

describe('heat steps on the metric’s own scale', () => {
  it('uses points of −100…100 for NPS and the CX index, never the 0–10 answer scale', () => {
    expect(heatSteps('nps')).toEqual({ near: 5, far: 15 });
    expect(heatSteps('cxIndex')).toEqual({ near: 5, far: 15 });
    expect(heatSteps('csat')).toEqual({ near: 3, far: 10 });
    expect(heatSteps('ces')).toEqual({ near: 0.15, far: 0.5 });
  });
});

describe('heat level', () => {
  const nps = heatSteps('nps');

  it('calls a −4.8 NPS difference near, however narrow its interval', () => {
    // Verkkokassa in the issue: 30.2 against a journey average of 35.0.
    expect(heatLevel(fig(30.2, 1099, [25.9, 34.5]), 35, nps)).toBe('near');
    expect(heatLevel(fig(39.8, 1099, [35.5, 44.1]), 35, nps)).toBe('near');
  });

  it('calls a big difference clearly below or above only when its interval excludes the reference', () => {
    expect(heatLevel(fig(10, 400, [2.1, 17.9]), 35, nps)).toBe('muchBelow');
    expect(heatLevel(fig(55, 400, [48.2, 61.8]), 35, nps)).toBe('muchAbove');
    // The same −25 with an interval reaching over the reference: one step only.
    expect(heatLevel(fig(10, 40, [-19.5, 39.5]), 35, nps)).toBe('below');
    expect(heatLevel(fig(60, 40, [30.4, 89.6]), 35, nps)).toBe('above');
  });

  it('never calls a tiny n clear, even with an interval that excludes the reference', () => {
    expect(heatLevel(fig(-100, 1, [-100, -100]), 35, nps)).toBe('below');
    expect(heatLevel(fig(-20, 29, [-40, -1]), 35, nps)).toBe('below');
    expect(heatLevel(fig(-20, 30, [-40, -1]), 35, nps)).toBe('muchBelow');
  });

  it('grades a moderate clear difference one step, and needs an interval to be clear', () => {
    expect(heatLevel(fig(25, 2000, [23, 27]), 35, nps)).toBe('below');
    expect(heatLevel(fig(10, 400, null), 35, nps)).toBe('below');
  });

  it('works in percentage points for CSAT and scale points for CES', () => {
    const csat = heatSteps('csat');
    expect(heatLevel(fig(80, 500, [76.5, 83.5]), 82, csat)).toBe('near');
    expect(heatLevel(fig(70, 500, [66, 74]), 82, csat)).toBe('muchBelow');
    const ces = heatSteps('ces');
    expect(heatLevel(fig(5.1, 300, [4.9, 5.3]), 5, ces)).toBe('near');
    expect(heatLevel(fig(4.3, 300, [4.1, 4.5]), 5, ces)).toBe('muchBelow');
    expect(heatLevel(fig(5.3, 300, [5.1, 5.5]), 5, ces)).toBe('above');
  });

  it('has no level without a score or a reference', () => {
    expect(heatLevel(fig(null, 0, null), 35, nps)).toBeNull();
    expect(heatLevel(fig(30, 100, [20, 40]), null, nps)).toBeNull();
  });

  it('reads the interval against the reference on either side', () => {
    expect(clearlyDifferent(fig(10, 100, [1, 19]), 20)).toBe(true);
    expect(clearlyDifferent(fig(10, 100, [1, 20]), 20)).toBe(false);
    expect(clearlyDifferent(fig(30, 100, [21, 39]), 20)).toBe(true);
  });
});
