import type { FieldIssue } from '@polku/contracts';
import { DomainError } from '@polku/core';
import type { FastifyInstance } from 'fastify';

/**
 * Text Polku cannot store exactly is refused, never altered, on every route and both dialects:
 * - U+0000 (NUL): PostgreSQL's text cannot hold it (SQLite can), so the same request would be
 *   stored on one dialect and fail with a server error on the other;
 * - an unpaired surrogate (`"\ud800"` in JSON): it has no UTF-8 form and would be stored as
 *   U+FFFD;
 * - body bytes that are not UTF-8: decoding would turn them into U+FFFD.
 * Refusing keeps "stored exactly or refused with a clear error" true; stripping would change
 * what a person wrote without telling anyone.
 */
// eslint-disable-next-line no-control-regex -- the NUL character is what this looks for
const UNSTORABLE = /[\u0000\p{Cs}]/u;

function problemOf(text: string): string | undefined {
  if (!UNSTORABLE.test(text)) return undefined;
  return text.includes('\u0000')
    ? 'contains a NUL character (U+0000), which cannot be stored'
    : 'contains an unpaired surrogate, which is not valid Unicode';
}

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * The first text in a parsed request part (`params`, `querystring` or `body`, named as
 * validation errors name them) that cannot be stored,
 * named by its path as validation errors name fields (`body.answers.words`). Walks strings,
 * arrays, plain objects (their keys too) and form fields; a streamed body (a file upload) is
 * left to the handler that reads it. Params and query are walked whatever their prototype
 * (the router and the query parser make objects of their own classes).
 */
export function findUnstorableText(part: string, value: unknown): FieldIssue | undefined {
  const pending: [string, unknown][] =
    part !== 'body' && value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]): [string, unknown][] => [
          [`${part}.${key}`, item],
          [part, key],
        ])
      : [[part, value]];
  while (pending.length) {
    const [path, v] = pending.pop()!;
    if (typeof v === 'string') {
      const message = problemOf(v);
      if (message) return { path, message };
    } else if (v instanceof URLSearchParams) {
      for (const [key, field] of v) pending.push([`${path}.${key}`, field], [path, key]);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => pending.push([`${path}.${i}`, item]));
    } else if (v !== null && typeof v === 'object' && isPlainObject(v)) {
      // A bad field name is reported at its object: the name itself is not echoed.
      for (const [key, item] of Object.entries(v))
        pending.push([`${path}.${key}`, item], [path, key]);
    }
  }
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as UTF-8 text, or undefined when its bytes are not UTF-8. */
export function decodeUtf8(body: Buffer): string | undefined {
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
}

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * A urlencoded form body (as browsers post the respondent pages), or undefined when it is not
 * UTF-8 or a percent-escape does not decode as UTF-8 (`%FF`): URLSearchParams would quietly
 * turn either into U+FFFD.
 */
export function parseFormBody(body: Buffer): URLSearchParams | undefined {
  const text = decodeUtf8(body);
  if (text === undefined) return undefined;
  for (const run of text.match(PERCENT_RUN) ?? []) {
    try {
      decodeURIComponent(run);
    } catch {
      return undefined;
    }
  }
  return new URLSearchParams(text);
}

/** What a body that is not UTF-8 is refused with. */
export const notUtf8 = () => new DomainError('BAD_REQUEST', 'The body is not valid UTF-8 text.');

/**
 * Registers the rule on the whole app: JSON bodies are decoded strictly as UTF-8, and a
 * request whose path parameters, query or parsed body hold unstorable text is refused with
 * VALIDATION_FAILED naming the field, before validation, so no handler or database sees it.
 * Call before any route is registered (hooks reach the routes added after them).
 */
export function registerTextChecks(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const text = decodeUtf8(body as Buffer);
    if (text === undefined) return done(notUtf8(), undefined);
    void parseJson(request, text, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const issue =
      findUnstorableText('params', request.params) ??
      findUnstorableText('querystring', request.query) ??
      findUnstorableText('body', request.body);
    done(issue ? new DomainError('VALIDATION_FAILED', undefined, [issue]) : undefined);
  });
}
