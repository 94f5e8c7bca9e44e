import { readFileSync } from 'node:fs';
import { errorCatalog, errorCodes } from '@polku/contracts';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('documentation stays true', () => {
  it('documents every error code with its HTTP status in docs/errors.md', () => {
    const doc = read('docs/errors.md');
    for (const code of errorCodes) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, `docs/errors.md row for ${code}`).toBeDefined();
      expect(row).toContain(`| ${errorCatalog[code].status} |`);
    }
  });

  it('documents every environment variable the config reads in docs/configuration.md', () => {
    const config = read('apps/server/src/config.ts');
    const doc = read('docs/configuration.md');
    const schemaBlock = config.slice(
      config.indexOf('const envSchema'),
      config.indexOf('});', config.indexOf('const envSchema')),
    );
    const variables = [...schemaBlock.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(10);
    for (const v of variables)
      expect(doc, `docs/configuration.md mentions ${v}`).toContain(`\`${v}\``);
  });
});
