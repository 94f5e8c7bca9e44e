import { SankeyChart as EChartsSankey, type SankeySeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { init, use as registerParts, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { SankeyData } from './flow-model';

// Only the Sankey series, its tooltip and the SVG renderer: this module is loaded lazily, so
// ECharts never weighs on a page (such as the journey map) until the flow is drawn.
registerParts([EChartsSankey, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<SankeySeriesOption | TooltipComponentOption>;

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics). */
const NODE_COLOR = '#1c7ed6';
const END_COLOR = '#c92a2a';
const MUTED_COLOR = '#868e96';
const NODE_WIDTH = 16;
/** The gap between nodes of a column, in px: a label's line (12 px text) fits in it. */
const NODE_GAP = 18;

/**
 * The observed flow as a Sankey chart (SVG). An image to assistive technology, named by
 * `label`; the same figures are in the tables beside it.
 */
export default function SankeyFlowChart(props: {
  data: SankeyData;
  label: string;
  endName: string;
  moreName: string;
  height: number;
}) {
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
  const { data, endName, moreName } = props;
  const signature = JSON.stringify(data);
  useEffect(() => {
    // Each label gets the width of its column (it sits right of its node, before the next
    // column), truncated there with the full name in the tooltip, so step 3's labels do not
    // run over step 4's nodes. Columns are the steps between start and the end nodes.
    const columns = Math.max(1, Math.max(...data.nodes.map((n) => n.depth), 1));
    const plotWidth = (element.current?.clientWidth ?? 960) - 8 - 140;
    const labelWidth = Math.max(48, Math.floor(plotWidth / columns) - NODE_WIDTH - 12);
    const option: Option = {
      tooltip: { trigger: 'item', triggerOn: 'mousemove' },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 140,
          top: 8,
          bottom: 8,
          nodeAlign: 'left',
          layoutIterations: 32,
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
          nodeWidth: NODE_WIDTH,
          // Room for a line of 12 px text between nodes stacked in a column.
          nodeGap: NODE_GAP,
          label: {
            color: '#212529',
            fontSize: 12,
            width: labelWidth,
            overflow: 'truncate',
            ellipsis: '…',
          },
          data: data.nodes.map((n) => ({
            name: n.name,
            depth: n.depth,
            itemStyle: {
              color:
                n.name === endName ? END_COLOR : n.name === moreName ? MUTED_COLOR : NODE_COLOR,
            },
          })),
          links: data.links,
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for the data
  }, [signature, endName, moreName]);
  return (
    <div
      ref={element}
      role="img"
      aria-label={props.label}
      data-testid="observed-sankey"
      style={{ width: '100%', height: props.height }}
    />
  );
}
