import { gzipSync } from 'node:zlib';
import type { SurveyDefinitionInput } from '@polku/contracts';
import { surveyDefinitionSchema } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESPONDENT_POSTS_PER_MINUTE } from '../src/respondent/pages.js';
import { startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const t3 = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** A survey that asks every question type there is, one type per page. */
const everyType: SurveyDefinitionInput = {
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
const threePages: SurveyDefinitionInput = {
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

const form = 'application/x-www-form-urlencoded';

/** The value of a hidden field in a page. */
function hidden(body: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
  if (!m) throw new Error(`no hidden field ${name}`);
  return m[1]!;
}

let address = 0;

for (const dialect of testDialects()) {
  describe(`respondent pages (${dialect.name})`, () => {
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

    const responsesOf = async (surveyId: string) =>
      (await t.runtime.services.responses.list(ctx, { surveyId, limit: 50 })).items;

    /** The hidden state fields of a page, to post back as the browser would. */
    const state = (body: string): [string, string][] =>
      ['_rid', '_page', '_v', '_lang'].map((n) => [n, hidden(body, n)]);

    it('renders in Finnish by default, in Swedish by ?lang=sv and in English by Accept-Language', async () => {
      const { token } = await publish(threePages);
      const r = respondent();
      const fi = await r.get(`/s/${token}`);
      expect(fi.statusCode).toBe(200);
      expect(fi.headers['content-type']).toContain('text/html');
      expect(fi.body).toContain('<html lang="fi">');
      expect(fi.body).toContain('Suosittelisitko meitä?');
      expect(fi.body).toContain('Sivu 1/2');
      expect(fi.body).toContain('Seuraava');
      expect(fi.body).toContain('Ei lainkaan todennäköistä');
      expect(fi.body).toContain(
        '<a href="/s/' + token + '?lang=sv" hreflang="sv" lang="sv">Svenska</a>',
      );

      const sv = await r.get(`/s/${token}?lang=sv`);
      expect(sv.body).toContain('<html lang="sv">');
      expect(sv.body).toContain('Skulle du rekommendera oss?');
      expect(sv.body).toContain('Sida 1/2');
      expect(sv.body).toContain('Nästa');

      const en = await r.get(`/s/${token}`, { 'accept-language': 'de-DE,en-GB;q=0.8,fi;q=0.5' });
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('Would you recommend us?');
      expect(en.body).toContain('Page 1 of 2');
      expect(en.body).toContain('Not at all likely');
      expect(en.body).toContain('Extremely likely');

      const unknown = await r.get(`/s/${token}?lang=de`, { 'accept-language': 'sv' });
      expect(unknown.body).toContain('<html lang="sv">');
    });

    it('is a plain form with no staff bundle, under the page CSP', async () => {
      const { token } = await publish(threePages);
      const res = await respondent().get(`/s/${token}`);
      expect(res.body).toContain(`<form method="post" action="/s/${token}" novalidate>`);
      expect(res.body).not.toMatch(/\/assets\/index-|type="module"/);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-store');
      const script = /<script src="([^"]+)" defer><\/script>/.exec(res.body)![1]!;
      const js = await respondent().get(script);
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toContain('text/javascript');
      expect(js.headers['cache-control']).toContain('immutable');
    });

    it('stores a partial after page 1 and one complete response at the end (no JavaScript)', async () => {
      const { token, surveyId } = await publish(threePages);
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      const rid = hidden(first.body, '_rid');

      const second = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_nps', '9'],
      ]);
      expect(second.statusCode).toBe(200);
      expect(second.body).toContain('Miksi?');
      expect(second.body).toContain('Sivu 2/2');
      expect(second.body).toContain('Lähetä');
      expect(hidden(second.body, '_rid')).toBe(rid);
      let stored = await responsesOf(surveyId);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        id: rid,
        status: 'partial',
        source: 'page',
        language: 'fi',
        answers: { nps: 9 },
      });

      const done = await r.post(`/s/${token}`, [
        ...state(second.body),
        ['_action', 'next'],
        ['q_reason', 'Nopea toimitus'],
      ]);
      expect(done.body).toContain('<h1>Kiitos!</h1>');
      expect(done.body).toContain('Kiitos vastauksestasi!');
      stored = await responsesOf(surveyId);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        id: rid,
        status: 'complete',
        answers: { nps: 9, reason: 'Nopea toimitus' },
      });
    });

    it('creates nothing new when the final page is posted again with the same response id', async () => {
      const { token, surveyId } = await publish(threePages);
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      const second = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_nps', '10'],
      ]);
      const last: [string, string][] = [
        ...state(second.body),
        ['_action', 'next'],
        ['q_reason', 'Hyvä'],
      ];
      await r.post(`/s/${token}`, last);
      const retry = await r.post(`/s/${token}`, [...last.slice(0, -1), ['q_reason', 'Toinen']]);
      expect(retry.body).toContain('Kiitos vastauksestasi!');
      const stored = await responsesOf(surveyId);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.answers).toEqual({ nps: 10, reason: 'Hyvä' });
    });

    it('shows the detractor page and the detractor thank-you only to detractors', async () => {
      const { token, surveyId } = await publish(threePages);
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      const second = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_nps', '3'],
      ]);
      expect(second.body).toContain('Sivu 2/3');
      const third = await r.post(`/s/${token}`, [...state(second.body), ['_action', 'next']]);
      expect(third.body).toContain('Mitä korjaisimme?');
      expect(third.body).toContain('Sivu 3/3');
      const done = await r.post(`/s/${token}`, [
        ...state(third.body),
        ['_action', 'next'],
        ['q_fix', 'Aukioloajat'],
      ]);
      expect(done.body).toContain('Olemme pahoillamme. Otamme yhteyttä.');
      expect((await responsesOf(surveyId))[0]!.answers).toEqual({ nps: 3, fix: 'Aukioloajat' });
    });

    it('goes back with the answers kept, and drops an answer that is no longer asked', async () => {
      const { token, surveyId } = await publish(threePages);
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      const second = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_nps', '2'],
      ]);
      const third = await r.post(`/s/${token}`, [...state(second.body), ['_action', 'next']]);
      const back = await r.post(`/s/${token}`, [...state(third.body), ['_action', 'back']]);
      expect(back.body).toContain('Sivu 2/3');
      const backAgain = await r.post(`/s/${token}`, [...state(back.body), ['_action', 'back']]);
      expect(backAgain.body).toMatch(/id="q-nps-2" name="q_nps" value="2" checked/);
      // Now a promoter: the detractor page disappears and the survey ends after page 2.
      const again = await r.post(`/s/${token}`, [
        ...state(backAgain.body),
        ['_action', 'next'],
        ['q_nps', '10'],
      ]);
      expect(again.body).toContain('Sivu 2/2');
      await r.post(`/s/${token}`, [...state(again.body), ['_action', 'next']]);
      expect((await responsesOf(surveyId))[0]).toMatchObject({
        status: 'complete',
        answers: { nps: 10 },
      });
    });

    it('re-renders an NPS of 11 with the error tied to the field, and stores nothing', async () => {
      const { token, surveyId } = await publish(threePages);
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      const res = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_nps', '11'],
      ]);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Virhe: Suosittelukysely – Sivu 1/2</title>');
      expect(res.body).toContain('Tarkista vastauksesi');
      expect(res.body).toContain(
        '<a href="#q-nps-0">Suosittelisitko meitä? – Valitse arvo väliltä 0–10.</a>',
      );
      expect(res.body).toMatch(
        /<fieldset class="q invalid" id="q-nps" aria-describedby="q-nps-err">/,
      );
      expect(res.body).toContain('id="q-nps-err"');
      expect(res.body).toMatch(/id="q-nps-0" name="q_nps" value="0" required aria-invalid="true"/);
      expect(await responsesOf(surveyId)).toHaveLength(0);

      const missing = await r.post(`/s/${token}`, [...state(first.body), ['_action', 'next']]);
      expect(missing.body).toContain('Vastaa tähän kysymykseen.');
      expect(await responsesOf(surveyId)).toHaveLength(0);
    });

    it('escapes survey texts and what the respondent typed', async () => {
      const evil = '<script>alert("x")</script>';
      const { token } = await publish({
        ...threePages,
        title: t3(`Otsikko ${evil}`, 'Rubrik', 'Title'),
        questions: [
          {
            key: 'words',
            type: 'text',
            maxLength: 10,
            text: t3(`Kysymys ${evil}`, 'Fråga', 'Question'),
          },
        ],
      });
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      expect(first.body).not.toContain(evil);
      expect(first.body).toContain('Otsikko &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      const typed = '"><script>alert(1)</script>';
      const res = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_words', typed],
      ]);
      expect(res.body).toContain('Kirjoita enintään 10 merkkiä.');
      expect(res.body).not.toContain('<script>alert(1)');
      expect(res.body).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    });

    it('asks and stores every question type', async () => {
      const { token, surveyId } = await publish(everyType);
      const r = respondent();
      let page = await r.get(`/s/${token}?lang=en`);
      expect(page.body).toContain('Page 1 of 4');
      for (const [id, text] of [
        ['q-csat-1', '1<span class="vh"> – Very dissatisfied</span>'],
        ['q-ces-7', '7<span class="vh"> – Strongly agree</span>'],
        ['q-rating-4', '4<span class="vh"> – Good</span>'],
      ]) {
        expect(page.body).toContain(`<label for="${id}">${text}</label>`);
      }
      const pages: [string, string][][] = [
        [
          ['q_nps', '8'],
          ['q_csat', '4'],
          ['q_ces', '6'],
          ['q_rating', '3'],
        ],
        [
          ['q_feelings', 'happy'],
          ['q_feelings.happy', '4'],
          ['q_feelings.calm', '2'], // choosing an intensity picks the feeling (no JavaScript)
          ['q_exp.expectation', '3'],
          ['q_exp.outcome', '5'],
          ['q_goal', 'partly'],
        ],
        [
          ['q_single', 'b'],
          ['q_multi', 'x'],
          ['q_multi', 'z'],
          ['q_words', '  Hello  '],
        ],
        [
          ['q_kano.functional', 'like'],
          ['q_kano.dysfunctional', 'dislike'],
          ['q_incident.what', 'The parcel came a day early'],
          ['q_incident.when', 'delivery'],
          ['q_incident.why', 'I needed it'],
          ['q_incident.valence', 'positive'],
        ],
      ];
      const expected = [
        ['Happy', 'Worried', 'Calm', 'How strongly: Happy', 'What did you expect?', 'Partly'],
        ['Choose at most 2.', 'maxlength="50"'],
        ['If it has home delivery, how do you feel?', 'I can live with it', 'Delivery'],
      ];
      for (const [i, fields] of pages.entries()) {
        page = await r.post(`/s/${token}`, [...state(page.body), ['_action', 'next'], ...fields]);
        for (const text of expected[i] ?? []) expect(page.body).toContain(text);
      }
      expect(page.body).toContain('Thanks.');
      const [stored] = await responsesOf(surveyId);
      expect(stored).toMatchObject({ status: 'complete', language: 'en' });
      expect(stored!.answers).toEqual({
        nps: 8,
        csat: 4,
        ces: 6,
        rating: 3,
        feelings: expect.arrayContaining([
          { emotion: 'happy', intensity: 4 },
          { emotion: 'calm', intensity: 2 },
        ]) as unknown,
        exp: { expectation: 3, outcome: 5 },
        goal: 'partly',
        single: 'b',
        multi: ['x', 'z'],
        words: 'Hello',
        kano: { functional: 'like', dysfunctional: 'dislike' },
        incident: {
          what: 'The parcel came a day early',
          when: 'delivery',
          why: 'I needed it',
          valence: 'positive',
        },
      });
      expect(stored!.answers.feelings).toHaveLength(2);
    });

    it('names the part of an answer that is missing', async () => {
      const { token } = await publish({ ...everyType, questions: everyType.questions.slice(4, 7) });
      const r = respondent();
      const first = await r.get(`/s/${token}?lang=sv`);
      const res = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_exp.expectation', '3'],
      ]);
      expect(res.body).toContain('<a href="#q-exp-o-1">Förväntan – Svara på båda skalorna.</a>');
      expect(res.body).toMatch(/id="q-exp-e-3" name="q_exp.expectation" value="3" checked>/);
    });

    it('says kindly that a closed link, a closed survey, a draft or an unknown link takes no answers', async () => {
      const r = respondent();
      const closedLink = await publish(threePages);
      const link = (await t.runtime.services.surveys.listLinks(ctx, closedLink.surveyId))[0]!;
      await t.runtime.services.surveys.closeLink(ctx, closedLink.surveyId, link.id);
      const closed = await r.get(`/s/${closedLink.token}`);
      expect(closed.statusCode).toBe(410);
      expect(closed.headers['content-type']).toContain('text/html');
      expect(closed.body).toContain('<h1>Kysely on päättynyt</h1>');
      // Posting to it stores nothing either.
      const post = await r.post(`/s/${closedLink.token}?lang=en`, [['q_nps', '9']]);
      expect(post.statusCode).toBe(410);
      expect(post.body).toContain('This survey has closed');
      expect(await responsesOf(closedLink.surveyId)).toHaveLength(0);

      const closedSurvey = await publish(threePages);
      await t.runtime.services.surveys.close(ctx, closedSurvey.surveyId);
      const sv = await r.get(`/s/${closedSurvey.token}`, { 'accept-language': 'sv-FI' });
      expect(sv.statusCode).toBe(410);
      expect(sv.body).toContain('<html lang="sv">');
      expect(sv.body).toContain('Enkäten har stängts');

      const draft = await publish(threePages, false);
      const d = await r.get(`/s/${draft.token}`);
      expect(d.statusCode).toBe(404);
      expect(d.body).toContain('<h1>Kysely ei ole saatavilla</h1>');

      const unknown = await r.get('/s/no-such-token', { 'accept-language': 'en' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('This survey is not available');
      expect(unknown.body).not.toContain('"error"');
    });

    it('switches language mid-survey without losing the answers so far', async () => {
      const { token, surveyId } = await publish(threePages);
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      const second = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_nps', '8'],
      ]);
      expect(second.body).toContain(
        '<button type="submit" form="nav" name="_switch" value="en" lang="en">English</button>',
      );
      const en = await r.post(`/s/${token}`, [...state(second.body), ['_switch', 'en']]);
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('Page 2 of 2');
      await r.post(`/s/${token}`, [...state(en.body), ['_action', 'next'], ['q_reason', 'Quick']]);
      expect((await responsesOf(surveyId))[0]).toMatchObject({
        status: 'complete',
        language: 'en',
        answers: { nps: 8, reason: 'Quick' },
      });
    });

    it('answers a post that is not a form with a page, never JSON', async () => {
      const { token, surveyId } = await publish(threePages);
      const res = await t.app.inject({
        method: 'POST',
        url: `/s/${token}`,
        payload: { q_nps: 9 },
        remoteAddress: '10.8.0.1',
      });
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<h1>Jokin meni vikaan</h1>');
      expect(await responsesOf(surveyId)).toHaveLength(0);
    });

    it('thanks a bot that fills the honeypot and stores nothing', async () => {
      const { token, surveyId } = await publish(threePages);
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      expect(first.body).toMatch(
        /<label for="website">Jätä tämä kenttä tyhjäksi<\/label><input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">/,
      );
      const res = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_nps', '10'],
        ['website', 'http://spam.example'],
      ]);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Kiitos!');
      expect(await responsesOf(surveyId)).toHaveLength(0);
    });

    it('answers a flood of posts from one address with a human page, not JSON', async () => {
      const { token } = await publish(threePages);
      const r = respondent();
      const fields: [string, string][] = [['website', 'bot']];
      for (let i = 0; i < RESPONDENT_POSTS_PER_MINUTE; i++) {
        expect((await r.post(`/s/${token}`, fields)).statusCode).toBe(200);
      }
      const limited = await r.post(`/s/${token}`, fields);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('text/html');
      expect(limited.body).toContain('Odota minuutti');
      // Another person on another address is not affected.
      expect((await respondent().post(`/s/${token}`, fields)).statusCode).toBe(200);
    });

    it('keeps the first page within 20 KB gzipped, style and script included', async () => {
      const { token } = await publish(threePages);
      const page = await respondent().get(`/s/${token}`);
      const script = /<script src="([^"]+)"/.exec(page.body)![1]!;
      const js = await respondent().get(script);
      const gzipped = gzipSync(page.body).length + gzipSync(js.body).length;
      expect(page.body).toContain('<style>'); // the CSS is inline, so measured with the page
      console.info(`respondent first page: ${gzipped} bytes gzipped (HTML with CSS + script)`);
      expect(gzipped).toBeLessThanOrEqual(20 * 1024);
    });
  });
}
