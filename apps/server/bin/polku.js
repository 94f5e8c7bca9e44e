#!/usr/bin/env node
// The `polku` command. Runs the compiled server (npm run build makes it).
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('polku: the server is not built yet. Run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(main.href);
