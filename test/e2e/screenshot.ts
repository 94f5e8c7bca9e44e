// Takes the README's screenshot (docs/screenshot.png): the demo flower shop's NPS in the analytics
// explorer (interval band, target line), in Finnish.
// Run: npx tsx --conditions=polku-source test/e2e/screenshot.ts (after `node scripts/build.mjs`)
import { assertPrerequisites, launchChromium, signIn, startPolku, startSmtp } from './harness.js';

assertPrerequisites();
const smtp = await startSmtp();
const polku = await startPolku({ smtpPort: smtp.port, demo: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1180 }, locale: 'fi-FI' });
  await page.goto(`${polku.url}/login`);
  await signIn(page);
  await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
  const workspaceId = /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await page.goto(`${polku.url}/w/${workspaceId}/analytics?period=24m&by=quarter`);
  await page.locator('svg path').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800); // the chart's entry animation
  await page.screenshot({ path: new URL('../../docs/screenshot.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await polku.close();
  await smtp.close();
}
