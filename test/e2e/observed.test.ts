import { periodRange } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTouchpointKeys, seedDemoEvents } from '../../apps/server/src/demo/events.js';
import {
  assertPrerequisites,
  axeViolations,
  launchChromium,
  signIn,
  startPolku,
} from './harness.js';

describe('the observed journey', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId = '';
  let journeyId = '';
  const errors: string[] = [];
  const login = { email: 'observed@example.com', password: 'observed-password' };

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: false });
    const { services, store } = polku.runtime;
    const user = await services.auth.createAccount({ name: 'Olli', ...login, language: 'fi' });
    const workspace = await services.workspaces.create(
      user.id,
      {
        name: 'Kukkakauppa',
        timeZone: 'Europe/Helsinki',
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: 'fi',
      },
      null,
    );
    workspaceId = workspace.id;
    const ctx: WorkspaceContext = {
      workspace: (await store.workspaces.findById(workspaceId))!,
      actor: { kind: 'user', userId: user.id, role: 'owner' },
      ip: null,
    };
    // The flower shop's two years of events, at touchpoints named tp-<key> (on a journey of
    // their own: the page shows the touchpoints' names, as the flow answer carries them).
    // Two stages, so going from the second back to the first is a jump back.
    const journey = await services.journeys.create(ctx, { name: 'Kukkakauppa' });
    journeyId = journey.id;
    const first = await services.journeys.createStage(ctx, journey.id, { name: 'Valinta' });
    const second = await services.journeys.createStage(ctx, journey.id, { name: 'Toimitus' });
    const ids: Record<string, string> = {};
    for (const [i, key] of demoTouchpointKeys.entries())
      ids[key] = (
        await services.journeys.createTouchpoint(ctx, journey.id, {
          stageId: i < 3 ? first.id : second.id,
          name: `tp-${key}`,
          channel: 'web',
          subExperience: 'purchase',
        })
      ).id;
    await seedDemoEvents(polku.runtime, ctx, ids);
    // One customer of our own, and their NPS answer (by email, at no touchpoint: responses may
    // only name touchpoints of the journey model, and events here use made-up ids): a detractor.
    const hour = 3_600_000;
    const now = polku.clock.now();
    await services.events.recordBatch(ctx, [
      {
        customerRef: 'E2E-1',
        type: 'visit',
        touchpointId: ids.webshop,
        occurredAt: now - 9 * hour,
      },
      {
        customerRef: 'E2E-1',
        type: 'purchase',
        touchpointId: ids.checkout,
        occurredAt: now - 8 * hour,
      },
      {
        customerRef: 'E2E-1',
        type: 'delivery',
        touchpointId: ids.courier,
        occurredAt: now - 4 * hour,
      },
    ]);
    const survey = await services.surveys.create(ctx, {
      name: 'Palvelu',
      purpose: 'transactional',
      touchpointId: null,
      template: 'nps',
      languages: ['fi'],
      defaultLanguage: 'fi',
    });
    await services.surveys.publish(ctx, survey.id);
    await services.responses.submit(ctx, {
      surveyId: survey.id,
      touchpointId: null,
      submittedAt: now - 2 * hour,
      partial: false,
      answers: { nps: 3 },
      attributes: { customer_ref: 'E2E-1' },
      source: 'api',
    });

    browser = await launchChromium();
    page = await polku.newPage(browser, { bypassCSP: true }); // lets axe-core's script run under our CSP
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${polku.url}/login`);
    await signIn(page, login);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  it('draws the flow as a Sankey chart beside tables of the same counts, and passes axe', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/journeys/observed`);
    await page.getByRole('heading', { name: 'Havaittu polku', level: 1 }).waitFor();
    const chart = page.getByRole('img', { name: /Sankey-kaavio/ });
    await chart.waitFor();
    // ECharts draws the links as SVG paths once laid out.
    await expect
      .poll(() => page.locator('[data-testid="observed-sankey"] svg path').count())
      .toBeGreaterThan(20);
    // Node labels stay readable: no two overlap (they are cut to their column, not run on).
    const boxes = (
      await Promise.all(
        (await page.locator('[data-testid="observed-sankey"] svg text').all()).map((l) =>
          l.boundingBox(),
        ),
      )
    ).filter((b) => b !== null);
    expect(boxes.length).toBeGreaterThan(5);
    const overlapping = boxes.filter((a, i) =>
      boxes.some(
        (b, j) =>
          j > i &&
          a.x < b.x + b.width - 1 &&
          b.x < a.x + a.width - 1 &&
          a.y < b.y + b.height - 1 &&
          b.y < a.y + a.height - 1,
      ),
    );
    expect(overlapping).toEqual([]);
    const transitions = page.getByTestId('observed-transitions');
    await transitions.waitFor();
    expect(await transitions.locator('tbody tr').count()).toBeGreaterThan(5);
    // Repeats and jumps back are there, classified by the journey chosen on the page.
    await expect.poll(() => transitions.locator('[data-kind="repeat"]').count()).toBeGreaterThan(0);
    await expect.poll(() => transitions.locator('[data-kind="back"]').count()).toBeGreaterThan(0);
    expect(
      await page
        .getByRole('combobox', { name: 'Asiakaspolku' })
        .locator('option:checked')
        .innerText(),
    ).toBe('Kukkakauppa');
    const touchpoints = page.getByTestId('observed-touchpoints');
    expect(await touchpoints.getByRole('rowheader', { name: 'tp-webshop' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("reports the same jumps back as the journey map's observed tab, over the same 12 months", async () => {
    const summaryOf = async () => {
      const summary = page.getByText(/^Asiakkaita [\d\s\u00a0]+, kosketuksia/);
      await summary.waitFor();
      return summary.innerText();
    };
    await page.goto(`${polku.url}/w/${workspaceId}/journeys/observed`);
    const standalone = await summaryOf();
    expect(standalone).toMatch(/paluita taaksepäin [1-9]/);
    const from = await page.getByLabel('Alkaen').inputValue();
    // The last 12 months: this month and the 11 before it (from 1.4.2025 on 28.3.2026).
    expect(from).toBe(periodRange('12m', polku.today()).from);
    await page.goto(`${polku.url}/w/${workspaceId}/journeys/${journeyId}`);
    await page.getByRole('tab', { name: 'Havaitut polut' }).click();
    expect(await summaryOf()).toBe(standalone);
    expect(await page.getByLabel('Alkaen').inputValue()).toBe(from);
  });

  it('is linked from the navigation under the journeys, marked as the current page', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/journeys`);
    const nav = page.getByRole('navigation', { name: /./ }).first();
    await nav.getByRole('link', { name: 'Havaittu polku' }).click();
    await page.getByRole('heading', { name: 'Havaittu polku', level: 1 }).waitFor();
    expect(
      await nav.getByRole('link', { name: 'Havaittu polku' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await nav.getByRole('link', { name: 'Polut' }).getAttribute('aria-current')).toBeNull();
  });

  it('follows only the detractors when asked', async () => {
    await page.getByRole('combobox', { name: 'Suosittelijaryhmä' }).click();
    await page.getByRole('option', { name: 'Arvostelijat' }).click();
    await page.getByText(/^Asiakkaita 1, kosketuksia 3, siirtymiä 2\./).waitFor();
    const rows = page.getByTestId('observed-transitions').locator('tbody tr');
    // Equal counts come in id order: compare as a sorted list.
    expect((await rows.allInnerTexts()).sort()).toEqual([
      expect.stringMatching(/^tp-checkout\s+tp-courier\s+1/),
      expect.stringMatching(/^tp-webshop\s+tp-checkout\s+1/),
    ]);
    await page.getByTestId('observed-sankey').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
