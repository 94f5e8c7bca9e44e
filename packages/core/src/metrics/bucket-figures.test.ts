import { describe, expect, it } from 'vitest';
import { bucketBounds, bucketCoverage, countDays, sameDaysBefore } from './buckets.js';
import { coverageOf, figuresOf, sameDaysRanges, type CountRow } from './bucket-figures.js';
import { computeNps } from './nps.js';
import { createHistogram } from './histogram.js';

describe('bucketBounds', () => {
  it('gives the first and last day of every kind of bucket', () => {
    expect(bucketBounds('2026-03-28', 'day')).toEqual({ first: '2026-03-28', last: '2026-03-28' });
    // ISO weeks start on Monday; week 1 holds the year's first Thursday.
    expect(bucketBounds('2026-W01', 'week')).toEqual({ first: '2025-12-29', last: '2026-01-04' });
    expect(bucketBounds('2026-W13', 'week')).toEqual({ first: '2026-03-23', last: '2026-03-29' });
    expect(bucketBounds('2026-W53', 'week')).toEqual({ first: '2026-12-28', last: '2027-01-03' });
    expect(bucketBounds('2028-02', 'month')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(bucketBounds('2026-02', 'month')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(bucketBounds('2026-Q3', 'quarter')).toEqual({ first: '2026-07-01', last: '2026-09-30' });
    expect(bucketBounds('2026-Q4', 'quarter')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(bucketBounds('2026', 'year')).toEqual({ first: '2026-01-01', last: '2026-12-31' });
    expect(bucketBounds('all', 'all')).toBeNull();
  });
});

describe('bucketCoverage', () => {
  const december = { first: '2026-12-01', last: '2026-12-31' };

  it('calls the current month in progress, with the days it has had (a 2-day month)', () => {
    expect(
      bucketCoverage(december, { from: '2026-01-01', to: '2026-12-02' }, '2026-12-02'),
    ).toEqual({ state: 'inProgress', days: 2, ofDays: 31 });
  });

  it('counts today in a bucket in progress even on its last day', () => {
    expect(bucketCoverage(december, {}, '2026-12-31')).toEqual({
      state: 'inProgress',
      days: 31,
      ofDays: 31,
    });
  });

  it('calls an ended bucket complete when the period takes all of it', () => {
    expect(
      bucketCoverage(december, { from: '2026-12-01', to: '2026-12-31' }, '2027-01-01'),
    ).toEqual({ state: 'complete', days: 31, ofDays: 31 });
    expect(bucketCoverage(december, {}, '2027-06-01')).toMatchObject({ state: 'complete' });
  });

  it('calls an ended bucket partial when from or to cuts it', () => {
    expect(bucketCoverage(december, { from: '2026-12-03' }, '2027-01-15')).toEqual({
      state: 'partial',
      days: 29,
      ofDays: 31,
    });
    expect(bucketCoverage(december, { to: '2026-12-10' }, '2027-01-15')).toEqual({
      state: 'partial',
      days: 10,
      ofDays: 31,
    });
  });

  it('calls a bucket after today future, with no days covered', () => {
    expect(bucketCoverage(december, { to: '2026-12-31' }, '2026-11-30')).toEqual({
      state: 'future',
      days: 0,
      ofDays: 31,
    });
  });
});

describe('sameDaysBefore', () => {
  it('matches month-to-date with the same days of the month before', () => {
    expect(sameDaysBefore('2026-12', 'month', { from: '2026-12-01', to: '2026-12-02' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-02',
    });
  });
  it('keeps the days inside a shorter month before, and has none past its end', () => {
    expect(sameDaysBefore('2026-03', 'month', { from: '2026-03-01', to: '2026-03-30' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(sameDaysBefore('2026-03', 'month', { from: '2026-03-30', to: '2026-03-31' })).toBeNull();
  });
  it('matches a week so far with the same weekdays of the week before', () => {
    // Monday 23 – Saturday 28 March 2026 against Monday 16 – Saturday 21 March.
    expect(sameDaysBefore('2026-W13', 'week', { from: '2026-03-23', to: '2026-03-28' })).toEqual({
      from: '2026-03-16',
      to: '2026-03-21',
    });
    // Across New Year: 2026-W01 begins on Monday 29 December 2025.
    expect(sameDaysBefore('2026-W01', 'week', { from: '2025-12-29', to: '2025-12-30' })).toEqual({
      from: '2025-12-22',
      to: '2025-12-23',
    });
  });
  it('matches a quarter so far with the same days from the start of the quarter before', () => {
    expect(sameDaysBefore('2026-Q3', 'quarter', { from: '2026-07-01', to: '2026-07-02' })).toEqual({
      from: '2026-04-01',
      to: '2026-04-02',
    });
  });
  it('matches a bucket cut at its start by its offsets from the start', () => {
    expect(sameDaysBefore('2026-11', 'month', { from: '2026-11-03', to: '2026-11-30' })).toEqual({
      from: '2026-10-03',
      to: '2026-10-30',
    });
  });
});

describe('figures of incomplete buckets', () => {
  const cell = { group: null, surveyId: 's', questionKey: 'nps', item: '' };
  const rows = (bucket: string, scores: Record<number, number>): CountRow[] =>
    Object.entries(scores).map(([value, count]) => ({
      ...cell,
      bucket,
      value: Number(value),
      count,
    }));
  const scale = { min: 0, max: 10 };
  /** Months from `from` to 2 December 2026, which is today: December has had two days. */
  const monthsFrom = (from: string) => ({
    by: 'month' as const,
    period: { from, to: '2026-12-02' },
    today: '2026-12-02',
  });

  it('marks each month with its coverage and the 12 months with theirs', () => {
    const frame = monthsFrom('2026-01-01');
    const { buckets, total } = figuresOf(
      'nps',
      scale,
      frame,
      [...rows('2026-11', { 10: 30, 0: 10 }), ...rows('2026-12', { 10: 1, 0: 3 })],
      { layout: ['2026-11', '2026-12'] },
    );
    expect(buckets.map((b) => [b.bucket, b.coverage])).toEqual([
      ['2026-11', { state: 'complete', days: 30, ofDays: 30 }],
      ['2026-12', { state: 'inProgress', days: 2, ofDays: 31 }],
    ]);
    expect(total.coverage).toEqual({ state: 'inProgress', days: 336, ofDays: 336 });
    expect(countDays('2026-01-01', '2026-12-02')).toBe(336);
  });

  it('never compares a 2-day month with a whole one: without its same days, no change', () => {
    const frame = monthsFrom('2026-11-01');
    const { buckets } = figuresOf(
      'nps',
      scale,
      frame,
      [...rows('2026-11', { 10: 30, 0: 10 }), ...rows('2026-12', { 10: 1, 0: 30 })],
      { layout: ['2026-11', '2026-12'] },
    );
    expect(buckets[1]!.change).toBeNull();
  });

  it('compares an incomplete month with the same days of the month before', () => {
    const frame = monthsFrom('2026-11-01');
    expect([...sameDaysRanges(frame, ['2026-11', '2026-12'])]).toEqual([
      ['2026-12', { from: '2026-11-01', to: '2026-11-02' }],
    ]);
    // 1–2 November: 20 promoters of 40 (NPS 50); 1–2 December: 10 detractors of 40 (NPS −25).
    const earlier = createHistogram([...Array<number>(20).fill(10), ...Array<number>(20).fill(8)]);
    const later = createHistogram([...Array<number>(10).fill(0), ...Array<number>(30).fill(8)]);
    const { buckets } = figuresOf(
      'nps',
      scale,
      frame,
      [...rows('2026-11', { 10: 300 }), ...rows('2026-12', { 0: 10, 8: 30 })],
      {
        layout: ['2026-11', '2026-12'],
        sameDays: new Map([['2026-12', { previous: '2026-11-01/2026-11-02', histogram: earlier }]]),
      },
    );
    const change = buckets[1]!.change!;
    expect(change.previous).toBe('2026-11-01/2026-11-02');
    expect(change.difference).toBeCloseTo(computeNps(later).nps! - computeNps(earlier).nps!, 10);
    expect(change.difference).toBeCloseTo(-75, 10);
    expect(change.significant).toBe(true);
    expect(buckets[0]!.change).toBeNull(); // its month before, October, is outside the period
  });

  it('still compares a whole month with the whole month before', () => {
    const frame = monthsFrom('2026-10-01');
    const { buckets } = figuresOf(
      'nps',
      scale,
      frame,
      [...rows('2026-10', { 10: 40 }), ...rows('2026-11', { 0: 40 })],
      { layout: ['2026-10', '2026-11', '2026-12'] },
    );
    expect(buckets[1]!.change).toMatchObject({ previous: '2026-10', difference: -200 });
  });

  it('gives a day still in progress no change: its hours cannot be matched', () => {
    const frame = { by: 'day' as const, period: {}, today: '2026-12-02' };
    expect(sameDaysRanges(frame, ['2026-12-01', '2026-12-02']).size).toBe(0);
    const { buckets } = figuresOf('nps', scale, frame, [
      ...rows('2026-12-01', { 10: 40 }),
      ...rows('2026-12-02', { 0: 40 }),
    ]);
    expect(buckets.map((b) => [b.bucket, b.coverage?.state, b.change === null])).toEqual([
      ['2026-12-01', 'complete', true],
      ['2026-12-02', 'inProgress', true],
    ]);
  });

  it('says nothing of the coverage of an open-ended whole period', () => {
    const frame = { by: 'all' as const, period: { to: '2026-12-02' }, today: '2026-12-02' };
    expect(coverageOf(frame, 'all')).toBeUndefined();
    expect(
      coverageOf({ ...frame, period: { from: '2026-12-01', to: '2026-12-31' } }, 'all'),
    ).toEqual({ state: 'inProgress', days: 2, ofDays: 31 });
  });
});
