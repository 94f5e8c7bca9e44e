#!/usr/bin/env node
// `npm run bench`: runs each bench/*.bench.ts in its own process (workspace packages from
// source, through tsx), passes through the JSON lines they print, and writes them all, as one
// array, to bench/results.json. Benchmarks print figures; they do not pass or fail on time.
//
//   npm run bench                 every benchmark
//   npm run bench -- sqlite       those whose file name contains "sqlite"
//
// Knobs (environment): BENCH_DURATION (s per HTTP run, default 5), BENCH_CONNECTIONS (20),
// BENCH_SQLITE_ROWS (500000); for metrics.bench.ts BENCH_METRICS_SIZES ("1000000,10000000"),
// BENCH_METRICS_PG_SIZE (1000000; 0 skips), BENCH_METRICS_PG_URL, BENCH_METRICS_REPEAT (15),
// BENCH_METRICS_BUDGET_S (60), BENCH_METRICS_KEEP (1 keeps the SQLite file). Benchmarks read
// their knobs here, not through the app's config module: they are not settings of Polku.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(`bench: no bench/*.bench.ts matches ${filters.join(' ')}`);
  process.exit(2);
}

function runBench(file) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=polku-source', '--import', 'tsx', join(benchDir, file)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const results = [];
    let pending = '';
    const take = (line) => {
      if (!line.trim()) return;
      try {
        const r = JSON.parse(line);
        if (r && typeof r.name === 'string' && typeof r.value === 'number') {
          results.push(r);
          console.log(JSON.stringify(r));
          return;
        }
      } catch {
        // not a result line
      }
      process.stderr.write(`  ${line}\n`);
    };
    child.stdout.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(take);
    });
    child.stdout.on('end', () => take(pending));
    child.on('error', (err) => resolve({ code: 1, results, err }));
    child.on('close', (code) => resolve({ code: code ?? 1, results }));
  });
}

const all = [];
let failed = 0;
for (const file of files) {
  console.error(`bench: ${file}`);
  const t0 = performance.now();
  const { code, results, err } = await runBench(file);
  all.push(...results);
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  if (code !== 0) {
    failed++;
    console.error(
      `bench: ${file} FAILED (exit ${code}${err ? `: ${err.message}` : ''}) after ${took} s`,
    );
  } else {
    console.error(`bench: ${file} done in ${took} s`);
  }
}

// A filtered run (`npm run bench -- ingest`) replaces only its own figures in the file.
const resultsPath = join(benchDir, 'results.json');
const fresh = new Set(all.map((r) => r.name));
const kept = existsSync(resultsPath)
  ? JSON.parse(readFileSync(resultsPath, 'utf8')).filter((r) => !fresh.has(r.name))
  : [];
writeFileSync(resultsPath, `${JSON.stringify([...kept, ...all], null, 2)}\n`);
console.error(`bench: ${all.length} figures written to bench/results.json (${kept.length} kept)`);
// A benchmark that crashed is an error; a slow one is not.
process.exitCode = failed > 0 ? 1 : 0;
