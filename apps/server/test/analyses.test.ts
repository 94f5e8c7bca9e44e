import type {
  EmotionResult,
  ExpectationGapResult,
  IpaResult,
  KanoResult,
  KeyDriverResult,
  ResponseRateResult,
  Survey,
  SurveyDefinitionInput,
} from '@polku/contracts';
import { computeWilsonInterval, newId, type IntakeInput, type WorkspaceRecord } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const text = (fi: string) => ({ fi });

/** A survey with one question of every kind the analyses read. */
const definition: SurveyDefinitionInput = {
  languages: ['fi'],
  defaultLanguage: 'fi',
  title: text('Analyysit'),
  questions: [
    { key: 'nps', type: 'nps', text: text('Suosittelisitko?') },
    { key: 'ease', type: 'rating', points: 5, text: text('Helppous') },
    { key: 'speed', type: 'rating', points: 5, text: text('Nopeus') },
    { key: 'staff', type: 'csat', text: text('Henkilökunta') },
    { key: 'wait', type: 'expectation', points: 7, text: text('Odotusaika') },
    { key: 'delivery', type: 'kano', feature: text('Kotiinkuljetus'), text: text('Kuljetus') },
    { key: 'tracking', type: 'kano', feature: text('Seuranta'), text: text('Seuranta') },
    {
      key: 'feel',
      type: 'emotion',
      emotions: ['happy', 'calm', 'angry'],
      intensity: true,
      text: text('Tunne'),
    },
    { key: 'imp_ease', type: 'rating', points: 5, text: text('Helppouden tärkeys') },
    { key: 'imp_speed', type: 'rating', points: 5, text: text('Nopeuden tärkeys') },
    { key: 'comment', type: 'text', text: text('Kommentti') },
  ],
  thankYou: { message: text('Kiitos') },
};

type Answers = Record<string, unknown>;
const k = (functional: string, dysfunctional: string) => ({ functional, dysfunctional });

/** Eight complete responses with every question, hand-countable. */
const full: Answers[] = [
  { nps: 10, ease: 5, speed: 4, staff: 5, wait: { expectation: 6, outcome: 7 }, delivery: k('like', 'dislike'), tracking: k('like', 'neutral'), feel: [{ emotion: 'happy', intensity: 5 }, { emotion: 'calm', intensity: 4 }], imp_ease: 5, imp_speed: 3 },
  { nps: 9, ease: 4, speed: 5, staff: 4, wait: { expectation: 5, outcome: 5 }, delivery: k('like', 'dislike'), tracking: k('neutral', 'neutral'), feel: [{ emotion: 'happy', intensity: 4 }], imp_ease: 4, imp_speed: 4 },
  { nps: 7, ease: 4, speed: 3, staff: 3, wait: { expectation: 6, outcome: 4 }, delivery: k('neutral', 'dislike'), tracking: k('like', 'neutral'), feel: [{ emotion: 'calm' }], imp_ease: 5, imp_speed: 4 },
  { nps: 6, ease: 3, speed: 3, staff: 3, wait: { expectation: 7, outcome: 3 }, delivery: k('must_be', 'dislike'), tracking: k('neutral', 'neutral'), feel: [{ emotion: 'angry', intensity: 5 }], imp_ease: 4, imp_speed: 5 },
  { nps: 3, ease: 2, speed: 2, staff: 2, wait: { expectation: 6, outcome: 2 }, delivery: k('like', 'dislike'), tracking: k('dislike', 'like'), feel: [{ emotion: 'angry', intensity: 3 }, { emotion: 'happy' }], imp_ease: 3, imp_speed: 5 },
  { nps: 8, ease: 4, speed: 4, staff: 4, wait: { expectation: 4, outcome: 5 }, delivery: k('like', 'like'), tracking: k('like', 'neutral'), feel: [{ emotion: 'happy', intensity: 3 }], imp_ease: 4, imp_speed: 4 },
  { nps: 10, ease: 5, speed: 5, staff: 5, wait: { expectation: 5, outcome: 6 }, delivery: k('neutral', 'neutral'), tracking: k('like', 'neutral'), feel: [{ emotion: 'happy', intensity: 5 }], imp_ease: 5, imp_speed: 3 },
  { nps: 5, ease: 3, speed: 2, staff: 2, wait: { expectation: 6, outcome: 3 }, delivery: k('neutral', 'dislike'), tracking: k('neutral', 'neutral'), feel: [{ emotion: 'calm', intensity: 2 }], imp_ease: 4, imp_speed: 5 },
]; // prettier-ignore
/** Skipped speed: not a complete case for drivers, still counted where speed is not needed. */
const noSpeed: Answers = { nps: 9, ease: 5, staff: 4 };
/** Through the widget: left out by a channel filter. */
const widget: Answers = { nps: 2, ease: 1, speed: 5, staff: 1 };
/** Partial: counts nowhere. */
const partial: Answers = { nps: 0, ease: 1, speed: 1, staff: 1 };

/** The answers of complete responses via the API (every channel), for the independent sums. */
const counted = [...full, noSpeed, widget];

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const column = (rows: Answers[], key: string) =>
  rows.filter((r) => typeof r[key] === 'number').map((r) => r[key] as number);
const pairs = (rows: Answers[], a: string, b: string) => {
  const both = rows.filter((r) => typeof r[a] === 'number' && typeof r[b] === 'number');
  return [both.map((r) => r[a] as number), both.map((r) => r[b] as number)] as const;
};

/** Results per analysis on the first dialect, to check the second gives the same. */
const firstDialect = new Map<string, unknown>();
function sameOnEveryDialect(name: string, result: unknown): void {
  // Ids differ between the databases; the figures must not.
  const figures: unknown = JSON.parse(
    JSON.stringify(result).replace(/"surveyId":"[^"]*"/g, '"surveyId":"…"'),
  );
  if (!firstDialect.has(name)) firstDialect.set(name, figures);
  else expect(figures).toEqual(firstDialect.get(name));
}

for (const dialect of testDialects()) {
  describe(`analyses over answers on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let workspace: WorkspaceRecord;
    let survey: Survey;
    let other: Survey;
    let base: string;
    const responseIds: string[] = [];

    const post = async <T>(path: string, payload: object) => {
      const res = await owner.browser.request({ method: 'POST', url: `${base}${path}`, payload });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
      return res.json<T>();
    };
    const fails = async (path: string, payload: object) =>
      owner.browser.request({ method: 'POST', url: `${base}${path}`, payload });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      const create = async (name: string, draft: SurveyDefinitionInput) => {
        const s = (
          await owner.browser.request({ method: 'POST', url: `${base}/surveys`, payload: { name } })
        ).json<Survey>();
        await owner.browser.request({
          method: 'PATCH',
          url: `${base}/surveys/${s.id}`,
          payload: { draft },
        });
        const pub = await owner.browser.request({
          method: 'POST',
          url: `${base}/surveys/${s.id}/publish`,
        });
        expect(pub.statusCode, pub.body).toBe(200);
        return s;
      };
      survey = await create('Analyysit', definition);
      other = await create('Pelkkä NPS', {
        ...definition,
        questions: [definition.questions[0]!],
      });
      workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      const input = (answers: Answers, extra: Partial<IntakeInput> = {}): IntakeInput => ({
        surveyId: survey.id,
        submittedAt: Date.parse('2026-01-10T12:00:00Z'),
        partial: false,
        source: 'api',
        answers: answers as IntakeInput['answers'],
        ...extra,
      });
      const { results } = await t.runtime.services.responses.submitBatch({ workspace }, [
        // The first three answered as VIP customers, the fourth as a regular one.
        ...full.map((a, i) =>
          input(a, i < 4 ? { attributes: { segment: i < 3 ? 'vip' : 'regular' } } : {}),
        ),
        input(noSpeed),
        input(widget, { channel: 'widget' }),
        input(partial, { partial: true }),
      ]);
      responseIds.push(...results.map((r) => r.id));
    });
    afterAll(() => t.close());

    it('key drivers: LMG and r over complete cases only, equal to the closed form for two drivers', async () => {
      const result = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: ['ease', 'speed'],
      });
      // Complete cases: the 8 full responses and the widget one; not the one without speed,
      // not the partial one.
      const cases = [...full, widget];
      const y = cases.map((r) => r.nps as number);
      const x1 = cases.map((r) => r.ease as number);
      const x2 = cases.map((r) => r.speed as number);
      const [r1, r2, r12] = [pearson(x1, y), pearson(x2, y), pearson(x1, x2)];
      const rSquared = (r1 ** 2 + r2 ** 2 - 2 * r1 * r2 * r12) / (1 - r12 ** 2);
      expect(result.n).toBe(9);
      expect(result.smallSample).toBe(true);
      expect(result.rSquared).toBeCloseTo(rSquared, 10);
      expect(result.drivers.map((d) => d.question)).toEqual(['ease', 'speed']);
      expect(result.drivers[0]!.correlation).toBeCloseTo(r1, 10);
      expect(result.drivers[1]!.correlation).toBeCloseTo(r2, 10);
      expect(result.drivers[0]!.lmg).toBeCloseTo((r1 ** 2 + rSquared - r2 ** 2) / 2, 10);
      expect(result.drivers[1]!.lmg).toBeCloseTo((r2 ** 2 + rSquared - r1 ** 2) / 2, 10);
      const percent = result.drivers.reduce((s, d) => s + d.percentOfRSquared!, 0);
      expect(percent).toBeCloseTo(100, 8);
      sameOnEveryDialect('drivers', result);

      // An expectation question drives by its outcome item; the channel filter drops the widget.
      const filtered = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: ['wait'],
        filters: { channels: ['api'] },
      });
      const [w, npsOfWait] = [
        full.map((r) => (r.wait as { outcome: number }).outcome),
        column(full, 'nps'),
      ];
      expect(filtered.n).toBe(8);
      expect(filtered.drivers[0]!.correlation).toBeCloseTo(pearson(w, npsOfWait), 10);
      expect(filtered.rSquared).toBeCloseTo(pearson(w, npsOfWait) ** 2, 10);
      sameOnEveryDialect('drivers-filtered', filtered);
    });

    it('key drivers: periods, touchpoints and other surveys narrow what is counted', async () => {
      const none = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: ['ease'],
        from: '2026-02-01',
      });
      expect(none).toMatchObject({ n: 0, rSquared: 0, smallSample: true });
      expect(none.drivers[0]).toMatchObject({ correlation: null, lmg: 0, percentOfRSquared: null });
      const noTouchpoint = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: ['ease'],
        to: '2026-01-10',
        filters: { touchpointIds: [null], languages: ['fi'] },
      });
      expect(noTouchpoint.n).toBe(10);
      const elsewhere = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: ['ease'],
        filters: { surveyIds: [other.id] },
      });
      expect(elsewhere.n).toBe(0);
    });

    it('key drivers: a customer attribute filter counts only responses carrying that value', async () => {
      const vip = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: ['ease'],
        filters: { attributes: [{ key: 'segment', values: ['vip'] }] },
      });
      const cases = full.slice(0, 3);
      expect(vip.n).toBe(3);
      expect(vip.drivers[0]!.correlation).toBeCloseTo(
        pearson(column(cases, 'ease'), column(cases, 'nps')),
        10,
      );
      const either = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: ['ease'],
        filters: { attributes: [{ key: 'segment', values: ['vip', 'regular'] }] },
      });
      expect(either.n).toBe(4);
      const both = await post<KeyDriverResult>('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: ['ease'],
        filters: {
          attributes: [
            { key: 'segment', values: ['vip'] },
            { key: 'region', values: ['north'] },
          ],
        },
      });
      expect(both.n).toBe(0);
      const emotions = await post<EmotionResult>('/analyses/emotions', {
        surveyId: survey.id,
        question: 'feel',
        filters: { attributes: [{ key: 'segment', values: ['vip'] }] },
      });
      expect(emotions.n).toBe(3);
    });

    it('refuses bad key-driver input with 400 and a clear message', async () => {
      const cases: [object, string][] = [
        [{ outcome: 'nope', drivers: ['ease'] }, 'no question "nope"'],
        [{ outcome: 'nps', drivers: ['comment'] }, 'text question'],
        [{ outcome: 'nps', drivers: ['feel'] }, 'emotion question'],
        [{ outcome: 'nps', drivers: ['ease', 'ease'] }, 'listed twice'],
        [{ outcome: 'nps', drivers: ['nps', 'ease'] }, 'cannot also be a driver'],
      ];
      for (const [body, message] of cases) {
        const res = await fails('/analyses/key-drivers', { surveyId: survey.id, ...body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
        expect(res.json<{ error: { message: string } }>().error.message).toContain(message);
      }
      const eleven = await fails('/analyses/key-drivers', {
        surveyId: survey.id,
        outcome: 'nps',
        drivers: Array.from({ length: 11 }, (_, i) => `d${i}`),
      });
      expect(eleven.statusCode).toBe(400);
      expect(eleven.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const unknownSurvey = await fails('/analyses/key-drivers', {
        surveyId: newId(),
        outcome: 'nps',
        drivers: ['ease'],
      });
      expect(unknownSurvey.statusCode).toBe(404);
    });

    it('importance–performance: derived importance is r with the outcome, quadrants around the mean', async () => {
      const result = await post<IpaResult>('/analyses/importance-performance', {
        surveyId: survey.id,
        attributes: ['ease', 'speed', 'staff'],
        importance: { kind: 'derived', outcome: 'nps' },
      });
      expect(result).toMatchObject({
        performanceScale: 'raw',
        importanceScale: 'correlation',
        crosshairRule: 'mean',
      });
      const expected = ['ease', 'speed', 'staff'].map((key) => ({
        performance: mean(column(counted, key)),
        importance: pearson(...pairs(counted, key, 'nps')),
        n: column(counted, key).length,
      }));
      result.attributes.forEach((a, i) => {
        expect(a.performance).toBeCloseTo(expected[i]!.performance, 10);
        expect(a.importance).toBeCloseTo(expected[i]!.importance, 10);
        expect(a.n).toBe(expected[i]!.n);
      });
      const centre = {
        importance: mean(expected.map((e) => e.importance)),
        performance: mean(expected.map((e) => e.performance)),
      };
      expect(result.crosshair.importance).toBeCloseTo(centre.importance, 10);
      expect(result.crosshair.performance).toBeCloseTo(centre.performance, 10);
      result.attributes.forEach((a, i) => {
        const high = expected[i]!.importance >= centre.importance;
        const good = expected[i]!.performance >= centre.performance;
        expect(a.quadrant).toBe(
          high
            ? good
              ? 'keep-up-the-good-work'
              : 'concentrate-here'
            : good
              ? 'possible-overkill'
              : 'low-priority',
        );
      });
      sameOnEveryDialect('ipa-derived', result);
    });

    it('importance–performance: stated importance, a custom crosshair, and 0–100 when scales differ', async () => {
      const stated = await post<IpaResult>('/analyses/importance-performance', {
        surveyId: survey.id,
        attributes: ['ease', 'speed'],
        importance: { kind: 'stated', questions: { ease: 'imp_ease', speed: 'imp_speed' } },
        crosshair: { importance: 4.1, performance: 3.5 },
      });
      // imp_ease: 5,4,5,4,3,4,5,4 → 4.25; imp_speed: 3,4,4,5,5,4,3,5 → 4.125.
      expect(stated.attributes[0]).toMatchObject({
        importance: 4.25,
        importanceN: 8,
        quadrant: 'keep-up-the-good-work',
      });
      expect(stated.attributes[1]!.importance).toBe(4.125);
      // speed performance: 4,5,3,3,2,4,5,2 and the widget's 5 → 33/9 = 3.667 ≥ 3.5.
      expect(stated.attributes[1]!.performance).toBeCloseTo(33 / 9, 10);
      expect(stated.crosshairRule).toBe('custom');
      const mixed = await post<IpaResult>('/analyses/importance-performance', {
        surveyId: survey.id,
        attributes: ['ease', 'wait'],
        importance: { kind: 'derived', outcome: 'nps' },
        crosshair: 'median',
      });
      expect(mixed.performanceScale).toBe('0-100');
      const ease = column(counted, 'ease');
      expect(mixed.attributes[0]!.performance).toBeCloseTo((100 * (mean(ease) - 1)) / 4, 10);
      const waits = full.map((r) => (r.wait as { outcome: number }).outcome);
      expect(mixed.attributes[1]!.performance).toBeCloseTo((100 * (mean(waits) - 1)) / 6, 10);
      sameOnEveryDialect('ipa-stated', stated);
      for (const body of [
        { attributes: ['ease'], importance: { kind: 'derived', outcome: 'nps' } },
        { attributes: ['ease', 'comment'], importance: { kind: 'derived', outcome: 'nps' } },
        {
          attributes: ['ease', 'speed'],
          importance: { kind: 'stated', questions: { ease: 'imp_ease' } },
        },
        { attributes: ['ease', 'speed'], importance: { kind: 'derived', outcome: 'speed' } },
      ]) {
        const res = await fails('/analyses/importance-performance', {
          surveyId: survey.id,
          ...body,
        });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
      }
    });

    it('expectation gaps: mean of outcome − expectation over pairs, with a paired t interval', async () => {
      const result = await post<ExpectationGapResult>('/analyses/expectation-gaps', {
        surveyId: survey.id,
      });
      // Differences 1, 0, −2, −4, −4, 1, 1, −3: sum −10 over 8.
      expect(result.items).toHaveLength(1);
      expect(result.items[0]).toMatchObject({
        question: 'wait',
        n: 8,
        gap: -1.25,
        smallSample: true,
      });
      const d = [1, 0, -2, -4, -4, 1, 1, -3];
      const sd = Math.sqrt(d.reduce((s, x) => s + (x + 1.25) ** 2, 0) / 7);
      const half = 2.364624251592785 * (sd / Math.sqrt(8)); // t(0.975, 7)
      expect(result.items[0]!.ci95![0]).toBeCloseTo(-1.25 - half, 8);
      expect(result.items[0]!.ci95![1]).toBeCloseTo(-1.25 + half, 8);
      expect(result.dimensionGap).toBe(-1.25);
      sameOnEveryDialect('gaps', result);
      const none = await fails('/analyses/expectation-gaps', { surveyId: other.id });
      expect(none.statusCode).toBe(400);
    });

    it('Kano: Berger categories per feature, Better/Worse, and the two rules disagreeing', async () => {
      const mode = await post<KanoResult>('/analyses/kano', { surveyId: survey.id });
      const [delivery, tracking] = mode.features;
      // delivery: like/dislike ×3 → O, neutral/dislike ×2 and must-be/dislike → M, like/like → Q,
      // neutral/neutral → I.
      expect(delivery).toMatchObject({
        question: 'delivery',
        n: 8,
        counts: { A: 0, O: 3, M: 3, I: 1, R: 0, Q: 1 },
        category: 'M', // a tie O = M goes to M
      });
      expect(delivery!.better).toBeCloseTo(3 / 7, 12);
      expect(delivery!.worse).toBeCloseTo(-6 / 7, 12);
      // tracking: like/neutral ×4 → A, neutral/neutral ×3 → I, dislike/like → R.
      expect(tracking).toMatchObject({
        n: 8,
        counts: { A: 4, O: 0, M: 0, I: 3, R: 1, Q: 0 },
        category: 'A',
      });
      expect(tracking!.better).toBeCloseTo(4 / 7, 12);
      expect(tracking!.worse).toBeCloseTo(0, 12);
      const irq = await post<KanoResult>('/analyses/kano', {
        surveyId: survey.id,
        rule: 'aom-vs-irq',
      });
      // A + O + M = 4 is not more than I + R + Q = 4: the largest of I, R, Q.
      expect(irq.features[1]).toMatchObject({ category: 'I' });
      expect(irq.rule).toBe('aom-vs-irq');
      sameOnEveryDialect('kano', mode);
      const bad = await fails('/analyses/kano', { surveyId: survey.id, rule: 'majority' });
      expect(bad.statusCode).toBe(400);
      expect((await fails('/analyses/kano', { surveyId: other.id })).statusCode).toBe(400);
    });

    it('emotions: share of respondents per feeling with Wilson, and mean intensity where given', async () => {
      const result = await post<EmotionResult>('/analyses/emotions', {
        surveyId: survey.id,
        question: 'feel',
      });
      expect(result.n).toBe(8);
      const byEmotion = Object.fromEntries(result.emotions.map((e) => [e.emotion, e]));
      expect(byEmotion.happy).toMatchObject({
        count: 5,
        percent: 62.5,
        meanIntensity: 4.25,
        intensityN: 4,
      });
      expect(byEmotion.calm).toMatchObject({
        count: 3,
        percent: 37.5,
        meanIntensity: 3,
        intensityN: 2,
      });
      expect(byEmotion.angry).toMatchObject({
        count: 2,
        percent: 25,
        meanIntensity: 4,
        intensityN: 2,
      });
      const [low, high] = computeWilsonInterval(5, 8)!;
      expect(byEmotion.happy!.ci95![0]).toBeCloseTo(100 * low, 10);
      expect(byEmotion.happy!.ci95![1]).toBeCloseTo(100 * high, 10);
      sameOnEveryDialect('emotions', result);
      const wrong = await fails('/analyses/emotions', { surveyId: survey.id, question: 'nps' });
      expect(wrong.statusCode).toBe(400);
    });

    it('response rate: sent invitations answered with a complete response, per local month', async () => {
      const at = (iso: string) => Date.parse(iso);
      const invite = async (sentAt: number | null, responseId: string | null) =>
        t.runtime.store.distribution.insertInvitation({
          workspaceId: workspace.id,
          id: newId(),
          surveyId: survey.id,
          linkId: 'email-link',
          email: `p${Math.random()}@example.com`,
          language: 'fi',
          token: newId(),
          status: responseId ? 'responded' : sentAt ? 'sent' : 'scheduled',
          reason: null,
          scheduledAt: sentAt ?? at('2026-03-01T08:00:00Z'),
          sentAt,
          reminderAt: null,
          remindedAt: null,
          respondedAt: responseId ? sentAt : null,
          responseId,
          emailId: null,
          createdAt: at('2026-01-01T08:00:00Z'),
        });
      const partialId = responseIds[responseIds.length - 1]!;
      await invite(at('2026-01-15T10:00:00Z'), responseIds[0]!);
      await invite(at('2026-01-20T10:00:00Z'), responseIds[1]!);
      await invite(at('2026-01-21T10:00:00Z'), partialId); // partial: not a response
      await invite(at('2026-01-31T22:30:00Z'), responseIds[2]!); // 1 February in Helsinki
      await invite(at('2026-02-10T10:00:00Z'), null);
      await invite(null, null); // not sent yet: not counted

      const all = await post<ResponseRateResult>('/analyses/response-rate', {
        surveyId: survey.id,
      });
      expect(all.rows).toHaveLength(1);
      expect(all.rows[0]).toMatchObject({
        bucket: 'all',
        sent: 5,
        responded: 3,
        rate: 60,
        smallSample: true,
      });
      const [low, high] = computeWilsonInterval(3, 5)!;
      expect(all.rows[0]!.ci95![0]).toBeCloseTo(100 * low, 10);
      expect(all.rows[0]!.ci95![1]).toBeCloseTo(100 * high, 10);
      const months = await post<ResponseRateResult>('/analyses/response-rate', {
        surveyId: survey.id,
        by: 'month',
      });
      expect(months.rows.map((r) => [r.bucket, r.sent, r.responded])).toEqual([
        ['2026-01', 3, 2],
        ['2026-02', 2, 1],
      ]);
      const february = await post<ResponseRateResult>('/analyses/response-rate', {
        by: 'all',
        from: '2026-02-01',
        to: '2026-02-28',
      });
      expect(february.rows).toEqual([
        expect.objectContaining({ surveyId: survey.id, sent: 2, responded: 1, rate: 50 }),
      ]);
      sameOnEveryDialect('response-rate', months);
      const refused = await fails('/analyses/response-rate', { filters: { channels: ['email'] } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ error: { message: string } }>().error.message).toContain('invitations');
    });
  });
}
