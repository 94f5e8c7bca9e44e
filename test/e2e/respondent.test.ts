import type { SurveyDefinitionInput } from '@polku/contracts';
import { surveyDefinitionSchema } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  axeViolations,
  launchChromium,
  startPolku,
  startSmtp,
} from './harness.js';

const t3 = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** Every question type, over four pages; NPS is required so the error state can be audited. */
const everyType: SurveyDefinitionInput = {
  languages: ['fi', 'sv', 'en'],
  defaultLanguage: 'fi',
  title: t3('Kaikki kysymystyypit', 'Alla frågetyper', 'Every question type'),
  intro: t3('Kiitos, että vastaat.', 'Tack för att du svarar.', 'Thank you for answering.'),
  questions: [
    {
      key: 'nps',
      type: 'nps',
      required: true,
      text: t3('Suosittelisitko meitä?', 'Rekommendera oss?', 'Would you recommend us?'),
      help: t3('0 = en, 10 = varmasti', '0 = nej, 10 = säkert', '0 = no, 10 = surely'),
    },
    { key: 'csat', type: 'csat', text: t3('Tyytyväinen?', 'Nöjd?', 'Satisfied?') },
    { key: 'ces', type: 'ces', text: t3('Asiointi oli helppoa.', 'Det var lätt.', 'It was easy.') },
    {
      key: 'rating',
      type: 'rating',
      points: 5,
      text: t3('Arvioi palvelu', 'Betygsätt servicen', 'Rate the service'),
      lowLabel: t3('Huono', 'Dålig', 'Poor'),
      highLabel: t3('Erinomainen', 'Utmärkt', 'Excellent'),
    },
    {
      key: 'spend',
      type: 'numeric',
      unit: t3('€', '€', '€'),
      min: 0,
      max: 500,
      decimals: 2,
      text: t3('Paljonko käytit?', 'Hur mycket spenderade du?', 'How much did you spend?'),
    },
    {
      key: 'zero_to_ten',
      type: 'rating',
      points: 11,
      scaleStart: 0,
      text: t3('Asteikolla 0–10', 'På en skala 0–10', 'On a scale of 0 to 10'),
    },
    {
      key: 'feelings',
      type: 'emotion',
      newPage: true,
      text: t3('Miltä sinusta tuntui?', 'Hur kändes det?', 'How did you feel?'),
    },
    {
      key: 'exp',
      type: 'expectation',
      text: t3('Odotukset ja kokemus', 'Förväntan och upplevelse', 'Expectation and outcome'),
    },
    {
      key: 'goal',
      type: 'goal',
      text: t3('Saitko asiasi hoidettua?', 'Fick du det gjort?', 'Did you get it done?'),
    },
    {
      key: 'channel',
      type: 'single',
      newPage: true,
      text: t3('Miten asioit?', 'Hur hade du kontakt?', 'How did you contact us?'),
      options: [
        { key: 'shop', label: t3('Myymälässä', 'I butiken', 'In the shop') },
        { key: 'web', label: t3('Verkossa', 'På nätet', 'Online') },
      ],
    },
    {
      key: 'liked',
      type: 'multiple',
      maxChoices: 2,
      text: t3('Mistä pidit?', 'Vad gillade du?', 'What did you like?'),
      options: [
        { key: 'staff', label: t3('Henkilökunta', 'Personalen', 'The staff') },
        { key: 'price', label: t3('Hinta', 'Priset', 'The price') },
        { key: 'range', label: t3('Valikoima', 'Sortimentet', 'The range') },
      ],
    },
    { key: 'reason', type: 'text', text: t3('Kerro lisää', 'Berätta mer', 'Tell us more') },
    {
      key: 'name',
      type: 'text',
      multiline: false,
      maxLength: 100,
      text: t3('Nimesi', 'Ditt namn', 'Your name'),
    },
    {
      key: 'delivery',
      type: 'kano',
      newPage: true,
      text: t3('Kotiinkuljetus', 'Hemleverans', 'Home delivery'),
      feature: t3('kotiinkuljetus', 'hemleverans', 'home delivery'),
    },
    {
      key: 'incident',
      type: 'incident',
      text: t3('Muistele tilannetta', 'Tänk på ett tillfälle', 'Think of a moment'),
      stages: [
        { key: 'order', label: t3('Tilaus', 'Beställning', 'Order') },
        { key: 'delivery', label: t3('Toimitus', 'Leverans', 'Delivery') },
      ],
    },
    {
      key: 'other',
      type: 'incident',
      text: t3('Toinen tilanne', 'En annan situation', 'Another moment'),
    },
  ],
  thankYou: { message: t3('Kiitos!', 'Tack!', 'Thanks!'), rules: [] },
};

/** A two-page survey: a required NPS, then the reason. */
const twoPages: SurveyDefinitionInput = {
  languages: ['fi', 'en'],
  defaultLanguage: 'fi',
  title: t3('Suosittelukysely', 'Rekommendation', 'Recommendation survey'),
  questions: [
    {
      key: 'nps',
      type: 'nps',
      required: true,
      text: t3('Suosittelisitko meitä?', 'Rekommendera?', 'Would you recommend us?'),
    },
    {
      key: 'reason',
      type: 'text',
      newPage: true,
      text: t3('Mikä on tärkein syy arvioosi?', 'Varför?', 'Why?'),
    },
  ],
  thankYou: { message: t3('Kiitos vastauksestasi!', 'Tack!', 'Thanks!'), rules: [] },
};

describe('respondent pages in Chromium', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ctx: WorkspaceContext;

  beforeAll(async () => {
    assertPrerequisites();
    smtp = await startSmtp();
    polku = await startPolku({ smtpPort: smtp.port, demo: false });
    browser = await launchChromium();
    const { services, store } = polku.runtime;
    const user = await services.auth.createAccount({
      name: 'Owner',
      email: 'respondent-e2e@example.com',
      password: 'secret-password-1',
      language: 'fi',
    });
    const ws = await services.workspaces.create(
      user.id,
      {
        name: 'Kukkakauppa',
        timeZone: 'Europe/Helsinki',
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: 'fi',
      },
      null,
    );
    ctx = {
      workspace: (await store.workspaces.findById(ws.id))!,
      actor: { kind: 'user', userId: user.id, role: 'owner' },
      ip: null,
    };
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
    await smtp?.close();
  });

  /** Publishes a survey with one link; returns its URL and the survey id. */
  async function publish(definition: SurveyDefinitionInput) {
    const s = polku.runtime.services.surveys;
    const survey = await s.create(ctx, {
      name: 'E2E survey',
      purpose: 'transactional',
      touchpointId: null,
      languages: ['fi', 'sv', 'en'],
      defaultLanguage: 'fi',
    });
    await s.update(ctx, survey.id, { draft: surveyDefinitionSchema.parse(definition) });
    await s.publish(ctx, survey.id);
    const link = await s.createLink(ctx, survey.id, {
      name: 'Web',
      channel: 'web',
      touchpointId: null,
    });
    return { url: `${polku.url}/s/${link.token}`, surveyId: survey.id };
  }

  it('completes a two-page survey with JavaScript turned off', async () => {
    const { url, surveyId } = await publish(twoPages);
    const context = await polku.newContext(browser, { javaScriptEnabled: false, locale: 'fi-FI' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fi');
    await page.getByText('Sivu 1/2').waitFor();

    // Next without an answer: the error summary links to the question.
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByRole('link', { name: /Vastaa tähän kysymykseen/ }).waitFor();

    await page.getByRole('radio', { name: '9', exact: true }).check();
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByText('Sivu 2/2').waitFor();
    await page
      .getByRole('textbox', { name: 'Mikä on tärkein syy arvioosi?' })
      .fill('Ystävällinen palvelu');
    await page.getByRole('button', { name: 'Lähetä' }).click();
    await page.getByRole('heading', { name: 'Kiitos!', level: 1 }).waitFor();
    await page.getByText('Kiitos vastauksestasi!').waitFor();
    await context.close();

    expect(requests.some((p) => p.startsWith('/assets/'))).toBe(false); // never the staff bundle
    const { items } = await polku.runtime.services.responses.list(ctx, { surveyId, limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'complete',
      answers: { nps: 9, reason: 'Ystävällinen palvelu' },
    });
  });

  it('has no WCAG 2.1 A/AA violations on any page of a survey with every question type', async () => {
    const { url, surveyId } = await publish(everyType);
    const context = await polku.newContext(browser, { bypassCSP: true, locale: 'fi-FI' }); // bypassCSP lets axe run
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const found: string[] = [];
    const audit = async (name: string) =>
      found.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));

    await page.goto(url);
    await page.getByText('Sivu 1/4').waitFor();
    await audit('page 1');
    // A numeric answer with a decimal comma and one decimal too many: refused with the rule.
    const spend = page.getByRole('textbox', { name: 'Paljonko käytit?' });
    await spend.fill('12,345');
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByRole('heading', { name: 'Tarkista vastauksesi' }).waitFor();
    // The error summary takes focus, so a screen reader reads it first.
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('errors');
    await audit('page 1 with an error');
    await page
      .getByRole('link', {
        name: 'Paljonko käytit? – Anna luku väliltä 0–500, enintään 2 desimaalia.',
      })
      .waitFor();
    expect(await spend.inputValue()).toBe('12,345');

    await page.getByRole('radio', { name: /^7$/ }).first().check();
    await spend.fill('34,90');
    await page.getByRole('radio', { name: '0', exact: true }).last().check();
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.getByText('Sivu 2/4').waitFor();
    // The enhancement script shows a feeling's intensity only once the feeling is picked.
    const intensity = page.getByRole('group', { name: 'Kuinka voimakkaasti: Iloinen' });
    await expect.poll(() => intensity.isVisible()).toBe(false);
    await page.getByRole('checkbox', { name: 'Iloinen' }).check();
    await expect.poll(() => intensity.isVisible()).toBe(true);
    await audit('page 2');
    for (const n of [3, 4]) {
      await page.getByRole('button', { name: 'Seuraava' }).click();
      await page.getByText(`Sivu ${n}/4`).waitFor();
      await audit(`page ${n}`);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Page 4 of 4').waitFor();
    await audit('page 4 in English');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await audit('thank-you page');
    await context.close();

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    const { items } = await polku.runtime.services.responses.list(ctx, { surveyId, limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'complete', language: 'en' });
    expect(items[0]!.answers).toMatchObject({
      nps: 7,
      spend: 34.9,
      zero_to_ten: 0,
      feelings: [{ emotion: 'happy' }],
    });
  });
});
