#!/usr/bin/env node
// `npm start`: builds what changed, then runs `polku serve` with the given arguments and the
// environment as it is (PORT, DATABASE_URL, POLKU_DATA_DIR, ...), except that LOG_LEVEL defaults to
// warn (per-request logs off; LOG_LEVEL=info turns them on).
//
//   npm start -- --port 4000
//
// The server runs in its own process group, so a Ctrl+C in the terminal reaches it once, from
// here, and it can shut down gracefully (a second Ctrl+C, later, stops it at once).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build, root } from './build.mjs';

const ok = await build({ quiet: true, log: (line) => console.log(line) });
if (!ok) {
  console.error('start: the build failed; not starting the server.');
  process.exit(1);
}

const isWindows = process.platform === 'win32';
// On a terminal a log line for every request buries the start banner (its address and the demo
// login): `npm start` logs warnings and errors only unless LOG_LEVEL asks for more (info).
const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
const child = spawn(
  process.execPath,
  [join(root, 'apps/server/bin/polku.js'), 'serve', ...process.argv.slice(2)],
  { stdio: 'inherit', env, detached: !isWindows },
);

// npm forwards a terminal's SIGINT to us besides the terminal sending it: signals arriving
// within a moment of the last forwarded one are the same request and are not passed twice.
let lastForwarded = 0;
function forward(signal) {
  const now = Date.now();
  if (now - lastForwarded < 1000) return;
  lastForwarded = now;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
process.on('SIGINT', () => forward('SIGINT'));
process.on('SIGTERM', () => forward('SIGTERM'));
process.on('SIGHUP', () => forward('SIGHUP'));
// If we go away some other way, do not leave a server behind.
process.on('exit', () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});

child.on('error', (err) => {
  console.error(`start: could not run the server: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  const signals = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  process.exit(code ?? 128 + (signals[signal] ?? 0));
});
