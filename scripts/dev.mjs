#!/usr/bin/env node
// `npm run dev`: the server from TypeScript source, restarted on change (tsx watch), and the
// Vite dev server for the staff app, which proxies /api to the server on port 3000.
// Extra arguments go to `polku serve` (e.g. `npm run dev -- --roles web`). Ctrl+C stops both;
// if either exits, the other is stopped too.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'apps/web');
const isWindows = process.platform === 'win32';

function binPath(pkg, bin, fromDir) {
  const req = createRequire(join(fromDir, 'package.json'));
  const manifestPath = req.resolve(`${pkg}/package.json`);
  const manifest = req(manifestPath);
  return join(
    dirname(manifestPath),
    typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin],
  );
}

const colours = { server: '\x1b[36m', web: '\x1b[35m' };
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

/** Runs a process in its own group (so one kill reaches its children), prefixing its lines. */
function start(name, args, options) {
  const child = spawn(process.execPath, args, {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: !isWindows,
    env: { ...process.env, FORCE_COLOR: useColour ? '1' : '0', ...options.env },
  });
  const prefix = useColour ? `${colours[name]}[${name}]\x1b[0m ` : `[${name}] `;
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let pending = '';
    from.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) to.write(prefix + line + '\n');
    });
    from.on('end', () => pending && to.write(prefix + pending + '\n'));
  }
  return { name, child };
}

const port = process.env.PORT ?? '3000';
if (port !== '3000') {
  console.warn(`[dev] PORT=${port}: the Vite dev server proxies /api to port 3000 only.`);
}

const procs = [
  start(
    'server',
    [
      binPath('tsx', 'tsx', root),
      'watch',
      '--clear-screen=false',
      '--conditions=polku-source',
      'apps/server/src/main.ts',
      'serve',
      ...process.argv.slice(2),
    ],
    { cwd: root, env: { PORT: port } },
  ),
  start('web', [binPath('vite', 'vite', web)], { cwd: web, env: {} }),
];

let stopping = false;
let exitCode = 0;

function kill(proc, signal) {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (isWindows) child.kill(signal);
    else process.kill(-child.pid, signal); // the whole group: tsx's node child, esbuild, ...
  } catch {
    // already gone
  }
}

function stopAll(reason) {
  if (stopping) return;
  stopping = true;
  console.log(`[dev] ${reason}: stopping the server and the web dev server`);
  for (const p of procs) kill(p, 'SIGTERM');
  // Whatever is still running after a grace period is killed.
  setTimeout(() => {
    for (const p of procs) kill(p, 'SIGKILL');
  }, 5000).unref();
}

for (const proc of procs) {
  proc.child.on('error', (err) => {
    console.error(`[dev] could not start ${proc.name}: ${err.message}`);
    exitCode = 1;
    stopAll('error');
  });
  proc.child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[dev] ${proc.name} exited (${signal ?? code}).`);
      exitCode = code || 1;
      stopAll(`${proc.name} exited`);
    }
    if (procs.every((p) => p.child.exitCode !== null || p.child.signalCode !== null)) {
      process.exit(exitCode);
    }
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) {
      for (const p of procs) kill(p, 'SIGKILL'); // a second Ctrl+C: do not wait
      return;
    }
    stopAll(signal);
  });
}
process.on('exit', () => {
  for (const p of procs) kill(p, 'SIGKILL');
});
