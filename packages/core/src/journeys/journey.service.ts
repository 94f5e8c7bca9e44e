import {
  blueprintLanes,
  type CreateJourneyBody,
  type CreateJourneyFromTemplateBody,
  type CreateMarkerBody,
  type CreateStageBody,
  type CreateTouchpointBody,
  type FieldIssue,
  type Journey,
  type JourneyMap,
  type JourneyMarker,
  type JourneyStage,
  type JourneySummary,
  type JourneyTemplateInfo,
  type Language,
  type MoveTouchpointBody,
  type StageLanes,
  type Touchpoint,
  type UpdateJourneyBody,
  type UpdateLanesBody,
  type UpdateMarkerBody,
  type UpdateStageBody,
  type UpdateTouchpointBody,
  journeyTemplates,
} from '@polku/contracts';
import { auditActor, recordAudit } from '../accounts/audit.js';
import type { Repositories, Store } from '../ports.js';
import type { WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Clock } from '../shared/time.js';
import type {
  JourneyRecord,
  LaneItemRecord,
  MarkerRecord,
  PersonaRecord,
  StageRecord,
  TouchpointRecord,
} from './ports.js';
import { given, toJourney, toMarker, toPersona, toStage, toTouchpoint } from './records.js';
import { journeyTemplate } from './templates.js';

/** More would not fit a map on a wall, and the metric filter takes at most 200 touchpoints. */
export const MAX_STAGES = 40;
export const MAX_TOUCHPOINTS_PER_JOURNEY = 200;

const invalid = (path: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', undefined, [{ path, message }] satisfies FieldIssue[]);

function emptyLanes(): StageLanes {
  return {
    customerActions: [],
    frontstage: [],
    backstage: [],
    supportProcesses: [],
    physicalEvidence: [],
  };
}

/**
 * Designed journeys (docs/journeys.md): journeys, ordered stages, touchpoints on stages,
 * blueprint lanes, personas and markers; templates; and the live metrics of the map, computed
 * by the metric engine (MetricService) per touchpoint, per stage and for the whole journey.
 * Positions stay dense (0…n−1) within a journey's stages and within a stage's touchpoints.
 */
export class JourneyService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  // ------------------------------------------------------------------ journeys

  async list(ctx: WorkspaceContext): Promise<JourneySummary[]> {
    const rows = await this.deps.store.journeys.listJourneys(ctx.workspace.id);
    return rows.map(({ workspaceId: _w, ...j }) => j);
  }

  async create(ctx: WorkspaceContext, body: CreateJourneyBody): Promise<Journey> {
    const now = this.deps.clock.now();
    const record: JourneyRecord = {
      workspaceId: ctx.workspace.id,
      id: newId(now),
      name: body.name,
      description: body.description ?? '',
      status: body.status ?? 'draft',
      personaIds: body.personaIds ?? [],
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.transaction(async (tx) => {
      await checkPersonas(tx, ctx.workspace.id, record.personaIds);
      await tx.journeys.insertJourney(record);
      await this.audit(tx, ctx, 'journey.created', record, now);
    });
    return toJourney(record);
  }

  templates(ctx: WorkspaceContext, language?: Language): JourneyTemplateInfo[] {
    const lang = language ?? ctx.workspace.defaultLanguage;
    return journeyTemplates.map((key) => {
      const tpl = journeyTemplate(key, lang);
      return {
        key,
        language: lang,
        name: tpl.name,
        description: tpl.description,
        stages: tpl.stages.map((s) => s.name),
        touchpointCount: tpl.stages.reduce((n, s) => n + s.touchpoints.length, 0),
      };
    });
  }

  /** A journey with its stages, touchpoints and lanes from a template, in one language. */
  async createFromTemplate(
    ctx: WorkspaceContext,
    body: CreateJourneyFromTemplateBody,
  ): Promise<JourneyMap> {
    const tpl = journeyTemplate(body.template, body.language ?? ctx.workspace.defaultLanguage);
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    const journey: JourneyRecord = {
      workspaceId: ws,
      id: newId(now),
      name: body.name ?? tpl.name,
      description: tpl.description,
      status: body.status ?? 'draft',
      personaIds: [],
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.transaction(async (tx) => {
      await tx.journeys.insertJourney(journey);
      for (const [position, s] of tpl.stages.entries()) {
        const stage: StageRecord = {
          workspaceId: ws,
          id: newId(now),
          journeyId: journey.id,
          name: s.name,
          description: '',
          position,
        };
        await tx.journeys.insertStage(stage);
        for (const lane of blueprintLanes)
          if (s.lanes[lane]?.length)
            await tx.journeys.replaceLane(ws, stage.id, lane, s.lanes[lane]);
        for (const [i, p] of s.touchpoints.entries())
          await tx.journeys.insertTouchpoint({
            workspaceId: ws,
            id: newId(now),
            journeyId: journey.id,
            stageId: stage.id,
            position: i,
            description: '',
            team: null,
            ...p,
            createdAt: now,
            updatedAt: now,
          });
      }
      await this.audit(tx, ctx, 'journey.created', journey, now);
    });
    return this.map(ctx, journey.id);
  }

  /** Everything the map draws. */
  async map(ctx: WorkspaceContext, journeyId: string): Promise<JourneyMap> {
    const ws = ctx.workspace.id;
    const repo = this.deps.store.journeys;
    const journey = await this.findJourney(repo, ws, journeyId);
    const [stages, touchpoints, markers, personas] = await Promise.all([
      repo.listStages(ws, journeyId),
      repo.listTouchpoints(ws, journeyId),
      repo.listMarkers(ws, journeyId),
      repo.listPersonas(ws),
    ]);
    const [lanes, usage] = await Promise.all([
      repo.listLaneItems(
        ws,
        stages.map((s) => s.id),
      ),
      repo.touchpointUsage(
        ws,
        touchpoints.map((t) => t.id),
      ),
    ]);
    const usageOf = new Map(usage.map((u) => [u.touchpointId, u]));
    const markersOf = groupBy(markers, (m) => m.touchpointId);
    const lanesOf = lanesByStage(lanes);
    const personaById = new Map(personas.map((p) => [p.id, p]));
    return {
      journey: toJourney(journey),
      personas: journey.personaIds
        .map((id) => personaById.get(id))
        .filter((p): p is PersonaRecord => p !== undefined)
        .map(toPersona),
      stages: stages.map((s) => ({
        ...toStage(s),
        lanes: lanesOf.get(s.id) ?? emptyLanes(),
        touchpoints: touchpoints
          .filter((t) => t.stageId === s.id)
          .sort((a, b) => a.position - b.position)
          .map((t) => ({
            ...toTouchpoint(t),
            markers: (markersOf.get(t.id) ?? []).map(toMarker),
            surveyCount: usageOf.get(t.id)?.surveys ?? 0,
            linkCount: usageOf.get(t.id)?.links ?? 0,
          })),
      })),
    };
  }

  async update(
    ctx: WorkspaceContext,
    journeyId: string,
    patch: UpdateJourneyBody,
  ): Promise<Journey> {
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      const existing = await this.findJourney(tx.journeys, ctx.workspace.id, journeyId);
      const record: JourneyRecord = { ...existing, ...given(patch), updatedAt: now };
      if (patch.personaIds) await checkPersonas(tx, ctx.workspace.id, patch.personaIds);
      await tx.journeys.updateJourney(record);
      return toJourney(record);
    });
  }

  async delete(ctx: WorkspaceContext, journeyId: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const journey = await this.findJourney(tx.journeys, ctx.workspace.id, journeyId);
      const touchpoints = await tx.journeys.listTouchpoints(ctx.workspace.id, journeyId);
      await refuseIfInUse(
        tx,
        ctx.workspace.id,
        touchpoints.map((t) => t.id),
      );
      await tx.journeys.deleteJourney(ctx.workspace.id, journeyId);
      await this.audit(tx, ctx, 'journey.deleted', journey, now);
    });
  }

  // ------------------------------------------------------------------ stages and lanes

  async createStage(
    ctx: WorkspaceContext,
    journeyId: string,
    body: CreateStageBody,
  ): Promise<JourneyStage> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    return this.deps.store.transaction(async (tx) => {
      await this.findJourney(tx.journeys, ws, journeyId);
      const stages = await tx.journeys.listStages(ws, journeyId);
      if (stages.length >= MAX_STAGES)
        throw invalid('body', `a journey has at most ${MAX_STAGES} stages`);
      const position = Math.min(body.position ?? stages.length, stages.length);
      const stage: StageRecord = {
        workspaceId: ws,
        id: newId(now),
        journeyId,
        name: body.name,
        description: body.description ?? '',
        position,
      };
      await tx.journeys.insertStage(stage);
      const order = stages.map((s) => s.id);
      order.splice(position, 0, stage.id);
      await tx.journeys.setStagePositions(ws, order);
      await this.touch(tx, ws, journeyId, now);
      return toStage(stage);
    });
  }

  async updateStage(
    ctx: WorkspaceContext,
    journeyId: string,
    stageId: string,
    patch: UpdateStageBody,
  ): Promise<JourneyStage> {
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      const stage = await this.findStage(tx, ctx.workspace.id, journeyId, stageId);
      const record: StageRecord = { ...stage, ...given(patch) };
      await tx.journeys.updateStage(record);
      await this.touch(tx, ctx.workspace.id, journeyId, now);
      return toStage(record);
    });
  }

  async deleteStage(ctx: WorkspaceContext, journeyId: string, stageId: string): Promise<void> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    await this.deps.store.transaction(async (tx) => {
      await this.findStage(tx, ws, journeyId, stageId);
      const touchpoints = (await tx.journeys.listTouchpoints(ws, journeyId)).filter(
        (t) => t.stageId === stageId,
      );
      await refuseIfInUse(
        tx,
        ws,
        touchpoints.map((t) => t.id),
      );
      await tx.journeys.deleteStage(ws, stageId);
      const rest = await tx.journeys.listStages(ws, journeyId);
      await tx.journeys.setStagePositions(
        ws,
        rest.map((s) => s.id),
      );
      await this.touch(tx, ws, journeyId, now);
    });
  }

  /** `stageIds` must name every stage of the journey exactly once. */
  async reorderStages(
    ctx: WorkspaceContext,
    journeyId: string,
    stageIds: readonly string[],
  ): Promise<JourneyStage[]> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    return this.deps.store.transaction(async (tx) => {
      await this.findJourney(tx.journeys, ws, journeyId);
      const stages = await tx.journeys.listStages(ws, journeyId);
      const known = new Set(stages.map((s) => s.id));
      const issues: FieldIssue[] = [];
      const seen = new Set<string>();
      stageIds.forEach((id, i) => {
        if (!known.has(id))
          issues.push({ path: `body.stageIds.${i}`, message: 'not a stage of this journey' });
        else if (seen.has(id)) issues.push({ path: `body.stageIds.${i}`, message: 'named twice' });
        seen.add(id);
      });
      if (!issues.length && seen.size !== known.size)
        issues.push({ path: 'body.stageIds', message: 'name every stage of the journey once' });
      if (issues.length) throw new DomainError('VALIDATION_FAILED', undefined, issues);
      await tx.journeys.setStagePositions(ws, stageIds);
      await this.touch(tx, ws, journeyId, now);
      const byId = new Map(stages.map((s) => [s.id, s]));
      return stageIds.map((id, position) => toStage({ ...byId.get(id)!, position }));
    });
  }

  async updateLanes(
    ctx: WorkspaceContext,
    journeyId: string,
    stageId: string,
    body: UpdateLanesBody,
  ): Promise<StageLanes> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    return this.deps.store.transaction(async (tx) => {
      await this.findStage(tx, ws, journeyId, stageId);
      for (const lane of blueprintLanes) {
        const items = body[lane];
        if (items !== undefined) await tx.journeys.replaceLane(ws, stageId, lane, items);
      }
      await this.touch(tx, ws, journeyId, now);
      return (
        lanesByStage(await tx.journeys.listLaneItems(ws, [stageId])).get(stageId) ?? emptyLanes()
      );
    });
  }

  // ------------------------------------------------------------------ touchpoints

  async createTouchpoint(
    ctx: WorkspaceContext,
    journeyId: string,
    body: CreateTouchpointBody,
  ): Promise<Touchpoint> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    return this.deps.store.transaction(async (tx) => {
      await this.findJourney(tx.journeys, ws, journeyId);
      const stage = await tx.journeys.findStage(ws, body.stageId);
      if (!stage || stage.journeyId !== journeyId)
        throw invalid('body.stageId', 'not a stage of this journey');
      const all = await tx.journeys.listTouchpoints(ws, journeyId);
      if (all.length >= MAX_TOUCHPOINTS_PER_JOURNEY)
        throw invalid('body', `a journey has at most ${MAX_TOUCHPOINTS_PER_JOURNEY} touchpoints`);
      const onStage = all.filter((t) => t.stageId === stage.id).sort(byPosition);
      const position = Math.min(body.position ?? onStage.length, onStage.length);
      const ownerType = body.ownerType ?? 'company';
      const record: TouchpointRecord = {
        workspaceId: ws,
        id: newId(now),
        journeyId,
        stageId: stage.id,
        position,
        name: body.name,
        description: body.description ?? '',
        channel: body.channel,
        ownerType,
        partnerName: ownerType === 'partner' ? (body.partnerName ?? null) : null,
        subExperience: body.subExperience,
        team: body.team ?? null,
        promise: body.promise ?? null,
        promiseHours: body.promiseHours ?? null,
        expectation: body.expectation ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.journeys.insertTouchpoint(record);
      const order = onStage.map((t) => t.id);
      order.splice(position, 0, record.id);
      await tx.journeys.placeTouchpoints(ws, stage.id, order);
      await this.touch(tx, ws, journeyId, now);
      return toTouchpoint(record);
    });
  }

  async updateTouchpoint(
    ctx: WorkspaceContext,
    journeyId: string,
    touchpointId: string,
    patch: UpdateTouchpointBody,
  ): Promise<Touchpoint> {
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      const existing = await this.findTouchpoint(tx, ctx.workspace.id, journeyId, touchpointId);
      const record: TouchpointRecord = { ...existing, ...given(patch), updatedAt: now };
      // A partner name belongs to partner-owned touchpoints only.
      if (record.ownerType !== 'partner') record.partnerName = null;
      await tx.journeys.updateTouchpoint(record);
      await this.touch(tx, ctx.workspace.id, journeyId, now);
      return toTouchpoint(record);
    });
  }

  /** Moves a touchpoint to a stage of the same journey, at `position` (past the end: last). */
  async moveTouchpoint(
    ctx: WorkspaceContext,
    journeyId: string,
    touchpointId: string,
    body: MoveTouchpointBody,
  ): Promise<Touchpoint> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    return this.deps.store.transaction(async (tx) => {
      const moving = await this.findTouchpoint(tx, ws, journeyId, touchpointId);
      const target = await tx.journeys.findStage(ws, body.stageId);
      if (!target || target.journeyId !== journeyId)
        throw invalid('body.stageId', 'not a stage of this journey');
      const all = await tx.journeys.listTouchpoints(ws, journeyId);
      const source = all
        .filter((t) => t.stageId === moving.stageId && t.id !== moving.id)
        .sort(byPosition)
        .map((t) => t.id);
      const into =
        target.id === moving.stageId
          ? source
          : all
              .filter((t) => t.stageId === target.id)
              .sort(byPosition)
              .map((t) => t.id);
      const position = Math.min(body.position, into.length);
      into.splice(position, 0, moving.id);
      if (target.id !== moving.stageId)
        await tx.journeys.placeTouchpoints(ws, moving.stageId, source);
      await tx.journeys.placeTouchpoints(ws, target.id, into);
      const record: TouchpointRecord = { ...moving, stageId: target.id, position, updatedAt: now };
      await tx.journeys.updateTouchpoint(record);
      await this.touch(tx, ws, journeyId, now);
      return toTouchpoint(record);
    });
  }

  async deleteTouchpoint(
    ctx: WorkspaceContext,
    journeyId: string,
    touchpointId: string,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    await this.deps.store.transaction(async (tx) => {
      const tp = await this.findTouchpoint(tx, ws, journeyId, touchpointId);
      await refuseIfInUse(tx, ws, [tp.id]);
      await tx.journeys.deleteTouchpoint(ws, tp.id);
      const rest = (await tx.journeys.listTouchpoints(ws, journeyId))
        .filter((t) => t.stageId === tp.stageId)
        .sort(byPosition);
      await tx.journeys.placeTouchpoints(
        ws,
        tp.stageId,
        rest.map((t) => t.id),
      );
      await this.touch(tx, ws, journeyId, now);
    });
  }

  // ------------------------------------------------------------------ markers

  async createMarker(
    ctx: WorkspaceContext,
    journeyId: string,
    touchpointId: string,
    body: CreateMarkerBody,
  ): Promise<JourneyMarker> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    return this.deps.store.transaction(async (tx) => {
      await this.findTouchpoint(tx, ws, journeyId, touchpointId);
      const responseId = body.responseId ?? null;
      if (responseId) await checkResponse(tx, ws, responseId);
      const marker: MarkerRecord = {
        workspaceId: ws,
        id: newId(now),
        touchpointId,
        kind: body.kind,
        note: body.note,
        responseId,
        comment: body.comment ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.journeys.insertMarker(marker);
      await this.touch(tx, ws, journeyId, now);
      return toMarker(marker);
    });
  }

  async updateMarker(
    ctx: WorkspaceContext,
    journeyId: string,
    touchpointId: string,
    markerId: string,
    patch: UpdateMarkerBody,
  ): Promise<JourneyMarker> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    return this.deps.store.transaction(async (tx) => {
      const marker = await this.findMarker(tx, ws, journeyId, touchpointId, markerId);
      if (patch.responseId) await checkResponse(tx, ws, patch.responseId);
      const record: MarkerRecord = { ...marker, ...given(patch), updatedAt: now };
      await tx.journeys.updateMarker(record);
      await this.touch(tx, ws, journeyId, now);
      return toMarker(record);
    });
  }

  async deleteMarker(
    ctx: WorkspaceContext,
    journeyId: string,
    touchpointId: string,
    markerId: string,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    await this.deps.store.transaction(async (tx) => {
      await this.findMarker(tx, ws, journeyId, touchpointId, markerId);
      await tx.journeys.deleteMarker(ws, markerId);
      await this.touch(tx, ws, journeyId, now);
    });
  }

  // ------------------------------------------------------------------ helpers

  private async findJourney(
    repo: Repositories['journeys'],
    workspaceId: string,
    id: string,
  ): Promise<JourneyRecord> {
    const journey = await repo.findJourney(workspaceId, id);
    if (!journey) throw new DomainError('NOT_FOUND');
    return journey;
  }

  private async findStage(tx: Repositories, ws: string, journeyId: string, stageId: string) {
    const stage = await tx.journeys.findStage(ws, stageId);
    if (!stage || stage.journeyId !== journeyId) throw new DomainError('NOT_FOUND');
    return stage;
  }

  private async findTouchpoint(tx: Repositories, ws: string, journeyId: string, id: string) {
    const tp = await tx.journeys.findTouchpoint(ws, id);
    if (!tp || tp.journeyId !== journeyId) throw new DomainError('NOT_FOUND');
    return tp;
  }

  private async findMarker(
    tx: Repositories,
    ws: string,
    journeyId: string,
    touchpointId: string,
    markerId: string,
  ) {
    await this.findTouchpoint(tx, ws, journeyId, touchpointId);
    const marker = await tx.journeys.findMarker(ws, markerId);
    if (!marker || marker.touchpointId !== touchpointId) throw new DomainError('NOT_FOUND');
    return marker;
  }

  /** A change anywhere in the journey is a change of the journey (its updatedAt). */
  private async touch(tx: Repositories, ws: string, journeyId: string, now: number) {
    const journey = await tx.journeys.findJourney(ws, journeyId);
    if (journey) await tx.journeys.updateJourney({ ...journey, updatedAt: now });
  }

  private async audit(
    tx: Repositories,
    ctx: WorkspaceContext,
    action: 'journey.created' | 'journey.deleted',
    journey: JourneyRecord,
    now: number,
  ) {
    await recordAudit(
      tx,
      { ...auditActor(ctx), action, target: journey.id, details: { name: journey.name } },
      now,
    );
  }
}

async function checkPersonas(tx: Repositories, ws: string, personaIds: readonly string[]) {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, id] of personaIds.entries()) {
    if (seen.has(id)) issues.push({ path: `body.personaIds.${i}`, message: 'named twice' });
    else if (!(await tx.journeys.findPersona(ws, id)))
      issues.push({ path: `body.personaIds.${i}`, message: 'no such persona' });
    seen.add(id);
  }
  if (issues.length) throw new DomainError('VALIDATION_FAILED', undefined, issues);
}

async function checkResponse(tx: Repositories, ws: string, responseId: string) {
  if (!(await tx.responses.findById(ws, responseId)))
    throw invalid('body.responseId', 'no such response');
}

/** Deleting what surveys or links point at is refused (docs/errors.md, TOUCHPOINT_IN_USE). */
async function refuseIfInUse(tx: Repositories, ws: string, touchpointIds: readonly string[]) {
  if (!touchpointIds.length) return;
  const usage = await tx.journeys.touchpointUsage(ws, touchpointIds);
  if (usage.length) throw new DomainError('TOUCHPOINT_IN_USE', undefined, usage);
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

function lanesByStage(items: readonly LaneItemRecord[]): Map<string, StageLanes> {
  const out = new Map<string, StageLanes>();
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    let lanes = out.get(item.stageId);
    if (!lanes) out.set(item.stageId, (lanes = emptyLanes()));
    lanes[item.lane].push(item.text);
  }
  return out;
}
