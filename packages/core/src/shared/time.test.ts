import { describe, expect, it } from 'vitest';
import { clockStartingAt, DAY, localDay, submittedInstantIssue, type Clock } from './time.js';
import { newId } from './ids.js';

describe('localDay', () => {
  it('gives the Helsinki calendar day of an instant that is still the previous day in UTC', () => {
    expect(localDay(Date.UTC(2026, 2, 28, 22, 30), 'Europe/Helsinki')).toBe('2026-03-29');
  });
  it('follows daylight saving time: 21:30 UTC is midnight-past in summer, not in winter', () => {
    expect(localDay(Date.UTC(2026, 6, 1, 21, 30), 'Europe/Helsinki')).toBe('2026-07-02');
    expect(localDay(Date.UTC(2026, 0, 1, 21, 30), 'Europe/Helsinki')).toBe('2026-01-01');
  });
});

describe('newId', () => {
  it('makes UUIDv7 strings that sort in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_800_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('puts the timestamp first: an id of a later millisecond sorts after', () => {
    const earlier = newId(1_900_000_000_000);
    const later = newId(1_900_000_000_001);
    expect(later > earlier).toBe(true);
    expect(later.slice(0, 13)).toBe('01ba60d3-3801');
  });
});

describe('submittedInstantIssue', () => {
  const now = Date.UTC(2026, 5, 15, 12);

  it('accepts any instant from 1970 to one day after now', () => {
    expect(submittedInstantIssue(0, now)).toBeUndefined();
    expect(submittedInstantIssue(Date.UTC(1999, 0, 1), now)).toBeUndefined();
    expect(submittedInstantIssue(now, now)).toBeUndefined();
    expect(submittedInstantIssue(now + DAY, now)).toBeUndefined();
  });

  it('refuses an instant later than a day from now, naming the latest allowed', () => {
    expect(submittedInstantIssue(now + DAY + 1, now)).toBe(
      "must not be later than 2026-06-16T12:00:00.000Z (one day after the server's time)",
    );
    expect(submittedInstantIssue(Date.UTC(9999, 11, 31), now)).toMatch(/not be later/);
  });

  it('refuses instants before 1970 and ones that are not whole milliseconds', () => {
    for (const at of [-1, 0.5, Number.NaN, 2 ** 53])
      expect(submittedInstantIssue(at, now), String(at)).toMatch(/whole epoch milliseconds/);
  });
});

describe('clockStartingAt', () => {
  it('starts at the given instant and then advances with the real clock, ms for ms', () => {
    let real = Date.UTC(2026, 11, 2, 6, 0);
    const realClock: Clock = { now: () => real };
    const start = Date.UTC(2026, 2, 28, 12, 0);
    const clock = clockStartingAt(start, realClock);
    expect(clock.now()).toBe(start);
    real += 90_000;
    expect(clock.now()).toBe(start + 90_000);
    expect(localDay(clock.now(), 'Europe/Helsinki')).toBe('2026-03-28');
  });
});
