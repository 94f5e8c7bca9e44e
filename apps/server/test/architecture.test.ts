import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

/** Lints a snippet as if it were the named file, with the repository's own ESLint config. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('the dependency direction contracts <- core <- db <- server (web sees contracts only)', () => {
  it('rejects core importing db', async () => {
    const messages = await lint(
      'packages/core/src/accounts/access.ts',
      "export { openDatabase } from '@polku/db';\n",
    );
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*dependency direction/);
  });

  it('rejects contracts importing core, and the web app importing the server or db', async () => {
    expect(
      (
        await lint('packages/contracts/src/routes.ts', "export { newId } from '@polku/core';\n")
      ).join(),
    ).toMatch(/no-restricted-imports/);
    expect(
      (await lint('apps/web/src/main.tsx', "export { buildApp } from '@polku/server';\n")).join(),
    ).toMatch(/no-restricted-imports/);
    expect(
      (await lint('apps/web/src/main.tsx', "export { openDatabase } from '@polku/db';\n")).join(),
    ).toMatch(/no-restricted-imports/);
  });

  it('rejects frameworks in the domain and relative paths into another layer', async () => {
    expect(
      (
        await lint('packages/core/src/accounts/access.ts', "export { default } from 'fastify';\n")
      ).join(),
    ).toMatch(/framework/);
    expect(
      (
        await lint(
          'packages/core/src/accounts/access.ts',
          "export * from '../../../db/src/index.js';\n",
        )
      ).join(),
    ).toMatch(/no-cross-package-relative/);
    expect(
      (
        await lint('packages/core/src/accounts/access.ts', "export * from '../shared/errors.js';\n")
      ).join(),
    ).not.toMatch(/no-cross-package-relative/);
  });

  it('rejects process.env outside the config module', async () => {
    expect(
      (
        await lint(
          'packages/core/src/accounts/access.ts',
          'export const port = process.env.PORT;\n',
        )
      ).join(),
    ).toMatch(/no-restricted-properties/);
  });

  it('allows the permitted direction', async () => {
    const messages = await lint(
      'packages/db/src/store.ts',
      "export type { Store } from '@polku/core';\n",
    );
    expect(messages.filter((m) => m.startsWith('no-restricted'))).toEqual([]);
  });
});
