import {
  countDecimals,
  goalAnswers,
  kanoAnswers,
  numericRange,
  ratingScale,
  type AnswerValue,
  type Condition,
  type FieldIssue,
  type Question,
  type SurveyDefinition,
} from '@polku/contracts';

/**
 * One stored answer: the unit metrics count. `item` tells parts of one answer apart
 * (a multiple-choice option, an emotion, expectation vs outcome, Kano's two questions);
 * it is '' for answers with a single value.
 */
export interface AnswerRow {
  questionKey: string;
  item: string;
  valueNum: number | null;
  valueText: string | null;
}

/**
 * The integer scale of scale question types: [min, max]. A numeric question has a range, not a
 * scale of points (its answers may be decimals): see `numericRange`.
 */
export function scaleOf(q: Question): [number, number] | null {
  switch (q.type) {
    case 'nps':
      return [0, 10];
    case 'csat':
      return [1, 5];
    case 'ces':
      return [1, 7];
    case 'rating':
      return ratingScale(q);
    case 'expectation':
      return [1, q.points];
    case 'numeric':
    case 'emotion':
    case 'goal':
    case 'single':
    case 'multiple':
    case 'text':
    case 'kano':
    case 'incident':
      return null;
  }
}

const MAX_INCIDENT_TEXT = 4000;

function comparable(value: AnswerValue | undefined): number | string | undefined {
  if (typeof value === 'number' || typeof value === 'string') return value;
  return undefined;
}

/** Whether an earlier answer meets a condition. */
export function meets(c: Condition, answers: Record<string, AnswerValue | undefined>): boolean {
  const raw = answers[c.key];
  const answered = raw !== undefined && !(Array.isArray(raw) && raw.length === 0) && raw !== '';
  switch (c.op) {
    case 'answered':
      return answered;
    case 'not_answered':
      return !answered;
    case 'in':
      return (
        Array.isArray(c.value) &&
        (Array.isArray(raw)
          ? raw.some((v) => (c.value as unknown[]).includes(v))
          : c.value.includes(comparable(raw) as never))
      );
    case 'eq':
      return Array.isArray(raw) ? raw.includes(c.value as never) : comparable(raw) === c.value;
    case 'neq':
      return (
        answered &&
        (Array.isArray(raw) ? !raw.includes(c.value as never) : comparable(raw) !== c.value)
      );
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const v = comparable(raw);
      if (typeof v !== 'number' || typeof c.value !== 'number') return false;
      return c.op === 'lt'
        ? v < c.value
        : c.op === 'lte'
          ? v <= c.value
          : c.op === 'gt'
            ? v > c.value
            : v >= c.value;
    }
  }
}

/** Whether a question is asked, given the answers so far (all its conditions must hold). */
export function isAsked(q: Question, answers: Record<string, AnswerValue | undefined>): boolean {
  return (q.showIf ?? []).every((c) => meets(c, answers));
}

function isBlank(value: AnswerValue): boolean {
  return (
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'string' && value.trim() === '')
  );
}

type Normalized = { rows: AnswerRow[] } | { error: string };

function integerIn(value: AnswerValue, min: number, max: number): number | string {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `must be a whole number from ${min} to ${max}`;
  if (value < min || value > max) return `must be from ${min} to ${max}, got ${value}`;
  return value;
}

/**
 * A numeric answer as stored: a finite number within the question's range with at most its
 * decimals; else the reason it is refused. Never rounded: 12.345 to a 2-decimal question is
 * refused, not stored as 12.35.
 */
function numericIn(q: Question & { type: 'numeric' }, value: AnswerValue): number | string {
  const [min, max] = numericRange(q);
  if (typeof value !== 'number' || !Number.isFinite(value))
    return q.decimals === 0
      ? `must be a whole number from ${min} to ${max}`
      : `must be a number from ${min} to ${max} with at most ${q.decimals} decimals`;
  if (value < min || value > max) return `must be from ${min} to ${max}, got ${value}`;
  if (countDecimals(value) > q.decimals)
    return q.decimals === 0
      ? `must be a whole number, got ${value}`
      : `at most ${q.decimals} decimals, got ${value}`;
  // −0 is 0: one number, so one histogram cell.
  return value === 0 ? 0 : value;
}

function normalize(q: Question, value: AnswerValue): Normalized {
  const one = (valueNum: number | null, valueText: string | null = null): Normalized => ({
    rows: [{ questionKey: q.key, item: '', valueNum, valueText }],
  });
  switch (q.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating': {
      const [min, max] = scaleOf(q)!;
      const n = integerIn(value, min, max);
      return typeof n === 'string' ? { error: n } : one(n);
    }
    case 'numeric': {
      const n = numericIn(q, value);
      return typeof n === 'string' ? { error: n } : one(n);
    }
    case 'goal': {
      const i = goalAnswers.indexOf(value as never);
      if (i < 0) return { error: `must be one of ${goalAnswers.join(', ')}` };
      return one([1, 0.5, 0][i]!, goalAnswers[i]);
    }
    case 'single': {
      if (typeof value !== 'string' || !q.options.some((o) => o.key === value)) {
        return { error: `must be one of ${q.options.map((o) => o.key).join(', ')}` };
      }
      return one(null, value);
    }
    case 'multiple': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return { error: 'must be a list of option keys' };
      const keys = value as string[];
      const unknown = keys.filter((k) => !q.options.some((o) => o.key === k));
      if (unknown.length) return { error: `unknown option(s) ${unknown.join(', ')}` };
      if (new Set(keys).size !== keys.length) return { error: 'an option is chosen twice' };
      if (q.maxChoices && keys.length > q.maxChoices)
        return { error: `at most ${q.maxChoices} choices` };
      return {
        rows: keys.map((k) => ({ questionKey: q.key, item: k, valueNum: 1, valueText: null })),
      };
    }
    case 'text': {
      if (typeof value !== 'string') return { error: 'must be text' };
      const text = value.trim();
      if (text.length > q.maxLength)
        return { error: `at most ${q.maxLength} characters, got ${text.length}` };
      return one(null, text);
    }
    case 'expectation': {
      if (typeof value !== 'object' || value === null || !('expectation' in value))
        return { error: 'must be {expectation, outcome}' };
      const e = integerIn(value.expectation, 1, q.points);
      const o = integerIn(value.outcome, 1, q.points);
      if (typeof e === 'string') return { error: `expectation ${e}` };
      if (typeof o === 'string') return { error: `outcome ${o}` };
      return {
        rows: [
          { questionKey: q.key, item: 'expectation', valueNum: e, valueText: null },
          { questionKey: q.key, item: 'outcome', valueNum: o, valueText: null },
        ],
      };
    }
    case 'kano': {
      if (typeof value !== 'object' || value === null || !('functional' in value))
        return { error: 'must be {functional, dysfunctional}' };
      for (const part of ['functional', 'dysfunctional'] as const) {
        if (!kanoAnswers.includes(value[part]))
          return { error: `${part} must be one of ${kanoAnswers.join(', ')}` };
      }
      return {
        rows: (['functional', 'dysfunctional'] as const).map((item) => ({
          questionKey: q.key,
          item,
          valueNum: kanoAnswers.indexOf(value[item]) + 1,
          valueText: value[item],
        })),
      };
    }
    case 'emotion': {
      if (
        !Array.isArray(value) ||
        value.some((v) => typeof v !== 'object' || v === null || !('emotion' in v))
      ) {
        return { error: 'must be a list of {emotion, intensity}' };
      }
      const picked = value as { emotion: string; intensity?: number | undefined }[];
      const unknown = picked.filter((p) => !(q.emotions as string[]).includes(p.emotion));
      if (unknown.length)
        return { error: `not offered: ${unknown.map((u) => u.emotion).join(', ')}` };
      const badIntensity = picked.find(
        (p) =>
          p.intensity !== undefined &&
          (!Number.isInteger(p.intensity) || p.intensity < 1 || p.intensity > 5),
      );
      if (badIntensity)
        return { error: `intensity of ${badIntensity.emotion} must be a whole number from 1 to 5` };
      if (new Set(picked.map((p) => p.emotion)).size !== picked.length)
        return { error: 'a feeling is picked twice' };
      return {
        rows: picked.map((p) => ({
          questionKey: q.key,
          item: p.emotion,
          valueNum: q.intensity ? (p.intensity ?? null) : null,
          valueText: null,
        })),
      };
    }
    case 'incident': {
      if (typeof value !== 'object' || value === null || !('what' in value))
        return { error: 'must be {what, when, why, valence}' };
      if (value.valence !== 'positive' && value.valence !== 'negative')
        return { error: 'valence must be positive or negative' };
      const what = value.what.trim();
      if (!what) return { error: 'what happened is needed' };
      for (const [k, v] of [
        ['what', what],
        ['why', value.why ?? ''],
      ] as const) {
        if (v.length > MAX_INCIDENT_TEXT)
          return { error: `${k}: at most ${MAX_INCIDENT_TEXT} characters` };
      }
      const when = value.when?.trim() ?? '';
      if (q.stages.length && when && !q.stages.some((s) => s.key === when)) {
        return { error: `when must be one of ${q.stages.map((s) => s.key).join(', ')}` };
      }
      if (when.length > 200) return { error: 'when: at most 200 characters' };
      const rows: AnswerRow[] = [
        { questionKey: q.key, item: 'what', valueNum: null, valueText: what },
        {
          questionKey: q.key,
          item: 'valence',
          valueNum: value.valence === 'positive' ? 1 : -1,
          valueText: value.valence,
        },
      ];
      if (when) rows.push({ questionKey: q.key, item: 'when', valueNum: null, valueText: when });
      if (value.why?.trim())
        rows.push({ questionKey: q.key, item: 'why', valueNum: null, valueText: value.why.trim() });
      return { rows };
    }
  }
}

/**
 * Checks answers against the survey version they answer and turns them into rows. Unknown
 * keys, out-of-range values, answers to questions that were not asked (their conditions do not
 * hold) and, unless `partial`, unanswered required questions are issues; with any issue
 * nothing is to be stored. Blank answers count as skipped.
 */
export function validateAnswers(
  definition: SurveyDefinition,
  answers: Record<string, AnswerValue>,
  options: { partial: boolean },
): { rows: AnswerRow[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const rows: AnswerRow[] = [];
  const known = new Map(definition.questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      issues.push({ path: `answers.${key}`, message: 'no such question in this survey version' });
  }
  const given: Record<string, AnswerValue | undefined> = {};
  const invalid = new Set<string>();
  for (const q of definition.questions) {
    const value = answers[q.key];
    const present = value !== undefined && !isBlank(value);
    // Whether this question was asked hangs on an answer already reported as wrong: say nothing more.
    if ((q.showIf ?? []).some((c) => invalid.has(c.key))) continue;
    if (!isAsked(q, given)) {
      if (present)
        issues.push({
          path: `answers.${q.key}`,
          message: 'not asked: its condition does not hold',
        });
      continue;
    }
    if (!present) {
      if (q.required && !options.partial)
        issues.push({ path: `answers.${q.key}`, message: 'required' });
      continue;
    }
    const result = normalize(q, value);
    if ('error' in result) {
      invalid.add(q.key);
      issues.push({ path: `answers.${q.key}`, message: result.error });
      continue;
    }
    given[q.key] = value;
    rows.push(...result.rows);
  }
  return { rows, issues };
}

/** Rebuilds the answers of a response from its rows, in the shapes the API speaks. */
export function answersFromRows(
  definition: SurveyDefinition,
  rows: AnswerRow[],
): Record<string, AnswerValue> {
  const byKey = new Map<string, AnswerRow[]>();
  for (const r of rows) byKey.set(r.questionKey, [...(byKey.get(r.questionKey) ?? []), r]);
  const out: Record<string, AnswerValue> = {};
  for (const q of definition.questions) {
    const rs = byKey.get(q.key);
    if (!rs?.length) continue;
    const item = (name: string) => rs.find((r) => r.item === name);
    switch (q.type) {
      case 'nps':
      case 'csat':
      case 'ces':
      case 'rating':
      case 'numeric':
        out[q.key] = rs[0]!.valueNum!;
        break;
      case 'goal':
      case 'single':
      case 'text':
        out[q.key] = rs[0]!.valueText ?? '';
        break;
      case 'multiple':
        out[q.key] = rs.map((r) => r.item);
        break;
      case 'expectation':
        out[q.key] = {
          expectation: item('expectation')?.valueNum ?? 0,
          outcome: item('outcome')?.valueNum ?? 0,
        };
        break;
      case 'kano':
        out[q.key] = {
          functional: item('functional')?.valueText as (typeof kanoAnswers)[number],
          dysfunctional: item('dysfunctional')?.valueText as (typeof kanoAnswers)[number],
        };
        break;
      case 'emotion':
        out[q.key] = rs.map((r) => ({
          emotion: r.item as never,
          ...(r.valueNum !== null && { intensity: r.valueNum }),
        }));
        break;
      case 'incident':
        out[q.key] = {
          what: item('what')?.valueText ?? '',
          ...(item('when') && { when: item('when')!.valueText! }),
          ...(item('why') && { why: item('why')!.valueText! }),
          valence: item('valence')?.valueText === 'positive' ? 'positive' : 'negative',
        };
        break;
    }
  }
  return out;
}

/** The thank-you message for these answers: the first rule that holds, else the default. */
export function thankYouFor(definition: SurveyDefinition, answers: Record<string, AnswerValue>) {
  const rule = definition.thankYou.rules.find((r) => r.when.every((c) => meets(c, answers)));
  return rule?.message ?? definition.thankYou.message;
}
