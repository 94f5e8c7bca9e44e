import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
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

const NPS_SURVEY = 'Suositteluhalukkuus (NPS)';

/** How far the month of `day` has come: its day of the month, and all its days. */
function monthSoFar(day: string): { days: number; ofDays: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { days: d, ofDays: new Date(Date.UTC(y, m, 0)).getUTCDate() };
}

describe('the analytics explorer and the workspace home page', () => {
  let browser: Browser;
  let polku: Awaited<ReturnType<typeof startPolku>>;
  let page: Page;
  let workspaceId: string;
  let npsSurveyId: string;
  const errors: string[] = [];

  beforeAll(async () => {
    assertPrerequisites();
    polku = await startPolku({ demo: true });
    workspaceId = polku.demo!.workspaceId;
    const survey = await polku.runtime.database.db
      .selectFrom('surveys')
      .select('id')
      .where('workspaceId', '=', workspaceId)
      .where('name', '=', NPS_SURVEY)
      .executeTakeFirstOrThrow();
    npsSurveyId = survey.id;
    browser = await launchChromium();
    // bypassCSP lets axe-core's script run under our CSP; downloads are kept for the CSV check.
    page = await polku.newPage(browser, { bypassCSP: true, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack?.slice(0, 1500)}`));
    await page.goto(`${polku.url}/login`);
    await signIn(page);
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
  });
  afterAll(async () => {
    await browser?.close();
    await polku?.close();
  });

  /**
   * Complete answers to the NPS question in the period, per channel, counted straight from the
   * answer table: what the explorer's n must be (the server reads rollups, this does not).
   */
  async function npsAnswers(from: string, to: string, language?: string) {
    let q = polku.runtime.database.db
      .selectFrom('answers as a')
      .innerJoin('responses as r', (j) =>
        j.onRef('r.workspaceId', '=', 'a.workspaceId').onRef('r.id', '=', 'a.responseId'),
      )
      .select(['a.channel', sql<number>`count(*)`.as('n')])
      .where('a.workspaceId', '=', workspaceId)
      .where('a.surveyId', '=', npsSurveyId)
      .where('a.questionKey', '=', 'nps')
      .where('r.status', '=', 'complete')
      .where('a.day', '>=', from)
      .where('a.day', '<=', to)
      .groupBy('a.channel');
    if (language) q = q.where('a.language', '=', language);
    const rows = await q.execute();
    return Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  }

  const controls = () => page.getByRole('form', { name: 'Näkymän valinnat' });
  const totals = () => page.getByRole('table', { name: /koko aikaväli/ });
  const buckets = () => page.getByTestId('metric-table');
  const numberIn = (text: string | null) => Number((text ?? '').replace(/\s/g, ''));
  /** The n of a group in the whole-period table (the fourth column). */
  async function totalN(group: string): Promise<number> {
    const row = totals().getByRole('row', { name: new RegExp(`^${group}`) });
    return numberIn(await row.getByRole('cell').nth(2).textContent());
  }
  async function period(): Promise<{ from: string; to: string }> {
    return {
      from: await controls().getByLabel('Alkaen').inputValue(),
      to: await controls().getByLabel('Päättyen').inputValue(),
    };
  }

  it('shows NPS by month broken down by channel: a chart, a legend and tables with n', async () => {
    await page.getByRole('link', { name: 'Analytiikka' }).click();
    await page.getByRole('heading', { name: 'Analytiikka', level: 1 }).waitFor();
    await controls().getByLabel('Kysely').selectOption({ label: NPS_SURVEY });
    await controls().getByLabel('Kysymys').selectOption('nps');
    expect(await controls().getByLabel('Jakso').inputValue()).toBe('month');
    await controls().getByLabel('Jaottelu').selectOption('channel');
    await totals()
      .getByRole('row', { name: /^Verkko/ })
      .waitFor();

    const url = new URL(page.url());
    expect(url.searchParams.get('survey')).toBe(npsSurveyId);
    expect(url.searchParams.get('question')).toBe('nps');
    expect(url.searchParams.get('breakdown')).toBe('channel');

    // The chart: an SVG with one line per channel, the legend as text.
    const chart = page.getByTestId('metric-chart');
    expect(await chart.getAttribute('aria-label')).toContain('viivakaavio');
    expect(await chart.locator('svg path').count()).toBeGreaterThan(4);
    const legend = page.getByRole('list').filter({ hasText: 'QR-koodi' }).first();
    expect(await legend.textContent()).toContain('Verkko');

    // n in the tables is the number of complete answers in the period, counted independently.
    const { from, to } = await period();
    expect(from).toMatch(/^\d{4}-\d{2}-01$/);
    // The browser's today is the server's: the period ends where the demo's answers do.
    expect(to).toBe(polku.today());
    const expected = await npsAnswers(from, to);
    expect(expected.web).toBeGreaterThan(100);
    expect(await totalN('Verkko')).toBe(expected.web);
    expect(await totalN('QR-koodi')).toBe(expected.qr);

    // 12 month rows per channel, with counts and n; the per-month n add up to the total.
    const webRows = buckets().getByRole('row').filter({ hasText: 'Verkko' });
    expect(await webRows.count()).toBe(12);
    // The current month is in progress, and says how many of its days it has had; the
    // chart's legend explains its diamond.
    const { days, ofDays } = monthSoFar(to);
    expect(await webRows.last().getByRole('rowheader').textContent()).toContain(
      `kesken, ${days}/${ofDays} päivää`,
    );
    expect(await webRows.first().getByTestId('bucket-coverage').count()).toBe(0);
    await page.getByText(/^Vinoneliö katkoviivan päässä: jakso on vielä kesken/).waitFor();
    let sum = 0;
    for (const row of await webRows.all())
      sum += numberIn(await row.getByRole('cell').nth(3).textContent());
    expect(sum).toBe(expected.web);
    expect(await webRows.first().textContent()).toMatch(/Suosittelijat \d+/);
    // The interval's method is named under the chart.
    expect(await page.getByTestId('method-note').textContent()).toContain('korjattu Wald');
  });

  it('narrows the table when a filter is set (answer language), and keeps the view in the address', async () => {
    const { from, to } = await period();
    const before = await totalN('Verkko');
    await controls().getByLabel('Vastauskielet').click();
    await page.getByRole('listbox').getByRole('option', { name: 'English' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/language=en/);
    const expected = await npsAnswers(from, to, 'en');
    await expect.poll(() => totalN('Verkko'), { timeout: 15_000 }).toBe(expected.web);
    expect(await totalN('Verkko')).toBe(expected.web);
    expect(expected.web).toBeLessThan(before);
    expect(await totalN('QR-koodi')).toBe(expected.qr);

    // The address alone brings the same view back.
    const link = page.url();
    await page.goto('about:blank');
    await page.goto(link);
    await totals()
      .getByRole('row', { name: /^Verkko/ })
      .waitFor();
    expect(await totalN('Verkko')).toBe(expected.web);
    expect(await controls().getByLabel('Jaottelu').inputValue()).toBe('channel');
  });

  it("exports the chart's data as CSV, properly escaped, named by metric and period", async () => {
    const { from, to } = await period();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`polku-nps-nps-month-${from}_${to}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 13)).toEqual([
      'metric',
      'score_name',
      'survey_id',
      'question',
      'group_key',
      'group',
      'bucket',
      'n',
      'score',
      'ci95_low',
      'ci95_high',
      'method',
      'small_sample',
    ]);
    expect(header).toContain('count_promoters');
    expect(header).toContain('change_significant');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(24); // 12 months × 2 channels
    const col = (name: string) => header.indexOf(name);
    const webRows = rows.filter((r) => r[col('group_key')] === 'web');
    const expected = await npsAnswers(from, to, 'en');
    expect(webRows.reduce((s, r) => s + Number(r[col('n')]), 0)).toBe(expected.web);
    for (const r of rows) {
      expect(r[col('metric')]).toBe('nps');
      expect(r[col('survey_id')]).toBe(npsSurveyId);
      expect(r[col('method')]).toBe('adjusted-wald');
      const [n, p, pa, d] = ['n', 'count_promoters', 'count_passives', 'count_detractors'].map(
        (c) => Number(r[col(c)]),
      );
      expect(p! + pa! + d!).toBe(n);
      // A score is the raw NPS of the counts (never 0 for "no answers": then it is empty).
      if (n === 0) expect(r[col('score')]).toBe('');
      else expect(Number(r[col('score')])).toBeCloseTo((100 * (p! - d!)) / n!, 6);
    }
  });

  it('marks a bucket still to come as not started, never as 0 or "no answers"', async () => {
    const { to: today } = await period();
    const [y, m] = today.split('-').map(Number) as [number, number];
    const next = new Date(Date.UTC(y, m, 1)); // the first day of next month
    const nextMonth = next.toISOString().slice(0, 7);
    const link = `${polku.url}/w/${workspaceId}/analytics?survey=${npsSurveyId}&question=nps&from=${today.slice(0, 7)}-01&to=${nextMonth}-10`;
    await page.goto(link);
    await totals().waitFor();
    expect(await controls().getByLabel('Aikaväli').inputValue()).toBe('custom');
    const rows = buckets().getByRole('row');
    expect(await rows.count()).toBe(3); // the header, this month, next month
    // Next month has not started: it says so, instead of "no answers" and n = 0.
    const future = rows.nth(2);
    expect(await future.getByRole('cell').nth(0).textContent()).toBe('ei vielä alkanut');
    expect(await future.getByRole('cell').nth(2).textContent()).toBe('—');
    // Gone back to the filtered view of the earlier tests, for the export.
    await page.goBack();
    await totals()
      .getByRole('row', { name: /^Verkko/ })
      .waitFor();
  });

  it('writes dates as Finnish readers do in the title, the axis and the table (not ISO)', async () => {
    const { from, to } = await period();
    const day = (iso: string) => iso.split('-').map(Number).reverse().join('.');
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    const [ty] = to.split('-').map(Number) as [number];
    // "1.4.2025–28.3.2026": Intl's range, days as 1.4.2025.
    const title = await page.locator('#explorer-result-title').textContent();
    expect(title).toContain(
      fy === ty ? `${day(from).replace(/\.\d{4}$/, '.')}–${day(to)}` : `${day(from)}–${day(to)}`,
    );
    expect(title).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const firstMonth = new Intl.DateTimeFormat('fi', { month: 'long', year: 'numeric' }).format(
      new Date(Date.UTC(fy, fm - 1, 1)),
    );
    expect(firstMonth).toMatch(/^[a-zä]+kuu \d{4}$/); // "huhtikuu 2025"
    await buckets()
      .getByRole('rowheader', { name: new RegExp(`^${firstMonth}`) })
      .first()
      .waitFor();
    // The chart's axis names the months the same way, and no label is clipped at the bottom.
    const chart = page.getByTestId('metric-chart');
    await chart.locator('svg text', { hasText: firstMonth }).first().waitFor();
    const box = (await chart.boundingBox())!;
    for (const label of await chart.locator('svg text').all()) {
      const b = await label.boundingBox();
      if (b) expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
    }
  });

  it('shows the interval of a point standing alone as an error bar', async () => {
    const { to: today } = await period();
    const month = today.slice(0, 7);
    await page.goto(
      `${polku.url}/w/${workspaceId}/analytics?survey=${npsSurveyId}&question=nps&by=month&from=${month}-01&to=${today}`,
    );
    await totals().waitFor();
    expect(await buckets().getByRole('row').count()).toBe(2); // the header and this month
    // The bar: a vertical stroke with two caps, in the line's colour (ECharts draws it as paths).
    const chart = page.getByTestId('metric-chart');
    await expect
      .poll(
        async () =>
          (
            await chart
              .locator('svg path[stroke="#1c7ed6"]')
              .evaluateAll((paths) =>
                paths.map(
                  (p) =>
                    (p as unknown as { getAttribute(name: string): string | null }).getAttribute(
                      'd',
                    ) ?? '',
                ),
              )
          ).filter((d) => /^M\s*([\d.]+)\s+[\d.]+\s*L\s*\1\s+[\d.]+$/.test(d.trim())).length,
      )
      .toBe(1);
    await page.goBack();
    await totals()
      .getByRole('row', { name: /^Verkko/ })
      .waitFor();
  });

  it('says how many test responses the figures leave out', async () => {
    const survey = await polku.runtime.database.db
      .selectFrom('surveys')
      .select(['id', 'createdAt'])
      .where('workspaceId', '=', workspaceId)
      .where('name', '=', 'Palvelupisteiden tyytyväisyys (CSAT)')
      .executeTakeFirstOrThrow();
    const tested = await polku.runtime.database.db
      .selectFrom('responses')
      .select(sql<number>`count(*)`.as('n'))
      .where('workspaceId', '=', workspaceId)
      .where('surveyId', '=', survey.id)
      .where('isTest', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(tested.n)).toBe(3); // the staff tried the gift card's QR code
    const { to: today } = await period();
    const from = new Date(Number(survey.createdAt) - 86_400_000).toISOString().slice(0, 10);
    await page.goto(
      `${polku.url}/w/${workspaceId}/analytics?kind=csat&survey=${survey.id}&question=csat&by=month&from=${from}&to=${today}`,
    );
    await expect
      .poll(() => page.getByTestId('test-responses-excluded').textContent({ timeout: 10_000 }))
      .toBe('Luvuista on jätetty pois 3 testivastausta.');
    // A period without them (the answers imported from before the survey was made) says nothing.
    const earlier = new Date(Number(survey.createdAt) - 7 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(
      `${polku.url}/w/${workspaceId}/analytics?kind=csat&survey=${survey.id}&question=csat&by=month&from=${earlier}&to=${earlier}`,
    );
    await page
      .getByText(/ei ole vastauksia|koko aikaväli/)
      .first()
      .waitFor();
    expect(await page.getByTestId('test-responses-excluded').count()).toBe(0);
  });

  it('draws the target of the metric and scope as a line, and names it in the legend', async () => {
    // A workspace-wide monthly NPS target, set through the API as the signed-in owner.
    const session = (await (await page.request.get(`${polku.url}/api/v1/auth/session`)).json()) as {
      csrfToken: string;
      user: { id: string };
    };
    const created = await page.request.post(
      `${polku.url}/api/v1/workspaces/${workspaceId}/targets`,
      {
        headers: { 'x-csrf-token': session.csrfToken },
        data: {
          name: 'Suositteluhalukkuus kasvuun',
          metric: { kind: 'nps' },
          scope: { kind: 'workspace' },
          period: { kind: 'recurring', every: 'month' },
          target: 45,
          goal: 'Enemmän suosittelijoita',
          ownerUserId: session.user.id,
        },
      },
    );
    expect(created.status()).toBe(201);
    await page.goto(`${polku.url}/w/${workspaceId}/analytics?breakdown=channel`);
    const legend = page.getByRole('list').filter({ hasText: 'QR-koodi' }).first();
    await legend.getByText('Tavoite: Suositteluhalukkuus kasvuun').waitFor();
    // The same target does not apply to one survey's question.
    await page.goto(`${polku.url}/w/${workspaceId}/analytics?survey=${npsSurveyId}&question=nps`);
    await totals().waitFor();
    expect(await page.getByText('Tavoite: Suositteluhalukkuus kasvuun').count()).toBe(0);
    // The home page shows it on the NPS card.
    await page.goto(`${polku.url}/w/${workspaceId}`);
    await page
      .getByRole('article', { name: 'NPS' })
      .getByText(/^Suositteluhalukkuus kasvuun: tavoite 45,0 · /)
      .waitFor();
  });

  it('has no accessibility violations in the explorer', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/analytics?breakdown=channel&language=en`);
    await totals()
      .getByRole('row', { name: /^Verkko/ })
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('gives the Wald NPS interval when the analyst picks it, and names it', async () => {
    await page.goto(`${polku.url}/w/${workspaceId}/analytics?survey=${npsSurveyId}&question=nps`);
    await totals().waitFor();
    await controls().getByLabel('Luottamusväli').selectOption('wald');
    await page.waitForURL(/interval=wald/);
    await expect
      .poll(() => page.getByTestId('method-note').textContent())
      .toMatch(/^Luottamusvälin menetelmä: Wald\. /);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("computes the CSI with the analyst's item weights, names them, and refuses weights that do not add up to 1", async () => {
    const api = (method: string, path: string, body?: object) =>
      callApi<{ id: string }>(page, method, path, body);
    const base = `/api/v1/workspaces/${workspaceId}`;
    const item = (key: string, text: string) => ({
      key,
      type: 'rating',
      points: 10,
      text: { fi: text },
    });
    const survey = await api('POST', `${base}/surveys`, { name: 'ACSI-kysely' });
    await api('PATCH', `${base}/surveys/${survey.id}`, {
      draft: {
        languages: ['fi'],
        defaultLanguage: 'fi',
        title: { fi: 'ACSI' },
        questions: [
          item('overall', 'Kokonaisuus'),
          item('expect', 'Odotukset'),
          item('ideal', 'Ihanne'),
        ],
        thankYou: { message: { fi: 'Kiitos' } },
      },
    });
    await api('POST', `${base}/surveys/${survey.id}/publish`);
    // Means 8, 7, 6 (two answers each), on a fixed past day the view below asks for.
    const day = Date.parse('2024-06-15T12:00:00Z');
    await api('POST', `${base}/responses/batch`, {
      responses: [
        { surveyId: survey.id, submittedAt: day, answers: { overall: 9, expect: 8, ideal: 5 } },
        { surveyId: survey.id, submittedAt: day, answers: { overall: 7, expect: 6, ideal: 7 } },
      ],
    });
    await page.goto(
      `${polku.url}/w/${workspaceId}/analytics?kind=csi&survey=${survey.id}&question=overall,expect,ideal&by=all&from=2024-06-01&to=2024-06-30`,
    );
    await totals().waitFor();
    // Equal weights: (7 + 6 + 5)/27·100 = 66,7.
    expect(await totals().textContent()).toContain('66,7');
    expect(await page.getByTestId('csi-weights-used').textContent()).toContain('yhtä suuret');

    const weights = page.getByTestId('csi-weights');
    await weights.getByLabel('Paino: kokonaistyytyväisyys').fill('0,3885');
    await weights.getByLabel('Paino: odotusten täyttyminen').fill('0,319');
    await weights.getByLabel('Paino: vertailu ihanteeseen').fill('0,2925');
    await weights.getByLabel('Paino: vertailu ihanteeseen').blur();
    await page.waitForURL(/weights=0\.3885%2C0\.319%2C0\.2925/);
    // (7·0,3885 + 6·0,3190 + 5·0,2925)/9·100 = 67,7.
    await expect.poll(() => totals().textContent()).toContain('67,7');
    expect(await page.getByTestId('csi-weights-used').textContent()).toBe(
      'Osioiden painot: 0,3885 · 0,319 · 0,2925',
    );
    expect(await axeViolations(page)).toEqual([]);

    await weights.getByLabel('Paino: vertailu ihanteeseen').fill('0,5');
    await weights.getByLabel('Paino: vertailu ihanteeseen').blur();
    await weights.getByRole('alert').waitFor();
    expect(await weights.getByRole('alert').textContent()).toContain(
      'Nyt painojen summa on 1,2075.',
    );
    // The status line is redrawn after the refusal: wait for it rather than read it at once.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'summa on 1' }).count())
      .toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the home page with headline metrics that link into the explorer', async () => {
    await page.getByRole('link', { name: 'Polku', exact: true }).click();
    await page.getByRole('heading', { name: 'Yleiskuva', level: 1 }).waitFor();
    // The workspace opens on its journeys: the demo journey links to its map.
    const journeys = page.getByRole('region', { name: 'Asiakaspolut' });
    await journeys.getByRole('link', { name: 'Kukkalahjan polku' }).waitFor();
    expect(await journeys.textContent()).toMatch(/8 vaihetta · \d+ kosketuspistettä/);
    for (const metric of ['NPS', 'CSAT', 'CES'])
      await page.getByRole('article', { name: metric }).getByText(/^n = /).waitFor();
    const nps = page.getByRole('article', { name: 'NPS' });
    expect(await nps.getByText(/95 %:n väli/).textContent()).toMatch(/-?\d+,\d … -?\d+,\d/);
    expect(await nps.getByRole('img').getAttribute('aria-label')).toMatch(/NPS kuukausittain/);
    // The card never passes this month so far off as a whole month: it says how far it is,
    // and its change names the period as long as its own that it compares with.
    const { days, ofDays } = monthSoFar(polku.today());
    expect(await nps.getByTestId('home-in-progress-nps').textContent()).toMatch(
      new RegExp(`^Kuluva kuukausi \\(.+\\) on kesken: mukana ${days}/${ofDays} päivää\\.$`),
    );
    expect(await nps.getByRole('img').getAttribute('aria-label')).toContain(
      `(kesken, ${days}/${ofDays} päivää)`,
    );
    expect(await nps.getByTestId('home-change-nps').textContent()).toMatch(
      /^Muutos edelliseen yhtä pitkään jaksoon \(\d{1,2}\.(\d{1,2}\.)?(\d{4})?\s*–\s*\d{1,2}\.\d{1,2}\.\d{4}\): [+\-−]?\d/,
    );
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('article', { name: 'CSAT' }).getByRole('link', { name: 'CSAT' }).click();
    await page.waitForURL(/\/analytics\?kind=csat$/);
    expect(await controls().getByLabel('Mittari').inputValue()).toBe('csat');
    await totals().waitFor();
    expect(await page.getByTestId('method-note').textContent()).toContain('Wilson');
  });

  it('fits a 375 px wide screen without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    await page.goto(
      `${polku.url}/w/${workspaceId}/analytics?survey=${npsSurveyId}&question=nps&breakdown=channel`,
    );
    await totals()
      .getByRole('row', { name: /^Verkko/ })
      .waitFor();
    await page.getByTestId('metric-chart').locator('svg').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(`${polku.url}/w/${workspaceId}`);
    await page.getByRole('article', { name: 'NPS' }).getByText(/^n = /).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
