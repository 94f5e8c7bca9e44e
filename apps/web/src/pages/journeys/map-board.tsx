import { Button, Group, Stack, TextInput } from '@mantine/core';
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  arrayMove,
  rectSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from '@dnd-kit/sortable';
import type { JourneyMap } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findTouchpoint, moveTouchpointIn } from './map-ops';
import { LaneLabels, StageColumn, type StageHandlers } from './stage-column';
import type { CardMetrics } from './touchpoint-card';
import './journey-map.css';

type DragKind = 'stage' | 'touchpoint' | 'container';

function kindOf(
  data: { current?: Record<string, unknown> | undefined } | undefined,
): DragKind | undefined {
  return data?.current?.type as DragKind | undefined;
}

const idOf = (dndId: UniqueIdentifier) => String(dndId).replace(/^(stage|tp|drop):/, '');

/**
 * Touchpoints drop on the card under the pointer, else on the stage under it (an empty stage
 * too), else the nearest; stages only ever land between stages. The keyboard (no pointer)
 * takes the nearest.
 */
const collisions: CollisionDetection = (args) => {
  const kind = kindOf(args.active.data);
  const candidates = args.droppableContainers.filter((c) =>
    kind === 'stage' ? kindOf(c.data) === 'stage' : kindOf(c.data) !== 'stage',
  );
  if (kind === 'touchpoint' && args.pointerCoordinates) {
    const cards = pointerWithin({
      ...args,
      droppableContainers: candidates.filter((c) => kindOf(c.data) === 'touchpoint'),
    });
    if (cards.length) return cards;
    const stages = pointerWithin({
      ...args,
      droppableContainers: candidates.filter((c) => kindOf(c.data) === 'container'),
    });
    if (stages.length) return stages;
  }
  return closestCorners({ ...args, droppableContainers: candidates });
};

/**
 * The stages and their touchpoints and lanes, with drag and drop: stages reorder sideways,
 * touchpoints move within and between stages. While dragging, a preview of the map is drawn;
 * on drop the one change goes to `onReorderStages` or `onMoveTouchpoint`.
 */
export function MapBoard(props: {
  map: JourneyMap;
  canManage: boolean;
  metrics: CardMetrics | null;
  handlers: StageHandlers;
  onReorderStages: (stageIds: string[]) => Promise<unknown>;
  onAddStage: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<JourneyMap | null>(null);
  const [newStage, setNewStage] = useState<string | null>(null);
  const shown = preview ?? props.map;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const nameOf = (dndId: UniqueIdentifier | undefined): string => {
    if (dndId === undefined) return '';
    const id = idOf(dndId);
    const stage = shown.stages.find((s) => s.id === id);
    if (stage) return stage.name;
    return findTouchpoint(shown, id)?.touchpoint.name ?? '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('journeys.dnd.start', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('journeys.dnd.over', { name: nameOf(active.id), target: nameOf(over.id) })
        : t('journeys.dnd.overNone', { name: nameOf(active.id) }),
    onDragEnd: ({ active }) => t('journeys.dnd.end', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t('journeys.dnd.cancel', { name: nameOf(active.id) }),
  };

  const onDragStart = (_e: DragStartEvent) => setPreview(props.map);

  /** Where the dragged touchpoint would land if dropped over `overId`. */
  const targetOf = (map: JourneyMap, overId: UniqueIdentifier, kind: DragKind | undefined) => {
    const id = idOf(overId);
    if (kind === 'container') {
      const stage = map.stages.find((s) => s.id === id);
      return stage ? { stageId: stage.id, index: stage.touchpoints.length } : null;
    }
    const at = findTouchpoint(map, id);
    return at ? { stageId: at.stage.id, index: at.index } : null;
  };

  const onDragOver = (e: DragOverEvent) => {
    if (kindOf(e.active.data) !== 'touchpoint' || !e.over) return;
    setPreview((current) => {
      const map = current ?? props.map;
      const tpId = idOf(e.active.id);
      const from = findTouchpoint(map, tpId);
      const to = targetOf(map, e.over!.id, kindOf(e.over!.data));
      // Within a stage the sortable list shows the new place; between stages the card moves over.
      if (!from || !to || from.stage.id === to.stageId) return map;
      return moveTouchpointIn(map, tpId, to.stageId, to.index);
    });
  };

  const onDragEnd = async (e: DragEndEvent) => {
    const map = preview ?? props.map;
    const { active, over } = e;
    if (!over) {
      setPreview(null);
      return;
    }
    if (kindOf(active.data) === 'stage') {
      const ids = map.stages.map((s) => s.id);
      const from = ids.indexOf(idOf(active.id));
      const to = ids.indexOf(idOf(over.id));
      if (from >= 0 && to >= 0 && from !== to) {
        const next = arrayMove(ids, from, to);
        setPreview({
          ...map,
          stages: next.map((id) => map.stages.find((s) => s.id === id)!),
        });
        await props.onReorderStages(next);
      }
      setPreview(null);
      return;
    }
    const tpId = idOf(active.id);
    const now = findTouchpoint(map, tpId);
    const target = targetOf(map, over.id, kindOf(over.data));
    const before = findTouchpoint(props.map, tpId);
    if (!now || !target || !before) {
      setPreview(null);
      return;
    }
    const position = target.stageId === now.stage.id ? target.index : now.index;
    const final = moveTouchpointIn(map, tpId, now.stage.id, position);
    if (before.stage.id !== now.stage.id || before.index !== position) {
      setPreview(final);
      // Until the server answers the preview shows the change (as the optimistic update does).
      await props.handlers.onMoveTouchpoint(tpId, now.stage.id, position);
    }
    setPreview(null);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={(e) => void onDragEnd(e)}
      onDragCancel={() => setPreview(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('journeys.dnd.instructions') },
      }}
    >
      <div
        className="jm-board"
        style={{ ['--jm-stages' as string]: String(Math.max(shown.stages.length, 1)) }}
      >
        <LaneLabels />
        <SortableContext
          items={shown.stages.map((s) => `stage:${s.id}`)}
          strategy={rectSortingStrategy}
        >
          {shown.stages.map((stage, index) => (
            <StageColumn
              key={stage.id}
              stage={stage}
              stages={shown.stages}
              index={index}
              canManage={props.canManage}
              metrics={props.metrics}
              handlers={props.handlers}
            />
          ))}
        </SortableContext>
        {props.canManage && (
          <div className="jm-add-stage">
            {newStage === null ? (
              <Button variant="default" size="xs" onClick={() => setNewStage('')}>
                + {t('journeys.stage.add')}
              </Button>
            ) : (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (newStage.trim()) props.onAddStage(newStage.trim());
                  setNewStage(null);
                }}
              >
                <Stack gap={4}>
                  <TextInput
                    size="xs"
                    label={t('journeys.stage.newName')}
                    value={newStage}
                    maxLength={200}
                    autoFocus
                    onChange={(e) => setNewStage(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') setNewStage(null);
                    }}
                  />
                  <Group gap={4}>
                    <Button size="compact-xs" type="submit">
                      {t('journeys.stage.add')}
                    </Button>
                    <Button size="compact-xs" variant="default" onClick={() => setNewStage(null)}>
                      {t('common.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </div>
        )}
      </div>
    </DndContext>
  );
}
