/**
 * The flower shop's customer events: two years of visits, purchases, deliveries, complaints and
 * subscription renewals, so the observed journey (docs/journeys.md) has real paths to draw:
 * repeats (a second look at the web shop), channel switches (from the web shop to the shop
 * window), drop-outs (visitors who never buy), jumps back (a complaint, then a new delivery)
 * and returning customers. Deterministic: the same touchpoints and end always give the same
 * events, ids included, so seeding again stores nothing twice.
 *
 * The touchpoints belong to the demo journey (made by the journey model): the caller passes
 * their ids by the stable keys below. Events at a key it does not map are left out.
 */
import type { RecordEventInput } from '@polku/contracts';
import { localDay, type WorkspaceContext } from '@polku/core';
import type { Runtime } from '../runtime.js';
import { demoDays, localClock, type DemoDay } from './calendar.js';
import { DEMO_DAYS } from './responses.js';
import { Random, seedOf } from './random.js';

export const demoTouchpointKeys = [
  'webshop',
  'window',
  'checkout',
  'counter',
  'courier',
  'service',
  'subscription',
] as const;
export type DemoTouchpointKey = (typeof demoTouchpointKeys)[number];
export type DemoTouchpointIds = Partial<Record<DemoTouchpointKey, string>>;

/** New customers on an ordinary day (about 3 000 over the two years, more in the busy weeks). */
const NEW_CUSTOMERS_PER_DAY = 3.6;
const MINUTE = 60_000;

interface Touch {
  dayIndex: number;
  minute: number;
  key: DemoTouchpointKey;
  type: 'visit' | 'purchase' | 'delivery' | 'complaint' | 'renewal';
  value?: number;
}

/** One customer's touches from their first visit on `start` (an index into the days). */
function customerJourney(rng: Random, days: readonly DemoDay[], start: number): Touch[] {
  const touches: Touch[] = [];
  let day = start;
  let minute = rng.int(8 * 60, 20 * 60);
  const at = (key: Touch['key'], type: Touch['type'], gapMinutes: number, value?: number) => {
    minute += gapMinutes;
    while (minute >= 22 * 60) {
      day++;
      minute = minute - 22 * 60 + 8 * 60;
    }
    touches.push({ dayIndex: day, minute, key, type, ...(value !== undefined && { value }) });
  };
  const later = (minDays: number, maxDays: number) => {
    day += rng.int(minDays, maxDays);
    minute = rng.int(8 * 60, 20 * 60);
  };

  for (let visitCount = 0; visitCount < 4; visitCount++) {
    // Choosing: most look in the web shop, some stop at the shop window; a few look twice.
    let online = rng.chance(0.65);
    at(online ? 'webshop' : 'window', 'visit', 0);
    while (rng.chance(online ? 0.3 : 0.1))
      at(online ? 'webshop' : 'window', 'visit', rng.int(5, 600));
    // A web visitor who comes to the shop after all, and the other way round.
    if (rng.chance(0.08)) {
      online = !online;
      later(0, 2);
      at(online ? 'webshop' : 'window', 'visit', 0);
    }
    // Some only look.
    if (!rng.chance(online ? 0.68 : 0.78)) return touches;
    const price = Math.round((25 + rng.next() * 95) * 100) / 100;
    at(online ? 'checkout' : 'counter', 'purchase', rng.int(2, 40), price);
    const delivered = online ? rng.chance(0.92) : rng.chance(0.25);
    if (delivered) {
      at('courier', 'delivery', rng.int(180, 1500));
      // The courier runs late in the busy weeks: complaints follow, and a new delivery.
      const busy = (days[day]?.rush ?? 1) >= 1.6;
      if (rng.chance(busy ? 0.2 : 0.05)) {
        at('service', 'complaint', rng.int(30, 900));
        if (rng.chance(0.5)) at('courier', 'delivery', rng.int(120, 1200));
        // An unhappy customer seldom comes back.
        if (rng.chance(0.7)) return touches;
      }
    }
    // A flower subscription: renewals every four weeks, each one delivered.
    if (rng.chance(0.1)) {
      const months = rng.int(2, 12);
      for (let m = 0; m < months; m++) {
        later(26, 30);
        at('subscription', 'renewal', 0, 39.9);
        at('courier', 'delivery', rng.int(600, 1500));
        if (rng.chance(0.03)) at('service', 'complaint', rng.int(60, 600));
      }
      return touches;
    }
    // Returning for the next occasion, or not.
    if (!rng.chance(0.3)) return touches;
    later(20, 200);
  }
  return touches;
}

/**
 * The demo events ending at `end.until` (later ones are left out), over the days of the demo
 * responses. Customer references are `AS-00001`… in the order customers first came.
 */
export function generateDemoEvents(
  touchpointIds: DemoTouchpointIds,
  end: { lastDay: string; until: number; timeZone: string },
): RecordEventInput[] {
  const rng = new Random(seedOf('polku-demo:events'));
  const days = demoDays(end.lastDay, DEMO_DAYS);
  const clocks = new Map<number, (minute: number) => number>();
  const clock = (i: number) => {
    let c = clocks.get(i);
    if (!c) {
      c = localClock(days[i]!.day, end.timeZone);
      clocks.set(i, c);
    }
    return c;
  };
  const out: RecordEventInput[] = [];
  let customers = 0;
  days.forEach((d, start) => {
    const arriving = rng.poisson(NEW_CUSTOMERS_PER_DAY * d.volume);
    for (let c = 0; c < arriving; c++) {
      customers++;
      const customerRef = `AS-${String(customers).padStart(5, '0')}`;
      for (const touch of customerJourney(rng, days, start)) {
        // Drawn even when left out below, so the stream (and every id) stays the same.
        const occurredAt = touch.dayIndex < days.length ? clock(touch.dayIndex)(touch.minute) : 0;
        const id = rng.uuidV7(Math.max(occurredAt, 0) + rng.int(0, MINUTE - 1));
        const touchpointId = touchpointIds[touch.key];
        if (touch.dayIndex >= days.length || occurredAt > end.until || !touchpointId) continue;
        out.push({
          id,
          customerRef,
          type: touch.type,
          touchpointId,
          occurredAt,
          value: touch.value ?? null,
        });
      }
    }
  });
  return out.sort((a, b) => a.occurredAt! - b.occurredAt! || a.id!.localeCompare(b.id!));
}

/** Events per recordBatch call (the API's batch limit): one transaction each. */
const EVENT_BATCH = 1000;

/**
 * Stores the demo events through the event intake. The history ends when the workspace was
 * created, so every run regenerates the same events and a second run stores nothing.
 * Called once the demo journey (and so its touchpoints) exists.
 */
export async function seedDemoEvents(
  runtime: Runtime,
  ctx: WorkspaceContext,
  touchpointIds: DemoTouchpointIds,
): Promise<{ eventsCreated: number }> {
  const { workspace } = ctx;
  const events = generateDemoEvents(touchpointIds, {
    lastDay: localDay(workspace.createdAt, workspace.timeZone),
    until: workspace.createdAt,
    timeZone: workspace.timeZone,
  });
  let eventsCreated = 0;
  for (let i = 0; i < events.length; i += EVENT_BATCH) {
    const { created } = await runtime.services.events.recordBatch(
      ctx,
      events.slice(i, i + EVENT_BATCH),
    );
    eventsCreated += created;
  }
  return { eventsCreated };
}
