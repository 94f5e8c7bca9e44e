import { describe, expect, it } from 'vitest';
import {
  computeLogGamma,
  computeNormalCdf,
  computeNormalTwoSidedP,
  computeRegularizedBeta,
  computeStudentTCdf,
  computeStudentTQuantile,
  computeStudentTTwoSidedP,
  Z_95,
} from './distributions.js';

describe('computeLogGamma', () => {
  it('gives ln((n − 1)!) at integers and ln √π at ½', () => {
    expect(computeLogGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(computeLogGamma(11)).toBeCloseTo(Math.log(3628800), 11);
    expect(computeLogGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('computeRegularizedBeta', () => {
  it('matches the closed forms I_x(a, 1) = xᵃ and I_x(1, b) = 1 − (1 − x)ᵇ', () => {
    expect(computeRegularizedBeta(0.3, 2, 1)).toBeCloseTo(0.09, 13);
    expect(computeRegularizedBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 13);
  });
  it('is ½ at x = ½ when a = b, and equals a binomial tail for integer a, b', () => {
    expect(computeRegularizedBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 13);
    // I_0.4(2, 3) = P(Binomial(4, 0.4) ≥ 2) = 1 − 0.6⁴ − 4·0.4·0.6³ = 0.5248
    expect(computeRegularizedBeta(0.4, 2, 3)).toBeCloseTo(0.5248, 13);
  });
  it('is 0 and 1 at the ends', () => {
    expect(computeRegularizedBeta(0, 2, 3)).toBe(0);
    expect(computeRegularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe('computeNormalCdf', () => {
  it('gives the tabulated values Φ(0) = ½, Φ(1) = 0.841344746, Φ(1.959964) = 0.975', () => {
    expect(computeNormalCdf(0)).toBe(0.5);
    expect(computeNormalCdf(1)).toBeCloseTo(0.8413447460685429, 12);
    expect(computeNormalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
    expect(computeNormalCdf(Z_95)).toBeCloseTo(0.975, 12);
  });
  it('gives two-sided p = 0.05 at z = 1.959964 and p = 1 at z = 0', () => {
    expect(computeNormalTwoSidedP(Z_95)).toBeCloseTo(0.05, 12);
    expect(computeNormalTwoSidedP(0)).toBeCloseTo(1, 12);
  });
});

describe('computeStudentTCdf', () => {
  it('matches the Cauchy distribution at df = 1: P(T ≤ 1) = ¾, P(T ≤ t) = ½ + atan(t)/π', () => {
    expect(computeStudentTCdf(1, 1)).toBeCloseTo(0.75, 13);
    expect(computeStudentTCdf(-3, 1)).toBeCloseTo(0.5 + Math.atan(-3) / Math.PI, 13);
  });
  it('matches the closed form at df = 2: ½ + t/(2√(2 + t²))', () => {
    for (const t of [-4, -0.5, 0.3, 2.5]) {
      expect(computeStudentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });
  it('gives 0.975 at the tabulated critical values t(10) = 2.228139, t(30) = 2.042272', () => {
    expect(computeStudentTCdf(2.228138851986, 10)).toBeCloseTo(0.975, 10);
    expect(computeStudentTCdf(2.042272456301, 30)).toBeCloseTo(0.975, 10);
    expect(computeStudentTTwoSidedP(2.100922040241, 18)).toBeCloseTo(0.05, 10);
  });
  it('approaches the normal distribution for large df', () => {
    expect(computeStudentTCdf(1.959964, 1e7)).toBeCloseTo(0.975, 6);
  });
});

describe('computeStudentTQuantile', () => {
  it('inverts the CDF: t(0.975, 10) = 2.228139, t(0.975, 1) = tan(0.475π) = 12.7062', () => {
    expect(computeStudentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986, 9);
    expect(computeStudentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 8);
    expect(computeStudentTQuantile(0.025, 5)).toBeCloseTo(-2.570581835636, 9);
  });
});
