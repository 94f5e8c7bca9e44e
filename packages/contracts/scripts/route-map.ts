/**
 * Writes src/route-map.ts: each route's method and path, without its zod schemas, for the
 * typed client. The browser imports the client, and the route table would bring zod and every
 * schema with it. Run after changing a route's method or path:
 *
 *   node --conditions=polku-source --import tsx packages/contracts/scripts/route-map.ts
 *
 * src/route-map.test.ts fails while the file is out of date; the type check fails too (the
 * map must satisfy the route table's own methods and paths).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { routeMapSource } from '../src/route-map-source.js';

const target = fileURLToPath(new URL('../src/route-map.ts', import.meta.url));
const options = { ...(await resolveConfig(target)), filepath: target };
writeFileSync(target, await format(routeMapSource(), options));
console.log(`route-map: wrote ${target}`);
