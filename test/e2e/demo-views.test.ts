import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPrerequisites, launchChromium, signIn, startPolku } from './harness.js';

const RELATIONSHIP = 'Asiakassuhdekysely (NPS ja tekijät)';
const KANO = 'Uudet palvelut (Kano)';

// The demo as a new user finds it: every analysis view, with the demo's own survey picked,
// shows a table with figures (not "no answers"), and journey health has CSAT at every stage.
describe('the demo fills every analysis view', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId = '';
  const errors: string[] = [];

  /** Opens a view, picks the survey (when the view needs one) and returns the table's rows. */
  async function rowsOf(path: string, heading: string, testId: string, survey?: string) {
    await page.goto(`${polku.url}/w/${workspaceId}/analytics${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    if (survey) {
      await page.getByRole('combobox', { name: 'Kysely' }).click();
      await page.getByRole('option', { name: survey }).click();
    }
    const table = page.getByTestId(testId);
    await table.waitFor({ timeout: 30_000 });
    // Header row aside, each row a figure: at least one digit other than n's.
    return (await table.locator('tbody tr').allTextContents()).filter((r) => /\d/.test(r));
  }

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    browser = await launchChromium();
    page = await polku.newPage(browser);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
    workspaceId = /\/w\/([^/]+)/.exec(page.url())?.[1] ?? '';
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  it('explorer, drivers, importance, gaps, Kano, emotions, response rate, incidents, targets', async () => {
    const views: [string, string, string, string | undefined, number][] = [
      ['', 'Analytiikka', 'metric-table', undefined, 1],
      ['/drivers', 'Avaintekijät', 'drivers-table', RELATIONSHIP, 5],
      ['/importance', 'Tärkeys–suoriutuminen', 'ipa-table', RELATIONSHIP, 5],
      ['/gaps', 'Odotuskuilut', 'gaps-table', RELATIONSHIP, 3],
      ['/kano', 'Kano', 'kano-table', KANO, 5],
      ['/emotions', 'Tunteet', 'emotions-table', RELATIONSHIP, 5],
      ['/response-rate', 'Vastausprosentti', 'rate-table', undefined, 1],
      ['/incidents', 'Kriittiset tapahtumat', 'incident-table', RELATIONSHIP, 4],
    ];
    for (const [path, heading, testId, survey, atLeast] of views) {
      const rows = await rowsOf(path, heading, testId, survey);
      expect(rows.length, heading).toBeGreaterThanOrEqual(atLeast);
    }
    await page.goto(`${polku.url}/w/${workspaceId}/analytics/targets`);
    await page.getByRole('heading', { name: 'Tavoitteet ja hälytykset', level: 1 }).waitFor();
    await page.getByRole('row', { name: /Toimitukset onnistuvat/ }).waitFor();
    expect(errors).toEqual([]);
  }, 240_000);
});
