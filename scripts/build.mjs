#!/usr/bin/env node
// Builds Polku for production: the Node packages with tsc, in dependency order, then the staff
// web app with Vite. Without --force, a part whose inputs are older than its last build is
// skipped (and so is everything after it that depends on nothing rebuilt).
//
//   node scripts/build.mjs [--force] [--quiet]
//
// Importable too: `await build({ force, log })` (scripts/start.mjs does, to save a process).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const STAMP = '.polku-build-stamp';

/**
 * What to build, in order. `inputs` are files or folders (relative to the repo root) whose
 * newest modification time decides whether the part is stale; `after` names the parts whose
 * rebuild forces this one (its type-checking reads their declarations or sources).
 */
const parts = [
  { name: '@polku/contracts', dir: 'packages/contracts', kind: 'tsc', after: [] },
  { name: '@polku/core', dir: 'packages/core', kind: 'tsc', after: ['@polku/contracts'] },
  { name: '@polku/db', dir: 'packages/db', kind: 'tsc', after: ['@polku/core'] },
  { name: '@polku/server', dir: 'apps/server', kind: 'tsc', after: ['@polku/db'] },
  // The web app reads @polku/contracts from source (the polku-source condition).
  { name: '@polku/web', dir: 'apps/web', kind: 'vite', after: [] },
  // The widget: one esbuild IIFE (apps/widget/build.mjs), types only from @polku/contracts.
  { name: '@polku/widget', dir: 'apps/widget', kind: 'esbuild', after: [] },
].map((p) => ({
  ...p,
  inputs:
    p.kind === 'tsc'
      ? [
          `${p.dir}/src`,
          `${p.dir}/tsconfig.build.json`,
          `${p.dir}/package.json`,
          'tsconfig.base.json',
        ]
      : [
          `${p.dir}/src`,
          `${p.dir}/public`,
          `${p.dir}/index.html`,
          `${p.dir}/build.mjs`,
          `${p.dir}/vite.config.ts`,
          `${p.dir}/package.json`,
          `${p.dir}/tsconfig.json`,
          'packages/contracts/src',
        ],
  // The file whose time says when the part was last built.
  output:
    p.kind === 'tsc'
      ? `${p.dir}/dist/${STAMP}`
      : p.kind === 'esbuild'
        ? `${p.dir}/dist/polku-widget.js`
        : `${p.dir}/dist/index.html`,
}));

/** Newest mtime (ms) under a file or folder; 0 when it does not exist. Skips test files. */
function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function isStale(part) {
  const out = join(root, part.output);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return part.inputs.some((input) => newestMtime(join(root, input)) > built);
}

function run(command, args, cwd, quiet) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [command, ...args], {
      cwd,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ code: 1, output: String(err) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

function binPath(pkg, bin, fromDir) {
  const req = createRequire(join(fromDir, 'package.json'));
  let manifestPath;
  try {
    manifestPath = req.resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(`${pkg} is not installed: run \`npm install\` first`);
  }
  const manifest = req(manifestPath);
  const rel = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin];
  return join(dirname(manifestPath), rel);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function buildPart(part, { force, quiet, log, rebuilt }) {
  const forcedBy = part.after.find((dep) => rebuilt.has(dep));
  if (!force && !forcedBy && !isStale(part)) {
    if (!quiet) log(`build: ${part.name} is up to date`);
    return true;
  }
  const t0 = performance.now();
  const cwd = join(root, part.dir);
  const { code, output } =
    part.kind === 'tsc'
      ? await run(binPath('typescript', 'tsc', root), ['-p', 'tsconfig.build.json'], cwd, true)
      : part.kind === 'esbuild'
        ? await run(join(cwd, 'build.mjs'), [], cwd, true)
        : await run(binPath('vite', 'vite', cwd), ['build', '--logLevel', 'warn'], cwd, true);
  if (code !== 0) {
    process.stderr.write(output);
    console.error(`build: ${part.name} FAILED (${part.kind}, exit ${code})`);
    return false;
  }
  if (output.trim() && !quiet) process.stdout.write(output);
  if (part.kind === 'tsc') {
    mkdirSync(join(cwd, 'dist'), { recursive: true });
    writeFileSync(join(root, part.output), `${new Date().toISOString()}\n`);
  }
  rebuilt.add(part.name);
  log(
    `build: ${part.name} built in ${seconds(performance.now() - t0)}` +
      (forcedBy ? ` (after ${forcedBy})` : ''),
  );
  return true;
}

/**
 * Builds what is stale (everything with force): the tsc chain in order and, beside it, the
 * web app (which depends on none of the chain's output). Resolves to true on success; on
 * failure the compiler's output has been printed and it resolves to false.
 */
export async function build({ force = false, quiet = false, log = console.log } = {}) {
  const started = performance.now();
  const ctx = { force, quiet, log, rebuilt: new Set() };
  const chain = async (list) => {
    for (const part of list) if (!(await buildPart(part, ctx))) return false;
    return true;
  };
  const results = await Promise.all([
    chain(parts.filter((p) => p.kind === 'tsc')),
    chain(parts.filter((p) => p.kind !== 'tsc')),
  ]);
  const ok = results.every(Boolean);
  const n = ctx.rebuilt.size;
  if (ok && (n > 0 || !quiet)) {
    log(
      n > 0
        ? `build: done in ${seconds(performance.now() - started)} (${n} built)`
        : 'build: everything is up to date',
    );
  }
  return ok;
}

const invokedDirectly =
  process.argv[1] && relative(fileURLToPath(import.meta.url), process.argv[1]) === '';
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--force' && a !== '--quiet');
  if (unknown.length > 0) {
    console.error(
      `build: unknown option(s) ${unknown.join(' ')}\nUsage: node scripts/build.mjs [--force] [--quiet]`,
    );
    process.exit(2);
  }
  try {
    const ok = await build({ force: args.includes('--force'), quiet: args.includes('--quiet') });
    process.exitCode = ok ? 0 : 1;
  } catch (err) {
    console.error(`build: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
