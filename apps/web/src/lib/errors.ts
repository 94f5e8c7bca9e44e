import { useTranslation } from 'react-i18next';
import { ApiError, errorCodes, type ErrorCode } from '@polku/contracts';

/** The catalog code of an error, or INTERNAL for anything that is not an API error. */
export function errorCodeOf(error: unknown): ErrorCode | 'NETWORK' {
  if (error instanceof ApiError && (error.code === 'NETWORK' || errorCodes.includes(error.code))) {
    return error.code;
  }
  return 'INTERNAL';
}

interface Issue {
  path: string;
  message: string;
}

function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  if (!Array.isArray(error.details)) return [];
  return error.details.filter(
    (d): d is Issue =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as Issue).path === 'string' &&
      typeof (d as Issue).message === 'string',
  );
}

/** Translates an error to a sentence in the UI language, by its catalog code. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown) => t(`errors.${errorCodeOf(error)}`);
}

/**
 * Field errors of a VALIDATION_FAILED answer, keyed by the field name (the last segment of the
 * issue path, so `body.email` and `email` both land on `email`). The server speaks English, so
 * well-known messages are translated and the rest become a generic "check this field".
 */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation();
  const result: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    const field = issue.path.split(/[./]/).filter(Boolean).pop() ?? '';
    const min = /at least (\d+)/i.exec(issue.message);
    const max = /at most (\d+)/i.exec(issue.message);
    let text: string;
    if (min?.[1]) text = t('validation.minLength', { count: Number(min[1]) });
    else if (max?.[1]) text = t('validation.maxLength', { count: Number(max[1]) });
    else if (/email/i.test(issue.message) || field === 'email') text = t('validation.email');
    else if (/time zone/i.test(issue.message)) text = t('validation.timeZone');
    else text = t('validation.invalid');
    result[field] ??= text;
  }
  return result;
}

/** True when an error is only about fields, which the form shows next to each field. */
export function isFieldError(error: unknown): boolean {
  return issuesOf(error).length > 0;
}
