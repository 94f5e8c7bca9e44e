import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { loadConfig } from '../src/config.js';
import { startBanner } from '../src/serve.js';

describe('the polku command line', () => {
  let env: Record<string, string>;
  let out: string[];
  let err: string[];

  beforeEach(() => {
    env = { POLKU_DATA_DIR: mkdtempSync(join(tmpdir(), 'polku-cli-')), LOG_LEVEL: 'silent' };
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  it('exits 2 with the usage on a missing or unknown command or option', async () => {
    expect(await main([], env)).toBe(2);
    expect(err.join()).toContain('Usage: polku');
    expect(await main(['fly'], env)).toBe(2);
    expect(err.join()).toContain('unknown command "fly"');
    expect(await main(['migrate', '--force'], env)).toBe(2);
    expect(await main(['serve', '--roles', 'web,cook'], env)).toBe(2);
    expect(err.join()).toContain('unknown role(s) cook');
  });

  it("prints a command's own help with --help (or help COMMAND), and starts nothing", async () => {
    const helpOf = async (...args: string[]) => {
      out = [];
      expect(await main(args, env), args.join(' ')).toBe(0);
      return out.join('\n');
    };
    expect(await helpOf('import', 'responses', '--help')).toMatch(
      /^Usage: polku import responses FILE --workspace W --survey S[\s\S]*--values 'COLUMN=LABEL=VALUE[\s\S]*--date-column NAME[\s\S]*--skip-invalid/,
    );
    expect(await helpOf('import', 'events', '-h')).toMatch(/^Usage: polku import events FILE/);
    const imports = await helpOf('import', '--help');
    expect(imports).toContain('import responses FILE');
    expect(imports).toContain('import events FILE');
    expect(await helpOf('help', 'import', 'responses')).toMatch(/^Usage: polku import responses/);
    const commands: [string[], RegExp][] = [
      [['serve', '--help'], /serve \[--roles web,worker,scheduler\]/],
      [['migrate', '--help'], /migrate +apply database migrations/],
      [['create-admin', '--help'], /create-admin --email E/],
      [['demo', '--help'], /demo +create the demo workspace/],
      [['surveys', 'create', '--help'], /surveys create --workspace W --template NAME/],
      [['export', '--help'], /export responses --workspace W/],
      [['export', 'responses', '--help'], /export responses --workspace W/],
      [['metrics', '--help'], /metrics --workspace W --survey S --question KEY/],
    ];
    for (const [args, usage] of commands) {
      const help = await helpOf(...args);
      expect(help, args.join(' ')).toMatch(/^Usage: polku/);
      expect(help, args.join(' ')).toMatch(usage);
      expect(help, args.join(' ')).not.toContain('Commands:');
    }
    expect(err).toEqual([]);
  });

  it('applies migrations once', async () => {
    expect(await main(['migrate'], env)).toBe(0);
    expect(out.pop()).toMatch(/^Applied: 0001-foundation/);
    expect(await main(['migrate'], env)).toBe(0);
    expect(out.pop()).toBe('The database is up to date.');
  });

  it('creates an admin with a workspace and prints JSON; refuses bad arguments and a taken email', async () => {
    expect(
      await main(['create-admin', '--email', 'boss@example.com', '--password', 'short'], env),
    ).toBe(2);
    expect(err.join()).toMatch(/--password: at least 10 characters/);
    expect(
      await main(
        ['create-admin', '--email', 'nope', '--password', 'long-enough-pw', '--workspace', 'X'],
        env,
      ),
    ).toBe(2);
    expect(
      await main(
        ['create-admin', '--email', 'boss@example.com', '--password', 'long-enough-pw'],
        env,
      ),
    ).toBe(2);
    expect(err.join()).toContain('--workspace is required');

    const args = [
      'create-admin',
      '--email',
      'Boss@Example.com',
      '--password',
      'long-enough-pw',
      '--workspace',
      'Kahvila Kuu',
    ];
    expect(await main(args, env)).toBe(0);
    const created = JSON.parse(out.pop()!) as Record<string, string>;
    expect(created).toMatchObject({ email: 'boss@example.com', workspaceName: 'Kahvila Kuu' });
    expect(created.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await main(args, env)).toBe(1);
    expect(err.join()).toContain('EMAIL_TAKEN');
  });

  it('prints only its JSON on standard output; logs go to standard error', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const run = spawnSync(
      process.execPath,
      [
        '--conditions=polku-source',
        '--import',
        'tsx',
        main,
        'create-admin',
        '--email',
        'pipe@example.com',
        '--password',
        'long-enough-pw',
        '--workspace',
        'Putki',
      ],
      { env: { ...env, LOG_LEVEL: 'info' }, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      email: 'pipe@example.com',
      workspaceName: 'Putki',
    });
    expect(run.stderr).toContain('migrations applied');
  });

  it('creates the demo workspace once', async () => {
    expect(await main(['demo'], env)).toBe(0);
    expect(JSON.parse(out.pop()!)).toMatchObject({ created: true, email: 'demo@polku.example' });
    expect(await main(['demo'], env)).toBe(0);
    expect(JSON.parse(out.pop()!)).toMatchObject({ created: false });
  });
});

describe('configuration', () => {
  it('runs locally with no environment at all', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.database).toMatchObject({ dialect: 'sqlite' });
    expect(config.database.dialect === 'sqlite' && config.database.file).toMatch(
      /data\/polku\.sqlite$/,
    );
    expect(config.demo).toBe(true);
    expect(config.roles).toEqual(['web', 'worker', 'scheduler']);
    expect(config.mail.smtpUrl).toBeNull();
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then seeds no demo unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db/polku' });
    expect(config.database).toMatchObject({ dialect: 'postgres', url: 'postgres://u@db/polku' });
    expect(config.demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/polku', POLKU_DEMO: '1' }).demo).toBe(true);
  });

  it('names every bad variable at once', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL/);
  });

  it('opens the start banner at PUBLIC_URL, the address the links use, and names the port it binds', () => {
    expect(startBanner(loadConfig({}), true)).toContain('Open http://localhost:3000\n');
    expect(startBanner(loadConfig({}), true)).not.toContain('Listening on');
    const behindProxy = loadConfig({ PUBLIC_URL: 'https://cx.example.fi/', PORT: '4000' });
    const banner = startBanner(behindProxy, true, '\n  Demo login: a / b');
    expect(banner).toContain('Open https://cx.example.fi\n  Listening on http://localhost:4000');
    expect(banner).toContain('Demo login: a / b');
    expect(startBanner(loadConfig({ POLKU_ROLES: 'worker' }), false)).not.toContain('Open');
  });

  it('marks cookies Secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://cx.example.fi' }).session.cookieSecure).toBe(true);
    expect(loadConfig({}).session.cookieSecure).toBe(false);
  });
});
