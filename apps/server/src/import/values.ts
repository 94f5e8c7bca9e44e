import type { AnswerValue, Question } from '@polku/contracts';
import { parseDecimalText } from '@polku/core';

/** Lower case, one space between words, no required-marker star: how header texts and labels are compared. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\*$/, '')
    .trim();
}

const GOAL_WORDS: Record<string, 'yes' | 'partly' | 'no'> = {
  yes: 'yes',
  kyllä: 'yes',
  ja: 'yes',
  partly: 'partly',
  partially: 'partly',
  osittain: 'partly',
  delvis: 'partly',
  no: 'no',
  ei: 'no',
  nej: 'no',
};

// "10", "10 - Extremely likely", "7.0": the leading whole number.
const LEADING_INTEGER = /^\s*(-?\d+)(?:[.,]0+)?(?!\d)/;

/** An option of a choice question by its key or its label in any language. */
function optionKey(q: Question & { options: { key: string; label: object }[] }, token: string) {
  const t = normalizeText(token);
  for (const o of q.options) {
    if (o.key === token.trim()) return o.key;
    if (Object.values(o.label as Record<string, string>).some((l) => normalizeText(l) === t))
      return o.key;
  }
  return token.trim();
}

function splitList(cell: string): string[] {
  const sep = cell.includes(';') ? ';' : ',';
  return cell
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
}

const kanoKey = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * A cell's answer in the shape its question takes. What cannot be read is passed on as
 * written, so the intake's validation rejects the row with its usual message.
 */
export function parseCell(q: Question, cell: string): AnswerValue {
  switch (q.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating': {
      const m = LEADING_INTEGER.exec(cell);
      return m ? Number(m[1]) : cell;
    }
    case 'numeric': {
      // Read exactly (a decimal comma or point); decimals counted as written, so "1,000" in a
      // whole-number column is refused rather than stored as 1.
      const n = parseDecimalText(cell);
      return n && n.decimals <= q.decimals ? n.value : cell;
    }
    case 'goal':
      return GOAL_WORDS[normalizeText(cell)] ?? cell;
    case 'single': {
      // The whole cell may be a label with commas in it.
      return optionKey(q, cell);
    }
    case 'multiple': {
      const whole = optionKey(q, cell);
      if (q.options.some((o) => o.key === whole)) return [whole];
      return splitList(cell).map((t) => optionKey(q, t));
    }
    case 'text':
      return cell;
    case 'expectation': {
      const [e, o] = cell.split(/[;/]/).map((s) => Number(s.trim()));
      return { expectation: e ?? NaN, outcome: o ?? NaN };
    }
    case 'kano': {
      const [f, d] = cell.split(/[;/]/).map(kanoKey);
      return { functional: f, dysfunctional: d } as AnswerValue;
    }
    case 'emotion':
      return splitList(cell).map((token) => {
        const [emotion, intensity] = token.split(':').map((s) => s.trim());
        return {
          emotion: emotion!.toLowerCase(),
          ...(intensity !== undefined && { intensity: Number(intensity) }),
        };
      }) as AnswerValue;
    case 'incident':
      return cell;
  }
}

/**
 * Adds one part of a multi-part answer (`kano_functional`, `expectation_outcome`, an option
 * column of a SurveyMonkey multiple choice) to the answer being built.
 */
export function addPart(q: Question, current: unknown, part: string, cell: string): unknown {
  switch (q.type) {
    case 'multiple':
      return [...((current as string[] | undefined) ?? []), part];
    case 'emotion': {
      const n = LEADING_INTEGER.exec(cell);
      return [
        ...((current as object[] | undefined) ?? []),
        { emotion: part, ...(n && { intensity: Number(n[1]) }) },
      ];
    }
    case 'expectation':
      return { ...(current as object), [part]: Number(cell.trim()) };
    case 'kano':
      return { ...(current as object), [part]: kanoKey(cell) };
    case 'incident':
      return {
        ...(current as object),
        [part]: part === 'valence' ? cell.trim().toLowerCase() : cell,
      };
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
    case 'numeric':
    case 'goal':
    case 'single':
    case 'text':
      return parseCell(q, cell);
  }
}

/** The parts a question's answer may be split into across columns (`<key>_<part>`). */
export function partsOf(q: Question): string[] {
  switch (q.type) {
    case 'expectation':
      return ['expectation', 'outcome'];
    case 'kano':
      return ['functional', 'dysfunctional'];
    case 'incident':
      return ['what', 'when', 'why', 'valence'];
    case 'emotion':
      return [...q.emotions];
    case 'multiple':
      return q.options.map((o) => o.key);
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
    case 'numeric':
    case 'goal':
    case 'single':
    case 'text':
      return [];
  }
}
