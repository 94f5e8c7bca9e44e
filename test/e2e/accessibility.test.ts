import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  axeViolations,
  launchChromium,
  signIn,
  startPolku,
  startSmtp,
} from './harness.js';

describe('accessibility of the staff app (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let page: Page;

  beforeAll(async () => {
    assertPrerequisites();
    smtp = await startSmtp();
    polku = await startPolku({ smtpPort: smtp.port, demo: true });
    browser = await launchChromium();
    page = await polku.newPage(browser, { bypassCSP: true }); // lets axe-core's script run under our CSP
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
    await smtp?.close();
  });

  it('has no violations on the login page', async () => {
    await page.goto(`${polku.url}/login`);
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no violations on the forgot-password page', async () => {
    await page.goto(`${polku.url}/forgot-password`);
    await page.getByRole('textbox', { name: 'Sähköposti' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  const settings = [
    'Työtila',
    'Jäsenet',
    'Kutsut',
    'API-avaimet',
    'Tapahtumaloki',
    'Lähtevä posti',
  ];
  it(`has no violations in the app shell and the settings pages (${settings.join(', ')})`, async () => {
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.getByRole('link', { name: 'Asetukset' }).click();
    const found: string[] = [];
    for (const section of settings) {
      await page.getByRole('link', { name: section }).click();
      await page.getByRole('heading', { name: section, level: 2 }).waitFor();
      await page.waitForLoadState('networkidle');
      found.push(...(await axeViolations(page)).map((v) => `${section}: ${v}`));
    }
    expect(found).toEqual([]);
  });
});
