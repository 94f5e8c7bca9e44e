import { defineConfig } from 'vitest/config';

// Browser tests: the built web app served by a real Polku server, driven in Debian's Chromium
// with playwright-core. `npm test` builds the app first.
export default defineConfig({
  resolve: { conditions: ['polku-source', 'module', 'node', 'default'] },
  ssr: {
    resolve: {
      conditions: ['polku-source', 'module', 'node', 'default'],
      externalConditions: ['polku-source'],
    },
  },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    server: { deps: { inline: [/@polku\//] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
