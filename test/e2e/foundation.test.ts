import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  decodeQuotedPrintable,
  launchChromium,
  signIn,
  startPolku,
  startSmtp,
  waitFor,
} from './harness.js';

type Polku = Awaited<ReturnType<typeof startPolku>>;
type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** Collects uncaught page errors, so a broken page fails the test even where it looks fine. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The workspace chosen in the header's workspace switcher. */
async function currentWorkspace(page: Page): Promise<string> {
  const select = page.getByRole('combobox', { name: /^(Työtila|Arbetsyta|Workspace)$/ });
  return (await select.locator('option:checked').textContent()) ?? '';
}

describe('the staff app in Chromium', () => {
  let browser: Browser;
  let smtp: Smtp;

  beforeAll(async () => {
    assertPrerequisites();
    smtp = await startSmtp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await smtp?.close();
  });

  describe('with the demo workspace', () => {
    let polku: Polku;
    beforeAll(async () => {
      polku = await startPolku({ smtpPort: smtp.port, demo: true });
    });
    afterAll(() => polku.close());

    it('signs in with the demo login, switches fi → sv → en, and invites a member whose mail arrives', async () => {
      const page = await polku.newPage(browser);
      const errors = watchErrors(page);
      await page.goto(polku.url);
      await page.waitForURL(/\/login/);
      expect(await page.locator('html').getAttribute('lang')).toBe('fi');

      await signIn(page);
      await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
      await expect.poll(() => currentWorkspace(page)).toBe('Kukkakauppa Aurinko');
      await expect.poll(() => page.getByRole('link', { name: 'Asetukset' }).isVisible()).toBe(true);

      const language = page.getByRole('combobox', { name: 'Kieli / Språk / Language' });
      await language.selectOption('sv');
      await expect
        .poll(() => page.getByRole('link', { name: 'Inställningar' }).isVisible())
        .toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      await language.selectOption('en');
      await expect.poll(() => page.getByRole('link', { name: 'Settings' }).isVisible()).toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('link', { name: 'Invitations' }).click();
      await page.getByRole('textbox', { name: 'Email' }).fill('bertta@example.com');
      await page.getByRole('combobox', { name: 'Role' }).selectOption('analyst');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect
        .poll(() => page.getByRole('row', { name: /bertta@example\.com/ }).isVisible())
        .toBe(true);

      await waitFor('the invitation mail', () =>
        smtp.received.some((m) => m.to.includes('bertta@example.com')),
      );
      const mail = smtp.received.find((m) => m.to.includes('bertta@example.com'))!;
      const text = decodeQuotedPrintable(mail.raw);
      expect(text).toContain('invited you to the Polku workspace "Kukkakauppa Aurinko" as analyst');
      expect(text).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}/);

      await page.getByRole('button', { name: 'User menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login/);
      expect(errors).toEqual([]);
      await page.close();

      // The language was saved to the account: a sign-in from a fresh browser comes back in English.
      const fresh = await polku.newPage(browser);
      await fresh.goto(`${polku.url}/login`);
      expect(await fresh.locator('html').getAttribute('lang')).toBe('fi');
      await signIn(fresh);
      await expect.poll(() => fresh.getByRole('link', { name: 'Settings' }).isVisible()).toBe(true);
      expect(await fresh.locator('html').getAttribute('lang')).toBe('en');
      await fresh.close();
    });

    it('lets the invited person join through the link in the mail', async () => {
      const mail = smtp.received.find((m) => m.to.includes('bertta@example.com'));
      const link = /(http:\/\/[^\s]+\/invite\/[A-Za-z0-9_-]+)/.exec(
        decodeQuotedPrintable(mail!.raw),
      )?.[1];
      expect(link).toBeDefined();
      const page = await polku.newPage(browser);
      const errors = watchErrors(page);
      // Links in mail use PUBLIC_URL; open the same path on the test server.
      await page.goto(polku.url + new URL(link!).pathname);
      await page.getByRole('textbox', { name: /^(Nimi|Name)$/ }).fill('Bertta Berg');
      await page.getByRole('textbox', { name: /^(Salasana|Password)$/ }).fill('berttas-password');
      await page.getByRole('button', { name: /Hyväksy|Accept|Godkänn/ }).click();
      await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
      await expect.poll(() => currentWorkspace(page)).toBe('Kukkakauppa Aurinko');
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe('on an empty database', () => {
    let polku: Polku;
    beforeAll(async () => {
      polku = await startPolku({ smtpPort: smtp.port, demo: false });
    });
    afterAll(() => polku.close());

    it('runs first-run setup and opens the new workspace', async () => {
      const page = await polku.newPage(browser);
      const errors = watchErrors(page);
      await page.goto(polku.url);
      await page.waitForURL(/\/setup/);
      await page.getByRole('textbox', { name: 'Nimi', exact: true }).fill('Outi Omistaja');
      await page.getByRole('textbox', { name: 'Sähköposti' }).fill('outi@example.com');
      await page.getByRole('textbox', { name: 'Salasana' }).fill('outin-salasana');
      await page.getByRole('textbox', { name: 'Työtilan nimi' }).fill('Valmennus Virta');
      await page.getByRole('button', { name: 'Ota käyttöön' }).click();
      await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
      await expect.poll(() => currentWorkspace(page)).toBe('Valmennus Virta');
      const setup = await page.evaluate(() => fetch('/api/v1/setup').then((r) => r.json()));
      expect(setup).toEqual({ needed: false });
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
