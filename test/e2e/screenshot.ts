// Takes the README's screenshot (docs/screenshot.png): the demo flower shop's responses, in Finnish.
// Run: npx tsx --conditions=polku-source test/e2e/screenshot.ts (after `node scripts/build.mjs`)
import { assertPrerequisites, launchChromium, signIn, startPolku, startSmtp } from './harness.js';

assertPrerequisites();
const smtp = await startSmtp();
const polku = await startPolku({ smtpPort: smtp.port, demo: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`${polku.url}/login`);
  await signIn(page);
  await page.getByRole('link', { name: 'Vastaukset' }).click();
  await page.getByRole('row').nth(5).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: new URL('../../docs/screenshot.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await polku.close();
  await smtp.close();
}
