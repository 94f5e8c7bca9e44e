import { List, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import type { AnswerValue, Language, ResponseImportResult } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { useFormatDateTime } from '../../lib/format';

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

/** What was detected: layout, encoding and how the order of day and month was settled. */
export function DetectedSettings(props: { result: ResponseImportResult; dateFormat: string }) {
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
      <Text size="sm">{dateText}</Text>
    </Stack>
  );
}

/** Each column of the file that answers a question or was left out, with a select to change it. */
export function MappingTable(props: {
  result: ResponseImportResult;
  disabled: boolean;
  onChange: (column: string, key: string) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { result } = props;
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
      <Table.ScrollContainer minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.question')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.column}>
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
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
  const refused = new Map(result.summary.skippedRows.map((r) => [r.line, r.reason]));
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {t('import.sample')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
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
                      <Text size="sm" c="red.9">
                        {t('import.problem', { reason: problem })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Rows read, imported (or would be), already imported, skipped, and the skipped lines by reason. */
export function ImportSummary({ result }: { result: ResponseImportResult }) {
  const { t } = useTranslation();
  const s = result.summary;
  const figures = [
    { label: t('import.rowsRead'), value: s.rowsRead },
    { label: result.dryRun ? t('import.wouldImport') : t('import.imported'), value: s.imported },
    { label: t('import.alreadyImported'), value: s.alreadyImported },
    { label: t('import.skipped'), value: s.skipped },
  ];
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {t('import.summary')}
      </Title>
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
      {s.skippedRows.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('import.skippedLines')}
          </Text>
          <List size="sm" spacing={2}>
            {s.skippedRows.map((r) => (
              <List.Item key={r.line}>
                {t('import.skippedLine', { line: r.line, reason: r.reason })}
              </List.Item>
            ))}
          </List>
          {s.skipped > s.skippedRows.length && (
            <Text size="sm" c="dimmed">
              {t('import.moreSkipped', { count: s.skipped - s.skippedRows.length })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
