/** A number as a person wrote it: its value, and how many decimals were written. */
export interface DecimalText {
  value: number;
  /** Digits written after the separator: "12,50" has 2 (its value 12.5 has 1). */
  decimals: number;
}

// An optional sign; whole digits, or groups of three after a space ("10 000", as Finnish and
// Swedish write them); then one decimal separator, a point or a comma, and its digits.
const DECIMAL_TEXT = /^([+-]?)(\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d+))?$/;

/**
 * Reads a number typed on a form or written in a file: `12`, `12,5` (Finnish and Swedish),
 * `12.5`, `-3`, `−3` (a typographic minus), `10 000,50`. Null for anything else, never a
 * guess: `1,000.50` and `1.000,50` (which separator is the decimal one?), `12e3`, `.5`, `½`.
 * A point or comma followed by three digits is read as decimals, so `1,000` is 1.000; callers
 * refuse it where fewer decimals are allowed, which is how "one thousand" is never stored as 1.
 * @example parseDecimalText('12,50') // { value: 12.5, decimals: 2 }
 */
export function parseDecimalText(text: string): DecimalText | null {
  const m = DECIMAL_TEXT.exec(text.trim().replace(/^\u2212/, '-'));
  if (!m) return null;
  const [, sign = '', whole = '', fraction = ''] = m;
  const digits = whole.replace(/\D/g, '');
  const value = Number(`${sign}${digits}${fraction ? `.${fraction}` : ''}`);
  // −0 is 0: one number.
  return { value: value === 0 ? 0 : value, decimals: fraction.length };
}
