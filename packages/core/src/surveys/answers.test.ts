import {
  surveyDefinitionSchema,
  type AnswerValue,
  type SurveyDefinitionInput,
} from '@polku/contracts';
import { describe, expect, it } from 'vitest';
import { answersFromRows, thankYouFor, validateAnswers } from './answers.js';
import { buildTemplate } from './templates.js';

const en = (text: string) => ({ en: text });

const definition = surveyDefinitionSchema.parse({
  languages: ['en'],
  defaultLanguage: 'en',
  title: en('All types'),
  thankYou: {
    message: en('Thanks'),
    rules: [{ when: [{ key: 'nps', op: 'lte', value: 6 }], message: en('We will call you') }],
  },
  questions: [
    { key: 'nps', type: 'nps', text: en('Recommend?'), required: true },
    {
      key: 'why_low',
      type: 'text',
      text: en('Why so low?'),
      maxLength: 10,
      showIf: [{ key: 'nps', op: 'lte', value: 6 }],
    },
    { key: 'csat', type: 'csat', text: en('Satisfied?') },
    { key: 'ces', type: 'ces', text: en('Easy?') },
    { key: 'stars', type: 'rating', points: 4, text: en('Stars') },
    { key: 'feel', type: 'emotion', text: en('Feelings'), emotions: ['happy', 'angry', 'calm'] },
    { key: 'exp', type: 'expectation', points: 5, text: en('Expected vs got') },
    { key: 'goal', type: 'goal', text: en('Done?') },
    {
      key: 'pick',
      type: 'single',
      text: en('Pick'),
      options: [
        { key: 'a', label: en('A') },
        { key: 'b', label: en('B') },
      ],
    },
    {
      key: 'many',
      type: 'multiple',
      maxChoices: 2,
      text: en('Many'),
      options: [
        { key: 'x', label: en('X') },
        { key: 'y', label: en('Y') },
        { key: 'z', label: en('Z') },
      ],
    },
    { key: 'kano', type: 'kano', feature: en('Delivery tracking'), text: en('Tracking') },
    {
      key: 'story',
      type: 'incident',
      text: en('Story'),
      stages: [{ key: 'delivery', label: en('Delivery') }],
    },
  ],
} satisfies SurveyDefinitionInput);

const full = {
  nps: 3,
  why_low: 'Late',
  csat: 4,
  ces: 7,
  stars: 2,
  feel: [{ emotion: 'angry', intensity: 4 }],
  exp: { expectation: 5, outcome: 2 },
  goal: 'partly',
  pick: 'b',
  many: ['x', 'z'],
  kano: { functional: 'like', dysfunctional: 'dislike' },
  story: { what: 'The courier was two hours late', when: 'delivery', valence: 'negative' },
} satisfies Record<string, AnswerValue>;

describe('validateAnswers', () => {
  it('turns every question type into rows the metrics can count', () => {
    const { rows, issues } = validateAnswers(definition, full, { partial: false });
    expect(issues).toEqual([]);
    const row = (key: string, item = '') =>
      rows.find((r) => r.questionKey === key && r.item === item);
    expect(row('nps')).toMatchObject({ valueNum: 3 });
    expect(row('goal')).toMatchObject({ valueNum: 0.5, valueText: 'partly' });
    expect(row('many', 'z')).toMatchObject({ valueNum: 1 });
    expect(row('exp', 'outcome')).toMatchObject({ valueNum: 2 });
    expect(row('kano', 'dysfunctional')).toMatchObject({ valueNum: 5, valueText: 'dislike' });
    expect(row('feel', 'angry')).toMatchObject({ valueNum: 4 });
    expect(row('story', 'valence')).toMatchObject({ valueNum: -1 });
    expect(answersFromRows(definition, rows)).toEqual(full);
  });

  it.each([
    ['nps', 11, 'must be from 0 to 10, got 11'],
    ['nps', 7.5, 'must be a whole number from 0 to 10'],
    ['csat', 0, 'must be from 1 to 5, got 0'],
    ['stars', 5, 'must be from 1 to 4, got 5'],
    ['pick', 'c', 'must be one of a, b'],
    ['many', ['x', 'y', 'z'], 'at most 2 choices'],
    ['many', ['x', 'x'], 'an option is chosen twice'],
    ['feel', [{ emotion: 'worried' }], 'not offered: worried'],
    ['goal', 'maybe', 'must be one of yes, partly, no'],
    [
      'kano',
      { functional: 'love', dysfunctional: 'dislike' },
      'functional must be one of like, must_be, neutral, live_with, dislike',
    ],
    [
      'feel',
      [{ emotion: 'calm', intensity: 9 }],
      'intensity of calm must be a whole number from 1 to 5',
    ],
    ['story', { what: 'x' }, 'valence must be positive or negative'],
    ['why_low', 'far too long text', 'at most 10 characters, got 17'],
  ])('refuses %s = %j: %s', (key, value, message) => {
    const { issues } = validateAnswers(
      definition,
      { ...full, [key]: value },
      {
        partial: false,
      },
    );
    expect(issues).toEqual([{ path: `answers.${key}`, message }]);
  });

  it('refuses unknown keys and answers to questions that were not asked', () => {
    const { issues } = validateAnswers(
      definition,
      { nps: 9, why_low: 'x', bogus: 1 },
      { partial: true },
    );
    expect(issues).toEqual([
      { path: 'answers.bogus', message: 'no such question in this survey version' },
      { path: 'answers.why_low', message: 'not asked: its condition does not hold' },
    ]);
  });

  it('requires required answers unless the response is partial, and treats blanks as skipped', () => {
    expect(validateAnswers(definition, { csat: 4 }, { partial: false }).issues).toEqual([
      { path: 'answers.nps', message: 'required' },
    ]);
    expect(validateAnswers(definition, { csat: 4 }, { partial: true }).issues).toEqual([]);
    const { rows } = validateAnswers(
      definition,
      { nps: 9, pick: '', many: [] },
      { partial: false },
    );
    expect(rows.map((r) => r.questionKey)).toEqual(['nps']);
  });

  it('picks the thank-you message by the answers', () => {
    expect(thankYouFor(definition, { nps: 2 })).toEqual(en('We will call you'));
    expect(thankYouFor(definition, { nps: 10 })).toEqual(en('Thanks'));
  });
});

describe('templates', () => {
  it.each(['nps', 'csat', 'ces', 'cx-index', 'incident', 'employee-pulse'] as const)(
    'builds %s complete in fi, sv and en',
    (template) => {
      const d = buildTemplate(template, { languages: ['fi', 'sv', 'en'], defaultLanguage: 'fi' });
      for (const q of d.questions)
        for (const l of ['fi', 'sv', 'en'] as const)
          expect(q.text[l], `${template}.${q.key}.${l}`).toBeTruthy();
    },
  );

  it('uses the documented question keys', () => {
    const keys = (t: Parameters<typeof buildTemplate>[0], features?: string[]) =>
      buildTemplate(t, { languages: ['fi'], defaultLanguage: 'fi', features }).questions.map(
        (q) => q.key,
      );
    expect(keys('nps')).toEqual(['nps', 'reason']);
    expect(keys('csat')).toEqual(['csat', 'reason']);
    expect(keys('ces')).toEqual(['ces', 'reason']);
    expect(keys('cx-index')).toEqual(['effectiveness', 'ease', 'emotion', 'reason']);
    expect(keys('kano', ['Seuranta', 'Kukkatilaus'])).toEqual(['feature_1', 'feature_2']);
    expect(keys('employee-pulse')[0]).toBe('enps');
  });
});
