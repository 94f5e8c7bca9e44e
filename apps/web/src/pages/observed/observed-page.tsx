import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/page-title';
import { useWorkspaceId } from '../../lib/membership';
import { ObservedFlow } from './observed-flow';

/**
 * `/w/:id/journeys/observed`: the observed flow on its own page, across journeys. Touchpoints
 * are named as the flow answer names them; without one journey's stage order only repeats are
 * classified. The journey map embeds `ObservedFlow` with its stage order.
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
