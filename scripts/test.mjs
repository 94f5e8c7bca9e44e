#!/usr/bin/env node
// `npm test`: lint, type-check, unit + route + repository tests, then the browser tests on the
// built app. Stops at the first failing step. The last line is always `N passed, N failed`
// (steps), for CI tooling; a skipped step is named in the summary above it.
//
// PostgreSQL tests run when POLKU_TEST_DATABASE_URL is set. Browser tests need
// /usr/bin/chromium; without it they are skipped with a notice, except under CI=true.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const CHROMIUM = '/usr/bin/chromium';
const E2E_CONFIG = 'vitest.e2e.config.ts';

/*
 * The days the browser tests run on (POLKU_E2E_TODAY: the server's clock and the browser's both
 * start there). The demo's two years of data end on "today", so which figures, changes and
 * warnings a page shows depends on the day; a suite that passes on one day must pass on all.
 * - 2026-03-28, the whole suite: a Saturday in Q1, winter time (UTC+2), the eve of EU summer
 *   time (Sunday 29 March): the current ISO week is six days old, the month nearly whole.
 * - 2026-07-02, the date-sensitive files: a Thursday in Q3, summer time (UTC+3), and the
 *   current month and quarter only two days old (what broke CI on 2 December: a 2-day month).
 * - today (the real clock), the date-sensitive files: whatever the calendar brings next.
 * The two fixed days differ in month, quarter and daylight saving time.
 */
const E2E_DAYS = { full: '2026-03-28', again: ['2026-07-02', 'today'] };
/** The browser test files whose pages depend on where the demo's data falls relative to today. */
const DATE_SENSITIVE = [
  'test/e2e/analytics.test.ts',
  'test/e2e/accessibility.test.ts',
  'test/e2e/journeys.test.ts',
  'test/e2e/targets.test.ts',
  'test/e2e/observed.test.ts',
];

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s) => paint('1', s);
const red = (s) => paint('1;31', s);
const green = (s) => paint('32', s);
const yellow = (s) => paint('1;33', s);

function bin(pkg, name) {
  const req = createRequire(join(root, 'package.json'));
  const manifestPath = req.resolve(`${pkg}/package.json`);
  const manifest = req(manifestPath);
  return join(
    dirname(manifestPath),
    typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name],
  );
}

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', (err) => {
      console.error(err.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const node = (file, ...args) => run(process.execPath, [file, ...args]);
const nodeWith = (env, file, ...args) => run(process.execPath, [file, ...args], env);
const npmCli = process.env.npm_execpath; // set when run through npm; else the npm on PATH
const npm = (...args) =>
  npmCli && /\.[cm]?js$/.test(npmCli) ? node(npmCli, ...args) : run('npm', args);

/** Browser tests need their config and Chromium: a notice without them, a failure under CI. */
function skipBrowserTests() {
  if (!existsSync(join(root, E2E_CONFIG))) {
    if (isCI) return { fail: `${E2E_CONFIG} is missing` };
    return { reason: `browser tests SKIPPED: ${E2E_CONFIG} does not exist yet` };
  }
  if (!existsSync(CHROMIUM)) {
    const hint = 'browser tests SKIPPED: no Chromium (apt-get install -y chromium)';
    if (isCI) return { fail: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
    return { reason: hint };
  }
  return undefined;
}

/**
 * The steps. `skip` returns a reason to skip (a notice, not a failure) or undefined; it may
 * throw a failure instead (under CI).
 */
const steps = [
  { name: 'lint', run: () => node(bin('eslint', 'eslint'), '.', '--max-warnings', '0') },
  { name: 'typecheck', run: () => npm('run', 'typecheck') },
  { name: 'unit, route and repository tests', run: () => node(bin('vitest', 'vitest'), 'run') },
  {
    name: `browser tests (${E2E_DAYS.full})`,
    skip: skipBrowserTests,
    async run() {
      // The browser tests drive the built app (the server's dist and apps/web/dist).
      const built = await node(join(root, 'scripts/build.mjs'));
      if (built !== 0) return built;
      return nodeWith(
        { POLKU_E2E_TODAY: E2E_DAYS.full },
        bin('vitest', 'vitest'),
        'run',
        '--config',
        E2E_CONFIG,
      );
    },
  },
  ...E2E_DAYS.again.map((day) => ({
    name: `date-sensitive browser tests (${day})`,
    skip: skipBrowserTests,
    run: () =>
      nodeWith(
        { POLKU_E2E_TODAY: day },
        bin('vitest', 'vitest'),
        'run',
        '--config',
        E2E_CONFIG,
        ...DATE_SENSITIVE,
      ),
  })),
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
const started = performance.now();

for (const step of steps) {
  const skip = step.skip?.();
  if (skip?.reason) {
    console.log(
      `\n${yellow('!'.repeat(72))}\n${yellow(`!! ${skip.reason}`)}\n${yellow('!'.repeat(72))}`,
    );
    results.push({ name: step.name, status: 'skipped', ms: 0, note: skip.reason });
    continue;
  }
  console.log(`\n${bold(`▶ ${step.name}`)}`);
  const t0 = performance.now();
  let code;
  let note = '';
  if (skip?.fail) {
    console.error(red(`✖ ${step.name}: ${skip.fail} (CI=true: this is a failure)`));
    code = 1;
    note = skip.fail;
  } else {
    code = await step.run();
  }
  const ms = performance.now() - t0;
  results.push({ name: step.name, status: code === 0 ? 'passed' : 'failed', ms, note });
  console.log(
    code === 0
      ? green(`✔ ${step.name} passed in ${seconds(ms)}`)
      : red(`✖ ${step.name} FAILED (exit ${code}) after ${seconds(ms)}`),
  );
  if (code !== 0) break; // fail fast
}

for (const step of steps.slice(results.length)) {
  results.push({ name: step.name, status: 'not run', ms: 0, note: 'an earlier step failed' });
}

const passed = results.filter((r) => r.status === 'passed').length;
const failed = results.filter((r) => r.status === 'failed').length;
const width = Math.max(...results.map((r) => r.name.length));
console.log(`\n${bold('Summary')}`);
for (const r of results) {
  const status = { passed: green, failed: red, skipped: yellow, 'not run': (s) => s }[r.status](
    r.status.padEnd(7),
  );
  const time =
    r.status === 'passed' || r.status === 'failed' ? seconds(r.ms).padStart(8) : ' '.repeat(8);
  console.log(`  ${r.name.padEnd(width)}  ${status} ${time}${r.note ? `  (${r.note})` : ''}`);
}
console.log(`  total ${seconds(performance.now() - started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
