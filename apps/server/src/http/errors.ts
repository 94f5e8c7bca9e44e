import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorCatalog, type ErrorBody, type ErrorCode, type FieldIssue } from '@polku/contracts';
import { DomainError } from '@polku/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';

export function errorBody(code: ErrorCode, message?: string, details?: unknown): ErrorBody {
  return {
    error: {
      code,
      message: message ?? errorCatalog[code].message,
      ...(details === undefined ? {} : { details }),
    },
  };
}

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message?: string,
  details?: unknown,
): FastifyReply {
  return reply.status(errorCatalog[code].status).send(errorBody(code, message, details));
}

/**
 * The field issues of one validation issue (zod's, as Fastify or `safeParse` reports it): an
 * `unrecognized_keys` issue becomes one issue per unknown field at that field's own path, so a
 * client reads exactly which field to drop; any other issue stays one issue at its path.
 * @example fieldIssuesOf(['body', 'metric'], { code: 'unrecognized_keys', message: '…', keys: ['table'] })
 * // [{ path: 'body.metric.table', message: 'unknown field "table": this request does not take it' }]
 */
export function fieldIssuesOf(
  path: readonly (string | number | symbol | undefined)[],
  issue: { code: string; message: string; keys?: unknown },
): FieldIssue[] {
  const at = (extra: readonly unknown[]) =>
    [...path, ...extra]
      .filter((segment) => segment !== undefined && segment !== '')
      .map(String)
      .join('.');
  const unknown =
    issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)
      ? issue.keys.filter((k): k is string => typeof k === 'string')
      : [];
  if (unknown.length === 0) return [{ path: at([]), message: issue.message }];
  return unknown.map((key) => ({
    path: at([key]),
    message: `unknown field "${key}": this request does not take it`,
  }));
}

/** Fastify's own error codes that are the client's fault, mapped to the catalog. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/**
 * Every error leaves as `{"error":{"code","message","details"}}` with a catalog code. Expected
 * errors keep their message; anything unexpected is logged with its stack and answered with a
 * plain INTERNAL, never the stack.
 */
export function handleError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof DomainError)
    return sendError(reply, error.code, error.message, error.details);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.flatMap((v) =>
      fieldIssuesOf([error.validationContext, ...v.instancePath.split('/')], {
        code: v.keyword,
        message: v.message ?? 'invalid',
        keys: (v.params as { keys?: unknown } | undefined)?.keys,
      }),
    );
    return sendError(reply, 'VALIDATION_FAILED', undefined, details);
  }
  if (isResponseSerializationError(error)) {
    request.log.error(
      { err: error, issues: error.cause.issues },
      'response did not match its schema',
    );
    return sendError(reply, 'INTERNAL');
  }
  const code =
    'code' in error && typeof error.code === 'string' ? fastifyCodes[error.code] : undefined;
  if (code) return sendError(reply, code);
  if ('statusCode' in error && error.statusCode === 429) return sendError(reply, 'RATE_LIMITED');
  if (
    'statusCode' in error &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  ) {
    return sendError(reply, 'BAD_REQUEST', error.message);
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendError(reply, 'INTERNAL');
}

/** The longest address (path and query) a request may have; longer is URI_TOO_LONG. */
export const MAX_URL_LENGTH = 8 * 1024;
/**
 * The most a request line and its headers may take together (Node's default, stated so the
 * docs can name it); more is HEADERS_TOO_LARGE, answered by {@link answerClientError}.
 */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Fastify's own answers before a route runs (a path that is not valid percent-encoding, a path
 * parameter longer than `maxParamLength`), in the catalog format. Fastify's would repeat the
 * address back; these never do.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') void sendError(reply, 'URI_TOO_LONG');
  else if (error.code === 'FST_ERR_BAD_URL')
    void sendError(reply, 'BAD_REQUEST', 'The address is not valid percent-encoded UTF-8.');
  else {
    request.log.error({ err: error }, 'unexpected routing error');
    void sendError(reply, 'INTERNAL');
  }
}

/**
 * Node's answer to a request it cannot parse (headers over {@link MAX_HEADER_BYTES}, a broken
 * request line, a request not received in time), written straight to the socket because no
 * Fastify request exists yet: the catalog format, nothing of the request repeated back, and
 * the connection closed.
 */
export function answerClientError(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Duplex,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'BAD_REQUEST';
  this.log.debug({ err: error }, 'unreadable request');
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { status } = errorCatalog[code];
  const body = JSON.stringify(errorBody(code));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
