import { languages, type Language } from '@polku/contracts';
import { DomainError } from '@polku/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseLanguage } from './language.js';
import { respondentMessages } from './messages.js';
import { renderMessagePage } from './render.js';

// How the respondent pages answer when they show no survey: the message pages in the best language.

/** An HTML page that no cache keeps, varying by the language the browser asks for. */
export function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('vary', 'accept-language')
    .type('text/html; charset=utf-8')
    .send(body);
}

/** A closed, unavailable, throttled, unreadable or failed page in the best language. */
export function sendMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: 'closed' | 'unavailable' | 'tooMany' | 'failed' | 'answered' | 'unreadable',
  o: {
    languages?: readonly Language[];
    fallback?: Language;
    lang?: Language;
    status?: number;
  } = {},
): FastifyReply {
  const lang = chooseLanguage(o.languages ?? languages, o.fallback ?? 'fi', {
    explicit: o.lang ?? (request.query as { lang?: unknown } | undefined)?.lang,
    acceptLanguage: request.headers['accept-language'],
  });
  const m = respondentMessages[lang];
  const [status, heading, text] = {
    closed: [410, m.closedHeading, m.closedText] as const,
    answered: [410, m.answeredHeading, m.answeredText] as const,
    unavailable: [404, m.unavailableHeading, m.unavailableText] as const,
    tooMany: [429, m.tooManyHeading, m.tooManyText] as const,
    failed: [500, m.failedHeading, m.failedText] as const,
    unreadable: [400, m.unreadableHeading, m.unreadableText] as const,
  }[kind];
  if (kind === 'tooMany') void reply.header('retry-after', '60');
  return sendHtml(reply, o.status ?? status, renderMessagePage(lang, heading, text));
}

/**
 * The respondent pages' error handler: a respondent never sees JSON or a stack, every failure
 * is a page. A request refused before the handler (unstorable text, a body that is not UTF-8,
 * a repeated parameter) says it could not be read, and nothing of it is shown back.
 */
export function answerWithPage(
  error: Error & { statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const status = error instanceof DomainError ? error.status : (error.statusCode ?? 500);
  if (status >= 500) request.log.error({ err: error }, 'respondent page failed');
  if (status === 429) return sendMessage(request, reply, 'tooMany');
  if (status === 400) return sendMessage(request, reply, 'unreadable');
  return sendMessage(request, reply, 'failed', {
    status: status >= 400 && status < 500 ? status : 500,
  });
}
