import { defineConfig } from 'vitest/config';
import { inlineWorkspacePackages, readPackagesFromSource } from './vitest.shared.js';

// Unit tests beside the code, route and repository tests under apps/server/test.
export default defineConfig({
  ...readPackagesFromSource,
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/server/test/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
    ],
    environment: 'node',
    server: inlineWorkspacePackages,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Route tests hash passwords with argon2 (19 MiB each): two workers fit this machine.
    maxWorkers: 2,
  },
});
