import { localDay } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemo, type DemoResult } from '../src/demo.js';
import { mothersDay } from '../src/demo/calendar.js';
import { generateResponses } from '../src/demo/responses.js';
import { demoSurveys } from '../src/demo/surveys.js';
import { DEMO_JOURNEY_NAME } from '../src/demo/journey.js';
import { startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const DAY_MS = 86_400_000;
/** The day the demo is made on (a Thursday in summer time: its month is two days old). */
const TODAY = '2026-07-02';

/** `YYYY-MM-DD` plus whole days (calendar arithmetic, no time zone). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// SQLite only: the demo's ~8,500 responses take under a second to seed there but about ten
// seconds on PostgreSQL, where intake writes each response with its own statements.
for (const dialect of testDialects().filter((d) => d.name === 'sqlite')) {
  describe(`the demo workspace (${dialect.name})`, () => {
    let t: TestApp;
    let first: DemoResult;
    let seedMs: number;
    /** The three running surveys' ids (not the studies'). */
    let runningSurveyIds: string[];

    const db = () => t.runtime.database.db;
    const ctx = async () => ({
      workspace: (await t.runtime.store.workspaces.findById(first.workspaceId))!,
      actor: { kind: 'user' as const, userId: 'demo', role: 'owner' as const },
      ip: null,
    });
    const countRows = async () => {
      const [responses, answers] = await Promise.all(
        (['responses', 'answers'] as const).map((table) =>
          db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('workspaceId', '=', first.workspaceId)
            .executeTakeFirstOrThrow(),
        ),
      );
      return { responses: Number(responses!.n), answers: Number(answers!.n) };
    };

    beforeAll(async () => {
      // The demo's history ends on the runtime's today: a fixed one, so its months and seasons
      // are the same on every run.
      t = await startTestApp(dialect, { POLKU_TODAY: TODAY });
      const t0 = performance.now();
      first = await ensureDemo(t.runtime);
      seedMs = performance.now() - t0;
      runningSurveyIds = (await t.runtime.services.surveys.list(await ctx()))
        .filter((s) => demoSurveys.some((d) => d.name === s.name))
        .map((s) => s.id);
    });
    afterAll(() => t?.close());

    it('creates three published surveys with their links, through the services', async () => {
      // The three running surveys and the three studies of demo/studies.ts (tested in
      // demo-analyses.test.ts).
      expect(first).toMatchObject({ created: true, surveysCreated: 6 });
      expect(seedMs).toBeGreaterThan(0); // a figure, not a limit: the bench reports speed
      const surveys = (await t.runtime.services.surveys.list(await ctx())).filter((s) =>
        demoSurveys.some((d) => d.name === s.name),
      );
      expect(surveys.map((s) => [s.name, s.purpose, s.status, s.publishedVersion])).toEqual(
        demoSurveys.map((d) => [d.name, d.purpose, 'published', 1]),
      );
      for (const spec of demoSurveys) {
        const survey = await t.runtime.services.surveys.get(
          await ctx(),
          surveys.find((s) => s.name === spec.name)!.id,
        );
        expect(survey.draft.questions.map((q) => [q.key, q.type])).toEqual([
          [spec.template, spec.template],
          ...(spec.extraQuestions ?? []).map((q) => [q.key, q.type]),
          ['reason', 'text'],
        ]);
        expect(survey.draft.languages).toEqual(['fi', 'sv', 'en']);
        const links = await t.runtime.services.surveys.listLinks(await ctx(), survey.id);
        expect(links.map((l) => [l.name, l.channel])).toEqual(
          spec.links.map((l) => [l.name, l.channel]),
        );
      }
    });

    it('stores 7,000–12,000 responses over two years ending today, from the links', async () => {
      const { responses } = await countRows();
      expect(first.responsesCreated).toBe(responses);
      expect(responses).toBeGreaterThanOrEqual(7000);
      expect(responses).toBeLessThanOrEqual(12_000);
      const span = await db()
        .selectFrom('responses')
        .select((eb) => [eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
        .where('workspaceId', '=', first.workspaceId)
        .executeTakeFirstOrThrow();
      // The runtime's clock starts at 12:00 UTC (15:00 in Helsinki): the shop's morning is in.
      expect(localDay(t.runtime.clock.now(), 'Europe/Helsinki')).toBe(TODAY);
      expect(span.last).toBe(TODAY);
      expect(span.first <= addDays(TODAY, -725)).toBe(true);
      expect(span.first >= addDays(TODAY, -730)).toBe(true);

      const links = await db()
        .selectFrom('responses as r')
        .innerJoin('surveyLinks as l', (j) =>
          j.onRef('l.workspaceId', '=', 'r.workspaceId').onRef('l.id', '=', 'r.linkId'),
        )
        .select(['r.source', 'r.status', 'r.channel', 'l.channel as linkChannel'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('r.workspaceId', '=', first.workspaceId)
        .groupBy(['r.source', 'r.status', 'r.channel', 'l.channel'])
        .execute();
      expect(links.reduce((sum, l) => sum + Number(l.n), 0)).toBe(responses);
      // Imported history, but the relationship survey's answers came from its email invitations.
      for (const l of links) {
        expect(l).toMatchObject({ status: 'complete', channel: l.linkChannel });
        expect(l.source).toBe(l.source === 'email' ? 'email' : 'import');
      }
      expect(links.filter((l) => l.source === 'email').map((l) => l.linkChannel)).toEqual([
        'email',
      ]);
    });

    it('has hundreds of NPS answers a month, an NPS of +30..+45 and comments in fi, sv and en', async () => {
      const scores = await db()
        .selectFrom('answers')
        .select(['valueNum', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspaceId', '=', first.workspaceId)
        .where('questionKey', '=', 'nps')
        .groupBy('valueNum')
        .execute();
      const total = scores.reduce((s, r) => s + Number(r.n), 0);
      const share = (min: number, max: number) =>
        scores
          .filter((r) => r.valueNum! >= min && r.valueNum! <= max)
          .reduce((s, r) => s + Number(r.n), 0) / total;
      const nps = 100 * (share(9, 10) - share(0, 6));
      expect(nps).toBeGreaterThan(30);
      expect(nps).toBeLessThan(45);

      const months = await db()
        .selectFrom('answers')
        .select([(eb) => eb.fn<string>('substr', ['day', eb.val(1), eb.val(7)]).as('month')])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspaceId', '=', first.workspaceId)
        .where('questionKey', '=', 'nps')
        .groupBy('month')
        .orderBy('month')
        .execute();
      // Every whole month (not the first and last, which are cut) has over a hundred.
      for (const m of months.slice(1, -1)) expect(Number(m.n), m.month).toBeGreaterThan(100);

      const comments = await db()
        .selectFrom('answers')
        .select(['language', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspaceId', '=', first.workspaceId)
        .where('questionKey', '=', 'reason')
        .groupBy('language')
        .execute();
      const byLanguage = Object.fromEntries(comments.map((c) => [c.language, Number(c.n)]));
      expect(byLanguage.sv).toBeGreaterThan(50);
      expect(byLanguage.en).toBeGreaterThan(50);
      expect(byLanguage.fi).toBeGreaterThan(byLanguage.sv! + byLanguage.en!);
    });

    it("peaks in the Valentine's Day, Mother's Day and Christmas weeks; late couriers lower CSAT then", async () => {
      const rows = await db()
        .selectFrom('responses')
        .select(['day', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspaceId', '=', first.workspaceId)
        // The running surveys: the studies come in waves of their own.
        .where('surveyId', 'in', runningSurveyIds)
        .groupBy('day')
        .execute();
      const perDay = new Map(rows.map((r) => [r.day, Number(r.n)]));
      const days = [...perDay.keys()].sort();
      const [firstDay, lastDay] = [days[0]!, days.at(-1)!];
      const total = rows.reduce((s, r) => s + Number(r.n), 0);
      const overall = total / ((Date.parse(lastDay) - Date.parse(firstDay)) / DAY_MS + 1);
      const weekMean = (end: string) =>
        [0, 1, 2, 3, 4, 5, 6].reduce((s, i) => s + (perDay.get(addDays(end, -i)) ?? 0), 0) / 7;

      const weeks: string[] = [];
      for (let y = Number(firstDay.slice(0, 4)); y <= Number(lastDay.slice(0, 4)); y++) {
        weeks.push(`${y}-02-14`, mothersDay(y), `${y}-12-24`); // each the last day of its week
      }
      const inside = weeks.filter((end) => addDays(end, -6) >= firstDay && end <= lastDay);
      expect(inside.length).toBeGreaterThanOrEqual(5);
      for (const end of inside) expect(weekMean(end), end).toBeGreaterThan(overall * 1.5);

      const topTwo = async (filter: (day: string) => boolean) => {
        const csat = await db()
          .selectFrom('answers')
          .select(['day', 'valueNum'])
          .where('workspaceId', '=', first.workspaceId)
          .where('questionKey', '=', 'csat')
          .execute();
        const picked = csat.filter((a) => filter(a.day));
        return picked.filter((a) => a.valueNum! >= 4).length / picked.length;
      };
      const rushDays = new Set(inside.flatMap((end) => [0, 1, 2, 3].map((i) => addDays(end, -i))));
      expect(await topTwo((d) => rushDays.has(d))).toBeLessThan(
        (await topTwo((d) => !rushDays.has(d))) - 0.1,
      );
    });

    it('asks the delivery survey how late the courier was and what the order cost, and late deliveries drive CSAT', async () => {
      const c = await ctx();
      const surveys = await t.runtime.services.surveys.list(c);
      const delivery = surveys.find((s) => s.name === demoSurveys[1]!.name)!;
      expect((await t.runtime.services.surveys.get(c, delivery.id)).draft.questions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'late_minutes', type: 'numeric', min: 0, max: 600 }),
          expect.objectContaining({ key: 'order_value', type: 'numeric', decimals: 2 }),
        ]),
      );
      const values = await db()
        .selectFrom('answers')
        .select(['valueNum'])
        .where('workspaceId', '=', first.workspaceId)
        .where('questionKey', '=', 'order_value')
        .execute();
      expect(values.length).toBeGreaterThan(1000);
      // Prices in cents, stored and read back as written: 34.8, never 34.800000000000004.
      for (const { valueNum } of values) expect(Math.round(valueNum! * 100) / 100).toBe(valueNum);
      expect(values.some((v) => !Number.isInteger(v.valueNum))).toBe(true);

      const mean = await t.runtime.services.metrics.query(c, {
        metric: { kind: 'numeric', surveyId: delivery.id, question: 'order_value' },
        by: 'all',
      });
      expect(mean.groups[0]!.total).toMatchObject({ method: 't', smallSample: false });
      expect(mean.groups[0]!.total.score).toBeGreaterThan(40);
      expect(mean.groups[0]!.total.score).toBeLessThan(60);
      const drivers = await t.runtime.services.analyses.keyDrivers(c, {
        surveyId: delivery.id,
        outcome: 'csat',
        drivers: ['late_minutes', 'order_value'],
      });
      const [late, value] = drivers.drivers;
      expect(late!.correlation).toBeLessThan(-0.3); // about −0.4 on any two years
      expect(late!.lmg).toBeGreaterThan(10 * value!.lmg);
    });

    it("maps the shop's journey, places every response at its link's touchpoint, and shows live metrics", async () => {
      const c = await ctx();
      const journeys = await t.runtime.services.journeys.list(c);
      expect(journeys.map((j) => [j.name, j.status, j.stageCount])).toEqual([
        [DEMO_JOURNEY_NAME, 'active', 8],
      ]);
      const map = await t.runtime.services.journeys.map(c, journeys[0]!.id);
      expect(map.stages.map((s) => s.name)).toEqual([
        'Inspiraatio',
        'Valinta',
        'Ostos',
        'Toimitus',
        'Vastaanotto',
        'Laskutus',
        'Asiakaspalvelu',
        'Kanta-asiakkuus',
      ]);
      expect(map.personas).toHaveLength(2);
      for (const s of map.stages)
        for (const lane of Object.values(s.lanes)) expect(lane.length, s.name).toBeGreaterThan(0);
      const cards = map.stages.flatMap((s) => s.touchpoints);
      const card = (name: string) => cards.find((x) => x.name === name)!;
      expect(card('Kukkakuriiri')).toMatchObject({
        ownerType: 'partner',
        partnerName: 'Kaupunkikuriirit Oy',
        linkCount: 1,
      });
      // Every response sits at its link's touchpoint (the relationship survey's email link
      // stands at none: it asks about the whole relationship).
      const misplaced = await db()
        .selectFrom('responses as r')
        .innerJoin('surveyLinks as l', (j) =>
          j.onRef('l.workspaceId', '=', 'r.workspaceId').onRef('l.id', '=', 'r.linkId'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('r.workspaceId', '=', first.workspaceId)
        .where('l.touchpointId', 'is not', null)
        .where((eb) =>
          eb.or([
            eb('r.touchpointId', 'is', null),
            eb('r.touchpointId', '!=', eb.ref('l.touchpointId')),
          ]),
        )
        .executeTakeFirstOrThrow();
      expect(Number(misplaced.n)).toBe(0);
      // The courier's pain point rests on a real response: a CSAT of 1 with a late delivery.
      const pain = card('Kukkakuriiri').markers.find((m) => m.kind === 'pain')!;
      expect(pain.responseId).not.toBeNull();
      const evidence = await t.runtime.store.responses.findById(
        first.workspaceId,
        pain.responseId!,
      );
      expect(evidence).toMatchObject({ touchpointId: card('Kukkakuriiri').id });
      const answers = await db()
        .selectFrom('answers')
        .select(['questionKey', 'valueNum', 'valueText'])
        .where('workspaceId', '=', first.workspaceId)
        .where('responseId', '=', pain.responseId!)
        .execute();
      expect(answers.find((a) => a.questionKey === 'csat')!.valueNum).toBe(1);
      expect(answers.find((a) => a.questionKey === 'reason')!.valueText).toBe(pain.comment);
      expect(pain.comment).toMatch(/myöhä/i);
      expect(cards.flatMap((x) => x.markers).filter((m) => m.kind === 'delight')).toHaveLength(2);
      // Live metrics from the real responses: CSAT at the courier, NPS at the counter.
      const today = localDay(t.runtime.clock.now(), c.workspace.timeZone);
      const period = { from: addDays(today, -365), to: today };
      const csat = await t.runtime.services.journeyMetrics.forJourney(c, map.journey.id, {
        metric: { kind: 'csat' },
        ...period,
      });
      const courier = csat.touchpoints.find((x) => x.touchpointId === card('Kukkakuriiri').id)!;
      expect(courier.n).toBeGreaterThan(500);
      expect(courier.volume).toBe(courier.n);
      expect(courier.score).toBeGreaterThan(50);
      expect(csat.stages.find((s) => s.stageId === courier.stageId)!.n).toBe(courier.n);
      const nps = await t.runtime.services.journeyMetrics.forJourney(c, map.journey.id, {
        metric: { kind: 'nps' },
        ...period,
      });
      const counter = nps.touchpoints.find((x) => x.touchpointId === card('Myymälän tiski').id)!;
      const checkout = nps.touchpoints.find((x) => x.touchpointId === card('Verkkokassa').id)!;
      expect(counter.n).toBeGreaterThan(500);
      expect(checkout.n).toBeGreaterThan(300);
      expect(nps.journey.n).toBe(counter.n + checkout.n);
    });

    it('changes nothing when run again', async () => {
      const before = await countRows();
      const journeyRows = async () =>
        JSON.stringify(
          await Promise.all(
            (
              [
                'journeys',
                'personas',
                'journeyStages',
                'touchpoints',
                'blueprintItems',
                'touchpointMarkers',
                'surveyLinks',
              ] as const
            ).map((table) =>
              db()
                .selectFrom(table)
                .selectAll()
                .where('workspaceId', '=', first.workspaceId)
                .execute(),
            ),
          ),
        );
      const journeysBefore = await journeyRows();
      const again = await ensureDemo(t.runtime);
      expect(again).toMatchObject({
        created: false,
        workspaceId: first.workspaceId,
        surveysCreated: 0,
        responsesCreated: 0,
      });
      expect(await countRows()).toEqual(before);
      expect(await journeyRows()).toBe(journeysBefore);
      const surveys = await t.runtime.services.surveys.list(await ctx());
      expect(surveys).toHaveLength(6);
      for (const s of surveys.filter((x) => demoSurveys.some((d) => d.name === x.name))) {
        expect(await t.runtime.services.surveys.listLinks(await ctx(), s.id)).toHaveLength(
          demoSurveys.find((d) => d.name === s.name)!.links.length,
        );
      }
    });

    it('completes an interrupted seeding without storing anything twice', async () => {
      const before = await countRows();
      const newest = await db()
        .selectFrom('responses')
        .select('id')
        .where('workspaceId', '=', first.workspaceId)
        .orderBy('id', 'desc')
        .limit(700)
        .execute();
      await db()
        .deleteFrom('answers')
        .where('workspaceId', '=', first.workspaceId)
        .where(
          'responseId',
          'in',
          newest.map((r) => r.id),
        )
        .execute();
      await db()
        .deleteFrom('responses')
        .where('workspaceId', '=', first.workspaceId)
        .where(
          'id',
          'in',
          newest.map((r) => r.id),
        )
        .execute();
      const resumed = await ensureDemo(t.runtime);
      expect(resumed).toMatchObject({ created: false, surveysCreated: 0, responsesCreated: 700 });
      expect(await countRows()).toEqual(before);
    });
  });
}

describe('the demo data generator', () => {
  it("knows Mother's Day in Finland (the second Sunday of May)", () => {
    expect([2024, 2025, 2026, 2027].map(mothersDay)).toEqual([
      '2024-05-12',
      '2025-05-11',
      '2026-05-10',
      '2027-05-09',
    ]);
  });

  it('makes the same responses, ids included, every time', () => {
    const end = {
      lastDay: '2026-03-31',
      until: Date.UTC(2026, 2, 31, 12),
      timeZone: 'Europe/Helsinki',
    };
    const make = () =>
      demoSurveys.map((spec) =>
        generateResponses(
          spec,
          { surveyId: 's', linkIds: Object.fromEntries(spec.links.map((l) => [l.key, l.key])) },
          end,
        ),
      );
    const [a, b] = [make(), make()];
    expect(a).toEqual(b);
    const all = a.flat();
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(Math.max(...all.map((r) => r.submittedAt!))).toBeLessThanOrEqual(end.until);
    expect(localDay(Math.min(...all.map((r) => r.submittedAt!)), 'Europe/Helsinki')).toBe(
      '2024-04-01',
    );
  });
});
