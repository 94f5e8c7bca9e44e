/**
 * The raw better-sqlite3 insert rate of small rows: a prepared statement in one transaction,
 * into a table keyed like Polku's tenant tables (workspace_id leading the primary key). This is
 * the ceiling later ingest figures are compared to. The file database uses the pragmas of
 * packages/db (WAL, synchronous NORMAL); the baseline is the same insert into :memory:.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { progress, report, rssMiB } from './support.js';

const ROWS = Number(process.env.BENCH_SQLITE_ROWS ?? 500_000);
const WORKSPACES = 10;

// Sortable ids (time-ordered, like UUIDv7), made before timing starts.
const start = Date.now();
const ids = Array.from(
  { length: ROWS },
  (_, i) => `${(start + i).toString(16).padStart(12, '0')}-${i.toString(16).padStart(8, '0')}`,
);
const workspaceIds = Array.from(
  { length: WORKSPACES },
  (_, i) => `ws-${i.toString().padStart(4, '0')}`,
);

function insertRate(file: string): number {
  const db = new Database(file);
  try {
    if (file !== ':memory:') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.exec(`CREATE TABLE items (
      workspace_id TEXT NOT NULL,
      id TEXT NOT NULL,
      n INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (workspace_id, id)
    )`);
    const insert = db.prepare(
      'INSERT INTO items (workspace_id, id, n, created_at) VALUES (?, ?, ?, ?)',
    );
    const insertAll = db.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(workspaceIds[i % WORKSPACES], ids[i], i, start + i);
    });
    const t0 = performance.now();
    insertAll();
    const seconds = (performance.now() - t0) / 1000;
    const { count } = db.prepare('SELECT count(*) AS count FROM items').get() as { count: number };
    if (count !== ROWS) throw new Error(`expected ${ROWS} rows, found ${count}`);
    return ROWS / seconds;
  } finally {
    db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'polku-bench-sqlite-'));
try {
  progress(`sqlite: inserting ${ROWS} rows into :memory:`);
  const memory = insertRate(':memory:');
  report('sqlite.insert.memory', memory, 'rows/s');
  report('sqlite.insert.memory.rss', rssMiB(), 'MiB');
  progress(`sqlite: inserting ${ROWS} rows into a WAL file`);
  const wal = insertRate(join(dir, 'bench.sqlite'));
  report('sqlite.insert.wal', wal, 'rows/s', memory);
  report('sqlite.insert.wal.rss', rssMiB(), 'MiB');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
