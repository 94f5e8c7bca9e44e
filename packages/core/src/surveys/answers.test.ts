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
    { key: 'likely', type: 'rating', points: 11, scaleStart: 0, text: en('From 0 to 10') },
    {
      key: 'spend',
      type: 'numeric',
      text: en('How much did you spend?'),
      unit: en('€'),
      min: 0,
      max: 10_000,
      decimals: 2,
    },
    {
      key: 'why_so_much',
      type: 'text',
      text: en('What made it so much?'),
      showIf: [{ key: 'spend', op: 'gt', value: 500 }],
    },
    { key: 'age', type: 'numeric', text: en('Your age'), min: 15, max: 120 },
    { key: 'anything', type: 'numeric', text: en('Any number'), decimals: 4 },
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
  likely: 0,
  spend: 12.3,
  age: 42,
  anything: -0.0001,
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
    ['likely', 11, 'must be from 0 to 10, got 11'],
    ['likely', -1, 'must be from 0 to 10, got -1'],
    ['spend', 12.345, 'at most 2 decimals, got 12.345'],
    ['spend', -0.01, 'must be from 0 to 10000, got -0.01'],
    ['spend', 10_000.01, 'must be from 0 to 10000, got 10000.01'],
    ['spend', '12,50', 'must be a number from 0 to 10000 with at most 2 decimals'],
    ['age', '1,000', 'must be a whole number from 15 to 120'],
    ['age', 42.5, 'must be a whole number, got 42.5'],
    ['age', 14, 'must be from 15 to 120, got 14'],
    ['anything', 1e-5, 'at most 4 decimals, got 0.00001'],
    ['anything', 2e9, 'must be from -1000000000 to 1000000000, got 2000000000'],
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

  it('stores numeric answers exactly as given, decimals included, and reads them back', () => {
    const given = { ...full, spend: 0.1, age: 120, anything: 123_456_789.1234 };
    const { rows, issues } = validateAnswers(definition, given, { partial: false });
    expect(issues).toEqual([]);
    const valueOf = (key: string) => rows.find((r) => r.questionKey === key)?.valueNum;
    expect([valueOf('spend'), valueOf('age'), valueOf('anything')]).toEqual([
      0.1, 120, 123_456_789.1234,
    ]);
    expect(String(valueOf('anything'))).toBe('123456789.1234');
    expect(answersFromRows(definition, rows)).toEqual(given);
  });

  it('stores the 0 of a rating scale that starts at 0', () => {
    const { rows, issues } = validateAnswers(definition, full, { partial: false });
    expect(issues).toEqual([]);
    expect(rows.find((r) => r.questionKey === 'likely')).toMatchObject({ valueNum: 0 });
  });

  it('asks a follow-up when a numeric answer is above a threshold, and only then', () => {
    const big = { ...full, spend: 500.01, why_so_much: 'Wedding flowers' };
    expect(validateAnswers(definition, big, { partial: false }).issues).toEqual([]);
    expect(validateAnswers(definition, { ...big, spend: 500 }, { partial: false }).issues).toEqual([
      { path: 'answers.why_so_much', message: 'not asked: its condition does not hold' },
    ]);
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

describe('numeric questions and rating scales in a survey definition', () => {
  const withQuestion = (question: Record<string, unknown>) =>
    surveyDefinitionSchema.safeParse({
      languages: ['en'],
      defaultLanguage: 'en',
      title: en('T'),
      thankYou: { message: en('Thanks') },
      questions: [{ key: 'q', text: en('Q'), ...question }],
    });
  const issuesOf = (question: Record<string, unknown>) =>
    withQuestion(question).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('takes a unit, a range and decimals, with whole numbers by default', () => {
    const parsed = withQuestion({ type: 'numeric', unit: { en: 'min' }, min: -30, max: 240 });
    expect(parsed.data?.questions[0]).toMatchObject({ min: -30, max: 240, decimals: 0 });
  });

  it.each([
    [{ type: 'numeric', min: 10, max: 10 }, 'questions.0.max', 'must be greater than min'],
    [
      { type: 'numeric', min: 0.5, max: 10 },
      'questions.0.min',
      'has more decimals than the question allows (0)',
    ],
    [
      { type: 'numeric', max: 2e9 },
      'questions.0.max',
      'Too big: expected number to be <=1000000000',
    ],
    [
      { type: 'numeric', decimals: 5 },
      'questions.0.decimals',
      'Too big: expected number to be <=4',
    ],
    [
      { type: 'numeric', unit: { en: 'units of a very long name' } },
      'questions.0.unit.en',
      'Too big: expected string to have <=20 characters',
    ],
    [{ type: 'rating', points: 5, scaleStart: 2 }, 'questions.0.scaleStart', 'Invalid input'],
  ])('refuses %j', (question, path, message) => {
    expect(issuesOf(question)).toEqual([[path, message]]);
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
