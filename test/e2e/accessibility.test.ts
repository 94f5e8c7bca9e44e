import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  axeViolations,
  callApi,
  launchChromium,
  signIn,
  startPolku,
  startSmtp,
} from './harness.js';

describe('accessibility of the staff app (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let page: Page;

  beforeAll(async () => {
    assertPrerequisites();
    smtp = await startSmtp();
    polku = await startPolku({ smtpPort: smtp.port, demo: true });
    browser = await launchChromium();
    page = await polku.newPage(browser, { bypassCSP: true }); // lets axe-core's script run under our CSP
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
    await smtp?.close();
  });

  it('has no violations on the login page', async () => {
    await page.goto(`${polku.url}/login`);
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no violations on the forgot-password page', async () => {
    await page.goto(`${polku.url}/forgot-password`);
    await page.getByRole('textbox', { name: 'Sähköposti' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  const settings = [
    'Työtila',
    'Jäsenet',
    'Kutsut',
    'API-avaimet',
    'Tapahtumaloki',
    'Lähtevä posti',
  ];
  it(`has no violations in the app shell and the settings pages (${settings.join(', ')})`, async () => {
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.getByRole('link', { name: 'Asetukset' }).click();
    const found: string[] = [];
    for (const section of settings) {
      await page.getByRole('link', { name: section }).click();
      await page.getByRole('heading', { name: section, level: 2 }).waitFor();
      await page.waitForLoadState('networkidle');
      found.push(...(await axeViolations(page)).map((v) => `${section}: ${v}`));
    }
    expect(found).toEqual([]);
  });

  const widths = [1440, 375] as const;

  /** Waits for the page's data: no loader left and the network quiet. */
  async function settle(p: Page): Promise<void> {
    await p.waitForLoadState('networkidle');
    await p
      .getByText('Ladataan…')
      .first()
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  }

  let workspaceId: string | undefined;
  /** Signs in once (the earlier tests may have already) and returns the demo workspace's id. */
  async function signedInWorkspace(): Promise<string> {
    if (workspaceId) return workspaceId;
    await page.goto(`${polku.url}/login`);
    const login = page.getByRole('button', { name: 'Kirjaudu sisään' });
    await Promise.race([login.waitFor(), page.waitForURL(/\/w\//)]);
    if (!page.url().includes('/w/')) {
      await signIn(page);
      await page.waitForURL(/\/w\/[^/]+/);
    }
    workspaceId = /\/w\/([^/]+)/.exec(page.url())![1]!;
    return workspaceId;
  }

  it('has no violations on any page of the app at 1440 and 375 px', async () => {
    const workspaceId = await signedInWorkspace();
    const ws = `/api/v1/workspaces/${workspaceId}`;
    const journeys = await callApi<{ items: { id: string }[] }>(page, 'GET', `${ws}/journeys`);
    const surveys = await callApi<{ items: { id: string }[] }>(page, 'GET', `${ws}/surveys`);
    const base = `/w/${workspaceId}`;
    const pages = [
      base,
      `${base}/journeys`,
      `${base}/journeys/${journeys.items[0]!.id}`,
      `${base}/journeys/observed`,
      `${base}/surveys`,
      `${base}/surveys/${surveys.items[0]!.id}`,
      `${base}/responses`,
      `${base}/analytics`,
      ...['drivers', 'importance', 'gaps', 'kano', 'emotions', 'response-rate'].map(
        (view) => `${base}/analytics/${view}`,
      ),
      `${base}/analytics/incidents`,
      `${base}/analytics/targets`,
      `${base}/customers`,
      ...['workspace', 'members', 'invitations', 'api-keys', 'audit-log', 'outbox', 'webhooks'].map(
        (section) => `${base}/settings/${section}`,
      ),
    ];
    const found: string[] = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        await page.goto(`${polku.url}${path}`);
        await page.locator('main').waitFor();
        await settle(page);
        found.push(...(await axeViolations(page)).map((v) => `${width} px ${path}: ${v}`));
      }
    }
    expect(found).toEqual([]);
  }, 400_000);

  it('has no violations in the dialogs at 1440 and 375 px', async () => {
    const workspaceId = await signedInWorkspace();
    const base = `${polku.url}/w/${workspaceId}`;
    /** Opens a dialog, checks the whole page with it open, and closes it by its close button. */
    const dialogs: { name: string; path: string; open: (p: Page) => Promise<void> }[] = [
      {
        name: 'new survey',
        path: `${base}/surveys`,
        open: (p) => p.getByRole('button', { name: 'Uusi kysely' }).click(),
      },
      {
        name: 'new journey',
        path: `${base}/journeys`,
        open: (p) => p.getByRole('button', { name: 'Uusi polku' }).click(),
      },
      {
        name: 'new target',
        path: `${base}/analytics/targets`,
        open: (p) => p.getByRole('button', { name: 'Uusi tavoite' }).first().click(),
      },
      {
        name: 'create workspace',
        path: `${base}`,
        open: async (p) => {
          await p.getByRole('button', { name: /Käyttäjävalikko/ }).click();
          await p.getByRole('menuitem', { name: 'Luo työtila' }).click();
        },
      },
    ];
    const found: string[] = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const dialog of dialogs) {
        await page.goto(dialog.path);
        await settle(page);
        await dialog.open(page);
        const open = page.getByRole('dialog');
        await open.waitFor();
        await settle(page);
        found.push(...(await axeViolations(page)).map((v) => `${width} px ${dialog.name}: ${v}`));
        await open.getByRole('button', { name: 'Sulje' }).click();
        await open.waitFor({ state: 'hidden' });
      }
    }
    expect(found).toEqual([]);
  }, 200_000);

  it('has no violations on the respondent page at 1440 and 375 px', async () => {
    const workspaceId = await signedInWorkspace();
    const ws = `/api/v1/workspaces/${workspaceId}`;
    const surveys = await callApi<{ items: { id: string; status: string }[] }>(
      page,
      'GET',
      `${ws}/surveys`,
    );
    const published = surveys.items.find((s) => s.status === 'published')!;
    const links = await callApi<{ items: { url: string; closedAt: number | null }[] }>(
      page,
      'GET',
      `${ws}/surveys/${published.id}/links`,
    );
    const url = links.items.find((l) => l.closedAt === null)!.url;
    const found: string[] = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await page.locator('main h1').waitFor();
      found.push(...(await axeViolations(page)).map((v) => `${width} px respondent: ${v}`));
    }
    expect(found).toEqual([]);
  }, 90_000);
});
