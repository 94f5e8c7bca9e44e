/** One point of a sparkline: a value (null: no answers, a gap), and whether it is incomplete. */
export interface SparkPoint {
  value: number | null;
  /** The bucket is in progress (the current month so far) or cut by the period. */
  incomplete: boolean;
}

const COLOR = 'var(--mantine-color-blue-7)';

/**
 * A month-by-month trend line, drawn as a plain SVG: the home page loads without the charting
 * library (the explorer brings ECharts when opened). Months without answers are gaps; an
 * incomplete month is a diamond at the end of a dashed segment, as in the explorer's chart, so
 * two days of a month never read as a whole month.
 */
export function Sparkline(props: { points: readonly SparkPoint[]; label: string }) {
  const width = 200;
  const height = 36;
  const known = props.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (known.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = width / Math.max(props.points.length - 1, 1);
  const at = (i: number, v: number) =>
    [i * step, height - 4 - ((v - min) / span) * (height - 8)] as const;
  const xy = props.points.map((p, i) => (p.value === null ? null : at(i, p.value)));
  const whole = (i: number) =>
    xy[i] !== null && xy[i] !== undefined && !props.points[i]!.incomplete;

  // Runs of whole months, drawn solid; a lone one as a dot.
  const runs: (readonly [number, number])[][] = [];
  xy.forEach((p, i) => {
    if (!p || !whole(i)) return;
    if (whole(i - 1)) runs[runs.length - 1]!.push(p);
    else runs.push([p]);
  });
  // Dashed segments into (and out of) every incomplete month.
  const dashed: [readonly [number, number], readonly [number, number]][] = [];
  xy.forEach((p, i) => {
    if (!p || whole(i)) return;
    const before = xy[i - 1];
    const after = xy[i + 1];
    if (before) dashed.push([before, p]);
    if (after && whole(i + 1)) dashed.push([p, after]);
  });
  const fmt = (p: readonly [number, number]) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`;
  return (
    <svg
      width="100%"
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={props.label}
    >
      {runs.map((run, i) =>
        run.length === 1 ? (
          <circle key={`r${i}`} cx={run[0]![0]} cy={run[0]![1]} r={1.5} fill={COLOR} />
        ) : (
          <polyline
            key={`r${i}`}
            points={run.map(fmt).join(' ')}
            fill="none"
            stroke={COLOR}
            strokeWidth={1.5}
            vectorEffect="non-scaling-stroke"
          />
        ),
      )}
      {dashed.map(([a, b], i) => (
        <line
          key={`d${i}`}
          x1={a[0]}
          y1={a[1]}
          x2={b[0]}
          y2={b[1]}
          stroke={COLOR}
          strokeWidth={1.5}
          strokeDasharray="3 2"
          vectorEffect="non-scaling-stroke"
          data-testid="sparkline-incomplete"
        />
      ))}
      {xy.map((p, i) =>
        p && !whole(i) ? (
          <polygon
            key={`p${i}`}
            points={`${p[0]},${p[1] - 4} ${p[0] + 4},${p[1]} ${p[0]},${p[1] + 4} ${p[0] - 4},${p[1]}`}
            fill={COLOR}
          />
        ) : null,
      )}
    </svg>
  );
}
