import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/page-title';
import { useWorkspaceId } from '../../lib/membership';
import { ObservedFlow } from './observed-flow';

/**
 * `/w/:id/journeys/observed`: the observed flow on its own page. Without the journey model it
 * knows no touchpoint names or stage order; the journey map embeds `ObservedFlow` with both.
 */
export function ObservedPage() {
  const { t } = useTranslation();
  usePageTitle(t('observed.title'));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('observed.title')}
      </Title>
      <Text maw={760}>{t('observed.intro')}</Text>
      <ObservedFlow workspaceId={useWorkspaceId()} />
    </Stack>
  );
}
