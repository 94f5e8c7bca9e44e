const whole = (value: string | undefined) =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : null;

/**
 * The test environment: where PostgreSQL is, whether this is CI (where nothing may be skipped),
 * and the day the browser tests run on (POLKU_E2E_TODAY, set by scripts/test.mjs).
 */
export const testEnv = {
  postgresUrl: process.env.POLKU_TEST_DATABASE_URL ?? null,
  ci: process.env.CI === 'true' || process.env.CI === '1',
  /** The fuzz test's seed and size, to repeat a failing run or to run a longer one. */
  fuzzSeed: whole(process.env.POLKU_FUZZ_SEED),
  fuzzRequests: whole(process.env.POLKU_FUZZ_REQUESTS),
  e2eToday: process.env.POLKU_E2E_TODAY ?? null,
};
