import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  ApiError,
  journeyStatuses,
  type BlueprintLane,
  type ErrorCode,
  type JourneyMap,
  type JourneyStatus,
  type MapStage,
} from '@polku/contracts';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { journeyExportUrl, useJourneyMapQuery, useUpdateJourneyMutation } from '../../api/journeys';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { currentLanguage } from '../../i18n/i18n';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { statusColors } from './journeys-page';
import { MapBoard } from './map-board';
import { MapMetricControls, useCardMetrics, useMapMetrics } from './map-metrics';
import { journeyOrderOf } from '../observed/flow-model';
import { findTouchpoint } from './map-ops';
import { PersonasSection } from './personas-section';
import type { StageHandlers } from './stage-column';
import { TouchpointModal } from './touchpoint-modal';
import { useMapEditor } from './use-map-editor';

// The health chart brings ECharts: it loads when its tab is first opened.
const JourneyHealth = lazy(() =>
  import('./journey-health').then((m) => ({ default: m.JourneyHealth })),
);

// The observed paths bring ECharts' Sankey: they load when their tab is first opened.
const ObservedFlow = lazy(() =>
  import('../observed/observed-flow').then((m) => ({ default: m.ObservedFlow })),
);

/**
 * The paths customers actually take, beside this designed journey: transitions are classified
 * by the journey's stage order (repeats, jumps back, skipped stages) and shown by name.
 */
function ObservedPaths(props: {
  workspaceId: string;
  map: JourneyMap;
  period: { from: string; to: string };
}) {
  const { stageOrder, touchpointNames } = useMemo(() => journeyOrderOf(props.map), [props.map]);
  return (
    <Suspense fallback={<LoadingState />}>
      <ObservedFlow
        workspaceId={props.workspaceId}
        stageOrder={stageOrder}
        touchpointNames={touchpointNames}
        period={props.period}
      />
    </Suspense>
  );
}

/** Downloads the server's render of the map (PNG or PDF); an error answer is shown, not saved. */
function ExportButtons(props: {
  workspaceId: string;
  journeyId: string;
  name: string;
  /** The map's metric and period, when it is one the export can draw. */
  metric: { kind: 'nps' | 'csat' | 'ces'; from: string; to: string } | null;
}) {
  const { t } = useTranslation();
  const [working, setWorking] = useState<'png' | 'pdf' | null>(null);
  const [withMetric, setWithMetric] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const download = async (format: 'png' | 'pdf') => {
    setWorking(format);
    setError(null);
    try {
      const url = journeyExportUrl(
        props.workspaceId,
        props.journeyId,
        format,
        currentLanguage(),
        withMetric ? props.metric : null,
      );
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { code?: ErrorCode; message?: string };
        } | null;
        throw new ApiError(
          res.status,
          body?.error?.code ?? 'INTERNAL',
          body?.error?.message ?? res.statusText,
        );
      }
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = `${props.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'journey'}.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    } finally {
      setWorking(null);
    }
  };
  return (
    <>
      {props.metric && (
        <Checkbox
          size="xs"
          label={t('journeys.export.withMetric', {
            metric: t(`journeys.metrics.kinds.${props.metric.kind}`),
          })}
          checked={withMetric}
          onChange={(e) => setWithMetric(e.currentTarget.checked)}
        />
      )}
      <Button
        variant="default"
        size="xs"
        loading={working === 'png'}
        onClick={() => void download('png')}
      >
        {t('journeys.export.png')}
      </Button>
      <Button
        variant="default"
        size="xs"
        loading={working === 'pdf'}
        onClick={() => void download('pdf')}
      >
        {t('journeys.export.pdf')}
      </Button>
      {working && <VisuallyHidden role="status">{t('journeys.export.working')}</VisuallyHidden>}
      {error !== null && (
        <div style={{ flexBasis: '100%' }}>
          <ErrorAlert error={error} />
        </div>
      )}
    </>
  );
}

/** Name, description and status of the journey. */
function DetailsModal(props: {
  map: JourneyMap;
  opened: boolean;
  onClose: () => void;
  onSave: (body: { name?: string; description?: string; status?: JourneyStatus }) => void;
}) {
  const { t } = useTranslation();
  const { journey } = props.map;
  const [name, setName] = useState(journey.name);
  const [description, setDescription] = useState(journey.description);
  const [status, setStatus] = useState<JourneyStatus>(journey.status);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={props.opened}
      onClose={props.onClose}
      title={t('journeys.map.details')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body: { name?: string; description?: string; status?: JourneyStatus } = {};
          if (name.trim() && name.trim() !== journey.name) body.name = name.trim();
          if (description.trim() !== journey.description) body.description = description.trim();
          if (status !== journey.status) body.status = status;
          if (Object.keys(body).length) props.onSave(body);
          props.onClose();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('journeys.map.name')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Textarea
            label={t('journeys.map.description')}
            autosize
            minRows={2}
            maxLength={4000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('journeys.map.status')}
            value={status}
            data={journeyStatuses.map((s) => ({ value: s, label: t(`journeys.statuses.${s}`) }))}
            onChange={(e) => setStatus(e.currentTarget.value as JourneyStatus)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Whether a key press happens where typing (and the field's own undo) belongs. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  );
}

/** `/w/:workspaceId/journeys/:journeyId`: the journey map, its editing, metrics and health. */
export function JourneyMapPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const journeyId = useParams().journeyId ?? '';
  const membership = useCurrentMembership();
  const canManage = canDo(membership, 'journeys.manage');
  const mapQuery = useJourneyMapQuery(workspaceId, journeyId);
  const editor = useMapEditor(workspaceId, journeyId);
  const updateJourney = useUpdateJourneyMutation(workspaceId);
  const metrics = useMapMetrics(workspaceId, journeyId);
  const cardMetrics = useCardMetrics(
    workspaceId,
    metrics.result.data,
    metrics.state.kind,
    metrics.state.period,
    metrics.range,
    metrics.cx.surveyId,
    metrics.others,
  );
  const [tab, setTab] = useState<string | null>('map');
  const [openTouchpoint, setOpenTouchpoint] = useState<string | null>(null);
  const [newIn, setNewIn] = useState<MapStage | null>(null);
  const [deleting, setDeleting] = useState<
    { kind: 'stage'; stage: MapStage } | { kind: 'touchpoint'; id: string; name: string } | null
  >(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [status, setStatus] = useState('');
  const map = mapQuery.data;
  usePageTitle(map?.journey.name ?? t('journeys.title'));

  const { undoLabel } = editor;
  const editorUndo = editor.undo;
  const undo = useCallback(async () => {
    const label = await editorUndo();
    if (label) setStatus(t('journeys.undo.done', { change: label }));
  }, [editorUndo, t]);
  // Ctrl+Z (⌘Z) takes back the last change, unless the key belongs to a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        if (isTyping(e.target) || !undoLabel) return;
        e.preventDefault();
        void undo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo, undoLabel]);

  if (mapQuery.isPending) return <LoadingState />;
  if (mapQuery.isError || !map)
    return <ErrorAlert error={mapQuery.error} onRetry={() => void mapQuery.refetch()} />;

  const stages = map.stages;
  const handlers: StageHandlers = {
    onRename: (stage, name) =>
      void editor.perform(
        { type: 'updateStage', stageId: stage.id, patch: { name } },
        t('journeys.changes.renameStage', { name: stage.name }),
      ),
    onMoveStage: (stage, delta) => {
      const ids = stages.map((s) => s.id);
      const from = ids.indexOf(stage.id);
      const to = from + delta;
      if (to < 0 || to >= ids.length) return;
      ids.splice(from, 1);
      ids.splice(to, 0, stage.id);
      setStatus(
        t('journeys.moved.stage', { name: stage.name, position: to + 1, count: ids.length }),
      );
      void editor
        .perform({ type: 'reorderStages', stageIds: ids }, t('journeys.changes.reorderStages'))
        .then(() => {
          // The moved column's button keeps focus, so the next press moves it again.
          const button = document.querySelector<HTMLButtonElement>(
            `[data-stage="${stage.id}"] [data-move="${delta < 0 ? 'left' : 'right'}"]`,
          );
          if (button && !button.disabled && document.activeElement === document.body)
            button.focus();
        });
    },
    onDeleteStage: (stage) => setDeleting({ kind: 'stage', stage }),
    onSaveLane: (stage: MapStage, lane: BlueprintLane, items: string[]) =>
      void editor.perform(
        { type: 'updateLanes', stageId: stage.id, lanes: { [lane]: items } },
        t('journeys.changes.lanes', { stage: stage.name }),
      ),
    onAddTouchpoint: (stage) => setNewIn(stage),
    onOpenTouchpoint: (id) => setOpenTouchpoint(id),
    onMoveTouchpoint: (touchpointId, stageId, position) => {
      const tp = findTouchpoint(map, touchpointId)?.touchpoint;
      const stage = stages.find((s) => s.id === stageId);
      if (tp && stage)
        setStatus(
          t('journeys.moved.touchpoint', {
            name: tp.name,
            stage: stage.name,
            position: position + 1,
          }),
        );
      return editor.perform(
        { type: 'moveTouchpoint', touchpointId, stageId, position },
        t('journeys.changes.moveTouchpoint', { name: tp?.name ?? '' }),
      );
    },
    onDeleteTouchpoint: (id) =>
      setDeleting({
        kind: 'touchpoint',
        id,
        name: findTouchpoint(map, id)?.touchpoint.name ?? '',
      }),
  };
  const opened = openTouchpoint ? (findTouchpoint(map, openTouchpoint)?.touchpoint ?? null) : null;
  const metricName = t(`journeys.metrics.kinds.${metrics.state.kind}`);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/w/${workspaceId}/journeys`} size="sm">
        ← {t('journeys.map.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" align="center">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {map.journey.name}
            </Title>
            <Badge color={statusColors[map.journey.status]} variant="light">
              {t(`journeys.statuses.${map.journey.status}`)}
            </Badge>
          </Group>
          {map.journey.description && (
            <Text maw={760} mt={4}>
              {map.journey.description}
            </Text>
          )}
        </div>
        <Group gap="xs" wrap="wrap">
          {canManage && (
            <>
              <Button
                variant="default"
                size="xs"
                disabled={!undoLabel || editor.pending}
                onClick={() => void undo()}
                aria-describedby="journey-undo-change"
                title={t('journeys.undo.hint')}
              >
                {t('journeys.undo.button')}
              </Button>
              <Text id="journey-undo-change" size="xs" c="dimmed" maw={220} lineClamp={2}>
                {undoLabel
                  ? t('journeys.undo.label', { change: undoLabel })
                  : t('journeys.undo.nothing')}
              </Text>
              <Button variant="default" size="xs" onClick={() => setDetailsOpen(true)}>
                {t('journeys.map.editDetails')}
              </Button>
            </>
          )}
          <ExportButtons
            workspaceId={workspaceId}
            journeyId={journeyId}
            name={map.journey.name}
            metric={
              metrics.state.kind === 'nps' ||
              metrics.state.kind === 'csat' ||
              metrics.state.kind === 'ces'
                ? { kind: metrics.state.kind, ...metrics.range }
                : null
            }
          />
        </Group>
      </Group>
      <VisuallyHidden role="status" aria-live="polite" data-testid="map-status">
        {status}
      </VisuallyHidden>
      {editor.error !== null && <ErrorAlert error={editor.error} />}
      {updateJourney.isError && <ErrorAlert error={updateJourney.error} />}
      <PersonasSection workspaceId={workspaceId} map={map} canManage={canManage} />
      <MapMetricControls metrics={metrics} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="map">{t('journeys.map.tabs.map')}</Tabs.Tab>
          <Tabs.Tab value="health">{t('journeys.map.tabs.health')}</Tabs.Tab>
          <Tabs.Tab value="observed">{t('journeys.map.tabs.observed')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="map" pt="sm">
          {stages.length === 0 && (
            <Text c="dimmed" mb="sm">
              {t('journeys.map.noStages')}
            </Text>
          )}
          <div
            className="jm-scroll"
            role="region"
            aria-label={t('journeys.map.region', { name: map.journey.name })}
            aria-describedby="journey-map-hint"
            tabIndex={0}
            data-testid="journey-map"
          >
            <VisuallyHidden id="journey-map-hint">{t('journeys.map.regionHint')}</VisuallyHidden>
            <MapBoard
              map={map}
              canManage={canManage}
              metrics={cardMetrics}
              handlers={handlers}
              onReorderStages={(stageIds) =>
                editor.perform(
                  { type: 'reorderStages', stageIds },
                  t('journeys.changes.reorderStages'),
                )
              }
              onAddStage={(name) =>
                void editor.perform(
                  { type: 'createStage', name },
                  t('journeys.changes.addStage', { name }),
                )
              }
            />
          </div>
        </Tabs.Panel>
        <Tabs.Panel value="health" pt="sm">
          {metrics.state.kind === 'none' ? (
            <Text c="dimmed">{t('journeys.metrics.kinds.none')}</Text>
          ) : metrics.result.data ? (
            <Suspense fallback={<LoadingState />}>
              <JourneyHealth
                stages={stages}
                metrics={metrics.result.data}
                metricName={metricName}
              />
            </Suspense>
          ) : metrics.result.isError ? null : (
            <LoadingState />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="observed" pt="sm">
          <ObservedPaths workspaceId={workspaceId} map={map} period={metrics.range} />
        </Tabs.Panel>
      </Tabs>

      <TouchpointModal
        workspaceId={workspaceId}
        opened={opened !== null || newIn !== null}
        touchpoint={opened}
        stage={newIn}
        canManage={canManage}
        onClose={() => {
          setOpenTouchpoint(null);
          setNewIn(null);
        }}
        perform={(op, label) => void editor.perform(op, label)}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={
          deleting?.kind === 'stage'
            ? t('journeys.stage.deleteTitle')
            : t('journeys.touchpoint.deleteTitle')
        }
        text={
          deleting?.kind === 'stage'
            ? t('journeys.stage.deleteText', { name: deleting.stage.name })
            : t('journeys.touchpoint.deleteText', { name: deleting?.name ?? '' })
        }
        confirmLabel={
          deleting?.kind === 'stage'
            ? t('journeys.stage.deleteConfirm')
            : t('journeys.touchpoint.deleteConfirm')
        }
        loading={false}
        error={null}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting?.kind === 'stage')
            void editor.perform(
              { type: 'deleteStage', stageId: deleting.stage.id },
              t('journeys.changes.deleteStage', { name: deleting.stage.name }),
            );
          else if (deleting)
            void editor.perform(
              { type: 'deleteTouchpoint', touchpointId: deleting.id },
              t('journeys.changes.deleteTouchpoint', { name: deleting.name }),
            );
          setDeleting(null);
        }}
      />
      {detailsOpen && (
        <DetailsModal
          map={map}
          opened
          onClose={() => setDetailsOpen(false)}
          onSave={(body) => updateJourney.mutate({ journeyId, body })}
        />
      )}
    </Stack>
  );
}
