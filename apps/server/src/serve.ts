import type { AppConfig } from './config.js';
import { buildApp } from './app.js';
import { ensureDemo } from './demo.js';
import { createRuntime } from './runtime.js';

/**
 * What `polku serve` prints once it runs: the address to open is PUBLIC_URL, the same one every
 * link in email uses, and the bound address only when it differs from it.
 */
export function startBanner(config: AppConfig, web: boolean, demoLine = ''): string {
  const open = web ? `\n  Open ${config.http.publicUrl}` : '';
  const local = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(config.http.host);
  const bound = `http://${local ? 'localhost' : config.http.host}:${config.http.port}`;
  const listening = web && bound !== config.http.publicUrl ? `\n  Listening on ${bound}` : '';
  return `\nPolku is running (${config.roles.join(', ')}).${open}${listening}${demoLine}\n`;
}

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

  console.log(startBanner(config, app !== undefined, demoLine));

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
