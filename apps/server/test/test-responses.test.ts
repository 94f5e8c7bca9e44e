import type {
  KeyDriverResult,
  ResponseView,
  Survey,
  SurveyDefinitionInput,
} from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { queryMetric } from './support/metrics.js';

const text = (fi: string) => ({ fi });
const definition: SurveyDefinitionInput = {
  languages: ['fi'],
  defaultLanguage: 'fi',
  title: text('Testivastaukset'),
  questions: [
    { key: 'nps', type: 'nps', text: text('Suosittelisitko?') },
    { key: 'ease', type: 'rating', points: 5, text: text('Helppous') },
  ],
  thankYou: { message: text('Kiitos') },
};
const at = Date.parse('2026-01-10T12:00:00Z');
/** An attribute filter needs the answer table (the rollup has no attributes). */
const attributes = { segment: 'a' };
/** Real answers: 2 promoters, 1 passive, 1 detractor → NPS +25 over n = 4. */
const real = [
  { nps: 10, ease: 5 },
  { nps: 9, ease: 4 },
  { nps: 7, ease: 4 },
  { nps: 3, ease: 2 },
];
/** Someone trying the survey out: all zeros, which would sink the NPS if counted. */
const tests = [
  { nps: 0, ease: 1 },
  { nps: 0, ease: 1 },
  { nps: 1, ease: 5 },
];

// Test responses (migration 0013) are stored and listed, but in no figure: not in the rollup
// (so rollup-read metrics stay exact), not in the answer-table queries (filtered metrics,
// analyses). Both dialects: the flag is a column on each.
for (const dialect of testDialects()) {
  describe(`test responses are left out of figures (${dialect.name})`, () => {
    let t: TestApp;
    let owner: Account;
    let survey: Survey;
    let base: string;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      const req = (method: string, url: string, payload?: object) =>
        owner.browser.request({ method, url: `${base}${url}`, ...(payload ? { payload } : {}) });
      survey = (await req('POST', '/surveys', { name: 'Testivastaukset' })).json<Survey>();
      await req('PATCH', `/surveys/${survey.id}`, { draft: definition });
      expect((await req('POST', `/surveys/${survey.id}/publish`)).statusCode).toBe(200);
      const batch = await req('POST', '/responses/batch', {
        responses: [
          ...real.map((answers) => ({ surveyId: survey.id, submittedAt: at, answers, attributes })),
          ...tests.map((answers) => ({
            surveyId: survey.id,
            submittedAt: at,
            answers,
            test: true,
          })),
        ],
      });
      expect(batch.statusCode, batch.body).toBe(201);
      const one = await req('POST', '/responses', {
        surveyId: survey.id,
        submittedAt: at,
        answers: { nps: 0 },
        test: true,
      });
      expect(one.statusCode, one.body).toBe(201);
    });
    afterAll(() => t?.close());

    it('stores and lists test responses, marked', async () => {
      const res = await owner.browser.request({
        method: 'GET',
        url: `${base}/responses?surveyId=${survey.id}`,
      });
      const items = res.json<{ items: ResponseView[] }>().items;
      expect(items).toHaveLength(8);
      expect(items.filter((r) => r.test)).toHaveLength(4);
    });

    it('lists only test responses, or none of them, when asked', async () => {
      const list = async (test: string) => {
        const res = await owner.browser.request({
          method: 'GET',
          url: `${base}/responses?surveyId=${survey.id}&test=${test}`,
        });
        return res;
      };
      const only = (await list('only')).json<{ items: ResponseView[] }>().items;
      expect(only.map((r) => r.test)).toEqual([true, true, true, true]);
      const without = (await list('exclude')).json<{ items: ResponseView[] }>().items;
      expect(without).toHaveLength(4);
      expect(without.every((r) => !r.test)).toBe(true);
      const wrong = await list('yes');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    });

    it('keeps them out of the rollup', async () => {
      const rows = await t.runtime.database.db
        .selectFrom('answerDayCounts')
        .select(['valueNum', 'count'])
        .where('workspaceId', '=', owner.workspaceId)
        .where('questionKey', '=', 'nps')
        .where('grain', '=', 0)
        .execute();
      expect(rows.reduce((s, r) => s + Number(r.count), 0)).toBe(4);
      expect(rows.some((r) => Number(r.valueNum) === 0)).toBe(false);
    });

    it('counts only real answers in metrics, from the rollup and from the answer table', async () => {
      const body = { metric: { kind: 'nps' as const }, by: 'all' as const };
      const fromRollup = await queryMetric(owner, body);
      expect(fromRollup.source).toBe('rollup');
      expect(fromRollup.groups[0]!.total).toMatchObject({ n: 4, score: 25 });
      const fromAnswers = await queryMetric(owner, {
        ...body,
        filters: { attributes: [{ key: 'segment', values: ['a'] }] },
      });
      expect(fromAnswers.source).toBe('answers');
      expect(fromAnswers.groups[0]!.total).toMatchObject({ n: 4, score: 25 });
    });

    it('says how many test responses the figures leave out, in the same period and filters', async () => {
      const body = { metric: { kind: 'nps' as const }, by: 'all' as const };
      // Four test responses answered the NPS question; the real ones carry the attribute.
      expect((await queryMetric(owner, body)).testResponsesExcluded).toBe(4);
      const ease = { metric: { kind: 'rating' as const, surveyId: survey.id, question: 'ease' } };
      expect((await queryMetric(owner, { ...ease, by: 'all' })).testResponsesExcluded).toBe(3);
      const filtered = await queryMetric(owner, {
        ...body,
        filters: { attributes: [{ key: 'segment', values: ['a'] }] },
      });
      expect(filtered.testResponsesExcluded).toBe(0);
      const later = await queryMetric(owner, { ...body, from: '2026-02-01', to: '2026-02-28' });
      expect(later.testResponsesExcluded).toBe(0);
    });

    it('counts only real answers in analyses', async () => {
      const res = await owner.browser.request({
        method: 'POST',
        url: `${base}/analyses/key-drivers`,
        payload: { surveyId: survey.id, outcome: 'nps', drivers: ['ease'] },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<KeyDriverResult>().n).toBe(4);
    });

    it('refuses a test flag that is not a boolean, and stores nothing', async () => {
      const res = await owner.browser.request({
        method: 'POST',
        url: `${base}/responses`,
        payload: { surveyId: survey.id, answers: { nps: 5 }, test: 'yes' },
      });
      expect(res.statusCode).toBe(400);
      const all = await t.runtime.database.db
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspaceId', '=', owner.workspaceId)
        .executeTakeFirstOrThrow();
      expect(Number(all.n)).toBe(8);
    });
  });
}
