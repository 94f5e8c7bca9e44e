import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPrerequisites, callApi, launchChromium, signIn, startPolku } from './harness.js';

interface SurveySummary {
  id: string;
  status: string;
}
interface SurveyDetail {
  draft: { questions: { type: string }[] };
}
interface Link {
  token: string;
  url: string;
}

describe('the smaller things a CX manager expects, in Chromium', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId: string;

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    browser = await launchChromium();
    page = await polku.newPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[^/]+/);
    workspaceId = /\/w\/([^/]+)/.exec(page.url())![1]!;
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  const ws = () => `/api/v1/workspaces/${workspaceId}`;

  /** A published demo survey that asks NPS, with a new link of the given channel. */
  async function npsLink(
    channel: 'web' | 'widget',
    name: string,
  ): Promise<Link & { surveyId: string }> {
    const surveys = await callApi<{ items: SurveySummary[] }>(page, 'GET', `${ws()}/surveys`);
    for (const s of surveys.items.filter((x) => x.status === 'published')) {
      const detail = await callApi<SurveyDetail>(page, 'GET', `${ws()}/surveys/${s.id}`);
      if (detail.draft.questions.some((q) => q.type === 'nps')) {
        const link = await callApi<Link>(page, 'POST', `${ws()}/surveys/${s.id}/links`, {
          name,
          channel,
        });
        return { ...link, surveyId: s.id };
      }
    }
    throw new Error('the demo has no published NPS survey');
  }

  it('has a home item in the navigation, highlighted only on the home page', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}`);
    const nav = page.getByRole('navigation', { name: 'Päävalikko' });
    const home = nav.getByRole('link', { name: 'Etusivu' });
    const journeys = nav.getByRole('link', { name: 'Polut' });
    await home.waitFor();
    await expect.poll(() => home.getAttribute('aria-current')).toBe('page');
    await expect.poll(() => journeys.getAttribute('aria-current')).toBeNull();
    await journeys.click();
    await page.waitForURL(/\/journeys$/);
    await expect.poll(() => journeys.getAttribute('aria-current')).toBe('page');
    await expect.poll(() => home.getAttribute('aria-current')).toBeNull();
    await home.click();
    await page.waitForURL(new RegExp(`/w/${workspaceId}$`));
    await expect.poll(() => home.getAttribute('aria-current')).toBe('page');
  });

  it('loads the incidents page without asking for a survey before one is chosen', async () => {
    const refused: string[] = [];
    const listener = (res: { url(): string; status(): number }) => {
      if (res.status() >= 400 || /\/surveys\/(\?|$)/.test(res.url()))
        refused.push(`${res.status()} ${res.url()}`);
    };
    page.on('response', listener);
    await page.goto(`${polku.url}/w/${workspaceId}/analytics/incidents`);
    await page.getByRole('heading', { name: 'Kriittiset tapahtumat', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    page.off('response', listener);
    expect(refused).toEqual([]);
  });

  it('gets an icon at /favicon.ico, not the app', async () => {
    const res = await page.request.get(`${polku.url}/favicon.ico`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/x-icon');
    expect((await res.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it('names the organisation and links its privacy notice on the respondent page once set in the settings', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/settings/workspace`);
    await page.getByRole('textbox', { name: 'Organisaation nimi' }).fill('Kukkakauppa Aurinko Oy');
    await page
      .getByRole('textbox', { name: 'Tietosuojaselosteen osoite' })
      .fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Anna verkko-osoite, joka alkaa https://').waitFor();
    await page
      .getByRole('textbox', { name: 'Tietosuojaselosteen osoite' })
      .fill('https://aurinko.example.fi/tietosuoja');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Tallennettu.').waitFor();

    const link = await npsLink('web', 'Tietosuojatesti');
    const respondent = await polku.newPage(browser, {
      viewport: { width: 375, height: 800 },
      locale: 'fi-FI',
    });
    await respondent.goto(link.url);
    const footer = respondent.locator('footer');
    await footer.getByText('Kyselyn tekijä: Kukkakauppa Aurinko Oy').waitFor();
    expect(await footer.getByRole('link', { name: 'Tietosuojaseloste' }).getAttribute('href')).toBe(
      'https://aurinko.example.fi/tietosuoja',
    );
    await respondent.close();
  });

  it('keeps the NPS scale 0–10 on one row on a 375 px phone', async () => {
    const link = await npsLink('web', 'Puhelin');
    const phone = await polku.newPage(browser, {
      viewport: { width: 375, height: 800 },
      locale: 'fi-FI',
    });
    await phone.goto(link.url);
    const labels = phone.locator('.scale.wide .opt label');
    expect(await labels.count()).toBe(11);
    const boxes = await Promise.all((await labels.all()).map((l) => l.boundingBox()));
    expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
    const last = boxes[boxes.length - 1]!;
    expect(last.x + last.width).toBeLessThanOrEqual(375);
    await phone.close();
  });

  it('shows an embed link with its copy-paste widget snippet and a live preview', async () => {
    const link = await npsLink('widget', 'Verkkokaupan upotus');
    await page.goto(`${polku.url}/w/${workspaceId}/surveys/${link.surveyId}`);
    await page.getByRole('heading', { name: 'Upotus sivustolle' }).waitFor();
    const snippet = `<script src="${polku.url}/widget.js" data-polku-link="${link.token}" data-trigger="button" data-language="fi" async></script>`;
    await page.getByText(snippet).waitFor();
    await page.getByRole('button', { name: 'Näytä esikatselu: Verkkokaupan upotus' }).click();
    const frame = page.frameLocator('iframe[title="Upotuksen esikatselu: Verkkokaupan upotus"]');
    // The widget draws its button inside its own shadow root.
    await frame.locator('polku-widget').waitFor({ state: 'attached', timeout: 15_000 });
    await frame.getByRole('button').first().waitFor();
  });
});
