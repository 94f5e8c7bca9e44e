import { existsSync } from 'node:fs';
import { DomainError } from '@polku/core';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is looked for when POLKU_CHROMIUM_PATH is not set (docs/configuration.md). */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
] as const;

/** The configured path when given (and present), else the first candidate present; null: none. */
export function findChromium(configured: string | null): string | null {
  if (configured) return existsSync(configured) ? configured : null;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export interface RenderTimeouts {
  /** How long a render may wait for the one before it. */
  queueMs: number;
  /** How long one render may take, launch included. */
  renderMs: number;
}

const DEFAULT_TIMEOUTS: RenderTimeouts = { queueMs: 30_000, renderMs: 30_000 };

// One render at a time per process, whatever the number of apps in it: Chromium takes a few
// hundred megabytes, and the machine may be small.
let queue: Promise<unknown> = Promise.resolve();

/** A page as PNG (the whole page) or PDF (A3 landscape, scaled down to fit the width). */
export type RenderFormat = 'png' | 'pdf';

/** A3 landscape at 96 dpi, less 10 mm margins on each side. */
const A3_PRINTABLE_WIDTH_PX = Math.floor(((420 - 20) / 25.4) * 96);

/**
 * Renders static HTML with headless Chromium (playwright-core; never a downloaded browser).
 * The page is loaded with JavaScript off and every network request refused: the HTML is
 * self-contained, and user text in it can neither run nor fetch anything.
 */
export class ChromiumRenderer {
  constructor(
    private readonly configuredPath: string | null,
    private readonly timeouts: RenderTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  /** Whether a Chromium executable is present. */
  available(): boolean {
    return findChromium(this.configuredPath) !== null;
  }

  async render(html: string, format: RenderFormat, width: number): Promise<Buffer> {
    const executablePath = findChromium(this.configuredPath);
    if (!executablePath) throw new DomainError('EXPORT_UNAVAILABLE');
    const previous = queue;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    queue = previous.then(() => mine);
    try {
      await withTimeout(previous, this.timeouts.queueMs, 'waiting for the previous render');
      return await this.renderNow(executablePath, html, format, width);
    } finally {
      release();
    }
  }

  private async renderNow(
    executablePath: string,
    html: string,
    format: RenderFormat,
    width: number,
  ): Promise<Buffer> {
    let browser: Browser | undefined;
    let abandoned = false;
    const work = (async () => {
      browser = await chromium.launch({
        executablePath,
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
      // Launched after the time ran out: nobody will close it but us.
      if (abandoned) throw new Error('abandoned');
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 800 },
        deviceScaleFactor: format === 'png' ? 2 : 1,
      });
      await context.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      if (format === 'png') return await page.screenshot({ fullPage: true, type: 'png' });
      await page.emulateMedia({ media: 'print' });
      const contentWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
      const scale = Math.max(0.1, Math.min(1, A3_PRINTABLE_WIDTH_PX / Math.max(1, contentWidth)));
      return await page.pdf({
        format: 'A3',
        landscape: true,
        printBackground: true,
        scale,
        margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' },
      });
    })();
    try {
      return await withTimeout(work, this.timeouts.renderMs, 'rendering');
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw new DomainError('EXPORT_FAILED', undefined, {
        reason: err instanceof Error ? err.message.split('\n')[0] : String(err),
      });
    } finally {
      // Closing the browser also ends a render that ran out of time.
      abandoned = true;
      await browser?.close().catch(() => undefined);
      work
        .catch(() => undefined)
        .finally(() => {
          void browser?.close().catch(() => undefined);
        });
    }
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DomainError('EXPORT_FAILED', undefined, { reason: `timed out ${what}` })),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
