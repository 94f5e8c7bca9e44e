import { existsSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { pino } from 'pino';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { ensureDemo } from '../../apps/server/src/demo.js';
import { createRuntime } from '../../apps/server/src/runtime.js';

export { decodeQuotedPrintable, startSmtp } from '../../apps/server/test/support/smtp.js';

export const CHROMIUM = '/usr/bin/chromium';
export const webDist = new URL('../../apps/web/dist/', import.meta.url).pathname;

export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(webDist, 'index.html')))
    throw new Error('the web app is not built: run `node scripts/build.mjs`');
}

/** A real Polku server (web, worker) on a fresh SQLite file and a free port. */
export async function startPolku(options: { smtpPort: number; demo: boolean }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'polku-e2e-'));
  const config = loadConfig({
    POLKU_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PORT: '0',
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    WEB_DIST_DIR: webDist,
  });
  const runtime = await createRuntime(config, pino({ level: 'silent' }));
  if (options.demo) await ensureDemo(runtime);
  const app = await buildApp({ ...runtime, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  runtime.worker.start();
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Waits until `check` holds, polling; throws with `what` after the timeout. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
