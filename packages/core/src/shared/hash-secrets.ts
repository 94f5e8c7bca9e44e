import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * SHA-256 of a high-entropy token (session, API key, reset or invitation token). Such tokens
 * are random 256-bit values, so a fast hash is enough: nothing to brute-force, and the
 * database never holds a usable token.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Compares two strings in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** A random URL-safe secret with `bytes` bytes of entropy. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
