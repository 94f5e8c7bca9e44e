import { surveyDefinitionSchema, type SurveyDefinitionInput } from '@polku/contracts';
import { describe, expect, it } from 'vitest';
import { keepAskedAnswers, splitPages, visiblePageIndexes } from './pages.js';

const text = { fi: 'x' };
const definition = (questions: SurveyDefinitionInput['questions']) =>
  surveyDefinitionSchema.parse({
    languages: ['fi'],
    defaultLanguage: 'fi',
    title: text,
    questions,
    thankYou: { message: text },
  });

describe('survey pages', () => {
  it('is one page when no question starts a new one', () => {
    const d = definition([
      { key: 'a', type: 'nps', text },
      { key: 'b', type: 'text', text },
    ]);
    expect(splitPages(d).map((p) => p.map((q) => q.key))).toEqual([['a', 'b']]);
  });

  it('starts a page at newPage, and before a question that depends on its own page', () => {
    const d = definition([
      { key: 'a', type: 'nps', text, newPage: true },
      { key: 'b', type: 'text', text, showIf: [{ key: 'a', op: 'lte', value: 6 }] },
      { key: 'c', type: 'text', text, newPage: true },
      { key: 'd', type: 'text', text, showIf: [{ key: 'a', op: 'answered' }] },
    ]);
    expect(splitPages(d).map((p) => p.map((q) => q.key))).toEqual([['a'], ['b'], ['c', 'd']]);
  });

  it('skips a page whose every question is hidden, and drops answers no longer asked', () => {
    const d = definition([
      { key: 'a', type: 'nps', text },
      { key: 'b', type: 'text', text, newPage: true, showIf: [{ key: 'a', op: 'lte', value: 6 }] },
      { key: 'c', type: 'text', text, newPage: true },
    ]);
    const pages = splitPages(d);
    expect(visiblePageIndexes(pages, { a: 3 })).toEqual([0, 1, 2]);
    expect(visiblePageIndexes(pages, { a: 9 })).toEqual([0, 2]);
    expect(keepAskedAnswers(d, { a: 9, b: 'stale', c: 'kept' })).toEqual({ a: 9, c: 'kept' });
  });
});
