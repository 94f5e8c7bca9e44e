import type { ResponseView, Survey } from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

for (const dialect of testDialects()) {
  describe(`surveys and response intake on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let base: string;
    let survey: Survey;
    let apiKey: string;

    const post = (url: string, payload?: object) =>
      owner.browser.request({ method: 'POST', url, ...(payload && { payload }) });
    const ingest = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/responses`,
        headers: { authorization: `Bearer ${apiKey}` },
        payload,
      });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      survey = (
        await post(`${base}/surveys`, {
          name: 'Suositteluhalukkuus',
          template: 'nps',
          purpose: 'relationship',
        })
      ).json<Survey>();
      expect((await post(`${base}/surveys/${survey.id}/publish`)).json()).toMatchObject({
        version: 1,
      });
      const key = await post(`${base}/api-keys`, {
        name: 'Kassa',
        scopes: ['responses.write', 'responses.read'],
      });
      apiKey = key.json<{ secret: string }>().secret;
    });
    afterAll(() => t.close());

    it('creates a survey from the template with the documented keys, as a draft', async () => {
      const res = await post(`${base}/surveys`, { name: 'CES', template: 'ces' });
      expect(res.statusCode).toBe(201);
      const ces = res.json<Survey>();
      expect(ces).toMatchObject({ status: 'draft', publishedVersion: null, responseCount: 0 });
      expect(ces.draft.questions.map((q) => [q.key, q.type])).toEqual([
        ['ces', 'ces'],
        ['reason', 'text'],
      ]);
    });

    it('refuses to publish while a language lacks a text, naming each missing one', async () => {
      const s = (await post(`${base}/surveys`, { name: 'Uusi', template: 'csat' })).json<Survey>();
      const draft = structuredClone(s.draft);
      draft.questions[0]!.text = { fi: 'Olitko tyytyväinen?', sv: '', en: 'Were you satisfied?' };
      await owner.browser.request({
        method: 'PATCH',
        url: `${base}/surveys/${s.id}`,
        payload: { draft },
      });
      const res = await post(`${base}/surveys/${s.id}/publish`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: {
          code: 'SURVEY_INCOMPLETE',
          details: [{ path: 'draft.questions.0.text', message: 'missing in sv' }],
        },
      });
      const after = (
        await owner.browser.request({ method: 'GET', url: `${base}/surveys/${s.id}` })
      ).json<Survey>();
      expect(after.status).toBe('draft');
    });

    it('refuses a draft with duplicate keys or a condition on a later question', async () => {
      const draft = structuredClone(survey.draft);
      draft.questions[1] = { ...draft.questions[1]!, key: 'nps' };
      const dup = await owner.browser.request({
        method: 'PATCH',
        url: `${base}/surveys/${survey.id}`,
        payload: { draft },
      });
      expect(dup.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.draft.questions.1.key' }] },
      });
    });

    it('stores a response with the version it answered, and a retry with the same id stores nothing new', async () => {
      const id = '01a20000-0000-7000-8000-000000000001';
      const first = await ingest({
        id,
        surveyId: survey.id,
        answers: { nps: 10, reason: 'Ihanat kukat' },
        language: 'fi',
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ id, created: true });
      const retry = await ingest({
        id,
        surveyId: survey.id,
        answers: { nps: 10, reason: 'Ihanat kukat' },
        language: 'fi',
      });
      expect(retry.json()).toEqual({ id, created: false });
      const count = await t.runtime.database.db
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
      const view = (
        await owner.browser.request({ method: 'GET', url: `${base}/responses/${id}` })
      ).json<ResponseView>();
      expect(view).toMatchObject({
        version: 1,
        status: 'complete',
        source: 'api',
        language: 'fi',
        answers: { nps: 10, reason: 'Ihanat kukat' },
      });
      expect(view.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('answers bad answers with the field and reason, and stores nothing', async () => {
      const before = await t.runtime.database.db
        .selectFrom('answers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      for (const [answers, path, message] of [
        [{ nps: 11 }, 'body.answers.nps', 'must be from 0 to 10, got 11'],
        [
          { nps: 5, colour: 'red' },
          'body.answers.colour',
          'no such question in this survey version',
        ],
        [{ reason: 'x' }, 'body.answers.nps', 'required'],
        [
          { nps: 5, reason: 'x'.repeat(2001) },
          'body.answers.reason',
          'at most 2000 characters, got 2001',
        ],
      ] as const) {
        const res = await ingest({ surveyId: survey.id, answers });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path, message }] },
        });
      }
      const after = await t.runtime.database.db
        .selectFrom('answers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('stores a batch in one transaction: one bad response and none is stored', async () => {
      const good = { surveyId: survey.id, answers: { nps: 8 } };
      const bad = await t.app.inject({
        method: 'POST',
        url: `${base}/responses/batch`,
        headers: { authorization: `Bearer ${apiKey}` },
        payload: { responses: [good, good, { surveyId: survey.id, answers: { nps: -1 } }] },
      });
      expect(bad.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.responses.2.answers.nps' }] },
      });
      const ids = ['01a20000-0000-7000-8000-0000000000b1', '01a20000-0000-7000-8000-0000000000b2'];
      const ok = await t.app.inject({
        method: 'POST',
        url: `${base}/responses/batch`,
        headers: { authorization: `Bearer ${apiKey}` },
        payload: { responses: ids.map((id) => ({ ...good, id })) },
      });
      expect(ok.json()).toMatchObject({ created: 2, duplicates: 0 });
      const again = await t.app.inject({
        method: 'POST',
        url: `${base}/responses/batch`,
        headers: { authorization: `Bearer ${apiKey}` },
        payload: { responses: ids.map((id) => ({ ...good, id })) },
      });
      expect(again.json()).toMatchObject({ created: 0, duplicates: 2 });
    });

    it('keeps old responses on their version after a new version is published', async () => {
      const draft = structuredClone(survey.draft);
      draft.questions.push({
        key: 'again',
        type: 'goal',
        required: false,
        text: { fi: 'Tuletko uudelleen?', sv: 'Kommer du igen?', en: 'Will you come again?' },
      });
      await owner.browser.request({
        method: 'PATCH',
        url: `${base}/surveys/${survey.id}`,
        payload: { draft },
      });
      expect((await post(`${base}/surveys/${survey.id}/publish`)).json()).toMatchObject({
        version: 2,
      });
      const v2 = await ingest({ surveyId: survey.id, answers: { nps: 9, again: 'yes' } });
      expect(v2.statusCode).toBe(201);
      const old = await ingest({
        surveyId: survey.id,
        version: 1,
        answers: { nps: 9, again: 'yes' },
      });
      expect(old.json()).toMatchObject({
        error: {
          details: [
            { path: 'body.answers.again', message: 'no such question in this survey version' },
          ],
        },
      });
      const v1 = (
        await owner.browser.request({
          method: 'GET',
          url: `${base}/surveys/${survey.id}/versions/1`,
        })
      ).json<{ definition: Survey['draft'] }>();
      expect(v1.definition.questions.map((q) => q.key)).toEqual(['nps', 'reason']);
    });

    it('filters responses by band, language and status', async () => {
      await ingest({ surveyId: survey.id, answers: { nps: 2 }, language: 'sv' });
      const list = async (query: string) =>
        (
          await owner.browser.request({
            method: 'GET',
            url: `${base}/responses?surveyId=${survey.id}&${query}`,
          })
        ).json<{ items: ResponseView[] }>().items;
      const detractors = await list('band=detractor');
      expect(detractors.length).toBeGreaterThan(0);
      expect(detractors.every((r) => (r.answers.nps as number) <= 6)).toBe(true);
      expect((await list('band=promoter')).every((r) => (r.answers.nps as number) >= 9)).toBe(true);
      expect((await list('language=sv')).every((r) => r.language === 'sv')).toBe(true);
    });

    it('lists by when responses were given, newest first, page after page', async () => {
      const s = (
        await post(`${base}/surveys`, { name: 'Järjestys', template: 'ces' })
      ).json<Survey>();
      await post(`${base}/surveys/${s.id}/publish`);
      const day = 86_400_000;
      const t0 = Date.UTC(2025, 0, 1);
      // Ids in one order, times in another: a back-filled history.
      for (const [i, at] of [t0 + 2 * day, t0, t0 + 3 * day, t0 + day].entries()) {
        await ingest({
          id: `01a20000-0000-7000-8000-00000000c00${i}`,
          surveyId: s.id,
          answers: { ces: 5 },
          submittedAt: at,
        });
      }
      const page = async (before?: string) =>
        (
          await owner.browser.request({
            method: 'GET',
            url: `${base}/responses?surveyId=${s.id}&limit=2${before ? `&before=${before}` : ''}`,
          })
        ).json<{ items: ResponseView[]; nextBefore: string | null }>();
      const first = await page();
      const second = await page(first.nextBefore!);
      expect([...first.items, ...second.items].map((r) => r.day)).toEqual([
        '2025-01-04',
        '2025-01-03',
        '2025-01-02',
        '2025-01-01',
      ]);
    });

    it('refuses responses to a closed survey, and its links stay listed', async () => {
      const s = (
        await post(`${base}/surveys`, { name: 'Suljettava', template: 'ces' })
      ).json<Survey>();
      await post(`${base}/surveys/${s.id}/publish`);
      const link = await post(`${base}/surveys/${s.id}/links`, { name: 'Tiski', channel: 'qr' });
      expect(link.json()).toMatchObject({
        channel: 'qr',
        url: expect.stringMatching(/^http:\/\/polku\.test\/s\/[A-Za-z0-9_-]{12}$/) as unknown,
      });
      await post(`${base}/surveys/${s.id}/close`);
      const res = await ingest({ surveyId: s.id, answers: { ces: 5 } });
      expect(res.json()).toMatchObject({ error: { code: 'SURVEY_NOT_OPEN' } });
      const links = (
        await owner.browser.request({ method: 'GET', url: `${base}/surveys/${s.id}/links` })
      ).json<{ items: unknown[] }>();
      expect(links.items).toHaveLength(1);
    });

    it('makes QR codes and a printable sheet for a link, in the survey language', async () => {
      const link = (
        await post(`${base}/surveys/${survey.id}/links`, { name: 'Myymälän tiski', channel: 'qr' })
      ).json<{ id: string; url: string }>();
      const linkUrl = `${base}/surveys/${survey.id}/links/${link.id}`;
      const svg = await owner.browser.request({ method: 'GET', url: `${linkUrl}/qr.svg` });
      expect(svg.headers['content-type']).toContain('image/svg+xml');
      expect(svg.body).toMatch(/^<svg [^>]*viewBox/);
      const png = await owner.browser.request({ method: 'GET', url: `${linkUrl}/qr.png?size=256` });
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      const sheet = await owner.browser.request({
        method: 'GET',
        url: `${linkUrl}/sheet?size=a5&lang=sv`,
      });
      expect(sheet.body).toContain('<html lang="sv">');
      expect(sheet.body).toContain('size: A5');
      expect(sheet.body).toContain('Berätta hur vi lyckades');
      expect(sheet.body).toContain(link.url);
      const bad = await owner.browser.request({ method: 'GET', url: `${linkUrl}/qr.png?size=9` });
      expect(bad.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'querystring.size' }] },
      });
    });

    it('counts complete responses per survey in the list', async () => {
      const list = (await owner.browser.request({ method: 'GET', url: `${base}/surveys` })).json<{
        items: { id: string; responseCount: number }[];
      }>();
      expect(list.items.find((s) => s.id === survey.id)?.responseCount).toBeGreaterThanOrEqual(5);
    });
  });
}
