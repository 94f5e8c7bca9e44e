import { Alert, Button, List, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import type { AnswerValue, Language, ResponseImportResult } from '@polku/contracts';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { useFormatDateTime } from '../../lib/format';
import { statusText } from '../../lib/status-colors';
import { ValueLabelsEditor } from './import-values';
import { TableRegion } from '../../components/table-region';

type Question = ResponseImportResult['questions'][number];

/** A question's text in the UI language, else any language it has. */
function questionText(q: Question, language: Language): string {
  return q.text[language] ?? Object.values(q.text).find(Boolean) ?? q.key;
}

function answerText(value: AnswerValue): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

/** The column the dates are read from: found by its name, or chosen from the file's columns. */
export function DateColumnSelect(props: {
  headers: string[];
  value: string;
  disabled: boolean;
  onChange: (column: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('import.dateColumn')}
      value={props.value}
      disabled={props.disabled}
      maw={420}
      data={[
        { value: '', label: t('import.dateColumnAuto') },
        ...props.headers.map((h) => ({ value: h, label: h })),
      ]}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

/** What was detected: layout, encoding, delimiter and how the order of day and month was settled. */
export function DetectedSettings(props: {
  result: ResponseImportResult;
  dateFormat: string;
  dateColumn: string;
  disabled: boolean;
  onDateColumn: (column: string) => void;
}) {
  const { t } = useTranslation();
  const { result } = props;
  const { dates } = result;
  const dateText =
    dates.source === 'option'
      ? t('import.dates.option', { format: props.dateFormat })
      : dates.source === 'data'
        ? t(dates.order === 'MDY' ? 'import.dates.dataMDY' : 'import.dates.dataDMY', {
            value: dates.evidence?.value ?? '',
            line: dates.evidence?.line ?? '',
          })
        : dates.source === 'locale'
          ? t('import.dates.locale')
          : dates.source === 'unambiguous'
            ? t('import.dates.unambiguous')
            : t('import.dates.none');
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {t('import.detected')}
      </Title>
      <Text size="sm">
        {t('import.detectedFormat', { format: t(`import.formats.${result.format}`) })}
      </Text>
      <Text size="sm">
        {t('import.detectedEncoding', { encoding: t(`import.encodings.${result.encoding}`) })}
      </Text>
      <Text size="sm">
        {t('import.detectedDelimiter', {
          delimiter: t(`import.delimiters.${result.delimiter}`),
        })}
      </Text>
      <Text size="sm">
        {result.dateColumn
          ? t('import.detectedDateColumn', { column: result.dateColumn })
          : t('import.noDateColumn')}
      </Text>
      <Text size="sm">{dateText}</Text>
      <DateColumnSelect
        headers={result.headers}
        value={props.dateColumn}
        disabled={props.disabled}
        onChange={props.onDateColumn}
      />
    </Stack>
  );
}

/**
 * Each column of the file that answers a question or was left out, with a select to change it;
 * a column with labels to read (or read through a value map) opens its value map below it.
 */
export function MappingTable(props: {
  result: ResponseImportResult;
  values: Record<string, Record<string, string>>;
  disabled: boolean;
  onChange: (column: string, key: string) => void;
  onValues: (column: string, values: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { result } = props;
  const [open, setOpen] = useState<string | null>(null);
  const labelsOf = new Map(result.valueLabels.map((l) => [l.header, l]));
  const rows = [
    ...result.columns.map((c) => ({ column: c.header, key: c.question })),
    ...result.ignoredColumns.map((column) => ({ column, key: '' })),
  ];
  const options = [
    { value: '', label: t('import.ignore') },
    ...result.questions.map((q) => ({
      value: q.key,
      label: `${q.key} – ${questionText(q, language)}`,
    })),
  ];
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {t('import.mapping')}
      </Title>
      <TableRegion label={t('import.mapping')} minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.question')}</Table.Th>
              <Table.Th>{t('import.valueLabels')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const labels = labelsOf.get(row.column);
              const editing = open === row.column && labels !== undefined;
              return (
                <Fragment key={row.column}>
                  <Table.Tr>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.column}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t('import.questionFor', { column: row.column })}
                        value={row.key}
                        disabled={props.disabled}
                        data={
                          options.some((o) => o.value === row.key)
                            ? options
                            : [...options, { value: row.key, label: row.key }]
                        }
                        onChange={(e) => props.onChange(row.column, e.currentTarget.value)}
                      />
                    </Table.Td>
                    <Table.Td>
                      {labels && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-expanded={editing}
                          onClick={() => setOpen(editing ? null : row.column)}
                        >
                          {t('import.editLabels', {
                            column: row.column,
                            count: labels.labels.length,
                          })}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {editing && (
                    <Table.Tr>
                      <Table.Td colSpan={3}>
                        <ValueLabelsEditor
                          key={labels.labels.join('\u0000')}
                          labels={labels}
                          values={props.values[row.column] ?? {}}
                          disabled={props.disabled}
                          onApply={(values) => props.onValues(row.column, values)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableRegion>
      {result.unmappedQuestions.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('import.unmappedQuestions', { keys: result.unmappedQuestions.join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

/** The first rows as the import read them: answers by question key, or why a row cannot be read. */
export function SampleRows({ result }: { result: ResponseImportResult }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (result.sample.length === 0) return null;
  // The sample is read before validation: a row the intake refused shows why.
  const refused = new Map<number, string>();
  for (const r of result.summary.refusedRows) {
    const text = r.column ? `${r.column}: ${r.reason}` : r.reason;
    refused.set(r.line, [refused.get(r.line), text].filter(Boolean).join('; '));
  }
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {t('import.sample')}
      </Title>
      <TableRegion label={t('import.sample')} minWidth={520}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.line')}</Table.Th>
              <Table.Th>{t('import.submittedAt')}</Table.Th>
              <Table.Th>{t('import.language')}</Table.Th>
              <Table.Th>{t('import.answers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.sample.map((row) => {
              const problem = row.problem ?? refused.get(row.line);
              return (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.problem ? '' : formatDateTime(row.submittedAt)}</Table.Td>
                  <Table.Td>{row.language ? t(`language.${row.language}`) : ''}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {row.answers && (
                      <Text size="sm">
                        {Object.entries(row.answers)
                          .map(([key, value]) => `${key}: ${answerText(value)}`)
                          .join(' · ')}
                        {row.partial ? ` (${t('import.partial')})` : ''}
                      </Text>
                    )}
                    {problem && (
                      <Text size="sm" c={statusText.error}>
                        {t('import.problem', { reason: problem })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </Stack>
  );
}

/** A list of refused rows, with how many there are in all when not every one is listed. */
export function RefusedRows(props: {
  rows: ResponseImportResult['summary']['refusedRows'];
  refused: number;
}) {
  const { t } = useTranslation();
  if (props.rows.length === 0) return null;
  const listedRows = new Set(props.rows.map((r) => r.line)).size;
  return (
    <>
      <List size="sm" spacing={2}>
        {props.rows.map((r, i) => (
          <List.Item key={`${r.line}-${i}`} style={{ overflowWrap: 'anywhere' }}>
            {r.column
              ? t('import.refusedLine', { line: r.line, column: r.column, reason: r.reason })
              : t('import.refusedRow', { line: r.line, reason: r.reason })}
          </List.Item>
        ))}
      </List>
      {props.refused > listedRows && (
        <Text size="sm" c="dimmed">
          {t('import.moreRefused', { count: props.refused })}
        </Text>
      )}
    </>
  );
}

/**
 * Rows read, imported (or would be), already imported and refused; what the import would do
 * with the refused ones (store nothing, unless they are skipped by choice), and each by line.
 */
export function ImportSummary({ result }: { result: ResponseImportResult }) {
  const { t } = useTranslation();
  const s = result.summary;
  const figures = [
    { label: t('import.rowsRead'), value: s.rowsRead },
    { label: result.dryRun ? t('import.wouldImport') : t('import.imported'), value: s.imported },
    { label: t('import.alreadyImported'), value: s.alreadyImported },
    { label: t('import.refused'), value: s.refused },
  ];
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {t('import.summary')}
      </Title>
      <TableRegion label={t('import.summary')}>
        <Table variant="vertical" withTableBorder maw={420}>
          <Table.Tbody>
            {figures.map((f) => (
              <Table.Tr key={f.label}>
                <Table.Th w="60%">{f.label}</Table.Th>
                <Table.Td>{f.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
      {s.outcome === 'refused' && (
        <Alert color="orange" variant="light" mt="xs">
          <Text size="sm">{t('import.blocked', { count: s.refused })}</Text>
        </Alert>
      )}
      {s.refused > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {s.skipInvalid ? t('import.skippedLines') : t('import.refusedLines')}
          </Text>
          <RefusedRows rows={s.refusedRows} refused={s.refused} />
        </>
      )}
    </Stack>
  );
}
