#!/usr/bin/env node
// Bundles the widget into dist/polku-widget.js: one minified IIFE for ES2019 browsers.
//
//   node build.mjs        (npm run build -w @polku/widget)
//
// Importable too: `await buildWidget()` resolves to the output's size in bytes, raw and gzipped.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const widgetOutfile = join(here, 'dist', 'polku-widget.js');

export async function buildWidget() {
  mkdirSync(dirname(widgetOutfile), { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, 'src', 'main.ts')],
    outfile: widgetOutfile,
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    conditions: ['polku-source'],
    logLevel: 'warning',
  });
  const body = readFileSync(widgetOutfile);
  return { bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

const invokedDirectly =
  process.argv[1] && relative(fileURLToPath(import.meta.url), process.argv[1]) === '';
if (invokedDirectly) {
  try {
    const { bytes, gzipBytes } = await buildWidget();
    console.log(
      `widget: ${relative(process.cwd(), widgetOutfile)} ${bytes} B, ${gzipBytes} B gzipped`,
    );
  } catch (err) {
    console.error(`widget: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
