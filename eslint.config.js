// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    paths: ['packages/core', 'packages/db', 'apps/'],
  },
  {
    files: ['packages/core/**'],
    forbidden: ['@polku/db', '@polku/server', '@polku/web'],
    frameworks: ['fastify', 'kysely', 'react', 'pg', 'better-sqlite3', 'nodemailer'],
    paths: ['packages/db', 'apps/'],
  },
  {
    files: ['packages/db/**'],
    forbidden: ['@polku/server', '@polku/web'],
    frameworks: ['fastify', 'react', 'nodemailer'],
    paths: ['apps/'],
  },
  { files: ['apps/server/**'], forbidden: ['@polku/web'], frameworks: ['react'], paths: ['apps/web'] },
  {
    files: ['apps/web/**'],
    forbidden: ['@polku/core', '@polku/db', '@polku/server'],
    frameworks: ['fastify', 'kysely', 'pg', 'better-sqlite3', 'nodemailer'],
    paths: ['packages/core', 'packages/db', 'apps/server'],
  },
];

const layerConfigs = layers.map(({ files, forbidden, frameworks, paths }) => ({
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
            group: [...frameworks, ...frameworks.map((p) => `${p}/*`), ...frameworks.map((p) => `@${p}/*`)],
            message: 'This layer stays free of that framework (docs/ARCHITECTURE.md).',
          },
          {
            group: paths.map((p) => `**/${p}*`),
            message: 'Import other layers by package name, and only in the allowed direction.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'bench/results.json', 'test-results/**'],
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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through apps/server/src/config.ts.' },
      ],
    },
  },
  ...layerConfigs,
  {
    // The one place that reads the environment, and the scripts that launch processes.
    files: ['apps/server/src/config.ts', 'scripts/**', 'test/support/env.ts', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
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
