import type { AnswerValue, Condition, Question } from '@polku/contracts';

export type Answers = Record<string, AnswerValue | undefined>;

/**
 * Whether an earlier answer meets a condition: the same rule as `meets` in
 * packages/core/src/surveys/answers.ts (intake rejects answers to questions not asked, so
 * the two must agree), written again because the widget may not import core.
 */
export function meets(c: Condition, answers: Answers): boolean {
  const raw = answers[c.key];
  const v = c.value;
  const list = Array.isArray(raw) ? (raw as unknown[]) : null;
  const one = typeof raw === 'number' || typeof raw === 'string' ? raw : undefined;
  const answered = raw !== undefined && raw !== '' && !(list && !list.length);
  switch (c.op) {
    case 'answered':
      return answered;
    case 'not_answered':
      return !answered;
    case 'in':
      return (
        Array.isArray(v) &&
        (list ? list.some((x) => (v as unknown[]).includes(x)) : (v as unknown[]).includes(one))
      );
    case 'eq':
      return list ? list.includes(v) : one === v;
    case 'neq':
      return answered && (list ? !list.includes(v) : one !== v);
    default:
      if (typeof one !== 'number' || typeof v !== 'number') return false;
      return c.op === 'lt'
        ? one < v
        : c.op === 'lte'
          ? one <= v
          : c.op === 'gt'
            ? one > v
            : one >= v;
  }
}

/** Whether a question is asked, given the answers so far (all its conditions must hold). */
export function isAsked(q: Question, answers: Answers): boolean {
  return (q.showIf ?? []).every((c) => meets(c, answers));
}
