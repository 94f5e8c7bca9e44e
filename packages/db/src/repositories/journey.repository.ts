import type {
  JourneyRecord,
  JourneyRepository,
  LaneItemRecord,
  MarkerRecord,
  PersonaRecord,
  StageRecord,
  TouchpointRecord,
} from '@polku/core';
import type {
  BlueprintLane,
  JourneyStatus,
  MarkerKind,
  SubExperience,
  TouchpointChannel,
  TouchpointOwnerType,
} from '@polku/contracts';
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  JourneyStagesTable,
  JourneysTable,
  PersonasTable,
  TouchpointMarkersTable,
  TouchpointsTable,
} from '../schema.js';

const toStage = (r: Selectable<JourneyStagesTable>): StageRecord => ({
  ...r,
  position: Number(r.position),
});

const toTouchpoint = (r: Selectable<TouchpointsTable>): TouchpointRecord => ({
  ...r,
  position: Number(r.position),
  channel: r.channel as TouchpointChannel,
  ownerType: r.ownerType as TouchpointOwnerType,
  subExperience: r.subExperience as SubExperience,
  promiseHours: r.promiseHours === null ? null : Number(r.promiseHours),
  createdAt: Number(r.createdAt),
  updatedAt: Number(r.updatedAt),
});

const toMarker = (r: Selectable<TouchpointMarkersTable>): MarkerRecord => ({
  ...r,
  kind: r.kind as MarkerKind,
  createdAt: Number(r.createdAt),
  updatedAt: Number(r.updatedAt),
});

const toPersona = (r: Selectable<PersonasTable>): PersonaRecord => ({
  ...r,
  goals: JSON.parse(r.goals) as string[],
  needs: JSON.parse(r.needs) as string[],
  createdAt: Number(r.createdAt),
  updatedAt: Number(r.updatedAt),
});

const toJourney = (r: Selectable<JourneysTable>, personaIds: string[]): JourneyRecord => ({
  ...r,
  status: r.status as JourneyStatus,
  personaIds,
  createdAt: Number(r.createdAt),
  updatedAt: Number(r.updatedAt),
});

/** Large id lists are queried in chunks (SQLite's variable limit, PostgreSQL's plan size). */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createJourneyRepository(db: Kysely<Database>): JourneyRepository {
  async function personaIdsOf(workspaceId: string, journeyIds: string[]) {
    const byJourney = new Map<string, string[]>();
    for (const ids of chunks(journeyIds)) {
      const rows = await db
        .selectFrom('journeyPersonas')
        .select(['journeyId', 'personaId'])
        .where('workspaceId', '=', workspaceId)
        .where('journeyId', 'in', ids)
        .orderBy('journeyId')
        .orderBy('position')
        .execute();
      for (const r of rows)
        byJourney.set(r.journeyId, [...(byJourney.get(r.journeyId) ?? []), r.personaId]);
    }
    return byJourney;
  }

  async function writePersonaLinks(j: JourneyRecord) {
    await db
      .deleteFrom('journeyPersonas')
      .where('workspaceId', '=', j.workspaceId)
      .where('journeyId', '=', j.id)
      .execute();
    if (j.personaIds.length)
      await db
        .insertInto('journeyPersonas')
        .values(
          j.personaIds.map((personaId, position) => ({
            workspaceId: j.workspaceId,
            journeyId: j.id,
            personaId,
            position,
          })),
        )
        .execute();
  }

  return {
    async listJourneys(workspaceId) {
      const rows = await db
        .selectFrom('journeys')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .orderBy('id', 'desc')
        .execute();
      const stageCounts = await db
        .selectFrom('journeyStages')
        .select(['journeyId', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('workspaceId', '=', workspaceId)
        .groupBy('journeyId')
        .execute();
      const touchpointCounts = await db
        .selectFrom('touchpoints')
        .select(['journeyId', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('workspaceId', '=', workspaceId)
        .groupBy('journeyId')
        .execute();
      const stages = new Map(stageCounts.map((r) => [r.journeyId, Number(r.n)]));
      const touchpoints = new Map(touchpointCounts.map((r) => [r.journeyId, Number(r.n)]));
      const personas = await personaIdsOf(
        workspaceId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        ...toJourney(r, personas.get(r.id) ?? []),
        stageCount: stages.get(r.id) ?? 0,
        touchpointCount: touchpoints.get(r.id) ?? 0,
      }));
    },
    async findJourney(workspaceId, id) {
      const row = await db
        .selectFrom('journeys')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return toJourney(row, (await personaIdsOf(workspaceId, [id])).get(id) ?? []);
    },
    async insertJourney(j) {
      const { personaIds: _p, ...row } = j;
      await db.insertInto('journeys').values(row).execute();
      await writePersonaLinks(j);
    },
    async updateJourney(j) {
      await db
        .updateTable('journeys')
        .set({
          name: j.name,
          description: j.description,
          status: j.status,
          updatedAt: j.updatedAt,
        })
        .where('workspaceId', '=', j.workspaceId)
        .where('id', '=', j.id)
        .execute();
      await writePersonaLinks(j);
    },
    async deleteJourney(workspaceId, id) {
      // The foreign keys cascade (SQLite has them on); the children are few, so the order
      // below only makes the intent plain.
      await db
        .deleteFrom('journeys')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async listStages(workspaceId, journeyId) {
      const rows = await db
        .selectFrom('journeyStages')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('journeyId', '=', journeyId)
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map(toStage);
    },
    async findStage(workspaceId, id) {
      const row = await db
        .selectFrom('journeyStages')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toStage(row);
    },
    async insertStage(stage) {
      await db.insertInto('journeyStages').values(stage).execute();
    },
    async updateStage(s) {
      await db
        .updateTable('journeyStages')
        .set({ name: s.name, description: s.description, position: s.position })
        .where('workspaceId', '=', s.workspaceId)
        .where('id', '=', s.id)
        .execute();
    },
    async deleteStage(workspaceId, id) {
      await db
        .deleteFrom('journeyStages')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async setStagePositions(workspaceId, stageIds) {
      for (const [position, id] of stageIds.entries())
        await db
          .updateTable('journeyStages')
          .set({ position })
          .where('workspaceId', '=', workspaceId)
          .where('id', '=', id)
          .execute();
    },

    async listTouchpoints(workspaceId, journeyId) {
      const rows = await db
        .selectFrom('touchpoints')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('journeyId', '=', journeyId)
        .orderBy('stageId')
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map(toTouchpoint);
    },
    async findTouchpoint(workspaceId, id) {
      const row = await db
        .selectFrom('touchpoints')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toTouchpoint(row);
    },
    async touchpointNames(workspaceId, ids) {
      const names = new Map<string, string>();
      const query = db
        .selectFrom('touchpoints')
        .select(['id', 'name'])
        .where('workspaceId', '=', workspaceId);
      if (ids === undefined) {
        for (const r of await query.execute()) names.set(r.id, r.name);
        return names;
      }
      for (const part of chunks([...new Set(ids)]))
        for (const r of await query.where('id', 'in', part).execute()) names.set(r.id, r.name);
      return names;
    },
    async existingTouchpointIds(workspaceId, ids) {
      const found = new Set<string>();
      for (const part of chunks([...new Set(ids)])) {
        const rows = await db
          .selectFrom('touchpoints')
          .select('id')
          .where('workspaceId', '=', workspaceId)
          .where('id', 'in', part)
          .execute();
        for (const r of rows) found.add(r.id);
      }
      return found;
    },
    async insertTouchpoint(t) {
      await db.insertInto('touchpoints').values(t).execute();
    },
    async updateTouchpoint(t) {
      const { workspaceId, id, createdAt: _c, ...rest } = t;
      await db
        .updateTable('touchpoints')
        .set(rest)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async deleteTouchpoint(workspaceId, id) {
      await db
        .deleteFrom('touchpoints')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async placeTouchpoints(workspaceId, stageId, touchpointIds) {
      for (const [position, id] of touchpointIds.entries())
        await db
          .updateTable('touchpoints')
          .set({ stageId, position })
          .where('workspaceId', '=', workspaceId)
          .where('id', '=', id)
          .execute();
    },
    async touchpointUsage(workspaceId, touchpointIds) {
      const usage = new Map<string, { surveys: number; links: number }>();
      const get = (id: string) => {
        let u = usage.get(id);
        if (!u) usage.set(id, (u = { surveys: 0, links: 0 }));
        return u;
      };
      for (const part of chunks([...new Set(touchpointIds)])) {
        const surveys = await db
          .selectFrom('surveys')
          .select(['touchpointId', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('workspaceId', '=', workspaceId)
          .where('touchpointId', 'in', part)
          .groupBy('touchpointId')
          .execute();
        for (const r of surveys) if (r.touchpointId) get(r.touchpointId).surveys = Number(r.n);
        const links = await db
          .selectFrom('surveyLinks')
          .select(['touchpointId', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('workspaceId', '=', workspaceId)
          .where('touchpointId', 'in', part)
          .groupBy('touchpointId')
          .execute();
        for (const r of links) if (r.touchpointId) get(r.touchpointId).links = Number(r.n);
      }
      return [...usage].map(([touchpointId, u]) => ({ touchpointId, ...u }));
    },
    async responseVolumes(workspaceId, touchpointIds, from, to) {
      const out = new Map<string, number>();
      for (const part of chunks([...new Set(touchpointIds)])) {
        const rows = await db
          .selectFrom('responses')
          .select(['touchpointId', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('workspaceId', '=', workspaceId)
          .where('touchpointId', 'in', part)
          .where('status', '=', 'complete')
          .where('isTest', '=', 0)
          .where('day', '>=', from)
          .where('day', '<=', to)
          .groupBy('touchpointId')
          .execute();
        for (const r of rows) if (r.touchpointId) out.set(r.touchpointId, Number(r.n));
      }
      return out;
    },

    async listLaneItems(workspaceId, stageIds) {
      const out: LaneItemRecord[] = [];
      for (const part of chunks([...stageIds])) {
        const rows = await db
          .selectFrom('blueprintItems')
          .select(['stageId', 'lane', 'position', 'text'])
          .where('workspaceId', '=', workspaceId)
          .where('stageId', 'in', part)
          .orderBy('stageId')
          .orderBy('lane')
          .orderBy('position')
          .execute();
        for (const r of rows)
          out.push({ ...r, lane: r.lane as BlueprintLane, position: Number(r.position) });
      }
      return out;
    },
    async replaceLane(workspaceId, stageId, lane, items) {
      await db
        .deleteFrom('blueprintItems')
        .where('workspaceId', '=', workspaceId)
        .where('stageId', '=', stageId)
        .where('lane', '=', lane)
        .execute();
      if (items.length)
        await db
          .insertInto('blueprintItems')
          .values(items.map((text, position) => ({ workspaceId, stageId, lane, position, text })))
          .execute();
    },

    async listMarkers(workspaceId, journeyId) {
      const rows = await db
        .selectFrom('touchpointMarkers as m')
        .innerJoin('touchpoints as t', (j) =>
          j.onRef('t.workspaceId', '=', 'm.workspaceId').onRef('t.id', '=', 'm.touchpointId'),
        )
        .selectAll('m')
        .where('m.workspaceId', '=', workspaceId)
        .where('t.journeyId', '=', journeyId)
        .orderBy('m.id')
        .execute();
      return rows.map(toMarker);
    },
    async findMarker(workspaceId, id) {
      const row = await db
        .selectFrom('touchpointMarkers')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toMarker(row);
    },
    async insertMarker(m) {
      await db.insertInto('touchpointMarkers').values(m).execute();
    },
    async updateMarker(m) {
      const { workspaceId, id, createdAt: _c, ...rest } = m;
      await db
        .updateTable('touchpointMarkers')
        .set(rest)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async deleteMarker(workspaceId, id) {
      await db
        .deleteFrom('touchpointMarkers')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async listPersonas(workspaceId) {
      const rows = await db
        .selectFrom('personas')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .orderBy('id')
        .execute();
      return rows.map(toPersona);
    },
    async findPersona(workspaceId, id) {
      const row = await db
        .selectFrom('personas')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toPersona(row);
    },
    async insertPersona(p) {
      await db
        .insertInto('personas')
        .values({ ...p, goals: JSON.stringify(p.goals), needs: JSON.stringify(p.needs) })
        .execute();
    },
    async updatePersona(p) {
      await db
        .updateTable('personas')
        .set({
          name: p.name,
          description: p.description,
          goals: JSON.stringify(p.goals),
          needs: JSON.stringify(p.needs),
          updatedAt: p.updatedAt,
        })
        .where('workspaceId', '=', p.workspaceId)
        .where('id', '=', p.id)
        .execute();
    },
    async deletePersona(workspaceId, id) {
      await db
        .deleteFrom('journeyPersonas')
        .where('workspaceId', '=', workspaceId)
        .where('personaId', '=', id)
        .execute();
      await db
        .deleteFrom('personas')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}
