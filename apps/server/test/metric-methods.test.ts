import type {
  ErrorBody,
  FieldIssue,
  KanoResult,
  MetricQuery,
  MetricResult,
  QuestionMetric,
  SubmitResponseBody,
  Survey,
  SurveyDefinitionInput,
  Target,
  TargetEvaluation,
} from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

/**
 * The methods docs/metrics.md promises beside the defaults, through the API: the Wald NPS
 * interval, the modified (Pouliot) Kano evaluation table, and weights for the three-item CSI.
 * Each is chosen per request, named in the result, and refused with a clear 400 where it does
 * not apply.
 */

const fi = (text: string) => ({ fi: text });
const rating10 = (key: string) => ({ key, type: 'rating' as const, points: 10, text: fi(key) });

const definition: SurveyDefinitionInput = {
  languages: ['fi'],
  defaultLanguage: 'fi',
  title: fi('Menetelmät'),
  questions: [
    { key: 'nps', type: 'nps', text: fi('Suosittelisitko?') },
    rating10('overall'),
    rating10('expectations'),
    rating10('ideal'),
    { key: 'delivery', type: 'kano', feature: fi('Kotiinkuljetus'), text: fi('Kuljetus') },
    { key: 'speed', type: 'csat', text: fi('Nopeus') },
  ],
  thankYou: { message: fi('Kiitos') },
};

/** Noon UTC of a day: the same local day in Helsinki. */
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
const DAY = '2025-03-12';

const kano = (functional: string, dysfunctional: string) => ({ functional, dysfunctional });

for (const dialect of testDialects()) {
  describe(`metric methods chosen per request (${dialect.name})`, () => {
    let t: TestApp;
    let owner: Account;
    let base: string;
    let survey: Survey;

    const post = (path: string, payload?: object) =>
      owner.browser.request({ method: 'POST', url: `${base}${path}`, payload });
    const issuesOf = (res: { json<T>(): T }) => res.json<ErrorBody>().error.details as FieldIssue[];

    async function query(body: MetricQuery): Promise<MetricResult> {
      const res = await post('/metrics/query', body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<MetricResult>();
    }

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      survey = (await post('/surveys', { name: 'Methods' })).json<Survey>();
      const patched = await owner.browser.request({
        method: 'PATCH',
        url: `${base}/surveys/${survey.id}`,
        payload: { draft: definition },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect((await post(`/surveys/${survey.id}/publish`, undefined)).statusCode).toBe(200);

      // MeasuringU's published example: 291 promoters, 476 passives, 395 detractors.
      const responses: SubmitResponseBody[] = [
        ...Array.from({ length: 291 }, () => ({ nps: 10 })),
        ...Array.from({ length: 476 }, () => ({ nps: 7 })),
        ...Array.from({ length: 395 }, () => ({ nps: 0 })),
      ].map((answers) => ({ surveyId: survey.id, submittedAt: at(DAY), answers }));
      // CSI items: overall 9, 7 (mean 8); expectations 8, 6, 7 (mean 7); ideal 5, 7 (mean 6).
      const csi = [
        { overall: 9, expectations: 8, ideal: 5 },
        { overall: 7, expectations: 6, ideal: 7 },
        { expectations: 7 },
      ];
      // Kano pairs that the two tables classify differently, and some they agree on.
      const pairs = [
        ...Array.from({ length: 3 }, () => kano('must_be', 'must_be')),
        ...Array.from({ length: 2 }, () => kano('live_with', 'live_with')),
        kano('neutral', 'neutral'),
        ...Array.from({ length: 2 }, () => kano('like', 'dislike')),
      ];
      csi.forEach((answers, i) => Object.assign(responses[i]!.answers, answers));
      pairs.forEach((pair, i) => Object.assign(responses[i]!.answers, { delivery: pair }));
      Object.assign(responses[0]!.answers, { speed: 4 });
      for (let i = 0; i < responses.length; i += 1000) {
        const res = await post('/responses/batch', { responses: responses.slice(i, i + 1000) });
        expect(res.statusCode, res.body).toBe(201);
      }
    });
    afterAll(() => t.close());

    describe('NPS interval', () => {
      it('gives the Wald interval when asked: 291/476/395 → −8.95 ± 4.388, as published', async () => {
        const r = await query({ metric: { kind: 'nps', surveyId: survey.id, question: 'nps', interval: 'wald' }, by: 'all' }); // prettier-ignore
        const total = r.groups[0]!.total;
        expect(r.metric.interval).toBe('wald');
        expect(total).toMatchObject({ n: 1162, method: 'wald' });
        expect(total.score).toBeCloseTo(-8.95, 2);
        expect((total.ci95![1] - total.ci95![0]) / 2).toBeCloseTo(4.388, 3);
        expect((total.ci95![0] + total.ci95![1]) / 2).toBeCloseTo(total.score!, 8);
        // Every bucket of a chart uses the method asked for, not only the total.
        const byMonth = await query({ metric: { kind: 'nps', interval: 'wald' }, by: 'month', from: '2025-02-01', to: '2025-03-31' }); // prettier-ignore
        expect(byMonth.groups[0]!.buckets.map((b) => [b.bucket, b.method])).toEqual([
          ['2025-02', 'wald'],
          ['2025-03', 'wald'],
        ]);
      });

      it('names adjusted-Wald, the default, when no interval is asked for', async () => {
        const r = await query({ metric: { kind: 'nps' }, by: 'all' });
        expect(r.metric.interval).toBe('adjusted-wald');
        const total = r.groups[0]!.total;
        expect(total.method).toBe('adjusted-wald');
        // Centred on the adjusted NPS (291.75 − 395.75)/1165, not on −8.95.
        expect((total.ci95![0] + total.ci95![1]) / 2).toBeCloseTo((100 * -104) / 1165, 8);
      });

      it('takes the interval on the question metric too', async () => {
        const res = await owner.browser.request({
          method: 'GET',
          url: `${base}/metrics/question?surveyId=${survey.id}&question=nps&interval=wald`,
        });
        expect(res.statusCode, res.body).toBe(200);
        const [bucket] = res.json<QuestionMetric>().buckets;
        expect(bucket!.method).toBe('wald');
        expect((bucket!.ci95![1] - bucket!.ci95![0]) / 2).toBeCloseTo(4.388, 3);
      });

      it('refuses an interval method where the metric has only one', async () => {
        const res = await post('/metrics/query', { metric: { kind: 'csat', interval: 'wald' } });
        expect(res.statusCode).toBe(400);
        expect(issuesOf(res)).toEqual([
          {
            path: 'body.metric.interval',
            message: 'only nps and enps take an interval method; csat has one method',
          },
        ]);
        const unknown = await post('/metrics/query', { metric: { kind: 'nps', interval: 'exact' } }); // prettier-ignore
        expect(unknown.statusCode).toBe(400);
        expect(issuesOf(unknown)[0]!.path).toBe('body.metric.interval');
        const onCsat = await owner.browser.request({
          method: 'GET',
          url: `${base}/metrics/question?surveyId=${survey.id}&question=speed&interval=wald`,
        });
        expect(onCsat.statusCode).toBe(400);
        expect(issuesOf(onCsat)).toEqual([
          {
            path: 'querystring.interval',
            message:
              'The question "speed" is a csat question; only NPS questions take an interval method.',
          },
        ]);
      });

      it('keeps a target on its interval method, and judges its period by it', async () => {
        // Wald's upper end is −4.562, adjusted-Wald's −4.546: a target of −4.555 lies between,
        // so only under Wald does the whole interval lie below it (a clear miss).
        const evaluate = async (interval?: 'wald') => {
          const created = await post('/targets', {
            name: `NPS (${interval ?? 'default'})`,
            metric: {
              kind: 'nps',
              surveyId: survey.id,
              question: 'nps',
              ...(interval && { interval }),
            },
            scope: { kind: 'survey', id: survey.id },
            period: { kind: 'fixed', from: '2025-03-01', to: '2025-03-31' },
            target: -4.555,
            goal: 'Fewer detractors',
            ownerUserId: owner.userId,
          });
          expect(created.statusCode, created.body).toBe(201);
          const target = created.json<Target>();
          const res = await owner.browser.request({
            method: 'GET',
            url: `${base}/targets/${target.id}/evaluation`,
          });
          return { target, evaluation: res.json<TargetEvaluation>() };
        };
        const wald = await evaluate('wald');
        expect(wald.target.metric.interval).toBe('wald');
        expect(wald.evaluation).toMatchObject({ n: 1162, status: 'missed', clearMiss: true });
        expect(wald.evaluation.ci95![1]).toBeCloseTo(-4.5624, 4);
        const adjusted = await evaluate();
        expect(adjusted.evaluation).toMatchObject({ status: 'missed', clearMiss: false });
        expect(adjusted.evaluation.ci95![1]).toBeCloseTo(-4.5457, 4);
      });
    });

    describe('CSI weights', () => {
      const csi = (weights?: unknown) => ({
        metric: {
          kind: 'csi',
          surveyId: survey.id,
          questions: ['overall', 'expectations', 'ideal'],
          ...(weights !== undefined && { weights }),
        },
        by: 'all',
      });

      it('weighs the items ACSI-style (.3885/.3190/.2925) against a hand-computed figure', async () => {
        const r = await query(csi([0.3885, 0.319, 0.2925]) as MetricQuery);
        expect(r.metric.weights).toEqual([0.3885, 0.319, 0.2925]);
        const total = r.groups[0]!.total;
        // (7·.3885 + 6·.3190 + 5·.2925)/9·100 = (2.7195 + 1.914 + 1.4625)/9·100.
        expect(total.score).toBeCloseTo(67.7333333, 6);
        expect(total).toMatchObject({ n: 2, method: 'conservative-wald' });
        // Bound .3885·√2/√2 + .3190·1/√3 + .2925·√2/√2 = 0.8651747 scale points, ·100/9.
        expect(total.ci95![1] - total.score!).toBeCloseTo((1.959964 * 0.8651747 * 100) / 9, 4);
      });

      it('names the equal weights it uses when none are given', async () => {
        const r = await query(csi() as MetricQuery);
        expect(r.metric.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
        // Means 8, 7, 6: (7 + 6 + 5)/27·100.
        expect(r.groups[0]!.total.score).toBeCloseTo((18 / 27) * 100, 10);
      });

      it('refuses weights that are not three positive numbers summing to 1, and changes nothing', async () => {
        const cases: [unknown, string, string][] = [
          [[0.5, 0.5, 0.5], 'body.metric.weights', 'the three weights must sum to 1; these sum to 1.5'],
          [[0.33, 0.33, 0.33], 'body.metric.weights', 'the three weights must sum to 1; these sum to 0.99'],
          [[0.6, 0.4, 0], 'body.metric.weights.2', 'each weight must be a positive number'],
          [[1.2, -0.1, -0.1], 'body.metric.weights.1', 'each weight must be a positive number'],
        ]; // prettier-ignore
        for (const [weights, path, message] of cases) {
          const res = await post('/metrics/query', csi(weights));
          expect(res.statusCode, JSON.stringify(weights)).toBe(400);
          expect(issuesOf(res)).toContainEqual({ path, message });
        }
        const two = await post('/metrics/query', csi([0.5, 0.5]));
        expect(two.statusCode).toBe(400);
        expect(issuesOf(two)[0]!.path).toBe('body.metric.weights');
        const onNps = await post('/metrics/query', { metric: { kind: 'nps', weights: [0.5, 0.25, 0.25] } }); // prettier-ignore
        expect(issuesOf(onNps)).toEqual([
          { path: 'body.metric.weights', message: 'only csi takes weights' },
        ]);
      });
    });

    describe('Kano evaluation table', () => {
      it('classifies by the standard table by default and names it', async () => {
        const res = await post('/analyses/kano', { surveyId: survey.id });
        expect(res.statusCode, res.body).toBe(200);
        const r = res.json<KanoResult>();
        expect(r.table).toBe('standard');
        // must-be/must-be ×3, live-with/live-with ×2 and neutral/neutral are I; like/dislike ×2 O.
        expect(r.features[0]).toMatchObject({
          n: 8,
          counts: { A: 0, O: 2, M: 0, I: 6, R: 0, Q: 0 },
          category: 'I',
        });
        expect(r.features[0]!.better).toBeCloseTo(2 / 8, 12);
      });

      it('classifies by the modified (Pouliot) table when asked: identical must-be and live-with pairs are Q', async () => {
        const res = await post('/analyses/kano', { surveyId: survey.id, table: 'modified' });
        expect(res.statusCode, res.body).toBe(200);
        const r = res.json<KanoResult>();
        expect(r.table).toBe('modified');
        expect(r.features[0]).toMatchObject({
          n: 8,
          counts: { A: 0, O: 2, M: 0, I: 1, R: 0, Q: 5 },
          category: 'Q',
        });
        // Q is left out of Better and Worse: A + O + M + I = 3.
        expect(r.features[0]!.better).toBeCloseTo(2 / 3, 12);
        expect(r.features[0]!.worse).toBeCloseTo(-2 / 3, 12);
      });

      it('refuses a table it does not have, naming the choices', async () => {
        const res = await post('/analyses/kano', { surveyId: survey.id, table: 'pouliot' });
        expect(res.statusCode).toBe(400);
        const [issue] = issuesOf(res);
        expect(issue!.path).toBe('body.table');
        expect(issue!.message).toContain('"standard"');
        expect(issue!.message).toContain('"modified"');
      });
    });
  });
}
