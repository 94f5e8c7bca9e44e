import {
  goalAnswers,
  kanoAnswers,
  MAX_INT32,
  NUMERIC_LIMIT,
  numericRange,
  type AnswerValue,
  type Question,
} from '@polku/contracts';
import { parseDecimalText, scaleOf } from '@polku/core';
import type { NumberRule, RespondentMessages } from './messages.js';

/** Posted form fields (URLSearchParams has this shape). */
export interface FormValues {
  get(name: string): string | null;
  getAll(name: string): string[];
}

/** The form field of a question, or of one part of it (`q_exp.outcome`). */
export function fieldName(q: Question, part?: string): string {
  return part ? `q_${q.key}.${part}` : `q_${q.key}`;
}

const MAX_INCIDENT_TEXT = 4000;
const MAX_INCIDENT_WHEN = 200;

/** A posted text, trimmed, with the browser's CRLF line breaks counted as one character (as maxlength does). */
function text(form: FormValues, name: string): string {
  return (form.get(name) ?? '').replace(/\r\n/g, '\n').trim();
}

/** A whole number from min to max, or undefined. */
function integer(value: string, min: number, max: number): number | undefined {
  if (!/^-?\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/**
 * The survey version a page was rendered from (its hidden `_v` field), or undefined when the
 * field is missing or names no version a database integer can hold (then the published
 * version is answered, as for a form without the field).
 */
export function readVersion(value: string | null): number | undefined {
  if (value === null || !/^[1-9]\d{0,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= MAX_INT32 ? n : undefined;
}

/**
 * What a numeric question accepts, as its hint and errors say it. `withLimits` closes the open
 * bounds at ±NUMERIC_LIMIT, for an answer beyond them.
 */
export function numberRuleOf(q: Question & { type: 'numeric' }, withLimits = false): NumberRule {
  const [min, max] = numericRange(q);
  return {
    min: q.min ?? (withLimits ? min : null),
    max: q.max ?? (withLimits ? max : null),
    decimals: q.decimals,
  };
}

/** An answer the respondent must correct; `part` names the control at fault (`outcome`). */
export interface FieldError {
  message: string;
  part?: string;
}

type Read = { value: AnswerValue } | { error: string; part?: string } | null;

function readQuestion(q: Question, form: FormValues, m: RespondentMessages): Read {
  const name = fieldName(q);
  switch (q.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating': {
      const raw = text(form, name);
      if (!raw) return null;
      const [min, max] = scaleOf(q)!;
      const n = integer(raw, min, max);
      return n === undefined ? { error: m.errors.scale(min, max) } : { value: n };
    }
    case 'numeric': {
      const raw = text(form, name);
      if (!raw) return null;
      // A typed comma or point, as the respondent writes decimals; never rounded. Decimals are
      // counted as written, so "1,000" is not one thousand stored as 1.
      const parsed = parseDecimalText(raw);
      const [min, max] = numericRange(q);
      if (parsed && parsed.decimals <= q.decimals && parsed.value >= min && parsed.value <= max)
        return { value: parsed.value };
      const beyond = parsed !== null && Math.abs(parsed.value) > NUMERIC_LIMIT;
      return { error: m.errors.number(numberRuleOf(q, beyond)) };
    }
    case 'goal': {
      const raw = text(form, name);
      if (!raw) return null;
      return (goalAnswers as readonly string[]).includes(raw)
        ? { value: raw }
        : { error: m.errors.choice };
    }
    case 'single': {
      const raw = text(form, name);
      if (!raw) return null;
      return q.options.some((o) => o.key === raw) ? { value: raw } : { error: m.errors.choice };
    }
    case 'multiple': {
      const picked = [...new Set(form.getAll(name).filter((v) => v !== ''))];
      if (picked.length === 0) return null;
      if (picked.some((k) => !q.options.some((o) => o.key === k)))
        return { error: m.errors.choice };
      if (q.maxChoices && picked.length > q.maxChoices)
        return { error: m.errors.tooMany(q.maxChoices) };
      return { value: picked };
    }
    case 'text': {
      const raw = text(form, name);
      if (!raw) return null;
      return raw.length > q.maxLength ? { error: m.errors.tooLong(q.maxLength) } : { value: raw };
    }
    case 'expectation': {
      const e = text(form, fieldName(q, 'expectation'));
      const o = text(form, fieldName(q, 'outcome'));
      if (!e && !o) return null;
      if (!e || !o) return { error: m.errors.bothScales, part: e ? 'outcome' : 'expectation' };
      const expectation = integer(e, 1, q.points);
      const outcome = integer(o, 1, q.points);
      if (expectation === undefined || outcome === undefined)
        return { error: m.errors.scale(1, q.points) };
      return { value: { expectation, outcome } };
    }
    case 'kano': {
      const f = text(form, fieldName(q, 'functional'));
      const d = text(form, fieldName(q, 'dysfunctional'));
      if (!f && !d) return null;
      if (!f || !d) return { error: m.errors.bothKano, part: f ? 'dysfunctional' : 'functional' };
      const known = kanoAnswers as readonly string[];
      if (!known.includes(f) || !known.includes(d)) return { error: m.errors.choice };
      return {
        value: {
          functional: f as (typeof kanoAnswers)[number],
          dysfunctional: d as (typeof kanoAnswers)[number],
        },
      };
    }
    case 'emotion': {
      const checked = new Set(form.getAll(name).filter((v) => v !== ''));
      if ([...checked].some((e) => !(q.emotions as string[]).includes(e)))
        return { error: m.errors.choice };
      const picked: { emotion: (typeof q.emotions)[number]; intensity?: number }[] = [];
      for (const emotion of q.emotions) {
        const raw = q.intensity ? text(form, fieldName(q, emotion)) : '';
        // Without JavaScript every intensity scale is shown; choosing one picks its feeling.
        if (!checked.has(emotion) && !raw) continue;
        if (!raw) {
          picked.push({ emotion });
          continue;
        }
        const intensity = integer(raw, 1, 5);
        if (intensity === undefined) return { error: m.errors.scale(1, 5) };
        picked.push({ emotion, intensity });
      }
      return picked.length ? { value: picked } : null;
    }
    case 'incident': {
      const what = text(form, fieldName(q, 'what'));
      const when = text(form, fieldName(q, 'when'));
      const why = text(form, fieldName(q, 'why'));
      const valence = text(form, fieldName(q, 'valence'));
      if (!what && !when && !why && !valence) return null;
      if (!what) return { error: m.errors.incidentWhat, part: 'what' };
      if (what.length > MAX_INCIDENT_TEXT)
        return { error: m.errors.tooLong(MAX_INCIDENT_TEXT), part: 'what' };
      if (why.length > MAX_INCIDENT_TEXT)
        return { error: m.errors.tooLong(MAX_INCIDENT_TEXT), part: 'why' };
      if (when.length > MAX_INCIDENT_WHEN)
        return { error: m.errors.tooLong(MAX_INCIDENT_WHEN), part: 'when' };
      if (q.stages.length && when && !q.stages.some((s) => s.key === when))
        return { error: m.errors.choice, part: 'when' };
      if (valence !== 'positive' && valence !== 'negative')
        return { error: m.errors.incidentValence, part: 'valence' };
      return {
        value: { what, ...(when && { when }), ...(why && { why }), valence },
      };
    }
  }
}

/**
 * Reads the answers to the given questions from a posted page. Blank questions are left out;
 * answers the form cannot express are errors in the respondent's language, by question key.
 */
export function readAnswers(
  questions: Question[],
  form: FormValues,
  m: RespondentMessages,
): { answers: Record<string, AnswerValue>; errors: Map<string, FieldError> } {
  const answers: Record<string, AnswerValue> = {};
  const errors = new Map<string, FieldError>();
  for (const q of questions) {
    const read = readQuestion(q, form, m);
    if (read === null) continue;
    if ('error' in read)
      errors.set(q.key, { message: read.error, ...(read.part && { part: read.part }) });
    else answers[q.key] = read.value;
  }
  return { answers, errors };
}

/** The form fields that show stored answers again (going back, or a later visit). */
export function formOf(questions: Question[], answers: Record<string, AnswerValue>): FormValues {
  const form = new URLSearchParams();
  for (const q of questions) {
    const value = answers[q.key];
    if (value === undefined) continue;
    if (typeof value === 'number' || typeof value === 'string')
      form.append(fieldName(q), String(value));
    else if (Array.isArray(value)) {
      for (const v of value) {
        if (typeof v === 'string') form.append(fieldName(q), v);
        else {
          form.append(fieldName(q), v.emotion);
          if (v.intensity !== undefined) form.append(fieldName(q, v.emotion), String(v.intensity));
        }
      }
    } else {
      for (const [part, v] of Object.entries(value))
        if (v !== undefined) form.append(fieldName(q, part), String(v));
    }
  }
  return form;
}

/** A respondent-friendly message for an issue intake found (form reading catches most first). */
export function issueMessage(q: Question, issue: string, m: RespondentMessages): string {
  if (issue === 'required') return m.errors.required;
  const scale = scaleOf(q);
  if (scale) return m.errors.scale(...scale);
  switch (q.type) {
    case 'numeric':
      return m.errors.number(numberRuleOf(q));
    case 'goal':
    case 'single':
    case 'multiple':
    case 'kano':
      return m.errors.choice;
    case 'text':
      return m.errors.tooLong(q.maxLength);
    default:
      return m.errors.invalid;
  }
}
