import type {
  ErrorBody,
  FieldIssue,
  IpaResult,
  KeyDriverResult,
  MetricResult,
  ResponseImportResult,
  Survey,
  SurveyDefinitionInput,
} from '@polku/contracts';
import type { IntakeInput, WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The published data set the core LMG test uses (R's swiss), exported for tests like this one.
import { SWISS, SWISS_PREDICTORS } from '@polku/core/fixtures/swiss';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const fi = (text: string) => ({ fi: text });

/** Numeric questions of every shape, and rating scales that start at 0. */
const definition: SurveyDefinitionInput = {
  languages: ['fi'],
  defaultLanguage: 'fi',
  title: fi('Tilaus'),
  questions: [
    {
      key: 'spend',
      type: 'numeric',
      text: fi('Tilauksen arvo'),
      unit: fi('€'),
      min: 0,
      max: 10_000_000,
      decimals: 2,
    },
    { key: 'minutes', type: 'numeric', text: fi('Myöhässä (min)'), min: -30, max: 240 },
    { key: 'precise', type: 'numeric', text: fi('Mikä tahansa luku'), decimals: 4 },
    { key: 'likely', type: 'rating', points: 11, scaleStart: 0, text: fi('0–10') },
    { key: 'stars', type: 'rating', points: 5, scaleStart: 0, text: fi('0–4') },
    { key: 'ease', type: 'rating', points: 5, text: fi('1–5') },
  ],
  thankYou: { message: fi('Kiitos') },
};

/** The swiss data (R datasets, relaimpo's example) as six numeric questions with decimals. */
const swissKeys = ['fertility', 'agriculture', 'examination', 'education', 'catholic', 'infant'];
const swissDefinition: SurveyDefinitionInput = {
  languages: ['fi'],
  defaultLanguage: 'fi',
  title: fi('Sveitsi 1888'),
  questions: swissKeys.map((key) => ({
    key,
    type: 'numeric' as const,
    text: fi(key),
    min: 0,
    max: 100,
    decimals: 2,
  })),
  thankYou: { message: fi('Kiitos') },
};

/** Noon in Helsinki on a day of January 2026. */
const noon = (day: number) => Date.UTC(2026, 0, day, 10);

for (const dialect of testDialects()) {
  describe(`numeric questions and rating scales from 0 on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let ctx: WorkspaceContext;
    let survey: Survey;
    let base: string;

    const request = (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
      owner.browser.request({ method, url: `${base}${path}`, ...(payload && { payload }) });
    const errorOf = (res: { json<T>(): T }) => res.json<ErrorBody>().error;
    const pathsOf = (res: { json<T>(): T }) =>
      (errorOf(res).details as FieldIssue[]).map((d) => [d.path, d.message]);
    async function create(name: string, draft: SurveyDefinitionInput): Promise<Survey> {
      const s = (await request('POST', '/surveys', { name })).json<Survey>();
      const patched = await request('PATCH', `/surveys/${s.id}`, { draft });
      expect(patched.statusCode, patched.body).toBe(200);
      const published = await request('POST', `/surveys/${s.id}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      return patched.json<Survey>();
    }
    const submit = (answers: Record<string, unknown>, day = 10, extra: object = {}) =>
      request('POST', '/responses', {
        surveyId: survey.id,
        submittedAt: noon(day),
        answers,
        ...extra,
      });
    const metric = async (body: object) => {
      const res = await request('POST', '/metrics/query', body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<MetricResult>();
    };
    const stored = async () =>
      (await t.runtime.services.responses.list(ctx, { surveyId: survey.id, limit: 200 })).items;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      const workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      ctx = { workspace, actor: { kind: 'user', userId: owner.userId, role: 'owner' }, ip: null };
      survey = await create('Tilaukset', definition);
    });
    afterAll(() => t.close());

    it('keeps the question as defined: unit, range, decimals and a scale that starts at 0', async () => {
      const res = await request('GET', `/surveys/${survey.id}`);
      const questions = res.json<Survey>().draft.questions;
      expect(questions[0]).toMatchObject({
        unit: { fi: '€' },
        min: 0,
        max: 10_000_000,
        decimals: 2,
      });
      expect(questions[1]).toMatchObject({ min: -30, max: 240, decimals: 0 });
      expect(questions[3]).toMatchObject({ points: 11, scaleStart: 0 });
    });

    it('refuses a numeric question whose range or decimals make no sense, naming the field, and keeps the draft', async () => {
      const bad = (question: object) =>
        request('PATCH', `/surveys/${survey.id}`, {
          draft: { ...definition, questions: [{ key: 'q', text: fi('Q'), ...question }] },
        });
      const cases: [object, string, string][] = [
        [
          { type: 'numeric', min: 5, max: 5 },
          'body.draft.questions.0.max',
          'must be greater than min',
        ],
        [
          { type: 'numeric', min: 0, max: 9.99 },
          'body.draft.questions.0.max',
          'has more decimals than the question allows (0)',
        ],
        [
          { type: 'numeric', decimals: 6 },
          'body.draft.questions.0.decimals',
          'Too big: expected number to be <=4',
        ],
        [
          { type: 'numeric', color: 'red' },
          'body.draft.questions.0.color',
          'unknown field "color": this request does not take it',
        ],
        [
          { type: 'rating', points: 5, scaleStart: -1 },
          'body.draft.questions.0.scaleStart',
          'Invalid input',
        ],
      ];
      for (const [question, path, message] of cases) {
        const res = await bad(question);
        expect(res.statusCode, JSON.stringify(question)).toBe(400);
        expect(errorOf(res).code).toBe('VALIDATION_FAILED');
        expect(pathsOf(res)).toContainEqual([path, message]);
      }
      const after = (await request('GET', `/surveys/${survey.id}`)).json<Survey>();
      expect(after.draft.questions.map((q) => q.key)).toEqual(
        definition.questions.map((q) => q.key),
      );
      expect(after.hasUnpublishedChanges).toBe(false);
    });

    it('stores decimals exactly as given and reads them back, in the answers and in the rollup', async () => {
      // Two prices a cent apart above a million: a 4-byte float would make them one value.
      for (const [spend, precise] of [
        [1_234_567.88, 0.1],
        [1_234_567.89, -123_456_789.1234],
        [0.01, 0.0001],
      ] as const) {
        const res = await submit({ spend, precise, minutes: -5, likely: 0 }, 3);
        expect(res.statusCode, res.body).toBe(201);
      }
      const answers = (await stored()).map((r) => r.answers);
      expect(answers.map((a) => a.spend).sort()).toEqual([0.01, 1_234_567.88, 1_234_567.89]);
      expect(answers.map((a) => a.precise).sort()).toEqual([-123_456_789.1234, 0.0001, 0.1]);
      expect(answers.map((a) => JSON.stringify(a.precise))).toContain('-123456789.1234');
      const cells = await t.runtime.database.db
        .selectFrom('answerDayCounts')
        .select(['valueNum', 'count'])
        .where('workspaceId', '=', owner.workspaceId)
        .where('questionKey', '=', 'spend')
        .where('grain', '=', 0)
        .orderBy('valueNum')
        .execute();
      expect(cells.map((c) => [c.valueNum, Number(c.count)])).toEqual([
        [0.01, 1],
        [1_234_567.88, 1],
        [1_234_567.89, 1],
      ]);
      const day = await metric({
        metric: { kind: 'numeric', surveyId: survey.id, question: 'spend' },
        by: 'all',
        from: '2026-01-03',
        to: '2026-01-03',
      });
      expect(day.groups[0]!.total.mean).toBe((0.01 + 1_234_567.88 + 1_234_567.89) / 3);
    });

    it('refuses an answer off the range, with too many decimals or as text, and stores nothing of it', async () => {
      const before = (await stored()).length;
      const cases: [Record<string, unknown>, string, string][] = [
        [{ spend: 12.345 }, 'answers.spend', 'at most 2 decimals, got 12.345'],
        [{ spend: -0.01 }, 'answers.spend', 'must be from 0 to 10000000, got -0.01'],
        [{ minutes: 241 }, 'answers.minutes', 'must be from -30 to 240, got 241'],
        [{ minutes: 2.5 }, 'answers.minutes', 'must be a whole number, got 2.5'],
        [
          { spend: '12,50' },
          'answers.spend',
          'must be a number from 0 to 10000000 with at most 2 decimals',
        ],
        [
          { precise: 1e10 },
          'answers.precise',
          'must be from -1000000000 to 1000000000, got 10000000000',
        ],
        [{ likely: 11 }, 'answers.likely', 'must be from 0 to 10, got 11'],
        [{ stars: 5 }, 'answers.stars', 'must be from 0 to 4, got 5'],
      ];
      for (const [answers, path, message] of cases) {
        const res = await submit(answers);
        expect(res.statusCode, JSON.stringify(answers)).toBe(400);
        expect(pathsOf(res), JSON.stringify(answers)).toContainEqual([`body.${path}`, message]);
      }
      expect((await stored()).length).toBe(before);
    });

    it('gives the mean of a numeric question with its t interval, from the rollup and from the answers alike', async () => {
      // 12.5, 14, 9.75, 20, 11.25: mean 13.5; squared deviations 1, 0.25, 14.0625, 42.25,
      // 5.0625 sum to 62.625, so s² = 15.65625; t(0.975, 4) = 2.776445105 (any t table).
      const values = [12.5, 14, 9.75, 20, 11.25];
      for (const [i, spend] of values.entries()) {
        const res = await submit({ spend }, 20, { attributes: { tier: i % 2 ? 'gold' : 'basic' } });
        expect(res.statusCode, res.body).toBe(201);
      }
      // A partial response counts nowhere.
      await submit({ spend: 1000 }, 20, { partial: true });
      const query = {
        metric: { kind: 'numeric', surveyId: survey.id, question: 'spend' },
        by: 'all',
        from: '2026-01-20',
        to: '2026-01-20',
      };
      const result = await metric(query);
      expect(result).toMatchObject({
        scoreName: 'mean',
        scale: { min: 0, max: 10_000_000 },
        source: 'rollup',
      });
      const total = result.groups[0]!.total;
      const half = 2.776445105197799 * Math.sqrt(15.65625 / 5);
      expect(total).toMatchObject({ n: 5, counts: {}, method: 't', smallSample: true });
      expect(total.score).toBeCloseTo(13.5, 12);
      expect(total.variance).toBeCloseTo(15.65625, 12);
      expect(total.ci95![0]).toBeCloseTo(13.5 - half, 9);
      expect(total.ci95![1]).toBeCloseTo(13.5 + half, 9);
      const viaAnswers = await metric({
        ...query,
        filters: { attributes: [{ key: 'tier', values: ['gold', 'basic'] }] },
      });
      expect(viaAnswers.source).toBe('answers');
      expect(viaAnswers.groups[0]!.total).toEqual(total);
      // Against the 17 days before (the three answers of 3 January): Welch's t, as for ratings.
      const later = await metric({ ...query, from: '2026-01-04' });
      expect(later.previousPeriod).toEqual({ from: '2025-12-18', to: '2026-01-03' });
      expect(later.groups[0]!.change).toMatchObject({ test: 'welch-t', smallSample: true });
      const unbounded = await metric({
        ...query,
        metric: { ...query.metric, question: 'precise' },
      });
      expect(unbounded.scale).toEqual({ min: null, max: null });
    });

    it('counts a 0 on a scale that starts at 0, and puts its mean on 0–100 from that 0', async () => {
      for (const likely of [0, 0, 5, 10]) await submit({ likely }, 25);
      const result = await metric({
        metric: { kind: 'rating', surveyId: survey.id, question: 'likely' },
        by: 'all',
        from: '2026-01-25',
        to: '2026-01-25',
      });
      expect(result.scale).toEqual({ min: 0, max: 10 });
      const total = result.groups[0]!.total;
      expect(total.counts).toMatchObject({ '0': 2, '5': 1, '10': 1, '1': 0 });
      expect(Object.keys(total.counts)).toHaveLength(11);
      expect(total.score).toBe(3.75);
      expect(total.csi).toBe(37.5); // (3.75 − 0)/(10 − 0)·100
    });

    it('keeps a 0–4 rating out of the CX index and a numeric mean out of targets, saying why', async () => {
      const cx = await request('POST', '/metrics/query', {
        metric: { kind: 'cx_index', surveyId: survey.id, questions: ['stars', 'ease', 'ease'] },
      });
      expect(cx.statusCode).toBe(400);
      expect(errorOf(cx).message).toBe(
        'The CX index\'s effectiveness item must be a question on 1–5; "stars" is not.',
      );
      const target = await request('POST', '/targets', {
        name: 'Keskiostos',
        metric: { kind: 'numeric', surveyId: survey.id, question: 'spend' },
        scope: { kind: 'survey', id: survey.id },
        period: { kind: 'recurring', every: 'month' },
        target: 50,
        goal: 'Isommat tilaukset',
        ownerUserId: owner.userId,
      });
      expect(target.statusCode).toBe(400);
      expect(pathsOf(target)).toEqual([
        [
          'body.metric.kind',
          "a target is met when the score reaches it from below, and a numeric question's mean has no better direction (minutes waited should fall, an order value rise), so it has no targets",
        ],
      ]);
      expect((await request('GET', '/targets')).json<{ items: unknown[] }>().items).toEqual([]);
    });

    it('reproduces relaimpo for the swiss data stored as numeric answers with decimals', async () => {
      // calc.relimp(lm(Fertility ~ ., swiss), type = "lmg"), relaimpo 2.2-7 (Grömping 2006):
      // the published figures the core test checks, here through SQL on stored decimals.
      const swiss = await create('Sveitsi', swissDefinition);
      const inputs: IntakeInput[] = SWISS.map(([, ...values]) => ({
        surveyId: swiss.id,
        submittedAt: noon(28),
        partial: false,
        source: 'api',
        answers: Object.fromEntries(swissKeys.map((k, i) => [k, values[i]!])),
      }));
      await t.runtime.services.responses.submitBatch(ctx, inputs);
      const res = await request('POST', '/analyses/key-drivers', {
        surveyId: swiss.id,
        outcome: 'fertility',
        drivers: swissKeys.slice(1),
      });
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json<KeyDriverResult>();
      expect(result.n).toBe(47);
      expect(result.rSquared).toBeCloseTo(0.706735001593, 11);
      const lmg = [
        0.0570912207681, 0.1711730289002, 0.2601346786244, 0.1055701503735, 0.1127659229265,
      ];
      result.drivers.forEach((d, i) => {
        expect(d.question).toBe(swissKeys[i + 1]);
        expect(d.lmg, SWISS_PREDICTORS[i]).toBeCloseTo(lmg[i]!, 11);
      });
    });

    it('uses a 0-based rating as a driver just like the same answers on 1–5 (correlation ignores the shift)', async () => {
      // stars (0–4) is ease (1–5) minus one; minutes is the outcome.
      const rows = [
        [5, 9, 0],
        [4, 6, 10],
        [4, 8, 5],
        [2, 4, 60],
        [1, 1, 90],
        [3, 7, 30],
      ];
      for (const [ease, likely, minutes] of rows)
        await submit({ ease, stars: ease! - 1, likely, minutes }, 27);
      const drivers = async (list: string[]) =>
        (
          await request('POST', '/analyses/key-drivers', {
            surveyId: survey.id,
            outcome: 'minutes',
            drivers: list,
            from: '2026-01-27',
            to: '2026-01-27',
          })
        ).json<KeyDriverResult>();
      const shifted = await drivers(['stars', 'likely']);
      const plain = await drivers(['ease', 'likely']);
      expect(shifted.n).toBe(6);
      expect(shifted.rSquared).toBe(plain.rSquared);
      expect(shifted.drivers.map((d) => [d.correlation, d.lmg])).toEqual(
        plain.drivers.map((d) => [d.correlation, d.lmg]),
      );
      expect(shifted.drivers[0]!.correlation!).toBeLessThan(-0.9);
    });

    it('puts numeric attributes on 0–100 by their range in IPA, and refuses one without a range', async () => {
      const ipa = (attributes: string[]) =>
        request('POST', '/analyses/importance-performance', {
          surveyId: survey.id,
          attributes,
          importance: { kind: 'derived', outcome: 'likely' },
          from: '2026-01-27',
          to: '2026-01-27',
        });
      const ok = await ipa(['minutes', 'stars']);
      expect(ok.statusCode, ok.body).toBe(200);
      const result = ok.json<IpaResult>();
      expect(result.performanceScale).toBe('0-100');
      // minutes 0, 10, 5, 60, 90, 30: mean 32.5 on −30…240 is 100·62.5/270.
      expect(result.attributes[0]!.performance).toBeCloseTo((100 * 62.5) / 270, 10);
      const open = await ipa(['precise', 'stars']);
      expect(open.statusCode).toBe(400);
      expect(pathsOf(open)[0]![0]).toBe('body.attributes.0');
      expect(pathsOf(open)[0]![1]).toMatch(
        /"precise" is a numeric question without a min and a max/,
      );
    });

    it('exports numeric answers as stored and imports them back exactly, decimal comma or point', async () => {
      const csv = (
        await owner.browser.request({
          method: 'GET',
          url: `${base}/responses/export?surveyId=${survey.id}&from=2026-01-03&to=2026-01-03`,
        })
      ).body;
      const [header, ...lines] = csv.trim().split(/\r?\n/);
      const spend = header!.split(',').indexOf('spend');
      expect(lines.map((l) => l.split(',')[spend]).sort()).toEqual([
        '0.01',
        '1234567.88',
        '1234567.89',
      ]);

      const file = [
        'submitted_at,spend,minutes,precise',
        '2026-01-29 12:00,"12,5",-30,"0,0001"',
        '2026-01-29 12:00,1234567.89,240,-0.1',
        '2026-01-29 12:00,"10 000,05",0,1',
        '2026-01-29 12:00,"12,345",5,1',
        '2026-01-29 12:00,1.5,"1,000",1',
        '2026-01-29 12:00,-1,5,1',
        '',
      ].join('\n');
      const post = (query: string) =>
        owner.browser.request({
          method: 'POST',
          url: `${base}/surveys/${survey.id}/imports${query}`,
          payload: file,
          headers: { 'content-type': 'text/csv' },
        });
      const refusedRows = [
        { line: 5, column: 'spend', reason: '"12,345" has more than 2 decimals' },
        { line: 6, column: 'minutes', reason: '"1,000" is not a whole number' },
        { line: 7, column: 'spend', reason: 'must be from 0 to 10000000, got -1' },
      ];
      // All or nothing: three rows cannot be stored as written, so none is, unless told to skip.
      const refused = await post('');
      expect(refused.statusCode, refused.body).toBe(422);
      expect(errorOf(refused)).toMatchObject({
        code: 'IMPORT_ROWS_REFUSED',
        details: { refused: 3, refusedRows },
      });
      const res = await post('?skipInvalid=1');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ResponseImportResult>().summary).toMatchObject({
        rowsRead: 6,
        imported: 3,
        refused: 3,
        refusedRows,
      });
      const imported = (await stored())
        .filter((r) => r.source === 'import')
        .map((r) => [r.answers.spend, r.answers.minutes, r.answers.precise]);
      expect(imported.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [12.5, -30, 0.0001],
        [10_000.05, 0, 1],
        [1_234_567.89, 240, -0.1],
      ]);
    });
  });
}
