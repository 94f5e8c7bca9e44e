import { defineConfig } from 'vitest/config';

// Unit tests beside the code, route and repository tests under apps/server/test. Workspace
// packages are read from source (the `polku-source` export condition), so no build is needed.
export default defineConfig({
  resolve: { conditions: ['polku-source', 'module', 'node', 'default'] },
  ssr: {
    resolve: {
      conditions: ['polku-source', 'module', 'node', 'default'],
      externalConditions: ['polku-source'],
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/server/test/**/*.test.ts',
    ],
    environment: 'node',
    server: { deps: { inline: [/@polku\//] } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Route tests hash passwords with argon2 (19 MiB each): two workers fit this machine.
    maxWorkers: 2,
  },
});
