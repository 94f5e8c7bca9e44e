import { readFileSync } from 'node:fs';
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

interface MapAnswer {
  journey: { id: string; name: string };
  stages: { id: string; name: string; touchpoints: { id: string; name: string }[] }[];
}
interface MetricsAnswer {
  journey: { n: number; score: number | null };
  touchpoints: { touchpointId: string; n: number; score: number | null; volume: number }[];
}

/** Mouse drag from the centre of one element to the centre of another, in small steps. */
async function drag(page: Page, from: string, to: { x: number; y: number }) {
  const box = (await page.locator(from).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // dnd-kit starts a drag after 6 px of movement.
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.move(to.x + 2, to.y + 2, { steps: 2 });
  await page.mouse.up();
}

describe('journey map in the web app', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId = '';
  let base = '';
  let journeyId = '';
  const errors: string[] = [];

  const map = () => callApi<MapAnswer>(page, 'GET', `${base}/journeys/${journeyId}`);
  const stageNames = async () => (await map()).stages.map((s) => s.name);
  const stageOf = async (touchpointId: string) =>
    (await map()).stages.find((s) => s.touchpoints.some((t) => t.id === touchpointId))?.name;

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    browser = await launchChromium();
    page = await polku.newPage(browser, {
      bypassCSP: true, // lets axe-core's script run under our CSP
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack?.slice(0, 1500)}`));
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
    workspaceId = /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    base = `/api/v1/workspaces/${workspaceId}`;
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  it('lists journeys and creates one from a template', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/journeys`);
    await page.getByRole('heading', { name: 'Asiakaspolut', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Uusi polku' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const templates = await callApi<{ items: { key: string; name: string; stages: string[] }[] }>(
      page,
      'GET',
      `${base}/journey-templates?language=fi`,
    );
    expect(templates.items.map((t) => t.key).sort()).toEqual(['chain', 'coaching', 'retail']);
    const retail = templates.items.find((t) => t.key === 'retail')!;

    await page.getByRole('button', { name: 'Uusi polku' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uusi asiakaspolku' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: retail.name }).check();
    await dialog.getByRole('textbox', { name: 'Nimi' }).fill('Verkkokaupan polku');
    expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Luo polku' }).click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    journeyId = /\/journeys\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: 'Verkkokaupan polku', level: 1 }).waitFor();

    // The stages of the template, in order, as columns; blueprint lanes under them.
    const columns = page.getByTestId('stage-column');
    await columns.first().waitFor();
    expect(await columns.count()).toBe(retail.stages.length);
    expect(await stageNames()).toEqual(retail.stages);
    expect(await page.getByRole('separator', { name: 'Näkyvyysraja' }).count()).toBe(
      retail.stages.length,
    );
    expect(errors).toEqual([]);
  });

  it('moves a touchpoint to another stage and reorders stages by mouse; Undo and Ctrl+Z take them back', async () => {
    const before = await map();
    const [first, second] = before.stages;
    const moving = first!.touchpoints[0]!;
    // Drag the card (by its handle) into the second stage's touchpoints.
    const target = (await page
      .locator(`[data-stage="${second!.id}"] [data-testid="stage-touchpoints"]`)
      .boundingBox())!;
    await drag(
      page,
      `[data-touchpoint="${moving.id}"] button[aria-label^="Vedä kosketuspistettä"]`,
      { x: target.x + target.width / 2, y: target.y + target.height - 8 },
    );
    await expect.poll(() => stageOf(moving.id), { timeout: 10_000 }).toBe(second!.name);
    await page.locator(`[data-stage="${second!.id}"] [data-touchpoint="${moving.id}"]`).waitFor();

    // Drag the second stage's handle onto the first stage: the two swap places.
    const firstBox = (await page.locator(`[data-stage="${first!.id}"]`).boundingBox())!;
    await drag(page, `[data-stage="${second!.id}"] button[aria-label^="Vedä vaihetta"]`, {
      x: firstBox.x + 20,
      y: firstBox.y + 40,
    });
    await expect
      .poll(stageNames, { timeout: 10_000 })
      .toEqual([second!.name, first!.name, ...before.stages.slice(2).map((s) => s.name)]);

    // Undo (the button) restores the order; Ctrl+Z then puts the touchpoint back.
    await page.getByRole('button', { name: 'Kumoa', exact: true }).click();
    await expect.poll(stageNames, { timeout: 10_000 }).toEqual(before.stages.map((s) => s.name));
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => stageOf(moving.id), { timeout: 10_000 }).toBe(first!.name);
    expect(errors).toEqual([]);
  });

  it('does the same from the keyboard: Move left/right, the Move-to-stage menu, Ctrl+Z', async () => {
    const before = await map();
    const [first, second, third] = before.stages;
    // "Move right" on the first stage, pressed with the keyboard.
    const right = page.getByRole('button', { name: `Siirrä oikealle: ${first!.name}` });
    await right.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(stageNames, { timeout: 10_000 })
      .toEqual([second!.name, first!.name, ...before.stages.slice(2).map((s) => s.name)]);
    await page.getByTestId('map-status').filter({ hasText: 'kohdassa 2/' }).waitFor();

    // The touchpoint's actions menu: move it to the third stage.
    const tp = first!.touchpoints[0]!;
    const menu = page.getByRole('button', { name: `Kosketuspisteen toiminnot: ${tp.name}` });
    await menu.focus();
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: `Siirrä vaiheeseen ${third!.name}` });
    await item.waitFor();
    await item.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stageOf(tp.id), { timeout: 10_000 }).toBe(third!.name);

    // dnd-kit's own keyboard dragging: pick the third stage up, move it left, drop it.
    const handle = page.getByRole('button', { name: `Vedä vaihetta: ${third!.name}` });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await expect
      .poll(stageNames, { timeout: 10_000 })
      .toEqual([
        second!.name,
        third!.name,
        first!.name,
        ...before.stages.slice(3).map((s) => s.name),
      ]);

    // Ctrl+Z three times: the keyboard drag, the touchpoint's move, the stage's move.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect
      .poll(stageNames, { timeout: 10_000 })
      .toEqual([second!.name, first!.name, ...before.stages.slice(2).map((s) => s.name)]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => stageOf(tp.id), { timeout: 10_000 }).toBe(first!.name);
    await page.keyboard.press('Control+z');
    await expect.poll(stageNames, { timeout: 10_000 }).toEqual(before.stages.map((s) => s.name));
    expect(errors).toEqual([]);
  });

  it('shows each touchpoint’s metric with n, a small-sample marker, and links to the explorer', async () => {
    // Answers at two touchpoints of the journey: 40 at one, 12 (a small sample) at another.
    const m = await map();
    const big = m.stages[0]!.touchpoints[0]!;
    const small = m.stages[1]!.touchpoints[0]!;
    const survey = await callApi<{ id: string }>(page, 'POST', `${base}/surveys`, {
      name: 'Polun NPS',
    });
    await callApi(page, 'PATCH', `${base}/surveys/${survey.id}`, {
      draft: {
        languages: ['fi'],
        defaultLanguage: 'fi',
        title: { fi: 'Polun NPS' },
        questions: [{ key: 'nps', type: 'nps', text: { fi: 'Suosittelisitko?' } }],
        thankYou: { message: { fi: 'Kiitos' } },
      },
    });
    await callApi(page, 'POST', `${base}/surveys/${survey.id}/publish`);
    await callApi(page, 'POST', `${base}/responses/batch`, {
      responses: [
        ...Array.from({ length: 40 }, (_, i) => ({
          surveyId: survey.id,
          touchpointId: big.id,
          answers: { nps: i % 4 === 0 ? 3 : i % 4 === 1 ? 8 : 10 },
        })),
        ...Array.from({ length: 12 }, (_, i) => ({
          surveyId: survey.id,
          touchpointId: small.id,
          answers: { nps: i % 2 ? 9 : 6 },
        })),
      ],
    });

    await page.goto(`${polku.url}/w/${workspaceId}/journeys/${journeyId}?metric=nps&period=12m`);
    const bigCard = page.locator(`[data-touchpoint="${big.id}"]`);
    await bigCard.getByTestId('touchpoint-n').waitFor();
    const today = polku.today();
    const metrics = await callApi<MetricsAnswer>(
      page,
      'POST',
      `${base}/journeys/${journeyId}/metrics`,
      {
        metric: { kind: 'nps' },
        from: `${Number(today.slice(0, 4)) - 1}-01-01`,
        to: today,
      },
    );
    const figure = metrics.touchpoints.find((t) => t.touchpointId === big.id)!;
    expect(figure.n).toBe(40);
    // 20 promoters, 10 passives, 10 detractors: NPS 25.
    expect(figure.score).toBe(25);
    expect(await bigCard.getByTestId('touchpoint-n').textContent()).toBe('n = 40');
    expect(await bigCard.getByTestId('touchpoint-score').textContent()).toBe('25,0');
    expect(await bigCard.getByTestId('small-sample').count()).toBe(0);
    const level = await bigCard.locator('[data-level]').getAttribute('data-level');
    expect(level).toMatch(/^(muchBelow|below|near|above|muchAbove)$/);
    // Colour is not the only signal: the level is written out.
    expect(await bigCard.locator('[data-level]').textContent()).toMatch(/yli|alle|lähellä/);

    const smallCard = page.locator(`[data-touchpoint="${small.id}"]`);
    expect(await smallCard.getByTestId('touchpoint-n').textContent()).toBe('n = 12');
    await smallCard.getByTestId('small-sample').waitFor();
    expect(await page.getByTestId('journey-average').textContent()).toContain('n = 52');

    // The journey health tab: one row per stage, the table beside the chart.
    await page.getByRole('tab', { name: 'Polun terveys' }).click();
    const table = page.getByTestId('health-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(m.stages.length);
    await page.getByTestId('analysis-chart').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Kartta' }).click();

    // The card's metric opens the explorer filtered to the touchpoint; Comments the responses.
    const comments = bigCard.getByRole('link', { name: `Kommentit: ${big.name}` });
    expect(await comments.getAttribute('href')).toContain(`touchpoint=${big.id}`);
    await bigCard.locator('[data-level]').click();
    await page.waitForURL(/\/analytics\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('touchpoint')).toBe(big.id);
    expect(url.searchParams.get('period')).toBe('12m');
    expect(errors).toEqual([]);
  });

  it('shows the demo flower shop’s journey with live figures, personas and pain points', async () => {
    const journeys = await callApi<{
      items: { id: string; name: string; touchpointCount: number }[];
    }>(page, 'GET', `${base}/journeys`);
    const demo = journeys.items.find((j) => j.id !== journeyId && j.touchpointCount > 0)!;
    expect(demo).toBeDefined();
    await page.goto(`${polku.url}/w/${workspaceId}/journeys/${demo.id}?metric=nps&period=24m`);
    await page.getByTestId('journey-average').waitFor();
    const courier = page.locator('[data-testid="touchpoint-card"]', { hasText: 'Kukkakuriiri' });
    await courier.getByTestId('touchpoint-metric').waitFor();
    await courier.getByTestId('pain-marker').waitFor();
    expect(await page.getByTestId('persona').count()).toBeGreaterThan(0);

    // Every card shows the n the API computes for its touchpoint over the same 24 months.
    const today = polku.today();
    const from = new Date(
      Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - 23, 1),
    )
      .toISOString()
      .slice(0, 10);
    const metrics = await callApi<MetricsAnswer>(
      page,
      'POST',
      `${base}/journeys/${demo.id}/metrics`,
      { metric: { kind: 'nps' }, from, to: today },
    );
    const cards = page.getByTestId('touchpoint-card');
    const count = await cards.count();
    expect(count).toBe(metrics.touchpoints.length);
    let withAnswers = 0;
    for (let i = 0; i < count; i++) {
      const id = await cards.nth(i).getAttribute('data-touchpoint');
      const figure = metrics.touchpoints.find((t) => t.touchpointId === id)!;
      if (figure.n > 0) {
        const n = (await cards.nth(i).getByTestId('touchpoint-n').textContent())!;
        expect(n.replace(/\s/g, '')).toBe(`n=${figure.n}`);
        withAnswers++;
      } else {
        // No "n = 0": the card says which metric has no answers.
        expect(await cards.nth(i).locator('[data-level]').textContent()).toContain(
          'Ei NPS-vastauksia',
        );
      }
    }
    expect(withAnswers).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('downloads the server’s PNG of the map', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/journeys/${journeyId}`);
    await page.getByTestId('stage-column').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 45_000 }),
      page.getByRole('button', { name: 'Lataa PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Verkkokaupan-polku.png');
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(errors).toEqual([]);
  });

  it('passes axe on the map and stacks on a 375 px phone without sideways overflow', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/journeys/${journeyId}?metric=nps`);
    await page.getByTestId('touchpoint-n').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Wide: the map scrolls inside its own region, the page itself does not.
    expect(
      await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    ).toBeLessThanOrEqual(0);
    const region = page.getByRole('region', { name: /^Polkukartta:/ });
    expect(
      await page.evaluate<boolean>(
        "(() => { const el = document.querySelector('[data-testid=journey-map]'); return el.scrollWidth > el.clientWidth; })()",
      ),
    ).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${polku.url}/w/${workspaceId}/journeys/${journeyId}?metric=nps`);
    await page.getByTestId('touchpoint-n').first().waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Stacked: the second stage is below the first, not beside it.
    const columns = page.getByTestId('stage-column');
    const a = (await columns.nth(0).boundingBox())!;
    const b = (await columns.nth(1).boundingBox())!;
    expect(b.y).toBeGreaterThan(a.y + a.height - 1);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${polku.url}/w/${workspaceId}/journeys`);
    await page.getByRole('heading', { name: 'Asiakaspolut', level: 1 }).waitFor();
    expect(
      await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    ).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(errors).toEqual([]);
  });
});
