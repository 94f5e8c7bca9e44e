/**
 * Bytes the staff app downloads on a first load of each route, gzipped (and brotli, as the
 * server sends them precompressed), each beside its target as the baseline: the login page
 * ≤ 200 KiB, any other page ≤ 300 KiB including its charts.
 *
 * What a route loads is read from Vite's manifest (apps/web/dist/.vite/manifest.json): the
 * entry's chunk with its static imports and their CSS, the Finnish strings (the language a
 * first visit starts in), and for a signed-in page the lazy shell and the page's own chunk,
 * plus the chunks its code imports dynamically (its charts), each with their static imports.
 * The entry's own dynamic imports are the other pages and languages: they are not followed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { progress, report } from './support.js';

const KiB = 1024;
const LOGIN_TARGET = 200 * KiB;
const PAGE_TARGET = 300 * KiB;

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const dist = fileURLToPath(new URL('../apps/web/dist/', import.meta.url));

// The figures are of the current sources: build what is stale (nothing, usually).
const built = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: ['ignore', 2, 'inherit'], // its messages go with the progress, on stderr
});
if (built.status !== 0) throw new Error('bundle: the build failed');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

const ENTRY = 'index.html';
const SHELL = 'src/pages/app/app-layout.tsx';
const LANGUAGE = 'src/locales/fi.ts';

/** Files (JS and CSS) a set of manifest keys loads; see the header for which imports count. */
function filesOf(keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string, followDynamic: boolean) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bundle: ${key} is not in the manifest`);
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported, followDynamic);
    // The entry's and the shell's dynamic imports are other pages: never part of this one.
    if (followDynamic && key !== ENTRY && key !== SHELL)
      for (const lazy of chunk.dynamicImports ?? []) visit(lazy, followDynamic);
  };
  visit(ENTRY, false);
  for (const key of keys) if (key in manifest) visit(key, key !== LANGUAGE);
  return files;
}

// Before the split, the shell and the strings were in the entry: a key that is not in the
// manifest is then simply part of the entry already.
const signedIn = (page: string) => [LANGUAGE, SHELL, page];
const routes: { name: string; keys: string[]; target: number }[] = [
  { name: 'login', keys: [LANGUAGE], target: LOGIN_TARGET },
  { name: 'home', keys: signedIn('src/pages/analytics/home-page.tsx'), target: PAGE_TARGET },
  {
    name: 'analytics',
    keys: signedIn('src/pages/analytics/explorer-page.tsx'),
    target: PAGE_TARGET,
  },
  {
    name: 'drivers',
    keys: signedIn('src/pages/analyses/drivers-page.tsx'),
    target: PAGE_TARGET,
  },
  {
    name: 'journey_map',
    keys: signedIn('src/pages/journeys/journey-routes.tsx'),
    target: PAGE_TARGET,
  },
  {
    name: 'observed',
    keys: signedIn('src/pages/observed/observed-page.tsx'),
    target: PAGE_TARGET,
  },
  { name: 'surveys', keys: signedIn('src/pages/surveys/survey-routes.tsx'), target: PAGE_TARGET },
  {
    name: 'responses',
    keys: signedIn('src/pages/responses/responses-page.tsx'),
    target: PAGE_TARGET,
  },
  {
    name: 'settings',
    keys: signedIn('src/pages/settings/settings-routes.tsx'),
    target: PAGE_TARGET,
  },
];

const sizes = new Map<string, { gzip: number; br: number }>();
function sizeOf(file: string) {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(join(dist, file));
    size = {
      gzip: gzipSync(bytes, { level: 9 }).length,
      br: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }).length,
    };
    sizes.set(file, size);
  }
  return size;
}

for (const route of routes) {
  const files = [...filesOf(route.keys)];
  const gzip = files.reduce((sum, f) => sum + sizeOf(f).gzip, 0);
  const br = files.reduce((sum, f) => sum + sizeOf(f).br, 0);
  progress(
    `bundle: ${route.name.padEnd(12)} ${(gzip / KiB).toFixed(1).padStart(6)} KiB gzip, ` +
      `${(br / KiB).toFixed(1).padStart(6)} KiB br (target ${route.target / KiB} KiB, ` +
      `${files.length} files)`,
  );
  report(`bundle.${route.name}.gzip`, gzip, 'bytes', route.target);
  report(`bundle.${route.name}.br`, br, 'bytes', route.target);
}
