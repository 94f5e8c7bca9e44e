import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { languages, roles, type Invitation, type Role } from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateInvitationMutation,
  useInvitationsQuery,
  useRevokeInvitationMutation,
} from '../../api/workspace';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { currentLanguage, isLanguage } from '../../i18n/i18n';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { useWorkspaceId } from '../../lib/membership';
import { TableRegion } from '../../components/table-region';

const statusColors: Record<Invitation['status'], string> = {
  pending: 'blue',
  accepted: 'green',
  revoked: 'gray',
  expired: 'orange',
};

function InviteForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const create = useCreateInvitationMutation(workspaceId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [language, setLanguage] = useState(currentLanguage());
  const [sent, setSent] = useState(false);
  const fieldErrors = useFieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    create.mutate(
      { email, role, language },
      {
        onSuccess: () => {
          setSent(true);
          setEmail('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="invite-form-title">
      <Stack maw={480}>
        <Title order={3} size="h4" id="invite-form-title">
          {t('settings.invitations.formTitle')}
        </Title>
        {create.isError && !isFieldError(create.error) && <ErrorAlert error={create.error} />}
        {sent && (
          <Alert color="green" role="status">
            {t('settings.invitations.sent')}
          </Alert>
        )}
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldErrors.email}
        />
        <NativeSelect
          label={t('settings.invitations.role')}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(e) => {
            const value = e.currentTarget.value;
            const found = roles.find((r) => r === value);
            if (found) setRole(found);
          }}
          error={fieldErrors.role}
        />
        <NativeSelect
          label={t('settings.invitations.language')}
          data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          value={language}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isLanguage(value)) setLanguage(value);
          }}
          error={fieldErrors.language}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('settings.invitations.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Invite people by email and follow (or revoke) the invitations sent. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const invitations = useInvitationsQuery(workspaceId);
  const revoke = useRevokeInvitationMutation(workspaceId);
  const formatDateTime = useFormatDateTime();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const title = t('settings.tabs.invitations');
  usePageTitle(`${title} · ${t('areas.settings')}`);

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };

  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {title}
      </Title>
      <InviteForm workspaceId={workspaceId} />
      <Title order={3} size="h4">
        {t('settings.invitations.listTitle')}
      </Title>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.isError ? (
        <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.items.length === 0 ? (
        <Text c="dimmed">{t('common.empty')}</Text>
      ) : (
        <TableRegion label={t('settings.invitations.listTitle')} minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('settings.invitations.role')}</Table.Th>
                <Table.Th>{t('settings.invitations.status')}</Table.Th>
                <Table.Th>{t('settings.invitations.invitedBy')}</Table.Th>
                <Table.Th>{t('settings.invitations.created')}</Table.Th>
                <Table.Th>{t('settings.invitations.expires')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('settings.members.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.items.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColors[invitation.status]}>
                      {t(`settings.invitations.statuses.${invitation.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{invitation.invitedBy}</Table.Td>
                  <Table.Td>{formatDateTime(invitation.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
                  <Table.Td>
                    {invitation.status === 'pending' && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('settings.invitations.revokeOf', { email: invitation.email })}
                        onClick={() => setRevoking(invitation)}
                      >
                        {t('settings.invitations.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('settings.invitations.revokeTitle')}
        text={t('settings.invitations.revokeText', { email: revoking?.email ?? '' })}
        confirmLabel={t('settings.invitations.revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={closeRevoke}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSuccess: closeRevoke });
        }}
      />
    </Stack>
  );
}
