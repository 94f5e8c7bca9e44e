// Takes the docs' screenshots, in Finnish: the README's (docs/screenshot.png), the demo flower
// shop's NPS in the analytics explorer (interval band, target line); and the demo journey map with
// its live NPS (docs/journey-map.png).
// Run: npx tsx --conditions=polku-source test/e2e/screenshot.ts (after `node scripts/build.mjs`)
import { assertPrerequisites, launchChromium, signIn, startPolku, startSmtp } from './harness.js';

assertPrerequisites();
const smtp = await startSmtp();
const polku = await startPolku({ smtpPort: smtp.port, demo: true });
const browser = await launchChromium();
try {
  const page = await polku.newPage(browser, {
    viewport: { width: 1280, height: 1180 },
    locale: 'fi-FI',
  });
  await page.goto(`${polku.url}/login`);
  await signIn(page);
  await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
  const workspaceId = /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await page.goto(`${polku.url}/w/${workspaceId}/analytics?period=24m&by=quarter`);
  await page.locator('svg path').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800); // the chart's entry animation
  await page.screenshot({ path: new URL('../../docs/screenshot.png', import.meta.url).pathname });

  const journeys = await page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    return (await res.json()) as { items: { id: string; name: string }[] };
  }, `${polku.url}/api/v1/workspaces/${workspaceId}/journeys`);
  const journey = journeys.items.find((j) => j.name === 'Kukkalahjan polku')!;
  await page.setViewportSize({ width: 1600, height: 1250 });
  await page.goto(`${polku.url}/w/${workspaceId}/journeys/${journey.id}?metric=nps&period=12m`);
  await page
    .getByText(/n = \d+/)
    .first()
    .waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: new URL('../../docs/journey-map.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await polku.close();
  await smtp.close();
}
