import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { BlueprintLane, MapStage } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchpointCard, type CardMetrics } from './touchpoint-card';

/** The map's rows below the stage header and touchpoints, in order; `visibility` is the line. */
export const laneRows = [
  'customerActions',
  'frontstage',
  'visibility',
  'backstage',
  'supportProcesses',
  'physicalEvidence',
] as const;

export interface StageHandlers {
  onRename: (stage: MapStage, name: string) => void;
  onMoveStage: (stage: MapStage, delta: -1 | 1) => void;
  onDeleteStage: (stage: MapStage) => void;
  onSaveLane: (stage: MapStage, lane: BlueprintLane, items: string[]) => void;
  onAddTouchpoint: (stage: MapStage) => void;
  onOpenTouchpoint: (touchpointId: string) => void;
  onMoveTouchpoint: (touchpointId: string, stageId: string, position: number) => Promise<unknown>;
  onDeleteTouchpoint: (touchpointId: string) => void;
}

/** A blueprint lane of a stage: its items, edited in place (one item per line). */
function LaneCell(props: {
  stage: MapStage;
  lane: BlueprintLane;
  canManage: boolean;
  onSave: (items: string[]) => void;
}) {
  const { t } = useTranslation();
  const items = props.stage.lanes[props.lane];
  const [draft, setDraft] = useState<string | null>(null);
  const laneName = t(`journeys.map.lanes.${props.lane}`);
  const save = () => {
    const next = (draft ?? '')
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean)
      .slice(0, 30);
    setDraft(null);
    if (next.join('\n') !== items.join('\n')) props.onSave(next);
  };
  return (
    <div className="jm-cell" data-lane={props.lane}>
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <span className="jm-inline-label">{laneName}</span>
          {draft === null &&
            (items.length ? (
              <ul className="jm-lane-list">
                {items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            ) : (
              <Text size="sm" c="dimmed">
                {t('journeys.map.laneEmpty')}
              </Text>
            ))}
        </div>
        {props.canManage && draft === null && (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('journeys.map.editLane', { lane: laneName, stage: props.stage.name })}
            onClick={() => setDraft(items.join('\n'))}
          >
            <span aria-hidden>✎</span>
          </ActionIcon>
        )}
      </Group>
      {draft !== null && (
        <Stack gap={4}>
          <Textarea
            label={t('journeys.map.laneItems', { lane: laneName })}
            size="xs"
            autosize
            minRows={2}
            value={draft}
            data-autofocus
            autoFocus
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(null);
            }}
          />
          <Group gap={4}>
            <Button size="compact-xs" onClick={save}>
              {t('common.save')}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </div>
  );
}

/** The stage's name, renamed in place. */
function StageName(props: {
  stage: MapStage;
  editing: boolean;
  onDone: (name: string | null) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.stage.name);
  if (!props.editing)
    return (
      <Title order={2} size="h5" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
        {props.stage.name}
      </Title>
    );
  return (
    <form
      style={{ flex: 1 }}
      onSubmit={(e) => {
        e.preventDefault();
        props.onDone(name.trim() || null);
      }}
    >
      <TextInput
        size="xs"
        label={t('journeys.stage.name')}
        value={name}
        maxLength={200}
        autoFocus
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onDone(null);
        }}
        onBlur={() => props.onDone(name.trim() || null)}
      />
    </form>
  );
}

/**
 * One stage of the map: a column spanning every row (header, touchpoints, lanes), dragged by its
 * handle or moved with the Move left/right buttons.
 */
export function StageColumn(props: {
  stage: MapStage;
  stages: MapStage[];
  index: number;
  canManage: boolean;
  metrics: CardMetrics | null;
  handlers: StageHandlers;
}) {
  const { t } = useTranslation();
  const { stage, canManage, handlers: h } = props;
  const [renaming, setRenaming] = useState(false);
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: `stage:${stage.id}`,
    data: { type: 'stage', name: stage.name },
    disabled: !canManage,
  });
  const { setNodeRef: setDropRef } = useDroppable({
    id: `drop:${stage.id}`,
    data: { type: 'container', stageId: stage.id },
  });
  const last = props.stages.length - 1;

  return (
    <section
      ref={setNodeRef}
      className="jm-stage"
      data-testid="stage-column"
      data-stage={stage.id}
      data-dragging={isDragging}
      aria-labelledby={`stage-title-${stage.id}`}
      style={{
        transform: CSS.Translate.toString(transform),
        transition: transition,
      }}
    >
      <div id={`stage-title-${stage.id}`} style={{ paddingBottom: 'var(--mantine-spacing-xs)' }}>
        <Group gap={4} wrap="nowrap" align="flex-start">
          {canManage && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              ref={setActivatorNodeRef}
              {...attributes}
              {...listeners}
              aria-label={t('journeys.stage.drag', { name: stage.name })}
              style={{ cursor: 'grab', touchAction: 'none' }}
            >
              <span aria-hidden>⠿</span>
            </ActionIcon>
          )}
          <StageName
            stage={stage}
            editing={renaming}
            onDone={(name) => {
              setRenaming(false);
              if (name && name !== stage.name) h.onRename(stage, name);
            }}
          />
        </Group>
        {canManage && (
          <Group gap={2} mt={4} wrap="nowrap">
            <ActionIcon
              variant="default"
              size="sm"
              disabled={props.index === 0}
              data-move="left"
              aria-label={t('journeys.stage.moveLeft', { name: stage.name })}
              onClick={() => h.onMoveStage(stage, -1)}
            >
              <span aria-hidden>←</span>
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="sm"
              disabled={props.index === last}
              data-move="right"
              aria-label={t('journeys.stage.moveRight', { name: stage.name })}
              onClick={() => h.onMoveStage(stage, 1)}
            >
              <span aria-hidden>→</span>
            </ActionIcon>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="default"
                  size="sm"
                  aria-label={t('journeys.stage.actions', { name: stage.name })}
                >
                  <span aria-hidden>⋯</span>
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setRenaming(true)}>
                  {t('journeys.stage.rename', { name: stage.name })}
                </Menu.Item>
                <Menu.Item onClick={() => h.onAddTouchpoint(stage)}>
                  {t('journeys.touchpoint.add')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => h.onDeleteStage(stage)}>
                  {t('journeys.stage.delete', { name: stage.name })}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </div>
      <div className="jm-cell">
        <span className="jm-inline-label">{t('journeys.map.touchpointsLane')}</span>
        <SortableContext
          items={stage.touchpoints.map((tp) => `tp:${tp.id}`)}
          strategy={verticalListSortingStrategy}
        >
          <div ref={setDropRef} className="jm-touchpoints" data-testid="stage-touchpoints">
            {stage.touchpoints.map((tp, index) => (
              <TouchpointCard
                key={tp.id}
                touchpoint={tp}
                stage={stage}
                stages={props.stages}
                index={index}
                canManage={canManage}
                metrics={props.metrics}
                onOpen={() => h.onOpenTouchpoint(tp.id)}
                onMove={(stageId, position) => void h.onMoveTouchpoint(tp.id, stageId, position)}
                onDelete={() => h.onDeleteTouchpoint(tp.id)}
              />
            ))}
            {stage.touchpoints.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('journeys.map.noTouchpoints')}
              </Text>
            )}
            {canManage && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => h.onAddTouchpoint(stage)}
                aria-label={t('journeys.touchpoint.addTo', { stage: stage.name })}
              >
                + {t('journeys.touchpoint.add')}
              </Button>
            )}
          </div>
        </SortableContext>
      </div>
      {laneRows.map((row) =>
        row === 'visibility' ? (
          <div
            key={row}
            className="jm-visibility"
            role="separator"
            aria-label={t('journeys.map.lineOfVisibility')}
          >
            <span className="jm-inline-label" aria-hidden>
              {t('journeys.map.lineOfVisibility')}
            </span>
          </div>
        ) : (
          <LaneCell
            key={row}
            stage={stage}
            lane={row}
            canManage={canManage}
            onSave={(items) => h.onSaveLane(stage, row, items)}
          />
        ),
      )}
    </section>
  );
}

/** The row names at the left of the wide map (hidden from screen readers: cells name themselves). */
export function LaneLabels() {
  const { t } = useTranslation();
  return (
    <div className="jm-labels" aria-hidden>
      <div className="jm-label">{t('journeys.map.stageColumn')}</div>
      <div className="jm-label">{t('journeys.map.touchpointsLane')}</div>
      {laneRows.map((row) =>
        row === 'visibility' ? (
          <div key={row} className="jm-visibility" title={t('journeys.map.lineOfVisibilityHint')}>
            {t('journeys.map.lineOfVisibility')}
          </div>
        ) : (
          <div key={row} className="jm-label">
            {t(`journeys.map.lanes.${row}`)}
          </div>
        ),
      )}
    </div>
  );
}
