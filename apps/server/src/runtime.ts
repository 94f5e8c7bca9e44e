import { clockStartingAt, systemClock, type Clock, type Store } from '@polku/core';
import { createStore, migrateToLatest, openDatabase, type DatabaseHandle } from '@polku/db';
import { pino, type Logger } from 'pino';
import type { AppConfig } from './config.js';
import { createKeepingMailer, createSmtpMailer, type Mailer } from './infra/mailer.js';
import { argon2Hasher } from './infra/password-hasher.js';
import { createFetchWebhookSender } from './infra/webhook-sender.js';
import { jobDefinitions, recurringJobs } from './jobs/definitions.js';
import { Scheduler } from './jobs/scheduler.js';
import { Worker } from './jobs/worker.js';
import { createServices, type Services } from './services.js';

/** Everything a Polku process is made of, wired once (the composition root). */
export interface Runtime {
  config: AppConfig;
  log: Logger;
  /** Where every part of the process reads the time: services, jobs, the demo, HTTP limits. */
  clock: Clock;
  database: DatabaseHandle;
  store: Store;
  services: Services;
  mailer: Mailer;
  worker: Worker;
  scheduler: Scheduler;
  close(): Promise<void>;
}

/**
 * JSON log lines on standard error, so standard output carries only what a command prints
 * (`polku create-admin` and `polku metrics --json` print JSON meant for other programs).
 */
export function createLogger(config: AppConfig): Logger {
  return pino(
    {
      level: config.log.level,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    pino.destination(2),
  );
}

/** The real clock, or one starting at the configured "today" (POLKU_TODAY) and running on. */
export function configuredClock(config: AppConfig): Clock {
  return config.clock.startAt === null ? systemClock : clockStartingAt(config.clock.startAt);
}

/**
 * Opens the database, applies migrations and wires services, mail and jobs, all reading the
 * time from `clock`: by default the configured one (tests may pass one that they move).
 */
export async function createRuntime(
  config: AppConfig,
  log: Logger = createLogger(config),
  { clock = configuredClock(config) }: { clock?: Clock } = {},
): Promise<Runtime> {
  const database = openDatabase(config.database, {
    onConnectionError: (err) =>
      log.warn({ err }, 'an idle database connection failed; the pool replaces it'),
  });
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  } catch (err) {
    await database.close();
    throw err;
  }
  const store = createStore(database, clock);
  const services = createServices({
    store,
    hasher: argon2Hasher,
    config,
    webhookSender: createFetchWebhookSender(),
    clock,
  });
  const mailer = config.mail.smtpUrl
    ? createSmtpMailer(config.mail.smtpUrl, config.mail.from)
    : createKeepingMailer((mail) =>
        log.info(
          { to: mail.to, subject: mail.subject, text: mail.text },
          'mail kept in the outbox (no SMTP_URL set)',
        ),
      );
  const worker = new Worker(
    store.jobs,
    jobDefinitions(store, mailer, log, services, clock),
    log.child({ role: 'worker' }),
    { concurrency: config.worker.concurrency, clock },
  );
  const scheduler = new Scheduler(store, recurringJobs, log.child({ role: 'scheduler' }), clock);
  return {
    config,
    log,
    clock,
    database,
    store,
    services,
    mailer,
    worker,
    scheduler,
    async close() {
      await Promise.all([worker.stop(), scheduler.stop()]);
      mailer.close();
      await database.close();
    },
  };
}
