import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSurveysQuery } from '../../api/surveys';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormatDateTime } from '../../lib/format';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { NewSurveyModal } from './new-survey-modal';
import { StatusBadge } from './status-badge';
import { TableRegion } from '../../components/table-region';

/** `/w/:workspaceId/surveys`: every survey with its status, changes and response count. */
export function SurveysPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const canManage = canDo(useCurrentMembership(), 'surveys.manage');
  const surveys = useSurveysQuery(workspaceId);
  const formatDateTime = useFormatDateTime();
  const [creating, createModal] = useDisclosure(false);
  const title = t('areas.surveys');
  usePageTitle(title);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {title}
        </Title>
        {canManage && <Button onClick={createModal.open}>{t('surveys.new')}</Button>}
      </Group>
      {surveys.isPending ? (
        <LoadingState />
      ) : surveys.isError ? (
        <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : surveys.data.items.length === 0 ? (
        <Text c="dimmed">{t('surveys.empty')}</Text>
      ) : (
        <TableRegion label={title} minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.name')}</Table.Th>
                <Table.Th>{t('surveys.purpose')}</Table.Th>
                <Table.Th>{t('surveys.status')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('surveys.responses')}</Table.Th>
                <Table.Th>{t('surveys.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {surveys.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/w/${workspaceId}/surveys/${s.id}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`surveys.purposes.${s.purpose}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <StatusBadge status={s.status} />
                      {s.hasUnpublishedChanges && s.publishedVersion !== null && (
                        <Badge color="orange" variant="light">
                          {t('surveys.unpublishedChanges')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{s.responseCount}</Table.Td>
                  <Table.Td>{formatDateTime(s.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      <NewSurveyModal workspaceId={workspaceId} opened={creating} onClose={createModal.close} />
    </Stack>
  );
}
