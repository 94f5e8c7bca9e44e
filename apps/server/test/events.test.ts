import type { CustomerEvent, ObservedFlow, Survey } from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { createTouchpoint } from './support/journeys.js';

/** 12 June 2025 at hh:mm Helsinki time (UTC+3 in summer). */
const june = (day: number, hour: number, minute = 0) => Date.UTC(2025, 5, day, hour - 3, minute);

for (const dialect of testDialects()) {
  describe(`customer events and the observed flow on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let base: string;
    let writeKey: string;
    let readKey: string;

    const api = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `${base}${url}`,
        headers: { authorization: `Bearer ${key}` },
        ...(payload && { payload }),
      });
    const count = async (workspaceId = owner.workspaceId) =>
      Number(
        (
          await t.runtime.database.db
            .selectFrom('customerEvents')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('workspaceId', '=', workspaceId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    /**
     * Touchpoints named by letter in the tests below, made for real (events and responses may
     * only name touchpoints of the workspace): ids go out, letters come back in the results.
     */
    const tp: Record<string, string> = {};
    const named = <T>(value: T): T => {
      let text = JSON.stringify(value);
      for (const [letter, id] of Object.entries(tp)) text = text.replaceAll(id, letter);
      return JSON.parse(text) as T;
    };
    const flow = async (
      body: { stageOrder?: Record<string, number>; [k: string]: unknown } = {},
    ) => {
      const payload = body.stageOrder
        ? {
            ...body,
            stageOrder: Object.fromEntries(
              Object.entries(body.stageOrder).map(([letter, stage]) => [tp[letter]!, stage]),
            ),
          }
        : body;
      const res = await owner.browser.request({
        method: 'POST',
        url: `${base}/journeys/observed-flow`,
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return named(res.json<ObservedFlow>());
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      const key = async (scopes: string[]) =>
        (
          await owner.browser.request({
            method: 'POST',
            url: `${base}/api-keys`,
            payload: { name: scopes.join(' '), scopes },
          })
        ).json<{ secret: string }>().secret;
      writeKey = await key(['events.write']);
      readKey = await key(['responses.read']);
      for (const letter of ['A', 'B', 'C', 'D', 'tp-checkout'])
        tp[letter] = await createTouchpoint(owner.browser, owner.workspaceId, letter);
    });
    afterAll(() => t.close());

    describe('intake', () => {
      it('stores one event, and a retry with the same id stores nothing new', async () => {
        const event = {
          id: 'evt-1',
          customerRef: 'ASIAKAS-1',
          type: 'Purchase',
          touchpointId: tp['tp-checkout'],
          occurredAt: june(3, 23, 30),
          value: 59.9,
        };
        const first = await api(writeKey, 'POST', '/events', event);
        expect(first.statusCode).toBe(201);
        expect(first.json()).toEqual({ id: 'evt-1', created: true });
        const again = await api(writeKey, 'POST', '/events', event);
        expect(again.statusCode).toBe(201);
        expect(again.json()).toEqual({ id: 'evt-1', created: false });
        expect(await count()).toBe(1);
        const list = await api(readKey, 'GET', '/events?customerRef=ASIAKAS-1');
        expect(named(list.json<{ items: CustomerEvent[] }>().items)).toEqual([
          {
            id: 'evt-1',
            customerRef: 'ASIAKAS-1',
            type: 'purchase', // types are lower-cased keys
            touchpointId: 'tp-checkout',
            occurredAt: june(3, 23, 30),
            day: '2025-06-03', // the local day in Helsinki
            value: 59.9,
            createdAt: expect.any(Number) as number,
          },
        ]);
      });

      it('refuses an id already used by another customer, and changes nothing', async () => {
        const res = await api(writeKey, 'POST', '/events', {
          id: 'evt-1',
          customerRef: 'ASIAKAS-2',
          type: 'purchase',
        });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({
          error: { code: 'EVENT_ID_TAKEN', details: [{ path: 'body.id' }] },
        });
        expect(await count()).toBe(1);
      });

      it('stores a batch all or nothing, counting retried ids as duplicates', async () => {
        const batch = {
          events: [
            { id: 'evt-1', customerRef: 'ASIAKAS-1', type: 'purchase' },
            { id: 'evt-2', customerRef: 'ASIAKAS-1', type: 'delivery', occurredAt: june(4, 12) },
            { id: 'evt-3', customerRef: 'ASIAKAS-2', type: 'visit', occurredAt: june(5, 9) },
          ],
        };
        const res = await api(writeKey, 'POST', '/events/batch', batch);
        expect(res.statusCode).toBe(201);
        expect(res.json()).toEqual({
          created: 2,
          duplicates: 1,
          results: [
            { id: 'evt-1', created: false },
            { id: 'evt-2', created: true },
            { id: 'evt-3', created: true },
          ],
        });
        expect(await count()).toBe(3);
        const retry = await api(writeKey, 'POST', '/events/batch', batch);
        expect(retry.json()).toMatchObject({ created: 0, duplicates: 3 });
        expect(await count()).toBe(3);
      });

      it('stores nothing of a batch with one bad event, and names it', async () => {
        const cases: [object, number, string][] = [
          [{ id: 'evt-9', customerRef: '', type: 'visit' }, 400, 'body.events.1.customerRef'],
          [{ id: 'evt-9', customerRef: 'x'.repeat(201), type: 'visit' }, 400, ''],
          [{ id: 'evt-9', customerRef: 'A', type: 'two words' }, 400, 'body.events.1.type'],
          [{ id: 'evt-9', customerRef: 'A', type: 'visit', touchpointId: 'no spaces!' }, 400, ''],
          [
            { id: 'evt-9', customerRef: 'A', type: 'visit', touchpointId: 'not-a-touchpoint' },
            400,
            'body.events.1.touchpointId',
          ],
          [{ id: 'evt-9', customerRef: 'A', type: 'visit', occurredAt: -1 }, 400, ''],
          [{ id: 'evt-9', customerRef: 'A', type: 'visit', value: 'many' }, 400, ''],
          [{ id: 'evt-10', customerRef: 'A', type: 'visit' }, 400, 'body.events.1.id'], // twice
          [{ id: 'evt-3', customerRef: 'someone else', type: 'visit' }, 409, 'body.events.1.id'],
        ];
        for (const [bad, status, path] of cases) {
          const res = await api(writeKey, 'POST', '/events/batch', {
            events: [{ id: 'evt-10', customerRef: 'A', type: 'visit' }, bad],
          });
          expect(res.statusCode, JSON.stringify(bad)).toBe(status);
          if (path) expect(JSON.stringify(res.json())).toContain(path);
          expect(await count()).toBe(3);
        }
        const tooMany = await api(writeKey, 'POST', '/events/batch', {
          events: Array.from({ length: 1001 }, (_, i) => ({ customerRef: `c${i}`, type: 'visit' })),
        });
        expect(tooMany.statusCode).toBe(400);
        expect(await count()).toBe(3);
      });

      it('needs the events.write scope to write, and responses.read to read', async () => {
        const write = await api(readKey, 'POST', '/events', { customerRef: 'A', type: 'visit' });
        expect(write.statusCode).toBe(403);
        const read = await api(writeKey, 'GET', '/events');
        expect(read.statusCode).toBe(403);
        expect(await count()).toBe(3);
      });

      it('lists newest first, filtered and paged', async () => {
        const page1 = await api(readKey, 'GET', '/events?limit=2');
        const p1 = page1.json<{ items: CustomerEvent[]; nextBefore: string | null }>();
        expect(p1.items.map((e) => e.id)).toEqual(['evt-3', 'evt-2']);
        const page2 = await api(readKey, 'GET', `/events?limit=2&before=${p1.nextBefore}`);
        expect(page2.json<{ items: CustomerEvent[] }>().items.map((e) => e.id)).toEqual(['evt-1']);
        const visits = await api(readKey, 'GET', '/events?type=visit');
        expect(visits.json<{ items: CustomerEvent[] }>().items.map((e) => e.id)).toEqual(['evt-3']);
        const period = await api(readKey, 'GET', '/events?from=2025-06-04&to=2025-06-04');
        expect(period.json<{ items: CustomerEvent[] }>().items.map((e) => e.id)).toEqual(['evt-2']);
        const bad = await api(readKey, 'GET', '/events?from=2025-06-05&to=2025-06-01');
        expect(bad.statusCode).toBe(400);
      });

      it("keeps another workspace's events apart", async () => {
        const other = await createAccount(t, 'other');
        const res = await other.browser.request({
          method: 'POST',
          url: `/api/v1/workspaces/${other.workspaceId}/events`,
          payload: { id: 'evt-1', customerRef: 'ASIAKAS-1', type: 'purchase' },
        });
        // The same id in another workspace is another event.
        expect(res.json()).toEqual({ id: 'evt-1', created: true });
        expect(await count(other.workspaceId)).toBe(1);
        expect(await count()).toBe(3);
        const theirs = await other.browser.request({
          method: 'GET',
          url: `/api/v1/workspaces/${other.workspaceId}/events`,
        });
        expect(theirs.json<{ items: CustomerEvent[] }>().items).toHaveLength(1);
      });
    });

    describe('observed flow', () => {
      // Touchpoints in stage order: A (choosing) → B (purchase) → C (delivery) → D (service).
      const stageOrder = { A: 0, B: 1, C: 2, D: 3 };
      let surveyId: string;

      beforeAll(async () => {
        // The intake tests above left events without touchpoints (never touches) and one at
        // tp-checkout on 3 June, which the period below leaves out.
        const seq: [string, string, string, number][] = [
          ['cust1', 'A', 'visit', june(10, 9)],
          ['cust1', 'B', 'purchase', june(10, 10)],
          ['cust1', 'C', 'delivery', june(11, 12)],
          ['cust2', 'A', 'visit', june(10, 9)],
          ['cust2', 'A', 'visit', june(10, 11)],
          ['cust2', 'B', 'purchase', june(12, 15)],
          ['cust3', 'A', 'visit', june(13, 8)],
          ['cust3', 'B', 'purchase', june(13, 9)],
          ['cust3', 'A', 'visit', june(14, 9)],
          ['cust4', 'B', 'purchase', june(15, 16)],
          ['cust5', 'A', 'visit', june(16, 10)],
          ['cust5', 'C', 'delivery', june(17, 10)],
          // Outside the period (before it): only counted without a period.
          ['cust4', 'C', 'delivery', Date.UTC(2025, 0, 15, 10)],
        ];
        const res = await owner.browser.request({
          method: 'POST',
          url: `${base}/events/batch`,
          payload: {
            events: seq.map(([customerRef, touchpointId, type, occurredAt], i) => ({
              id: `flow-${i}`,
              customerRef,
              touchpointId: tp[touchpointId],
              type,
              occurredAt,
            })),
          },
        });
        expect(res.statusCode, res.body).toBe(201);

        const survey = (
          await owner.browser.request({
            method: 'POST',
            url: `${base}/surveys`,
            payload: { name: 'Palvelu', template: 'nps' },
          })
        ).json<Survey>();
        surveyId = survey.id;
        await owner.browser.request({ method: 'POST', url: `${base}/surveys/${surveyId}/publish` });
        const respond = async (
          nps: number,
          submittedAt: number,
          touchpointId: string | null,
          customerRef?: string,
        ) => {
          const r = await owner.browser.request({
            method: 'POST',
            url: `${base}/responses`,
            payload: {
              surveyId,
              touchpointId: touchpointId && tp[touchpointId],
              submittedAt,
              answers: { nps },
              ...(customerRef && { attributes: { customer_ref: customerRef } }),
            },
          });
          expect(r.statusCode, r.body).toBe(201);
        };
        await respond(2, june(18, 10), 'D', 'cust1'); // cust1's fourth touch, a detractor
        await respond(10, june(18, 11), 'D'); // no customer: its own one-step path, a promoter
        await respond(9, june(18, 12), null, 'cust2'); // not a touch; cust2 is a promoter
        await respond(0, june(13, 10), null, 'cust3'); // cust3 first a detractor…
        await respond(10, june(19, 10), null, 'cust3'); // …then a promoter: the latest decides
      });

      // From 8 June: the intake tests' purchase at tp-checkout (3 June) stays out.
      const period = { from: '2025-06-08', to: '2025-06-30' };

      it('counts transitions, starts, drop-offs and the step flow as computed by hand', async () => {
        const f = await flow({ ...period, stageOrder, maxSteps: 2 });
        // cust1 A B C D · cust2 A A B · cust3 A B A · cust4 B · cust5 A C · response D
        expect(f.customers).toBe(6);
        expect(f.touches).toBe(14);
        expect(f.touchpoints).toEqual([
          { touchpointId: 'A', touches: 6, starts: 4, dropOffs: 1, stage: 0 },
          { touchpointId: 'B', touches: 4, starts: 1, dropOffs: 2, stage: 1 },
          { touchpointId: 'C', touches: 2, starts: 0, dropOffs: 1, stage: 2 },
          { touchpointId: 'D', touches: 2, starts: 1, dropOffs: 2, stage: 3 },
        ]);
        expect(f.transitions).toEqual([
          { from: 'A', to: 'B', count: 3, kind: 'forward', skipped: 0 },
          { from: 'A', to: 'A', count: 1, kind: 'repeat', skipped: 0 },
          { from: 'A', to: 'C', count: 1, kind: 'skip', skipped: 1 },
          { from: 'B', to: 'A', count: 1, kind: 'back', skipped: 0 },
          { from: 'B', to: 'C', count: 1, kind: 'forward', skipped: 0 },
          { from: 'C', to: 'D', count: 1, kind: 'forward', skipped: 0 },
        ]);
        expect(f.summary).toEqual({ transitions: 8, repeats: 1, jumpsBack: 1, skips: 1 });
        const tp = (step: number, touchpointId: string) => ({
          kind: 'touchpoint',
          step,
          touchpointId,
        });
        const links = f.flow.links.map((l) => [l.source, l.target, l.count]);
        expect(links).toHaveLength(11);
        expect(links).toEqual(
          expect.arrayContaining([
            [{ kind: 'start' }, tp(1, 'A'), 4],
            [{ kind: 'start' }, tp(1, 'B'), 1],
            [{ kind: 'start' }, tp(1, 'D'), 1],
            [tp(1, 'B'), { kind: 'end' }, 1],
            [tp(1, 'D'), { kind: 'end' }, 1],
            [tp(1, 'A'), tp(2, 'B'), 2],
            [tp(1, 'A'), tp(2, 'A'), 1],
            [tp(1, 'A'), tp(2, 'C'), 1],
            [tp(2, 'C'), { kind: 'end' }, 1],
            [tp(2, 'B'), { kind: 'more' }, 2],
            [tp(2, 'A'), { kind: 'more' }, 1],
          ]),
        );
      });

      it('leaves classification to the caller without a stage order', async () => {
        const f = await flow(period);
        expect(f.transitions.map((x) => [x.from, x.to, x.kind])).toEqual([
          ['A', 'B', 'unknown'],
          ['A', 'A', 'repeat'],
          ['A', 'C', 'unknown'],
          ['B', 'A', 'unknown'],
          ['B', 'C', 'unknown'],
          ['C', 'D', 'unknown'],
        ]);
        expect(f.touchpoints.every((x) => x.stage === null)).toBe(true);
      });

      it('counts a touch before the period only without a period', async () => {
        const f = await flow();
        // cust4: C (January) then B; the intake tests' event at tp-checkout is a sequence too.
        expect(f.transitions).toContainEqual(
          expect.objectContaining({ from: 'C', to: 'B', count: 1 }),
        );
        expect(f.customers).toBe(7);
      });

      it('keeps only the event types asked for, with or without responses', async () => {
        const purchases = await flow({
          ...period,
          eventTypes: ['purchase'],
          includeResponses: false,
        });
        expect(purchases).toMatchObject({ customers: 4, touches: 4, transitions: [] });
        const withResponses = await flow({ ...period, eventTypes: ['purchase'] });
        // cust1 B D (the detractor's response), plus the response without a customer.
        expect(withResponses.customers).toBe(5);
        expect(withResponses.transitions).toEqual([
          { from: 'B', to: 'D', count: 1, kind: 'unknown', skipped: null },
        ]);
      });

      it('follows only the detractors, or only the promoters (the latest answer decides)', async () => {
        const detractors = await flow({ ...period, outcome: { band: 'detractor' } });
        expect(detractors.customers).toBe(1);
        expect(detractors.transitions.map((x) => [x.from, x.to, x.count])).toEqual([
          ['A', 'B', 1],
          ['B', 'C', 1],
          ['C', 'D', 1],
        ]);
        const promoters = await flow({ ...period, outcome: { band: 'promoter', surveyId } });
        // cust2 (A A B), cust3 (A B A) and the response without a customer (D).
        expect(promoters.customers).toBe(3);
        expect(promoters.touches).toBe(7);
        expect(promoters.touchpoints.find((x) => x.touchpointId === 'D')).toMatchObject({
          starts: 1,
          dropOffs: 1,
        });
        const passives = await flow({ ...period, outcome: { band: 'passive' } });
        expect(passives).toMatchObject({ customers: 0, touches: 0, transitions: [] });
      });

      it('refuses an outcome survey that does not exist, or a period the wrong way round', async () => {
        const res = await owner.browser.request({
          method: 'POST',
          url: `${base}/journeys/observed-flow`,
          payload: { outcome: { band: 'promoter', surveyId: 'no-such-survey' } },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.outcome.surveyId' }] },
        });
        const backwards = await owner.browser.request({
          method: 'POST',
          url: `${base}/journeys/observed-flow`,
          payload: { from: '2025-07-01', to: '2025-06-01' },
        });
        expect(backwards.statusCode).toBe(400);
      });

      it("sees nothing of another workspace's touches", async () => {
        const other = await createAccount(t, 'outsider');
        const res = await other.browser.request({
          method: 'POST',
          url: `/api/v1/workspaces/${other.workspaceId}/journeys/observed-flow`,
          payload: {},
        });
        expect(res.json<ObservedFlow>()).toMatchObject({ customers: 0, touches: 0 });
      });
    });
  });
}
