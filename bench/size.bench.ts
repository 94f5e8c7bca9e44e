/**
 * Bytes a respondent downloads: the first respondent page of the demo NPS survey (HTML with
 * its inline CSS, plus the enhancement script) and the website widget, gzipped, each beside
 * its budget (20 KB and 10 KB) as the baseline.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildApp, createRuntime, ensureDemo, loadConfig } from '@polku/server';
import { pino } from 'pino';
import { progress, report } from './support.js';

const PAGE_BUDGET = 20 * 1024;
const WIDGET_BUDGET = 10 * 1024;

const config = loadConfig({
  POLKU_DATA_DIR: mkdtempSync(join(tmpdir(), 'polku-size-')),
  LOG_LEVEL: 'silent',
});
const runtime = await createRuntime(config, pino({ level: 'silent' }));
try {
  progress('size: seeding the demo');
  const demo = await ensureDemo(runtime);
  const app = await buildApp({ ...runtime, logger: false });
  const ctx = {
    workspace: (await runtime.store.workspaces.findById(demo.workspaceId))!,
    actor: { kind: 'user' as const, userId: '', role: 'owner' as const },
    ip: null,
  };
  const [survey] = (await runtime.services.surveys.list(ctx)).filter(
    (s) => s.status === 'published',
  );
  const [link] = await runtime.services.surveys.listLinks(ctx, survey!.id);
  const page = await app.inject({ method: 'GET', url: `/s/${link!.token}` });
  const script = /<script src="([^"]+)"/.exec(page.body)?.[1];
  const js = script ? (await app.inject({ method: 'GET', url: script })).body : '';
  report('respondent.first_page.gzip', gzipSync(page.body + js).length, 'bytes', PAGE_BUDGET);
  const widget = readFileSync(
    fileURLToPath(new URL('../apps/widget/dist/polku-widget.js', import.meta.url)),
  );
  report('widget.gzip', gzipSync(widget).length, 'bytes', WIDGET_BUDGET);
  await app.close();
} finally {
  await runtime.close();
}
