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

const fi = (text: string) => ({ fi: text });

describe('coding critical incidents', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId = '';
  const errors: string[] = [];

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    browser = await launchChromium();
    page = await polku.newPage(browser, { bypassCSP: true }); // lets axe-core's script run under our CSP
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
    workspaceId = /\/w\/([^/]+)/.exec(page.url())?.[1] ?? '';
    const base = `/api/v1/workspaces/${workspaceId}`;
    const survey = await callApi<{ id: string }>(page, 'POST', `${base}/surveys`, {
      name: 'Asiointikokemukset',
    });
    await callApi(page, 'PATCH', `${base}/surveys/${survey.id}`, {
      draft: {
        languages: ['fi'],
        defaultLanguage: 'fi',
        title: fi('Kerro kokemuksesta'),
        questions: [
          {
            key: 'story',
            type: 'incident',
            text: fi('Mitä tapahtui?'),
            stages: [
              { key: 'order', label: fi('Tilaus') },
              { key: 'delivery', label: fi('Toimitus') },
            ],
          },
        ],
        thankYou: { message: fi('Kiitos') },
      },
    });
    await callApi(page, 'POST', `${base}/surveys/${survey.id}/publish`);
    for (const story of [
      { what: 'Lähetti tuli kaksi tuntia myöhässä', when: 'delivery', valence: 'negative' },
      { what: 'Myyjä neuvoi puhelimessa kärsivällisesti', when: 'order', valence: 'positive' },
    ])
      await callApi(page, 'POST', `${base}/responses`, {
        surveyId: survey.id,
        answers: { story },
      });
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  it('codes an answer into a new category and the stage × category count moves', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/analytics/incidents`);
    await page.getByRole('heading', { name: 'Kriittiset tapahtumat', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Kysely' }).click();
    await page.getByRole('option', { name: 'Asiointikokemukset' }).click();
    const table = page.getByTestId('incident-table');
    await table.waitFor();
    // Before coding: both incidents uncoded, one per stage.
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Vaihe',
      'Luokittelematta',
    ]);
    expect(await table.getByRole('row', { name: /Toimitus/ }).textContent()).toContain('+0 / −1');
    expect(await axeViolations(page)).toEqual([]);

    const late = 'Luokka: Lähetti tuli kaksi tuntia myöhässä';
    await page.getByRole('combobox', { name: late }).click();
    await page.getByRole('option', { name: 'Uusi luokka…' }).click();
    await page.getByRole('textbox', { name: 'Uuden luokan nimi' }).fill('Myöhästyminen');
    await page.getByRole('button', { name: 'Luo ja luokittele' }).click();

    await table.getByRole('columnheader', { name: 'Myöhästyminen' }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: late }).inputValue())
      .toBe('Myöhästyminen');
    const delivery = table.getByRole('row', { name: /Toimitus/ });
    const cells = await delivery.getByRole('cell').allTextContents();
    const headers = await table.getByRole('columnheader').allTextContents();
    // The delivery incident moved from "uncoded" to the new category.
    expect(cells[headers.indexOf('Myöhästyminen') - 1]).toBe('+0 / −1');
    expect(await table.textContent()).toContain('n = 2, luokittelematta 1');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
