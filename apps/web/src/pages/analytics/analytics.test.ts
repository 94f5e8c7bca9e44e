import type { MetricResult } from '@polku/contracts';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildChartOption, type ChartTexts } from './chart-options';
import { csvCell, csvFilename, metricCsv } from './csv';
import type { MetricFormat } from './metric-format';
import { Sparkline } from './sparkline';
import { readExplorerState, toMetricQuery, writeExplorerState } from './explorer-state';
import { bucketsBetween, presetRange, todayIn } from './period';

describe('CSV cells', () => {
  it('quotes and doubles quotes, keeps numbers, defuses formulas', () => {
    expect(csvCell('Kukka, ruusu')).toBe('"Kukka, ruusu"');
    expect(csvCell('sanoi "hei"')).toBe('"sanoi ""hei"""');
    expect(csvCell('rivi\nkaksi')).toBe('"rivi\nkaksi"');
    expect(csvCell(' reuna')).toBe('" reuna"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-8.95)).toBe('-8.95');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

const bucket = (name: string, n: number, score: number | null) => ({
  bucket: name,
  n,
  counts: { promoters: n, passives: 0, detractors: 0 },
  score,
  ci95: score === null ? null : ([score - 5, score + 5] as const),
  method: 'adjusted-wald' as const,
  smallSample: n < 30,
});
/** An empty bucket as the server lists it: n = 0, no score, no counts. */
const empty = (name: string) => ({
  bucket: name,
  n: 0,
  counts: { promoters: 0, passives: 0, detractors: 0 },
  score: null,
  ci95: null,
  method: 'adjusted-wald' as const,
  smallSample: false,
});

const result: MetricResult = {
  metric: { kind: 'nps', surveyId: '01a20978-9de8-724a-9499-f01b45e6c299', question: 'nps' },
  scoreName: 'nps',
  scale: { min: 0, max: 10 },
  by: 'month',
  from: '2026-01-01',
  to: '2026-03-31',
  questions: [],
  previousPeriod: { from: '2025-10-02', to: '2025-12-31' },
  source: 'rollup',
  testResponsesExcluded: 0,
  groups: [
    {
      key: 'web',
      label: null,
      buckets: [bucket('2026-01', 40, 100), empty('2026-02'), bucket('2026-03', 10, 100)],
      total: bucket('total', 50, 100),
      change: null,
    },
  ],
};

describe('the explorer result', () => {
  it('exports every bucket with an empty score where there were no answers', () => {
    const csv = metricCsv(result, () => 'Verkko, "web"');
    expect(csv.startsWith('\uFEFFmetric,score_name,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      'nps,nps,01a20978-9de8-724a-9499-f01b45e6c299,nps,web,"Verkko, ""web""",2026-02,0,,,,adjusted-wald,false,0,0,0',
    );
    expect(csvFilename(result)).toBe('polku-nps-nps-month-2026-01-01_2026-03-31.csv');
  });
});

describe('an incomplete bucket', () => {
  // 2 December 2026: November is whole, December has had two of its 31 days.
  const november = {
    ...bucket('2026-11', 400, 40),
    coverage: { state: 'complete' as const, days: 30, ofDays: 30 },
  };
  const december = {
    ...bucket('2026-12', 35, 10),
    coverage: { state: 'inProgress' as const, days: 2, ofDays: 31 },
    change: {
      previous: '2026-11-01/2026-11-02',
      difference: -20,
      pValue: 0.2,
      significant: false,
      smallSample: false,
      test: 'nps-z' as const,
    },
  };
  const format = {
    score: (v: number | null | undefined) => String(v),
    tick: String,
    difference: String,
    interval: () => '',
    count: String,
    p: String,
    bucket: (b: string) => b,
    dayRange: (from: string, to: string) => `${from}–${to}`,
    coverage: (c: { days: number; ofDays: number } | undefined) =>
      c && c.days < c.ofDays ? `in progress, ${c.days}/${c.ofDays} days` : null,
    comparedWith: () => null,
  } as unknown as MetricFormat;
  const texts: ChartTexts = {
    format,
    interval: '95%',
    n: 'n',
    noAnswers: 'No answers',
    smallSample: 'Small sample',
    significantUp: 'Up',
    significantDown: 'Down',
    target: 'Target',
  };

  it('is drawn as a diamond at the end of a dashed segment, never on the solid line', () => {
    const option = buildChartOption({
      lines: [{ label: 'NPS', buckets: [november, december] }],
      texts,
    });
    const series = option.series as { lineStyle?: { type?: string }; data: unknown[] }[];
    const [solid, dashed] = series;
    expect(solid!.data).toEqual([40, '-']);
    expect(dashed!.lineStyle?.type).toBe('dashed');
    expect(dashed!.data).toEqual([
      { value: 40, symbol: 'none' },
      { value: 10, symbol: 'diamond', symbolSize: 11 },
    ]);
  });

  it('draws a point standing alone with its interval as an error bar, joined points as a band', () => {
    const one = { ...bucket('2026-01', 1, -100), ci95: [-100, 48.5] as const };
    const option = buildChartOption({
      lines: [
        { label: 'alone', buckets: [one, empty('2026-02'), bucket('2026-03', 10, 100)] },
        { label: 'joined', buckets: [bucket('2026-01', 40, 20), bucket('2026-02', 40, 30)] },
      ],
      texts,
    });
    const custom = (option.series as { type: string; name: string; data: unknown[] }[]).filter(
      (x) => x.type === 'custom',
    );
    expect(custom.map((c) => [c.name, c.data])).toEqual([
      [
        'alone',
        [
          ['2026-01', -100, 48.5],
          ['2026-03', 95, 105],
        ],
      ],
    ]);
  });

  it('says in the tooltip how many of its days the figure covers', () => {
    const option = buildChartOption({
      lines: [{ label: 'NPS', buckets: [november, december] }],
      texts,
    });
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 1 }])).toContain('◆ in progress, 2/31 days');
    expect(tooltip.formatter([{ dataIndex: 0 }])).not.toContain('◆');
  });

  it("is drawn on the home page's sparkline as a diamond at the end of a dashed segment", () => {
    const svg = (incomplete: boolean) =>
      renderToStaticMarkup(
        createElement(Sparkline, {
          points: [
            { value: 30, incomplete: false },
            { value: 40, incomplete: false },
            { value: 10, incomplete },
          ],
          label: 'NPS',
        }),
      );
    expect(svg(true)).toMatch(/<polyline points="0\.0,\S+ 100\.0,\S+"/); // whole months only
    expect(svg(true)).toContain('stroke-dasharray="3 2"');
    expect(svg(true)).toContain('<polygon');
    expect(svg(false)).not.toContain('stroke-dasharray');
    expect(svg(false)).not.toContain('<polygon');
  });

  it('is marked in the CSV with its days, and its change names the days compared', () => {
    const csv = metricCsv(
      { ...result, groups: [{ ...result.groups[0]!, buckets: [november, december] }] },
      () => 'Verkko',
    );
    const [header, , row] = csv.slice(1).trimEnd().split('\r\n');
    expect(header!.split(',').slice(-4)).toEqual([
      'change_previous',
      'coverage',
      'coverage_days',
      'coverage_of_days',
    ]);
    expect(row!.split(',').slice(-4)).toEqual(['2026-11-01/2026-11-02', 'inProgress', '2', '31']);
  });
});

describe('explorer state in the address', () => {
  it('round-trips, leaving defaults out', () => {
    const params = new URLSearchParams(
      'kind=csat&survey=s1&question=csat&period=24m&by=week&breakdown=attribute&breakdownKey=tier&channel=web&channel=qr&language=sv&touchpoint=none&attr=tier=gold&attr=tier=a=b',
    );
    const state = readExplorerState(params);
    expect(state.attributes).toEqual([
      { key: 'tier', value: 'gold' },
      { key: 'tier', value: 'a=b' },
    ]);
    expect(state.touchpointIds).toEqual([null]);
    expect(writeExplorerState(state).toString()).toBe(params.toString());
    expect(writeExplorerState(readExplorerState(new URLSearchParams())).toString()).toBe('');
    // The CX index's three questions travel in `question`, as target alerts link them.
    const cx = new URLSearchParams(
      'kind=cx_index&survey=s1&question=effectiveness%2Cease%2Cemotion',
    );
    expect(readExplorerState(cx).cxQuestions).toEqual(['effectiveness', 'ease', 'emotion']);
    expect(writeExplorerState(readExplorerState(cx)).toString()).toBe(cx.toString());
  });

  it('keeps the NPS interval method and the CSI weights, only for the metrics that take them', () => {
    const wald = new URLSearchParams('interval=wald');
    expect(readExplorerState(wald).interval).toBe('wald');
    expect(writeExplorerState(readExplorerState(wald)).toString()).toBe('interval=wald');
    // adjusted-Wald is the default and stays out of the address; CSAT has no interval choice.
    expect(writeExplorerState(readExplorerState(new URLSearchParams('interval=adjusted-wald'))).toString()).toBe(''); // prettier-ignore
    expect(writeExplorerState(readExplorerState(new URLSearchParams('kind=csat&interval=wald'))).toString()).toBe('kind=csat'); // prettier-ignore
    const csi = new URLSearchParams('kind=csi&survey=s1&question=a%2Cb%2Cc&weights=0.3885%2C0.319%2C0.2925'); // prettier-ignore
    expect(readExplorerState(csi).weights).toEqual([0.3885, 0.319, 0.2925]);
    expect(writeExplorerState(readExplorerState(csi)).toString()).toBe(csi.toString());
    expect(readExplorerState(new URLSearchParams('kind=csi&weights=0.5,x,0.5')).weights).toBeUndefined(); // prettier-ignore
  });

  it('ignores what it cannot read', () => {
    const state = readExplorerState(
      new URLSearchParams('kind=xyz&by=hour&from=2026-13&language=de'),
    );
    expect(state.kind).toBe('nps');
    expect(state.by).toBe('month');
    expect(state.period).toBe('12m');
    expect(state.languages).toEqual([]);
  });

  it('builds the API query, or says what is missing', () => {
    const base = readExplorerState(new URLSearchParams('kind=rating'));
    expect(toMetricQuery(base, '2026-05-20')).toEqual({ missing: 'question' });
    const q = toMetricQuery(
      readExplorerState(
        new URLSearchParams(
          'survey=01a20978-9de8-724a-9499-f01b45e6c299&attr=tier=gold&attr=tier=silver&breakdown=channel',
        ),
      ),
      '2026-05-20',
    );
    expect(q).toEqual({
      query: {
        metric: { kind: 'nps' },
        by: 'month',
        from: '2025-06-01',
        to: '2026-05-20',
        filters: {
          surveyIds: ['01a20978-9de8-724a-9499-f01b45e6c299'],
          attributes: [{ key: 'tier', values: ['gold', 'silver'] }],
        },
        breakdown: { by: 'channel' },
      },
    });
    const wald = toMetricQuery(readExplorerState(new URLSearchParams('interval=wald&by=all')), '2026-05-20'); // prettier-ignore
    expect(wald).toMatchObject({ query: { metric: { kind: 'nps', interval: 'wald' } } });
    const survey = '01a20978-9de8-724a-9499-f01b45e6c299';
    const csi = (weights: string) =>
      toMetricQuery(
        readExplorerState(new URLSearchParams(`kind=csi&survey=${survey}&question=a,b,c&weights=${weights}`)), // prettier-ignore
        '2026-05-20',
      );
    expect(csi('0.3885,0.319,0.2925')).toMatchObject({
      query: { metric: { kind: 'csi', weights: [0.3885, 0.319, 0.2925] } },
    });
    // Weights that break the API's rule are not sent: the page says what to fix.
    expect(csi('0.5,0.5,0.5')).toEqual({ missing: 'weights' });
    expect(csi('0.5,0.5,0')).toEqual({ missing: 'weights' });
    const reversed = readExplorerState(new URLSearchParams('from=2026-05-02&to=2026-05-01'));
    expect(toMetricQuery(reversed, '2026-05-20')).toEqual({ missing: 'period' });
  });
});

describe('periods and buckets', () => {
  it('ends presets on the workspace today; month presets start on the first', () => {
    expect(presetRange('30d', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(presetRange('3m', '2026-01-15')).toEqual({ from: '2025-11-01', to: '2026-01-15' });
    expect(presetRange('24m', '2026-01-15')).toEqual({ from: '2024-02-01', to: '2026-01-15' });
    // "The last 12 months": this month and the 11 before it, the same on the map and its paths.
    expect(presetRange('12m', '2026-03-28')).toEqual({ from: '2025-04-01', to: '2026-03-28' });
    // 23:30 UTC on 31 Dec is already 1 Jan in Helsinki.
    expect(todayIn('Europe/Helsinki', new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('names buckets as the server does (ISO weeks across a year end, quarters)', () => {
    expect(bucketsBetween('2020-12-28', '2021-01-11', 'week')).toEqual([
      '2020-W53',
      '2021-W01',
      '2021-W02',
    ]);
    expect(bucketsBetween('2025-11-15', '2026-02-01', 'quarter')).toEqual(['2025-Q4', '2026-Q1']);
    expect(bucketsBetween('2026-01-30', '2026-02-01', 'day')).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
    ]);
  });
});
