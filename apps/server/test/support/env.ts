/** The test environment: where PostgreSQL is, and whether this is CI (where nothing may be skipped). */
export const testEnv = {
  postgresUrl: process.env.POLKU_TEST_DATABASE_URL ?? null,
  ci: process.env.CI === 'true' || process.env.CI === '1',
};
