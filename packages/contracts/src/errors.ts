import { z } from 'zod';
import { errorCodes, type ErrorCode } from './error-catalog.js';

export * from './error-catalog.js';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Details of a VALIDATION_FAILED error: which field, and why. */
export interface FieldIssue {
  path: string;
  message: string;
}
