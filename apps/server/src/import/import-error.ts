import type { ErrorCode } from '@polku/contracts';

/**
 * Why an import stopped before storing anything: a file, survey or option it cannot use. The
 * message is for people (the command line prints it, HTTP answers it); `code` is the catalog
 * code HTTP answers with, `details` what a client needs to offer a fix.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'BAD_REQUEST',
    readonly details?: unknown,
  ) {
    super(message);
  }
}
