import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';

const NOT_BUILT = `<!doctype html><html lang="fi"><meta charset="utf-8"><title>Polku</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Polku</h1><p>Verkkosovellusta ei ole vielä käännetty. Aja <code>npm run build</code> tai <code>npm start</code>.</p>
<p lang="en">The web app has not been built yet. Run <code>npm run build</code> or <code>npm start</code>.</p></body></html>`;

/**
 * Serves the built staff app. Any other GET that is not an API path gets index.html, so the
 * app's own routes (/w/…/settings) load on refresh; unknown API paths answer NOT_FOUND JSON.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset (apps/web/vite.config.ts): sent as they
      // are, with Content-Encoding and Vary: Accept-Encoding, to a browser that accepts them.
      preCompressed: true,
      // Hashed assets never change; index.html must always be fresh.
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (!isPage) return sendError(reply, 'NOT_FOUND');
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
