import type {
  CreateMarkerBody,
  CreateTouchpointBody,
  JourneyMap,
  JourneyMarker,
  MapStage,
  MapTouchpoint,
  StageLanes,
  UpdateMarkerBody,
  UpdateTouchpointBody,
} from '@polku/contracts';

/*
 * Every change the map editor makes is one of these operations. Each has an inverse computed
 * from the map before it runs (that is what Undo applies, through the API like any change), and
 * the ones that move or change existing things are applied to the cached map at once
 * (optimistic), then rolled back if the server refuses.
 */

export type StagePatch = { name?: string; description?: string };
export type TouchpointPatch = Omit<UpdateTouchpointBody, never>;

export type MapOp =
  | { type: 'reorderStages'; stageIds: string[] }
  | { type: 'moveTouchpoint'; touchpointId: string; stageId: string; position: number }
  | { type: 'updateStage'; stageId: string; patch: StagePatch }
  | { type: 'updateLanes'; stageId: string; lanes: Partial<StageLanes> }
  | { type: 'updateTouchpoint'; touchpointId: string; patch: TouchpointPatch }
  | { type: 'createStage'; name: string; position?: number }
  | { type: 'deleteStage'; stageId: string }
  /** Puts back a deleted stage with its lanes, touchpoints and markers (new ids). */
  | { type: 'restoreStage'; stage: MapStage }
  | { type: 'createTouchpoint'; body: CreateTouchpointBody }
  | { type: 'deleteTouchpoint'; touchpointId: string }
  /** Puts back a deleted touchpoint with its markers, where it was (new ids). */
  | { type: 'restoreTouchpoint'; touchpoint: MapTouchpoint }
  | { type: 'createMarker'; touchpointId: string; body: CreateMarkerBody }
  | { type: 'updateMarker'; touchpointId: string; markerId: string; patch: UpdateMarkerBody }
  | { type: 'deleteMarker'; touchpointId: string; markerId: string };

/** What the server made when an operation created things: old or temporary ids → new ids. */
export interface OpResult {
  /** The id of the thing a create made (stage, touchpoint or marker). */
  createdId?: string;
  /** Ids of restored things: the deleted id → the new one. */
  renamed: Record<string, string>;
}

export function findTouchpoint(
  map: JourneyMap,
  touchpointId: string,
): { stage: MapStage; touchpoint: MapTouchpoint; index: number } | null {
  for (const stage of map.stages) {
    const index = stage.touchpoints.findIndex((t) => t.id === touchpointId);
    if (index >= 0) return { stage, touchpoint: stage.touchpoints[index]!, index };
  }
  return null;
}

function pickPrevious<T extends object>(source: T, keys: readonly string[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) (out as Record<string, unknown>)[key] = source[key as keyof T];
  return out;
}

/**
 * The operation that undoes `op` on `map` (as the map is before `op`). Creates are undone by
 * deleting what they made, so their inverse needs the result: `inverseOf(map, op, result)`.
 * Null when there is nothing to undo (the target is gone).
 */
export function inverseOf(map: JourneyMap, op: MapOp, result?: OpResult): MapOp | null {
  switch (op.type) {
    case 'reorderStages':
      return { type: 'reorderStages', stageIds: map.stages.map((s) => s.id) };
    case 'moveTouchpoint': {
      const at = findTouchpoint(map, op.touchpointId);
      return at
        ? {
            type: 'moveTouchpoint',
            touchpointId: op.touchpointId,
            stageId: at.stage.id,
            position: at.index,
          }
        : null;
    }
    case 'updateStage': {
      const stage = map.stages.find((s) => s.id === op.stageId);
      return stage
        ? {
            type: 'updateStage',
            stageId: op.stageId,
            patch: pickPrevious(stage, Object.keys(op.patch)),
          }
        : null;
    }
    case 'updateLanes': {
      const stage = map.stages.find((s) => s.id === op.stageId);
      return stage
        ? {
            type: 'updateLanes',
            stageId: op.stageId,
            lanes: pickPrevious(stage.lanes, Object.keys(op.lanes)),
          }
        : null;
    }
    case 'updateTouchpoint': {
      const at = findTouchpoint(map, op.touchpointId);
      if (!at) return null;
      const keys = Object.keys(op.patch);
      // A new owner type clears the partner name on the server: the undo must bring it back.
      if (keys.includes('ownerType') || keys.includes('partnerName'))
        keys.push(...['ownerType', 'partnerName'].filter((k) => !keys.includes(k)));
      return {
        type: 'updateTouchpoint',
        touchpointId: op.touchpointId,
        patch: pickPrevious(at.touchpoint, keys),
      };
    }
    case 'createStage':
      return result?.createdId ? { type: 'deleteStage', stageId: result.createdId } : null;
    case 'deleteStage': {
      const stage = map.stages.find((s) => s.id === op.stageId);
      return stage ? { type: 'restoreStage', stage } : null;
    }
    case 'restoreStage': {
      const id = result?.renamed[op.stage.id];
      return id ? { type: 'deleteStage', stageId: id } : null;
    }
    case 'createTouchpoint':
      return result?.createdId
        ? { type: 'deleteTouchpoint', touchpointId: result.createdId }
        : null;
    case 'deleteTouchpoint': {
      const at = findTouchpoint(map, op.touchpointId);
      return at
        ? { type: 'restoreTouchpoint', touchpoint: { ...at.touchpoint, position: at.index } }
        : null;
    }
    case 'restoreTouchpoint': {
      const id = result?.renamed[op.touchpoint.id];
      return id ? { type: 'deleteTouchpoint', touchpointId: id } : null;
    }
    case 'createMarker':
      return result?.createdId
        ? { type: 'deleteMarker', touchpointId: op.touchpointId, markerId: result.createdId }
        : null;
    case 'updateMarker': {
      const marker = findTouchpoint(map, op.touchpointId)?.touchpoint.markers.find(
        (m) => m.id === op.markerId,
      );
      return marker
        ? {
            type: 'updateMarker',
            touchpointId: op.touchpointId,
            markerId: op.markerId,
            patch: pickPrevious(marker, Object.keys(op.patch)),
          }
        : null;
    }
    case 'deleteMarker': {
      const marker = findTouchpoint(map, op.touchpointId)?.touchpoint.markers.find(
        (m) => m.id === op.markerId,
      );
      return marker
        ? { type: 'createMarker', touchpointId: op.touchpointId, body: markerBody(marker) }
        : null;
    }
  }
}

export function markerBody(marker: JourneyMarker): CreateMarkerBody {
  return {
    kind: marker.kind,
    note: marker.note,
    responseId: marker.responseId,
    comment: marker.comment,
  };
}

function mapTouchpoints(
  map: JourneyMap,
  touchpointId: string,
  change: (t: MapTouchpoint) => MapTouchpoint,
): JourneyMap {
  return {
    ...map,
    stages: map.stages.map((s) =>
      s.touchpoints.some((t) => t.id === touchpointId)
        ? { ...s, touchpoints: s.touchpoints.map((t) => (t.id === touchpointId ? change(t) : t)) }
        : s,
    ),
  };
}

function withPositions(stage: MapStage): MapStage {
  return { ...stage, touchpoints: stage.touchpoints.map((t, position) => ({ ...t, position })) };
}

/** Moves a touchpoint to a stage and a place within it (past the end means last). */
export function moveTouchpointIn(
  map: JourneyMap,
  touchpointId: string,
  stageId: string,
  position: number,
): JourneyMap {
  const at = findTouchpoint(map, touchpointId);
  if (!at || !map.stages.some((s) => s.id === stageId)) return map;
  const moving = { ...at.touchpoint, stageId };
  const stages = map.stages.map((s) =>
    s.id === at.stage.id
      ? { ...s, touchpoints: s.touchpoints.filter((t) => t.id !== touchpointId) }
      : s,
  );
  return {
    ...map,
    stages: stages.map((s) => {
      if (s.id !== stageId) return s.id === at.stage.id ? withPositions(s) : s;
      const list = [...s.touchpoints];
      list.splice(Math.min(position, list.length), 0, moving);
      return withPositions({ ...s, touchpoints: list });
    }),
  };
}

/**
 * The map as it looks once `op` is done, for the optimistic update. Operations that create
 * things (whose ids only the server knows) leave the map as it is until the server answers.
 */
export function applyOp(map: JourneyMap, op: MapOp): JourneyMap {
  switch (op.type) {
    case 'reorderStages': {
      const byId = new Map(map.stages.map((s) => [s.id, s]));
      const stages = op.stageIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      if (stages.length !== map.stages.length) return map;
      return { ...map, stages: stages.map((s, position) => ({ ...s, position })) };
    }
    case 'moveTouchpoint':
      return moveTouchpointIn(map, op.touchpointId, op.stageId, op.position);
    case 'updateStage':
      return {
        ...map,
        stages: map.stages.map((s) => (s.id === op.stageId ? { ...s, ...op.patch } : s)),
      };
    case 'updateLanes':
      return {
        ...map,
        stages: map.stages.map((s) =>
          s.id === op.stageId ? { ...s, lanes: { ...s.lanes, ...op.lanes } } : s,
        ),
      };
    case 'updateTouchpoint':
      return mapTouchpoints(map, op.touchpointId, (t) => {
        const next = { ...t, ...(op.patch as Partial<MapTouchpoint>) };
        if (next.ownerType !== 'partner') next.partnerName = null;
        return next;
      });
    case 'deleteStage':
      return {
        ...map,
        stages: map.stages
          .filter((s) => s.id !== op.stageId)
          .map((s, position) => ({ ...s, position })),
      };
    case 'deleteTouchpoint':
      return {
        ...map,
        stages: map.stages.map((s) =>
          s.touchpoints.some((t) => t.id === op.touchpointId)
            ? withPositions({
                ...s,
                touchpoints: s.touchpoints.filter((t) => t.id !== op.touchpointId),
              })
            : s,
        ),
      };
    case 'updateMarker':
      return mapTouchpoints(map, op.touchpointId, (t) => ({
        ...t,
        markers: t.markers.map((m) =>
          m.id === op.markerId ? { ...m, ...(op.patch as Partial<JourneyMarker>) } : m,
        ),
      }));
    case 'deleteMarker':
      return mapTouchpoints(map, op.touchpointId, (t) => ({
        ...t,
        markers: t.markers.filter((m) => m.id !== op.markerId),
      }));
    case 'createStage':
    case 'restoreStage':
    case 'createTouchpoint':
    case 'restoreTouchpoint':
    case 'createMarker':
      return map;
  }
}

/** An operation with ids that were replaced (by restoring deleted things) brought up to date. */
export function renameIds(op: MapOp, renamed: Record<string, string>): MapOp {
  const r = (id: string) => renamed[id] ?? id;
  switch (op.type) {
    case 'reorderStages':
      return { ...op, stageIds: op.stageIds.map(r) };
    case 'moveTouchpoint':
      return { ...op, touchpointId: r(op.touchpointId), stageId: r(op.stageId) };
    case 'updateStage':
    case 'updateLanes':
    case 'deleteStage':
      return { ...op, stageId: r(op.stageId) };
    case 'updateTouchpoint':
    case 'deleteTouchpoint':
      return { ...op, touchpointId: r(op.touchpointId) };
    case 'createTouchpoint':
      return { ...op, body: { ...op.body, stageId: r(op.body.stageId) } };
    case 'restoreTouchpoint':
      return { ...op, touchpoint: { ...op.touchpoint, stageId: r(op.touchpoint.stageId) } };
    case 'createMarker':
      return { ...op, touchpointId: r(op.touchpointId) };
    case 'updateMarker':
    case 'deleteMarker':
      return { ...op, touchpointId: r(op.touchpointId), markerId: r(op.markerId) };
    case 'createStage':
    case 'restoreStage':
      return op;
  }
}

/** The body that re-creates a touchpoint with the same fields. */
export function touchpointBody(
  t: MapTouchpoint,
  stageId: string,
  position: number,
): CreateTouchpointBody {
  return {
    stageId,
    position,
    name: t.name,
    description: t.description,
    channel: t.channel,
    ownerType: t.ownerType,
    partnerName: t.ownerType === 'partner' ? t.partnerName : null,
    subExperience: t.subExperience,
    team: t.team,
    promise: t.promise,
    promiseHours: t.promiseHours,
    expectation: t.expectation,
  };
}
