import type { AnswerValue, Question, SurveyDefinition } from '@polku/contracts';
import { isAsked } from './answers.js';

/**
 * Splits a survey into the pages a respondent sees one at a time. A question with `newPage`
 * starts a page, and so does a question whose condition names a question on the same page:
 * a page that must work without JavaScript cannot reveal a question in place, so the
 * condition is evaluated when the earlier page has been answered.
 */
export function splitPages(definition: SurveyDefinition): Question[][] {
  const pages: Question[][] = [];
  let current: Question[] = [];
  for (const q of definition.questions) {
    const dependsOnThisPage = (q.showIf ?? []).some((c) => current.some((p) => p.key === c.key));
    if (current.length > 0 && (q.newPage === true || dependsOnThisPage)) {
      pages.push(current);
      current = [];
    }
    current.push(q);
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/**
 * Keeps only the answers to questions that are asked given the answers before them, in survey
 * order. A respondent who goes back and changes an answer may make a later question
 * unasked; its stale answer must not be stored (intake rejects answers to unasked questions).
 */
export function keepAskedAnswers(
  definition: SurveyDefinition,
  answers: Record<string, AnswerValue>,
): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  for (const q of definition.questions) {
    const value = answers[q.key];
    if (value !== undefined && isAsked(q, kept)) kept[q.key] = value;
  }
  return kept;
}

/** Indexes of the pages that have at least one question asked, given the answers so far. */
export function visiblePageIndexes(
  pages: Question[][],
  answers: Record<string, AnswerValue>,
): number[] {
  return pages.flatMap((page, i) => (page.some((q) => isAsked(q, answers)) ? [i] : []));
}
