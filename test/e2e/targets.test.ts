import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  axeViolations,
  launchChromium,
  signIn,
  startPolku,
} from './harness.js';

describe('targets in the web app', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let targetsUrl: string;
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
    const workspaceId = /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    targetsUrl = `${polku.url}/w/${workspaceId}/analytics/targets`;
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  it('creates a target through the form and shows its status, score and n', async () => {
    await page.goto(targetsUrl);
    await page.getByRole('heading', { name: 'Tavoitteet ja hälytykset', level: 1 }).waitFor();
    // The demo shop's own targets are listed, the delivery one with its goal.
    const delivery = page.getByRole('row', { name: /Toimitukset onnistuvat/ });
    await delivery.waitFor();
    expect(await delivery.textContent()).toContain('Kukat perille ajallaan');
    await page.getByRole('button', { name: 'Uusi tavoite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uusi tavoite' });
    await dialog.waitFor();
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);

    await dialog.getByRole('textbox', { name: 'Nimi' }).fill('Suosittelu tänä vuonna');
    await dialog.getByRole('combobox', { name: 'Mittari' }).selectOption('nps');
    await dialog
      .getByRole('combobox', { name: 'Kysely' })
      .selectOption({ label: 'Suositteluhalukkuus (NPS)' });
    const question = dialog.getByRole('combobox', { name: 'Kysymys' });
    await question.locator('option[value="nps"]').waitFor({ state: 'attached' });
    await question.selectOption('nps');
    await dialog
      .getByRole('combobox', { name: 'Mitä vastauksia lasketaan' })
      .selectOption('survey');
    await dialog.getByRole('combobox', { name: 'Toistuu' }).selectOption('year');
    await dialog.getByRole('textbox', { name: 'Tavoitearvo' }).fill('30');
    await dialog
      .getByRole('textbox', { name: 'Liiketoimintatavoite' })
      .fill('Kanta-asiakkaat suosittelevat kukkakauppaa');
    await dialog.getByRole('button', { name: 'Luo tavoite' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The modal fades out after it leaves the accessibility tree; axe must not see it fading.
    await page.locator('.mantine-Modal-title').waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /Suosittelu tänä vuonna/ });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Kanta-asiakkaat suosittelevat kukkakauppaa');
    expect(text).toContain('Joka vuosi');
    expect(text).toMatch(/Saavutettu|Alittuu|Liian vähän vastauksia|Ei vastauksia/);
    // The figure as the API computes it: the row shows the same status, score and n.
    const api = await page.evaluate(
      async (url) => {
        const res = await fetch(url, { credentials: 'same-origin' });
        return (await res.json()) as {
          items: { target: { name: string }; evaluation: { status: string; n: number } }[];
        };
      },
      targetsUrl
        .replace('/w/', '/api/v1/workspaces/')
        .replace('/analytics/targets', '/target-evaluations'),
    );
    const evaluation = api.items.find(
      (x) => x.target.name === 'Suosittelu tänä vuonna',
    )!.evaluation;
    const statusText = {
      met: 'Saavutettu',
      missed: 'Alittuu',
      'too-few': 'Liian vähän vastauksia',
      'no-data': 'Ei vastauksia',
    }[evaluation.status];
    expect(text).toContain(statusText);
    expect(await row.getByRole('cell').nth(6).textContent()).toBe(String(evaluation.n));
    expect(
      await row.getByRole('link', { name: 'Kaavio: Suosittelu tänä vuonna' }).getAttribute('href'),
    ).toMatch(
      /\/analytics\?kind=nps&survey=[0-9a-f-]{36}&question=nps&by=month&from=\d{4}-01-01&to=\d{4}-12-31$/,
    );

    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('refuses a target value outside the metric and keeps the dialog open', async () => {
    await page.getByRole('button', { name: 'Muokkaa: Suosittelu tänä vuonna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Muokkaa tavoitetta' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Tavoitearvo' }).fill('150');
    await dialog.getByRole('button', { name: 'Tallenna' }).click();
    await dialog.getByText('Tarkista tämä kenttä.').or(dialog.getByRole('alert')).first().waitFor();
    await dialog.getByRole('button', { name: 'Peruuta' }).click();
    const row = page.getByRole('row', { name: /Suosittelu tänä vuonna/ });
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('30,0');
    expect(errors).toEqual([]);
  });
});
