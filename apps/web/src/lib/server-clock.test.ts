import { afterEach, describe, expect, it } from 'vitest';
import { todayIn } from '../pages/analytics/period';
import { serverNow, syncServerClock } from './server-clock';

describe("the app's today", () => {
  afterEach(() => syncServerClock(Date.now()));

  it("is the server's today in the workspace's zone, whatever the browser's clock says", () => {
    // The server runs on 28 March 2026 (POLKU_TODAY), 23:30 in Helsinki; the browser is elsewhere.
    syncServerClock(Date.UTC(2026, 2, 28, 21, 30));
    expect(todayIn('Europe/Helsinki')).toBe('2026-03-28');
    expect(todayIn('UTC')).toBe('2026-03-28');
    expect(todayIn('Asia/Tokyo')).toBe('2026-03-29');
  });

  it('keeps running from the server time it was given', async () => {
    const serverTime = Date.UTC(2026, 6, 2, 9);
    syncServerClock(serverTime);
    await new Promise((r) => setTimeout(r, 20));
    const elapsed = serverNow().getTime() - serverTime;
    expect(elapsed).toBeGreaterThanOrEqual(15);
    expect(elapsed).toBeLessThan(5_000);
  });
});
