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

/** Creates and publishes a Finnish survey with the given questions; returns its id. */
async function publishSurvey(page: Page, base: string, name: string, questions: object[]) {
  const survey = await callApi<{ id: string }>(page, 'POST', `${base}/surveys`, { name });
  await callApi(page, 'PATCH', `${base}/surveys/${survey.id}`, {
    draft: {
      languages: ['fi'],
      defaultLanguage: 'fi',
      title: fi(name),
      questions,
      thankYou: { message: fi('Kiitos') },
    },
  });
  await callApi(page, 'POST', `${base}/surveys/${survey.id}/publish`);
  return survey.id;
}

describe('analysis views', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId = '';
  const errors: string[] = [];

  /** Opens an analysis page and picks the survey in the filter bar. */
  async function open(path: string, heading: string, survey?: string) {
    await page.goto(`${polku.url}/w/${workspaceId}/analytics/${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    if (survey) {
      await page.getByRole('combobox', { name: 'Kysely' }).click();
      await page.getByRole('option', { name: survey }).click();
    }
  }

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

    // A service survey: NPS outcome, three scores, an expectation pair and feelings.
    const service = await publishSurvey(page, base, 'Palvelukokemus', [
      { key: 'recommend', type: 'nps', text: fi('Suosittelisitko meitä?') },
      { key: 'speed', type: 'rating', points: 5, text: fi('Palvelun nopeus') },
      { key: 'staff', type: 'rating', points: 5, text: fi('Henkilökunnan ystävällisyys') },
      { key: 'price', type: 'csat', text: fi('Hinta') },
      { key: 'wait', type: 'expectation', points: 7, text: fi('Odotusaika') },
      { key: 'feel', type: 'emotion', text: fi('Miltä tuntui?') },
    ]);
    await callApi(page, 'POST', `${base}/responses/batch`, {
      responses: Array.from({ length: 12 }, (_, i) => {
        const speed = 1 + (i % 5);
        const staff = 1 + ((i * 2) % 5);
        return {
          surveyId: service,
          answers: {
            recommend: Math.min(10, speed + staff + (i % 2)),
            speed,
            // One respondent skips it: drivers count complete cases only (n = 11).
            ...(i !== 5 && { staff }),
            price: 1 + ((i * 3) % 5),
            wait: { expectation: 4 + (i % 3), outcome: 1 + (i % 7) },
            feel: [{ emotion: i % 3 === 0 ? 'frustrated' : 'happy', intensity: 1 + (i % 5) }],
          },
        };
      }),
    });

    // Kano: tracking always like/dislike (O), receipt neutral/dislike (M), chat A 4, O 5,
    // I 6 — I by the most frequent category, O by A+O+M against I+R+Q; wrapping "I expect it"
    // both with and without (must-be/must-be): I by the standard table, Q by the modified one.
    const kano = await publishSurvey(page, base, 'Ominaisuuskysely', [
      { key: 'tracking', type: 'kano', text: fi('Seuranta'), feature: fi('Lähetysseuranta') },
      { key: 'receipt', type: 'kano', text: fi('Kuitti'), feature: fi('Sähköinen kuitti') },
      { key: 'chat', type: 'kano', text: fi('Chat'), feature: fi('Chat-tuki') },
      { key: 'wrapping', type: 'kano', text: fi('Paketointi'), feature: fi('Lahjapaketointi') },
    ]);
    await callApi(page, 'POST', `${base}/responses/batch`, {
      responses: Array.from({ length: 15 }, (_, i) => ({
        surveyId: kano,
        answers: {
          tracking: { functional: 'like', dysfunctional: 'dislike' },
          receipt: { functional: 'neutral', dysfunctional: 'dislike' },
          chat:
            i < 4
              ? { functional: 'like', dysfunctional: 'neutral' }
              : i < 9
                ? { functional: 'like', dysfunctional: 'dislike' }
                : { functional: 'neutral', dysfunctional: 'neutral' },
          wrapping: { functional: 'must_be', dysfunctional: 'must_be' },
        },
      })),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  it('shows the drivers as bars and in a table with n, and passes axe', async () => {
    await open('drivers', 'Avaintekijät', 'Palvelukokemus');
    const table = page.getByTestId('drivers-table');
    await table.waitFor();
    // Outcome NPS, the four other numeric questions as drivers; n counts complete cases.
    expect(await table.locator('tbody tr').count()).toBe(4);
    expect(await table.locator('caption').textContent()).toMatch(/n = 11\./);
    expect(await page.getByTestId('drivers-summary').textContent()).toContain('n = 11');
    await expect.poll(() => page.getByTestId('small-sample').isVisible()).toBe(true);
    // The chart drew one bar per driver (SVG paths with the bar colour).
    const chart = page.getByRole('img', { name: /Vaakapylväskaavio/ });
    await expect.poll(() => chart.locator('path[fill="#1c7ed6"]').count()).toBe(4);
    // Shares of R² are percentages that sum to 100.
    const shares = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((s) =>
      Number(s.replace(/\s|%/g, '').replace(',', '.')),
    );
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('assigns Kano categories by the chosen rule, and passes axe', async () => {
    await open('kano', 'Kano', 'Ominaisuuskysely');
    const category = (key: string) =>
      page.getByTestId(`kano-row-${key}`).getByTestId('kano-category').textContent();
    await page.getByTestId('kano-table').waitFor();
    expect(await category('tracking')).toBe('Yksiulotteinen (O)');
    expect(await category('receipt')).toBe('Välttämätön (M)');
    expect(await category('chat')).toBe('Yhdentekevä (I)');
    expect(await page.getByTestId('kano-row-chat').textContent()).toContain('15');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByText('A+O+M vs. I+R+Q').click();
    await expect.poll(() => category('chat')).toBe('Yksiulotteinen (O)');
    expect(await category('tracking')).toBe('Yksiulotteinen (O)');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('classifies by the modified (Pouliot) table when the analyst picks it, and says so', async () => {
    await open('kano', 'Kano', 'Ominaisuuskysely');
    const category = (key: string) =>
      page.getByTestId(`kano-row-${key}`).getByTestId('kano-category').textContent();
    await page.getByTestId('kano-table').waitFor();
    expect(await category('wrapping')).toBe('Yhdentekevä (I)');
    expect(await page.getByTestId('kano-classified-by').textContent()).toContain('Perustaulukko');
    await page.getByText('Muokattu (Pouliot)').click();
    await expect.poll(() => category('wrapping')).toBe('Kyseenalainen (Q)');
    expect(await page.getByTestId('kano-classified-by').textContent()).toContain(
      'Muokattu (Pouliot)',
    );
    // The tables agree on every other pair.
    expect(await category('tracking')).toBe('Yksiulotteinen (O)');
    expect(await category('receipt')).toBe('Välttämätön (M)');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no axe violations on the other analysis pages', async () => {
    await open('importance', 'Tärkeys–suoriutuminen', 'Palvelukokemus');
    await page.getByTestId('ipa-table').waitFor();
    expect(await page.getByTestId('ipa-table').locator('tbody tr').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);

    await open('gaps', 'Odotuskuilut', 'Palvelukokemus');
    await page.getByTestId('gaps-table').waitFor();
    expect(await page.getByTestId('gaps-table').textContent()).toContain('Odotusaika');
    expect(await axeViolations(page)).toEqual([]);

    await open('emotions', 'Tunteet', 'Palvelukokemus');
    await page.getByTestId('emotions-table').waitFor();
    expect(await page.getByTestId('emotions-table').locator('caption').textContent()).toContain(
      'n = 12',
    );
    expect(await axeViolations(page)).toEqual([]);

    await open('response-rate', 'Vastausprosentti');
    // The demo's relationship survey went out by email: its invitations make the table.
    await page.getByTestId('rate-table').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('fits a 375 px wide phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open('drivers', 'Avaintekijät', 'Palvelukokemus');
    await page.getByTestId('drivers-table').waitFor();
    const overflow = await page.evaluate(() => {
      const root = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
