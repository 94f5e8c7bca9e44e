import { Stack, Text } from '@mantine/core';
import type { QuestionMetricBucket } from '@polku/contracts';
import { useTranslation } from 'react-i18next';

type Method = QuestionMetricBucket['method'];

/**
 * Names how the intervals on screen were computed, with a short explanation; the full
 * definitions (formulas and sources) are in docs/metrics.md, which the note cites.
 */
export function MethodNote({ methods }: { methods: readonly Method[] }) {
  const { t } = useTranslation();
  if (methods.length === 0) return null;
  return (
    <Stack gap={4} data-testid="method-note">
      {methods.map((m) => (
        <Text size="sm" key={m}>
          <Text span fw={600} size="sm">
            {t('analytics.methodTitle', { method: t(`analytics.methods.${m}.name`) })}.
          </Text>{' '}
          {t(`analytics.methods.${m}.text`)}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        {t('analytics.docsRef')}
      </Text>
    </Stack>
  );
}
