import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  axeViolations,
  callApi,
  launchChromium,
  signIn,
  startPolku,
} from './harness.js';

const NPS_SURVEY = 'Suositteluhalukkuus (NPS)';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

/** The targets table's title and status words, as apps/web/src/locales/targets/{fi,sv}.ts have them. */
const targetsTexts = {
  fi: {
    title: 'Tavoitteet ja hälytykset',
    status: ['Saavutettu', 'Alittuu', 'Liian vähän vastauksia', 'Ei vastauksia'],
    edit: 'Muokkaa',
  },
  sv: {
    title: 'Mål och larm',
    status: ['Uppnått', 'Under målet', 'För få svar', 'Inga svar'],
    edit: 'Redigera',
  },
};

/**
 * Names instead of ids: touchpoints by name in the explorer (breakdown and filter) and the
 * target form, the targets table readable at 1440 px in Finnish and Swedish, and the audit log
 * as sentences.
 */
describe('names instead of ids', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId: string;
  let npsSurveyId: string;
  let touchpointIds: Record<string, string>;
  let userName: string;
  const errors: string[] = [];

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    workspaceId = polku.demo!.workspaceId;
    const db = polku.runtime.database.db;
    npsSurveyId = (
      await db
        .selectFrom('surveys')
        .select('id')
        .where('workspaceId', '=', workspaceId)
        .where('name', '=', NPS_SURVEY)
        .executeTakeFirstOrThrow()
    ).id;
    const tps = await db
      .selectFrom('touchpoints')
      .select(['id', 'name'])
      .where('workspaceId', '=', workspaceId)
      .execute();
    touchpointIds = Object.fromEntries(tps.map((t) => [t.name, t.id]));
    browser = await launchChromium();
    page = await polku.newPage(browser, {
      viewport: { width: 1440, height: 900 },
      bypassCSP: true,
    });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack?.slice(0, 1500)}`));
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
    userName = (await callApi<{ user: { name: string } }>(page, 'GET', '/api/v1/auth/session')).user
      .name;
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  const controls = () => page.getByRole('form', { name: 'Näkymän valinnat' });
  const totals = () => page.getByRole('table', { name: /koko aikaväli/ });

  it('breaks the explorer down by touchpoint name and filters by a touchpoint chosen by name', async () => {
    expect(touchpointIds['Verkkokassa']).toBeDefined();
    expect(touchpointIds['Myymälän tiski']).toBeDefined();
    await page.goto(
      `${polku.url}/w/${workspaceId}/analytics?survey=${npsSurveyId}&question=nps&breakdown=touchpoint`,
    );
    await totals()
      .getByRole('row', { name: /^Verkkokassa/ })
      .waitFor();
    await totals()
      .getByRole('row', { name: /^Myymälän tiski/ })
      .waitFor();
    // No group is named by its id, in the whole-period table or in the per-bucket one.
    expect(await totals().textContent()).not.toMatch(UUID);
    expect(await page.getByTestId('metric-table').textContent()).not.toMatch(UUID);
    expect(await page.getByTestId('metric-table').textContent()).toContain('Verkkokassa');

    // The filter: the touchpoint picked by its name, its id in the address.
    await controls().getByLabel('Kosketuspisteet').click();
    await page.getByRole('listbox').getByRole('option', { name: 'Verkkokassa' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('touchpoint'))
      .toEqual([touchpointIds['Verkkokassa']]);
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        totals()
          .getByRole('row', { name: /^Myymälän tiski/ })
          .count(),
      )
      .toBe(0);
    await totals()
      .getByRole('row', { name: /^Verkkokassa/ })
      .waitFor();
    expect(await totals().textContent()).not.toMatch(UUID);
    expect(errors).toEqual([]);
  });

  it('offers the customer attributes the responses carry as pickers, for the breakdown and the filter', async () => {
    await page.goto(
      `${polku.url}/w/${workspaceId}/analytics?survey=${npsSurveyId}&question=nps&breakdown=attribute`,
    );
    // The breakdown's key from those the responses carry, with how many carry it.
    const key = controls().getByRole('combobox', { name: 'Asiakastiedon nimi' });
    await key.locator('option[value="asiakastyyppi"]').waitFor({ state: 'attached' });
    expect(await key.locator('option[value="asiakastyyppi"]').textContent()).toMatch(
      /^asiakastyyppi \([\d\u00a0 ]+\)$/,
    );
    await key.selectOption('asiakastyyppi');
    await expect
      .poll(() => new URL(page.url()).searchParams.get('breakdownKey'))
      .toBe('asiakastyyppi');
    await totals()
      .getByRole('row', { name: /^yritys/ })
      .waitFor();
    await totals()
      .getByRole('row', { name: /^kuluttaja/ })
      .waitFor();

    // The filter: a value picked from the list, grouped under its attribute.
    await controls().getByLabel('Asiakastiedot').click();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /^kuluttaja \(/ })
      .click();
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('attr'))
      .toEqual(['asiakastyyppi=kuluttaja']);
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        totals()
          .getByRole('row', { name: /^yritys/ })
          .count(),
      )
      .toBe(0);
    await totals()
      .getByRole('row', { name: /^kuluttaja/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('chooses a target’s touchpoint by name and names it in the targets table', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/analytics/targets`);
    await page.getByRole('heading', { name: 'Tavoitteet ja hälytykset', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Uusi tavoite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uusi tavoite' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Nimi' }).fill('Verkkokassan suosittelu');
    await dialog.getByRole('combobox', { name: 'Mittari' }).selectOption('nps');
    await dialog.getByRole('combobox', { name: 'Kysely' }).selectOption({ label: NPS_SURVEY });
    const question = dialog.getByRole('combobox', { name: 'Kysymys' });
    await question.locator('option[value="nps"]').waitFor({ state: 'attached' });
    await question.selectOption('nps');
    await dialog
      .getByRole('combobox', { name: 'Mitä vastauksia lasketaan' })
      .selectOption('touchpoint');
    // A picker of names (no text box for an id).
    expect(await dialog.getByRole('textbox', { name: 'Kosketuspiste' }).count()).toBe(0);
    const picker = dialog.getByRole('combobox', { name: 'Kosketuspiste' });
    await picker.locator('option', { hasText: 'Verkkokassa' }).waitFor({ state: 'attached' });
    const optionTexts = await picker.locator('option').allTextContents();
    expect(optionTexts.join('\n')).not.toMatch(UUID);
    await picker.selectOption({ label: 'Verkkokassa' });
    expect(await picker.inputValue()).toBe(touchpointIds['Verkkokassa']);
    await dialog.getByRole('textbox', { name: 'Tavoitearvo' }).fill('30');
    await dialog
      .getByRole('textbox', { name: 'Liiketoimintatavoite' })
      .fill('Verkossa ostavat suosittelevat');
    await dialog.getByRole('button', { name: 'Luo tavoite' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /Verkkokassan suosittelu/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Kosketuspiste: Verkkokassa');
    expect(await row.textContent()).not.toMatch(UUID);
    expect(errors).toEqual([]);
  });

  it('shows sentences in the audit log, not action codes', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/settings/audit-log`);
    const sentences = page.getByTestId('audit-sentence');
    await sentences.first().waitFor();
    await expect
      .poll(async () => (await sentences.allTextContents()).join('\n'))
      .toContain(`${userName} kirjautui sisään`);
    const texts = await sentences.allTextContents();
    expect(texts.join('\n')).toContain(`${userName} loi tavoitteen ”Verkkokassan suosittelu”`);
    for (const text of texts) {
      expect(text).not.toMatch(/\b(auth|target|member|workspace|invitation)\.[a-z_]+/);
      expect(text).not.toContain('names.audit');
      expect(text).not.toMatch(UUID);
    }
    expect(errors).toEqual([]);
  });

  for (const language of ['fi', 'sv'] as const) {
    const texts = targetsTexts[language];
    it(`fits the targets table at 1440 px in ${language}: whole status words, edit buttons in view`, async () => {
      await page.goto(`${polku.url}/w/${workspaceId}/analytics/targets`);
      await page
        .getByRole('heading', { name: /Tavoitteet ja hälytykset|Mål och larm/, level: 1 })
        .waitFor();
      await page.getByRole('combobox', { name: 'Kieli / Språk / Language' }).selectOption(language);
      await page.getByRole('heading', { name: texts.title, level: 1 }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(language);

      const table = page.getByRole('region', { name: texts.title });
      const rows = table.locator('tbody tr');
      await rows.first().waitFor();
      const count = await rows.count();
      expect(count).toBeGreaterThanOrEqual(2);
      const words = texts.status;
      const viewport = page.viewportSize()!.width;
      for (let i = 0; i < count; i++) {
        const row = rows.nth(i);
        const status = row.getByRole('cell').nth(7).locator('p').first();
        // The word as shown (innerText), and whether the box cuts it (wider content than box).
        const shown = await status.evaluate(
          (el: { innerText: string; scrollWidth: number; clientWidth: number }) => ({
            text: el.innerText.trim(),
            clipped: el.scrollWidth > el.clientWidth + 1,
          }),
        );
        expect(words).toContain(shown.text);
        expect(shown.clipped).toBe(false);
        const button = row.getByRole('button', { name: new RegExp(`^${texts.edit}\\s*:`) });
        const box = (await button.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport);
      }
      expect(errors).toEqual([]);
    });
  }
});
