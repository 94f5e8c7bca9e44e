import type { FastifyInstance } from 'fastify';

// Mantine sets inline style attributes, hence 'unsafe-inline' for styles only; scripts come
// from our own origin alone.
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers. Pages get the full set (CSP, framing, referrer); API responses get the
 * cheap ones only, keeping the ingest path fast. The API docs page sets its own CSP.
 */
export function registerSecurityHeaders(app: FastifyInstance, { hsts }: { hsts: boolean }): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    if (hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (!request.url.startsWith('/api/')) {
      reply.header('content-security-policy', PAGE_CSP);
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'same-origin');
      reply.header('cross-origin-opener-policy', 'same-origin');
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    } else if (!request.url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
