import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JourneyMap } from '@polku/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { journeyKeys } from '../../api/journeys';
import {
  applyOp,
  inverseOf,
  markerBody,
  renameIds,
  touchpointBody,
  type MapOp,
  type OpResult,
} from './map-ops';

/** How many changes Undo can take back, newest first. */
const undoDepth = 20;

interface UndoEntry {
  /** What the change was (shown on the Undo button and announced). */
  label: string;
  inverse: MapOp;
}

/** Runs one operation through the API; restores re-create what was deleted, one call at a time. */
async function execute(workspaceId: string, journeyId: string, op: MapOp): Promise<OpResult> {
  const params = { workspaceId, journeyId };
  const renamed: Record<string, string> = {};
  switch (op.type) {
    case 'reorderStages':
      await api.call('reorderStages', { params, body: { stageIds: op.stageIds } });
      return { renamed };
    case 'moveTouchpoint':
      await api.call('moveTouchpoint', {
        params: { ...params, touchpointId: op.touchpointId },
        body: { stageId: op.stageId, position: op.position },
      });
      return { renamed };
    case 'updateStage':
      await api.call('updateStage', { params: { ...params, stageId: op.stageId }, body: op.patch });
      return { renamed };
    case 'updateLanes':
      await api.call('updateStageLanes', {
        params: { ...params, stageId: op.stageId },
        body: op.lanes,
      });
      return { renamed };
    case 'updateTouchpoint':
      await api.call('updateTouchpoint', {
        params: { ...params, touchpointId: op.touchpointId },
        body: op.patch,
      });
      return { renamed };
    case 'createStage': {
      const stage = await api.call('createStage', {
        params,
        body: { name: op.name, position: op.position },
      });
      return { createdId: stage.id, renamed };
    }
    case 'deleteStage':
      await api.call('deleteStage', { params: { ...params, stageId: op.stageId } });
      return { renamed };
    case 'restoreStage': {
      const { stage } = op;
      const created = await api.call('createStage', {
        params,
        body: { name: stage.name, description: stage.description, position: stage.position },
      });
      renamed[stage.id] = created.id;
      await api.call('updateStageLanes', {
        params: { ...params, stageId: created.id },
        body: stage.lanes,
      });
      for (const [position, t] of stage.touchpoints.entries()) {
        Object.assign(
          renamed,
          await restoreTouchpoint(workspaceId, journeyId, { ...t, stageId: created.id }, position),
        );
      }
      return { createdId: created.id, renamed };
    }
    case 'createTouchpoint': {
      const t = await api.call('createTouchpoint', { params, body: op.body });
      return { createdId: t.id, renamed };
    }
    case 'deleteTouchpoint':
      await api.call('deleteTouchpoint', { params: { ...params, touchpointId: op.touchpointId } });
      return { renamed };
    case 'restoreTouchpoint': {
      const ids = await restoreTouchpoint(
        workspaceId,
        journeyId,
        op.touchpoint,
        op.touchpoint.position,
      );
      return { createdId: ids[op.touchpoint.id], renamed: ids };
    }
    case 'createMarker': {
      const m = await api.call('createMarker', {
        params: { ...params, touchpointId: op.touchpointId },
        body: op.body,
      });
      return { createdId: m.id, renamed };
    }
    case 'updateMarker':
      await api.call('updateMarker', {
        params: { ...params, touchpointId: op.touchpointId, markerId: op.markerId },
        body: op.patch,
      });
      return { renamed };
    case 'deleteMarker':
      await api.call('deleteMarker', {
        params: { ...params, touchpointId: op.touchpointId, markerId: op.markerId },
      });
      return { renamed };
  }
}

async function restoreTouchpoint(
  workspaceId: string,
  journeyId: string,
  t: Extract<MapOp, { type: 'restoreTouchpoint' }>['touchpoint'],
  position: number,
): Promise<Record<string, string>> {
  const params = { workspaceId, journeyId };
  const created = await api.call('createTouchpoint', {
    params,
    body: touchpointBody(t, t.stageId, position),
  });
  const ids: Record<string, string> = { [t.id]: created.id };
  for (const marker of t.markers) {
    const m = await api.call('createMarker', {
      params: { ...params, touchpointId: created.id },
      body: markerBody(marker),
    });
    ids[marker.id] = m.id;
  }
  return ids;
}

/**
 * The map editor's changes: each goes through the API in order (one mutation scope, so a quick
 * second drag waits for the first), is shown at once where it can be (optimistic), and is
 * rolled back when the server refuses. Each done change leaves its inverse on the undo stack.
 */
export function useMapEditor(workspaceId: string, journeyId: string) {
  const queryClient = useQueryClient();
  const mapKey = journeyKeys.map(workspaceId, journeyId);
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  // The newest stack, for callbacks that run after a render (a mutation's onSuccess).
  const stackRef = useRef(undoStack);
  useEffect(() => {
    stackRef.current = undoStack;
  }, [undoStack]);

  const mutation = useMutation({
    scope: { id: `journey-map-${journeyId}` },
    mutationFn: (input: { op: MapOp; label: string; undoing: boolean }) =>
      execute(workspaceId, journeyId, input.op),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: mapKey });
      const before = queryClient.getQueryData<JourneyMap>(mapKey);
      if (before) queryClient.setQueryData<JourneyMap>(mapKey, applyOp(before, input.op));
      return { before };
    },
    onError: (_error, input, context) => {
      // Back to the map as it was; the error is shown by the page.
      if (context?.before) queryClient.setQueryData(mapKey, context.before);
      if (input.undoing) {
        // The undo did not happen: it stays on the stack to try again.
        const entry = { label: input.label, inverse: input.op };
        setUndoStack((s) => [...s, entry].slice(-undoDepth));
      }
    },
    onSuccess: (result, input, context) => {
      const renamed = result.renamed;
      setUndoStack((stack) => {
        let next = Object.keys(renamed).length
          ? stack.map((e) => ({ ...e, inverse: renameIds(e.inverse, renamed) }))
          : stack;
        if (!input.undoing && context?.before) {
          const inverse = inverseOf(context.before, input.op, result);
          if (inverse) next = [...next, { label: input.label, inverse }].slice(-undoDepth);
        }
        return next;
      });
    },
    onSettled: async () => {
      // Once the last queued change is done, read the map (and its figures) as the server has it.
      if (
        queryClient.isMutating({
          predicate: (m) => m.options.scope?.id === `journey-map-${journeyId}`,
        }) <= 1
      ) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: mapKey }),
          queryClient.invalidateQueries({
            queryKey: ['ws', workspaceId, 'journeys', 'metrics', journeyId],
          }),
          queryClient.invalidateQueries({ queryKey: journeyKeys.list(workspaceId) }),
        ]);
      }
    },
  });

  const { mutateAsync, reset } = mutation;

  /** Makes a change; resolves with what the server made (ids of created things). */
  const perform = useCallback(
    async (op: MapOp, label: string): Promise<OpResult | null> => {
      reset();
      try {
        const result = await mutateAsync({ op, label, undoing: false });
        return result;
      } catch {
        return null; // shown through `error`; the map is back as it was
      }
    },
    [mutateAsync, reset],
  );

  /** Takes back the last change; resolves with its label when it was undone. */
  const undo = useCallback(async (): Promise<string | null> => {
    const entry = stackRef.current.at(-1);
    if (!entry) return null;
    setUndoStack((s) => s.slice(0, -1));
    reset();
    try {
      await mutateAsync({ op: entry.inverse, label: entry.label, undoing: true });
      return entry.label;
    } catch {
      return null; // kept on the stack by onError
    }
  }, [mutateAsync, reset]);

  return {
    perform,
    undo,
    /** The label of the change Undo would take back, if any. */
    undoLabel: undoStack.at(-1)?.label ?? null,
    pending: mutation.isPending,
    error: mutation.error,
    clearError: reset,
  };
}

export type MapEditor = ReturnType<typeof useMapEditor>;
