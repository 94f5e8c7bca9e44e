import { Alert, Button, Input, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  ApiError,
  importInterruptionSchema,
  importRefusalSchema,
  type ResponseImportResult,
  type Survey,
} from '@polku/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportResponsesMutation, type ImportSettings } from '../../api/imports';
import { ErrorAlert } from '../../components/status';
import { canDo, useCurrentMembership } from '../../lib/membership';
import { COLUMN_CHOICES_CLEARED, ImportOptionsFields } from './import-options';
import {
  DateColumnSelect,
  DetectedSettings,
  ImportSummary,
  MappingTable,
  RefusedRows,
  SampleRows,
} from './import-preview';

const initialSettings: ImportSettings = {
  format: 'auto',
  encoding: 'auto',
  delimiter: 'auto',
  decimal: 'auto',
  missing: '',
  dateFormat: '',
  date: '',
  dateColumn: '',
  skipInvalid: false,
  map: {},
  values: {},
};

/**
 * Why an import did not go through: a file problem in the server's words; no dates, with the
 * columns to choose from; rows refused or an interruption with what was stored; others by code.
 */
function ImportError(props: {
  error: unknown;
  disabled: boolean;
  onDateColumn: (column: string) => void;
}) {
  const { t } = useTranslation();
  const { error } = props;
  if (!(error instanceof ApiError)) return <ErrorAlert error={error} />;
  const title = t('import.fileProblem');
  if (error.code === 'BAD_REQUEST')
    return (
      <Alert color="red" role="alert" variant="light" title={title}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {error.message}
        </Text>
      </Alert>
    );
  const details = error.details as { headers?: unknown } | undefined;
  if (error.code === 'IMPORT_NO_DATES' && Array.isArray(details?.headers))
    return (
      <Alert color="red" role="alert" variant="light" title={title}>
        <Stack gap="xs">
          <Text size="sm">{t('import.noDates')}</Text>
          <DateColumnSelect
            headers={details.headers.filter((h): h is string => typeof h === 'string')}
            value=""
            disabled={props.disabled}
            onChange={props.onDateColumn}
          />
        </Stack>
      </Alert>
    );
  const refusal = importRefusalSchema.safeParse(error.details);
  if (error.code === 'IMPORT_ROWS_REFUSED' && refusal.success)
    return (
      <Alert color="red" role="alert" variant="light" title={title}>
        <Stack gap="xs">
          <Text size="sm">{t('import.refusedError', { count: refusal.data.refused })}</Text>
          <RefusedRows rows={refusal.data.refusedRows} refused={refusal.data.refused} />
        </Stack>
      </Alert>
    );
  const interruption = importInterruptionSchema.safeParse(error.details);
  if (error.code === 'IMPORT_INTERRUPTED' && interruption.success)
    return (
      <Alert color="red" role="alert" variant="light" title={title}>
        <Text size="sm">
          {t('import.interrupted', {
            line: interruption.data.beforeLine,
            imported: interruption.data.imported,
          })}
        </Text>
      </Alert>
    );
  return <ErrorAlert error={error} />;
}

/**
 * "Import responses" on the page of a published survey: choose a file and options, preview
 * what the import would read and do (nothing is stored), adjust which column answers which
 * question and what its labels stand for, then import, all or nothing (or the readable rows,
 * when chosen). The same import as `polku import responses`.
 */
export function ImportSection({ workspaceId, survey }: { workspaceId: string; survey: Survey }) {
  const { t } = useTranslation();
  const canImport = canDo(useCurrentMembership(), 'responses.write');
  const run = useImportResponsesMutation(workspaceId, survey.id);
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [settings, setSettings] = useState<ImportSettings>(initialSettings);
  /** The last answer and what it was asked with; the import sends exactly that again. */
  const [shown, setShown] = useState<{
    result: ResponseImportResult;
    file: File;
    settings: ImportSettings;
  } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (survey.status !== 'published' || !canImport) return null;

  const change = (next: Partial<ImportSettings>) => {
    setSettings((s) => ({ ...s, ...next }));
    setShown(null);
    setDone(null);
  };
  const send = (chosen: File, chosenSettings: ImportSettings, dryRun: boolean) => {
    setError(null);
    setDone(null);
    // The form shows what was asked, also when the answer is an error to fix.
    setSettings(chosenSettings);
    run.mutate(
      { file: chosen, settings: chosenSettings, dryRun },
      {
        onSuccess: (result) => {
          setShown({ result, file: chosen, settings: chosenSettings });
          if (!dryRun)
            setDone(
              t('import.done', {
                imported: result.summary.imported,
                already: result.summary.alreadyImported,
                skipped: result.summary.refused,
              }),
            );
        },
        onError: setError,
      },
    );
  };
  const preview = (event: FormEvent) => {
    event.preventDefault();
    if (file) send(file, settings, true);
  };
  /** Previews again what was shown, with one setting changed. */
  const again = (next: Partial<ImportSettings>) => {
    if (shown) send(shown.file, { ...shown.settings, ...next }, true);
    else if (file) send(file, { ...settings, ...next }, true);
  };
  const remap = (column: string, key: string) =>
    shown && again({ map: { ...shown.settings.map, [column]: key } });
  const revalue = (column: string, values: Record<string, string>) =>
    shown && again({ values: { ...shown.settings.values, [column]: values } });
  const busy = run.isPending;
  const dryRunPending = busy && run.variables.dryRun;
  const blocked = shown?.result.summary.outcome === 'refused';

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-label={t('import.title')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('import.title')}
        </Title>
        <Text size="sm">{t('import.intro')}</Text>
        <form onSubmit={preview} noValidate>
          <Stack gap="sm">
            <Input.Wrapper label={t('import.file')} required id={fileId}>
              <input
                id={fileId}
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                required
                style={{ display: 'block', maxWidth: '100%' }}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  change(COLUMN_CHOICES_CLEARED);
                }}
              />
            </Input.Wrapper>
            <ImportOptionsFields settings={settings} onChange={change} />
            <Group gap="xs">
              <Button
                type="submit"
                variant="default"
                disabled={!file || busy}
                loading={dryRunPending}
              >
                {t('import.preview')}
              </Button>
              <Button
                disabled={!shown || busy || blocked}
                loading={busy && !dryRunPending}
                onClick={() => shown && send(shown.file, shown.settings, false)}
              >
                {t('import.run')}
              </Button>
            </Group>
          </Stack>
        </form>
        <div role="status">
          {done && (
            <Alert color="green" variant="light">
              {done}
            </Alert>
          )}
        </div>
        {error !== null && (
          <ImportError
            error={error}
            disabled={busy}
            onDateColumn={(dateColumn) => again({ dateColumn })}
          />
        )}
        {shown && (
          <Stack gap="md" aria-label={t('import.previewTitle')} component="div" role="region">
            <DetectedSettings
              result={shown.result}
              dateFormat={shown.settings.dateFormat}
              dateColumn={shown.settings.dateColumn}
              disabled={busy}
              onDateColumn={(dateColumn) => again({ dateColumn })}
            />
            <MappingTable
              result={shown.result}
              values={shown.settings.values}
              disabled={busy}
              onChange={remap}
              onValues={revalue}
            />
            <SampleRows result={shown.result} />
            <ImportSummary result={shown.result} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
