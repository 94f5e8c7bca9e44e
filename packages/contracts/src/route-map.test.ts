import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { routeMap } from './route-map.js';
import { routeMapSource } from './route-map-source.js';
import { routes } from './routes.js';

describe('the client route map', () => {
  it('has every route of the table with its method and path, and no other', () => {
    const fromTable = Object.fromEntries(
      Object.entries(routes).map(([name, r]) => [name, { method: r.method, path: r.path }]),
    );
    expect(routeMap).toEqual(fromTable);
  });

  it('is the generated text (run packages/contracts/scripts/route-map.ts after a change)', async () => {
    const file = fileURLToPath(new URL('./route-map.ts', import.meta.url));
    const expected = await format(routeMapSource(), {
      ...(await resolveConfig(file)),
      filepath: file,
    });
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('imports nothing at run time, so the browser client never loads zod', () => {
    const text = readFileSync(fileURLToPath(new URL('./route-map.ts', import.meta.url)), 'utf8');
    expect(text.match(/^import (?!type ).*$/gm)).toBeNull();
  });
});
