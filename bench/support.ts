/**
 * Helpers for benchmarks. A benchmark prints one JSON object per line on stdout (and nothing
 * else there: progress goes to stderr); scripts/bench.mjs collects them into bench/results.json.
 * Benchmarks report figures; they never pass or fail on time.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The figure `value` is compared to, measured in the same run; null when there is none. */
  baseline: number | null;
  /** value / baseline, or null. */
  ratio: number | null;
}

const round = (n: number, digits = 3) => Number(n.toPrecision(digits + 3));

export function report(
  name: string,
  value: number,
  unit: string,
  baseline: number | null = null,
): BenchResult {
  const result: BenchResult = {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || baseline === 0 ? null : Number((value / baseline).toFixed(3)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

/** The process's resident set size, in MiB. */
export function rssMiB(): number {
  return Math.round((process.memoryUsage().rss / (1024 * 1024)) * 10) / 10;
}

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
