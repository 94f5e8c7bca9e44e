import { systemClock, type Clock, type Store } from '@polku/core';
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
  database: DatabaseHandle;
  store: Store;
  services: Services;
  /** Where every part of the process takes "now" from. */
  clock: Clock;
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

/**
 * Opens the database, applies migrations and wires services, mail and jobs. `clock` is for
 * tests that move time.
 */
export async function createRuntime(
  config: AppConfig,
  log: Logger = createLogger(config),
  { clock = systemClock }: { clock?: Clock } = {},
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
  const store = createStore(database);
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
    jobDefinitions(store, mailer, log, services),
    log.child({ role: 'worker' }),
    { concurrency: config.worker.concurrency, clock },
  );
  const scheduler = new Scheduler(store, recurringJobs, log.child({ role: 'scheduler' }));
  return {
    config,
    log,
    database,
    store,
    services,
    clock,
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
