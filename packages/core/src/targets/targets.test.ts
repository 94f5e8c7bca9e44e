import { createHmac } from 'node:crypto';
import type { QuestionMetricBucket } from '@polku/contracts';
import { describe, expect, it } from 'vitest';
import { compareMeans } from '../metrics/change.js';
import { CES_SCALE, summarizeHistogram } from '../metrics/histogram.js';
import { computeQuestionMetric } from '../metrics/figures.js';
import {
  compareFigures,
  isSignificantDrop,
  judgeTarget,
  meanSummaryOf,
  type PeriodFigure,
} from './evaluation.js';
import { chartUrl } from './links.js';
import {
  calendarPeriodOf,
  chartBucketFor,
  currentPeriod,
  isPeriodLive,
  previousPeriod,
} from './periods.js';
import { signWebhookBody, verifyWebhookSignature, webhookHeaders } from './signature.js';
import { webhookUrlProblem } from './webhook.service.js';

const figure = (
  b: Omit<QuestionMetricBucket, 'bucket' | 'method' | 'smallSample'> & {
    method?: QuestionMetricBucket['method'];
  },
): PeriodFigure => {
  const bucket: QuestionMetricBucket = {
    bucket: 'all',
    method: 'adjusted-wald',
    smallSample: b.n < 30,
    ...b,
  };
  return { n: b.n, score: b.score, ci95: b.ci95, bucket };
};
const nps = (promoters: number, passives: number, detractors: number) => {
  const n = promoters + passives + detractors;
  return figure({
    n,
    counts: { promoters, passives, detractors },
    score: (100 * (promoters - detractors)) / n,
    ci95: null,
  });
};

describe('judging a period against its target', () => {
  // The published example: 291 promoters, 476 passives, 395 detractors → NPS −8.95, Wald
  // margin of error 4.39, so the interval is about [−13.34, −4.56].
  const published = { n: 1162, score: -8.95, ci95: [-13.34, -4.56] as const };

  it('calls a figure without answers no-data, and fewer than 30 answers too-few', () => {
    expect(judgeTarget({ n: 0, score: null, ci95: null }, 10)).toEqual({
      status: 'no-data',
      clearMiss: false,
    });
    // 29 answers far below the target: still neither met nor missed.
    expect(judgeTarget({ n: 29, score: -60, ci95: [-80, -40] }, 10)).toEqual({
      status: 'too-few',
      clearMiss: false,
    });
    expect(judgeTarget({ n: 30, score: -60, ci95: [-80, -40] }, 10).status).toBe('missed');
  });

  it('is met at or above the target and missed below it', () => {
    expect(judgeTarget(published, -10)).toEqual({ status: 'met', clearMiss: false });
    expect(judgeTarget(published, -8.95).status).toBe('met');
  });

  it('is a clear miss only when the whole interval lies below the target', () => {
    expect(judgeTarget(published, 0)).toEqual({ status: 'missed', clearMiss: true });
    // −6 is inside the interval: missed on the point estimate, but not clearly.
    expect(judgeTarget(published, -6)).toEqual({ status: 'missed', clearMiss: false });
  });
});

describe('change between periods for a drop alert', () => {
  it('tests NPS by the difference and its standard error (independent periods)', () => {
    // 50/30/20 (NPS 30) → 30/30/40 (NPS −10): SE ≈ 100·√(0.61/100 + 0.69/100) = 11.4, z ≈ −3.5.
    const drop = compareFigures('nps', nps(50, 30, 20), nps(30, 30, 40));
    expect(drop?.difference).toBeCloseTo(-40, 10);
    expect(drop?.significant).toBe(true);
    expect(drop?.pValue).toBeLessThan(0.001);
    expect(isSignificantDrop(drop)).toBe(true);
    // 50/30/20 → 48/30/22 (NPS 26): four points on ~13 of standard error is noise.
    const wobble = compareFigures('nps', nps(50, 30, 20), nps(48, 30, 22));
    expect(wobble?.difference).toBeCloseTo(-4, 10);
    expect(wobble?.significant).toBe(false);
    expect(isSignificantDrop(wobble)).toBe(false);
    // A rise is never a drop, however significant.
    expect(isSignificantDrop(compareFigures('nps', nps(30, 30, 40), nps(50, 30, 20)))).toBe(false);
  });

  it('tests CSAT with the two-proportion z test (published 69.16% against 60%)', () => {
    const csat = (satisfied: number, neutral: number, dissatisfied: number) => {
      const n = satisfied + neutral + dissatisfied;
      return figure({
        n,
        counts: { satisfied, neutral, dissatisfied },
        score: (100 * satisfied) / n,
        ci95: null,
        method: 'wilson',
      });
    };
    // 74 of 107 satisfied → 60 of 100: pooled p̄ = 134/207, SE₀ = 6.646 pp, z = −1.378, p = 0.168.
    const change = compareFigures('csat', csat(74, 10, 23), csat(60, 20, 20));
    expect(change?.difference).toBeCloseTo(-9.16, 2);
    expect(change?.pValue).toBeCloseTo(0.168, 2);
    expect(change?.significant).toBe(false);
  });

  it('tests goal reached as a proportion of yes', () => {
    const goal = (yes: number, partly: number, no: number) =>
      figure({
        n: yes + partly + no,
        counts: { yes, partly, no },
        score: (100 * yes) / (yes + partly + no),
        ci95: null,
        method: 'wilson',
      });
    // 80 of 100 → 60 of 100: p̄ = 0.7, SE₀ = √(0.21·0.02) = 6.48 pp, z = −3.086, p = 0.002.
    const change = compareFigures('goal', goal(80, 10, 10), goal(60, 20, 20));
    expect(change?.difference).toBeCloseTo(-20, 10);
    expect(change?.pValue).toBeCloseTo(0.00203, 4);
    expect(isSignificantDrop(change)).toBe(true);
  });

  it("reads CES's n, mean and sample variance from its bucket, for Welch's test", () => {
    const earlierH = new Map([
      [7, 20],
      [6, 10],
      [5, 5],
      [3, 5],
    ]);
    const laterH = new Map([
      [7, 8],
      [6, 8],
      [4, 10],
      [2, 10],
    ]);
    const bucket = (h: Map<number, number>) => computeQuestionMetric('ces', CES_SCALE, 'all', h);
    const recovered = meanSummaryOf(bucket(earlierH))!;
    const exact = summarizeHistogram(earlierH);
    expect(recovered.n).toBe(exact.n);
    expect(recovered.mean).toBeCloseTo(exact.mean!, 12);
    expect(recovered.variance).toBeCloseTo(exact.variance!, 9);
    const asFigure = (h: Map<number, number>): PeriodFigure => {
      const b = bucket(h);
      return { n: b.n, score: b.score, ci95: b.ci95, bucket: b };
    };
    const change = compareFigures('ces', asFigure(earlierH), asFigure(laterH));
    const welch = compareMeans(exact, summarizeHistogram(laterH))!;
    expect(change?.difference).toBeCloseTo(welch.difference, 12);
    expect(change?.pValue).toBeCloseTo(welch.pValue!, 8);
    expect(change?.test).toBe('welch-t');
  });

  it('tests a rating by Welch from its per-value counts', () => {
    const rating = (counts: Record<string, number>) => {
      const n = Object.values(counts).reduce((a, b) => a + b, 0);
      return figure({ n, counts, score: null, ci95: null, method: 't' });
    };
    // Ten 5s and ten 6s against ten 6s and ten 7s: means 5.5 → 6.5, s² = 0.263 each.
    const change = compareFigures(
      'rating',
      rating({ '5': 10, '6': 10, '7': 0 }),
      rating({ '5': 0, '6': 10, '7': 10 }),
    );
    expect(change?.difference).toBeCloseTo(1, 12);
    expect(change?.significant).toBe(true);
  });

  it('has no change without answers in both periods, nor for the CX index', () => {
    const empty: PeriodFigure = { n: 0, score: null, ci95: null, bucket: null };
    expect(compareFigures('nps', empty, nps(10, 10, 10))).toBeNull();
    expect(compareFigures('cx_index', nps(50, 30, 20), nps(30, 30, 40))).toBeNull();
  });

  it('does not call a drop between small samples an alert, even when significant', () => {
    const small = compareFigures('nps', nps(20, 0, 0), nps(0, 0, 20));
    expect(small?.significant).toBe(true);
    expect(small?.smallSample).toBe(true);
    expect(isSignificantDrop(small)).toBe(false);
  });
});

describe('target periods', () => {
  it('finds the calendar month, quarter and year of a day', () => {
    expect(calendarPeriodOf('month', '2024-02-10')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(calendarPeriodOf('quarter', '2026-05-14')).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(calendarPeriodOf('year', '2026-12-31')).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });

  it('compares a recurring period with the calendar period before it', () => {
    const month = { kind: 'recurring', every: 'month' } as const;
    const now = currentPeriod(month, '2026-03-15');
    expect(now).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(previousPeriod(month, now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    const quarter = { kind: 'recurring', every: 'quarter' } as const;
    expect(previousPeriod(quarter, currentPeriod(quarter, '2026-01-02'))).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
  });

  it('compares a fixed period with as many days just before it', () => {
    const fixed = { kind: 'fixed', from: '2026-05-01', to: '2026-05-10' } as const;
    expect(previousPeriod(fixed, currentPeriod(fixed, '2026-05-05'))).toEqual({
      from: '2026-04-21',
      to: '2026-04-30',
    });
  });

  it('keeps a fixed period live from its first day to a week after its last', () => {
    const fixed = { kind: 'fixed', from: '2026-05-01', to: '2026-05-10' } as const;
    expect(isPeriodLive(fixed, '2026-04-30')).toBe(false);
    expect(isPeriodLive(fixed, '2026-05-01')).toBe(true);
    expect(isPeriodLive(fixed, '2026-05-17')).toBe(true);
    expect(isPeriodLive(fixed, '2026-05-18')).toBe(false);
    expect(isPeriodLive({ kind: 'recurring', every: 'year' }, '1999-01-01')).toBe(true);
  });

  it('charts days up to a month, weeks up to half a year, months beyond', () => {
    expect(chartBucketFor({ from: '2026-01-01', to: '2026-01-31' })).toBe('day');
    expect(chartBucketFor({ from: '2026-01-01', to: '2026-03-31' })).toBe('week');
    expect(chartBucketFor({ from: '2026-01-01', to: '2026-12-31' })).toBe('month');
  });
});

describe('the chart link of a target', () => {
  it('carries the explorer state in search parameters', () => {
    expect(
      chartUrl(
        'https://polku.example',
        'W1',
        { kind: 'nps', surveyId: 'S1', question: 'nps' },
        { kind: 'touchpoint', id: 'T1' },
        { from: '2026-04-01', to: '2026-06-30' },
      ),
    ).toBe(
      'https://polku.example/w/W1/analytics?kind=nps&survey=S1&question=nps&by=week&from=2026-04-01&to=2026-06-30&touchpoint=T1',
    );
    expect(
      chartUrl(
        'http://x',
        'W',
        { kind: 'csat' },
        { kind: 'survey', id: 'S2' },
        {
          from: '2026-01-01',
          to: '2026-12-31',
        },
      ),
    ).toBe('http://x/w/W/analytics?kind=csat&survey=S2&by=month&from=2026-01-01&to=2026-12-31');
  });

  it('carries the interval method and the CSI weights the target judges by', () => {
    const period = { from: '2026-01-01', to: '2026-01-31' };
    expect(
      chartUrl('http://x', 'W', { kind: 'nps', interval: 'wald' }, { kind: 'workspace' }, period),
    ).toBe('http://x/w/W/analytics?kind=nps&interval=wald&by=day&from=2026-01-01&to=2026-01-31');
    const csi = {
      kind: 'csi' as const,
      surveyId: 'S',
      questions: ['a', 'b', 'c'] as [string, string, string],
      weights: [0.3885, 0.319, 0.2925] as [number, number, number],
    };
    expect(chartUrl('http://x', 'W', csi, { kind: 'workspace' }, period)).toBe(
      'http://x/w/W/analytics?kind=csi&survey=S&question=a%2Cb%2Cc&weights=0.3885%2C0.319%2C0.2925&by=day&from=2026-01-01&to=2026-01-31',
    );
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"type":"webhook.test"}';

  it('signs "<timestamp>.<body>" with HMAC-SHA256, as a receiver recomputes it', () => {
    const headers = webhookHeaders(secret, body, 1_767_225_600_123);
    expect(headers['Polku-Timestamp']).toBe('1767225600');
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(headers['Polku-Signature']).toBe(`sha256=${expected}`);
  });

  it('refuses a changed body, a wrong secret and an old timestamp', () => {
    const now = 1_767_225_600_000;
    const signature = signWebhookBody(secret, now / 1000, body);
    const ok = { timestamp: String(now / 1000), signature };
    expect(verifyWebhookSignature(secret, ok, body, now)).toBe(true);
    expect(verifyWebhookSignature(secret, ok, `${body} `, now)).toBe(false);
    expect(verifyWebhookSignature('whsec_other', ok, body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, ok, body, now + 301_000)).toBe(false);
  });

  it('allows https, and this machine only when the server says so', () => {
    expect(webhookUrlProblem('https://hooks.example.com/polku', false)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.com/polku', false)).toMatch(/https/);
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', false)).toMatch(/localhost/);
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
    expect(webhookUrlProblem('https://169.254.169.254/latest', true)).toMatch(/link-local/);
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/', false)).toMatch(/user/);
  });
});
