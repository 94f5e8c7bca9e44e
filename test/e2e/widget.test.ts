import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { surveyDefinitionSchema, type Survey, type SurveyLink } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '../../apps/server/src/demo.js';
import { CHROMIUM, launchChromium, startPolku } from './harness.js';

const widgetBuild = new URL('../../apps/widget/build.mjs', import.meta.url).pathname;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * A customer's page on another origin whose CSS does its worst: every element unset and 40 px,
 * buttons and our own tag hidden. Inside its shadow root the widget must not notice.
 */
function hostPage(
  polkuUrl: string,
  token: string,
  data = 'data-trigger="button" data-language="fi"',
): string {
  return `<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<title>Kukkakauppa Aurinko – tilaus vastaanotettu</title>
<style>
* { all: unset; font-size: 40px !important; color: #000 !important; }
button, dialog, polku-widget { display: none !important; }
input, label, fieldset { visibility: hidden !important; }
</style>
</head>
<body>
<main>
<h1>Kiitos tilauksestasi</h1>
<p>Toimitamme kukat huomenna.</p>
<a href="/">Etusivulle</a>
</main>
<script src="${polkuUrl}/widget.js" data-polku-link="${token}" ${data} async></script>
</body>
</html>`;
}

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
  passes: { nodes: { target: unknown[] }[] }[];
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the widget's host element and its shadow tree. */
async function axeOnWidget(page: Page): Promise<{ violations: string[]; shadowNodes: number }> {
  if (!(await page.evaluate(() => 'axe' in globalThis)))
    await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(c: object, o: object): Promise<AxeResult> } }
    ).axe;
    return axe.run(
      { include: [['polku-widget']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
  });
  return {
    violations: result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    ),
    // A target given as a list of selectors is a path into a shadow root: proof axe looked inside.
    shadowNodes: result.passes.flatMap((p) => p.nodes).filter((n) => n.target.some(Array.isArray))
      .length,
  };
}

/** What the page scripts below touch (the Node side's TypeScript has no DOM types). */
interface El {
  tagName: string;
  type?: string;
  value?: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface Dom {
  document: {
    querySelector(s: string): { shadowRoot: { activeElement: El | null } | null } | null;
  };
  getComputedStyle(e: unknown): { display: string; fontSize: string; position: string };
}

/** The element focused inside the widget's shadow root, described for assertions. */
function focusedInWidget(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as Dom;
    const active = document.querySelector('polku-widget')?.shadowRoot?.activeElement;
    if (!active) return null;
    if (active.tagName === 'INPUT') return `input ${active.type} ${active.value}`;
    const name = active.getAttribute('aria-label') ?? active.textContent ?? '';
    return `${active.tagName.toLowerCase()} ${name}`.trim();
  });
}

describe('the feedback widget on a customer page, in Chromium', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let site: Server;
  let siteUrl: string;
  let ctx: WorkspaceContext;
  let survey: Survey;
  let link: SurveyLink;
  let page: Page;
  const pageErrors: string[] = [];
  let mixed: { survey: Survey; link: SurveyLink };

  /** A survey in fi and sv with every question type the widget shows, a condition, and a feeling question it does not. */
  async function publishMixedSurvey() {
    const t = (fi: string, sv: string) => ({ fi, sv });
    const { services } = polku.runtime;
    const created = await services.surveys.create(ctx, {
      name: 'Butiksbesök',
      purpose: 'transactional',
      touchpointId: null,
      languages: ['fi', 'sv'],
      defaultLanguage: 'fi',
    });
    const draft = surveyDefinitionSchema.parse({
      languages: ['fi', 'sv'],
      defaultLanguage: 'fi',
      title: t('Myymäläkäynti', 'Butiksbesök'),
      intro: t('Kolme pientä kysymystä.', 'Några korta frågor.'),
      questions: [
        { key: 'csat', type: 'csat', text: t('Tyytyväisyys?', 'Hur nöjd var du?'), required: true },
        { key: 'ces', type: 'ces', text: t('Helppoa?', 'Var det lätt?') },
        {
          key: 'fresh',
          type: 'rating',
          points: 4,
          text: t('Kukkien tuoreus', 'Blommornas fräschhet'),
          lowLabel: t('Huono', 'Dålig'),
          highLabel: t('Erinomainen', 'Utmärkt'),
        },
        { key: 'goal', type: 'goal', text: t('Saitko hoidettua asiasi?', 'Fick du det gjort?') },
        {
          key: 'why_not',
          type: 'text',
          multiline: false,
          text: t('Mikä jäi hoitamatta?', 'Vad blev ogjort?'),
          showIf: [{ key: 'goal', op: 'neq', value: 'yes' }],
        },
        {
          key: 'bought',
          type: 'single',
          text: t('Mitä ostit?', 'Vad köpte du?'),
          options: [
            { key: 'roses', label: t('Ruusuja', 'Rosor') },
            { key: 'tulips', label: t('Tulppaaneja', 'Tulpaner') },
          ],
        },
        {
          key: 'extras',
          type: 'multiple',
          maxChoices: 2,
          text: t('Lisäpalvelut', 'Tilläggstjänster'),
          options: [
            { key: 'card', label: t('Kortti', 'Kort') },
            { key: 'wrap', label: t('Paketointi', 'Inslagning') },
            { key: 'delivery', label: t('Kotiinkuljetus', 'Hemleverans') },
          ],
        },
        { key: 'feeling', type: 'emotion', text: t('Tunne', 'Känsla') },
      ],
      thankYou: {
        message: t('Kiitos!', 'Tack för ditt svar!'),
        rules: [
          {
            when: [{ key: 'csat', op: 'lte', value: 2 }],
            message: t('Pahoittelemme.', 'Vi beklagar, vi hör av oss.'),
          },
        ],
      },
    });
    await services.surveys.update(ctx, created.id, { draft });
    await services.surveys.publish(ctx, created.id);
    const l = await services.surveys.createLink(ctx, created.id, {
      name: 'Kvitto',
      channel: 'web',
      touchpointId: null,
    });
    return { survey: created, link: l };
  }

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('no Chromium');
    execFileSync(process.execPath, [widgetBuild], { stdio: 'pipe' });
    polku = await startPolku({ demo: true });
    const { store, services } = polku.runtime;
    const owner = (await store.users.findByEmail(DEMO_LOGIN.email))!;
    const workspace = (await store.workspaces.findById(polku.demo!.workspaceId))!;
    ctx = { workspace, actor: { kind: 'user', userId: owner.id, role: 'owner' }, ip: null };
    survey = await services.surveys.create(ctx, {
      name: 'Verkkokaupan suosittelu',
      purpose: 'transactional',
      touchpointId: null,
      template: 'nps',
      languages: ['fi', 'sv', 'en'],
      defaultLanguage: 'fi',
    });
    await services.surveys.publish(ctx, survey.id);
    link = await services.surveys.createLink(ctx, survey.id, {
      name: 'Tilausvahvistus',
      channel: 'widget',
      touchpointId: null,
    });

    mixed = await publishMixedSurvey();
    const pages: Record<string, string> = {
      '/kiitos': hostPage(polku.url, link.token),
      '/tilaus/123/kiitos': hostPage(
        polku.url,
        mixed.link.token,
        'data-trigger="url" data-url-match="/tilaus/*/kiitos" data-language="sv"',
      ),
    };
    site = createServer((req, res) => {
      const html = pages[req.url ?? ''];
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/kiitos`;

    browser = await launchChromium();
    page = await polku.newPage(browser, { bypassCSP: true });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await polku?.close();
  });

  it("shows its button on a hostile page, untouched by the page's CSS", async () => {
    await page.goto(siteUrl);
    const button = page.getByRole('button', { name: 'Palaute' });
    await button.waitFor();
    const style = await button.evaluate((b) => {
      const s = (globalThis as unknown as Dom).getComputedStyle(b);
      return { display: s.display, fontSize: s.fontSize, position: s.position };
    });
    expect(style.display).not.toBe('none');
    expect(style).toMatchObject({ fontSize: '16px', position: 'fixed' });
    expect(await button.isVisible()).toBe(true);
  });

  it('opens with the keyboard, keeps focus inside, closes with Esc and returns focus', async () => {
    for (let i = 0; i < 5 && (await focusedInWidget(page)) !== 'button Palaute'; i++)
      await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toBe('button Palaute');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Suosittelukysely' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await focusedInWidget(page)).toBe('input radio 0');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInWidget(page)).toBe('button Sulje');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInWidget(page)).toBe('button Lähetä');
    await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toBe('button Sulje');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedInWidget(page)).toBe('button Palaute');
  });

  it('has no WCAG 2.1 A/AA violations inside its shadow root, with the form open', async () => {
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Suosittelukysely' }).waitFor();
    const { violations, shadowNodes } = await axeOnWidget(page);
    expect(violations).toEqual([]);
    expect(shadowNodes).toBeGreaterThan(10);
  });

  it('is answered with the keyboard alone and stores one response, though the first reply was lost', async () => {
    // The first post reaches Polku, but its reply is lost on the way back: the widget must retry
    // with the same id, and Polku must not store the response twice.
    let posts = 0;
    await page.route('**/w/*/responses', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      if (posts > 1) return route.continue();
      await route.fetch();
      return route.abort('connectionreset');
    });

    // Required but unanswered: the widget says so and puts focus on the question.
    await page.getByRole('button', { name: 'Lähetä' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Vastaa tähän kysymykseen.').waitFor();
    expect(await focusedInWidget(page)).toBe('input radio 0');

    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedInWidget(page)).toBe('input radio 9');
    expect(await page.getByRole('radio', { name: '9' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toMatch(/^textarea/);
    await page.keyboard.type('Kukat tulivat ajallaan ja olivat kauniita.');
    await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toBe('button Lähetä');
    await page.keyboard.press('Enter');

    const thanks = page.getByText('Kiitos vastauksestasi!');
    await thanks.waitFor();
    expect(posts).toBe(2);
    expect(await focusedInWidget(page)).toMatch(/^p Kiitos vastauksestasi!/);

    const { items } = await polku.runtime.services.responses.list(ctx, {
      surveyId: survey.id,
      limit: 50,
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      source: 'widget',
      channel: 'widget',
      linkId: link.id,
      language: 'fi',
      status: 'complete',
      answers: { nps: 9, reason: 'Kukat tulivat ajallaan ja olivat kauniita.' },
    });

    const thankYouAxe = await axeOnWidget(page);
    expect(thankYouAxe.violations).toEqual([]);

    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await focusedInWidget(page)).toBe('button Palaute');
    expect(pageErrors).toEqual([]);
  });

  it('opens by itself on a matching path, in Swedish, with every question type it supports', async () => {
    const other = await polku.newPage(browser, { bypassCSP: true });
    other.on('pageerror', (e) => pageErrors.push(e.message));
    await other.goto(siteUrl.replace('/kiitos', '/tilaus/123/kiitos'));
    const dialog = other.getByRole('dialog', { name: 'Butiksbesök' });
    await dialog.waitFor();
    expect(await other.getByRole('button', { name: 'Respons' }).count()).toBe(0);
    await dialog.getByText('Några korta frågor.').waitFor();
    expect(
      await dialog.getByRole('link', { name: 'Öppna hela enkäten' }).getAttribute('href'),
    ).toMatch(new RegExp(`/s/${mixed.link.token}$`));
    expect(await dialog.getByRole('group').count()).toBe(6);
    const { violations } = await axeOnWidget(other);
    expect(violations).toEqual([]);

    // The follow-up appears only when the goal was not met.
    const whyNot = dialog.getByRole('textbox', { name: 'Vad blev ogjort?' });
    expect(await whyNot.isVisible()).toBe(false);
    await dialog
      .getByRole('group', { name: /Hur nöjd/ })
      .getByText('2', { exact: true })
      .click();
    await dialog
      .getByRole('group', { name: /Blommornas/ })
      .getByRole('radio', { name: '4 (Utmärkt)' })
      .check();
    await dialog.getByRole('radio', { name: 'Delvis' }).check();
    await whyNot.fill('Inga vita rosor');
    await dialog.getByRole('radio', { name: 'Tulpaner' }).check();
    for (const name of ['Kort', 'Inslagning', 'Hemleverans'])
      await dialog.getByRole('checkbox', { name }).check();
    await dialog.getByRole('button', { name: 'Skicka' }).click();
    await dialog.getByText('Välj högst 2.').waitFor();
    await dialog.getByRole('checkbox', { name: 'Hemleverans' }).uncheck();
    await dialog.getByRole('button', { name: 'Skicka' }).click();
    await dialog.getByText('Vi beklagar, vi hör av oss.').waitFor();

    const { items } = await polku.runtime.services.responses.list(ctx, {
      surveyId: mixed.survey.id,
      limit: 50,
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      source: 'widget',
      channel: 'widget',
      language: 'sv',
      answers: {
        csat: 2,
        fresh: 4,
        goal: 'partly',
        why_not: 'Inga vita rosor',
        bought: 'tulips',
        extras: ['card', 'wrap'],
      },
    });
    expect(items[0]!.answers).not.toHaveProperty('ces');

    // Once a session: reloading the page does not open it again.
    await other.reload();
    await other.waitForTimeout(1500);
    expect(await other.getByRole('dialog').count()).toBe(0);
    await other.close();
    expect(pageErrors).toEqual([]);
  });
});
