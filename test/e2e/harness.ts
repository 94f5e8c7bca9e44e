import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDay } from '@polku/core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { pino } from 'pino';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { ensureDemo } from '../../apps/server/src/demo.js';
import { createRuntime } from '../../apps/server/src/runtime.js';
import { testEnv } from '../../apps/server/test/support/env.js';

export { decodeQuotedPrintable, startSmtp } from '../../apps/server/test/support/smtp.js';

export const CHROMIUM = '/usr/bin/chromium';
export const webDist = new URL('../../apps/web/dist/', import.meta.url).pathname;

export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(webDist, 'index.html')))
    throw new Error('the web app is not built: run `node scripts/build.mjs`');
}

/**
 * The day the browser tests run on: POLKU_E2E_TODAY as YYYY-MM-DD (or `today` for the real
 * clock). By default a fixed day, so the demo's data (placed relative to today) and every page
 * built on it are the same whatever day the suite runs; `npm test` runs the date-sensitive
 * files again on other days (scripts/test.mjs says which and why).
 */
export const E2E_TODAY = testEnv.e2eToday ?? '2026-03-28';

/**
 * A real Polku server (web, worker) on a fresh SQLite file and a free port, its clock starting
 * on E2E_TODAY (at 12:00 UTC) and running on. Pages opened with `newPage`/`newContext` share
 * that time: the browser's clock is installed at the server's now.
 */
export async function startPolku(options: { smtpPort?: number; demo: boolean }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'polku-e2e-'));
  // The port is chosen first, so links in mail and QR codes (PUBLIC_URL) point at this server.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    POLKU_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PORT: String(port),
    PUBLIC_URL: url,
    ...(options.smtpPort && { SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}` }),
    WEB_DIST_DIR: webDist,
    ...(E2E_TODAY !== 'today' && { POLKU_TODAY: E2E_TODAY }),
  });
  const runtime = await createRuntime(config, pino({ level: 'silent' }));
  const demo = options.demo ? await ensureDemo(runtime) : null;
  const app = await buildApp({ ...runtime, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  runtime.worker.start();
  const { clock } = runtime;
  /** A browser context whose pages read the server's time (playwright's clock, running). */
  async function newContext(browser: Browser, contextOptions: BrowserContextOptions = {}) {
    const context = await browser.newContext(contextOptions);
    await context.clock.install({ time: clock.now() });
    return context;
  }
  return {
    url,
    runtime,
    demo,
    clock,
    /** Today in the demo workspace's zone (Helsinki), by the server's clock. */
    today: () => localDay(clock.now(), 'Europe/Helsinki'),
    newContext,
    /**
     * A page in a context of its own (as `browser.newPage` makes), on the server's time. The
     * context lives until the browser closes.
     */
    async newPage(browser: Browser, contextOptions: BrowserContextOptions = {}): Promise<Page> {
      return (await newContext(browser, contextOptions)).newPage();
    },
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
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

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

/** Calls the API as the signed-in browser (session cookie and CSRF token); throws on an error. */
export async function callApi<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: object,
): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const res = await fetch(path, {
        method,
        headers: {
          'x-csrf-token': session.csrfToken,
          ...(body && { 'content-type': 'application/json' }),
        },
        ...(body && { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on the page (or the part `selector` names) and
 * returns the violations in short form. The page must be opened with `bypassCSP: true`, since
 * axe is injected as a script.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  // Dialogs and drawers fade in: contrast measured mid-transition sees their text half
  // transparent (an intermittent failure). Finite animations and transitions end first.
  await page.waitForFunction(() => {
    interface Animation {
      playState: string;
      effect: { getTiming(): { iterations?: number } } | null;
    }
    const doc = (globalThis as unknown as { document: { getAnimations(): Animation[] } }).document;
    return doc
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
  });
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (include) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(c: object, o: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(include ? { include: [include] } : { exclude: [] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  }, selector ?? null);
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Signs in on the Finnish login form (the demo login unless told otherwise). */
export async function signIn(
  page: Page,
  login: { email: string; password: string } = {
    email: 'demo@polku.example',
    password: 'aurinko-demo',
  },
): Promise<void> {
  await page.getByRole('textbox', { name: 'Sähköposti' }).fill(login.email);
  await page.getByRole('textbox', { name: 'Salasana' }).fill(login.password);
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
}
