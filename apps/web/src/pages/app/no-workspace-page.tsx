import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useLogoutMutation, useSessionQuery } from '../../api/session';
import { CreateWorkspaceForm } from '../../components/create-workspace-form';
import { PublicLayout } from '../../components/public-layout';
import { homePathOf } from '../../lib/navigation';

/** A signed-in person without workspaces: create one (or wait for an invitation). */
export function NoWorkspacePage() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const logout = useLogoutMutation();
  if (session.data && session.data.memberships.length > 0) {
    return <Navigate to={homePathOf(session.data)} replace />;
  }
  return (
    <PublicLayout title={t('workspaces.noneTitle')}>
      <Text>{t('workspaces.noneText')}</Text>
      <CreateWorkspaceForm />
      <Button variant="subtle" onClick={() => logout.mutate()}>
        {t('shell.logout')}
      </Button>
    </PublicLayout>
  );
}
