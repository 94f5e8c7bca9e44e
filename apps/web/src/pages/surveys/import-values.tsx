import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ResponseImportResult } from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableRegion } from '../../components/table-region';

type ColumnLabels = ResponseImportResult['valueLabels'][number];

/**
 * The value map of one column: each label the preview met in it (the ones that could not be
 * read as they are, and the ones already mapped) with the value it stands for. Applying
 * previews again with the map, so the first rows show what would be stored.
 */
export function ValueLabelsEditor(props: {
  labels: ColumnLabels;
  /** The column's current map: label → value. */
  values: Record<string, string>;
  disabled: boolean;
  onApply: (values: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const { labels } = props;
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(labels.labels.map((l) => [l, props.values[l] ?? ''])),
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    props.onApply({ ...props.values, ...draft });
  };
  return (
    <form onSubmit={apply} aria-label={t('import.labelsFor', { column: labels.header })}>
      <Stack gap="xs">
        <Title order={4} size="h6">
          {t('import.labelsFor', { column: labels.header })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('import.valuesHint')}
        </Text>
        <TableRegion label={t('import.labelsFor', { column: labels.header })}>
          <Table maw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.label')}</Table.Th>
                <Table.Th>{t('import.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {labels.labels.map((label) => (
                <Table.Tr key={label}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{label}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('import.valueFor', { label })}
                      value={draft[label] ?? ''}
                      disabled={props.disabled}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setDraft((d) => ({ ...d, [label]: value }));
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
        {labels.more && (
          <Text size="sm" c="dimmed">
            {t('import.moreLabels')}
          </Text>
        )}
        <Group>
          <Button type="submit" variant="default" size="xs" disabled={props.disabled}>
            {t('import.applyValues')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
