import { createHmac } from 'node:crypto';
import { safeEqual } from '../shared/hash-secrets.js';

/** Header names of a webhook delivery (docs/webhooks.md). */
export const WEBHOOK_TIMESTAMP_HEADER = 'Polku-Timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'Polku-Signature';

/**
 * The signature of a delivery: `sha256=` and the hex HMAC-SHA256, keyed by the webhook's secret,
 * of `<timestamp>.<body>` where timestamp is the Unix time in seconds sent in `Polku-Timestamp`.
 * Signing the timestamp with the body lets a receiver refuse replays of an old delivery.
 * @example signWebhookBody('s3cret', 1767225600, '{"a":1}') // 'sha256=…64 hex digits'
 */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of one signed delivery, sent at `nowMs`. */
export function webhookHeaders(
  secret: string,
  body: string,
  nowMs: number,
): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Polku-Webhooks/1',
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(secret, timestamp, body),
  };
}

/** Checks a delivery as a receiver would (constant-time compare, at most `toleranceS` old). */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string; signature: string },
  body: string,
  nowMs: number,
  toleranceS = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > toleranceS) return false;
  return safeEqual(signWebhookBody(secret, timestamp, body), headers.signature);
}
