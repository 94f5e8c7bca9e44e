import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import type { OutboxMail } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutboxQuery } from '../../api/workspace';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormatDateTime } from '../../lib/format';
import { useWorkspaceId } from '../../lib/membership';
import { statusText } from '../../lib/status-colors';
import { TableRegion } from '../../components/table-region';

const statusColors: Record<OutboxMail['status'], string> = {
  queued: 'blue',
  sent: 'green',
  kept: 'gray',
  failed: 'red',
};

/** The workspace's outgoing email; open a message to read its text. */
export function OutboxPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const outbox = useOutboxQuery(workspaceId);
  const formatDateTime = useFormatDateTime();
  const [reading, setReading] = useState<OutboxMail | null>(null);
  const title = t('settings.tabs.outbox');
  usePageTitle(`${title} · ${t('areas.settings')}`);
  const mails = outbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Title order={2} size="h3">
        {title}
      </Title>
      {outbox.isPending ? (
        <LoadingState />
      ) : outbox.isError && mails.length === 0 ? (
        <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : mails.length === 0 ? (
        <Text c="dimmed">{t('common.empty')}</Text>
      ) : (
        <TableRegion label={title} minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.outbox.subject')}</Table.Th>
                <Table.Th>{t('settings.outbox.to')}</Table.Th>
                <Table.Th>{t('settings.outbox.status')}</Table.Th>
                <Table.Th>{t('settings.outbox.created')}</Table.Th>
                <Table.Th>{t('settings.outbox.sent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mails.map((mail) => (
                <Table.Tr key={mail.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setReading(mail)}>
                      {mail.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{mail.to}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColors[mail.status]}>
                      {t(`settings.outbox.statuses.${mail.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(mail.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(mail.sentAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      {outbox.isFetchNextPageError && <ErrorAlert error={outbox.error} />}
      {outbox.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={outbox.isFetchingNextPage}
            onClick={() => void outbox.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      <Modal
        opened={reading !== null}
        onClose={() => setReading(null)}
        title={reading?.subject}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {reading && (
          <Stack gap="xs">
            <Text size="sm">
              {t('settings.outbox.to')}: {reading.to}
            </Text>
            <Text size="sm">
              {t('settings.outbox.status')}: {t(`settings.outbox.statuses.${reading.status}`)}
            </Text>
            {reading.error && (
              <Text size="sm" c={statusText.error}>
                {t('settings.outbox.error')}: {reading.error}
              </Text>
            )}
            <Text
              component="pre"
              size="sm"
              p="sm"
              bg="gray.0"
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit' }}
            >
              {reading.text}
            </Text>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
