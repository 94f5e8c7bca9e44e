import { Badge, Button, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { roles, roleSchema, type Member } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionQuery } from '../../api/session';
import {
  useChangeMemberRoleMutation,
  useMembersQuery,
  useRemoveMemberMutation,
} from '../../api/workspace';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormatDateTime } from '../../lib/format';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { TableRegion } from '../../components/table-region';

/** Members and their roles; people with `members.manage` change roles and remove members. */
export function MembersPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const membership = useCurrentMembership();
  const session = useSessionQuery();
  const members = useMembersQuery(workspaceId);
  const changeRole = useChangeMemberRoleMutation(workspaceId);
  const remove = useRemoveMemberMutation(workspaceId);
  const formatDateTime = useFormatDateTime();
  const [removing, setRemoving] = useState<Member | null>(null);
  const canManage = canDo(membership, 'members.manage');
  const title = t('settings.tabs.members');
  usePageTitle(`${title} · ${t('areas.settings')}`);
  const roleData = roles.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  const closeRemove = () => {
    setRemoving(null);
    remove.reset();
  };

  return (
    <Stack>
      <Title order={2} size="h3">
        {title}
      </Title>
      <ErrorAlert error={changeRole.error} />
      {members.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <TableRegion label={title} minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('settings.members.role')}</Table.Th>
                <Table.Th>{t('settings.members.joined')}</Table.Th>
                {canManage && <Table.Th>{t('settings.members.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.map((member) => {
                const isMe = member.userId === session.data?.user.id;
                return (
                  <Table.Tr key={member.userId}>
                    <Table.Td>
                      {member.name}{' '}
                      {isMe && (
                        <Badge variant="light" size="sm">
                          {t('settings.members.you')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>
                      {canManage ? (
                        <NativeSelect
                          aria-label={t('settings.members.roleOf', { name: member.name })}
                          size="xs"
                          data={roleData}
                          value={member.role}
                          disabled={changeRole.isPending}
                          onChange={(e) => {
                            const role = roleSchema.safeParse(e.currentTarget.value);
                            if (role.success) {
                              changeRole.mutate({ userId: member.userId, role: role.data });
                            }
                          }}
                        />
                      ) : (
                        t(`roles.${member.role}`)
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(member.joinedAt)}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={t('settings.members.removeOf', { name: member.name })}
                          onClick={() => setRemoving(member)}
                        >
                          {t('settings.members.remove')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      {members.data?.items.length === 0 && <Text c="dimmed">{t('common.empty')}</Text>}
      <ConfirmModal
        opened={removing !== null}
        title={t('settings.members.removeTitle')}
        text={t('settings.members.removeText', {
          name: removing?.name ?? '',
          email: removing?.email ?? '',
        })}
        confirmLabel={t('settings.members.remove')}
        loading={remove.isPending}
        error={remove.error}
        onClose={closeRemove}
        onConfirm={() => {
          if (removing) remove.mutate(removing.userId, { onSuccess: closeRemove });
        }}
      />
    </Stack>
  );
}
