import {
  apiKeyScopes,
  errorBodySchema,
  fileRoutes,
  routes,
  type JourneyMap,
  type RouteName,
} from '@polku/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../src/demo/random.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { testEnv } from './support/env.js';
import {
  ECHO_MARKER,
  mutatedRequest,
  plainRequest,
  type HostileRequest,
  type Json,
  type Seed,
} from './support/hostile.js';
import { everyType } from './support/respondent.js';

/**
 * A bounded, seeded fuzz of every endpoint a stranger or an integration can reach: the
 * public and API-key routes of the route table (as an API key and as a signed-in person),
 * the respondent pages, the widget, the unsubscribe page, the scripts and OpenAPI. Each
 * request is a valid one with one to three hostile mutations. Whatever comes in, the server
 * answers below 500, in the error format (or a page), never shows a marker unescaped, stores
 * nothing from a request it refuses, and is healthy afterwards.
 *
 * POLKU_FUZZ_SEED and POLKU_FUZZ_REQUESTS change the run; a failure names the seed to repeat it.
 */
const SEED = testEnv.fuzzSeed ?? 20261202;
const REQUESTS = testEnv.fuzzRequests ?? 2000;

/**
 * Every table the fuzzed endpoints write to (sign-in and setup, password resets, invitations,
 * responses with their answers, rollups and attributes, events, the contact log of identified
 * prompts, unsubscribes), counted after every request: a refused one must leave them as they
 * were. Sessions and the audit log are left out: they record refusals too.
 */
const COUNTED_TABLES = [
  'users',
  'workspaces',
  'memberships',
  'password_resets',
  'emails',
  'jobs',
  'responses',
  'answers',
  'answer_day_counts',
  'response_attributes',
  'customer_events',
  'contact_log',
  'unsubscribes',
] as const;

interface World {
  owner: Account;
  apiKey: string;
  surveyId: string;
  linkId: string;
  pageToken: string;
  widgetToken: string;
  invitationLinkToken: string;
  invitationToken: string;
  responseId: string;
  journeyId: string;
  touchpointId: string;
  now: number;
}

/** Who a workspace route is called as: integrations use a key, the web app a session. */
type Caller = 'API key' | 'session';

function headersOf(world: World, caller: Caller | 'anyone'): () => Record<string, string> {
  if (caller === 'API key') return () => ({ authorization: `Bearer ${world.apiKey}` });
  if (caller === 'session')
    return () => ({ cookie: world.owner.browser.cookie, 'x-csrf-token': world.owner.browser.csrf });
  return () => ({});
}

/** Valid bodies of the routes that take one, made fresh for each request. */
function bodiesOf(world: World, random: Random): Partial<Record<RouteName, () => Json>> {
  const id = () => random.uuidV7(world.now);
  const hourAgo = world.now - 3_600_000;
  const response = (): Json => ({
    id: id(),
    surveyId: world.surveyId,
    version: 1,
    channel: 'web',
    language: 'sv',
    submittedAt: hourAgo,
    answers: {
      nps: 9,
      csat: 4,
      words: 'Nopea toimitus',
      multi: ['x', 'y'],
      exp: { expectation: 3, outcome: 4 },
    },
    attributes: { tier: 'gold' },
  });
  const event = (): Json => ({
    id: id(),
    customerRef: 'asiakas-1',
    type: 'purchase',
    touchpointId: world.touchpointId,
    occurredAt: hourAgo,
    value: 42.5,
  });
  const scope = { surveyId: world.surveyId, from: '2026-01-01', to: '2026-12-31' };
  return {
    completeSetup: () => ({
      name: 'Someone',
      email: 'someone@example.com',
      password: 'long-enough-password',
      workspaceName: 'Another',
    }),
    login: () => ({ email: world.owner.email, password: world.owner.password }),
    requestPasswordReset: () => ({ email: world.owner.email }),
    confirmPasswordReset: () => ({ token: 'x'.repeat(32), password: 'long-enough-password' }),
    acceptInvitation: () => ({ name: 'Invited', password: 'long-enough-password' }),
    submitResponse: response,
    submitResponseBatch: () => ({ responses: [response(), response()] }),
    queryMetric: () => ({
      metric: { kind: 'nps' },
      by: 'month',
      from: '2026-01-01',
      to: '2026-12-31',
      filters: { channels: ['web'], attributes: [{ key: 'tier', values: ['gold'] }] },
      breakdown: { by: 'channel' },
    }),
    analyzeKeyDrivers: () => ({ ...scope, outcome: 'nps', drivers: ['csat', 'ces'] }),
    analyzeImportancePerformance: () => ({
      ...scope,
      attributes: ['csat', 'ces'],
      importance: { kind: 'derived', outcome: 'nps' },
    }),
    analyzeExpectationGaps: () => scope,
    analyzeKano: () => scope,
    analyzeEmotions: () => ({ ...scope, question: 'feelings' }),
    analyzeResponseRate: () => ({ surveyId: world.surveyId, by: 'month' }),
    analyzeIncidents: () => ({ ...scope, question: 'incident' }),
    getJourneyMetrics: () => ({ metric: { kind: 'nps' }, from: '2026-01-01', to: '2026-03-31' }),
    recordEvent: event,
    recordEventBatch: () => ({ events: [event(), event()] }),
    queryObservedFlow: () => ({
      from: '2026-01-01',
      to: '2026-12-31',
      eventTypes: ['purchase'],
      outcome: { band: 'promoter' },
      stageOrder: { [world.touchpointId]: 0 },
      maxSteps: 4,
    }),
  };
}

/** Statuses a valid request answers when it names something that does not exist here. */
const EXPECTED: Partial<Record<RouteName, readonly number[]>> = {
  completeSetup: [409],
  confirmPasswordReset: [410],
  getInvitation: [410],
  acceptInvitation: [410],
  getTargetEvaluation: [404],
  codeIncidentAnswer: [404],
};

/** The table routes a stranger or an integration can reach: public ones and API-key scopes. */
const reachable = (Object.keys(routes) as RouteName[]).filter((name) => {
  const access = routes[name].access;
  return (
    access.kind === 'public' ||
    (access.kind === 'workspace' && (apiKeyScopes as readonly string[]).includes(access.permission))
  );
});

function seedsOf(world: World, random: Random): Seed[] {
  const bodies = bodiesOf(world, random);
  const params: Record<string, string> = {
    workspaceId: world.owner.workspaceId,
    surveyId: world.surveyId,
    linkId: world.linkId,
    version: '1',
    responseId: world.responseId,
    journeyId: world.journeyId,
    userId: world.owner.userId,
    targetId: random.uuidV7(world.now),
    categoryId: random.uuidV7(world.now),
    questionKey: 'incident',
    token: 'not-a-real-token-0123456789',
  };
  const queries: Partial<Record<RouteName, Record<string, string>>> = {
    listResponses: {
      surveyId: world.surveyId,
      from: '2026-01-01',
      to: '2026-12-31',
      band: 'promoter',
      limit: '10',
    },
    getQuestionMetric: {
      surveyId: world.surveyId,
      question: 'nps',
      by: 'week',
      from: '2026-01-01',
      to: '2026-06-30',
    },
    listEvents: { customerRef: 'asiakas-1', type: 'purchase', from: '2026-01-01', limit: '5' },
    listIncidentAnswers: { surveyId: world.surveyId, question: 'incident', limit: '5' },
  };
  const pathParams = (path: string) =>
    Object.fromEntries(
      [...path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => [name!, params[name!] ?? 'x']),
    );
  const tableSeeds = reachable.flatMap((name): Seed[] => {
    const route = routes[name];
    const callers: (Caller | 'anyone')[] =
      route.access.kind === 'public' ? ['anyone'] : ['API key', 'session'];
    return callers.map((caller) => ({
      name: caller === 'anyone' ? name : `${name} as ${caller}`,
      method: route.method,
      path: route.path,
      params: pathParams(route.path),
      query: queries[name] ?? {},
      queryKeys: 'query' in route ? Object.keys(route.query.shape) : [],
      ...('body' in route && { json: bodies[name] ?? (() => ({})) }),
      headers: headersOf(world, caller),
      expect: EXPECTED[name] ?? [route.status],
    }));
  });

  const form = (page: number, answers: [string, string][]) => (): [string, string][] => [
    ['_rid', random.uuidV7(world.now)],
    ['_page', String(page)],
    ['_v', '1'],
    ['_lang', 'fi'],
    ['_action', 'next'],
    ...answers,
  ];
  const anyone = headersOf(world, 'anyone');
  const page = (name: string, s: Partial<Seed> & Pick<Seed, 'method' | 'path'>): Seed => ({
    name,
    params: {},
    headers: anyone,
    expect: [200],
    ...s,
  });
  const otherSeeds: Seed[] = [
    page('respondent page', {
      method: 'GET',
      path: '/s/:token',
      params: { token: world.pageToken },
      query: { lang: 'sv' },
      queryKeys: ['lang', 'i'],
    }),
    page('personal invitation page', {
      method: 'GET',
      path: '/s/:token',
      params: { token: world.invitationLinkToken },
      query: { i: world.invitationToken, lang: 'en' },
      queryKeys: ['lang', 'i'],
    }),
    page('respondent page, first page posted', {
      method: 'POST',
      path: '/s/:token',
      params: { token: world.pageToken },
      form: form(0, [
        ['q_nps', '9'],
        ['q_csat', '4'],
        ['q_ces', '6'],
        ['q_rating', '3'],
      ]),
    }),
    page('respondent page, open text posted', {
      method: 'POST',
      path: '/s/:token',
      params: { token: world.pageToken },
      form: form(2, [
        ['q_single', 'a'],
        ['q_multi', 'x'],
        ['q_multi', 'z'],
        ['q_words', 'Kukat olivat kauniita'],
      ]),
    }),
    page('respondent page, last page submitted', {
      method: 'POST',
      path: '/s/:token',
      params: { token: world.pageToken },
      form: form(3, [
        ['q_kano.functional', 'like'],
        ['q_kano.dysfunctional', 'dislike'],
        ['q_incident.what', 'Kuljettaja soitti etukäteen'],
        ['q_incident.when', 'delivery'],
        ['q_incident.valence', 'positive'],
      ]),
    }),
    page('respondent script', {
      method: 'GET',
      path: '/s/assets/respondent.js',
      query: { v: '1' },
      queryKeys: ['v'],
    }),
    page('widget survey', {
      method: 'GET',
      path: '/w/:token/survey.json',
      params: { token: world.widgetToken },
    }),
    page('widget response', {
      method: 'POST',
      path: '/w/:token/responses',
      params: { token: world.widgetToken },
      json: () => ({
        id: random.uuidV7(world.now),
        version: 1,
        language: 'en',
        answers: { nps: 10, words: 'Great' },
      }),
      expect: [201],
    }),
    page('widget preflight', {
      method: 'OPTIONS',
      path: '/w/:token/responses',
      params: { token: world.widgetToken },
      expect: [204],
    }),
    page('widget prompt', {
      method: 'POST',
      path: '/w/:token/prompt',
      params: { token: world.widgetToken },
      json: () => ({ respondent: `visitor-${random.int(1, 1e6)}@example.com` }),
    }),
    page('widget script', { method: 'GET', path: '/widget.js', expect: [200, 404] }),
    page('unsubscribe page', {
      method: 'GET',
      path: '/u/:token',
      params: { token: world.invitationToken },
    }),
    page('unsubscribe', {
      method: 'POST',
      path: '/u/:token',
      params: { token: world.invitationToken },
    }),
    page('OpenAPI', { method: 'GET', path: '/api/openapi.json' }),
    page('health', { method: 'GET', path: '/healthz' }),
    page('readiness', { method: 'GET', path: '/readyz' }),
    ...(['exportResponses', 'linkQrPng'] as const).map((name): Seed => ({
      name,
      method: 'GET',
      path: fileRoutes[name].path,
      params: pathParams(fileRoutes[name].path),
      query:
        name === 'exportResponses'
          ? { surveyId: world.surveyId, from: '2026-01-01' }
          : { size: '256' },
      queryKeys: Object.keys(fileRoutes[name].query.shape),
      headers: headersOf(world, 'API key'),
      expect: [200],
    })),
  ];
  return [...tableSeeds, ...otherSeeds];
}

async function buildWorld(t: TestApp): Promise<World> {
  const owner = await createAccount(t);
  const base = `/api/v1/workspaces/${owner.workspaceId}`;
  const call = async <T>(method: string, url: string, payload?: object): Promise<T> => {
    const res = await owner.browser.request({ method, url, ...(payload && { payload }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const { secret } = await call<{ secret: string }>('POST', `${base}/api-keys`, {
    name: 'Fuzz',
    scopes: apiKeyScopes,
  });
  const survey = await call<{ id: string }>('POST', `${base}/surveys`, {
    name: 'Kaikki kysymykset',
    purpose: 'transactional',
    touchpointId: null,
    languages: ['fi', 'sv', 'en'],
    defaultLanguage: 'fi',
  });
  await call('PATCH', `${base}/surveys/${survey.id}`, { draft: everyType });
  await call('POST', `${base}/surveys/${survey.id}/publish`);
  const link = (channel: string) =>
    call<{ id: string; token: string }>('POST', `${base}/surveys/${survey.id}/links`, {
      name: channel,
      channel,
      touchpointId: null,
    });
  const [web, widget] = [await link('web'), await link('widget')];
  await call('POST', `${base}/surveys/${survey.id}/invitations`, {
    recipients: [{ email: 'vastaaja@example.com', language: 'fi' }],
  });
  await t.runtime.worker.drain();
  const mail = await t.runtime.database.db
    .selectFrom('emails')
    .select('text')
    .where('to', '=', 'vastaaja@example.com')
    .executeTakeFirstOrThrow();
  const [, invitationLinkToken, invitationToken] =
    /\/s\/([A-Za-z0-9_-]+)\?i=([A-Za-z0-9_-]+)/.exec(mail.text) ?? [];
  const { items } = await call<{ items: { key: string }[] }>('GET', `${base}/journey-templates`);
  const journey = await call<JourneyMap>('POST', `${base}/journeys/from-template`, {
    template: items[0]!.key,
  });
  const { id: responseId } = await call<{ id: string }>('POST', `${base}/responses`, {
    surveyId: survey.id,
    answers: { nps: 8 },
  });
  return {
    owner,
    apiKey: secret,
    surveyId: survey.id,
    linkId: web.id,
    pageToken: web.token,
    widgetToken: widget.token,
    invitationLinkToken: invitationLinkToken!,
    invitationToken: invitationToken!,
    responseId,
    journeyId: journey.journey.id,
    touchpointId: journey.stages[0]!.touchpoints[0]!.id,
    now: Date.now(),
  };
}

for (const dialect of testDialects()) {
  describe(`hostile requests on ${dialect.name}`, () => {
    let t: TestApp;
    let world: World;

    beforeAll(async () => {
      t = await startTestApp(dialect, { POLKU_RATE_LIMIT: 'false' });
      world = await buildWorld(t);
    });
    afterAll(() => t?.close());

    const countRows = async (): Promise<Record<string, number>> => {
      const columns = COUNTED_TABLES.map((name) => `(select count(*) from ${name}) as ${name}`);
      const { rows } = await sql<
        Record<string, number | string>
      >`select ${sql.raw(columns.join(', '))}`.execute(t.runtime.database.db);
      return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
    };
    let address = 0;
    const send = (req: HostileRequest) =>
      t.app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: req.headers,
        ...(req.payload !== undefined && { payload: req.payload }),
        remoteAddress: `10.66.${(++address >> 8) & 255}.${address & 255}`,
      });

    it(`answers ${REQUESTS} seeded hostile requests below 500, in the error format, storing nothing it refuses (seed ${SEED})`, async () => {
      const random = new Random(SEED);
      const seeds = seedsOf(world, random);
      const covered = new Set(seeds.map((s) => s.name.replace(/ as .*$/, '')));
      expect(reachable.filter((name) => !covered.has(name))).toEqual([]);

      const failures: string[] = [];
      const statuses = new Map<number, number>();
      const describe = (req: HostileRequest) =>
        `${req.seed} [${req.mutations.join('; ') || 'as it is'}] ${req.method} ${req.url.slice(0, 120)}`;
      let before = await countRows();
      const check = async (req: HostileRequest, expected?: readonly number[]) => {
        const res = await send(req);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const after = await countRows();
        const type = String(res.headers['content-type'] ?? '');
        const problems: string[] = [];
        if (expected && !expected.includes(res.statusCode))
          problems.push(`a valid request answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 500)
          problems.push(`server error ${res.statusCode}: ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 400 && req.method !== 'HEAD' && type.includes('json')) {
          const parsed = errorBodySchema.safeParse(JSON.parse(res.body || 'null'));
          if (!parsed.success) problems.push(`not the error format: ${res.body.slice(0, 200)}`);
        }
        if (type.includes('html') && res.body.includes(ECHO_MARKER))
          problems.push('a page shows the marker unescaped');
        if (res.statusCode >= 400) {
          const changed = COUNTED_TABLES.filter((name) => before[name] !== after[name]);
          if (changed.length)
            problems.push(`refused (${res.statusCode}) but stored rows in ${changed.join(', ')}`);
        }
        before = after;
        for (const p of problems) failures.push(`${p}\n    ${describe(req)}`);
      };

      for (const seed of seeds) await check(plainRequest(seed), seed.expect);
      for (let i = 0; i < REQUESTS; i++) {
        const seed = random.pick(seeds);
        await check(mutatedRequest(seed, random));
      }

      expect(
        failures.slice(0, 30),
        `seed ${SEED} (repeat with POLKU_FUZZ_SEED=${SEED}): ${failures.length} problems`,
      ).toEqual([]);
      // A run that was refused wholesale (credentials broken, say) would prove nothing.
      const accepted = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
      expect(accepted).toBeGreaterThan(REQUESTS / 20);
      console.info(
        `fuzz on ${dialect.name}, seed ${SEED}: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, c]) => `${s}×${c}`)
          .join(' ')}`,
      );
    }, 120_000);

    it('is healthy afterwards: alive, ready, taking responses and counting them', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.json()).toEqual({ status: 'ready' });
      const base = `/api/v1/workspaces/${world.owner.workspaceId}`;
      const auth = { authorization: `Bearer ${world.apiKey}` };
      const submitted = await t.app.inject({
        method: 'POST',
        url: `${base}/responses`,
        headers: auth,
        payload: { surveyId: world.surveyId, answers: { nps: 10, words: 'Kiitos' } },
      });
      expect(submitted.statusCode).toBe(201);
      const stored = await t.app.inject({
        method: 'GET',
        url: `${base}/responses/${submitted.json<{ id: string }>().id}`,
        headers: auth,
      });
      expect(stored.json<{ answers: object }>().answers).toEqual({ nps: 10, words: 'Kiitos' });
      // No response from the far future slipped in: the years run from today's back, unpadded.
      const byYear = await t.app.inject({
        method: 'POST',
        url: `${base}/metrics/query`,
        headers: auth,
        payload: { metric: { kind: 'nps' }, by: 'year' },
      });
      expect(byYear.statusCode).toBe(200);
      const years = byYear
        .json<{ groups: { buckets: { bucket: string }[] }[] }>()
        .groups[0]!.buckets.map((b) => b.bucket);
      const thisYear = new Date(world.now).getUTCFullYear();
      expect(
        years.every((y) => /^\d{4}$/.test(y) && Number(y) >= 1970 && Number(y) <= thisYear + 1),
      ).toBe(true);
    });
  });
}
