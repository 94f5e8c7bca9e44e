import {
  Alert,
  Button,
  Input,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  ApiError,
  responseImportEncodings,
  responseImportFormats,
  type ResponseImportResult,
  type Survey,
} from '@polku/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportResponsesMutation, type ImportSettings } from '../../api/imports';
import { ErrorAlert } from '../../components/status';
import { canDo, useCurrentMembership } from '../../lib/membership';
import { DetectedSettings, ImportSummary, MappingTable, SampleRows } from './import-preview';

const initialSettings: ImportSettings = {
  format: 'auto',
  encoding: 'auto',
  missing: '',
  dateFormat: '',
  map: {},
};

/** An import that could not start says why in the server's words (a file problem); others by code. */
function ImportError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'BAD_REQUEST')
    return (
      <Alert color="red" role="alert" variant="light" title={t('import.fileProblem')}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {error.message}
        </Text>
      </Alert>
    );
  return <ErrorAlert error={error} />;
}

/**
 * "Import responses" on the page of a published survey: choose a file and options, preview
 * what the import would read (nothing is stored), adjust which column answers which question,
 * then import. The same import as `polku import responses`.
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
    run.mutate(
      { file: chosen, settings: chosenSettings, dryRun },
      {
        onSuccess: (result) => {
          setShown({ result, file: chosen, settings: chosenSettings });
          setSettings(chosenSettings);
          if (!dryRun)
            setDone(
              t('import.done', {
                imported: result.summary.imported,
                already: result.summary.alreadyImported,
                skipped: result.summary.skipped,
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
  const remap = (column: string, key: string) => {
    if (shown)
      send(shown.file, { ...shown.settings, map: { ...shown.settings.map, [column]: key } }, true);
  };
  const busy = run.isPending;
  const dryRunPending = busy && run.variables.dryRun;

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
                  change({ map: {} });
                }}
              />
            </Input.Wrapper>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('import.format')}
                value={settings.format}
                data={responseImportFormats.map((f) => ({
                  value: f,
                  label: t(`import.formats.${f}`),
                }))}
                onChange={(e) =>
                  change({
                    format:
                      responseImportFormats.find((f) => f === e.currentTarget.value) ?? 'auto',
                    map: {},
                  })
                }
              />
              <NativeSelect
                label={t('import.encoding')}
                value={settings.encoding}
                data={responseImportEncodings.map((enc) => ({
                  value: enc,
                  label: t(`import.encodings.${enc}`),
                }))}
                onChange={(e) =>
                  change({
                    encoding:
                      responseImportEncodings.find((enc) => enc === e.currentTarget.value) ??
                      'auto',
                  })
                }
              />
              <TextInput
                label={t('import.missing')}
                description={t('import.missingHint')}
                value={settings.missing}
                onChange={(e) => change({ missing: e.currentTarget.value })}
              />
              <TextInput
                label={t('import.dateFormat')}
                description={t('import.dateFormatHint')}
                value={settings.dateFormat}
                onChange={(e) => change({ dateFormat: e.currentTarget.value })}
              />
            </SimpleGrid>
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
                disabled={!shown || busy}
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
        {error !== null && <ImportError error={error} />}
        {shown && (
          <Stack gap="md" aria-label={t('import.previewTitle')} component="div" role="region">
            <DetectedSettings result={shown.result} dateFormat={shown.settings.dateFormat} />
            <MappingTable result={shown.result} disabled={busy} onChange={remap} />
            <SampleRows result={shown.result} />
            <ImportSummary result={shown.result} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
