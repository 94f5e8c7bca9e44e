import { Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditLogQuery, useMembersQuery } from '../../api/workspace';
import { useAuditSentence } from './audit-sentence';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormatDateTime } from '../../lib/format';
import { useWorkspaceId } from '../../lib/membership';
import { TableRegion } from '../../components/table-region';

/** Security-relevant actions, newest first, a page at a time. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const log = useAuditLogQuery(workspaceId);
  const formatDateTime = useFormatDateTime();
  // Members by name for the sentences; without them (no right to list, an error) a member
  // acted on reads "a removed member", never an id.
  const members = useMembersQuery(workspaceId);
  const sentence = useAuditSentence(members.data?.items ?? []);
  const title = t('settings.tabs.audit');
  usePageTitle(`${title} · ${t('areas.settings')}`);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Title order={2} size="h3">
        {title}
      </Title>
      {log.isPending ? (
        <LoadingState />
      ) : log.isError && entries.length === 0 ? (
        <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('common.empty')}</Text>
      ) : (
        <TableRegion label={title} minWidth={820}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.audit.time')}</Table.Th>
                <Table.Th>{t('settings.audit.action')}</Table.Th>
                <Table.Th>{t('settings.audit.ip')}</Table.Th>
                <Table.Th>{t('settings.audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(entry.createdAt)}
                  </Table.Td>
                  <Table.Td data-testid="audit-sentence">
                    {sentence(entry)}
                    {entry.actor && entry.actor !== entry.actorName && (
                      <Text size="xs" c="dimmed">
                        {entry.actor}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{entry.ip ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {Object.keys(entry.details).length === 0 ? (
                      t('common.none')
                    ) : (
                      <Code block style={{ whiteSpace: 'pre-wrap', maxWidth: 360 }}>
                        {JSON.stringify(entry.details, null, 1)}
                      </Code>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      {log.isFetchNextPageError && <ErrorAlert error={log.error} />}
      {log.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
