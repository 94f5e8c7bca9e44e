import type { WebhookSender } from '@polku/core';

/** How long a receiver has to answer one delivery before it counts as failed (and is retried). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs with fetch. Redirects are not followed (a redirect could point anywhere, past the URL
 * rules the webhook was checked against), and the answer's body is read and dropped so the
 * connection is freed.
 */
export function createFetchWebhookSender(timeoutMs = WEBHOOK_TIMEOUT_MS): WebhookSender {
  return {
    async post(url, headers, body) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        return { status: res.status };
      } catch (err) {
        const cause =
          err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
        const message = err instanceof Error ? `${err.message}${cause}` : String(err);
        return {
          error:
            err instanceof Error && err.name === 'TimeoutError'
              ? `no answer within ${timeoutMs / 1000} s`
              : message,
        };
      }
    },
  };
}
