import { MetricService, type QuestionMetricBucket, type QuestionMetricResult } from '@polku/core';
import type { AppConfig } from '../config.js';
import {
  ArgumentError,
  oneOf,
  ownerContext,
  parseCommandArgs,
  requiredString,
} from '../cli-args.js';
import { createRuntime } from '../runtime.js';

export const METRICS_USAGE = `  metrics --workspace W --survey S --question KEY [--by day|week|month|quarter|year]
          [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--interval adjusted-wald|wald] [--json]
                                                    print a question's metric (NPS, CSAT, CES…)
                                                    with n, counts and a 95% interval`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BUCKETS = ['all', 'day', 'week', 'month', 'quarter', 'year'] as const;
const NPS_INTERVALS = ['adjusted-wald', 'wald'] as const;

/** How each interval method is named in the table's footnote. */
const METHOD_NAMES: Record<QuestionMetricBucket['method'], string> = {
  'adjusted-wald': 'adjusted-Wald',
  wald: 'Wald',
  wilson: 'Wilson',
  t: 'Student t',
  'conservative-wald': 'conservative Wald',
};

/**
 * One bucket as printed by `--json`: n, the counts spread out, the score under its own name
 * (`nps`, `csat`, `ces`, `mean`, `goalReached`), `ci95` and the method.
 * @example { n: 4, promoters: 2, passives: 1, detractors: 1, nps: 25, ci95: [..], method: 'adjusted-wald' }
 */
export function metricBucketJson(
  result: QuestionMetricResult,
  b: QuestionMetricBucket,
): Record<string, unknown> {
  const { bucket, n, counts, score, ci95, method, smallSample, ...extra } = b;
  return {
    ...(result.by !== 'all' && { bucket }),
    n,
    ...counts,
    [result.scoreName]: score,
    ci95,
    method,
    smallSample,
    ...extra,
  };
}

/** `--json`: one object for `--by all`, otherwise an array with one object per bucket. */
export function questionMetricJson(result: QuestionMetricResult): unknown {
  const items = result.buckets.map((b) => metricBucketJson(result, b));
  return result.by === 'all' ? items[0] : items;
}

const fmt = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined ? '–' : x.toFixed(digits);

/** A bucket's notes: a small sample, a period in progress or cut by --from/--to. */
function notesOf(b: QuestionMetricBucket): string {
  const c = b.coverage;
  const incomplete =
    c && (c.state === 'inProgress' || c.state === 'partial')
      ? `${c.state === 'inProgress' ? 'in progress' : 'partial'} (${c.days}/${c.ofDays} days)`
      : '';
  return [b.smallSample ? 'small sample' : '', incomplete].filter(Boolean).join(', ');
}

/** A plain-text table: bucket, n, counts, score, 95% interval, and notes (small sample,
 * in progress). */
export function formatQuestionMetric(result: QuestionMetricResult): string {
  const countKeys = Object.keys(result.buckets[0]?.counts ?? {});
  const digits = ['ces', 'rating', 'numeric'].includes(result.questionType) ? 2 : 1;
  const header = ['bucket', 'n', ...countKeys, result.scoreName, 'ci95', ''];
  const rows = result.buckets.map((b) => [
    b.bucket,
    String(b.n),
    ...countKeys.map((k) => String(b.counts[k] ?? 0)),
    fmt(b.score, digits),
    b.ci95 ? `[${fmt(b.ci95[0], digits)}, ${fmt(b.ci95[1], digits)}]` : '–',
    notesOf(b),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const method = METHOD_NAMES[result.buckets[0]?.method ?? 't'];
  return [
    `${result.questionKey} (${result.questionType}), by ${result.by}` +
      (result.from || result.to ? `, ${result.from ?? '…'} to ${result.to ?? '…'}` : ''),
    line(header),
    ...rows.map(line),
    `95% intervals: ${method}. n counts answered questions of complete responses; small sample: n < 30.`,
  ].join('\n');
}

/** `polku metrics`: a question's metric per time bucket, as a table or JSON. */
export async function metricsCommand(config: AppConfig, args: string[]): Promise<void> {
  const { values: v } = parseCommandArgs(
    args,
    {
      workspace: { type: 'string' },
      survey: { type: 'string' },
      question: { type: 'string' },
      by: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      interval: { type: 'string' },
      json: { type: 'boolean' },
    },
    0,
  );
  const workspaceId = requiredString(v.workspace, 'workspace');
  const surveyId = requiredString(v.survey, 'survey');
  const questionKey = requiredString(v.question, 'question');
  const by = oneOf(v.by, 'by', BUCKETS, 'all');
  const interval =
    v.interval === undefined
      ? undefined
      : oneOf(v.interval, 'interval', NPS_INTERVALS, 'adjusted-wald');
  for (const name of ['from', 'to'] as const)
    if (v[name] !== undefined && !DAY.test(v[name]))
      throw new ArgumentError(`--${name}: write YYYY-MM-DD`);
  const runtime = await createRuntime(config);
  try {
    const ctx = await ownerContext(runtime, workspaceId);
    const metrics = new MetricService({
      surveys: runtime.store.surveys,
      metrics: runtime.store.metrics,
      clock: runtime.clock,
    });
    const result = await metrics.questionMetric(ctx, {
      surveyId,
      questionKey,
      by,
      from: v.from,
      to: v.to,
      interval,
    });
    console.log(v.json ? JSON.stringify(questionMetricJson(result)) : formatQuestionMetric(result));
  } finally {
    await runtime.close();
  }
}
