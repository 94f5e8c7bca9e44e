/**
 * HTTP throughput and p99 latency on loopback, against the same baseline in the same run:
 *   bare       a plain Fastify instance with one route, GET /bare -> {ok:true}
 *   healthz    the full Polku app (every plugin and hook), no authentication, no database
 *   workspace  GET /api/v1/workspaces/:id with an API key (Authorization: Bearer): the full
 *              path of an authenticated API read (key lookup, access check, repository, zod)
 * The app is built with buildApp() on a temporary SQLite file and listens on 127.0.0.1:0. The
 * load generator is autocannon in a separate process (so it does not share the server's event
 * loop), with keep-alive connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp, createRuntime, loadConfig } from '@polku/server';
import {
  autocannon,
  progress,
  report,
  rssMiB,
  warnOnFailures,
  type CannonResult,
} from './support.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

async function measure(
  label: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<CannonResult> {
  progress(`http: ${label}: warming up`);
  await autocannon({ url, headers, connections: CONNECTIONS, seconds: 1 });
  progress(`http: ${label}: ${DURATION_S} s with ${CONNECTIONS} connections`);
  const r = await autocannon({ url, headers, connections: CONNECTIONS, seconds: DURATION_S });
  warnOnFailures(`http: ${label}`, r);
  return r;
}

async function address(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  if (a === null || typeof a === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${a.port}`;
}

const dir = mkdtempSync(join(tmpdir(), 'polku-bench-http-'));
const config = loadConfig({
  POLKU_DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  POLKU_DEMO: '0',
  WEB_DIST_DIR: join(dir, 'no-web'),
});
const runtime = await createRuntime(config);
const bare = Fastify({ logger: false });
bare.get('/bare', () => ({ ok: true }));
const app = await buildApp({ ...runtime, logger: false });
try {
  // A member, a workspace and a read-only API key, made through the services.
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
      defaultLanguage: 'en',
    },
    null,
  );
  const workspace = await store.workspaces.findById(created.id);
  if (!workspace) throw new Error('the workspace was not stored');
  const { secret } = await services.apiKeys.create(
    { workspace, actor: { kind: 'user', userId: user.id, role: 'owner' }, ip: null },
    { name: 'bench', scopes: ['workspace.read'] },
  );
  const auth = { Authorization: `Bearer ${secret}` };

  const bareUrl = await address(bare);
  const appUrl = await address(app);
  const check = await fetch(`${appUrl}/api/v1/workspaces/${workspace.id}`, { headers: auth });
  if (!check.ok) throw new Error(`GET workspace answered ${check.status}: ${await check.text()}`);

  const b = await measure('bare', `${bareUrl}/bare`);
  report('http.bare.rps', b.requests.average, 'req/s', b.requests.average);
  report('http.bare.p99', b.latency.p99, 'ms', b.latency.p99);
  report('http.bare.rss', rssMiB(), 'MiB');

  const h = await measure('healthz', `${appUrl}/healthz`);
  report('http.healthz.rps', h.requests.average, 'req/s', b.requests.average);
  report('http.healthz.p99', h.latency.p99, 'ms', b.latency.p99);
  report('http.healthz.rss', rssMiB(), 'MiB');

  const w = await measure('workspace', `${appUrl}/api/v1/workspaces/${workspace.id}`, auth);
  report('http.api_key_get_workspace.rps', w.requests.average, 'req/s', b.requests.average);
  report('http.api_key_get_workspace.p99', w.latency.p99, 'ms', b.latency.p99);
  report('http.api_key_get_workspace.rss', rssMiB(), 'MiB');
} finally {
  await bare.close();
  await app.close();
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
}
