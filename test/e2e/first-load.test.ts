import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPrerequisites, launchChromium, startPolku, webDist } from './harness.js';

type Polku = Awaited<ReturnType<typeof startPolku>>;

/** The built file of a source module, from Vite's manifest. */
function builtFile(source: string): string {
  const manifest = JSON.parse(readFileSync(join(webDist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  const file = manifest[source]?.file;
  if (!file) throw new Error(`${source} is not in the manifest`);
  return `/${file}`;
}

describe('the staff app’s first load', () => {
  let browser: Browser;
  let polku: Polku;
  beforeAll(async () => {
    assertPrerequisites();
    browser = await launchChromium();
    // With an account, so /login stays the login page (without one it leads to setup).
    polku = await startPolku({ demo: true });
  });
  afterAll(async () => {
    await polku?.close();
    await browser?.close();
  });

  it('loads one language’s strings, the other on a switch, and never shows a key', async () => {
    const page = await polku.newPage(browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    // Any text that reads like a message key ("login.submit") is remembered as it appears.
    const groups = [
      ...readFileSync(
        new URL('../../apps/web/src/locales/fi.ts', import.meta.url),
        'utf8',
      ).matchAll(/^ {2}(\w+): /gm),
    ].map((m) => m[1]!);
    expect(groups).toContain('login');
    // (A script as text: the tests are type-checked without the DOM's types.)
    await page.addInitScript({
      content: `window.keysSeen = [];
        new MutationObserver(() => {
          const text = document.body ? document.body.innerText : '';
          window.keysSeen.push(...(text.match(/\\b(?:${groups.join('|')})\\.[A-Za-z]+/g) ?? []));
        }).observe(document, { subtree: true, childList: true, characterData: true });`,
    });
    const [fi, sv, en] = ['fi', 'sv', 'en'].map((l) => builtFile(`src/locales/${l}.ts`));

    await page.goto(`${polku.url}/login`);
    await expect
      .poll(() => page.getByRole('button', { name: 'Kirjaudu sisään' }).isVisible())
      .toBe(true);
    expect(scripts).toContain(fi);
    expect(scripts).not.toContain(sv);
    expect(scripts).not.toContain(en);

    await page.getByRole('combobox', { name: 'Kieli / Språk / Language' }).selectOption('sv');
    await expect.poll(() => page.getByRole('button', { name: 'Logga in' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(scripts).toContain(sv);
    expect(scripts).not.toContain(en);
    expect(await page.evaluate('window.keysSeen')).toEqual([]);

    // A reload starts in the remembered language, and loads only its strings.
    scripts.length = 0;
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Logga in' }).isVisible()).toBe(true);
    expect(scripts).toContain(sv);
    expect(scripts).not.toContain(fi);
    await page.close();
  });

  it('gets the assets precompressed, as the build wrote them', async () => {
    const page = await polku.newPage(browser);
    const responses: { path: string; encoding?: string; length?: string }[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/assets/')) {
        const headers = r.headers();
        responses.push({
          path,
          encoding: headers['content-encoding'],
          length: headers['content-length'],
        });
      }
    });
    await page.goto(`${polku.url}/login`);
    await expect
      .poll(() => page.getByRole('button', { name: 'Kirjaudu sisään' }).isVisible())
      .toBe(true);
    const entry = responses.find((r) => r.path === builtFile('index.html'));
    expect(entry?.encoding).toMatch(/^(br|gzip)$/);
    const onDisk = statSync(
      join(webDist, `${entry!.path}.${entry!.encoding === 'br' ? 'br' : 'gz'}`),
    ).size;
    expect(Number(entry!.length)).toBe(onDisk);
    await page.close();
  });
});
