import { kanoAnswers, type AnswerValue, type Question } from '@polku/contracts';
import { scaleOf } from '@polku/core';
import { respondentMessages } from '../respondent/messages.js';
import { parseDecimal, parseScaleCell, type DecimalMark } from './numbers.js';

/** Lower case, one space between words, no required-marker star: how header texts and labels are compared. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\*$/, '')
    .trim();
}

/** A cell read as its question's answer, or why it cannot be. */
export type CellReading<T = AnswerValue> = { ok: true; value: T } | { ok: false; reason: string };

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const GOAL_WORDS: Record<string, 'yes' | 'partly' | 'no'> = {
  yes: 'yes',
  y: 'yes',
  kyllä: 'yes',
  k: 'yes',
  ja: 'yes',
  j: 'yes',
  partly: 'partly',
  partially: 'partly',
  osittain: 'partly',
  delvis: 'partly',
  no: 'no',
  n: 'no',
  ei: 'no',
  e: 'no',
  nej: 'no',
};

/** Cells that leave a one-column-per-choice option (or an emotion) unpicked: Y/N flags and 0/1. */
const NOT_PICKED = new Set(['0', 'false', 'no', 'n', 'ei', 'e', 'nej']);
const PICKED = new Set(['1', 'true', 'yes', 'y', 'kyllä', 'k', 'ja', 'j', 'x', '✓']);

/** A yes/no metadata cell (the `test` column): empty is no; anything else unclear is refused. */
export function readFlag(cell: string): CellReading<boolean> {
  const word = normalizeText(cell);
  if (word === '' || NOT_PICKED.has(word)) return { ok: true, value: false };
  if (PICKED.has(word)) return { ok: true, value: true };
  return refuse(`"${cell}" is neither yes nor no (yes/no, 1/0, true/false, kyllä/ei, ja/nej)`);
}

/**
 * Kano answers as people word them: Polku's own answer texts in fi, sv and en (so a Polku
 * export reads back), the wordings of Berger et al. (1993) and their usual translations, and
 * the answer keys themselves (`must_be`, `must be`, `must-be`).
 */
const KANO_WORDS: ReadonlyMap<string, (typeof kanoAnswers)[number]> = new Map([
  ...(['fi', 'sv', 'en'] as const).flatMap((l) =>
    kanoAnswers.map((a) => [normalizeText(respondentMessages[l].kano[a]), a] as const),
  ),
  ...kanoAnswers.flatMap((a) => [
    [a, a] as const,
    [a.replace('_', ' '), a] as const,
    [a.replace('_', '-'), a] as const,
  ]),
  ...(
    [
      ['i like it that way', 'like'],
      ['it must be that way', 'must_be'],
      ['i expect it to be that way', 'must_be'],
      ['i can live with it that way', 'live_with'],
      ['i can tolerate it', 'live_with'],
      ['i dislike it that way', 'dislike'],
      ["i don't like it", 'dislike'],
      ['i do not care', 'neutral'],
      ['pidän siitä', 'like'],
      ['sen täytyy olla niin', 'must_be'],
      ['odotan sitä', 'must_be'],
      ['olen neutraali', 'neutral'],
      ['en välitä', 'neutral'],
      ['voin elää sen kanssa', 'live_with'],
      ['siedän sen', 'live_with'],
      ['det måste vara så', 'must_be'],
      ['jag är neutral', 'neutral'],
      ['jag kan leva med det', 'live_with'],
      ['jag tycker inte om det', 'dislike'],
      ['jag tycker om det', 'like'],
    ] as const
  ).map(([w, a]) => [normalizeText(w), a] as const),
]);

function readKano(cell: string): CellReading<(typeof kanoAnswers)[number]> {
  const answer = KANO_WORDS.get(normalizeText(cell).replace(/[.!]$/, ''));
  return answer
    ? { ok: true, value: answer }
    : refuse(
        `"${cell.trim()}" is not a Kano answer (${kanoAnswers.join(', ')}, or their wordings)`,
      );
}

/** An option of a choice question by its key or its label in any language. */
function optionKey(q: Question & { options: { key: string; label: object }[] }, token: string) {
  const t = normalizeText(token);
  for (const o of q.options) {
    if (o.key === token.trim()) return o.key;
    if (Object.values(o.label as Record<string, string>).some((l) => normalizeText(l) === t))
      return o.key;
  }
  return undefined;
}

const notAnOption = (q: Question & { options: { key: string }[] }, token: string) =>
  refuse(
    `"${token.trim()}" is not an option (${q.options.map((o) => o.key).join(', ')}, or their labels)`,
  );

function splitList(cell: string): string[] {
  const sep = cell.includes(';') ? ';' : ',';
  return cell
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The two halves of `5;6`, `5/6` (expectation) or `like;dislike` (Kano). */
const splitPair = (cell: string) => cell.split(/[;/]/).map((s) => s.trim());

const INTENSITY: [number, number] = [1, 5];

/**
 * A cell as its question's answer: nothing is rounded, truncated or guessed. Numbers on a
 * scale are whole numbers on it (`parseScaleCell`), options are keys or labels, Kano and goal
 * answers are keys or their wordings in fi, sv and en (Y/N included). A cell that is none of
 * these says why.
 */
export function readCell(q: Question, cell: string, decimal: DecimalMark): CellReading {
  switch (q.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
      return parseScaleCell(cell, decimal, scaleOf(q)!);
    case 'goal': {
      const goal = GOAL_WORDS[normalizeText(cell)];
      return goal ? { ok: true, value: goal } : refuse(`"${cell.trim()}" is not yes, partly or no`);
    }
    case 'numeric': {
      // Read exactly (a decimal comma or point); decimals counted as written, so "1,000" in a
      // whole-number column is refused rather than stored as 1.
      const n = parseDecimal(cell, decimal);
      if (!n) return refuse('empty');
      if (!n.ok) return n;
      if (n.decimals > q.decimals)
        return refuse(
          q.decimals === 0
            ? `"${cell.trim()}" is not a whole number`
            : `"${cell.trim()}" has more than ${q.decimals} decimals`,
        );
      return { ok: true, value: n.value };
    }
    case 'single': {
      // The whole cell may be a label with commas in it.
      const key = optionKey(q, cell);
      return key ? { ok: true, value: key } : notAnOption(q, cell);
    }
    case 'multiple': {
      const whole = optionKey(q, cell);
      if (whole) return { ok: true, value: [whole] };
      const keys: string[] = [];
      for (const token of splitList(cell)) {
        const key = optionKey(q, token);
        if (!key) return notAnOption(q, token);
        keys.push(key);
      }
      return { ok: true, value: keys };
    }
    case 'text':
    case 'incident':
      return { ok: true, value: cell };
    case 'expectation': {
      const halves = splitPair(cell);
      if (halves.length !== 2)
        return refuse(`"${cell.trim()}" is not an expectation and an outcome (write 5;6)`);
      const [e, o] = halves.map((h) => parseScaleCell(h, decimal, scaleOf(q)!));
      if (!e!.ok) return refuse(`expectation: ${e!.reason}`);
      if (!o!.ok) return refuse(`outcome: ${o!.reason}`);
      return { ok: true, value: { expectation: e!.value, outcome: o!.value } };
    }
    case 'kano': {
      const halves = splitPair(cell);
      if (halves.length !== 2)
        return refuse(`"${cell.trim()}" is not two Kano answers (write like;dislike)`);
      const [f, d] = halves.map(readKano);
      if (!f!.ok) return refuse(`functional: ${f!.reason}`);
      if (!d!.ok) return refuse(`dysfunctional: ${d!.reason}`);
      return { ok: true, value: { functional: f!.value, dysfunctional: d!.value } };
    }
    case 'emotion': {
      const picked: { emotion: string; intensity?: number }[] = [];
      for (const token of splitList(cell)) {
        const [emotion, intensity] = token.split(':').map((s) => s.trim());
        if (intensity === undefined) {
          picked.push({ emotion: emotion!.toLowerCase() });
          continue;
        }
        const n = parseScaleCell(intensity, decimal, INTENSITY);
        if (!n.ok) return refuse(`intensity of ${emotion}: ${n.reason}`);
        picked.push({ emotion: emotion!.toLowerCase(), intensity: n.value });
      }
      return { ok: true, value: picked as AnswerValue };
    }
  }
}

/**
 * Adds one part of a multi-part answer (`kano_functional`, `expectation_outcome`, an option
 * column of a SurveyMonkey multiple choice, an emotion's intensity) to the answer being built.
 * `undefined`: the cell adds nothing (an option or emotion not picked: 0, N, Ei…).
 */
export function addPart(
  q: Question,
  current: unknown,
  part: string,
  cell: string,
  decimal: DecimalMark,
): CellReading<unknown> | undefined {
  const word = normalizeText(cell);
  switch (q.type) {
    case 'multiple':
      // Picked: a yes word, or anything else (SurveyMonkey writes the option's label).
      if (NOT_PICKED.has(word)) return undefined;
      return { ok: true, value: [...((current as string[] | undefined) ?? []), part] };
    case 'emotion': {
      if (NOT_PICKED.has(word)) return undefined;
      const before = (current as object[] | undefined) ?? [];
      if (PICKED.has(word)) return { ok: true, value: [...before, { emotion: part }] };
      const n = parseScaleCell(cell, decimal, INTENSITY);
      if (!n.ok) return refuse(`intensity: ${n.reason}`);
      return { ok: true, value: [...before, { emotion: part, intensity: n.value }] };
    }
    case 'expectation': {
      const n = parseScaleCell(cell, decimal, scaleOf(q)!);
      return n.ok ? { ok: true, value: { ...(current as object), [part]: n.value } } : n;
    }
    case 'kano': {
      const answer = readKano(cell);
      return answer.ok
        ? { ok: true, value: { ...(current as object), [part]: answer.value } }
        : answer;
    }
    case 'incident':
      return {
        ok: true,
        value: {
          ...(current as object),
          [part]: part === 'valence' ? cell.trim().toLowerCase() : cell,
        },
      };
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
    case 'numeric':
    case 'goal':
    case 'single':
    case 'text':
      return readCell(q, cell, decimal);
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
