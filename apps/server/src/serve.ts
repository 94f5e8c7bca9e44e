import type { AppConfig } from './config.js';
import { buildApp } from './app.js';
import { ensureDemo } from './demo.js';
import { createRuntime } from './runtime.js';

/**
 * `polku serve`: the web server, the job worker and the scheduler, in whichever combination
 * `config.roles` names. Resolves when the process has shut down after SIGINT or SIGTERM,
 * having finished the requests and jobs in flight.
 */
export async function serve(config: AppConfig): Promise<void> {
  const runtime = await createRuntime(config);
  const { log } = runtime;
  let demoLine = '';
  if (config.demo && config.roles.includes('web')) {
    const demo = await ensureDemo(runtime);
    if (demo.created) log.info({ workspaceId: demo.workspaceId }, 'demo workspace created');
    demoLine = `\n  Demo login: ${demo.email} / ${demo.password}`;
  }
  const app = config.roles.includes('web')
    ? await buildApp({ ...runtime, logger: log })
    : undefined;
  if (app) await app.listen({ port: config.http.port, host: config.http.host });
  if (config.roles.includes('worker')) runtime.worker.start();
  if (config.roles.includes('scheduler')) runtime.scheduler.start();

  const address = app
    ? `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`
    : '';
  console.log(
    `\nPolku is running (${config.roles.join(', ')}).${address ? `\n  Open ${address}` : ''}${demoLine}\n`,
  );

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        log.warn('second signal: exiting at once');
        process.exit(1);
      }
      stopping = true;
      log.info({ signal }, 'shutting down: finishing requests and jobs in progress');
      void (async () => {
        try {
          await app?.close();
          await runtime.close();
        } catch (err) {
          log.error({ err }, 'error during shutdown');
        }
        resolve();
      })();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
