/**
 * Distribution functions the metrics need (normal and Student t), written out so core stays
 * free of dependencies. Accuracy is near double precision for the arguments surveys produce.
 */

/** The two-sided 95% normal quantile, Φ⁻¹(0.975), used by every 95% interval in Polku. */
export const Z_95 = 1.959963984540054;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9), with the reflection formula
 * below ½. Source: Numerical Recipes 3rd ed. §6.1.
 * @example computeLogGamma(5) // ln 24 = 3.1780538…
 */
export function computeLogGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - computeLogGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Lentz's continued fraction for the incomplete beta (Numerical Recipes `betacf`). */
function continueBetaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), by the continued
 * fraction, using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it converges faster.
 * Source: Numerical Recipes 3rd ed. §6.4.
 * @example computeRegularizedBeta(0.5, 3, 3) // 0.5 (symmetry); computeRegularizedBeta(0.3, 2, 1) // 0.09 (x^a)
 */
export function computeRegularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError('computeRegularizedBeta needs a > 0 and b > 0');
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    computeLogGamma(a + b) -
      computeLogGamma(a) -
      computeLogGamma(b) +
      a * Math.log(x) +
      b * Math.log(1 - x),
  );
  if (x < (a + 1) / (a + b + 2)) return (front * continueBetaFraction(x, a, b)) / a;
  return 1 - (front * continueBetaFraction(1 - x, b, a)) / b;
}

/**
 * The regularized lower incomplete gamma P(a, x), by its series below a + 1 and by the
 * continued fraction above. Source: Numerical Recipes 3rd ed. §6.2.
 */
function computeRegularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnFront = -x + a * Math.log(x) - computeLogGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(lnFront);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 1 - Math.exp(lnFront) * h;
}

/**
 * The standard normal CDF Φ(z) = ½·(1 + erf(z/√2)), with erf(u) = P(½, u²).
 * @example computeNormalCdf(1.959963984540054) // 0.975
 */
export function computeNormalCdf(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  const half = 0.5 * computeRegularizedGammaP(0.5, (z * z) / 2);
  return z >= 0 ? 0.5 + half : 0.5 - half;
}

/** Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)). */
export function computeNormalTwoSidedP(z: number): number {
  const half = computeRegularizedGammaP(0.5, (z * z) / 2);
  return Math.min(1, Math.max(0, 1 - half));
}

/**
 * Student's t CDF with df > 0 degrees of freedom (df need not be an integer: Welch's df is
 * not). With x = df/(df + t²): P(T ≤ t) = 1 − ½·I_x(df/2, ½) for t ≥ 0, and by symmetry below.
 * Source: Abramowitz & Stegun 26.7.1 with 26.5.27.
 * @example computeStudentTCdf(1, 1) // 0.75 (Cauchy); computeStudentTCdf(2.228139, 10) // 0.975
 */
export function computeStudentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError('computeStudentTCdf needs df > 0');
  if (!Number.isFinite(df)) return computeNormalCdf(t);
  const tail = 0.5 * computeRegularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Two-sided p-value of a t statistic: I_{df/(df+t²)}(df/2, ½). */
export function computeStudentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError('computeStudentTTwoSidedP needs df > 0');
  if (!Number.isFinite(df)) return computeNormalTwoSidedP(t);
  return computeRegularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * The quantile t such that P(T ≤ t) = p, by bisection on the CDF (the CDF is monotone, and
 * 200 halvings of a bracket reach double precision).
 * @example computeStudentTQuantile(0.975, 10) // 2.228139
 */
export function computeStudentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('computeStudentTQuantile needs 0 < p < 1');
  if (p === 0.5) return 0;
  let lo = -1;
  let hi = 1;
  while (computeStudentTCdf(lo, df) > p) lo *= 2;
  while (computeStudentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (computeStudentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
