import { describe, expect, it } from 'vitest';
import { localDay } from './time.js';
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
