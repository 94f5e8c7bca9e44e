import type { ObservedFlow } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTouchpointKeys, generateDemoEvents, seedDemoEvents } from '../src/demo/events.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { createTouchpoint } from './support/journeys.js';

/** Made-up touchpoint ids: the demo journey's real ones come from the journey model. */
const ids = Object.fromEntries(demoTouchpointKeys.map((k) => [k, `tp-${k}`]));
const stageOrder = {
  'tp-webshop': 0,
  'tp-window': 0,
  'tp-checkout': 1,
  'tp-counter': 1,
  'tp-courier': 2,
  'tp-service': 3,
  'tp-subscription': 4,
};
const end = {
  lastDay: '2026-04-30',
  until: Date.UTC(2026, 3, 30, 12),
  timeZone: 'Europe/Helsinki',
};

describe('the demo events', () => {
  it('are the same on every run, and only at the touchpoints given', () => {
    const a = generateDemoEvents(ids, end);
    expect(generateDemoEvents(ids, end)).toEqual(a);
    const customers = new Set(a.map((e) => e.customerRef));
    expect(customers.size).toBeGreaterThan(2000);
    expect(customers.size).toBeLessThan(5000);
    expect(a.every((e) => e.occurredAt! <= end.until)).toBe(true);
    expect(new Set(a.map((e) => e.type))).toEqual(
      new Set(['visit', 'purchase', 'delivery', 'complaint', 'renewal']),
    );
    // Without the customer service touchpoint its events are left out, the rest kept as they were.
    const { service: _, ...withoutService } = ids;
    const b = generateDemoEvents(withoutService, end);
    expect(b).toEqual(a.filter((e) => e.touchpointId !== 'tp-service'));
  });
});

for (const dialect of testDialects()) {
  describe(`seeding the demo events on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let ctx: WorkspaceContext;
    /** Real touchpoints (events may only name touchpoints of the workspace), named tp-<key>. */
    const real: Record<string, string> = {};
    const named = <T>(value: T): T => {
      let text = JSON.stringify(value);
      for (const [key, id] of Object.entries(real)) text = text.replaceAll(id, `tp-${key}`);
      return JSON.parse(text) as T;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      const workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      ctx = { workspace, actor: { kind: 'user', userId: owner.userId, role: 'owner' }, ip: null };
      for (const key of demoTouchpointKeys)
        real[key] = await createTouchpoint(owner.browser, owner.workspaceId, `tp-${key}`);
    });
    afterAll(() => t.close());

    it('stores the events once, and a second run stores nothing', async () => {
      const first = await seedDemoEvents(t.runtime, ctx, real);
      expect(first.eventsCreated).toBeGreaterThan(8000);
      expect(await seedDemoEvents(t.runtime, ctx, real)).toEqual({ eventsCreated: 0 });
    }, 120_000);

    it('gives an observed flow with repeats, jumps back, skips and drop-outs', async () => {
      const res = await owner.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${owner.workspaceId}/journeys/observed-flow`,
        payload: {
          stageOrder: Object.fromEntries(
            Object.entries(stageOrder).map(([id, stage]) => [real[id.slice(3)]!, stage]),
          ),
        },
      });
      const f = named(res.json<ObservedFlow>());
      expect(f.touchpointNames[real.webshop!]).toBeUndefined(); // ids were renamed back…
      expect(Object.values(f.touchpointNames)).toContain('tp-webshop'); // …names come along
      expect(f.customers).toBeGreaterThan(2000);
      expect(f.summary.repeats).toBeGreaterThan(0);
      expect(f.summary.jumpsBack).toBeGreaterThan(0);
      expect(f.summary.skips).toBeGreaterThan(0);
      const web = f.touchpoints.find((x) => x.touchpointId === 'tp-webshop')!;
      expect(web.dropOffs).toBeGreaterThan(0);
      expect(f.transitions).toContainEqual(
        expect.objectContaining({ from: 'tp-service', to: 'tp-courier', kind: 'back' }),
      );
    });
  });
}
