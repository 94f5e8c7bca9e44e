/**
 * Metric queries at millions of responses, each beside a baseline measured in the same run.
 *
 * For each size in BENCH_METRICS_SIZES (default "1000000,10000000") on SQLite, and for
 * BENCH_METRICS_PG_SIZE (default 1000000; 0 skips) on PostgreSQL at BENCH_METRICS_PG_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres, a fresh database is made and dropped):
 *   1. generates that many complete NPS responses in SQL (24 months of days, 4 channels,
 *      12 touchpoints, 3 languages, a `tier` attribute on every response), straight into a
 *      database migrated by Polku, then builds the day-level rollup as the migration does;
 *   2. times, through MetricService.query (the code behind POST …/metrics/query), with
 *      BENCH_METRICS_REPEAT (15) runs each, p50 and p95 in ms:
 *      - dashboard-month: NPS by month over the 24 months (read from the rollup);
 *      - dashboard-touchpoint: NPS by touchpoint over the whole period (rollup);
 *      - adhoc-attribute: NPS by month broken down by channel for tier = gold (the answer
 *        table, as attribute filters need it);
 *      each beside a hand-written SQL GROUP BY over the answer table giving the same counts,
 *      run with the raw driver (better-sqlite3 / pg): the ratio is Polku's p50 over the
 *      baseline's p50 (below 1: faster than scanning the answers by hand);
 *   3. reports the process's resident memory while answering (peak RSS sampled after every
 *      query) beside the RSS before the first query.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import type { MetricQuery } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { createRuntime, loadConfig, type Runtime } from '@polku/server';
import { progress, report, rssMiB } from './support.js';

const SIZES = (process.env.BENCH_METRICS_SIZES ?? '1000000,10000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const PG_SIZE = Number(process.env.BENCH_METRICS_PG_SIZE ?? 1_000_000);
const PG_URL = process.env.BENCH_METRICS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REPEAT = Number(process.env.BENCH_METRICS_REPEAT ?? 15);
const CHUNK = 1_000_000;
const FIRST_DAY_MS = Date.parse('2024-11-01T12:00:00Z');

async function setUp(runtime: Runtime): Promise<{ ctx: WorkspaceContext; surveyId: string }> {
  const { services, store } = runtime;
  const user = await services.auth.createAccount({
    name: 'Bench',
    email: 'bench@polku.example',
    password: 'bench-password-123',
    language: 'en',
  });
  const created = await services.workspaces.create(
    user.id,
    {
      name: 'Bench',
      timeZone: 'Europe/Helsinki',
      languages: ['fi', 'sv', 'en'],
      defaultLanguage: 'fi',
    },
    null,
  );
  const workspace = (await store.workspaces.findById(created.id))!;
  const ctx: WorkspaceContext = {
    workspace,
    actor: { kind: 'user', userId: user.id, role: 'owner' },
    ip: null,
  };
  const survey = await services.surveys.create(ctx, {
    name: 'Bench NPS',
    purpose: 'relationship',
    touchpointId: null,
    template: 'nps',
    languages: ['fi', 'sv', 'en'],
    defaultLanguage: 'fi',
  });
  await services.surveys.publish(ctx, survey.id);
  return { ctx, surveyId: survey.id };
}

/**
 * The rows of responses [from, to) as SQL: both dialects get the same values from the index i
 * (a multiplicative hash picks the score: 40% promoters, 30% passives, 30% detractors).
 */
function generatorSql(dialect: 'sqlite' | 'postgres', from: number, to: number) {
  const series =
    dialect === 'sqlite'
      ? `with recursive s(i) as (select ${from} union all select i + 1 from s where i < ${to - 1})`
      : '';
  const source =
    dialect === 'sqlite' ? 'from s' : `from generate_series(${from}::bigint, ${to - 1}) as s(i)`;
  const id = dialect === 'sqlite' ? `printf('r%09d', i)` : `'r' || lpad(i::text, 9, '0')`;
  const day =
    dialect === 'sqlite'
      ? `date('2024-11-01', '+' || (i % 730) || ' days')`
      : `to_char(date '2024-11-01' + (i % 730)::int, 'YYYY-MM-DD')`;
  const hash = `((i * 2654435761) % 100)`;
  const score = `case when ${hash} < 40 then 9 + ${hash} % 2 when ${hash} < 70 then 7 + ${hash} % 2 else ${hash} % 7 end`;
  const channel = `case i % 4 when 0 then 'web' when 1 then 'email' when 2 then 'qr' else 'widget' end`;
  const touchpoint = `'tp-' || ((i / 7) % 12)`;
  const language = `case i % 5 when 3 then 'sv' when 4 then 'en' else 'fi' end`;
  const tier = `case i % 3 when 0 then 'gold' when 1 then 'silver' else 'basic' end`;
  return { series, source, id, day, score, channel, touchpoint, language, tier };
}

async function generate(
  runtime: Runtime,
  dialect: 'sqlite' | 'postgres',
  workspaceId: string,
  surveyId: string,
  total: number,
): Promise<void> {
  const db = runtime.database.db;
  for (let from = 0; from < total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK);
    const g = generatorSql(dialect, from, to);
    const t0 = performance.now();
    await db.transaction().execute(async (trx) => {
      await sql
        .raw(
          `${g.series} insert into responses (workspace_id, id, survey_id, survey_version, link_id,
             source, channel, touchpoint_id, language, status, submitted_at, created_at, day)
           select '${workspaceId}', ${g.id}, '${surveyId}', 1, null, 'api', ${g.channel},
             ${g.touchpoint}, ${g.language}, 'complete', ${FIRST_DAY_MS} + (i % 730) * 86400000,
             ${FIRST_DAY_MS}, ${g.day} ${g.source}`,
        )
        .execute(trx);
      await sql
        .raw(
          `${g.series} insert into answers (workspace_id, response_id, question_key, item,
             survey_id, day, touchpoint_id, channel, language, value_num, value_text)
           select '${workspaceId}', ${g.id}, 'nps', '', '${surveyId}', ${g.day}, ${g.touchpoint},
             ${g.channel}, ${g.language}, ${g.score}, null ${g.source}`,
        )
        .execute(trx);
      await sql
        .raw(
          `${g.series} insert into response_attributes (workspace_id, response_id, key, value)
           select '${workspaceId}', ${g.id}, 'tier', ${g.tier} ${g.source}`,
        )
        .execute(trx);
    });
    progress(
      `${to.toLocaleString('en')} responses (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }
  // The rollup, built as migration 0006 builds it from existing answers, grain by grain.
  const t0 = performance.now();
  for (const [grain, touchpoint, channel, language] of [
    [0, `''`, `''`, `''`],
    [1, `coalesce(a.touchpoint_id, '')`, `''`, `''`],
    [2, `coalesce(a.touchpoint_id, '')`, 'a.channel', 'a.language'],
  ] as const)
    await sql
      .raw(
        `insert into answer_day_counts
          (workspace_id, survey_id, question_key, item, grain, day, touchpoint_key, channel,
           language, value_num, count)
        select a.workspace_id, a.survey_id, a.question_key, a.item, ${grain}, a.day,
               ${touchpoint}, ${channel}, ${language}, a.value_num, count(*)
        from answers a
        join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id
        where a.value_num is not null and r.status = 'complete' and a.workspace_id = '${workspaceId}'
        group by a.workspace_id, a.survey_id, a.question_key, a.item, a.day,
                 ${[touchpoint, channel, language]
                   .filter((d) => d !== `''`)
                   .map((d) => `${d}, `)
                   .join('')}a.value_num`,
      )
      .execute(db);
  await sql`analyze`.execute(db);
  progress(`rollup built (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function time(run: () => Promise<unknown>, onEach?: () => void) {
  await run(); // warm-up: plans and page cache
  const ms: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
    onEach?.();
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
}

/** Hand-written GROUP BYs over the answer table, giving the counts each Polku query needs. */
function baselines(workspaceId: string, surveyId: string) {
  const answers = `from answers a join responses r on r.workspace_id = a.workspace_id and r.id = a.response_id
    where a.workspace_id = '${workspaceId}' and a.survey_id = '${surveyId}' and a.question_key = 'nps'
      and a.item = '' and a.value_num is not null and r.status = 'complete'`;
  return {
    'dashboard-month': `select substr(a.day, 1, 7), a.value_num, count(*) ${answers}
      and a.day between '2024-11-01' and '2026-10-31' group by 1, 2`,
    'dashboard-touchpoint': `select a.touchpoint_id, a.value_num, count(*) ${answers} group by 1, 2`,
    'adhoc-attribute': `select a.channel, substr(a.day, 1, 7), a.value_num, count(*) ${answers}
      and exists (select 1 from response_attributes x where x.workspace_id = a.workspace_id
        and x.response_id = a.response_id and x.key = 'tier' and x.value = 'gold')
      group by 1, 2, 3`,
  } as const;
}

function queries(surveyId: string): Record<keyof ReturnType<typeof baselines>, MetricQuery> {
  const metric = { kind: 'nps', surveyId, question: 'nps' } as const;
  return {
    'dashboard-month': { metric, by: 'month', from: '2024-11-01', to: '2026-10-31' },
    'dashboard-touchpoint': { metric, by: 'all', breakdown: { by: 'touchpoint' } },
    'adhoc-attribute': {
      metric,
      by: 'month',
      breakdown: { by: 'channel' },
      filters: { attributes: [{ key: 'tier', values: ['gold'] }] },
    },
  };
}

async function measure(
  label: string,
  runtime: Runtime,
  ctx: WorkspaceContext,
  surveyId: string,
  raw: (sqlText: string) => Promise<unknown>,
): Promise<void> {
  const rssBefore = rssMiB();
  let peak = rssBefore;
  const sample = () => (peak = Math.max(peak, rssMiB()));
  const base = baselines(ctx.workspace.id, surveyId);
  for (const [name, body] of Object.entries(queries(surveyId)) as [
    keyof typeof base,
    MetricQuery,
  ][]) {
    const polku = await time(() => runtime.services.metrics.query(ctx, body), sample);
    const hand = await time(() => raw(base[name]));
    report(`metrics ${label} ${name} p50`, polku.p50, 'ms', hand.p50);
    report(`metrics ${label} ${name} p95`, polku.p95, 'ms', hand.p95);
  }
  report(`metrics ${label} peak rss while answering`, peak, 'MiB', rssBefore);
}

for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'polku-bench-metrics-'));
  const config = loadConfig({ POLKU_DATA_DIR: dir, LOG_LEVEL: 'silent', POLKU_DEMO: '0' });
  const runtime = await createRuntime(config);
  try {
    const { ctx, surveyId } = await setUp(runtime);
    progress(`SQLite: generating ${size.toLocaleString('en')} responses`);
    await generate(runtime, 'sqlite', ctx.workspace.id, surveyId, size);
    if (config.database.dialect !== 'sqlite') throw new Error('expected SQLite');
    const raw = new Database(config.database.file, { readonly: true });
    raw.pragma('cache_size = -65536');
    try {
      await measure(`sqlite ${size / 1e6}M`, runtime, ctx, surveyId, (text) =>
        Promise.resolve(raw.prepare(text).all()),
      );
    } finally {
      raw.close();
    }
  } finally {
    await runtime.close();
    if (process.env.BENCH_METRICS_KEEP === '1') progress(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (PG_SIZE > 0) {
  const name = `polku_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    const runtime = await createRuntime(
      loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', POLKU_DEMO: '0' }),
    );
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { ctx, surveyId } = await setUp(runtime);
      progress(`PostgreSQL: generating ${PG_SIZE.toLocaleString('en')} responses`);
      await generate(runtime, 'postgres', ctx.workspace.id, surveyId, PG_SIZE);
      await measure(`postgres ${PG_SIZE / 1e6}M`, runtime, ctx, surveyId, (text) =>
        client.query(text),
      );
    } finally {
      await client.end();
      await runtime.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}
