import type { ImportDecimalMark } from '@polku/contracts';
import { parseDecimalText } from '@polku/core';

/** `--decimal`: which mark separates the decimals; `auto` reads either (a cell has one at most). */
export type DecimalMark = ImportDecimalMark;

export type NumberReading =
  | { ok: true; value: number; /** Digits written after the mark. */ decimals: number }
  | { ok: false; reason: string };

/**
 * A number exactly as a cell writes it (core's parseDecimalText, the respondent pages' reading
 * too): an optional sign, digits, and one decimal mark with digits after it: `59,90`, `-3`,
 * `1.5`, `1 234,50` (spaces, also no-break ones, between groups of three digits). A comma or
 * point between thousands is never guessed: `1,234.50` and `1.234,50` are refused, and with
 * `auto` `1,234` is 1.234. With `comma` or `point` only that mark is read. Null for an empty
 * cell.
 *
 * @example parseDecimal('9,5', 'auto') // { ok: true, value: 9.5, decimals: 1 }
 * @example parseDecimal('9.5', 'comma') // { ok: false, reason: '"9.5" has a point where the decimal mark is a comma' }
 */
export function parseDecimal(cell: string, decimal: DecimalMark): NumberReading | null {
  const text = cell.trim();
  if (!text) return null;
  const read = parseDecimalText(text);
  if (!read) {
    if (/^[+\u2212-]?[\d ,.\u00a0\u202f]+$/.test(text) && /[.,].*[.,]/.test(text))
      return {
        ok: false,
        reason: `"${text}" is not a number this import reads: write it without thousands separators, with one decimal mark`,
      };
    return { ok: false, reason: `"${text}" is not a number` };
  }
  // parseDecimalText reads one mark at most: which one, if any, is the one in the text.
  const mark = text.includes(',') ? ',' : text.includes('.') ? '.' : null;
  if (mark && decimal !== 'auto' && mark !== (decimal === 'comma' ? ',' : '.'))
    return {
      ok: false,
      reason: `"${text}" has a ${mark === ',' ? 'comma' : 'point'} where the decimal mark is a ${decimal}`,
    };
  return { ok: true, value: read.value, decimals: read.decimals };
}

/** A score followed by its label, as exports write them: `10 - Extremely likely`, `1 = Poor`, `5 Erinomainen`. */
const LABELLED = /^\s*([+\u2212-]?\d+(?:[.,]\d+)?)(?:\s*[-–—:=)]\s*|\s+)\p{L}/u;

/**
 * A cell of a question on a whole-number scale (NPS, CSAT, CES, rating, expectation and
 * outcome, emotion intensity): a whole number on the scale, written plainly or followed by its
 * label (`10 - Extremely likely`). `9.0` and `9,0` are 9 (the same number, as spreadsheets may
 * write it); `8.9`, `9,99` and `5.5` are refused, never rounded, and so is a number off the scale.
 */
export function parseScaleCell(
  cell: string,
  decimal: DecimalMark,
  [min, max]: [number, number],
): NumberReading {
  const labelled = LABELLED.exec(cell);
  const reading = parseDecimal(labelled ? labelled[1]! : cell, decimal);
  const scale = `${min}–${max}`;
  if (reading === null) return { ok: false, reason: 'empty' };
  if (!reading.ok) return { ok: false, reason: `${reading.reason} (the scale is ${scale})` };
  if (!Number.isInteger(reading.value))
    return { ok: false, reason: `"${cell.trim()}" is not a whole number (the scale is ${scale})` };
  if (reading.value < min || reading.value > max)
    return { ok: false, reason: `"${cell.trim()}" is not on the scale ${scale}` };
  return { ok: true, value: reading.value, decimals: 0 };
}
