import type { Question, SurveyDefinition } from '@polku/contracts';
import { DomainError } from '../shared/errors.js';
import { scaleOf } from '../surveys/answers.js';
import type { AnswerVariable } from './ports.js';

/** A body field naming a question: VALIDATION_FAILED with the field's path when it is wrong. */
export function invalidQuestion(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, [{ path, message }]);
}

/** The question `key` of the definition, of one of `types`; VALIDATION_FAILED otherwise. */
export function requireQuestion<T extends Question['type']>(
  definition: SurveyDefinition,
  key: string,
  types: readonly T[],
  path: string,
): Extract<Question, { type: T }> {
  const question = definition.questions.find((q) => q.key === key);
  if (!question) throw invalidQuestion(path, `The survey has no question "${key}".`);
  if (!(types as readonly string[]).includes(question.type))
    throw invalidQuestion(
      path,
      `"${key}" is a ${question.type} question; this needs ${types.join(', ')}.`,
    );
  return question as Extract<Question, { type: T }>;
}

/** Question types that give one number per respondent to correlate and average. */
export const NUMERIC_TYPES = ['nps', 'csat', 'ces', 'rating', 'numeric', 'expectation'] as const;

export interface NumericVariable extends AnswerVariable {
  /** The lowest possible answer; null for a numeric question without a min. */
  min: number | null;
  /** The highest possible answer; null for a numeric question without a max. */
  max: number | null;
}

/**
 * A numeric question as an answer variable with its scale (a numeric question's min and max,
 * which it may leave open). An expectation question stands for its `outcome` item: what the
 * respondent got, which is what drives or performs.
 */
export function numericVariable(
  definition: SurveyDefinition,
  key: string,
  path: string,
): NumericVariable {
  const question = requireQuestion(definition, key, NUMERIC_TYPES, path);
  if (question.type === 'numeric')
    return { questionKey: key, item: '', min: question.min ?? null, max: question.max ?? null };
  const [min, max] = scaleOf(question)!;
  return { questionKey: key, item: question.type === 'expectation' ? 'outcome' : '', min, max };
}

/** VALIDATION_FAILED when a question key is given twice in one list. */
export function assertDistinct(keys: readonly string[], path: string): void {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) throw invalidQuestion(`${path}.${i}`, `"${key}" is listed twice.`);
    seen.add(key);
  });
}
