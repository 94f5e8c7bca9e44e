import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/page-title';
import type { ProductArea } from './areas';

/** An honest placeholder for a product area that a later release brings. */
export function NotBuiltPage({ area }: { area: ProductArea }) {
  const { t } = useTranslation();
  const title = t(`areas.${area}`);
  usePageTitle(title);
  return (
    <Stack gap="sm" maw={640}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text>{t('notBuilt.text')}</Text>
    </Stack>
  );
}
