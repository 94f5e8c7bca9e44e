import type {
  IncidentAnalysis,
  IncidentAnswer,
  IncidentCategory,
  Survey,
  SurveyDefinitionInput,
} from '@polku/contracts';
import type { IntakeInput, WorkspaceRecord } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const text = (fi: string) => ({ fi });
const definition: SurveyDefinitionInput = {
  languages: ['fi'],
  defaultLanguage: 'fi',
  title: text('Kokemukset'),
  questions: [
    {
      key: 'story',
      type: 'incident',
      text: text('Mitä tapahtui?'),
      stages: [
        { key: 'order', label: text('Tilaus') },
        { key: 'delivery', label: text('Toimitus') },
      ],
    },
    { key: 'nps', type: 'nps', text: text('Suosittelisitko?') },
  ],
  thankYou: { message: text('Kiitos') },
};

type Story = { what: string; when?: string; why?: string; valence: 'positive' | 'negative' };
const stories: Story[] = [
  { what: 'Kuljettaja myöhästyi', when: 'delivery', why: 'Juhlat alkoivat', valence: 'negative' },
  { what: 'Väärä kimppu', when: 'delivery', valence: 'negative' },
  { what: 'Myyjä auttoi valitsemaan', when: 'order', valence: 'positive' },
  { what: 'Maksu epäonnistui', when: 'order', valence: 'negative' },
  { what: 'Kukat kestivät kaksi viikkoa', valence: 'positive' },
];

for (const dialect of testDialects()) {
  describe(`critical incidents on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let viewer: Account;
    let workspace: WorkspaceRecord;
    let survey: Survey;
    let base: string;
    const ids: string[] = [];

    const call = (method: string, path: string, payload?: object, who = owner) =>
      who.browser.request({ method, url: `${base}${path}`, ...(payload && { payload }) });
    const answers = async (query = '') =>
      (
        await call(
          'GET',
          `/analyses/incidents/answers?surveyId=${survey.id}&question=story${query}`,
        )
      ).json<{ items: IncidentAnswer[]; total: number; nextOffset: number | null }>();
    const analysis = async () =>
      (
        await call('POST', '/analyses/incidents', { surveyId: survey.id, question: 'story' })
      ).json<IncidentAnalysis>();
    const codings = () =>
      t.runtime.database.db
        .selectFrom('incidentCodings')
        .select(['responseId', 'categoryId'])
        .where('workspaceId', '=', workspace.id)
        .orderBy('responseId')
        .execute();

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      viewer = await createAccount(t, 'viewer');
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      await t.runtime.store.memberships.insert({
        workspaceId: owner.workspaceId,
        userId: viewer.userId,
        role: 'viewer',
        createdAt: Date.now(),
      });
      survey = (await call('POST', '/surveys', { name: 'Kokemukset' })).json<Survey>();
      await call('PATCH', `/surveys/${survey.id}`, { draft: definition });
      expect((await call('POST', `/surveys/${survey.id}/publish`)).statusCode).toBe(200);
      workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      const input = (story: Story | undefined, minute: number, partial = false): IntakeInput => ({
        surveyId: survey.id,
        submittedAt: Date.parse('2026-01-10T12:00:00Z') + minute * 60_000,
        partial,
        source: 'api',
        answers: { nps: 8, ...(story && { story }) },
      });
      const { results } = await t.runtime.services.responses.submitBatch({ workspace }, [
        ...stories.map((s, i) => input(s, i)),
        input(undefined, 10), // no incident told
        input({ what: 'Keskeytetty', valence: 'negative' }, 11, true), // partial: not listed
      ]);
      ids.push(...results.map((r) => r.id));
    });
    afterAll(() => t.close());

    it('manages categories: unique names ignoring case, rename, refused delete while in use', async () => {
      const created = await call('POST', '/analyses/incidents/categories', {
        name: 'Toimitusvirhe',
        description: 'Myöhässä tai väärä tuote',
      });
      expect(created.statusCode).toBe(201);
      const late = created.json<IncidentCategory>();
      expect(late).toMatchObject({ name: 'Toimitusvirhe', codedCount: 0 });
      const twice = await call('POST', '/analyses/incidents/categories', {
        name: ' toimitusVIRHE ',
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ error: { code: 'INCIDENT_CATEGORY_EXISTS' } });
      const service = (
        await call('POST', '/analyses/incidents/categories', { name: 'Palvelu' })
      ).json<IncidentCategory>();
      const clash = await call('PATCH', `/analyses/incidents/categories/${service.id}`, {
        name: 'TOIMITUSVIRHE',
      });
      expect(clash.statusCode).toBe(409);
      const renamed = await call('PATCH', `/analyses/incidents/categories/${service.id}`, {
        name: 'Hyvä palvelu',
      });
      expect(renamed.json()).toMatchObject({ name: 'Hyvä palvelu' });
      const list = (await call('GET', '/analyses/incidents/categories')).json<{
        items: IncidentCategory[];
      }>();
      expect(list.items.map((c) => c.name)).toEqual(['Hyvä palvelu', 'Toimitusvirhe']);
      expect((await call('POST', '/analyses/incidents/categories', { name: '' })).statusCode).toBe(
        400,
      );
    });

    it('lists incident answers with what/when/why/valence, uncoded first, paged', async () => {
      const page = await answers('&limit=2');
      expect(page.total).toBe(5);
      expect(page.items).toHaveLength(2);
      expect(page.nextOffset).toBe(2);
      const all = await answers();
      // Newest first among the uncoded.
      expect(all.items.map((a) => a.what)).toEqual([...stories].reverse().map((s) => s.what));
      expect(all.items.at(-1)).toMatchObject({
        responseId: ids[0],
        when: 'delivery',
        why: 'Juhlat alkoivat',
        valence: 'negative',
        categoryId: null,
      });
      expect(all.items[0]).toMatchObject({ when: null, why: null, valence: 'positive' });
      expect((await answers('&valence=positive')).total).toBe(2);
      const wrongType = await call(
        'GET',
        `/analyses/incidents/answers?surveyId=${survey.id}&question=nps`,
      );
      expect(wrongType.statusCode).toBe(400);
    });

    it('codes answers (one category each), moves the counts, and audit-logs each change', async () => {
      const before = await analysis();
      expect(before).toMatchObject({ n: 5, uncoded: 5, smallSample: true });
      expect(before.stages).toEqual([
        { key: 'order', label: 'Tilaus' },
        { key: 'delivery', label: 'Toimitus' },
      ]);
      expect(before.cells).toEqual(
        expect.arrayContaining([
          { stage: 'delivery', categoryId: null, positive: 0, negative: 2 },
          { stage: 'order', categoryId: null, positive: 1, negative: 1 },
          { stage: null, categoryId: null, positive: 1, negative: 0 },
        ]),
      );
      const { items } = (await call('GET', '/analyses/incidents/categories')).json<{
        items: IncidentCategory[];
      }>();
      const late = items.find((c) => c.name === 'Toimitusvirhe')!;
      const good = items.find((c) => c.name === 'Hyvä palvelu')!;
      const code = (i: number, categoryId: string | null, who = owner) =>
        call('PUT', `/analyses/incidents/answers/${ids[i]}/story`, { categoryId }, who);
      expect((await code(0, late.id)).json()).toMatchObject({ categoryId: late.id });
      await code(1, late.id);
      await code(2, good.id);
      await code(3, good.id);
      const recoded = await code(3, late.id); // replaces, never a second category
      expect(recoded.json()).toMatchObject({ categoryId: late.id, what: 'Maksu epäonnistui' });
      expect((await codings()).filter((c) => c.responseId === ids[3])).toHaveLength(1);

      const after = await analysis();
      expect(after.uncoded).toBe(1);
      expect(after.cells).toEqual(
        expect.arrayContaining([
          { stage: 'delivery', categoryId: late.id, positive: 0, negative: 2 },
          { stage: 'order', categoryId: late.id, positive: 0, negative: 1 },
          { stage: 'order', categoryId: good.id, positive: 1, negative: 0 },
          { stage: null, categoryId: null, positive: 1, negative: 0 },
        ]),
      );
      expect(after.cells).toHaveLength(4);
      const listed = await answers();
      expect(listed.items[0]).toMatchObject({
        categoryId: null,
        what: 'Kukat kestivät kaksi viikkoa',
      });
      expect((await answers('&coding=uncoded')).total).toBe(1);
      expect((await answers(`&categoryId=${late.id}`)).total).toBe(3);

      expect((await code(2, null)).json()).toMatchObject({ categoryId: null, codedAt: null });
      expect((await analysis()).uncoded).toBe(2);

      const audit = await t.runtime.database.db
        .selectFrom('auditLog')
        .select(['action', 'target'])
        .where('workspaceId', '=', workspace.id)
        .where('action', 'like', 'incident.%')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'incident.category_created',
        'incident.category_created',
        'incident.category_updated',
        'incident.coded',
        'incident.coded',
        'incident.coded',
        'incident.coded',
        'incident.coded',
        'incident.uncoded',
      ]);
      expect(audit.at(-1)!.target).toBe(`${ids[2]}/story`);

      // A category in use is not deleted; an unused one is.
      const inUse = await call('DELETE', `/analyses/incidents/categories/${late.id}`);
      expect(inUse.statusCode).toBe(409);
      expect(inUse.json()).toMatchObject({
        error: { code: 'INCIDENT_CATEGORY_IN_USE', details: { codedCount: 3 } },
      });
      const spare = (
        await call('POST', '/analyses/incidents/categories', { name: 'Varalla' })
      ).json<IncidentCategory>();
      expect((await call('DELETE', `/analyses/incidents/categories/${spare.id}`)).statusCode).toBe(
        200,
      );
    });

    it('refuses bad coding and viewers, and changes nothing', async () => {
      const before = JSON.stringify(await codings());
      const { items } = (await call('GET', '/analyses/incidents/categories')).json<{
        items: IncidentCategory[];
      }>();
      const put = (path: string, categoryId: string | null, who = owner) =>
        call('PUT', path, { categoryId }, who);
      expect((await put(`/analyses/incidents/answers/${ids[4]}/story`, 'no-such')).statusCode).toBe(
        400,
      );
      expect(
        (await put(`/analyses/incidents/answers/${ids[4]}/nps`, items[0]!.id)).statusCode,
      ).toBe(400);
      expect(
        (await put(`/analyses/incidents/answers/${ids[5]}/story`, items[0]!.id)).statusCode,
      ).toBe(404);
      expect(
        (await put(`/analyses/incidents/answers/${ids[6]}/story`, items[0]!.id)).statusCode,
      ).toBe(404);
      expect(
        (await put(`/analyses/incidents/answers/unknown/story`, items[0]!.id)).statusCode,
      ).toBe(404);
      const forbidden = await put(
        `/analyses/incidents/answers/${ids[4]}/story`,
        items[0]!.id,
        viewer,
      );
      expect(forbidden.statusCode).toBe(403);
      const viewerCreates = await call(
        'POST',
        '/analyses/incidents/categories',
        { name: 'X' },
        viewer,
      );
      expect(viewerCreates.statusCode).toBe(403);
      // Viewers may still read the analysis.
      expect(
        (
          await call(
            'POST',
            '/analyses/incidents',
            { surveyId: survey.id, question: 'story' },
            viewer,
          )
        ).statusCode,
      ).toBe(200);
      expect(JSON.stringify(await codings())).toBe(before);
    });
  });
}
