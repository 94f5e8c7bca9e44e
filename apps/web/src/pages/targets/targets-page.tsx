import {
  Anchor,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type {
  MetricAlert,
  SurveySummary,
  Target,
  TargetStatus,
  TargetWithEvaluation,
} from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionQuery } from '../../api/session';
import { useSurveysQuery, useSurveyVersionsQueries } from '../../api/surveys';
import {
  useDeleteTargetMutation,
  useMetricAlertsQuery,
  useTargetEvaluationsQuery,
} from '../../api/targets';
import { useMembersQuery } from '../../api/workspace';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormatDateTime } from '../../lib/format';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { AnalysesNav } from '../analyses/analyses-nav';
import { TargetForm } from './target-form';
import { formatFixed, formatNumber } from '../../lib/format';
import { statusText } from '../../lib/status-colors';
import { questionText } from '../../lib/labels';
import { useTouchpointLabel } from '../../components/touchpoint-picker';
import { TableRegion } from '../../components/table-region';

const statusColors: Record<TargetStatus, string | undefined> = {
  met: statusText.met,
  missed: statusText.missed,
  'too-few': undefined,
  'no-data': undefined,
};

/** One decimal in the UI language; a dash for no figure. */
function useFormatNumber() {
  const { i18n } = useTranslation();
  return (x: number | null | undefined) =>
    x === null || x === undefined ? '–' : formatFixed(i18n.language, x, 1);
}

/** The explorer chart of an evaluation, as an in-app path (the API gives the full URL). */
function chartPath(chartUrl: string): string {
  const url = new URL(chartUrl);
  return `${url.pathname}${url.search}`;
}

/** Names for the ids a target refers to. */
interface TargetNames {
  survey: (id: string) => string;
  touchpoint: (id: string) => string;
  question: (surveyId: string | undefined, key: string) => string;
}

/**
 * The surveys', questions' and touchpoints' names the targets table shows instead of ids and
 * keys (the question's text from the survey's published version).
 */
function useTargetNames(workspaceId: string, surveys: readonly SurveySummary[]): TargetNames {
  const { t, i18n } = useTranslation();
  const touchpoint = useTouchpointLabel(workspaceId);
  const definitions = useSurveyVersionsQueries(
    workspaceId,
    surveys.flatMap((s) =>
      s.publishedVersion === null ? [] : [{ surveyId: s.id, version: s.publishedVersion }],
    ),
  );
  const definitionOf = (surveyId: string) => {
    const s = surveys.find((x) => x.id === surveyId);
    return s && s.publishedVersion !== null
      ? definitions.get(`${s.id}:${s.publishedVersion}`)
      : undefined;
  };
  return {
    survey: (id) => surveys.find((s) => s.id === id)?.name ?? t('names.surveys.unknown'),
    touchpoint,
    question: (surveyId, key) => {
      // Without a survey the key names the same question in every survey: kept as it is.
      const d = surveyId ? definitionOf(surveyId) : undefined;
      const q = d?.questions.find((x) => x.key === key);
      return q && d ? questionText(q, i18n.language, d.defaultLanguage) : key;
    },
  };
}

function TargetRow(props: {
  item: TargetWithEvaluation;
  names: TargetNames;
  canManage: boolean;
  onEdit: (t: Target) => void;
  onDelete: (t: Target) => void;
}) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const { target, evaluation: e } = props.item;
  const metric = [
    t(`targets.kinds.${target.metric.kind}`),
    target.metric.question && props.names.question(target.metric.surveyId, target.metric.question),
  ]
    .filter(Boolean)
    .join(' · ');
  const scope =
    target.scope.kind === 'workspace'
      ? t('targets.scopes.workspace')
      : `${t(`targets.scopes.${target.scope.kind}`)}: ${
          target.scope.kind === 'survey'
            ? props.names.survey(target.scope.id)
            : props.names.touchpoint(target.scope.id)
        }`;
  const period =
    target.period.kind === 'recurring'
      ? `${t(`targets.every.${target.period.every}`)} (${e.period.from} – ${e.period.to})`
      : t('targets.fixedPeriod', { from: target.period.from, to: target.period.to });
  return (
    <Table.Tr data-testid={`target-${target.id}`}>
      <Table.Td>
        <Text fw={500}>{target.name}</Text>
        <Text size="sm" c="dimmed">
          {target.goal}
        </Text>
      </Table.Td>
      <Table.Td>{metric}</Table.Td>
      <Table.Td>{scope}</Table.Td>
      <Table.Td>{period}</Table.Td>
      <Table.Td>{num(target.target)}</Table.Td>
      <Table.Td>
        {num(e.score)}
        {e.ci95 && (
          <Text span size="sm" c="dimmed">
            {' '}
            ({num(e.ci95[0])} – {num(e.ci95[1])})
          </Text>
        )}
      </Table.Td>
      <Table.Td>{e.n}</Table.Td>
      <Table.Td>
        {/* Text, not a badge: a badge cuts "Saavutettu" to "S" in a narrow column; words wrap. */}
        <Text size="sm" fw={600} c={statusColors[e.status]}>
          {t(`targets.status.${e.status}`)}
        </Text>
        {e.clearMiss && (
          <Text size="xs" c="dimmed">
            {t('targets.clearMiss')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{target.ownerName ?? t('common.none')}</Table.Td>
      <Table.Td>
        {/* Short visible words, the target's name for screen readers: the column stays narrow
            enough for the table to fit at 1440 px, and each control still says what it acts on. */}
        <Group gap={6}>
          <Anchor
            component={Link}
            to={chartPath(e.chartUrl)}
            size="sm"
            aria-label={`${t('targets.actions.chart')}: ${target.name}`}
          >
            {t('targets.actions.chart')}
          </Anchor>
          {props.canManage && (
            <>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => props.onEdit(target)}
                aria-label={`${t('targets.actions.edit')}: ${target.name}`}
              >
                {t('targets.actions.edit')}
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => props.onDelete(target)}
                aria-label={`${t('targets.actions.delete')}: ${target.name}`}
              >
                {t('targets.actions.delete')}
              </Button>
            </>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function AlertHistory({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const num = useFormatNumber();
  const count = (n: number) => formatNumber(i18n.language, n);
  const formatDateTime = useFormatDateTime();
  const alerts = useMetricAlertsQuery(workspaceId);
  const figure = (a: MetricAlert) =>
    a.condition === 'dropped'
      ? `${num(a.previousScore)} → ${num(a.score)} (p = ${a.pValue === null ? '–' : formatFixed(i18n.language, a.pValue, 3)}, n = ${count(a.n)})`
      : `${num(a.score)} (${a.ci95 ? `${num(a.ci95[0])} – ${num(a.ci95[1])}` : '–'}, n = ${count(a.n)}) < ${num(a.target)}`;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('targets.alerts.title')}
      </Title>
      {alerts.isPending ? (
        <LoadingState />
      ) : alerts.isError ? (
        <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.items.length === 0 ? (
        <Text c="dimmed">{t('targets.alerts.empty')}</Text>
      ) : (
        <TableRegion label={t('targets.alerts.title')} minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('targets.alerts.when')}</Table.Th>
                <Table.Th>{t('targets.alerts.target')}</Table.Th>
                <Table.Th>{t('targets.alerts.condition')}</Table.Th>
                <Table.Th>{t('targets.alerts.figure')}</Table.Th>
                <Table.Th>{t('targets.alerts.deliveries')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alerts.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDateTime(a.createdAt)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={chartPath(a.chartUrl)}>
                      {a.targetName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`targets.alerts.conditions.${a.condition}`)}</Table.Td>
                  <Table.Td>{figure(a)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {a.deliveries.map((d, i) => (
                        <Text key={i} size="sm">
                          {t(`targets.alerts.channels.${d.channel}`)}: {d.recipient} –{' '}
                          {t(`targets.alerts.delivery.${d.status}`)}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
    </Stack>
  );
}

/** `/w/:workspaceId/analytics/targets`: targets with their current status, and alert history. */
export function TargetsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const membership = useCurrentMembership();
  const session = useSessionQuery();
  const canManage = canDo(membership, 'targets.manage');
  const evaluations = useTargetEvaluationsQuery(workspaceId);
  const surveys = useSurveysQuery(workspaceId);
  const members = useMembersQuery(workspaceId);
  const remove = useDeleteTargetMutation(workspaceId);
  const names = useTargetNames(workspaceId, surveys.data?.items ?? []);
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Target | null>(null);
  usePageTitle(t('targets.title'));

  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <Stack gap="lg">
      <AnalysesNav />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('targets.title')}
        </Title>
        {canManage && <Button onClick={() => setEditing('new')}>{t('targets.new')}</Button>}
      </Group>
      <Text maw={720}>{t('targets.intro')}</Text>
      {evaluations.isPending ? (
        <LoadingState />
      ) : evaluations.isError ? (
        <ErrorAlert error={evaluations.error} onRetry={() => void evaluations.refetch()} />
      ) : evaluations.data.items.length === 0 ? (
        <Text c="dimmed">{t('targets.empty')}</Text>
      ) : (
        <TableRegion label={t('targets.title')} minWidth={960}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('targets.columns.name')}</Table.Th>
                <Table.Th>{t('targets.columns.metric')}</Table.Th>
                <Table.Th>{t('targets.columns.scope')}</Table.Th>
                <Table.Th>{t('targets.columns.period')}</Table.Th>
                <Table.Th>{t('targets.columns.target')}</Table.Th>
                <Table.Th>{t('targets.columns.score')}</Table.Th>
                <Table.Th>{t('targets.columns.n')}</Table.Th>
                <Table.Th>{t('targets.columns.status')}</Table.Th>
                <Table.Th>{t('targets.columns.owner')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('targets.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {evaluations.data.items.map((item) => (
                <TargetRow
                  key={item.target.id}
                  item={item}
                  names={names}
                  canManage={canManage}
                  onEdit={setEditing}
                  onDelete={setDeleting}
                />
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      <AlertHistory workspaceId={workspaceId} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('targets.form.createTitle') : t('targets.form.editTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null &&
          (surveys.isPending || members.isPending ? (
            <LoadingState />
          ) : (
            <TargetForm
              workspaceId={workspaceId}
              target={editing === 'new' ? null : editing}
              surveys={surveys.data?.items ?? []}
              members={members.data?.items ?? []}
              defaultOwner={session.data?.user.id ?? ''}
              onDone={() => setEditing(null)}
            />
          ))}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('targets.deleteTitle')}
        text={t('targets.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('targets.deleteConfirm')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: closeDelete })}
        onClose={closeDelete}
      />
    </Stack>
  );
}
