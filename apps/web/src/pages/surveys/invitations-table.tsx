import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { SurveyInvitation } from '@polku/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSurveyInvitationsQuery } from '../../api/distribution';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormatDateTime } from '../../lib/format';
import { TableRegion } from '../../components/table-region';

const statusColors: Record<SurveyInvitation['status'], string> = {
  scheduled: 'gray',
  sent: 'blue',
  responded: 'green',
  suppressed: 'gray',
  unsubscribed: 'orange',
  failed: 'red',
};

/**
 * Why a recipient was not invited, in the UI language. The server gives its reasons in English:
 * the known ones are translated, and the contact-limit reason (which carries the date and the
 * limit) keeps the server's text after a translated prefix.
 */
export function useReasonText() {
  const { t } = useTranslation();
  return (reason: string): string => {
    if (reason === 'already invited to this survey')
      return t('distribution.invitations.reasons.alreadyInvited');
    if (reason === 'unsubscribed') return t('distribution.invitations.reasons.unsubscribed');
    if (reason.startsWith('asked on '))
      return t('distribution.invitations.reasons.contactLimit', { detail: reason });
    return reason;
  };
}

/** The survey's invitations with where each stands; refreshes itself while some are due. */
export function InvitationsTable(props: { workspaceId: string; surveyId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const invitations = useSurveyInvitationsQuery(props.workspaceId, props.surveyId);
  const formatDateTime = useFormatDateTime();
  const reasonText = useReasonText();
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5" id={titleId}>
          {t('distribution.invitations.listTitle')}
        </Title>
        <Button
          size="compact-sm"
          variant="default"
          loading={invitations.isFetching}
          onClick={() => void invitations.refetch()}
        >
          {t('distribution.invitations.refresh')}
        </Button>
      </Group>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.isError ? (
        <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('distribution.invitations.empty')}
        </Text>
      ) : (
        <TableRegion label={t('distribution.invitations.listTitle')} minWidth={760}>
          <Table aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('distribution.invitations.email')}</Table.Th>
                <Table.Th>{t('distribution.invitations.language')}</Table.Th>
                <Table.Th>{t('distribution.invitations.status')}</Table.Th>
                <Table.Th>{t('distribution.invitations.sendTime')}</Table.Th>
                <Table.Th>{t('distribution.invitations.sent')}</Table.Th>
                <Table.Th>{t('distribution.invitations.reminded')}</Table.Th>
                <Table.Th>{t('distribution.invitations.responded')}</Table.Th>
                <Table.Th>{t('distribution.invitations.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{i.email}</Table.Td>
                  <Table.Td>{t(`language.${i.language}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColors[i.status]}>
                      {t(`distribution.invitations.statuses.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(i.scheduledAt)}</Table.Td>
                  <Table.Td>{formatDateTime(i.sentAt)}</Table.Td>
                  <Table.Td>{formatDateTime(i.remindedAt)}</Table.Td>
                  <Table.Td>{formatDateTime(i.respondedAt)}</Table.Td>
                  <Table.Td>{i.reason === null ? t('common.none') : reasonText(i.reason)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
    </Stack>
  );
}
