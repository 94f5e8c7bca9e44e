import { randomBytes } from 'node:crypto';
import type { DatabaseConfig } from '@polku/db';
import pg from 'pg';
import { testEnv } from './env.js';

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database for one test file. */
  create(): Promise<TestDatabase>;
}

const sqlite: TestDialect = {
  name: 'sqlite',
  create: () =>
    Promise.resolve({
      config: { dialect: 'sqlite', file: ':memory:' },
      drop: () => Promise.resolve(),
    }),
};

function postgres(url: string): TestDialect {
  return {
    name: 'postgres',
    async create() {
      const name = `polku_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      return {
        config: { dialect: 'postgres', url: dbUrl.toString(), poolSize: 4 },
        async drop() {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  };
}

let noticeShown = false;

/**
 * The dialects every repository and route test runs on: SQLite always, PostgreSQL when
 * POLKU_TEST_DATABASE_URL is set. Without it the PostgreSQL runs are skipped with a notice,
 * except under CI, where that is an error.
 */
export function testDialects(): TestDialect[] {
  if (testEnv.postgresUrl) return [sqlite, postgres(testEnv.postgresUrl)];
  if (testEnv.ci)
    throw new Error('POLKU_TEST_DATABASE_URL is not set: under CI the PostgreSQL tests must run.');
  if (!noticeShown) {
    noticeShown = true;
    console.warn(
      '\n*** PostgreSQL tests SKIPPED: set POLKU_TEST_DATABASE_URL to run them (bash .ci/run does). ***\n',
    );
  }
  return [sqlite];
}
