import { Box, Group, Text } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { lineColors, targetColor, type MetricChartOption } from './chart-options';

// Only what the explorer draws, so the lazy chunk stays small (ECharts is tree-shaken).
echarts.use([CustomChart, LineChart, ScatterChart, GridComponent, TooltipComponent, SVGRenderer]);

/**
 * An ECharts chart drawn as SVG, resized with its box and disposed on unmount. It is an image
 * to assistive technology (`label` says what it shows and where the table with the same
 * figures is); the table is the accessible, keyboard-readable form of the data.
 */
export function MetricChart(props: { option: MetricChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const reduceMotion = useReducedMotion();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { ...props.option, animation: !reduceMotion && props.option.animation !== false },
      { notMerge: true },
    );
  }, [props.option, reduceMotion]);

  return (
    <Box
      ref={box}
      role="img"
      aria-label={props.label}
      h={props.height ?? 360}
      w="100%"
      data-testid="metric-chart"
    />
  );
}

/** The chart's legend as text: a colour swatch (solid line, dashed for targets) and a name. */
export function ChartLegend(props: { lines: readonly string[]; targets?: readonly string[] }) {
  const swatch = (color: string, dashed: boolean) => (
    <Box
      component="span"
      aria-hidden
      w={18}
      style={{ borderTop: `3px ${dashed ? 'dashed' : 'solid'} ${color}`, display: 'inline-block' }}
    />
  );
  return (
    <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {props.lines.map((label, i) => (
        <Group key={`l${i}`} gap={6} component="li" wrap="nowrap">
          {swatch(lineColors[i % lineColors.length] ?? '#000', false)}
          <Text span size="sm">
            {label}
          </Text>
        </Group>
      ))}
      {(props.targets ?? []).map((label, i) => (
        <Group key={`t${i}`} gap={6} component="li" wrap="nowrap">
          {swatch(targetColor, true)}
          <Text span size="sm">
            {label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
