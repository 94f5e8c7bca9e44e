import type { SessionInfo } from '@polku/contracts';
import type { Clock } from '@polku/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import type { TestDatabase, TestDialect } from './databases.js';
import { pino } from 'pino';

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  close(): Promise<void>;
}

/**
 * A full Polku app (routes, services, worker) on a fresh database of the dialect; `clock`
 * moves time for the tests that need it.
 */
export async function startTestApp(
  dialect: TestDialect,
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<TestApp> {
  const database: TestDatabase = await dialect.create();
  const config: AppConfig = {
    ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://polku.test', ...env }),
    database: database.config,
  };
  const runtime = await createRuntime(config, pino({ level: 'silent' }), options);
  const app = await buildApp({ ...runtime, logger: false });
  return {
    app,
    runtime,
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token on changes. */
export class Browser {
  private static count = 0;
  cookie = '';
  csrf = '';
  /** Each browser comes from its own address, as people do, so per-IP limits stay per person. */
  readonly remoteAddress: string;

  constructor(private readonly app: FastifyInstance) {
    Browser.count += 1;
    this.remoteAddress = `10.${(Browser.count >> 16) & 255}.${(Browser.count >> 8) & 255}.${Browser.count & 255}`;
  }

  async request(
    opts: InjectOptions & { method: string; url: string },
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      ...(opts.headers as Record<string, string> | undefined),
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ remoteAddress: this.remoteAddress, ...opts, headers });
    const set = res.cookies.find((c) => c.name === 'polku_session');
    if (set) this.cookie = set.value ? `polku_session=${set.value}` : '';
    return res;
  }

  async login(email: string, password: string): Promise<SessionInfo> {
    const res = await this.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const info = res.json<SessionInfo>();
    this.csrf = info.csrfToken;
    return info;
  }
}

export interface Account {
  browser: Browser;
  userId: string;
  workspaceId: string;
  email: string;
  password: string;
}

let counter = 0;

/** Creates a person with their own workspace (as its owner) and signs them in. */
export async function createAccount(t: TestApp, label = 'owner'): Promise<Account> {
  counter += 1;
  const email = `${label}${counter}@example.com`;
  const password = `secret-password-${counter}`;
  const user = await t.runtime.services.auth.createAccount({
    name: `${label} ${counter}`,
    email,
    password,
    language: 'fi',
  });
  const ws = await t.runtime.services.workspaces.create(
    user.id,
    {
      name: `Workspace of ${label} ${counter}`,
      timeZone: 'Europe/Helsinki',
      languages: ['fi', 'sv', 'en'],
      defaultLanguage: 'fi',
    },
    null,
  );
  const browser = new Browser(t.app);
  await browser.login(email, password);
  return { browser, userId: user.id, workspaceId: ws.id, email, password };
}

/** The token in the link of a mail body (`/invite/` or `/reset-password\\?token=`). */
export function tokenFrom(text: string, path: string): string {
  const match = new RegExp(`${path}([A-Za-z0-9_%-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in mail`);
  return decodeURIComponent(match[1]);
}
