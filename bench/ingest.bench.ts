/**
 * Response intake over HTTP, each beside a baseline measured in the same run:
 *   batch   POST /api/v1/workspaces/:id/responses/batch with an API key (scope responses.write),
 *           BENCH_INGEST_BATCH (500) NPS responses a request, for BENCH_DURATION seconds, from
 *           BENCH_INGEST_BATCH_CONNECTIONS (2) connections -> responses/s and p99 per request.
 *           Baseline: the raw insert of the same rows (a responses row and its answers rows, the
 *           shapes of packages/db/src/migrations/0002-listening.ts) into the same kind of store
 *           (a SQLite WAL file migrated by Polku, foreign keys on), better-sqlite3 prepared
 *           statements, one transaction per batch: the ceiling of the store itself.
 *   single  POST /api/v1/workspaces/:id/responses, one response (no id) a request, from
 *           BENCH_INGEST_CONNECTIONS (50) connections -> responses/s and p99. Baseline: a bare
 *           Fastify POST route that parses the same body and answers 201.
 * The app is built with buildApp() on a temporary SQLite file with rate limits off
 * (POLKU_RATE_LIMIT=0) and listens on 127.0.0.1:0; the load generator is autocannon in its own
 * process. Rates count accepted (2xx) requests only; the rows stored are counted afterwards to
 * confirm every accepted response was stored.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { localDay, newId, type WorkspaceContext } from '@polku/core';
import { buildApp, createRuntime, loadConfig, type Runtime } from '@polku/server';
import { autocannon, progress, report, rssMiB, warnOnFailures } from './support.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 500);
const BATCH_CONNECTIONS = Number(process.env.BENCH_INGEST_BATCH_CONNECTIONS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 50);
const TIME_ZONE = 'Europe/Helsinki';

interface Body {
  surveyId: string;
  linkId: string;
  language: 'fi' | 'sv' | 'en';
  submittedAt: number;
  answers: { nps: number; reason?: string };
}

const COMMENTS = [
  'Kimppu oli upea, ja kukat kestivät maljakossa yli viikon.',
  'Kuriiri myöhästyi kolme tuntia, ja kukat ehtivät perille vasta juhlien jälkeen.',
  'Buketten var jättefin och blommorna höll i över en vecka.',
  'The florist really listened and suggested colours that suited my friend perfectly.',
];

/** NPS responses as an integration sends them: about four in ten with a comment. */
function makeResponses(n: number, surveyId: string, linkId: string, now: number): Body[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: n }, (_, i) => {
    const score = Math.min(10, Math.floor(next() * 11 + 2));
    const body: Body = {
      surveyId,
      linkId,
      language: (['fi', 'fi', 'fi', 'sv', 'en'] as const)[i % 5]!,
      submittedAt: now - Math.floor(next() * 86_400_000 * 30),
      answers: { nps: score },
    };
    if (next() < 0.4) body.answers.reason = COMMENTS[i % COMMENTS.length]!;
    return body;
  });
}

/** A member, a workspace, a published NPS survey with a web link, through the services. */
async function setUp(runtime: Runtime) {
  const { services, store } = runtime;
  const user = await services.auth.createAccount({
    name: 'Bench',
    email: 'bench@polku.example',
    password: 'bench-password-123',
    language: 'en',
  });
  const created = await services.workspaces.create(
    user.id,
    { name: 'Bench', timeZone: TIME_ZONE, languages: ['fi', 'sv', 'en'], defaultLanguage: 'fi' },
    null,
  );
  const workspace = await store.workspaces.findById(created.id);
  if (!workspace) throw new Error('the workspace was not stored');
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
  const link = await services.surveys.createLink(ctx, survey.id, {
    name: 'Web',
    channel: 'web',
    touchpointId: null,
  });
  return { ctx, workspace, surveyId: survey.id, linkId: link.id };
}

async function countResponses(runtime: Runtime, workspaceId: string): Promise<number> {
  const row = await runtime.database.db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  if (a === null || typeof a === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${a.port}`;
}

/**
 * Inserts `total` responses (the rows intake would write for them) straight into a Polku
 * SQLite file with prepared statements, one transaction per batch; returns responses/s.
 */
async function rawInsertRate(dir: string, total: number): Promise<number> {
  const config = loadConfig({ POLKU_DATA_DIR: dir, LOG_LEVEL: 'silent', POLKU_DEMO: '0' });
  const runtime = await createRuntime(config);
  const { workspace, surveyId, linkId } = await setUp(runtime);
  await runtime.close();
  if (config.database.dialect !== 'sqlite') throw new Error('the baseline needs SQLite');

  // Rows made before timing starts, as intake would make them.
  const now = Date.now();
  const rows = makeResponses(total, surveyId, linkId, now).map((b) => {
    const day = localDay(b.submittedAt, TIME_ZONE);
    const answers: [string, number | null, string | null][] = [['nps', b.answers.nps, null]];
    if (b.answers.reason) answers.push(['reason', null, b.answers.reason]);
    return { id: newId(now), ...b, day, answers };
  });

  const db = new Database(config.database.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536'); // as the app's store (packages/db connection.ts)
    db.pragma('foreign_keys = ON');
    const insertResponse = db.prepare(
      `INSERT INTO responses (workspace_id, id, survey_id, survey_version, link_id, source, channel,
         touchpoint_id, language, status, submitted_at, created_at, day)
       VALUES (?, ?, ?, 1, ?, 'api', 'web', NULL, ?, 'complete', ?, ?, ?)
       ON CONFLICT (workspace_id, id) DO NOTHING`,
    );
    const insertAnswer = db.prepare(
      `INSERT INTO answers (workspace_id, response_id, question_key, item, survey_id, day,
         touchpoint_id, channel, language, value_num, value_text)
       VALUES (?, ?, ?, '', ?, ?, NULL, 'web', ?, ?, ?)`,
    );
    const insertBatch = db.transaction((batch: typeof rows) => {
      for (const r of batch) {
        insertResponse.run(
          workspace.id,
          r.id,
          surveyId,
          linkId,
          r.language,
          r.submittedAt,
          now,
          r.day,
        );
        for (const [key, num, text] of r.answers) {
          insertAnswer.run(workspace.id, r.id, key, surveyId, r.day, r.language, num, text);
        }
      }
    });
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) insertBatch(rows.slice(i, i + BATCH));
    const seconds = (performance.now() - t0) / 1000;
    const { n } = db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number };
    if (n !== total) throw new Error(`expected ${total} raw rows, found ${n}`);
    return total / seconds;
  } finally {
    db.close();
  }
}

const base = mkdtempSync(join(tmpdir(), 'polku-bench-ingest-'));
const appDir = join(base, 'app');
mkdirSync(appDir);
const runtime = await createRuntime(
  loadConfig({
    POLKU_DATA_DIR: appDir,
    LOG_LEVEL: 'silent',
    POLKU_DEMO: '0',
    POLKU_RATE_LIMIT: '0',
    WEB_DIST_DIR: join(base, 'no-web'),
  }),
);
const app = await buildApp({ ...runtime, logger: false });
const bare = Fastify({ logger: false });
bare.post('/bare', (_req, reply) => reply.status(201).send({ ok: true }));
try {
  const { ctx, workspace, surveyId, linkId } = await setUp(runtime);
  const { secret } = await runtime.services.apiKeys.create(ctx, {
    name: 'bench',
    scopes: ['responses.write'],
  });
  const headers = { Authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
  const appUrl = await listen(app);
  const bareUrl = await listen(bare);
  const responsesUrl = `${appUrl}/api/v1/workspaces/${workspace.id}/responses`;

  // (a) batches
  const batchFile = join(base, 'batch.json');
  writeFileSync(
    batchFile,
    JSON.stringify({ responses: makeResponses(BATCH, surveyId, linkId, Date.now()) }),
  );
  const check = await fetch(`${responsesUrl}/batch`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ responses: makeResponses(BATCH, surveyId, linkId, Date.now()) }),
  });
  if (check.status !== 201)
    throw new Error(`batch answered ${check.status}: ${await check.text()}`);
  const batchRun = (seconds: number) =>
    autocannon({
      url: `${responsesUrl}/batch`,
      connections: BATCH_CONNECTIONS,
      seconds,
      method: 'POST',
      headers,
      bodyFile: batchFile,
    });
  progress(`ingest: batch: warming up`);
  await batchRun(1);
  const before = await countResponses(runtime, workspace.id);
  progress(`ingest: batch: ${DURATION_S} s, ${BATCH} a request, ${BATCH_CONNECTIONS} connections`);
  const b = await batchRun(DURATION_S);
  warnOnFailures('ingest: batch', b);
  // Requests still in flight when the run ends are stored too, but not counted as accepted.
  const accepted = b['2xx'] * BATCH;
  const stored = (await countResponses(runtime, workspace.id)) - before;
  if (stored < accepted)
    progress(`ingest: batch: WARNING only ${stored} stored for ${accepted} accepted`);
  const batchRate = accepted / b.duration;
  progress(`ingest: batch: ${b['2xx']} batches accepted in ${b.duration.toFixed(1)} s`);
  report('ingest.batch_http.rss', rssMiB(), 'MiB');

  // The best of two runs, each into a fresh file: the baseline is the store's ceiling.
  let rawRate = 0;
  for (const run of [1, 2]) {
    progress(`ingest: raw insert of ${accepted} responses into a SQLite file (${run}/2)`);
    const rawDir = join(base, `raw-${run}`);
    mkdirSync(rawDir);
    rawRate = Math.max(rawRate, await rawInsertRate(rawDir, Math.max(accepted, BATCH)));
  }
  report('ingest.raw_sqlite.responses_per_s', rawRate, 'responses/s');
  report('ingest.batch_http.responses_per_s', batchRate, 'responses/s', rawRate);
  report('ingest.batch_http.p99', b.latency.p99, 'ms per batch');

  // (b) single responses
  const singleFile = join(base, 'single.json');
  writeFileSync(singleFile, JSON.stringify(makeResponses(1, surveyId, linkId, Date.now())[0]));
  const singleRun = (url: string, seconds: number, h: Record<string, string>) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      seconds,
      method: 'POST',
      headers: h,
      bodyFile: singleFile,
    });
  progress(`ingest: bare POST: ${DURATION_S} s with ${CONNECTIONS} connections`);
  await singleRun(`${bareUrl}/bare`, 1, { 'content-type': 'application/json' });
  const bareRun = await singleRun(`${bareUrl}/bare`, DURATION_S, {
    'content-type': 'application/json',
  });
  warnOnFailures('ingest: bare', bareRun);
  progress(`ingest: single: ${DURATION_S} s with ${CONNECTIONS} connections`);
  await singleRun(responsesUrl, 1, headers);
  const beforeSingle = await countResponses(runtime, workspace.id);
  const s = await singleRun(responsesUrl, DURATION_S, headers);
  warnOnFailures('ingest: single', s);
  const storedSingle = (await countResponses(runtime, workspace.id)) - beforeSingle;
  if (storedSingle < s['2xx'])
    progress(`ingest: single: WARNING only ${storedSingle} stored for ${s['2xx']} accepted`);
  const bareRps = bareRun['2xx'] / bareRun.duration;
  report('ingest.bare_post.rps', bareRps, 'req/s', bareRps);
  report('ingest.single_http.responses_per_s', s['2xx'] / s.duration, 'responses/s', bareRps);
  report('ingest.single_http.p99', s.latency.p99, 'ms', bareRun.latency.p99);
  report('ingest.single_http.rss', rssMiB(), 'MiB');
} finally {
  await bare.close();
  await app.close();
  await runtime.close();
  rmSync(base, { recursive: true, force: true });
}
