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

/**
 * A small export: a score column named otherwise than the question, a score out of range, and a
 * score written as a word. Dated well before every day the suite runs on (scripts/test.mjs): an
 * answer dated after the server's today is refused.
 */
const exportFile = join(mkdtempSync(join(tmpdir(), 'polku-e2e-import-')), 'toimitukset.csv');
writeFileSync(
  exportFile,
  [
    'id,arvosana,reason,submitted_at',
    'T-1,5,Nopea toimitus,2025-05-04 10:00',
    'T-2,2,Paketti myöhässä,2025-05-05 12:30',
    'T-3,9,Liian suuri arvo,2025-05-06 08:00',
    'T-4,Erinomainen,Kukat ajallaan,2025-05-07 09:00',
    '',
  ].join('\n'),
);

/** An export without a date column the import knows by name: its dates are in "Vastauspäivä". */
const undatedFile = join(mkdtempSync(join(tmpdir(), 'polku-e2e-import-')), 'paivat.csv');
writeFileSync(undatedFile, 'csat,reason,Vastauspäivä\n5,Hyvä palvelu,4.5.2025\n');

describe('importing responses in the web app', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    browser = await launchChromium();
    page = await polku.newPage(browser, { bypassCSP: true }); // lets axe-core's script run under our CSP
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

  it('previews a file: detected settings, the mapping, the first rows, and the rows it cannot import', async () => {
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
    expect(await preview.textContent()).toContain('Sarake-erotin: Pilkku (,)');
    expect(await preview.textContent()).toContain('Päivämäärät sarakkeesta submitted_at');
    expect(await preview.textContent()).toContain('vuosi-kuukausi-päivä');
    const score = preview.getByRole('combobox', { name: 'Kysymys sarakkeelle arvosana' });
    const reason = preview.getByRole('combobox', { name: 'Kysymys sarakkeelle reason' });
    expect(await score.inputValue()).toBe(''); // not a question key: left out until chosen
    expect(await reason.inputValue()).toBe('reason');
    expect(await preview.textContent()).toContain('Kysymykset ilman saraketta: csat');

    // Choosing the question for the column previews again with the mapping: two rows cannot
    // be imported as they are, so the import would store nothing.
    await score.selectOption('csat');
    await preview.getByText('Rivi 4, sarake arvosana: "9" is not on the scale 1–5').waitFor();
    await preview.getByText(/Rivi 5, sarake arvosana: "Erinomainen" is not a number/).waitFor();
    expect(await score.inputValue()).toBe('csat');
    const summary = preview.getByRole('table').last();
    expect(await summary.getByRole('row', { name: /Tuotaisiin/ }).textContent()).toContain('0');
    expect(await summary.getByRole('row', { name: /Ei voida tuoda/ }).textContent()).toContain('2');
    expect(await preview.textContent()).toContain('Tuonti ei tallentaisi mitään');
    expect(await section().getByRole('button', { name: 'Tuo vastaukset' }).isDisabled()).toBe(true);
    expect(await preview.getByRole('row', { name: /Nopea toimitus/ }).textContent()).toContain(
      'csat: 5',
    );
  });

  it('reads a word as a score through the value map editor, and previews the rows as they will be stored', async () => {
    const preview = section().getByRole('region', { name: 'Tuonnin esikatselu' });
    await preview.getByRole('button', { name: 'Tulkitse tekstit (2)' }).click();
    const editor = preview.getByRole('form', { name: 'Tekstien arvot sarakkeessa arvosana' });
    await editor.getByRole('textbox', { name: 'Arvo tekstille Erinomainen' }).fill('5');
    await editor.getByRole('button', { name: 'Käytä ja esikatsele' }).click();
    await preview
      .getByRole('row', { name: /Kukat ajallaan/ })
      .getByText(/csat: 5/)
      .waitFor();
    expect(await preview.textContent()).not.toContain('"Erinomainen" is not a number');
    const summary = preview.getByRole('table').last();
    expect(await summary.getByRole('row', { name: /Ei voida tuoda/ }).textContent()).toContain('1');
  });

  it('has no accessibility violations in the import section, the value map editor open', async () => {
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page, 'section[aria-label="Tuo vastauksia"]')).toEqual([]);
  });

  it('imports the readable rows when told to skip the others, and importing the same file again adds nothing', async () => {
    await section().getByRole('checkbox', { name: 'Tuo luettavat rivit ja ohita muut' }).check();
    await section().getByRole('button', { name: 'Esikatsele' }).click();
    const preview = section().getByRole('region', { name: 'Tuonnin esikatselu' });
    const summary = preview.getByRole('table').last();
    await summary
      .getByRole('row', { name: /Tuotaisiin/ })
      .getByText('3')
      .waitFor();
    expect(await preview.textContent()).toContain('Ohitetut rivit');
    await section().getByRole('button', { name: 'Tuo vastaukset' }).click();
    await status()
      .getByText('Tuonti valmis. Uusia vastauksia: 3, jo aiemmin tuotuja: 0, ohitettuja: 1.')
      .waitFor();
    await section().getByRole('button', { name: 'Tuo vastaukset' }).click();
    await status()
      .getByText('Tuonti valmis. Uusia vastauksia: 0, jo aiemmin tuotuja: 3, ohitettuja: 1.')
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('asks for the date column of a file without one it recognises, and previews with the column chosen', async () => {
    await section().locator('input[type="file"]').setInputFiles(undatedFile);
    await section().getByRole('button', { name: 'Esikatsele' }).click();
    const alert = section().getByRole('alert');
    await alert.getByText(/Tiedostosta ei löytynyt päivämääriä/).waitFor();
    await alert.getByRole('combobox', { name: 'Päivämääräsarake' }).selectOption('Vastauspäivä');
    const preview = section().getByRole('region', { name: 'Tuonnin esikatselu' });
    await preview.getByText('Päivämäärät sarakkeesta Vastauspäivä').waitFor();
    expect(await preview.getByRole('row', { name: /Hyvä palvelu/ }).textContent()).toContain(
      'csat: 5',
    );
    expect(errors).toEqual([]);
  });
});
