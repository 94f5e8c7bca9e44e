import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { MembershipSummary } from '@polku/contracts';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { NotFoundPage } from '../app/not-found-page';
import { ApiKeysPage } from './api-keys-page';
import { AuditLogPage } from './audit-log-page';
import { InvitationsPage } from './invitations-page';
import { MembersPage } from './members-page';
import { OutboxPage } from './outbox-page';
import { WebhooksPage } from './webhooks-page';
import { WorkspaceSettingsPage } from './workspace-settings-page';

interface Section {
  path: string;
  /** The tab's translation key. */
  label:
    | 'settings.tabs.workspace'
    | 'settings.tabs.members'
    | 'settings.tabs.invitations'
    | 'settings.tabs.apiKeys'
    | 'settings.tabs.audit'
    | 'settings.tabs.outbox'
    | 'targets.webhooks.tab';
  visible: (m: MembershipSummary | undefined) => boolean;
  element: ReactElement;
}

/** The settings sections, each shown only to members whose role allows it. */
const sections: Section[] = [
  {
    path: 'workspace',
    label: 'settings.tabs.workspace',
    visible: (m) => canDo(m, 'workspace.read'),
    element: <WorkspaceSettingsPage />,
  },
  {
    path: 'members',
    label: 'settings.tabs.members',
    visible: (m) => canDo(m, 'members.read'),
    element: <MembersPage />,
  },
  {
    path: 'invitations',
    label: 'settings.tabs.invitations',
    visible: (m) => canDo(m, 'members.manage'),
    element: <InvitationsPage />,
  },
  {
    path: 'api-keys',
    label: 'settings.tabs.apiKeys',
    visible: (m) => canDo(m, 'apiKeys.manage'),
    element: <ApiKeysPage />,
  },
  {
    path: 'audit-log',
    label: 'settings.tabs.audit',
    visible: (m) => canDo(m, 'audit.read'),
    element: <AuditLogPage />,
  },
  {
    path: 'outbox',
    label: 'settings.tabs.outbox',
    visible: (m) => canDo(m, 'outbox.read'),
    element: <OutboxPage />,
  },
  {
    path: 'webhooks',
    label: 'targets.webhooks.tab',
    visible: (m) => canDo(m, 'workspace.update'),
    element: <WebhooksPage />,
  },
];

/** `/w/:workspaceId/settings/*`: section links and the chosen section. Loaded on demand. */
export function SettingsRoutes() {
  const { t } = useTranslation();
  const membership = useCurrentMembership();
  const workspaceId = useWorkspaceId();
  const location = useLocation();
  const visible = sections.filter((s) => s.visible(membership));
  const base = `/w/${workspaceId}/settings`;
  const first = visible[0];

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('areas.settings')}
      </Title>
      {visible.length > 0 && (
        <Group component="nav" aria-label={t('settings.nav')} gap="xs">
          {visible.map((s) => {
            const to = `${base}/${s.path}`;
            const current = location.pathname === to;
            return (
              <Button
                key={s.path}
                component={Link}
                to={to}
                size="sm"
                variant={current ? 'filled' : 'default'}
                aria-current={current ? 'page' : undefined}
              >
                {t(s.label)}
              </Button>
            );
          })}
        </Group>
      )}
      <Routes>
        <Route
          index
          element={
            first ? (
              <Navigate to={`${base}/${first.path}`} replace />
            ) : (
              <Text>{t('settings.noAccess')}</Text>
            )
          }
        />
        {visible.map((s) => (
          <Route key={s.path} path={s.path} element={s.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
