import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLabels } from '../../apps/server/src/journeys/map-html.js';
import {
  assertPrerequisites,
  axeViolations,
  callApi,
  launchChromium,
  signIn,
  startPolku,
} from './harness.js';
import { pdfText } from './pdf-text.js';

/** The parts of the app's journey messages (apps/web/src/locales/journeys) the export mirrors. */
interface MapMessages {
  journeys: {
    map: {
      lanes: Record<string, string>;
      lineOfVisibility: string;
      touchpointsLane: string;
      stageColumn: string;
    };
    channels: Record<string, string>;
    owners: Record<string, string>;
    subExperiences: Record<string, string>;
  };
}

/** The app's journey messages in a language: loaded by path, since the web app's sources are
 * type-checked by its own project (bundler resolution), not this one. */
async function appMessages(language: 'fi' | 'sv' | 'en'): Promise<MapMessages> {
  const module = (await import(`../../apps/web/src/locales/journeys/${language}.ts`)) as Record<
    string,
    MapMessages
  >;
  return module[`${language}Journeys`]!;
}

/**
 * The journey map's heat on the metric's own scale, cards that say which metric has answers,
 * surveys attached to touchpoints from the app, and the export with the map's own names.
 */
describe('journey map: heat, surveys at touchpoints, export', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId = '';
  let base = '';
  let journeyId = '';
  const tp: Record<string, string> = {};
  const errors: string[] = [];

  /** A published one-question survey of the given question type. */
  async function survey(name: string, type: 'nps' | 'csat') {
    const s = await callApi<{ id: string }>(page, 'POST', `${base}/surveys`, { name });
    await callApi(page, 'PATCH', `${base}/surveys/${s.id}`, {
      draft: {
        languages: ['fi'],
        defaultLanguage: 'fi',
        title: { fi: name },
        questions: [{ key: type, type, text: { fi: 'Kysymys' } }],
        thankYou: { message: { fi: 'Kiitos' } },
      },
    });
    await callApi(page, 'POST', `${base}/surveys/${s.id}/publish`);
    return s.id;
  }

  /** `counts[score]` answers of `score` at a touchpoint. */
  async function answer(surveyId: string, key: string, touchpointId: string, counts: number[][]) {
    const responses = counts.flatMap(([score, n]) =>
      Array.from({ length: n! }, () => ({ surveyId, touchpointId, answers: { [key]: score } })),
    );
    for (let i = 0; i < responses.length; i += 200)
      await callApi(page, 'POST', `${base}/responses/batch`, {
        responses: responses.slice(i, i + 200),
      });
  }

  const card = (name: string) => page.locator(`[data-touchpoint="${tp[name]}"]`);
  async function openMap() {
    await page.goto(`${polku.url}/w/${workspaceId}/journeys/${journeyId}?metric=nps&period=12m`);
    await page.getByTestId('journey-average').waitFor();
  }

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    browser = await launchChromium();
    page = await polku.newPage(browser, {
      bypassCSP: true,
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack?.slice(0, 1500)}`));
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
    workspaceId = /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    base = `/api/v1/workspaces/${workspaceId}`;
    // A journey of our own, so the figures are exactly ours.
    const j = await callApi<{ id: string }>(page, 'POST', `${base}/journeys`, {
      name: 'Lämpökartta',
    });
    journeyId = j.id;
    const stage = await callApi<{ id: string }>(page, 'POST', `${base}/journeys/${j.id}/stages`, {
      name: 'Osto',
    });
    for (const name of ['Verkkokassa', 'Kuitti', 'Palautus', 'Reklamaatio', 'Nouto'])
      tp[name] = (
        await callApi<{ id: string }>(page, 'POST', `${base}/journeys/${j.id}/touchpoints`, {
          stageId: stage.id,
          name,
          channel: 'web',
          subExperience: 'purchase',
        })
      ).id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  it('grades heat on the NPS scale: −4.8 points is near, a big gap on a tiny n is not “clearly”', async () => {
    const nps = await survey('Lämpö-NPS', 'nps');
    // Verkkokassa NPS 12.0 (100 promoters, 80 passives, 70 detractors of 250) and Kuitti 21.6
    // (112/80/58): the journey's pooled NPS is 16.8, so Verkkokassa is 4.8 points below it.
    await answer(nps, 'nps', tp.Verkkokassa!, [
      [10, 100],
      [8, 80],
      [2, 70],
    ]);
    await answer(nps, 'nps', tp.Kuitti!, [
      [10, 112],
      [8, 80],
      [2, 58],
    ]);
    await openMap();
    const checkout = card('Verkkokassa');
    await checkout.getByTestId('touchpoint-score').waitFor();
    expect(await checkout.getByTestId('touchpoint-score').textContent()).toBe('12,0');
    expect(await page.getByTestId('journey-average').textContent()).toContain('16,8');
    // On the question's 0–10 scale this was "▼▼ selvästi alle"; on NPS points it is near.
    expect(await checkout.locator('[data-level]').getAttribute('data-level')).toBe('near');
    expect(await checkout.locator('[data-level]').textContent()).toContain('● lähellä');
    expect(await checkout.locator('[data-level]').textContent()).not.toContain('selvästi');

    // Ten detractors at Palautus: NPS −100, far below, but n = 10 is never "clearly".
    await answer(nps, 'nps', tp.Palautus!, [[0, 10]]);
    // A hundred at Reklamaatio: the same −100 with a narrow interval is clearly below.
    await answer(nps, 'nps', tp.Reklamaatio!, [[1, 100]]);
    await openMap();
    const returns = card('Palautus');
    await returns.getByTestId('small-sample').waitFor();
    expect(await returns.locator('[data-level]').getAttribute('data-level')).toBe('below');
    expect(await returns.locator('[data-level]').textContent()).toContain('▼ alle');
    const complaint = card('Reklamaatio');
    expect(await complaint.locator('[data-level]').getAttribute('data-level')).toBe('muchBelow');
    expect(await complaint.locator('[data-level]').textContent()).toContain('▼▼ selvästi alle');
    expect(errors).toEqual([]);
  }, 120_000);

  it('says which metric a card has no answers to, and which it has', async () => {
    const csat = await survey('Lämpö-CSAT', 'csat');
    await answer(csat, 'csat', tp.Nouto!, [
      [5, 700],
      [4, 399],
    ]);
    await openMap();
    const pickup = card('Nouto');
    await pickup.getByTestId('touchpoint-others').waitFor();
    expect(await pickup.locator('[data-level]').textContent()).toContain('Ei NPS-vastauksia');
    // The other metrics' counts arrive with their own queries.
    await pickup.getByTestId('touchpoint-others').filter({ hasText: 'CSAT' }).waitFor();
    const others = (await pickup.getByTestId('touchpoint-others').textContent())!;
    expect(others.replace(/\s/g, ' ')).toBe('CSAT-vastauksia 1 099');
    expect(await pickup.getByTestId('touchpoint-n').count()).toBe(0);
    // A card with answers keeps n and its volume, as plural forms with Intl numbers.
    expect(await card('Kuitti').getByTestId('touchpoint-n').textContent()).toBe('n = 250');
    expect(await card('Kuitti').textContent()).toContain('250 vastausta');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('attaches a survey to a touchpoint from the link form and from the touchpoint dialog', async () => {
    const linked = await survey('Noutokysely', 'nps');
    const attached = await survey('Kuittikysely', 'nps');
    // From the survey's link form: the touchpoint by name, grouped by journey and stage.
    await page.goto(`${polku.url}/w/${workspaceId}/surveys/${linked}`);
    const linkForm = page.getByRole('form', { name: 'Uusi linkki' });
    await linkForm.getByRole('textbox', { name: 'Nimi' }).fill('Noutotiskin QR');
    const picker = linkForm.getByRole('combobox', { name: 'Kosketuspiste' });
    await picker.locator(`option[value="${tp.Nouto}"]`).waitFor({ state: 'attached' });
    expect(
      await picker
        .locator(`optgroup[label="Lämpökartta › Osto"] option[value="${tp.Nouto}"]`)
        .textContent(),
    ).toBe('Nouto');
    await picker.selectOption({ label: 'Nouto' });
    await linkForm.getByRole('button', { name: 'Luo linkki' }).click();
    const row = page.getByRole('row', { name: /Noutotiskin QR/ });
    await row.waitFor();
    const linkTouchpoint = row.getByRole('combobox', {
      name: 'Linkin Noutotiskin QR kosketuspiste',
    });
    expect(await linkTouchpoint.inputValue()).toBe(tp.Nouto);

    // The map shows what listens at Nouto, and its dialog names the link and its survey.
    await openMap();
    const pickup = card('Nouto');
    await pickup.getByTestId('touchpoint-listening').waitFor();
    expect(await pickup.getByTestId('touchpoint-listening').textContent()).toBe(
      'Kuuntelee täällä: 1 linkki',
    );
    await pickup.getByRole('button', { name: 'Nouto', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('touchpoint-surveys').waitFor();
    expect(await dialog.getByTestId('touchpoint-surveys').textContent()).toContain(
      'Linkki Noutotiskin QR · Noutokysely',
    );
    await page.keyboard.press('Escape');

    // From the touchpoint dialog: choose a survey and attach it in one step.
    const receipt = card('Kuitti');
    await receipt.getByRole('button', { name: 'Kuitti', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Liitettävä kysely' }).selectOption({
      label: 'Kuittikysely',
    });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Liitä kysely' }).click();
    await dialog.getByText('Kysely: Kuittikysely').waitFor();
    const saved = await callApi<{ touchpointId: string | null }>(
      page,
      'GET',
      `${base}/surveys/${attached}`,
    );
    expect(saved.touchpointId).toBe(tp.Kuitti);
    await page.keyboard.press('Escape');
    await receipt.getByTestId('touchpoint-listening').waitFor();
    expect(await receipt.getByTestId('touchpoint-listening').textContent()).toBe(
      'Kuuntelee täällä: 1 kysely',
    );
    // …and it stays there after a reload.
    await openMap();
    expect(await card('Kuitti').getByTestId('touchpoint-listening').textContent()).toBe(
      'Kuuntelee täällä: 1 kysely',
    );

    // A link's touchpoint can be changed afterwards, in its row of the link table.
    await page.goto(`${polku.url}/w/${workspaceId}/surveys/${linked}`);
    const moved = page
      .getByRole('row', { name: /Noutotiskin QR/ })
      .getByRole('combobox', { name: 'Linkin Noutotiskin QR kosketuspiste' });
    await moved.locator(`option[value="${tp.Kuitti}"]`).waitFor({ state: 'attached' });
    await moved.selectOption({ label: 'Kuitti' });
    await expect
      .poll(async () => {
        const links = await callApi<{ items: { name: string; touchpointId: string | null }[] }>(
          page,
          'GET',
          `${base}/surveys/${linked}/links`,
        );
        return links.items.find((l) => l.name === 'Noutotiskin QR')?.touchpointId;
      })
      .toBe(tp.Kuitti);
    expect(await axeViolations(page)).toEqual([]);
    await openMap();
    await card('Nouto').waitFor();
    expect(await card('Nouto').getByTestId('touchpoint-listening').count()).toBe(0);
    expect(await card('Kuitti').getByTestId('touchpoint-listening').textContent()).toBe(
      'Kuuntelee täällä: 1 kysely · 1 linkki',
    );
    expect(errors).toEqual([]);
  }, 120_000);

  it('exports the map with its lane names and the live metric', async () => {
    // The export's labels are the map's, in every language.
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const messages = await appMessages(lang);
      const l = exportLabels[lang];
      expect(l.lanes, lang).toEqual(messages.journeys.map.lanes);
      expect(l.lineOfVisibility, lang).toBe(messages.journeys.map.lineOfVisibility);
      expect(l.touchpoints, lang).toBe(messages.journeys.map.touchpointsLane);
      expect(l.stages, lang).toBe(messages.journeys.map.stageColumn);
      expect(l.channels, lang).toEqual(messages.journeys.channels);
      expect(l.owners, lang).toEqual(messages.journeys.owners);
      expect(l.subExperiences, lang).toEqual(messages.journeys.subExperiences);
    }
    await openMap();
    // The lane names the map shows are the ones the export writes.
    const shown = (
      await page.locator('.jm-labels .jm-label, .jm-labels .jm-visibility').allTextContents()
    ).map((s) => s.trim());
    const l = exportLabels.fi;
    for (const name of [...Object.values(l.lanes), l.lineOfVisibility, l.touchpoints, l.stages])
      expect(shown).toContain(name);

    const checkbox = page.getByRole('checkbox', { name: 'Kuvaan myös NPS-luvut' });
    expect(await checkbox.isChecked()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 45_000 }),
      page.getByRole('button', { name: 'Lataa PDF' }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The PDF's text: the lane names as the map shows them, the cards and their live metric.
    // Skia writes some spaces as glyph positions, not characters: compared without spaces.
    const bare = (x: string) => x.replace(/\s+/g, '');
    const text = bare(pdfText(pdf));
    for (const name of [...Object.values(l.lanes), l.lineOfVisibility, l.touchpoints])
      expect(text).toContain(bare(name));
    expect(text).toContain('Verkkokassa');
    expect(text).toContain(bare('NPS 12,0'));
    expect(text).toContain(bare('NPS −100,0 ▼▼ selvästi alle polun keskiarvo −4,3 · n = 100'));
    expect(text).toContain(bare('NPS −100,0 ▼ alle polun keskiarvo −4,3 · n = 10'));
    expect(text).toContain(bare('Ei NPS-vastauksia'));
    // Without the metric the export draws the map alone.
    await checkbox.uncheck();
    const [plain] = await Promise.all([
      page.waitForEvent('download', { timeout: 45_000 }),
      page.getByRole('button', { name: 'Lataa PDF' }).click(),
    ]);
    const plainText = pdfText(readFileSync(await plain.path()));
    expect(plainText).toContain('Verkkokassa');
    expect(bare(plainText)).not.toContain(bare('NPS 12,0'));
    expect(errors).toEqual([]);
  }, 120_000);
});
