/**
 * Helpers for benchmarks. A benchmark prints one JSON object per line on stdout (and nothing
 * else there: progress goes to stderr); scripts/bench.mjs collects them into bench/results.json.
 * Benchmarks report figures; they never pass or fail on time.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

export interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  /** Responses with a 2xx status. */
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Seconds the run took. */
  duration: number;
}

export interface CannonOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A file whose contents are every request's body. */
  bodyFile?: string;
}

const requireHere = createRequire(import.meta.url);

/**
 * Runs autocannon in its own process (so the load generator does not share the server's event
 * loop), with keep-alive connections, and returns its JSON summary.
 */
export function autocannon(options: CannonOptions): Promise<CannonResult> {
  const bin = join(dirname(requireHere.resolve('autocannon/package.json')), 'autocannon.js');
  const args = [bin, '-j', '-c', String(options.connections), '-d', String(options.seconds)];
  args.push('-m', options.method ?? 'GET');
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (options.bodyFile) args.push('-i', options.bodyFile);
  args.push(options.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out) as CannonResult);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${out}${err}`));
      }
    });
  });
}

/** Warns on stderr when a load run saw failures (a figure with failures in it is suspect). */
export function warnOnFailures(label: string, r: CannonResult): void {
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
    progress(`${label}: WARNING ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  }
}
