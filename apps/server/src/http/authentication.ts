import type {} from '@fastify/cookie'; // brings request.cookies and reply.setCookie into the types
import type { Principal } from '@polku/core';
import { safeEqual } from '@polku/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services.js';
import { DomainError } from '@polku/core';

export const SESSION_COOKIE = 'polku_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who sent a request. An `Authorization: Bearer` header must be a live API key
 * (else 401). A session cookie counts only when valid, and for a change (POST, PATCH, DELETE…)
 * only with the session's CSRF token in `X-CSRF-Token`; that is the CSRF protection, on top of
 * SameSite cookies and JSON-only bodies.
 */
export async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  { requireCsrf }: { requireCsrf: boolean },
): Promise<Principal> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const key = match?.[1] ? await services.apiKeys.authenticate(match[1]) : undefined;
    if (!key) throw new DomainError('UNAUTHENTICATED', 'The API key is not valid.');
    return { kind: 'apiKey', key };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return { kind: 'anonymous' };
  const session = await services.auth.authenticateSession(token);
  if (!session) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { kind: 'anonymous' };
  }
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    const valid = typeof sent === 'string' && safeEqual(sent, session.csrfToken);
    if (!valid) {
      if (requireCsrf) throw new DomainError('CSRF_TOKEN_INVALID');
      return { kind: 'anonymous' }; // a public route: go on, but without the session's authority
    }
  }
  return { kind: 'session', session };
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  opts: { secure: boolean; maxAgeMs: number },
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    maxAge: Math.floor(opts.maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
