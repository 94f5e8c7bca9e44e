import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { responsesExportUrl } from '../../api/distribution';
import { useResponsesQuery, useSurveysQuery, useSurveyVersionsQueries } from '../../api/surveys';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormatDateTime } from '../../lib/format';
import { useWorkspaceId } from '../../lib/membership';
import { answerSummary } from './answer-text';
import { ResponseDetail } from './response-detail';
import { ResponseFiltersForm, useResponseFilters } from './response-filters';
import { TableRegion } from '../../components/table-region';
import { useTouchpointLabel } from '../../components/touchpoint-picker';
import { useChannelLabel } from '../analytics/labels';

/** `/w/:workspaceId/responses`: responses newest first, filtered, with a detail drawer. */
export function ResponsesPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [filters, setFilter, clearFilters] = useResponseFilters();
  const surveys = useSurveysQuery(workspaceId);
  const responses = useResponsesQuery(workspaceId, filters);
  const formatDateTime = useFormatDateTime();
  const [openId, setOpenId] = useState<string | null>(null);
  const title = t('areas.responses');
  const touchpointName = useTouchpointLabel(workspaceId);
  const channelLabel = useChannelLabel();
  usePageTitle(title);
  const items = responses.data?.pages.flatMap((p) => p.items) ?? [];
  const wanted = [...new Set(items.map((r) => `${r.surveyId}:${r.version}`))].map((k) => {
    const [surveyId = '', version = '0'] = k.split(':');
    return { surveyId, version: Number(version) };
  });
  const definitions = useSurveyVersionsQueries(workspaceId, wanted);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        <Group gap="xs" align="center">
          <Text size="sm" c="dimmed" id="responses-export-hint">
            {t('distribution.export.hint')}
          </Text>
          <Button
            component="a"
            variant="default"
            href={responsesExportUrl(workspaceId, filters)}
            download
            aria-describedby="responses-export-hint"
          >
            {t('distribution.export.csv')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={responsesExportUrl(workspaceId, filters, 'xlsx')}
            download
            aria-describedby="responses-export-hint"
          >
            {t('distribution.export.xlsx')}
          </Button>
        </Group>
      </Group>
      <ResponseFiltersForm
        filters={filters}
        surveys={surveys.data?.items ?? []}
        onChange={setFilter}
        onClear={clearFilters}
      />
      {filters.touchpointId && (
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {t('names.touchpoints.only', { name: touchpointName(filters.touchpointId) })}
          </Badge>
          <Button size="compact-xs" variant="subtle" onClick={() => setFilter('touchpoint', '')}>
            {t('journeys.responsesFilter.remove')}
          </Button>
        </Group>
      )}
      {responses.isPending ? (
        <LoadingState />
      ) : responses.isError && items.length === 0 ? (
        <ErrorAlert error={responses.error} onRetry={() => void responses.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('responses.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('responses.count', { count: items.length })}
          </Text>
          <TableRegion label={title} minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('responses.submitted')}</Table.Th>
                  <Table.Th>{t('responses.survey')}</Table.Th>
                  <Table.Th>{t('responses.channel')}</Table.Th>
                  <Table.Th>{t('responses.language')}</Table.Th>
                  <Table.Th>{t('responses.status')}</Table.Th>
                  <Table.Th>{t('responses.summary')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => {
                  const time = formatDateTime(r.submittedAt);
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          aria-label={t('responses.openOf', { survey: r.surveyName, time })}
                          onClick={() => setOpenId(r.id)}
                        >
                          {time}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.surveyName}</Table.Td>
                      <Table.Td>{channelLabel(r.channel)}</Table.Td>
                      <Table.Td>{t(`language.${r.language}`)}</Table.Td>
                      <Table.Td miw={110}>
                        <Group gap={4}>
                          <Badge
                            variant="light"
                            color={r.status === 'complete' ? 'green' : 'orange'}
                          >
                            {t(`responses.statuses.${r.status}`)}
                          </Badge>
                          {r.test && (
                            <Badge variant="outline" color="gray" data-testid="test-badge">
                              {t('responses.testBadge')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {answerSummary(r.answers, definitions.get(`${r.surveyId}:${r.version}`))}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableRegion>
        </>
      )}
      {responses.isFetchNextPageError && <ErrorAlert error={responses.error} />}
      {responses.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={responses.isFetchingNextPage}
            onClick={() => void responses.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      <ResponseDetail
        workspaceId={workspaceId}
        responseId={openId}
        onClose={() => setOpenId(null)}
      />
    </Stack>
  );
}
