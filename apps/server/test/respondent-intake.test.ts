import { describe, expect, it } from 'vitest';
import { testDialects } from './support/databases.js';
import { everyType, hidden, t3, threePages, useRespondentKit } from './support/respondent.js';

for (const dialect of testDialects()) {
  describe(`respondent page intake (${dialect.name})`, () => {
    const kit = useRespondentKit(dialect);
    const { publish, respondent, responsesOf, state } = kit;

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
          ['q_spend', '34,90'],
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
        spend: 34.9,
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

    it('reads a numeric answer with a decimal comma or point, exactly, and says what it accepts in the respondent language', async () => {
      const { token, surveyId } = await publish({
        ...threePages,
        questions: [
          {
            key: 'age',
            type: 'numeric',
            required: true,
            min: 15,
            max: 120,
            text: t3('Ikäsi', 'Din ålder', 'Your age'),
            unit: t3('vuotta', 'år', 'years'),
          },
          {
            key: 'spend',
            type: 'numeric',
            min: 0,
            max: 10_000,
            decimals: 2,
            unit: t3('€', '€', '€'),
            text: t3('Paljonko käytit?', 'Hur mycket spenderade du?', 'How much did you spend?'),
          },
          {
            key: 'why',
            type: 'text',
            showIf: [{ key: 'spend', op: 'gt', value: 1000 }],
            text: t3('Mihin?', 'Till vad?', 'On what?'),
          },
        ],
      });
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      expect(first.body).toContain(
        '<p class="help" id="q-age-hint">Kokonaisluku väliltä 15–120.</p>',
      );
      expect(first.body).toContain(
        '<p class="help" id="q-spend-hint">Luku väliltä 0–10\u00a0000, enintään 2 desimaalia.</p>',
      );
      // A text field (a number field would drop a typed comma), the decimal keypad, the unit read with it.
      expect(first.body).toContain(
        '<input type="text" id="q-spend" name="q_spend" inputmode="decimal" autocomplete="off" aria-describedby="q-spend-hint q-spend-unit" value="">',
      );
      expect(first.body).toContain('<span class="unit" id="q-spend-unit">€</span>');

      const refused = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_age', '14'],
        ['q_spend', '12,345'],
      ]);
      expect(refused.body).toContain(
        '<a href="#q-age">Ikäsi – Anna kokonaisluku väliltä 15–120.</a>',
      );
      expect(refused.body).toContain('Anna luku väliltä 0–10\u00a0000, enintään 2 desimaalia.');
      // What was typed stays, to be corrected; nothing is stored.
      expect(refused.body).toContain(
        'name="q_spend" inputmode="decimal" autocomplete="off" aria-describedby="q-spend-hint q-spend-err q-spend-unit" aria-invalid="true" value="12,345">',
      );
      expect(await responsesOf(surveyId)).toHaveLength(0);
      const english = await respondent().get(`/s/${token}?lang=en`);
      const words = await r.post(`/s/${token}`, [
        ...state(english.body),
        ['_action', 'next'],
        ['q_age', 'forty'],
        ['q_spend', '1,000.50'],
      ]);
      expect(words.body).toContain('Your age – Enter a whole number from 15 to 120.');
      expect(words.body).toContain(
        'How much did you spend? – Enter a number from 0 to 10,000, with at most 2 decimal places.',
      );

      const next = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_age', '42'],
        ['q_spend', '1 234,5'],
      ]);
      // Above 1,000 the follow-up is asked.
      expect(next.body).toContain('Mihin?');
      const [partial] = await responsesOf(surveyId);
      expect(partial).toMatchObject({ status: 'partial', answers: { age: 42, spend: 1234.5 } });
      // Back on page 1 the stored 1234.5 reads as Finnish writes it.
      const back = await r.post(`/s/${token}`, [...state(next.body), ['_action', 'back']]);
      expect(back.body).toContain('value="1234,5">');
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
  });
}
