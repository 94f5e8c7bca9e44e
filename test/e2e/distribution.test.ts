import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  axeViolations,
  decodeQuotedPrintable,
  launchChromium,
  signIn,
  startPolku,
  startSmtp,
  waitFor,
} from './harness.js';

const NPS = 'Suositteluhalukkuus (NPS)';
const CSAT = 'Toimituksen onnistuminen (CSAT)';

describe('distribution: QR codes, printable sheets, email invitations, contact limit, export', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    assertPrerequisites();
    smtp = await startSmtp();
    polku = await startPolku({ smtpPort: smtp.port, demo: true });
    browser = await launchChromium();
    // bypassCSP lets axe-core's script run under our CSP; downloads are kept for the export.
    page = await polku.newPage(browser, { bypassCSP: true, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack?.slice(0, 1500)}`));
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
    await smtp?.close();
  });

  async function openSurvey(name: string) {
    await page.getByRole('link', { name: 'Kyselyt' }).click();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  const invitations = () => page.getByRole('region', { name: 'Sähköpostikutsut' });

  it("shows a link's QR code and opens its printable A5 sheet in a new tab", async () => {
    await openSurvey(NPS);
    const preview = page.getByRole('img', { name: 'QR: Myymälän tiski' });
    await preview.waitFor();
    await expect
      .poll(() => preview.evaluate((img: { naturalWidth: number }) => img.naturalWidth))
      .toBeGreaterThan(0);
    const svgLink = page.getByRole('link', { name: 'QR (SVG): Myymälän tiski' });
    expect(await svgLink.getAttribute('download')).toMatch(/\.svg$/);

    const linkUrl = await page
      .getByRole('row', { name: /Myymälän tiski/ })
      .getByRole('link')
      .textContent();
    expect(linkUrl).toMatch(/\/s\/[\w-]+$/);
    const [sheet] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: /^Tulostesivu A5: Myymälän tiski/ }).click(),
    ]);
    await sheet.waitForLoadState();
    expect(sheet.url()).toContain('size=a5');
    const html = await sheet.content();
    expect(html).toContain('<svg');
    expect(html).toContain(linkUrl ?? '');
    await sheet.close();
  });

  it('invites pasted addresses, reports the one given twice, and mails personal links', async () => {
    const section = invitations();
    await section
      .getByRole('textbox', { name: 'Vastaanottajat' })
      .fill('Anna@Example.fi\nbertta@example.fi,sv; anna@example.fi\nei-osoite');
    await section.getByText('Kelvollisia osoitteita: 3').waitFor();
    expect(await section.getByText('Rivi 3: ei-osoite').isVisible()).toBe(true);
    await section.getByRole('button', { name: 'Lähetä kutsut' }).click();
    await section.getByText('Kutsuja ajastettiin lähetettäväksi: 2.').waitFor();
    expect(await section.getByText('anna@example.fi: kutsuttu jo tähän kyselyyn').isVisible()).toBe(
      true,
    );

    // The worker sends them; the table refreshes itself while they are due.
    for (const email of ['anna@example.fi', 'bertta@example.fi']) {
      await section
        .getByRole('row', { name: new RegExp(email) })
        .getByText('Lähetetty', { exact: true })
        .waitFor({ timeout: 30_000 });
    }
    await waitFor('two invitation mails', () => smtp.received.length >= 2, 30_000);
    for (const email of ['anna@example.fi', 'bertta@example.fi']) {
      const mail = smtp.received.find((m) => m.to.includes(email));
      expect(decodeQuotedPrintable(mail?.raw ?? '')).toMatch(/\/s\/[\w-]+\?i=[\w-]+/);
    }
  });

  it('reads recipients from a CSV file, with their language column', async () => {
    const section = invitations();
    await section.getByRole('textbox', { name: 'Vastaanottajat' }).fill('x@example.fi\nvirhe');
    await section.getByLabel('Tai lue CSV-tiedostosta').setInputFiles({
      name: 'asiakkaat.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Nimi;Sähköposti;Kieli\n"Virtanen; Ville";ville@example.fi;sv\n'),
    });
    await section.getByText('Tiedostosta asiakkaat.csv luettiin 1 rivi vastaanottajiin.').waitFor();
    expect(await section.getByRole('textbox', { name: 'Vastaanottajat' }).inputValue()).toBe(
      'x@example.fi\nvirhe\nville@example.fi,sv',
    );
    await section.getByText('Kelvollisia osoitteita: 2').waitFor();
    expect(await section.getByText('Rivi 2: virhe').isVisible()).toBe(true);
  });

  it('has no accessibility violations in the links and invitations sections', async () => {
    await invitations()
      .getByRole('checkbox', { name: /muistutus/ })
      .check();
    await invitations().getByRole('radio', { name: 'Ajasta lähetys' }).check();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page, 'section[aria-label="Sähköpostikutsut"]')).toEqual([]);
    expect(await axeViolations(page, 'section[aria-label="Linkit"]')).toEqual([]);
  });

  it('leaves out a person asked within the contact limit set in workspace settings', async () => {
    await page.getByRole('link', { name: 'Asetukset' }).click();
    await page.getByRole('link', { name: 'Työtila' }).click();
    const limit = page.getByRole('textbox', { name: /enintään kerran N päivässä/ });
    await limit.fill('30');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByRole('status').getByText('Tallennettu.').waitFor();

    await openSurvey(CSAT);
    const section = invitations();
    await section.getByRole('textbox', { name: 'Vastaanottajat' }).fill('anna@example.fi');
    await section.getByRole('button', { name: 'Lähetä kutsut' }).click();
    await section.getByText('Kutsuja ajastettiin lähetettäväksi: 0.').waitFor();
    const line = section.getByText(/^anna@example\.fi: yhteydenottoraja \(asked on /);
    await line.waitFor();
    expect(await line.textContent()).toContain('the limit is one survey per 30 days');
    await section
      .getByRole('row', { name: /anna@example\.fi/ })
      .getByText('Ei lähetetty')
      .waitFor();
  });

  it('downloads the responses of the chosen survey as CSV', async () => {
    await page.getByRole('link', { name: 'Vastaukset' }).click();
    await page.getByRole('heading', { name: 'Vastaukset', level: 1 }).waitFor();
    const surveyId = await page
      .getByRole('combobox', { name: 'Kysely' })
      .locator('option', { hasText: NPS })
      .getAttribute('value');
    await page.getByRole('combobox', { name: 'Kysely' }).selectOption(surveyId ?? '');
    const csvLink = page.getByRole('link', { name: 'Lataa CSV' });
    await expect.poll(() => csvLink.getAttribute('href')).toContain(`surveyId=${surveyId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^responses-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
    expect(header.split(',').slice(0, 3)).toEqual(['id', 'submitted_at', 'day']);
    expect(header).toContain('nps');
    expect(csv.split('\r\n').length).toBeGreaterThan(100);
    const xlsxLink = page.getByRole('link', { name: 'Lataa Excel (XLSX)' });
    const [xlsx] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^responses-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK'); // a zip, as XLSX is
    expect(errors).toEqual([]);
  });
});
