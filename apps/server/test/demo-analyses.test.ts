import type {
  EmotionResult,
  ExpectationGapResult,
  IncidentAnalysis,
  IpaResult,
  JourneyMetrics,
  KanoResult,
  KeyDriverResult,
  MetricResult,
  ResponseRateResult,
  Survey,
} from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN, ensureDemo, type DemoResult } from '../src/demo.js';
import { DEMO_JOURNEY_NAME } from '../src/demo/journey.js';
import { KANO_NAME, RELATIONSHIP_NAME, TOUCHPOINT_CSAT_NAME } from '../src/demo/studies.js';
import { Browser, startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

/** The day the demo is made on: its history ends here, whatever today is. */
const TODAY = '2026-03-28';

// Every analysis view of the app, asked over the API as the app asks it, for the demo
// workspace: each must have figures (not only an empty shape), and journey health must have
// CSAT at every stage. Both dialects: the analyses' SQL differs between them.
for (const dialect of testDialects()) {
  describe(`the demo fills every analysis view (${dialect.name})`, () => {
    let t: TestApp;
    let demo: DemoResult;
    let seedMs: number;
    const browser = () => new Browser(t.app);
    let b: Browser;
    let surveys: Survey[];
    const base = () => `/api/v1/workspaces/${demo.workspaceId}`;
    const post = async <T>(path: string, payload: object): Promise<T> => {
      const res = await b.request({ method: 'POST', url: `${base()}${path}`, payload });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    const surveyId = (name: string) => surveys.find((s) => s.name === name)!.id;

    beforeAll(async () => {
      t = await startTestApp(dialect, { POLKU_TODAY: TODAY });
      const t0 = performance.now();
      demo = await ensureDemo(t.runtime);
      seedMs = performance.now() - t0;
      console.info(`demo seeded on ${dialect.name} in ${Math.round(seedMs)} ms`);
      b = browser();
      await b.login(DEMO_LOGIN.email, DEMO_LOGIN.password);
      const res = await b.request({ method: 'GET', url: `${base()}/surveys` });
      surveys = res.json<{ items: Survey[] }>().items;
    }, 300_000);
    afterAll(() => t?.close());

    it('key drivers: NPS explained by the five ratings', async () => {
      const r = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: surveyId(RELATIONSHIP_NAME),
        outcome: 'nps',
        drivers: ['laatu', 'toimitus', 'palvelu', 'valikoima', 'hinta'],
      });
      expect(r.n).toBeGreaterThan(200);
      expect(r.rSquared).toBeGreaterThan(0.2);
      const share = Object.fromEntries(r.drivers.map((d) => [d.question, d.percentOfRSquared!]));
      // Quality and delivery carry the recommendation; the price matters least.
      expect(share.laatu).toBeGreaterThan(share.hinta!);
      expect(share.toimitus).toBeGreaterThan(share.valikoima!);
    });

    it('importance–performance: every rating has a quadrant', async () => {
      const r = await post<IpaResult>('/analyses/importance-performance', {
        surveyId: surveyId(RELATIONSHIP_NAME),
        attributes: ['laatu', 'toimitus', 'palvelu', 'valikoima', 'hinta'],
        importance: { kind: 'derived', outcome: 'nps' },
      });
      expect(r.attributes.every((a) => a.quadrant !== null && a.n > 200)).toBe(true);
      expect(new Set(r.attributes.map((a) => a.quadrant)).size).toBeGreaterThan(1);
    });

    it('expectation gaps: delivery time falls short, advice exceeds', async () => {
      const r = await post<ExpectationGapResult>('/analyses/expectation-gaps', {
        surveyId: surveyId(RELATIONSHIP_NAME),
      });
      const gap = Object.fromEntries(r.items.map((i) => [i.question, i.gap!]));
      expect(gap.odotus_toimitusaika).toBeLessThan(-0.5);
      expect(gap.odotus_neuvonta).toBeGreaterThan(0);
      expect(r.items.every((i) => i.n > 200)).toBe(true);
    });

    it('Kano: five features, each with a category', async () => {
      const r = await post<KanoResult>('/analyses/kano', { surveyId: surveyId(KANO_NAME) });
      expect(r.features).toHaveLength(5);
      expect(r.features.every((f) => f.n > 100 && f.category !== null)).toBe(true);
      expect(new Set(r.features.map((f) => f.category)).size).toBeGreaterThanOrEqual(3);
    });

    it('emotions: the feelings with shares', async () => {
      const r = await post<EmotionResult>('/analyses/emotions', {
        surveyId: surveyId(RELATIONSHIP_NAME),
        question: 'tunteet',
      });
      expect(r.n).toBeGreaterThan(200);
      expect(r.emotions.filter((e) => e.count > 0).length).toBeGreaterThanOrEqual(5);
    });

    it('response rate: four waves of invitations, about a third answered', async () => {
      const r = await post<ResponseRateResult>('/analyses/response-rate', { by: 'month' });
      const rows = r.rows.filter((x) => x.surveyId === surveyId(RELATIONSHIP_NAME));
      expect(rows.filter((x) => x.sent > 0).length).toBeGreaterThanOrEqual(4);
      const sent = rows.reduce((s, x) => s + x.sent, 0);
      const responded = rows.reduce((s, x) => s + x.responded, 0);
      expect(sent).toBe(1280);
      expect(responded / sent).toBeGreaterThan(0.2);
      expect(responded / sent).toBeLessThan(0.4);
    });

    it('critical incidents: partly coded, counted by stage', async () => {
      const r = await post<IncidentAnalysis>('/analyses/incidents', {
        surveyId: surveyId(RELATIONSHIP_NAME),
        question: 'tapaus',
      });
      expect(r.n).toBeGreaterThan(100);
      expect(r.uncoded).toBeGreaterThan(0);
      expect(r.uncoded).toBeLessThan(r.n);
      const cats = await b.request({
        method: 'GET',
        url: `${base()}/analyses/incidents/categories`,
      });
      const items = cats.json<{ items: { codedCount: number }[] }>().items;
      expect(items.length).toBe(5);
      expect(items.every((c) => c.codedCount > 0)).toBe(true);
    });

    it('journey health: CSAT at every stage of the journey', async () => {
      const journeys = await b.request({ method: 'GET', url: `${base()}/journeys` });
      const journey = journeys
        .json<{ items: { id: string; name: string }[] }>()
        .items.find((j) => j.name === DEMO_JOURNEY_NAME)!;
      const r = await post<JourneyMetrics>(`/journeys/${journey.id}/metrics`, {
        metric: { kind: 'csat' },
        from: '2025-03-29',
        to: TODAY,
      });
      expect(r.stages).toHaveLength(8);
      for (const stage of r.stages) {
        expect(stage.n, stage.stageId).toBeGreaterThan(30);
        expect(stage.score).not.toBeNull();
      }
    });

    it('has a few test responses, listed but in no figure', async () => {
      const id = surveyId(TOUCHPOINT_CSAT_NAME);
      const listed = await b.request({
        method: 'GET',
        url: `${base()}/responses?surveyId=${id}&limit=200`,
      });
      const tests = listed.json<{ items: { test: boolean }[] }>().items.filter((r) => r.test);
      expect(tests).toHaveLength(3);
      const complete = surveys.find((s) => s.id === id)!.responseCount;
      const metric = await post<MetricResult>('/metrics/query', {
        metric: { kind: 'csat', surveyId: id, question: 'csat' },
        by: 'all',
      });
      expect(metric.groups[0]!.total.n).toBe(complete - 3);
    });

    it('a second run adds nothing', async () => {
      const again = await ensureDemo(t.runtime);
      expect(again).toMatchObject({ created: false, surveysCreated: 0, responsesCreated: 0 });
    }, 300_000);
  });
}
