import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '@polku/contracts';
import type { SurveyRecord } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { createHistogram } from './histogram.js';
import {
  bucketCount,
  bucketsBetween,
  foldIntoIsoWeeks,
  histogramsByBucket,
  isoWeekOf,
  previousBucket,
  type HistogramRow,
} from './buckets.js';
import {
  computeBucketChange,
  computeCsiBucket,
  computeCxIndexBucket,
  computeQuestionMetric,
} from './figures.js';
import { MetricService, type CountQuery } from './metric.service.js';

describe('isoWeekOf', () => {
  it('names ISO 8601 weeks, including the ones that straddle New Year', () => {
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01'); // Monday of that week
    expect(isoWeekOf('2026-01-04')).toBe('2026-W01'); // Sunday
    expect(isoWeekOf('2026-01-05')).toBe('2026-W02');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // 2026 has 53 weeks
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-06-15')).toBe('2026-W25');
    expect(() => isoWeekOf('2026-1-1')).toThrow(RangeError);
  });

  it('folds per-day histograms into weeks, summing the same value', () => {
    const rows: HistogramRow[] = [
      { bucket: '2026-01-05', value: 10, count: 1 },
      { bucket: '2026-01-11', value: 10, count: 2 },
      { bucket: '2026-01-11', value: 3, count: 1 },
      { bucket: '2026-01-12', value: 7, count: 1 },
    ];
    const weeks = histogramsByBucket(foldIntoIsoWeeks(rows));
    expect([...weeks.keys()]).toEqual(['2026-W02', '2026-W03']);
    expect(weeks.get('2026-W02')).toEqual(
      new Map([
        [10, 3],
        [3, 1],
      ]),
    );
  });
});

describe('computeQuestionMetric', () => {
  it('gives NPS counts, score, the adjusted-Wald interval and the small-sample flag', () => {
    const r = computeQuestionMetric(
      'nps',
      { min: 0, max: 10 },
      'all',
      createHistogram([10, 7, 3, 9]),
    );
    expect(r).toMatchObject({
      n: 4,
      counts: { promoters: 2, passives: 1, detractors: 1 },
      score: 25,
      method: 'adjusted-wald',
      smallSample: true,
    });
    expect(r.ci95).toHaveLength(2);
  });

  it('gives the Wald NPS interval when asked: 291/476/395 has the published margin 4.39', () => {
    // MeasuringU's example, published as "−9 ± 4.4": promoters 291, passives 476, detractors 395.
    const histogram = new Map([
      [10, 291],
      [7, 476],
      [0, 395],
    ]);
    const wald = computeQuestionMetric('nps', { min: 0, max: 10 }, 'all', histogram, {
      npsInterval: 'wald',
    });
    expect(wald.method).toBe('wald');
    expect(wald.score).toBeCloseTo(-8.95, 2);
    expect((wald.ci95![1] - wald.ci95![0]) / 2).toBeCloseTo(4.388, 3);
    expect((wald.ci95![0] + wald.ci95![1]) / 2).toBeCloseTo(wald.score!, 10); // centred on the NPS
    const adjusted = computeQuestionMetric('nps', { min: 0, max: 10 }, 'all', histogram);
    expect(adjusted.method).toBe('adjusted-wald');
    expect(adjusted.ci95).not.toEqual(wald.ci95);
  });

  it('gives CSAT top-2-box with Wilson, CES mean with t, rating mean and CSI, goal % yes', () => {
    const csat = computeQuestionMetric(
      'csat',
      { min: 1, max: 5 },
      'all',
      new Map([
        [5, 42],
        [4, 32],
        [3, 10],
        [2, 9],
        [1, 14],
      ]),
    );
    expect(csat.score).toBeCloseTo(69.16, 2);
    expect(csat.counts).toEqual({ satisfied: 74, neutral: 10, dissatisfied: 23 });
    expect(csat.method).toBe('wilson');

    const ces = computeQuestionMetric(
      'ces',
      { min: 1, max: 7 },
      'all',
      createHistogram([7, 6, 5, 3]),
    );
    expect(ces).toMatchObject({ score: 5.25, easyPercent: 75, method: 't' });
    expect(ces.counts).toEqual({ easy: 3, neutral: 0, difficult: 1 });

    const rating = computeQuestionMetric(
      'rating',
      { min: 1, max: 5 },
      'all',
      createHistogram([5, 1]),
    );
    expect(rating).toMatchObject({ score: 3, csi: 50, counts: { '1': 1, '5': 1, '3': 0 } });

    const goal = computeQuestionMetric(
      'goal',
      { min: 0, max: 1 },
      'all',
      createHistogram([1, 1, 0.5, 0]),
    );
    expect(goal).toMatchObject({ n: 4, score: 50, counts: { yes: 2, partly: 1, no: 1 } });
  });

  it('gives a numeric question the mean of its decimals with a t interval, and no counts', () => {
    // 12.5, 14, 9.75, 20, 11.25: x̄ = 13.5, s² = 62.625/4 = 15.65625; t(0.975, 4) = 2.776445
    // (Student t tables), so the half-width is 2.776445·√(15.65625/5) = 4.913014.
    const r = computeQuestionMetric(
      'numeric',
      { min: 0, max: null },
      'all',
      createHistogram([12.5, 14, 9.75, 20, 11.25]),
    );
    expect(r).toMatchObject({ n: 5, counts: {}, method: 't', smallSample: true });
    expect(r.score).toBeCloseTo(13.5, 12);
    expect(r.variance).toBeCloseTo(15.65625, 12);
    expect(r.ci95![0]).toBeCloseTo(8.586986, 6);
    expect(r.ci95![1]).toBeCloseTo(18.413014, 6);
    expect(() =>
      computeQuestionMetric('numeric', { min: null, max: null }, 'all', new Map([[NaN, 1]])),
    ).toThrow('numeric mean: answer value NaN is not a finite number');
  });

  it('counts every point of a rating that starts at 0, the 0 included', () => {
    const r = computeQuestionMetric(
      'rating',
      { min: 0, max: 4 },
      'all',
      createHistogram([0, 0, 4]),
    );
    expect(r.counts).toEqual({ '0': 2, '1': 0, '2': 0, '3': 0, '4': 1 });
    expect(r.score).toBeCloseTo(4 / 3, 12);
    expect(r.csi).toBeCloseTo(100 / 3, 12); // (4/3 − 0)/(4 − 0)·100
  });

  it('reports n = 0 as a null score, never 0', () => {
    expect(computeQuestionMetric('nps', { min: 0, max: 10 }, 'all', new Map())).toMatchObject({
      n: 0,
      score: null,
      ci95: null,
    });
  });
});

/** Survey s1's published version 1, as the repository returns it. */
const versionOne = (definition: SurveyDefinition) => ({
  workspaceId: 'w',
  surveyId: 's1',
  version: 1,
  definition,
  publishedAt: 0,
  publishedByUserId: null,
});

describe('MetricService.questionMetric', () => {
  const definition = {
    questions: [
      { key: 'nps', type: 'nps' },
      { key: 'reason', type: 'text' },
    ],
  } as unknown as SurveyDefinition;
  const survey = { publishedVersion: 1, draft: { questions: [] } } as unknown as SurveyRecord;
  const queries: CountQuery[] = [];
  const service = new MetricService({
    surveys: {
      findById: (_w, id) => Promise.resolve(id === 's1' ? survey : undefined),
      list: () => Promise.resolve([survey]),
      findVersion: () => Promise.resolve(versionOne(definition)),
    },
    metrics: {
      testResponses: () => Promise.resolve(0),
      counts: (_w, q) => {
        queries.push(q);
        const cell = { group: null, surveyId: 's1', questionKey: 'nps', item: '' };
        return Promise.resolve({
          source: 'rollup' as const,
          rows: [
            { ...cell, bucket: '2026-01-01', value: 10, count: 1 },
            { ...cell, bucket: '2026-01-05', value: 3, count: 1 },
          ],
        });
      },
    },
    clock: { now: () => Date.UTC(2026, 5, 15, 12) },
  });
  const ctx = { workspace: { id: 'w', timeZone: 'Europe/Helsinki' } };

  it('asks SQL for days and folds them into ISO weeks', async () => {
    const r = await service.questionMetric(ctx, { surveyId: 's1', questionKey: 'nps', by: 'week' });
    expect(queries.at(-1)).toMatchObject({
      bucket: 'day',
      questions: [{ surveyId: 's1', questionKey: 'nps', item: '' }],
    });
    expect(r.buckets.map((b) => [b.bucket, b.score])).toEqual([
      ['2026-W01', 100],
      ['2026-W02', -100],
    ]);
    expect(r).toMatchObject({ questionType: 'nps', scoreName: 'nps', by: 'week' });
  });

  it('refuses unknown surveys and questions, non-numeric questions and bad days', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
      );
    expect(await code(service.questionMetric(ctx, { surveyId: 'x', questionKey: 'nps' }))).toBe(
      'NOT_FOUND',
    );
    expect(await code(service.questionMetric(ctx, { surveyId: 's1', questionKey: 'no' }))).toBe(
      'NOT_FOUND',
    );
    await expect(
      service.questionMetric(ctx, { surveyId: 's1', questionKey: 'reason' }),
    ).rejects.toThrow(/text question, which has no numeric metric/);
    expect(
      await code(
        service.questionMetric(ctx, {
          surveyId: 's1',
          questionKey: 'nps',
          from: '2026-02-01',
          to: '2026-01-01',
        }),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});

describe('MetricService.query periods', () => {
  const survey = {
    id: 's1',
    purpose: 'transactional',
    publishedVersion: 1,
    draft: { questions: [] },
  } as unknown as SurveyRecord;
  const definition = { questions: [{ key: 'nps', type: 'nps' }] } as unknown as SurveyDefinition;
  const service = new MetricService({
    surveys: {
      findById: () => Promise.resolve(survey),
      list: () => Promise.resolve([survey]),
      findVersion: () => Promise.resolve(versionOne(definition)),
    },
    metrics: {
      counts: () => Promise.resolve({ source: 'rollup' as const, rows: [] }),
      testResponses: () => Promise.resolve(0),
    },
    clock: { now: () => Date.UTC(2026, 5, 15, 12) },
  });
  const ctx = { workspace: { id: 'w', timeZone: 'Europe/Helsinki' } };
  const refusal = (query: Parameters<typeof service.query>[1]) =>
    service.query(ctx, query).then(
      () => null,
      (e: unknown) => (e instanceof DomainError ? { code: e.code, details: e.details } : e),
    );

  it('refuses a period of more than 5,000 buckets, saying how many it holds', async () => {
    const metric = { kind: 'nps' as const };
    expect(await refusal({ metric, by: 'day', from: '2000-01-01', to: '2026-12-31' })).toEqual({
      code: 'PERIOD_TOO_LONG',
      details: { by: 'day', buckets: 9862, max: 5000 },
    });
    expect(await refusal({ metric, by: 'year', from: '1970-01-01', to: '9999-12-31' })).toEqual({
      code: 'PERIOD_TOO_LONG',
      details: { by: 'year', buckets: 8030, max: 5000 },
    });
    // The same periods by a longer bucket are laid out whole.
    expect(await refusal({ metric, by: 'month', from: '2000-01-01', to: '2026-12-31' })).toBeNull();
    expect(await refusal({ metric, by: 'all', from: '1970-01-01', to: '9999-12-31' })).toBeNull();
  });

  it('refuses days before 1970 or that are not calendar days', async () => {
    const metric = { kind: 'nps' as const };
    for (const from of ['0050-01-01', '1969-12-31', '2026-02-30'])
      expect(await refusal({ metric, by: 'month', from, to: '2026-12-31' })).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
  });
});

describe('bucketCount', () => {
  it('counts the buckets a period lays out, as listing them does', () => {
    const periods: [string, string][] = [
      ['2026-01-01', '2026-01-01'],
      ['2025-12-29', '2026-01-05'],
      ['2020-02-28', '2021-03-01'],
      ['2026-01-31', '2027-01-01'],
      ['1999-12-31', '2026-07-15'],
    ];
    for (const [from, to] of periods)
      for (const by of ['day', 'week', 'month', 'quarter', 'year', 'all'] as const)
        expect(bucketCount(from, to, by), `${from}…${to} by ${by}`).toBe(
          bucketsBetween(from, to, by, 1e6).length,
        );
    expect(bucketCount('2026-02-01', '2026-01-01', 'day')).toBe(0);
  });
});

describe('previousBucket', () => {
  it('steps back one day, ISO week, month, quarter or year, across year ends', () => {
    expect(previousBucket('2026-03-01', 'day')).toBe('2026-02-28');
    expect(previousBucket('2024-03-01', 'day')).toBe('2024-02-29');
    expect(previousBucket('2026-W01', 'week')).toBe('2025-W52');
    expect(previousBucket('2027-W01', 'week')).toBe('2026-W53'); // 2026 has 53 weeks
    expect(previousBucket('2026-W10', 'week')).toBe('2026-W09');
    expect(previousBucket('2026-01', 'month')).toBe('2025-12');
    expect(previousBucket('2026-Q1', 'quarter')).toBe('2025-Q4');
    expect(previousBucket('2026', 'year')).toBe('2025');
    expect(previousBucket('all', 'all')).toBeNull();
  });
});

describe('computeBucketChange', () => {
  it('tests NPS with the difference over its standard error and CSAT with two proportions', () => {
    const earlier = createHistogram([...Array<number>(60).fill(10), ...Array<number>(40).fill(3)]);
    const later = createHistogram([...Array<number>(30).fill(10), ...Array<number>(70).fill(3)]);
    const nps = computeBucketChange('nps', '2026-01', earlier, later);
    expect(nps).toMatchObject({ previous: '2026-01', difference: -60, significant: true });
    expect(nps?.test).toBe('nps-z');
    const same = computeBucketChange('nps', '2026-01', earlier, earlier);
    expect(same).toMatchObject({ difference: 0, significant: false });
    const csat = computeBucketChange(
      'csat',
      'p',
      new Map([
        [5, 42],
        [4, 32],
        [3, 10],
        [2, 9],
        [1, 14],
      ]),
      new Map([
        [5, 30],
        [4, 30],
        [1, 40],
      ]),
    );
    expect(csat?.difference).toBeCloseTo(60 - 69.159, 2);
    expect(csat?.test).toBe('two-proportion-z');
    // Wald tests the raw counts, adjusted-Wald the adjusted ones: the same data, other z.
    const small = createHistogram([10, 10, 10, 3]);
    const smaller = createHistogram([10, 3, 3, 3]);
    const byWald = computeBucketChange('nps', 'p', small, smaller, { npsInterval: 'wald' });
    const byAdjusted = computeBucketChange('nps', 'p', small, smaller);
    expect(byWald?.difference).toBe(byAdjusted?.difference);
    expect(byWald?.pValue).not.toBeCloseTo(byAdjusted!.pValue!, 3);
    expect(computeBucketChange('ces', 'p', new Map([[5, 3]]), new Map())).toBeNull();
    expect(computeBucketChange('cx_index', 'p', earlier, later)).toBeNull();
  });
});

describe('computeBucketChange of numeric means', () => {
  it("tests a numeric question's change with Welch's t, as it does a rating's", () => {
    const earlier = createHistogram([10.5, 12, 11.25, 9.75]);
    const later = createHistogram([14.5, 15, 13.25, 16]);
    const numeric = computeBucketChange('numeric', '2026-01', earlier, later)!;
    expect(numeric).toMatchObject({ previous: '2026-01', test: 'welch-t', significant: true });
    expect(numeric.difference).toBeCloseTo(14.6875 - 10.875, 12);
    const asRating = computeBucketChange('rating', '2026-01', earlier, later)!;
    expect(numeric.pValue).toBe(asRating.pValue);
  });
});

describe('computeCxIndexBucket', () => {
  it('averages the items and gives a conservative interval that holds the score', () => {
    const r = computeCxIndexBucket('all', {
      effectiveness: createHistogram([5, 5, 1]),
      ease: createHistogram([4, 3]),
      emotion: createHistogram([2]),
    });
    expect(r.score).toBeCloseTo((100 / 3 + 50 - 100) / 3, 6);
    expect(r.n).toBe(1);
    expect(r.counts).toEqual({ effectiveness: 3, ease: 2, emotion: 1 });
    expect(r.method).toBe('conservative-wald');
    expect(r.smallSample).toBe(true);
    expect(r.ci95![0]).toBeLessThan(r.score!);
    expect(r.ci95![1]).toBeGreaterThan(r.score!);
    const empty = computeCxIndexBucket('all', {
      effectiveness: createHistogram([5]),
      ease: new Map(),
      emotion: createHistogram([5]),
    });
    expect(empty).toMatchObject({ score: null, ci95: null, n: 0 });
  });
});

describe('computeCsiBucket', () => {
  it('gives the equal-weight three-item CSI with a conservative interval', () => {
    const r = computeCsiBucket('all', {
      overallSatisfaction: createHistogram([8, 8, 9, 7]),
      expectationDisconfirmation: createHistogram([7, 7, 6, 8]),
      comparisonToIdeal: createHistogram([6, 6, 5, 7]),
    });
    // Means 8, 7, 6: (7 + 6 + 5)/27·100 = 66.67 (the DIY form (S + E + P − 3)/27·100).
    expect(r.score).toBeCloseTo(((8 + 7 + 6 - 3) / 27) * 100, 10);
    expect(r).toMatchObject({ n: 4, method: 'conservative-wald', smallSample: true });
    expect(r.counts).toEqual({
      overallSatisfaction: 4,
      expectationDisconfirmation: 4,
      comparisonToIdeal: 4,
    });
    // Each item has s = 0.8165, so the bound is 1.96·0.8165/2·100/9 = 8.89 points either side.
    expect(r.ci95![1] - r.score!).toBeCloseTo((1.959964 * Math.sqrt(2 / 3) * 50) / 9, 4);
    const one = computeCsiBucket('all', {
      overallSatisfaction: createHistogram([8]),
      expectationDisconfirmation: createHistogram([7]),
      comparisonToIdeal: createHistogram([6]),
    });
    expect(one.score).toBeCloseTo(((8 + 7 + 6 - 3) / 27) * 100, 10);
    expect(one.ci95).toBeNull(); // one answer per item: no variance, no interval
  });

  it('weighs the items ACSI-style (.3885/.3190/.2925) in the score and in the interval', () => {
    const r = computeCsiBucket(
      'all',
      {
        overallSatisfaction: createHistogram([9, 7]), // mean 8, s² 2, s/√n 1
        expectationDisconfirmation: createHistogram([8, 6, 7]), // mean 7, s² 1, s/√n 1/√3
        comparisonToIdeal: createHistogram([5, 7]), // mean 6, s² 2, s/√n 1
      },
      [0.3885, 0.319, 0.2925],
    );
    // By hand: (7·.3885 + 6·.3190 + 5·.2925)/9·100 = (2.7195 + 1.914 + 1.4625)/9·100 = 67.7333.
    expect(r.score).toBeCloseTo(67.7333333, 6);
    // SE bound .3885·1 + .3190/√3 + .2925·1 = 0.8651747; half-width 1.959964·0.865169·100/9.
    expect(r.ci95![1] - r.score!).toBeCloseTo((1.959964 * 0.8651747 * 100) / 9, 4);
    expect(r.score! - r.ci95![0]).toBeCloseTo((1.959964 * 0.8651747 * 100) / 9, 4);
  });
});
