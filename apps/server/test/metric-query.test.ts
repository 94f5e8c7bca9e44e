import type { MetricQuery, MetricResult, Survey, SubmitResponseBody } from '@polku/contracts';
import { newId, type AnswerRow, type ResponseRecord } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { createTouchpoint } from './support/journeys.js';
import { queryMetric } from './support/metrics.js';
import { testDialects } from './support/databases.js';

/** Noon UTC of a day: the same local day in Helsinki. */
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);

for (const dialect of testDialects()) {
  describe(`metric queries (filters, breakdowns, rollups) on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let base: string;
    let shop: string;
    const surveys: Record<'nps' | 'csat' | 'cx' | 'pulse', Survey> = {} as never;

    async function createPublished(
      name: string,
      template: string,
      purpose = 'transactional',
    ): Promise<Survey> {
      const survey = (
        await owner.browser.request({
          method: 'POST',
          url: `${base}/surveys`,
          payload: { name, template, purpose },
        })
      ).json<Survey>();
      const published = await owner.browser.request({
        method: 'POST',
        url: `${base}/surveys/${survey.id}/publish`,
      });
      expect(published.statusCode).toBe(200);
      return survey;
    }

    async function submit(responses: SubmitResponseBody[]): Promise<void> {
      const res = await owner.browser.request({
        method: 'POST',
        url: `${base}/responses/batch`,
        payload: { responses },
      });
      expect(res.statusCode, res.body).toBe(201);
    }

    const query = (body: MetricQuery): Promise<MetricResult> => queryMetric(owner, body);

    const npsAnswer = (
      day: string,
      nps: number,
      extra: Partial<SubmitResponseBody> = {},
    ): SubmitResponseBody => ({
      surveyId: surveys.nps.id,
      submittedAt: at(day),
      answers: { nps },
      ...extra,
    });

    beforeAll(async () => {
      // A fixed today after every answer here: all their months have ended.
      t = await startTestApp(dialect, { POLKU_TODAY: '2026-06-15' });
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      surveys.nps = await createPublished('Suositus', 'nps');
      surveys.csat = await createPublished('Tyytyväisyys', 'csat');
      surveys.cx = await createPublished('Kokemus', 'cx-index');
      surveys.pulse = await createPublished('Henkilöstö', 'employee-pulse', 'employee');
      shop = await createTouchpoint(owner.browser, owner.workspaceId);
      await submit([
        // January, web: 10, 10, 9 (gold), 3 → NPS 50.
        npsAnswer('2026-01-03', 10, { channel: 'web', attributes: { tier: 'gold' } }),
        npsAnswer('2026-01-10', 10, { channel: 'web', attributes: { tier: 'gold' } }),
        npsAnswer('2026-01-20', 9, { channel: 'web', attributes: { tier: 'gold', all: 'yes' } }),
        npsAnswer('2026-01-21', 3, { channel: 'web', attributes: { tier: 'basic' } }),
        // January, email: 0, 8 (no attributes).
        npsAnswer('2026-01-05', 0, { channel: 'email' }),
        npsAnswer('2026-01-06', 8, { channel: 'email', touchpointId: shop }),
        // February, web: 2, 4, 6 → NPS −100.
        npsAnswer('2026-02-01', 2, { channel: 'web', attributes: { tier: 'basic' } }),
        npsAnswer('2026-02-02', 4, { channel: 'web', touchpointId: shop }),
        npsAnswer('2026-02-03', 6, { channel: 'web' }),
        // A partial response counts nowhere.
        npsAnswer('2026-02-04', 10, { channel: 'web', partial: true }),
      ]);
      const pulseKey = surveys.pulse.draft.questions.find((q) => q.type === 'nps')!.key;
      await submit([
        {
          surveyId: surveys.pulse.id,
          submittedAt: at('2026-01-15'),
          answers: { [pulseKey]: 10, tools: 4, wellbeing: 4, recognition: 4 },
        },
      ]);
      // CX index items: effectiveness 5, 5, 1 · ease 4, 3 · emotion 2 (and one skipped item).
      const cx = (answers: Record<string, number>): SubmitResponseBody => ({
        surveyId: surveys.cx.id,
        submittedAt: at('2026-01-12'),
        answers,
      });
      const cxDraft = structuredClone(surveys.cx.draft);
      for (const q of cxDraft.questions) q.required = false;
      await owner.browser.request({
        method: 'PATCH',
        url: `${base}/surveys/${surveys.cx.id}`,
        payload: { draft: cxDraft },
      });
      await owner.browser.request({
        method: 'POST',
        url: `${base}/surveys/${surveys.cx.id}/publish`,
      });
      await submit([
        cx({ effectiveness: 5, ease: 4, emotion: 2 }),
        cx({ effectiveness: 5, ease: 3 }),
        cx({ effectiveness: 1 }),
      ]);
    });
    afterAll(() => t.close());

    it('pools every NPS question of customer surveys, per month with change and total', async () => {
      const r = await query({ metric: { kind: 'nps' }, by: 'month' });
      expect(r.source).toBe('rollup');
      expect(r.questions).toEqual([{ surveyId: surveys.nps.id, questionKey: 'nps' }]);
      expect(r.groups).toHaveLength(1);
      const [all] = r.groups;
      expect(all!.key).toBeNull();
      expect(all!.buckets.map((b) => [b.bucket, b.n, b.counts, b.score])).toEqual([
        ['2026-01', 6, { promoters: 3, passives: 1, detractors: 2 }, (100 * (3 - 2)) / 6],
        ['2026-02', 3, { promoters: 0, passives: 0, detractors: 3 }, -100],
      ]);
      expect(all!.buckets[0]!.change).toBeNull(); // no December answers
      expect(all!.buckets[1]!.change).toMatchObject({
        previous: '2026-01',
        difference: -100 - 100 / 6,
        test: 'nps-z',
        smallSample: true,
      });
      expect(all!.total).toMatchObject({ bucket: 'total', n: 9, method: 'adjusted-wald' });
      expect(all!.total.score).toBeCloseTo((100 * (3 - 5)) / 9, 10);
    });

    it('lists every bucket of the period, empty ones as n = 0 without a score', async () => {
      const r = await query({
        metric: { kind: 'nps' },
        by: 'month',
        from: '2025-12-01',
        to: '2026-03-31',
      });
      expect(r.groups[0]!.buckets.map((b) => [b.bucket, b.n, b.score === null])).toEqual([
        ['2025-12', 0, true],
        ['2026-01', 6, false],
        ['2026-02', 3, false],
        ['2026-03', 0, true],
      ]);
      // 121 days: the previous period is the 121 days before, which had no answers.
      expect(r.previousPeriod).toEqual({ from: '2025-08-02', to: '2025-11-30' });
      expect(r.groups[0]!.change).toBeNull();
    });

    it("compares each group's whole period with the period as long just before it", async () => {
      const r = await query({
        metric: { kind: 'nps' },
        by: 'all',
        from: '2026-02-01',
        to: '2026-02-28',
      });
      expect(r.previousPeriod).toEqual({ from: '2026-01-04', to: '2026-01-31' });
      // 4–31 January: 10, 9, 3 (web) and 0, 8 (email) → NPS 0; February: 2, 4, 6 → −100.
      expect(r.groups[0]!.change).toMatchObject({
        previous: '2026-01-04/2026-01-31',
        difference: -100,
        test: 'nps-z',
        smallSample: true,
      });
      const byChannel = await query({
        metric: { kind: 'nps' },
        by: 'all',
        from: '2026-02-01',
        to: '2026-02-28',
        breakdown: { by: 'channel' },
      });
      // Email had answers only in January: no February group. Web: 4–31 January 10, 9, 3 →
      // NPS 33.3; February −100.
      expect(byChannel.groups.map((g) => [g.key, g.change?.difference.toFixed(6)])).toEqual([
        ['web', (-100 - 100 / 3).toFixed(6)],
      ]);
    });

    it('breaks down by channel, language and touchpoint with n in every cell', async () => {
      const r = await query({ metric: { kind: 'nps' }, by: 'all', breakdown: { by: 'channel' } });
      expect(r.groups.map((g) => [g.key, g.total.n, g.total.score?.toFixed(6)])).toEqual([
        ['email', 2, (-50).toFixed(6)],
        ['web', 7, ((100 * (3 - 4)) / 7).toFixed(6)],
      ]);
      const tp = await query({
        metric: { kind: 'nps', surveyId: surveys.nps.id, question: 'nps' },
        by: 'all',
        breakdown: { by: 'touchpoint' },
      });
      expect(tp.groups.map((g) => [g.key, g.total.n])).toEqual([
        [shop, 2],
        [null, 7],
      ]);
      const bySurvey = await query({ metric: { kind: 'nps' }, breakdown: { by: 'survey' } });
      expect(bySurvey.groups.map((g) => [g.key, g.label])).toEqual([[surveys.nps.id, 'Suositus']]);
    });

    it('filters combine: channel AND touchpoint (none) AND month', async () => {
      const r = await query({
        metric: { kind: 'nps' },
        by: 'all',
        from: '2026-02-01',
        to: '2026-02-28',
        filters: { channels: ['web'], touchpointIds: [null] },
      });
      expect(r.groups[0]!.total).toMatchObject({ n: 2, score: -100 });
    });

    it('falls back to the answer table for attributes, and counts what the rollup counts', async () => {
      const gold = await query({
        metric: { kind: 'nps' },
        by: 'all',
        filters: { attributes: [{ key: 'tier', values: ['gold'] }] },
      });
      expect(gold.source).toBe('answers');
      expect(gold.groups[0]!.total).toMatchObject({ n: 3, score: 100 });
      const byTier = await query({
        metric: { kind: 'nps' },
        by: 'month',
        breakdown: { by: 'attribute', key: 'tier' },
      });
      expect(byTier.source).toBe('answers');
      expect(byTier.groups.map((g) => [g.key, g.total.n])).toEqual([
        ['basic', 2],
        ['gold', 3],
        [null, 4],
      ]);
      // The same figures by both roads: per month per channel from the rollup and from answers.
      const rollup = await query({ metric: { kind: 'nps' }, by: 'week' });
      const answers = await query({
        metric: { kind: 'nps' },
        by: 'week',
        breakdown: { by: 'attribute', key: 'nothing_has_this' },
      });
      expect(answers.source).toBe('answers');
      expect(answers.groups).toHaveLength(1);
      expect(answers.groups[0]!.buckets).toEqual(rollup.groups[0]!.buckets);
      expect(answers.groups[0]!.total).toEqual(rollup.groups[0]!.total);
    });

    it('counts eNPS from employee surveys only, and NPS leaves them out', async () => {
      const r = await query({ metric: { kind: 'enps' }, by: 'all' });
      expect(r.scoreName).toBe('enps');
      expect(r.questions.map((q) => q.surveyId)).toEqual([surveys.pulse.id]);
      expect(r.groups[0]!.total).toMatchObject({ n: 1, score: 100 });
      const wrong = await owner.browser.request({
        method: 'POST',
        url: `${base}/metrics/query`,
        payload: { metric: { kind: 'enps', surveyId: surveys.nps.id, question: 'nps' } },
      });
      expect(wrong.statusCode).toBe(400);
    });

    it('computes the open-form CX index of three 5-point questions', async () => {
      const r = await query({
        metric: {
          kind: 'cx_index',
          surveyId: surveys.cx.id,
          questions: ['effectiveness', 'ease', 'emotion'],
        },
        by: 'month',
      });
      expect(r.scoreName).toBe('cxIndex');
      const jan = r.groups[0]!.buckets[0]!;
      expect(jan.counts).toEqual({ effectiveness: 3, ease: 2, emotion: 1 });
      expect(jan.score).toBeCloseTo((100 / 3 + 50 - 100) / 3, 10);
      expect(jan.method).toBe('conservative-wald');
    });

    it('computes the three-item CSI of three 1–10 questions', async () => {
      const created = (
        await owner.browser.request({
          method: 'POST',
          url: `${base}/surveys`,
          payload: { name: 'ACSI', languages: ['fi'], defaultLanguage: 'fi' },
        })
      ).json<Survey>();
      const item = (key: string) => ({ key, type: 'rating', points: 10, text: { fi: key } });
      const patched = await owner.browser.request({
        method: 'PATCH',
        url: `${base}/surveys/${created.id}`,
        payload: {
          draft: {
            languages: ['fi'],
            defaultLanguage: 'fi',
            title: { fi: 'ACSI' },
            questions: [item('overall'), item('expectations'), item('ideal')],
            thankYou: { message: { fi: 'Kiitos' } },
          },
        },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      await owner.browser.request({ method: 'POST', url: `${base}/surveys/${created.id}/publish` });
      const answer = (overall: number, expectations: number, ideal: number) => ({
        surveyId: created.id,
        submittedAt: at('2026-01-12'),
        answers: { overall, expectations, ideal },
      });
      await submit([answer(8, 7, 6), answer(9, 8, 5), answer(7, 6, 7)]);
      const r = await query({
        metric: {
          kind: 'csi',
          surveyId: created.id,
          questions: ['overall', 'expectations', 'ideal'],
        },
        by: 'all',
      });
      expect(r.scoreName).toBe('csi');
      expect(r.groups[0]!.total).toMatchObject({ n: 3, method: 'conservative-wald' });
      // Means 8, 7, 6: (7 + 6 + 5)/27·100.
      expect(r.groups[0]!.total.score).toBeCloseTo((18 / 27) * 100, 10);
      const wrong = await owner.browser.request({
        method: 'POST',
        url: `${base}/metrics/query`,
        payload: {
          metric: {
            kind: 'csi',
            surveyId: surveys.cx.id,
            questions: ['effectiveness', 'ease', 'emotion'],
          },
        },
      });
      expect(wrong.statusCode).toBe(400); // 5-point items are not CSI items
    });

    it('keeps the rollup exact when a partial response is completed or a complete one replaced', async () => {
      const workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      const record: ResponseRecord = {
        workspaceId: workspace.id,
        id: newId(Date.now()),
        surveyId: surveys.nps.id,
        surveyVersion: 1,
        linkId: null,
        source: 'api',
        channel: 'sms',
        touchpointId: null,
        language: 'fi',
        status: 'partial',
        submittedAt: at('2026-03-01'),
        createdAt: Date.now(),
        day: '2026-03-01',
      };
      const rows = (nps: number): AnswerRow[] => [
        { questionKey: 'nps', item: '', valueNum: nps, valueText: null },
      ];
      const sms = () =>
        query({ metric: { kind: 'nps' }, by: 'all', filters: { channels: ['sms'] } });
      await t.runtime.store.transaction((tx) => tx.responses.insert(record, rows(10)));
      expect((await sms()).groups[0]!.total.n).toBe(0); // partial: counts nowhere
      await t.runtime.store.transaction((tx) =>
        tx.responses.replace({ ...record, status: 'complete' }, rows(9)),
      );
      expect((await sms()).groups[0]!.total).toMatchObject({ n: 1, counts: { promoters: 1 } });
      await t.runtime.store.transaction((tx) =>
        tx.responses.replace({ ...record, status: 'complete' }, rows(2)),
      );
      expect((await sms()).groups[0]!.total).toMatchObject({
        n: 1,
        counts: { promoters: 0, detractors: 1 },
      });
      // A transaction that fails leaves the rollup as it was.
      await expect(
        t.runtime.store.transaction(async (tx) => {
          await tx.responses.insert(
            { ...record, id: newId(Date.now()), status: 'complete' },
            rows(10),
          );
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect((await sms()).groups[0]!.total.n).toBe(1);
    });

    it('refuses bad queries with a clear error', async () => {
      const bad = async (payload: object) =>
        (await owner.browser.request({ method: 'POST', url: `${base}/metrics/query`, payload }))
          .statusCode;
      expect(await bad({ metric: { kind: 'rating' } })).toBe(400); // needs a question
      expect(await bad({ metric: { kind: 'nps', question: 'nps' } })).toBe(400); // needs survey
      expect(await bad({ metric: { kind: 'nps' }, from: '2026-02-01', to: '2026-01-01' })).toBe(
        400,
      );
      expect(await bad({ metric: { kind: 'nps' }, from: '2026-02-30' })).toBe(400);
      expect(await bad({ metric: { kind: 'nps' }, breakdown: { by: 'attribute' } })).toBe(400);
      expect(
        await bad({ metric: { kind: 'nps', surveyId: surveys.nps.id, question: 'missing' } }),
      ).toBe(404);
      expect(
        await bad({
          metric: { kind: 'cx_index', surveyId: surveys.nps.id, questions: ['nps', 'nps', 'nps'] },
        }),
      ).toBe(400);
      expect(
        await bad({ metric: { kind: 'csat', surveyId: surveys.nps.id, question: 'nps' } }),
      ).toBe(400);
    });
  });
}
