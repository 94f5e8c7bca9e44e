import { errorCatalog, type ErrorBody, type ErrorCode, type FieldIssue } from '@polku/contracts';
import { DomainError } from '@polku/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
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
    const details: FieldIssue[] = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)]
        .filter(Boolean)
        .join('.'),
      message: v.message ?? 'invalid',
    }));
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
