import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DatabaseConfig =
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; poolSize?: number };

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DatabaseConfig['dialect'];
  /** Whether a query reaches the database (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Opens the database. SQLite: WAL (readers never block the writer), a busy timeout instead of
 * instant SQLITE_BUSY errors, foreign keys on. PostgreSQL: int8 and numeric parsed as numbers
 * (instants are epoch milliseconds, well within 2^53), per pool so other pg users are untouched.
 */
export function openDatabase(
  config: DatabaseConfig,
  options: { onConnectionError?: (err: Error) => void } = {},
): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (config.dialect === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // 64 MiB of page cache instead of the default 2 MiB: large tables' indexes stay in memory.
    sqlite.pragma('cache_size = -65536');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins,
    });
    return {
      db,
      dialect: 'sqlite',
      ping: () => ping(db),
      close: () => db.destroy(),
    };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? (v: string) => Number(v)
          : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection can die (a server restart, a terminated backend). The pool replaces it;
  // without a listener the error would be thrown and end the process.
  pool.on('error', (err) => options.onConnectionError?.(err));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  return { db, dialect: 'postgres', ping: () => ping(db), close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every SQLite statement anew on each query, which costs more than running
 * it. The queries an app sends are few and repeat, so keep the prepared statements (bounded,
 * oldest dropped first). Safe because Kysely runs one query at a time on the connection.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string): SQLite.Statement {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
