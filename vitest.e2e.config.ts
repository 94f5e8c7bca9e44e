import { defineConfig } from 'vitest/config';
import { inlineWorkspacePackages, readPackagesFromSource } from './vitest.shared.js';

// Browser tests: the built web app served by a real Polku server, driven in Debian's Chromium
// with playwright-core. `npm test` builds the app first.
export default defineConfig({
  ...readPackagesFromSource,
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    server: inlineWorkspacePackages,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
