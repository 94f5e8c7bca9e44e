import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Survey } from '@polku/contracts';
import {
  MetricService,
  type CountQuery,
  type IntakeInput,
  type WorkspaceRecord,
} from '@polku/core';
import { createMetricsRepository } from '@polku/db';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { metricsCommand } from '../src/metrics/metrics-command.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects, type TestDatabase, type TestDialect } from './support/databases.js';

/** The dialect, with SQLite in a file so the command line can open the same database. */
function shared(dialect: TestDialect): { dialect: TestDialect; database: () => TestDatabase } {
  let database: TestDatabase | undefined;
  return {
    dialect: {
      name: dialect.name,
      async create() {
        if (dialect.name === 'sqlite') {
          const dir = mkdtempSync(join(tmpdir(), 'polku-metrics-'));
          database = {
            config: { dialect: 'sqlite', file: join(dir, 'polku.db') },
            drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
          };
        } else database = await dialect.create();
        return database;
      },
    },
    database: () => database!,
  };
}

/** Noon UTC of a day: the same local day in Helsinki. */
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);

for (const base of testDialects()) {
  describe(`question metrics from histograms on ${base.name}`, () => {
    const { dialect, database } = shared(base);
    let t: TestApp;
    let owner: Account;
    let workspace: WorkspaceRecord;
    let survey: Survey;
    let metrics: MetricService;

    beforeAll(async () => {
      // A fixed today, after the answers: every month of them has ended.
      t = await startTestApp(dialect, { POLKU_TODAY: '2026-06-15' });
      owner = await createAccount(t);
      const url = `/api/v1/workspaces/${owner.workspaceId}/surveys`;
      survey = (
        await owner.browser.request({
          method: 'POST',
          url,
          payload: { name: 'Suositus', template: 'nps' },
        })
      ).json<Survey>();
      // The NPS question may be skipped, so a skipped answer can be checked.
      const draft = structuredClone(survey.draft);
      draft.questions[0]!.required = false;
      await owner.browser.request({
        method: 'PATCH',
        url: `${url}/${survey.id}`,
        payload: { draft },
      });
      expect(
        (await owner.browser.request({ method: 'POST', url: `${url}/${survey.id}/publish` }))
          .statusCode,
      ).toBe(200);
      workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;

      const answer = (day: string, nps: number | undefined, partial = false): IntakeInput => ({
        surveyId: survey.id,
        submittedAt: at(day),
        partial,
        source: 'api',
        answers: { ...(nps !== undefined && { nps }), reason: 'koska' },
      });
      await t.runtime.services.responses.submitBatch({ workspace }, [
        // January: 10, 7, 3, 9 → NPS 25 (plus a skip and a partial, which count nowhere).
        answer('2026-01-01', 10),
        answer('2026-01-05', 7),
        answer('2026-01-11', 3),
        answer('2026-01-12', 9),
        answer('2026-01-20', undefined),
        answer('2026-01-21', 0, true),
        // February: 10, 10, 6 → NPS 33.3.
        answer('2026-02-02', 10),
        answer('2026-02-14', 10),
        answer('2026-02-28', 6),
        // April, outside the --to used below.
        answer('2026-04-01', 8),
      ]);
      metrics = new MetricService({
        surveys: t.runtime.store.surveys,
        metrics: createMetricsRepository(t.runtime.database.db),
        clock: t.runtime.clock,
      });
    });
    afterAll(() => t.close());

    it('counts answers per month and value in SQL, without skipped or partial answers', async () => {
      const repo = createMetricsRepository(t.runtime.database.db);
      const nps = [{ surveyId: survey.id, questionKey: 'nps', item: '' }];
      const histogram = async (
        workspaceId: string,
        q: Omit<CountQuery, 'questions' | 'filters'>,
        filters: CountQuery['filters'] = {},
      ) => {
        const { rows } = await repo.counts(workspaceId, { questions: nps, filters, ...q });
        return rows
          .map(({ bucket, value, count }) => ({ bucket, value, count }))
          .sort((a, b) => a.bucket.localeCompare(b.bucket) || a.value - b.value);
      };
      const rows = await histogram(workspace.id, { bucket: 'month' });
      expect(rows).toEqual([
        { bucket: '2026-01', value: 3, count: 1 },
        { bucket: '2026-01', value: 7, count: 1 },
        { bucket: '2026-01', value: 9, count: 1 },
        { bucket: '2026-01', value: 10, count: 1 },
        { bucket: '2026-02', value: 6, count: 1 },
        { bucket: '2026-02', value: 10, count: 2 },
        { bucket: '2026-04', value: 8, count: 1 },
      ]);
      const n = rows.reduce((s, r) => s + r.count, 0);
      expect(n).toBe(8); // 10 responses: one skipped the question, one is partial
      // The answer table (an attribute filter forces it) counts exactly what the rollup counts.
      const viaAnswers = await repo.counts(workspace.id, {
        questions: nps,
        bucket: 'month',
        filters: {},
        breakdown: { by: 'attribute', key: 'tier' },
      });
      expect(viaAnswers.source).toBe('answers');
      expect(
        viaAnswers.rows
          .map(({ bucket, value, count }) => ({ bucket, value, count }))
          .sort((a, b) => a.bucket.localeCompare(b.bucket) || a.value - b.value),
      ).toEqual(rows);
      const quarters = await histogram(workspace.id, { bucket: 'quarter', to: '2026-12-31' });
      expect([...new Set(quarters.map((r) => r.bucket))]).toEqual(['2026-Q1', '2026-Q2']);
      const years = await histogram(workspace.id, {
        bucket: 'year',
        from: '2026-02-01',
        to: '2026-02-28',
      });
      expect(years).toEqual([
        { bucket: '2026', value: 6, count: 1 },
        { bucket: '2026', value: 10, count: 2 },
      ]);
      expect(await histogram('another-workspace', { bucket: 'all' })).toEqual([]);
    });

    it('gives NPS per month and overall, with counts, interval and method', async () => {
      const byMonth = await metrics.questionMetric(
        { workspace },
        { surveyId: survey.id, questionKey: 'nps', by: 'month', to: '2026-03-31' },
      );
      expect(byMonth.buckets.map((b) => [b.bucket, b.n, b.counts, b.score])).toEqual([
        ['2026-01', 4, { promoters: 2, passives: 1, detractors: 1 }, 25],
        ['2026-02', 3, { promoters: 2, passives: 0, detractors: 1 }, expect.closeTo(33.33, 2)],
      ]);
      expect(byMonth.buckets[0]).toMatchObject({ method: 'adjusted-wald', smallSample: true });
      const [low, high] = byMonth.buckets[0]!.ci95!;
      expect(low).toBeLessThan(25);
      expect(high).toBeGreaterThan(25);

      const all = await metrics.questionMetric(
        { workspace },
        { surveyId: survey.id, questionKey: 'nps', to: '2026-03-31' },
      );
      expect(all.buckets).toHaveLength(1);
      expect(all.buckets[0]).toMatchObject({
        bucket: 'all',
        n: 7,
        counts: { promoters: 4, passives: 1, detractors: 2 },
      });
      expect(all.buckets[0]!.score).toBeCloseTo((100 * 2) / 7, 6);

      const byWeek = await metrics.questionMetric(
        { workspace },
        { surveyId: survey.id, questionKey: 'nps', by: 'week', to: '2026-01-31' },
      );
      expect(byWeek.buckets.map((b) => [b.bucket, b.n])).toEqual([
        ['2026-W01', 1],
        ['2026-W02', 2],
        ['2026-W03', 1],
      ]);

      const empty = await metrics.questionMetric(
        { workspace },
        { surveyId: survey.id, questionKey: 'nps', from: '2025-01-01', to: '2025-12-31' },
      );
      expect(empty.buckets).toEqual([
        expect.objectContaining({ bucket: 'all', n: 0, score: null, ci95: null }),
      ]);
    });

    it('refuses an unknown survey or question, and a question without a number', async () => {
      await expect(
        metrics.questionMetric({ workspace }, { surveyId: 'nope', questionKey: 'nps' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        metrics.questionMetric({ workspace }, { surveyId: survey.id, questionKey: 'nope' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        metrics.questionMetric({ workspace }, { surveyId: survey.id, questionKey: 'reason' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(
        metrics.questionMetric({ workspace }, { surveyId: survey.id, questionKey: 'reason' }),
      ).rejects.toThrow(/text question, which has no numeric metric/);
    });

    it('answers over the API', async () => {
      const url = `/api/v1/workspaces/${owner.workspaceId}/metrics/question`;
      const res = await owner.browser.request({
        method: 'GET',
        url: `${url}?surveyId=${survey.id}&question=nps&by=month&from=2026-01-01&to=2026-01-31`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        questionType: 'nps',
        buckets: [{ bucket: '2026-01', n: 4, score: 25 }],
      });
      const bad = await owner.browser.request({
        method: 'GET',
        url: `${url}?surveyId=${survey.id}&question=nps&from=2026-13-01`,
      });
      expect(bad.statusCode).toBe(400);
    });

    describe('polku metrics', () => {
      let out: string[];
      afterEach(() => vi.restoreAllMocks());
      const run = async (args: string[]) => {
        out = [];
        vi.spyOn(console, 'log').mockImplementation(
          (...a: unknown[]) => void out.push(a.join(' ')),
        );
        const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), database: database().config };
        await metricsCommand(config, [
          '--workspace',
          owner.workspaceId,
          '--survey',
          survey.id,
          '--question',
          'nps',
          ...args,
        ]);
        return out.join('\n');
      };

      it('prints one JSON object per bucket with n, counts, nps, ci95 and method', async () => {
        const json = JSON.parse(
          await run(['--by', 'month', '--from', '2026-01-01', '--to', '2026-02-28', '--json']),
        ) as Record<string, unknown>[];
        expect(json).toHaveLength(2);
        expect(json[0]).toMatchObject({
          bucket: '2026-01',
          n: 4,
          promoters: 2,
          passives: 1,
          detractors: 1,
          nps: 25,
          method: 'adjusted-wald',
          smallSample: true,
        });
        expect(json[0]!.ci95).toEqual([expect.any(Number), expect.any(Number)]);
        const all = JSON.parse(await run(['--to', '2026-01-31', '--json'])) as object;
        expect(Object.keys(all)).toEqual(
          expect.arrayContaining([
            'n',
            'promoters',
            'passives',
            'detractors',
            'nps',
            'ci95',
            'method',
          ]),
        );
        expect(all).toMatchObject({ n: 4, nps: 25 });
      });

      it('prints a readable table', async () => {
        const text = await run(['--by', 'quarter']);
        expect(text).toMatch(/bucket\s+n\s+promoters\s+passives\s+detractors\s+nps\s+ci95/);
        expect(text).toMatch(/2026-Q1\s+7\s+4\s+1\s+2\s+28\.6\s+\[/);
        expect(text).toMatch(/2026-Q2\s+1\s+0\s+1\s+0\s+0\.0/);
        expect(text).toMatch(/adjusted-Wald/);
      });

      it('gives and names the Wald interval with --interval wald, and refuses an unknown method', async () => {
        // January: 2 promoters, 1 passive, 1 detractor: NPS 25, σ² = 3/4 − 1/16, SE = 100·√(σ²/4).
        const json = JSON.parse(
          await run(['--to', '2026-01-31', '--interval', 'wald', '--json']),
        ) as { nps: number; ci95: [number, number]; method: string };
        expect(json.method).toBe('wald');
        const half = 1.959964 * 100 * Math.sqrt((0.75 - 0.0625) / 4);
        expect(json.ci95[0]).toBeCloseTo(25 - half, 4);
        expect(json.ci95[1]).toBeCloseTo(Math.min(100, 25 + half), 4);
        expect(await run(['--to', '2026-01-31', '--interval', 'wald'])).toMatch(
          /95% intervals: Wald\./,
        );
        await expect(run(['--interval', 'exact'])).rejects.toThrow(
          '--interval must be one of adjusted-wald, wald',
        );
      });
    });
  });
}
