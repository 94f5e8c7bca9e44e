/**
 * `polku import responses` at scale: a generated CSV of BENCH_IMPORT_ROWS rows (default 1M;
 * id, ISO time, an NPS score and a short text) imported into a fresh SQLite file through the
 * import code the command line uses (three streamed passes: the scan, the check of every row
 * through the response intake in transactions that roll back, and the store in batches of 500). Baseline: the same responses and answer rows inserted straight into the same
 * schema with better-sqlite3 prepared statements, 500 per transaction: the ceiling the import's
 * parsing, validation and repository layers are measured against. Peak RSS is sampled every
 * 100 ms during the import (it should stay flat however many rows).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { localDay } from '@polku/core';
import { createRuntime, loadConfig } from '@polku/server';
import { importResponses } from '../apps/server/src/import/import-responses.js';
import { importedResponseId } from '../apps/server/src/import/ids.js';
import { progress, report } from './support.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const BATCH = 500;
const START = Date.UTC(2026, 0, 1);
const REASONS = ['Nopea palvelu', 'Jono oli pitkä, mutta "hyvä" tuote', 'Kiitos!', ''];

const scoreOf = (i: number) => (i * 7) % 11;
const reasonOf = (i: number) => REASONS[i % REASONS.length]!;
const timeOf = (i: number) => START + i * 30_000;

/** Writes the CSV a chunk at a time, waiting when the stream asks to. */
async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('id,submitted_at,nps,reason\n');
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const reason = reasonOf(i);
    const quoted = /[",]/.test(reason) ? `"${reason.replace(/"/g, '""')}"` : reason;
    chunk += `r${i},${new Date(timeOf(i)).toISOString()},${scoreOf(i)},${quoted}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** A fresh database with a workspace and a published NPS survey. */
async function freshDatabase(dir: string) {
  const config = loadConfig({ POLKU_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const runtime = await createRuntime(config);
  const user = await runtime.services.auth.createAccount({
    name: 'Bench',
    email: 'bench@example.com',
    password: 'bench-password-1',
    language: 'fi',
  });
  const workspace = await runtime.services.workspaces.create(
    user.id,
    {
      name: 'Bench',
      timeZone: 'Europe/Helsinki',
      languages: ['fi', 'sv', 'en'],
      defaultLanguage: 'fi',
    },
    null,
  );
  const record = (await runtime.store.workspaces.findById(workspace.id))!;
  const ctx = {
    workspace: record,
    actor: { kind: 'user' as const, userId: user.id, role: 'owner' as const },
    ip: null,
  };
  const survey = await runtime.services.surveys.create(ctx, {
    name: 'NPS',
    purpose: 'transactional',
    touchpointId: null,
    template: 'nps',
    languages: ['fi', 'sv', 'en'],
    defaultLanguage: 'fi',
  });
  await runtime.services.surveys.publish(ctx, survey.id);
  return { runtime, workspaceId: workspace.id, surveyId: survey.id, file: config.database };
}

/** The baseline: the same rows straight into the schema, prepared statements, 500 per transaction. */
function rawInsert(file: string, workspaceId: string, surveyId: string): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536'); // as the app's store (packages/db connection.ts)
    const insertResponse = db.prepare(
      `INSERT INTO responses (workspace_id, id, survey_id, survey_version, link_id, source, channel,
        touchpoint_id, language, status, submitted_at, created_at, day)
       VALUES (?, ?, ?, 1, NULL, 'import', 'import', NULL, 'fi', 'complete', ?, ?, ?)`,
    );
    const insertAnswer = db.prepare(
      `INSERT INTO answers (workspace_id, response_id, question_key, item, survey_id, day,
        touchpoint_id, channel, language, value_num, value_text)
       VALUES (?, ?, ?, '', ?, ?, NULL, 'import', 'fi', ?, ?)`,
    );
    const insertBatch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const at = timeOf(i);
        const id = importedResponseId(workspaceId, surveyId, { sourceId: `r${i}` }, at);
        const day = localDay(at, 'Europe/Helsinki');
        insertResponse.run(workspaceId, id, surveyId, at, Date.now(), day);
        insertAnswer.run(workspaceId, id, 'nps', surveyId, day, scoreOf(i), null);
        const reason = reasonOf(i);
        if (reason) insertAnswer.run(workspaceId, id, 'reason', surveyId, day, null, reason);
      }
    });
    const t0 = performance.now();
    for (let i = 0; i < ROWS; i += BATCH) insertBatch(i, Math.min(ROWS, i + BATCH));
    return (performance.now() - t0) / 1000;
  } finally {
    db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'polku-bench-import-'));
try {
  const csv = join(dir, 'responses.csv');
  progress(`import: writing ${ROWS} rows to ${csv}`);
  await writeCsv(csv);

  progress('import: baseline, raw prepared inserts');
  const rawDir = mkdtempSync(join(dir, 'raw-'));
  const raw = await freshDatabase(rawDir);
  await raw.runtime.close();
  const rawSeconds = rawInsert(
    raw.file.dialect === 'sqlite' ? raw.file.file : '',
    raw.workspaceId,
    raw.surveyId,
  );

  progress('import: polku import responses');
  const target = await freshDatabase(mkdtempSync(join(dir, 'import-')));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const t0 = performance.now();
  const summary = await importResponses(
    {
      store: target.runtime.store,
      responses: target.runtime.services.responses,
      clock: target.runtime.clock,
    },
    {
      file: csv,
      workspaceId: target.workspaceId,
      surveyId: target.surveyId,
      format: 'auto',
      maps: new Map(),
      values: new Map(),
      encoding: 'auto',
      delimiter: 'auto',
      decimal: 'auto',
      missing: [],
      dryRun: false,
      skipInvalid: false,
      onProgress: ({ rowsRead }) => {
        if (rowsRead % 100_000 === 0) progress(`import: ${rowsRead} rows`);
      },
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await target.runtime.close();
  if (summary.imported !== ROWS)
    throw new Error(`expected ${ROWS} imported, got ${JSON.stringify(summary).slice(0, 500)}`);

  report('import.csv.seconds', seconds, 's', rawSeconds);
  report('import.csv.rate', ROWS / seconds, 'rows/s', ROWS / rawSeconds);
  report('import.csv.peak_rss', peak / (1024 * 1024), 'MiB');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
