import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  journeyTemplates,
  type JourneyStatus,
  type JourneySummary,
  type JourneyTemplate,
} from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  useCreateJourneyMutation,
  useJourneysQuery,
  useJourneyTemplatesQuery,
  useUpdateJourneyMutation,
} from '../../api/journeys';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { currentLanguage } from '../../i18n/i18n';
import { useFieldErrors } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { TableRegion } from '../../components/table-region';

export const statusColors: Record<JourneyStatus, string> = {
  draft: 'gray',
  active: 'green',
  archived: 'orange',
};

/** `/w/:workspaceId/journeys`: the workspace's journeys; create one (from a template), archive. */
export function JourneysPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const membership = useCurrentMembership();
  const canManage = canDo(membership, 'journeys.manage');
  const journeys = useJourneysQuery(workspaceId);
  const update = useUpdateJourneyMutation(workspaceId);
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<JourneySummary | null>(null);
  const formatDateTime = useFormatDateTime();
  usePageTitle(t('journeys.title'));

  const items = (journeys.data?.items ?? []).filter((j) => showArchived || j.status !== 'archived');
  const archivedCount = (journeys.data?.items ?? []).filter((j) => j.status === 'archived').length;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('journeys.title')}
        </Title>
        {canManage && <Button onClick={() => setCreating(true)}>{t('journeys.new')}</Button>}
      </Group>
      <Text maw={720}>{t('journeys.intro')}</Text>
      {journeys.isPending ? (
        <LoadingState />
      ) : journeys.isError ? (
        <ErrorAlert error={journeys.error} onRetry={() => void journeys.refetch()} />
      ) : (
        <>
          {archivedCount > 0 && (
            <Checkbox
              label={`${t('journeys.showArchived')} (${archivedCount})`}
              checked={showArchived}
              onChange={(e) => setShowArchived(e.currentTarget.checked)}
            />
          )}
          {items.length === 0 ? (
            <Text c="dimmed">{t('journeys.empty')}</Text>
          ) : (
            <TableRegion label={t('journeys.title')} minWidth={560}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('journeys.columns.name')}</Table.Th>
                    <Table.Th>{t('journeys.columns.status')}</Table.Th>
                    <Table.Th ta="right">{t('journeys.columns.stages')}</Table.Th>
                    <Table.Th ta="right">{t('journeys.columns.touchpoints')}</Table.Th>
                    <Table.Th>{t('journeys.columns.updated')}</Table.Th>
                    {canManage && <Table.Th>{t('journeys.columns.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((j) => (
                    <Table.Tr key={j.id}>
                      <Table.Td>
                        <Anchor component={Link} to={j.id} fw={500}>
                          {j.name}
                        </Anchor>
                        {j.description && (
                          <Text size="sm" c="dimmed" lineClamp={2}>
                            {j.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColors[j.status]} variant="light">
                          {t(`journeys.statuses.${j.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{j.stageCount}</Table.Td>
                      <Table.Td ta="right">{j.touchpointCount}</Table.Td>
                      <Table.Td>{formatDateTime(j.updatedAt)}</Table.Td>
                      {canManage && (
                        <Table.Td>
                          {j.status === 'archived' ? (
                            <Button
                              size="xs"
                              variant="default"
                              loading={update.isPending && update.variables?.journeyId === j.id}
                              onClick={() =>
                                update.mutate({ journeyId: j.id, body: { status: 'draft' } })
                              }
                            >
                              {t('journeys.restore', { name: j.name })}
                            </Button>
                          ) : (
                            <Button size="xs" variant="default" onClick={() => setArchiving(j)}>
                              {t('journeys.archive', { name: j.name })}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableRegion>
          )}
        </>
      )}
      {update.isError && !archiving && <ErrorAlert error={update.error} />}
      <ConfirmModal
        opened={archiving !== null}
        title={t('journeys.archiveTitle')}
        text={t('journeys.archiveText', { name: archiving?.name ?? '' })}
        confirmLabel={t('journeys.archiveConfirm')}
        loading={update.isPending}
        error={update.error}
        onClose={() => {
          setArchiving(null);
          update.reset();
        }}
        onConfirm={() =>
          archiving &&
          update.mutate(
            { journeyId: archiving.id, body: { status: 'archived' } },
            { onSuccess: () => setArchiving(null) },
          )
        }
      />
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('journeys.create.title')}
        size="lg"
      >
        {creating && <CreateJourneyForm onClose={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}

/** New journey: from one of the three templates (in the UI language) or empty. */
function CreateJourneyForm(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const navigate = useNavigate();
  const language = currentLanguage();
  const templates = useJourneyTemplatesQuery(workspaceId, language);
  const create = useCreateJourneyMutation(workspaceId);
  const fieldErrors = useFieldErrors(create.error);
  const [from, setFrom] = useState<'template' | 'empty'>('template');
  const [template, setTemplate] = useState<JourneyTemplate>('chain');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const onSuccess = (journey: { id: string }) => {
      props.onClose();
      void navigate(`/w/${workspaceId}/journeys/${journey.id}`);
    };
    if (from === 'template')
      create.mutate(
        {
          kind: 'template',
          body: { template, language, ...(name.trim() && { name: name.trim() }) },
        },
        { onSuccess },
      );
    else create.mutate({ kind: 'empty', body: { name, description } }, { onSuccess });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <SegmentedControl
          aria-label={t('journeys.create.from')}
          value={from}
          onChange={(v) => setFrom(v === 'empty' ? 'empty' : 'template')}
          data={[
            { value: 'template', label: t('journeys.create.template') },
            { value: 'empty', label: t('journeys.create.emptyJourney') },
          ]}
        />
        {from === 'template' &&
          (templates.isPending ? (
            <LoadingState />
          ) : templates.isError ? (
            <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
          ) : (
            <Radio.Group
              label={t('journeys.create.templateLegend')}
              value={template}
              onChange={(v) => setTemplate(journeyTemplates.find((x) => x === v) ?? 'chain')}
            >
              <Stack gap="sm" mt="xs">
                {templates.data.items.map((tpl) => (
                  <Radio
                    key={tpl.key}
                    value={tpl.key}
                    label={tpl.name}
                    description={
                      <>
                        {tpl.description}
                        <br />
                        {t('journeys.create.stages', { stages: tpl.stages.join(' → ') })} ·{' '}
                        {t('journeys.create.touchpoints', { count: tpl.touchpointCount })}
                      </>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
          ))}
        <TextInput
          label={t('journeys.create.name')}
          value={name}
          required={from === 'empty'}
          maxLength={200}
          placeholder={
            from === 'template'
              ? templates.data?.items.find((x) => x.key === template)?.name
              : undefined
          }
          error={fieldErrors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {from === 'empty' && (
          <Textarea
            label={t('journeys.create.description')}
            value={description}
            autosize
            minRows={2}
            maxLength={4000}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
        )}
        {create.isError && Object.keys(fieldErrors).length === 0 && (
          <ErrorAlert error={create.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('journeys.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
