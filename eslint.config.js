// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { dirname, resolve } from 'node:path';

/**
 * The dependency direction of ARCHITECTURE.md: contracts <- core <- db <- server, and the web
 * app sees contracts only. Each entry lists what a folder may NOT import; package.json
 * dependencies say the same thing, this rule catches relative paths and stray packages.
 */
const layers = [
  {
    files: ['packages/contracts/**'],
    forbidden: ['@polku/core', '@polku/db', '@polku/server', '@polku/web'],
    frameworks: ['fastify', 'kysely', 'react', 'pg', 'better-sqlite3', 'nodemailer'],
  },
  {
    files: ['packages/core/**'],
    forbidden: ['@polku/db', '@polku/server', '@polku/web'],
    frameworks: ['fastify', 'kysely', 'react', 'pg', 'better-sqlite3', 'nodemailer'],
  },
  {
    files: ['packages/db/**'],
    forbidden: ['@polku/server', '@polku/web'],
    frameworks: ['fastify', 'react', 'nodemailer'],
  },
  { files: ['apps/server/**'], forbidden: ['@polku/web'], frameworks: ['react'] },
  {
    // Types only from contracts (a value import would bundle zod): see the widget rule below.
    files: ['apps/widget/**'],
    forbidden: ['@polku/core', '@polku/db', '@polku/server', '@polku/web'],
    frameworks: ['zod', 'react', 'fastify', 'kysely', 'pg', 'better-sqlite3', 'nodemailer'],
  },
  {
    files: ['apps/web/**'],
    forbidden: ['@polku/core', '@polku/db', '@polku/server'],
    frameworks: ['fastify', 'kysely', 'pg', 'better-sqlite3', 'nodemailer'],
  },
];

/** The package folder (packages/x or apps/x) a path lies in, or null. */
function packageOf(path) {
  const m = /(?:^|\/)((?:packages|apps)\/[^/]+)\//.exec(path);
  return m ? m[1] : null;
}

/**
 * A relative import must stay inside its own package; other packages are imported by name,
 * where the layer rules below can see them.
 */
const noCrossPackageRelative = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { cross: 'Import {{target}} by package name, not by a relative path.' },
  },
  create(context) {
    const here = packageOf(context.filename);
    const check = (node) => {
      const spec = node.source && node.source.value;
      if (!here || typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = packageOf(resolve(dirname(context.filename), spec) + '/');
      if (target && target !== here)
        context.report({ node: node.source, messageId: 'cross', data: { target } });
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

const layerConfigs = layers.map(({ files, forbidden, frameworks }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...forbidden, ...forbidden.map((p) => `${p}/*`)],
            message: 'Against the dependency direction (docs/ARCHITECTURE.md).',
          },
          {
            group: [
              ...frameworks,
              ...frameworks.map((p) => `${p}/*`),
              ...frameworks.map((p) => `@${p}/*`),
            ],
            message: 'This layer stays free of that framework (docs/ARCHITECTURE.md).',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'bench/results.json',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through apps/server/src/config.ts.',
        },
      ],
    },
  },
  {
    files: ['packages/**/*.{ts,tsx}', 'apps/**/*.{ts,tsx}'],
    plugins: { polku: { rules: { 'no-cross-package-relative': noCrossPackageRelative } } },
    rules: { 'polku/no-cross-package-relative': 'error' },
  },
  ...layerConfigs,
  {
    // The one place that reads the environment, and the scripts that launch processes.
    files: [
      'apps/server/src/config.ts',
      'scripts/**',
      'apps/server/test/support/env.ts',
      'bench/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['apps/widget/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@polku/contracts',
              allowTypeImports: true,
              message:
                'Import types only: a value import would bundle zod into the widget (10 KB budget).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
