import type { CustomSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { QuestionMetricBucket } from '@polku/contracts';
import { changeOf } from '../../api/metrics';
import { directionOf, isIncomplete, type MetricFormat } from './metric-format';

export type MetricChartOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | TooltipComponentOption
>;

/** Half the width of an error bar's caps, in pixels. */
const CAP = 5;

/**
 * An interval drawn as an error bar at one bucket: a band needs two neighbours to have an
 * area, so a point standing alone (one bucket, or gaps either side) shows its interval this way.
 */
function errorBars(
  name: string,
  color: string,
  bars: { bucket: string; ci: readonly [number, number] }[],
): CustomSeriesOption {
  return {
    type: 'custom',
    name,
    color,
    silent: true,
    tooltip: { show: false },
    z: 2,
    encode: { x: 0, y: [1, 2] },
    data: bars.map((b) => [b.bucket, b.ci[0], b.ci[1]]),
    renderItem: (_params, api) => {
      const x = api.value(0);
      const [lx, ly] = api.coord([x, api.value(1)]) as [number, number];
      const [, hy] = api.coord([x, api.value(2)]) as [number, number];
      const style = { stroke: color, lineWidth: 1.5 };
      const line = (x1: number, y1: number, x2: number, y2: number) => ({
        type: 'line' as const,
        shape: { x1, y1, x2, y2 },
        style,
      });
      return {
        type: 'group',
        children: [
          line(lx, ly, lx, hy),
          line(lx - CAP, ly, lx + CAP, ly),
          line(lx - CAP, hy, lx + CAP, hy),
        ],
      };
    },
  };
}

/** One line of the chart: a breakdown group (or the whole query when not broken down). */
export interface ChartLine {
  label: string;
  buckets: readonly QuestionMetricBucket[];
}

/**
 * A target to draw as a dashed line (targets come with a later change: the chart takes them
 * already). A value per bucket, so a target that changes over the period steps with it.
 */
export interface ChartTarget {
  label: string;
  values: readonly { bucket: string; value: number }[];
}

export interface ChartTexts {
  format: MetricFormat;
  interval: string;
  n: string;
  noAnswers: string;
  smallSample: string;
  significantUp: string;
  significantDown: string;
  target: string;
}

/** Distinct, colour-blind-aware hues (Mantine's 7th shades), one per line. */
export const lineColors = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#9c36b5',
  '#c2255c',
  '#0c8599',
  '#5c940d',
  '#495057',
];
/** More lines than this make the chart unreadable: the busiest groups are drawn, all are tabled. */
export const MAX_LINES = lineColors.length;

export const targetColor = '#212529';

const DOWN_TRIANGLE = 'path://M0,0 L10,0 L5,9 Z';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Every bucket of every line, in order (bucket names sort as time: 2026-05, 2026-W19, 2026-Q2). */
export function categoriesOf(lines: readonly Pick<ChartLine, 'buckets'>[]): string[] {
  return [...new Set(lines.flatMap((l) => l.buckets.map((b) => b.bucket)))].sort();
}

/**
 * A line's point: a circle, hollow for a small sample; a diamond for an incomplete bucket (in
 * progress, or cut by the period), hollow too when small. Shape, not colour, tells them apart.
 */
function pointOf(b: QuestionMetricBucket) {
  const incomplete = isIncomplete(b.coverage);
  if (!incomplete && !b.smallSample) return b.score!;
  return incomplete
    ? { value: b.score!, symbol: b.smallSample ? 'emptyDiamond' : 'diamond', symbolSize: 11 }
    : { value: b.score!, symbol: 'emptyCircle', symbolSize: 9 };
}

/**
 * The ECharts option of a metric over time: per line, the score (a gap where a bucket has no
 * answers: never drawn as 0), the 95% interval as a band (a transparent lower edge with the
 * width stacked on it; an error bar where a point stands alone), hollow points for small samples, diamonds at the end of dashed
 * segments for incomplete buckets (the current month so far), and triangles at significant
 * changes. Pure, so the same option can render to SVG on the server for reports.
 */
export function buildChartOption(input: {
  lines: readonly ChartLine[];
  targets?: readonly ChartTarget[];
  texts: ChartTexts;
  /** Animations off (tests, reduced motion). */
  animation?: boolean;
}): MetricChartOption {
  const { lines, texts } = input;
  const f = texts.format;
  const categories = categoriesOf(lines);
  const byBucket = lines.map((l) => new Map(l.buckets.map((b) => [b.bucket, b])));
  const answered = (b: QuestionMetricBucket | undefined) =>
    b !== undefined && b.n > 0 && b.score !== null;

  const series: (LineSeriesOption | ScatterSeriesOption | CustomSeriesOption)[] = [];
  lines.forEach((line, i) => {
    const color = lineColors[i % lineColors.length];
    const buckets = categories.map((c) => byBucket[i]?.get(c));
    const incomplete = buckets.map((b) => answered(b) && isIncomplete(b!.coverage));
    const base = { type: 'line' as const, name: line.label, color, z: 3, connectNulls: false };
    // Solid between whole buckets; an incomplete one is reached by a dashed segment of its own.
    series.push({
      ...base,
      symbol: 'circle',
      symbolSize: 7,
      data: buckets.map((b, j) => (answered(b) && !incomplete[j] ? pointOf(b!) : '-')),
    });
    if (incomplete.some(Boolean))
      series.push({
        ...base,
        silent: true,
        tooltip: { show: false },
        lineStyle: { type: 'dashed' },
        symbol: 'none',
        data: buckets.map((b, j) =>
          incomplete[j]
            ? pointOf(b!)
            : answered(b) && (incomplete[j - 1] || incomplete[j + 1])
              ? { value: b!.score!, symbol: 'none' }
              : '-',
        ),
      });
  });
  // Bands after the lines, so they never cover one.
  lines.forEach((line, i) => {
    const color = lineColors[i % lineColors.length];
    const buckets = categories.map((c) => byBucket[i]?.get(c));
    const ci = buckets.map((b) => (answered(b) && b!.ci95 ? b!.ci95 : null));
    const stack = `band-${i}`;
    const band = {
      type: 'line' as const,
      name: line.label,
      stack,
      stackStrategy: 'all' as const, // NPS bands cross zero: stack negative and positive alike
      symbol: 'none',
      silent: true,
      connectNulls: false,
      lineStyle: { opacity: 0 },
      tooltip: { show: false },
      z: 1,
    };
    series.push(
      { ...band, data: ci.map((c) => (c ? c[0] : '-')) },
      {
        ...band,
        color,
        areaStyle: { color, opacity: 0.16 },
        data: ci.map((c) => (c ? c[1] - c[0] : '-')),
      },
    );
    const alone = ci.flatMap((c, j) =>
      c && !ci[j - 1] && !ci[j + 1] ? [{ bucket: categories[j]!, ci: c }] : [],
    );
    if (alone.length) series.push(errorBars(line.label, color ?? targetColor, alone));
    const changes = buckets.flatMap((b, j) => {
      const dir = b && answered(b) ? directionOf(changeOf(b)) : 0;
      return dir === 0
        ? []
        : [
            {
              value: [categories[j], b!.score!],
              symbol: dir > 0 ? 'triangle' : DOWN_TRIANGLE,
              symbolOffset: [0, dir > 0 ? -14 : 14],
            },
          ];
    });
    if (changes.length)
      series.push({
        type: 'scatter',
        name: line.label,
        color,
        symbolSize: 11,
        z: 4,
        silent: true,
        tooltip: { show: false },
        data: changes as ScatterSeriesOption['data'],
      });
  });
  for (const target of input.targets ?? []) {
    const values = new Map(target.values.map((v) => [v.bucket, v.value]));
    series.push({
      type: 'line',
      name: target.label,
      color: targetColor,
      symbol: 'none',
      step: 'middle',
      lineStyle: { type: 'dashed', width: 1.5 },
      z: 2,
      data: categories.map((c) => values.get(c) ?? '-'),
    });
  }

  const tooltipHtml = (index: number) => {
    const bucket = categories[index] ?? '';
    const rows = lines.map((line, i) => {
      const b = byBucket[i]?.get(bucket);
      const color = lineColors[i % lineColors.length] ?? '#000';
      const name = `<span style="color:${color}">●</span> <b>${escapeHtml(line.label)}</b>`;
      if (b?.coverage?.state === 'future')
        return `${name}: ${escapeHtml(f.coverage(b.coverage) ?? texts.noAnswers)}`;
      if (!b || !answered(b)) return `${name}: ${escapeHtml(texts.noAnswers)} (${texts.n} = 0)`;
      const change = changeOf(b);
      const dir = directionOf(change);
      return [
        `${name}: ${escapeHtml(f.score(b.score))}`,
        `${escapeHtml(texts.interval)}: ${escapeHtml(f.interval(b.ci95))}`,
        `${escapeHtml(texts.n)} = ${escapeHtml(f.count(b.n))}`,
        b.smallSample ? `⚠ ${escapeHtml(texts.smallSample)}` : '',
        f.coverage(b.coverage) ? `◆ ${escapeHtml(f.coverage(b.coverage)!)}` : '',
        dir !== 0 && change
          ? `${dir > 0 ? '▲' : '▼'} ${escapeHtml(dir > 0 ? texts.significantUp : texts.significantDown)}: ${escapeHtml(f.difference(change.difference))} (p = ${escapeHtml(f.p(change.pValue))})`
          : '',
      ]
        .filter(Boolean)
        .join('<br>');
    });
    const targetRows = (input.targets ?? []).flatMap((target) => {
      const v = target.values.find((x) => x.bucket === bucket);
      return v ? [`- - ${escapeHtml(target.label)}: ${escapeHtml(f.score(v.value))}`] : [];
    });
    return [`<b>${escapeHtml(f.bucket(bucket))}</b>`, ...rows, ...targetRows].join('<br>');
  };

  return {
    animation: input.animation ?? true,
    // The legend is the page's own (ChartLegend): text that wraps on a phone and reads aloud.
    // ECharts fits the axis labels by their font size, which leaves out descenders (the "j" of
    // "joulukuu"): the bounds keep 6 px below them so nothing is clipped at the bottom.
    grid: {
      left: 28,
      right: 24,
      top: 16,
      bottom: 8,
      outerBounds: { left: 0, right: 0, top: 0, bottom: 6 },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return tooltipHtml(first?.dataIndex ?? 0);
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: categories,
      axisLabel: { formatter: (value: string) => f.bucket(value), hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: (value: number) => f.tick(value) },
    },
    series,
  };
}
