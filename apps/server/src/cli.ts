import { emailSchema, nameSchema, passwordSchema } from '@polku/contracts';
import { DomainError } from '@polku/core';
import { migrateToLatest, openDatabase } from '@polku/db';
import type { z } from 'zod';
import {
  ConfigError,
  loadConfig,
  parseRoles,
  processEnvironment,
  type AppConfig,
} from './config.js';
import { ensureDemo } from './demo.js';
import { EXPORT_USAGE, exportCommand } from './export/export-command.js';
import { ArgumentError, parseCommandArgs } from './cli-args.js';
import { importCommand } from './import/import-command.js';
import { IMPORT_EVENTS_HELP, IMPORT_RESPONSES_HELP, IMPORT_USAGE } from './import/import-help.js';
import { METRICS_USAGE, metricsCommand } from './metrics/metrics-command.js';
import { SURVEYS_USAGE, surveysCommand } from './import/surveys-command.js';
import { createRuntime } from './runtime.js';
import { serve } from './serve.js';

const SERVE_USAGE = `  serve [--roles web,worker,scheduler] [--port N]   run Polku (all roles by default)`;
const MIGRATE_USAGE = `  migrate                                           apply database migrations`;
const CREATE_ADMIN_USAGE = `  create-admin --email E --password P --workspace NAME [--name N]
                                                    create an owner and a workspace; prints JSON`;
const DEMO_USAGE = `  demo                                              create the demo workspace and its login`;

const USAGE = `Usage: polku <command> [options]

Commands:
${SERVE_USAGE}
${MIGRATE_USAGE}
${CREATE_ADMIN_USAGE}
${DEMO_USAGE}
${SURVEYS_USAGE}
${IMPORT_USAGE}
${EXPORT_USAGE}
${METRICS_USAGE}
  help [COMMAND]                                    show this text, or a command's
                                                    (also: polku COMMAND --help)

Configuration comes from the environment: see docs/configuration.md.`;

/** Each command's own help: its usage lines (a command with subcommands: per subcommand). */
const COMMAND_HELP: Record<string, string | Record<string, string>> = {
  serve: SERVE_USAGE,
  migrate: MIGRATE_USAGE,
  'create-admin': CREATE_ADMIN_USAGE,
  demo: DEMO_USAGE,
  surveys: SURVEYS_USAGE,
  import: { '': IMPORT_USAGE, responses: IMPORT_RESPONSES_HELP, events: IMPORT_EVENTS_HELP },
  export: EXPORT_USAGE,
  metrics: METRICS_USAGE,
};

/**
 * `polku COMMAND [SUBCOMMAND] --help`: that command's help, the detailed one where a
 * subcommand has it; undefined for a command there is none of.
 */
export function commandHelp(command: string, sub: string | undefined): string | undefined {
  const help = COMMAND_HELP[command];
  if (help === undefined) return undefined;
  if (typeof help === 'string') return `Usage: polku\n${help}`;
  const detailed = sub === undefined ? undefined : help[sub];
  return detailed ?? `Usage: polku\n${help['']}`;
}

function required(
  value: string | boolean | undefined,
  name: string,
  schema: z.ZodType<string, string>,
): string {
  if (typeof value !== 'string') throw new ArgumentError(`--${name} is required`);
  const r = schema.safeParse(value);
  if (!r.success)
    throw new ArgumentError(`--${name}: ${r.error.issues.map((i) => i.message).join(', ')}`);
  return r.data;
}

async function migrate(config: AppConfig): Promise<void> {
  const database = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(database.db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await database.close();
  }
}

async function createAdmin(config: AppConfig, args: string[]): Promise<void> {
  const { values: v } = parseCommandArgs(
    args,
    {
      email: { type: 'string' },
      password: { type: 'string' },
      workspace: { type: 'string' },
      name: { type: 'string' },
    },
    0,
  );
  const email = required(v.email, 'email', emailSchema);
  const password = required(v.password, 'password', passwordSchema);
  const workspaceName = required(v.workspace, 'workspace', nameSchema);
  const name =
    typeof v.name === 'string' ? required(v.name, 'name', nameSchema) : email.split('@')[0]!;
  const runtime = await createRuntime(config);
  try {
    const user = await runtime.services.auth.createAccount({
      name,
      email,
      password,
      language: 'fi',
    });
    const workspace = await runtime.services.workspaces.create(
      user.id,
      {
        name: workspaceName,
        timeZone: 'Europe/Helsinki',
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: 'fi',
      },
      null,
    );
    console.log(
      JSON.stringify({
        userId: user.id,
        email: user.email,
        workspaceId: workspace.id,
        workspaceName: workspace.name,
      }),
    );
  } finally {
    await runtime.close();
  }
}

async function demo(config: AppConfig): Promise<void> {
  const runtime = await createRuntime(config);
  try {
    const result = await ensureDemo(runtime);
    console.log(JSON.stringify(result));
  } finally {
    await runtime.close();
  }
}

/** Runs the `polku` command line; returns the exit code. */
export async function main(
  argv: string[],
  env: Record<string, string | undefined> = processEnvironment(),
): Promise<number> {
  const [command, ...args] = argv;
  if (command !== undefined && (args.includes('--help') || args.includes('-h'))) {
    const help = commandHelp(command, args[0]?.startsWith('-') ? undefined : args[0]);
    if (help !== undefined) {
      console.log(help);
      return 0;
    }
  }
  try {
    switch (command) {
      case 'serve': {
        const { values: v } = parseCommandArgs(
          args,
          { roles: { type: 'string' }, port: { type: 'string' } },
          0,
        );
        const config = loadConfig({ ...env, ...(typeof v.port === 'string' && { PORT: v.port }) });
        if (typeof v.roles === 'string') config.roles = parseRoles(v.roles);
        await serve(config);
        return 0;
      }
      case 'migrate':
        parseCommandArgs(args, {}, 0);
        await migrate(loadConfig(env));
        return 0;
      case 'create-admin':
        await createAdmin(loadConfig(env), args);
        return 0;
      case 'demo':
        parseCommandArgs(args, {}, 0);
        await demo(loadConfig(env));
        return 0;
      case 'surveys':
        await surveysCommand(loadConfig(env), args);
        return 0;
      case 'import':
        return await importCommand(loadConfig(env), args);
      case 'export':
        await exportCommand(loadConfig(env), args);
        return 0;
      case 'metrics':
        await metricsCommand(loadConfig(env), args);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        console.log((args[0] && commandHelp(args[0], args[1])) ?? USAGE);
        return 0;
      case undefined:
        throw new ArgumentError('no command given');
      default:
        throw new ArgumentError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof ArgumentError) {
      const help = command === undefined ? undefined : commandHelp(command, args[0]);
      console.error(`polku: ${e.message}\n\n${help ?? USAGE}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      console.error(`polku: ${e.message}`);
      return 2;
    }
    if (e instanceof DomainError) {
      console.error(`polku: ${e.message} (${e.code})`);
      return 1;
    }
    console.error('polku: failed:', e);
    return 1;
  }
}
