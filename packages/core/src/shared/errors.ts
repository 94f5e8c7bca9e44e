import { errorCatalog, type ErrorCode } from '@polku/contracts';

/** An expected failure with a catalog code; the HTTP layer turns it into the error body. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorCatalog[code].message);
    this.name = 'DomainError';
    this.status = errorCatalog[code].status;
  }
}
