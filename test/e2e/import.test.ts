import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  axeViolations,
  launchChromium,
  signIn,
  startPolku,
} from './harness.js';

/** A small export: a score column named otherwise than the question, and one score out of range. */
const exportFile = join(mkdtempSync(join(tmpdir(), 'polku-e2e-import-')), 'toimitukset.csv');
writeFileSync(
  exportFile,
  [
    'id,arvosana,reason,submitted_at',
    'T-1,5,Nopea toimitus,2026-05-04 10:00',
    'T-2,2,Paketti myöhässä,2026-05-05 12:30',
    'T-3,9,Liian suuri arvo,2026-05-06 08:00',
    '',
  ].join('\n'),
);

describe('importing responses in the web app', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    browser = await launchChromium();
    page = await browser.newPage({ bypassCSP: true }); // lets axe-core's script run under our CSP
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack?.slice(0, 1500)}`));
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  const section = () => page.getByRole('region', { name: 'Tuo vastauksia' });
  const status = () => section().getByRole('status');

  it('previews a file: detected settings, the mapping, the first rows and a skipped line', async () => {
    await page.getByRole('link', { name: 'Kyselyt' }).click();
    await page.getByRole('link', { name: 'Toimituksen onnistuminen (CSAT)' }).click();
    await page
      .getByRole('heading', { name: 'Toimituksen onnistuminen (CSAT)', level: 1 })
      .waitFor();
    await section().locator('input[type="file"]').setInputFiles(exportFile);
    await section().getByRole('button', { name: 'Esikatsele' }).click();

    const preview = section().getByRole('region', { name: 'Tuonnin esikatselu' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Muoto: CSV');
    expect(await preview.textContent()).toContain('Merkistö: UTF-8');
    expect(await preview.textContent()).toContain('vuosi-kuukausi-päivä');
    const score = preview.getByRole('combobox', { name: 'Kysymys sarakkeelle arvosana' });
    const reason = preview.getByRole('combobox', { name: 'Kysymys sarakkeelle reason' });
    expect(await score.inputValue()).toBe(''); // not a question key: left out until chosen
    expect(await reason.inputValue()).toBe('reason');
    expect(await preview.textContent()).toContain('Kysymykset ilman saraketta: csat');

    // Choosing the question for the column previews again with the mapping.
    await score.selectOption('csat');
    await preview.getByText('Rivi 4: csat: must be from 1 to 5, got 9').waitFor();
    expect(await score.inputValue()).toBe('csat');
    const summary = preview.getByRole('table').last();
    expect(await summary.getByRole('row', { name: /Tuotaisiin/ }).textContent()).toContain('2');
    expect(await summary.getByRole('row', { name: /Ohitettu/ }).textContent()).toContain('1');
    expect(await preview.getByRole('row', { name: /Nopea toimitus/ }).textContent()).toContain(
      'csat: 5',
    );
    expect(await preview.getByRole('row', { name: /Liian suuri arvo/ }).textContent()).toContain(
      'Ei voida lukea: csat: must be from 1 to 5, got 9',
    );
  });

  it('has no accessibility violations in the import section', async () => {
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page, 'section[aria-label="Tuo vastauksia"]')).toEqual([]);
  });

  it('imports the rows, and importing the same file again adds nothing', async () => {
    await section().getByRole('button', { name: 'Tuo vastaukset' }).click();
    await status()
      .getByText('Tuonti valmis: 2 uutta vastausta, 0 tuotu jo aiemmin, 1 ohitettu.')
      .waitFor();
    await section().getByRole('button', { name: 'Tuo vastaukset' }).click();
    await status()
      .getByText('Tuonti valmis: 0 uutta vastausta, 2 tuotu jo aiemmin, 1 ohitettu.')
      .waitFor();
    expect(errors).toEqual([]);
  });
});
