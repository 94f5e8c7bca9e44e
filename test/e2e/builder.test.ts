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

/** Sends a response as an integration would, with the signed-in browser's session. */
async function submitResponse(page: Page, workspaceId: string, body: object): Promise<number> {
  return page.evaluate(
    async ({ workspaceId, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as {
        csrfToken: string;
      };
      const res = await fetch(`/api/v1/workspaces/${workspaceId}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return res.status;
    },
    { workspaceId, body },
  );
}

describe('the survey builder and the responses area', () => {
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
    page = await polku.newPage(browser, { bypassCSP: true }); // lets axe-core's script run under our CSP
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

  let workspaceId = '';

  it('builds a CSAT survey with a translated choice question, refuses to publish it while a text is missing, then publishes version 1 and creates a link', async () => {
    await page.getByRole('link', { name: 'Kyselyt' }).click();
    await page.getByRole('button', { name: 'Uusi kysely' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uusi kysely' });
    await dialog.getByRole('textbox', { name: 'Nimi' }).fill('Myymäläkysely');
    await dialog.getByRole('combobox', { name: 'Pohja' }).selectOption('csat');
    await dialog.getByRole('button', { name: 'Luo kysely' }).click();
    await page.waitForURL(/\/surveys\/[0-9A-Za-z_-]+$/);
    workspaceId = /\/w\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { name: 'Myymäläkysely', level: 1 }).waitFor();
    expect(await page.getByText('Ei vielä julkaistu').isVisible()).toBe(true);

    // A single-choice question with two options, in Finnish first.
    await page.getByRole('combobox', { name: 'Uuden kysymyksen tyyppi' }).selectOption('single');
    await page.getByRole('button', { name: 'Lisää kysymys' }).click();
    const q3 = page.getByRole('region', { name: 'Kysymys 3' });
    await q3.getByRole('textbox', { name: 'Avain', exact: true }).fill('store');
    await q3.getByRole('textbox', { name: 'Kysymys (fi)' }).fill('Missä asioit?');
    await q3.getByRole('textbox', { name: 'Vaihtoehto 1: Teksti (fi)' }).fill('Verkkokaupassa');
    await q3.getByRole('textbox', { name: 'Vaihtoehto 2: Teksti (fi)' }).fill('Myymälässä');
    // The preview renders the new question in Finnish.
    const preview = page.getByRole('region', { name: 'Esikatselu' });
    await preview.getByRole('radio', { name: 'Myymälässä' }).waitFor();

    // Swedish in full; English lacks the second option's text.
    await page.getByText(/^Svenska: puuttuu 3$/).click();
    await q3.getByRole('textbox', { name: 'Kysymys (sv)' }).fill('Var handlade du?');
    await q3.getByRole('textbox', { name: 'Vaihtoehto 1: Teksti (sv)' }).fill('I webbutiken');
    await q3.getByRole('textbox', { name: 'Vaihtoehto 2: Teksti (sv)' }).fill('I butiken');
    await page.getByText(/^English: puuttuu 3$/).click();
    await q3.getByRole('textbox', { name: 'Kysymys (en)' }).fill('Where did you shop?');
    await q3.getByRole('textbox', { name: 'Vaihtoehto 1: Teksti (en)' }).fill('Online');
    expect(await page.getByText('English: puuttuu 1').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Julkaise' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Kyselyä ei voi julkaista' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'Kysymys 3 (store) › Vaihtoehto 2 › Teksti: puuttuu kieleltä English',
    );
    expect(await page.getByText('Ei vielä julkaistu').isVisible()).toBe(true);

    await q3.getByRole('textbox', { name: 'Vaihtoehto 2: Teksti (en)' }).fill('In the shop');
    expect(await page.getByText('English: valmis').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Julkaise' }).click();
    await page.getByText('Versio 1 julkaistiin.').waitFor();
    await page.getByText('Julkaistu versio 1').waitFor();
    expect(await page.getByText('Julkaistu', { exact: true }).first().isVisible()).toBe(true);

    const linkForm = page.getByRole('form', { name: 'Uusi linkki' });
    await linkForm.getByRole('textbox', { name: 'Nimi' }).fill('Kassan QR-tarra');
    await linkForm.getByRole('combobox', { name: 'Kanava' }).selectOption('qr');
    await linkForm.getByRole('button', { name: 'Luo linkki' }).click();
    const row = page.getByRole('row', { name: /Kassan QR-tarra/ });
    await row.waitFor();
    expect(await row.getByRole('link').textContent()).toMatch(/^https?:\/\/.+\/s\/[\w-]+$/);
    expect(await row.getByRole('button', { name: 'Kopioi: Kassan QR-tarra' }).isVisible()).toBe(
      true,
    );
  });

  it('has no accessibility violations in the builder, with a question open', async () => {
    await page.getByRole('button', { name: 'Muokkaa: kysymys 3' }).click();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fits a 375 px wide phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(500);
    await page.getByRole('heading', { name: 'Myymäläkysely', level: 1 }).waitFor();
    // How far the page scrolls sideways: nothing may stick out of a phone screen.
    const overflow = await page.evaluate(() => {
      const root = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('lists a submitted response with its answers, readable in full in the detail view', async () => {
    const surveyId = /\/surveys\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    const status = await submitResponse(page, workspaceId, {
      surveyId,
      language: 'fi',
      channel: 'qr',
      answers: {
        csat: 4,
        reason: 'Palvelu oli nopeaa.\nKassalla oli silti jonoa.',
        store: 'option_2',
      },
    });
    expect(status).toBe(201);

    await page.getByRole('link', { name: 'Vastaukset' }).click();
    await page.getByRole('heading', { name: 'Vastaukset', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Myymäläkysely/ });
    await row.waitFor();
    await expect
      .poll(() => row.textContent())
      .toContain('CSAT 4 · Palvelu oli nopeaa. Kassalla oli silti');
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: /^Avaa vastaus: Myymäläkysely/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Vastaus' });
    await drawer.getByText('Missä asioit?').waitFor();
    await drawer.getByText('Myymälässä').waitFor();
    expect(
      await drawer.getByText(/Palvelu oli nopeaa\.\s+Kassalla oli silti jonoa\./).isVisible(),
    ).toBe(true);
    await page.waitForTimeout(500); // the drawer's opening transition dims its text meanwhile
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('stores the preview’s answers as a test response, listed with a test badge and filterable', async () => {
    await page.keyboard.press('Escape'); // the previous test left a response's drawer open
    await page.getByRole('dialog', { name: 'Vastaus' }).waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Kyselyt' }).click();
    await page.getByRole('link', { name: 'Myymäläkysely' }).click();
    await page.getByRole('heading', { name: 'Myymäläkysely', level: 1 }).waitFor();
    const preview = page.getByRole('region', { name: 'Esikatselu' });
    await preview.getByRole('radio', { name: '2', exact: true }).first().check();
    await preview.getByRole('radio', { name: 'Verkkokaupassa' }).check();
    await preview.getByRole('button', { name: 'Lähetä testivastauksena' }).click();
    await preview.getByRole('status').filter({ hasText: 'Testivastaus tallennettu' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Listed with its badge; the test filter shows it alone or leaves it out.
    await page.getByRole('link', { name: 'Vastaukset' }).click();
    await page.getByRole('heading', { name: 'Vastaukset', level: 1 }).waitFor();
    const filters = page.getByRole('search', { name: 'Suodata vastauksia' });
    await filters.getByRole('combobox', { name: 'Testivastaukset' }).selectOption('only');
    await page.waitForURL(/test=only/);
    const testRow = page.getByRole('row', { name: /Myymäläkysely/ });
    await expect.poll(() => testRow.count()).toBe(1);
    expect(await testRow.getByTestId('test-badge').textContent()).toBe('Testi');
    expect(await testRow.textContent()).toContain('CSAT 2');
    await filters.getByRole('combobox', { name: 'Testivastaukset' }).selectOption('exclude');
    await page.waitForURL(/test=exclude/);
    await page.waitForLoadState('networkidle');
    // The real response from the test before, once the list has reloaded (the test row goes).
    const realRows = page.getByRole('row', { name: /Myymäläkysely.*QR-koodi/ });
    await expect.poll(() => page.getByTestId('test-badge').count()).toBe(0);
    await expect.poll(() => realRows.count()).toBe(1);
    // Channel and language by name, not as stored codes.
    expect(await realRows.textContent()).toContain('QR-koodi');
    expect(await realRows.textContent()).toContain('Suomi');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('adds a numeric question with a unit, range and decimals and a rating from 0, shown in the preview; a range upside down is refused at its field', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Kyselyt' }).click();
    await page.getByRole('link', { name: 'Myymäläkysely' }).click();
    await page.getByRole('heading', { name: 'Myymäläkysely', level: 1 }).waitFor();

    await page.getByRole('combobox', { name: 'Uuden kysymyksen tyyppi' }).selectOption('numeric');
    await page.getByRole('button', { name: 'Lisää kysymys' }).click();
    const q4 = page.getByRole('region', { name: 'Kysymys 4' });
    await q4.getByRole('textbox', { name: 'Avain', exact: true }).fill('spend');
    await q4.getByRole('textbox', { name: 'Kysymys (fi)' }).fill('Paljonko käytit?');
    await q4.getByRole('textbox', { name: 'Yksikkö (fi)' }).fill('€');
    await q4.getByRole('textbox', { name: 'Desimaaleja enintään' }).fill('2');
    await q4.getByRole('textbox', { name: 'Pienin sallittu arvo' }).fill('600');
    await q4.getByRole('textbox', { name: 'Suurin sallittu arvo' }).fill('500');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Muutoksia ei tallennettu' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'Kysymys 4 (spend) › Suurin sallittu arvo: suurimman sallitun arvon on oltava pienintä suurempi',
    );
    await q4.getByText('suurimman sallitun arvon on oltava pienintä suurempi').waitFor();

    await q4.getByRole('textbox', { name: 'Pienin sallittu arvo' }).fill('0');
    await page.getByRole('combobox', { name: 'Uuden kysymyksen tyyppi' }).selectOption('rating');
    await page.getByRole('button', { name: 'Lisää kysymys' }).click();
    const q5 = page.getByRole('region', { name: 'Kysymys 5' });
    await q5.getByRole('textbox', { name: 'Kysymys (fi)' }).fill('Arvioi nollasta neljään');
    await q5.getByRole('combobox', { name: 'Asteikon alin arvo' }).selectOption('0');
    await q5.getByText('Asteikko 0–4').waitFor();
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Muutokset tallennettu.').waitFor();

    const preview = page.getByRole('region', { name: 'Esikatselu' });
    const field = preview.getByRole('textbox', { name: 'Paljonko käytit?' });
    await field.waitFor();
    await preview.getByText('Sallitut arvot 0–500 · desimaaleja enintään 2').waitFor();
    expect(await preview.getByText('€', { exact: true }).isVisible()).toBe(true);
    const zeroToFour = preview.getByRole('radiogroup', { name: 'Arvioi nollasta neljään' });
    expect(
      await zeroToFour
        .getByRole('radio')
        .evaluateAll((radios) => radios.map((r) => (r as unknown as { value: string }).value)),
    ).toEqual(['0', '1', '2', '3', '4']);

    const survey = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/v1/workspaces/${workspaceId}/surveys/${/\/surveys\/([^/?]+)/.exec(page.url())?.[1] ?? ''}`,
    );
    expect((survey as { draft: { questions: unknown[] } }).draft.questions.slice(3)).toEqual([
      expect.objectContaining({
        key: 'spend',
        type: 'numeric',
        unit: { fi: '€' },
        min: 0,
        max: 500,
        decimals: 2,
      }),
      expect.objectContaining({ type: 'rating', points: 5, scaleStart: 0 }),
    ]);
    // The numeric question's settings open, as a builder user sees them, audited.
    await page.getByRole('button', { name: 'Muokkaa: kysymys 4' }).click();
    await q4.getByRole('textbox', { name: 'Yksikkö (fi)' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
