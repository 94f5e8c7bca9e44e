import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title';

/** A path that matches no page. */
export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('common.notFoundTitle'));
  const content = (
    <Stack gap="sm" maw={640} p={standalone ? 'xl' : 0} align="flex-start">
      <Title order={1} size="h2">
        {t('common.notFoundTitle')}
      </Title>
      <Text>{t('common.notFoundText')}</Text>
      <Button component={Link} to="/" variant="default">
        {t('common.home')}
      </Button>
    </Stack>
  );
  return standalone ? <main>{content}</main> : content;
}
