/**
 * From counted histogram rows to the figures of every time bucket and of the whole period: the
 * layout of buckets (empty ones included), each bucket's coverage of its days, and each
 * bucket's change against the one before, like with like when a bucket is incomplete
 * (docs/metrics.md, "Incomplete periods"). Pure: MetricService counts, this assembles.
 */
import type { MultiItemMetric } from '@polku/contracts';
import {
  bucketBounds,
  bucketCoverage,
  bucketsBetween,
  coveredDays,
  foldIntoIsoWeeks,
  histogramsByBucket,
  previousBucket,
  sameDaysBefore,
  type BucketCoverage,
  type DayPeriod,
  type HistogramRow,
  type MetricBucketBy,
} from './buckets.js';
import {
  computeBucketChange,
  computeCsiBucket,
  computeCxIndexBucket,
  computeQuestionMetric,
  type BucketChange,
  type FigureOptions,
  type MetricScale,
  type QuestionMetricBucket,
  type QuestionMetricKind,
} from './figures.js';
import type { Histogram } from './histogram.js';
import type { CsiWeights } from './satisfaction.js';

/** One histogram cell: in `group` and `bucket`, `count` answers to the question had `value`. */
export interface CountRow extends HistogramRow {
  /** The breakdown value; null without a breakdown, or for answers without one. */
  group: string | null;
  surveyId: string;
  questionKey: string;
  item: string;
}

/** Where in time the figures stand: the bucketing, the period asked for, and today. */
export interface TimeFrame {
  by: MetricBucketBy;
  period: DayPeriod;
  /** The workspace's local day now. */
  today: string;
}

/** An incomplete bucket's earlier figure over the same days of the bucket before. */
export interface SameDaysBefore {
  /** `from/to` of those days. */
  previous: string;
  histogram: Histogram;
}

/**
 * How much of a bucket its figure covers; for the whole period (`all`, the total) only when
 * both ends of the period are given (an open period has no length to cover).
 */
export function coverageOf(frame: TimeFrame, bucket: string): BucketCoverage | undefined {
  const { period, today } = frame;
  if (bucket === 'all' || bucket === 'total')
    return period.from && period.to
      ? bucketCoverage({ first: period.from, last: period.to }, period, today)
      : undefined;
  return bucketCoverage(bucketBounds(bucket, frame.by)!, period, today);
}

/**
 * The incomplete buckets (in progress, or cut by the period's from or to) that are compared
 * with the same days of the bucket before, and those days. Days are not: a day in progress has
 * no earlier hours to match (the answers carry their day, which is all SQL groups by).
 */
export function sameDaysRanges(
  frame: TimeFrame,
  buckets: readonly string[],
): Map<string, { from: string; to: string }> {
  const ranges = new Map<string, { from: string; to: string }>();
  const { by } = frame;
  if (by === 'all' || by === 'day') return ranges;
  for (const bucket of buckets) {
    const coverage = coverageOf(frame, bucket);
    if (coverage?.state !== 'inProgress' && coverage?.state !== 'partial') continue;
    const covered = coveredDays(bucketBounds(bucket, by)!, frame.period, frame.today);
    const range = covered && sameDaysBefore(bucket, by, covered);
    if (range) ranges.set(bucket, range);
  }
  return ranges;
}

/** A group's earlier figures over the same days, from the rows counted for each range. */
export function sameDaysOf(
  ranges: ReadonlyMap<string, { from: string; to: string }>,
  counted: ReadonlyMap<string, ReadonlyMap<string | null, readonly CountRow[]>>,
  group: string | null,
): Map<string, SameDaysBefore> {
  const out = new Map<string, SameDaysBefore>();
  for (const [bucket, range] of ranges)
    out.set(bucket, {
      previous: `${range.from}/${range.to}`,
      histogram: sumHistograms(histogramsByBucket(counted.get(bucket)?.get(group) ?? []).values()),
    });
  return out;
}

export function groupRows(rows: readonly CountRow[]): Map<string | null, CountRow[]> {
  const byGroup = new Map<string | null, CountRow[]>();
  for (const row of rows) {
    const list = byGroup.get(row.group);
    if (list) list.push(row);
    else byGroup.set(row.group, [row]);
  }
  return byGroup;
}

/**
 * At most this many buckets are laid out (about 13 years by day): a longer explicit period is
 * refused (PERIOD_TOO_LONG); without both ends, buckets further back than this from the last
 * answered one are listed only when they have answers.
 */
export const MAX_BUCKETS = 5000;

/**
 * The buckets every group lists, in order, answered or not: an empty bucket is shown as "no
 * answers" (n = 0, score null), never left out so that a chart joins its neighbours across
 * it. From the period's first to last bucket when both ends are given; otherwise from the
 * first to the last bucket any group has answers in.
 */
export function bucketLayout(
  by: MetricBucketBy,
  from: string | undefined,
  to: string | undefined,
  rows: readonly CountRow[],
): string[] {
  if (by === 'all') return ['all'];
  if (from && to) return bucketsBetween(from, to, by, MAX_BUCKETS);
  const present = [...new Set(bucketsOf(by, rows).map((r) => r.bucket))].sort();
  const first = present[0];
  const last = present[present.length - 1];
  if (first === undefined || last === undefined) return [];
  const out = [last];
  while (out[out.length - 1]! > first && out.length < MAX_BUCKETS)
    out.push(previousBucket(out[out.length - 1]!, by)!);
  return out.reverse();
}

export function bucketsOf(by: MetricBucketBy, rows: readonly CountRow[]): CountRow[] {
  return by === 'week' ? foldIntoIsoWeeks(rows) : [...rows];
}

export function sumHistograms(histograms: Iterable<Histogram>): Histogram {
  const total = new Map<number, number>();
  for (const h of histograms) for (const [v, c] of h) total.set(v, (total.get(v) ?? 0) + c);
  return total;
}

/**
 * A bucket's change: against the same days of the bucket before when it is incomplete (none
 * when those days cannot be matched), else against the whole bucket before.
 */
function changeOf(
  kind: QuestionMetricKind,
  frame: TimeFrame,
  bucket: string,
  histogram: Histogram,
  histograms: ReadonlyMap<string, Histogram>,
  sameDays: ReadonlyMap<string, SameDaysBefore>,
  options: FigureOptions,
): BucketChange | null {
  const matched = sameDays.get(bucket);
  if (matched)
    return computeBucketChange(kind, matched.previous, matched.histogram, histogram, options);
  const state = coverageOf(frame, bucket)?.state;
  if (frame.by !== 'all' && (state === 'inProgress' || state === 'partial')) return null;
  const previous = previousBucket(bucket, frame.by);
  const earlier = previous === null ? undefined : histograms.get(previous);
  return previous !== null && earlier
    ? computeBucketChange(kind, previous, earlier, histogram, options)
    : null;
}

/** Per-bucket figures with coverage and changes, and the whole period's, of pooled questions. */
export function figuresOf(
  kind: QuestionMetricKind,
  scale: MetricScale,
  frame: TimeFrame,
  rows: readonly CountRow[],
  options: {
    layout?: readonly string[];
    sameDays?: ReadonlyMap<string, SameDaysBefore>;
    /** How figures are computed (the NPS interval method). */
    figure?: FigureOptions;
  } = {},
): { buckets: QuestionMetricBucket[]; total: QuestionMetricBucket } {
  const figure = options.figure ?? {};
  const { by } = frame;
  const histograms = histogramsByBucket(bucketsOf(by, rows));
  const names = options.layout
    ? [...new Set([...options.layout, ...histograms.keys()])].sort()
    : by === 'all'
      ? ['all']
      : [...histograms.keys()];
  const buckets = names.map((bucket) => {
    const h = histograms.get(bucket) ?? new Map<number, number>();
    return withCoverage(frame, {
      ...computeQuestionMetric(kind, scale, bucket, h, figure),
      change: changeOf(kind, frame, bucket, h, histograms, options.sameDays ?? new Map(), figure),
    });
  });
  const total = computeQuestionMetric(
    kind,
    scale,
    'total',
    sumHistograms(histograms.values()),
    figure,
  );
  return { buckets, total: withCoverage(frame, total) };
}

/** Per-bucket figures of a three-question index (CX index, CSI) and the whole period's. */
export function multiItemFiguresOf(
  kind: MultiItemMetric,
  questionKeys: readonly string[],
  frame: TimeFrame,
  rows: readonly CountRow[],
  layout: readonly string[],
  weights: CsiWeights,
): { buckets: QuestionMetricBucket[]; total: QuestionMetricBucket } {
  const perItem = questionKeys.map((key) =>
    histogramsByBucket(
      bucketsOf(
        frame.by,
        rows.filter((r) => r.questionKey === key),
      ),
    ),
  );
  const bucketNames = [...new Set([...layout, ...perItem.flatMap((m) => [...m.keys()])])].sort();
  const figureOf = (bucket: string, pick: (m: Map<string, Histogram>) => Histogram) => {
    const [first, second, third] = perItem.map(pick) as [Histogram, Histogram, Histogram];
    return withCoverage(
      frame,
      kind === 'cx_index'
        ? computeCxIndexBucket(bucket, { effectiveness: first, ease: second, emotion: third })
        : computeCsiBucket(
            bucket,
            {
              overallSatisfaction: first,
              expectationDisconfirmation: second,
              comparisonToIdeal: third,
            },
            weights,
          ),
    );
  };
  const buckets = bucketNames.map((bucket) => ({
    ...figureOf(bucket, (m) => m.get(bucket) ?? new Map()),
    change: null,
  }));
  const total = figureOf('total', (m) => sumHistograms(m.values()));
  return { buckets, total };
}

function withCoverage(frame: TimeFrame, figure: QuestionMetricBucket): QuestionMetricBucket {
  const coverage = coverageOf(frame, figure.bucket);
  return coverage ? { ...figure, coverage } : figure;
}
