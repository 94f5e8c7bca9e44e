import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  buildPath,
  responseImportPath,
  type ErrorBody,
  type ImportDecimalMark,
  type ImportDelimiter,
  type ImportEncoding,
  type ResponseImportFormat,
  type ResponseImportResult,
  type SessionInfo,
} from '@polku/contracts';
import { sessionKey } from './client';
import { listeningKeys } from './surveys';

/** The import's options as the form holds them. */
export interface ImportSettings {
  format: ResponseImportFormat;
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  decimal: ImportDecimalMark;
  /** Comma-separated tokens that mean "not answered". */
  missing: string;
  dateFormat: string;
  /** `YYYY-MM-DD` for every response the file does not date, or ''. */
  date: string;
  /** The header of the date column, or '' to find it by its name. */
  dateColumn: string;
  /** Store the readable rows and skip the others (by default one refused row stores nothing). */
  skipInvalid: boolean;
  /** Column header → question key, or '' to leave the column out. */
  map: Record<string, string>;
  /** Column header → label in the file → the value it stands for. */
  values: Record<string, Record<string, string>>;
}

export interface ImportRequest {
  file: File;
  settings: ImportSettings;
  dryRun: boolean;
}

/**
 * Sends the file as the raw request body (the typed client speaks JSON only), with the
 * session's CSRF token like every change.
 */
async function sendImport(
  workspaceId: string,
  surveyId: string,
  csrfToken: string | undefined,
  { file, settings, dryRun }: ImportRequest,
): Promise<ResponseImportResult> {
  const query = new URLSearchParams();
  if (dryRun) query.set('dryRun', '1');
  if (settings.skipInvalid) query.set('skipInvalid', '1');
  query.set('format', settings.format);
  query.set('encoding', settings.encoding);
  query.set('delimiter', settings.delimiter);
  query.set('decimal', settings.decimal);
  if (settings.missing.trim()) query.set('missing', settings.missing.trim());
  if (settings.dateFormat.trim()) query.set('dateFormat', settings.dateFormat.trim());
  if (settings.date) query.set('date', settings.date);
  if (settings.dateColumn) query.set('dateColumn', settings.dateColumn);
  for (const [column, key] of Object.entries(settings.map)) query.append('map', `${column}=${key}`);
  // A label left without a value is read as it is: only labels with values travel.
  const values: Record<string, Record<string, string>> = {};
  for (const [column, labels] of Object.entries(settings.values)) {
    const given = Object.entries(labels).filter(([, value]) => value.trim() !== '');
    if (given.length) values[column] = Object.fromEntries(given);
  }
  if (Object.keys(values).length) query.set('values', JSON.stringify(values));
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': file.type === 'text/csv' ? 'text/csv' : 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${buildPath(responseImportPath, { workspaceId, surveyId })}?${query}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : 'network error');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = (json as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'INTERNAL',
      err?.message ?? res.statusText,
      err?.details,
    );
  }
  return json as ResponseImportResult;
}

/** Previews (`dryRun`) or imports a file into a published survey. */
export function useImportResponsesMutation(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest) =>
      sendImport(
        workspaceId,
        surveyId,
        queryClient.getQueryData<SessionInfo | null>(sessionKey)?.csrfToken,
        request,
      ),
    onSuccess: async (result) => {
      if (result.dryRun) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: listeningKeys.responses(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: listeningKeys.surveys(workspaceId) }),
      ]);
    },
  });
}
