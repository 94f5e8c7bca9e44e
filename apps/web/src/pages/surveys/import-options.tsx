import { Checkbox, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import {
  importDecimalMarks,
  importDelimiters,
  importEncodings,
  responseImportFormats,
} from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import type { ImportSettings } from '../../api/imports';

/** What was said about the columns of one file, cleared when the file or its layout changes. */
export const COLUMN_CHOICES_CLEARED = { map: {}, values: {}, dateColumn: '' } as const;

/** One of the allowed values, or the first (`auto`) for anything else. */
function oneOf<T extends string>(allowed: readonly T[], value: string): T {
  return allowed.find((a) => a === value) ?? allowed[0]!;
}

/**
 * How the file is read and stored: layout, encoding, delimiter, decimal mark, missing tokens,
 * date format, a date for undated responses, and whether refused rows are skipped.
 */
export function ImportOptionsFields(props: {
  settings: ImportSettings;
  onChange: (next: Partial<ImportSettings>) => void;
}) {
  const { t } = useTranslation();
  const { settings, onChange } = props;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('import.format')}
          value={settings.format}
          data={responseImportFormats.map((f) => ({ value: f, label: t(`import.formats.${f}`) }))}
          onChange={(e) =>
            onChange({
              format: oneOf(responseImportFormats, e.currentTarget.value),
              ...COLUMN_CHOICES_CLEARED,
            })
          }
        />
        <NativeSelect
          label={t('import.encoding')}
          value={settings.encoding}
          data={importEncodings.map((enc) => ({
            value: enc,
            label: t(`import.encodings.${enc}`),
          }))}
          onChange={(e) => onChange({ encoding: oneOf(importEncodings, e.currentTarget.value) })}
        />
        <NativeSelect
          label={t('import.delimiter')}
          value={settings.delimiter}
          data={importDelimiters.map((d) => ({ value: d, label: t(`import.delimiters.${d}`) }))}
          onChange={(e) => onChange({ delimiter: oneOf(importDelimiters, e.currentTarget.value) })}
        />
        <NativeSelect
          label={t('import.decimal')}
          value={settings.decimal}
          data={importDecimalMarks.map((d) => ({ value: d, label: t(`import.decimals.${d}`) }))}
          onChange={(e) => onChange({ decimal: oneOf(importDecimalMarks, e.currentTarget.value) })}
        />
        <TextInput
          label={t('import.missing')}
          description={t('import.missingHint')}
          value={settings.missing}
          onChange={(e) => onChange({ missing: e.currentTarget.value })}
        />
        <TextInput
          label={t('import.dateFormat')}
          description={t('import.dateFormatHint')}
          value={settings.dateFormat}
          onChange={(e) => onChange({ dateFormat: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('import.date')}
          description={t('import.dateHint')}
          value={settings.date}
          onChange={(e) => onChange({ date: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Checkbox
        label={t('import.skipInvalid')}
        description={t('import.skipInvalidHint')}
        checked={settings.skipInvalid}
        onChange={(e) => onChange({ skipInvalid: e.currentTarget.checked })}
      />
    </>
  );
}
