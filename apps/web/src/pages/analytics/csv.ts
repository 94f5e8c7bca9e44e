import type { MetricGroup, MetricResult } from '@polku/contracts';
import { changeOf } from '../../api/metrics';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV cell, by the same rule as the server's response export: text a spreadsheet would run
 * as a formula (starting with = + - @) gets a leading apostrophe (OWASP's CSV-injection
 * advice), numbers are written as they are (a negative NPS stays a number), and a cell with a
 * quote, comma, line break or edge space is quoted with its quotes doubled.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The chart's data as CSV: one row per group and bucket, machine-readable (dot decimals, raw
 * bucket names, `true`/`false`), so it opens the same in any spreadsheet. An incomplete bucket
 * says so (`coverage` inProgress, partial or future, with its days), and a change names what
 * it compared with (`change_previous`: a bucket, or `from/to` days). A bucket without
 * answers has n = 0 and an empty score: no answers, not a score of 0. UTF-8 with a BOM and
 * CRLF line ends, which Excel reads right.
 */
export function metricCsv(result: MetricResult, groupLabel: (group: MetricGroup) => string) {
  const countKeys = [
    ...new Set(result.groups.flatMap((g) => g.buckets.flatMap((b) => Object.keys(b.counts)))),
  ];
  const withChange = result.groups.some((g) => g.buckets.some((b) => changeOf(b) !== null));
  const withCoverage = result.groups.some((g) => g.buckets.some((b) => b.coverage));
  const columns = [
    'metric',
    'score_name',
    'survey_id',
    'question',
    'group_key',
    'group',
    'bucket',
    'n',
    'score',
    'ci95_low',
    'ci95_high',
    'method',
    'small_sample',
    ...countKeys.map((k) => `count_${k}`),
    ...(withChange
      ? ['change_difference', 'change_p', 'change_significant', 'change_previous']
      : []),
    ...(withCoverage ? ['coverage', 'coverage_days', 'coverage_of_days'] : []),
  ];
  const question = result.metric.question ?? result.metric.questions?.join('+') ?? '';
  const rows = result.groups.flatMap((g) =>
    g.buckets.map((b) => {
      const change = changeOf(b);
      return [
        result.metric.kind,
        result.scoreName,
        result.metric.surveyId ?? '',
        question,
        g.key,
        groupLabel(g),
        b.bucket,
        b.n,
        b.n === 0 ? null : b.score,
        b.ci95?.[0],
        b.ci95?.[1],
        b.method,
        b.smallSample,
        ...countKeys.map((k) => b.counts[k] ?? 0),
        ...(withChange
          ? [change?.difference, change?.pValue, change?.significant, change?.previous]
          : []),
        ...(withCoverage ? [b.coverage?.state, b.coverage?.days, b.coverage?.ofDays] : []),
      ];
    }),
  );
  return `\uFEFF${[columns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** `polku-nps-nps-2025-06-01_2026-05-31.csv`: the metric, its question and the period. */
export function csvFilename(result: MetricResult): string {
  const parts = [
    'polku',
    result.metric.kind,
    result.metric.question ?? result.metric.questions?.join('-'),
    result.by,
    result.from && result.to ? `${result.from}_${result.to}` : (result.from ?? result.to),
  ];
  return `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[^a-zA-Z0-9_.-]/g, '_')}.csv`;
}

/** Hands text to the browser as a download (the data never leaves the page otherwise). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click returns; revoke once they have.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
