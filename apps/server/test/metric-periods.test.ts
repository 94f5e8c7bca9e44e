import type { MetricQuery, QuestionMetric } from '@polku/contracts';
import { computeNps, createHistogram } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatQuestionMetric } from '../src/metrics/metrics-command.js';
import { ownerOf, publishedSurvey } from './fixtures/import/surveys.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { queryMetric } from './support/metrics.js';

/** 09:00 UTC of a day: the same local day in Helsinki, before the clock's 14:00 today. */
const at = (day: string) => Date.parse(`${day}T09:00:00Z`);
const repeat = (score: number, times: number) => Array<number>(times).fill(score);

for (const dialect of testDialects()) {
  describe(`incomplete periods in metric queries (${dialect.name})`, () => {
    // Wednesday 2 December 2026: the month is two days old, the ISO week (W49) three.
    const TODAY = '2026-12-02';
    let t: TestApp;
    let owner: Account;
    let base: string;
    let surveyId: string;
    /** NPS of every survey from `from` to today, by month unless told otherwise. */
    const query = (from: string, more: Partial<MetricQuery> = {}) =>
      queryMetric(owner, { metric: { kind: 'nps' }, by: 'month', from, to: TODAY, ...more });

    async function answer(day: string, scores: number[], channel = 'web'): Promise<void> {
      const res = await owner.browser.request({
        method: 'POST',
        url: `${base}/responses/batch`,
        payload: {
          responses: scores.map((nps) => ({
            surveyId,
            submittedAt: at(day),
            channel,
            answers: { nps },
          })),
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }

    beforeAll(async () => {
      t = await startTestApp(dialect, { POLKU_TODAY: TODAY });
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      const ctx = await ownerOf(t.runtime, owner.workspaceId, owner.userId);
      surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      // 1–2 November: all promoters; the rest of November: detractors (NPS −33.3 for the month).
      await answer('2026-11-01', repeat(10, 6));
      await answer('2026-11-02', repeat(10, 4), 'email');
      for (const day of ['2026-11-10', '2026-11-20', '2026-11-30']) await answer(day, repeat(0, 7));
      // 1–2 December: half promoters, half detractors (NPS 0).
      await answer('2026-12-01', [...repeat(10, 5), ...repeat(0, 3)]);
      await answer('2026-12-02', repeat(0, 2), 'email');
    });
    afterAll(() => t?.close());

    it('marks the current month in progress with the days it has had, and the ended one complete', async () => {
      const r = await query('2026-11-01');
      const [november, december] = r.groups[0]!.buckets;
      expect(november!.coverage).toEqual({ state: 'complete', days: 30, ofDays: 30 });
      expect(december!.coverage).toEqual({ state: 'inProgress', days: 2, ofDays: 31 });
      expect(r.groups[0]!.total.coverage).toEqual({ state: 'inProgress', days: 32, ofDays: 32 });
    });

    it('compares the 2-day month with 1–2 November, not with the whole of November', async () => {
      const r = await query('2026-11-01');
      const december = r.groups[0]!.buckets[1]!;
      const sameDays = computeNps(createHistogram(repeat(10, 10))).nps!;
      const soFar = computeNps(createHistogram([...repeat(10, 5), ...repeat(0, 5)])).nps!;
      expect(december.score).toBeCloseTo(soFar, 10);
      expect(december.change).toMatchObject({ previous: '2026-11-01/2026-11-02' });
      expect(december.change!.difference).toBeCloseTo(soFar - sameDays, 10); // −100, not +33.3
      expect(december.change!.significant).toBe(true);
    });

    it('matches the same days per breakdown group', async () => {
      const r = await query('2026-11-01', { breakdown: { by: 'channel' } });
      const december = (channel: string) =>
        r.groups.find((g) => g.key === channel)!.buckets.find((b) => b.bucket === '2026-12')!;
      // web: 6 promoters on 1 November → 5 promoters and 3 detractors (NPS 25): −75.
      expect(december('web').change!.difference).toBeCloseTo(25 - 100, 10);
      // email: 4 promoters on 2 November → 2 detractors (NPS −100): −200.
      expect(december('email').change!.difference).toBeCloseTo(-100 - 100, 10);
    });

    it('compares the week so far with the same weekdays of the week before', async () => {
      const r = await query('2026-11-23', { by: 'week' });
      const week = r.groups[0]!.buckets.find((b) => b.bucket === '2026-W49')!;
      expect(week.coverage).toEqual({ state: 'inProgress', days: 3, ofDays: 7 });
      // Monday 23 – Wednesday 25 November had no answers: nothing to compare with.
      expect(week.change).toBeNull();
      const before = r.groups[0]!.buckets.find((b) => b.bucket === '2026-W48')!;
      expect(before.coverage).toEqual({ state: 'complete', days: 7, ofDays: 7 });
    });

    it('gives today, still in progress, no change against yesterday', async () => {
      const r = await query('2026-12-01', { by: 'day' });
      const [yesterday, today] = r.groups[0]!.buckets;
      expect(yesterday!.coverage).toEqual({ state: 'complete', days: 1, ofDays: 1 });
      expect(today!.coverage).toEqual({ state: 'inProgress', days: 1, ofDays: 1 });
      expect(today!.n).toBe(2);
      expect(today!.change).toBeNull();
    });

    it('calls a bucket cut by the period partial, and a bucket after today future', async () => {
      const r = await query('2026-11-15', { to: '2027-01-10' });
      expect(r.groups[0]!.buckets.map((b) => [b.bucket, b.coverage])).toEqual([
        ['2026-11', { state: 'partial', days: 16, ofDays: 30 }],
        ['2026-12', { state: 'inProgress', days: 2, ofDays: 31 }],
        ['2027-01', { state: 'future', days: 0, ofDays: 31 }],
      ]);
      // 15–30 November against 15–30 October, when nobody answered: no change.
      expect(r.groups[0]!.buckets[0]!.change).toBeNull();
      expect(r.groups[0]!.total.coverage).toEqual({ state: 'inProgress', days: 18, ofDays: 57 });
    });

    it("says the same in one question's metric (GET …/metrics/question)", async () => {
      const res = await owner.browser.request({
        method: 'GET',
        url: `${base}/metrics/question?surveyId=${surveyId}&question=nps&by=month&from=2026-11-01&to=${TODAY}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const [november, december] = res.json<QuestionMetric>().buckets;
      expect(november!.coverage).toMatchObject({ state: 'complete' });
      expect(december!.coverage).toEqual({ state: 'inProgress', days: 2, ofDays: 31 });
      expect(december!.change).toMatchObject({ previous: '2026-11-01/2026-11-02' });
    });

    it('prints the month in progress as such in `polku metrics`', async () => {
      const workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      const result = await t.runtime.services.metrics.questionMetric(
        { workspace },
        { surveyId, questionKey: 'nps', by: 'month', from: '2026-11-01', to: TODAY },
      );
      const [, , november, december] = formatQuestionMetric(result).split('\n');
      expect(november).toMatch(/^2026-11 .*\]$/); // no notes: a whole month, n = 31
      expect(december).toMatch(/^2026-12 .*small sample, in progress \(2\/31 days\)$/);
    });
  });
}
