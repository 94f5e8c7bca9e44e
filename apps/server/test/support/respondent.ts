import type { SurveyDefinitionInput } from '@polku/contracts';
import { surveyDefinitionSchema } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './app.js';
import type { TestDialect } from './databases.js';

export const t3 = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** A survey that asks every question type there is, one type per page. */
export const everyType: SurveyDefinitionInput = {
  languages: ['fi', 'sv', 'en'],
  defaultLanguage: 'fi',
  title: t3('Kaikki kysymykset', 'Alla frågor', 'Every question'),
  questions: [
    { key: 'nps', type: 'nps', text: t3('Suosittelisitko?', 'Rekommendera?', 'Recommend?') },
    { key: 'csat', type: 'csat', text: t3('Tyytyväinen?', 'Nöjd?', 'Satisfied?') },
    { key: 'ces', type: 'ces', text: t3('Helppoa?', 'Lätt?', 'Easy?') },
    {
      key: 'rating',
      type: 'rating',
      points: 4,
      text: t3('Arvio', 'Betyg', 'Rating'),
      lowLabel: t3('Huono', 'Dålig', 'Poor'),
      highLabel: t3('Hyvä', 'Bra', 'Good'),
    },
    {
      key: 'feelings',
      type: 'emotion',
      newPage: true,
      emotions: ['happy', 'worried', 'calm'],
      text: t3('Tunteet', 'Känslor', 'Feelings'),
    },
    { key: 'exp', type: 'expectation', points: 5, text: t3('Odotus', 'Förväntan', 'Expectation') },
    { key: 'goal', type: 'goal', text: t3('Tavoite', 'Mål', 'Goal') },
    {
      key: 'single',
      type: 'single',
      newPage: true,
      text: t3('Yksi', 'En', 'One'),
      options: [
        { key: 'a', label: t3('A', 'A', 'A') },
        { key: 'b', label: t3('B', 'B', 'B') },
      ],
    },
    {
      key: 'multi',
      type: 'multiple',
      maxChoices: 2,
      text: t3('Monta', 'Flera', 'Many'),
      options: [
        { key: 'x', label: t3('X', 'X', 'X') },
        { key: 'y', label: t3('Y', 'Y', 'Y') },
        { key: 'z', label: t3('Z', 'Z', 'Z') },
      ],
    },
    { key: 'words', type: 'text', maxLength: 50, text: t3('Sanat', 'Ord', 'Words') },
    {
      key: 'spend',
      type: 'numeric',
      unit: t3('€', '€', '€'),
      min: 0,
      max: 500,
      decimals: 2,
      text: t3('Paljonko käytit?', 'Hur mycket spenderade du?', 'How much did you spend?'),
    },
    {
      key: 'kano',
      type: 'kano',
      newPage: true,
      text: t3('Ominaisuus', 'Egenskap', 'Feature'),
      feature: t3('kotiinkuljetus', 'hemleverans', 'home delivery'),
    },
    {
      key: 'incident',
      type: 'incident',
      text: t3('Tilanne', 'Situation', 'Incident'),
      stages: [
        { key: 'order', label: t3('Tilaus', 'Beställning', 'Order') },
        { key: 'delivery', label: t3('Toimitus', 'Leverans', 'Delivery') },
      ],
    },
  ],
  thankYou: { message: t3('Kiitos.', 'Tack.', 'Thanks.'), rules: [] },
};

/** NPS first (required), the reason on page 2, and for detractors only a third page. */
export const threePages: SurveyDefinitionInput = {
  languages: ['fi', 'sv', 'en'],
  defaultLanguage: 'fi',
  title: t3('Suosittelukysely', 'Rekommendationsenkät', 'Recommendation survey'),
  intro: t3('Vie minuutin.', 'Tar en minut.', 'Takes a minute.'),
  questions: [
    {
      key: 'nps',
      type: 'nps',
      required: true,
      text: t3('Suosittelisitko meitä?', 'Skulle du rekommendera oss?', 'Would you recommend us?'),
    },
    {
      key: 'reason',
      type: 'text',
      newPage: true,
      text: t3('Miksi?', 'Varför?', 'Why?'),
    },
    {
      key: 'fix',
      type: 'text',
      newPage: true,
      showIf: [{ key: 'nps', op: 'lte', value: 6 }],
      text: t3('Mitä korjaisimme?', 'Vad ska vi rätta?', 'What should we fix?'),
    },
  ],
  thankYou: {
    message: t3('Kiitos vastauksestasi!', 'Tack för ditt svar!', 'Thank you for your answer!'),
    rules: [
      {
        when: [{ key: 'nps', op: 'lte', value: 6 }],
        message: t3(
          'Olemme pahoillamme. Otamme yhteyttä.',
          'Vi beklagar. Vi hör av oss.',
          'We are sorry. We will be in touch.',
        ),
      },
    ],
  },
};

export const form = 'application/x-www-form-urlencoded';

/** The value of a hidden field in a page. */
export function hidden(body: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
  if (!m) throw new Error(`no hidden field ${name}`);
  return m[1]!;
}

let address = 0;

/**
 * What every respondent-page test needs on one dialect: a test app with a workspace, and
 * helpers to publish a survey, act as a respondent and read what was stored.
 */
export function useRespondentKit(dialect: TestDialect) {
  let t: TestApp;
  let ctx: WorkspaceContext;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const user = await t.runtime.services.auth.createAccount({
      name: 'Owner',
      email: `owner-${dialect.name}@example.com`,
      password: 'secret-password-1',
      language: 'fi',
    });
    const ws = await t.runtime.services.workspaces.create(
      user.id,
      {
        name: 'Kukkakauppa',
        timeZone: 'Europe/Helsinki',
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: 'fi',
      },
      null,
    );
    const workspace = (await t.runtime.store.workspaces.findById(ws.id))!;
    ctx = { workspace, actor: { kind: 'user', userId: user.id, role: 'owner' }, ip: null };
  });
  afterAll(() => t?.close());

  /** A published survey with one open link; returns the link's token and the survey id. */
  async function publish(definition: SurveyDefinitionInput, publishIt = true) {
    const s = t.runtime.services.surveys;
    const survey = await s.create(ctx, {
      name: 'Test survey',
      purpose: 'transactional',
      touchpointId: null,
      languages: ['fi', 'sv', 'en'],
      defaultLanguage: 'fi',
    });
    await s.update(ctx, survey.id, { draft: surveyDefinitionSchema.parse(definition) });
    if (publishIt) await s.publish(ctx, survey.id);
    const link = await s.createLink(ctx, survey.id, {
      name: 'Web',
      channel: 'web',
      touchpointId: null,
    });
    return { token: link.token, surveyId: survey.id, linkId: link.id };
  }

  /** A respondent from their own address (so the per-address limit stays per person). */
  function respondent() {
    address += 1;
    const remoteAddress = `10.9.${address >> 8}.${address & 255}`;
    return {
      get: (url: string, headers: Record<string, string> = {}) =>
        t.app.inject({ method: 'GET', url, headers, remoteAddress }),
      post: (url: string, fields: [string, string][]) =>
        t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': form },
          payload: new URLSearchParams(fields).toString(),
          remoteAddress,
        }),
    };
  }

  return {
    get t() {
      return t;
    },
    get ctx() {
      return ctx;
    },
    publish,
    respondent,
    responsesOf: async (surveyId: string) =>
      (await t.runtime.services.responses.list(ctx, { surveyId, limit: 50 })).items,
    /** The hidden state fields of a page, to post back as the browser would. */
    state: (body: string): [string, string][] =>
      ['_rid', '_page', '_v', '_lang'].map((n) => [n, hidden(body, n)]),
  };
}
