import {
  BarChart,
  CustomChart,
  ScatterChart,
  type BarSeriesOption,
  type CustomSeriesOption,
  type LineSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerParts, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the analysis charts draw: ECharts tree-shakes the rest out of the chunk.
registerParts([
  BarChart,
  CustomChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

// Line series are in the type for the journey health chart, which registers LineChart itself
// (so the analysis pages do not carry it).
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | CustomSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics). */
export const chartColors = {
  bar: '#1c7ed6',
  interval: '#212529',
  muted: '#868e96',
  line: '#495057',
  kano: {
    A: '#2b8a3e',
    O: '#1864ab',
    M: '#c92a2a',
    I: '#868e96',
    R: '#e67700',
    Q: '#862e9c',
  },
} as const;

/**
 * One ECharts chart (SVG). It is an image to assistive technology, named by `label`; the
 * figures themselves are in the table each page puts beside it, so nothing is only visual.
 */
export function EChart(props: { option: ChartOption; height: number; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = init(el, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  // Pages build the option on every render; it is applied only when its data or texts change
  // (functions such as formatters do not count), so typing elsewhere does not redraw it.
  const { option } = props;
  const signature = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for the option
  }, [signature]);
  return (
    <div
      ref={element}
      role="img"
      aria-label={props.label}
      data-testid="analysis-chart"
      style={{ width: '100%', height: props.height }}
    />
  );
}

/**
 * Whiskers from `low` to `high` at each category (index in the category axis), drawn by a
 * custom series over a bar chart. `horizontal`: the value axis is x (bars run sideways).
 */
export function intervalSeries(
  data: { index: number; low: number; high: number }[],
  horizontal: boolean,
): CustomSeriesOption {
  return {
    type: 'custom',
    silent: true,
    z: 10,
    data: data.map((d) => [d.index, d.low, d.high]),
    encode: horizontal ? { y: 0, x: [1, 2] } : { x: 0, y: [1, 2] },
    renderItem: (_params, api) => {
      const at = api.value(0) as number;
      const low = api.value(1) as number;
      const high = api.value(2) as number;
      const a = api.coord(horizontal ? [low, at] : [at, low]);
      const b = api.coord(horizontal ? [high, at] : [at, high]);
      const band = api.size?.([1, 1]) as number[] | undefined;
      const cap = ((horizontal ? band?.[1] : band?.[0]) ?? 20) * 0.15;
      const style = { stroke: chartColors.interval, lineWidth: 1.5 };
      const [ax = 0, ay = 0] = a;
      const [bx = 0, by = 0] = b;
      const ends = horizontal
        ? [
            { x1: ax, y1: ay - cap, x2: ax, y2: ay + cap },
            { x1: bx, y1: by - cap, x2: bx, y2: by + cap },
          ]
        : [
            { x1: ax - cap, y1: ay, x2: ax + cap, y2: ay },
            { x1: bx - cap, y1: by, x2: bx + cap, y2: by },
          ];
      return {
        type: 'group',
        children: [{ x1: ax, y1: ay, x2: bx, y2: by }, ...ends].map((shape) => ({
          type: 'line' as const,
          shape,
          style,
        })),
      };
    },
  };
}
