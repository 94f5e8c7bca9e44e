import type { JourneyMap, MapStage, MapTouchpoint } from '@polku/contracts';
import { describe, expect, it } from 'vitest';
import { biggestDrop } from './heat';
import { applyOp, inverseOf, renameIds, type MapOp } from './map-ops';

const tp = (id: string, stageId: string, position: number): MapTouchpoint => ({
  id,
  journeyId: 'j',
  stageId,
  position,
  name: id.toUpperCase(),
  description: '',
  channel: 'web',
  ownerType: 'partner',
  partnerName: 'Kuriiri Oy',
  subExperience: 'service',
  team: null,
  promise: null,
  promiseHours: null,
  expectation: null,
  createdAt: 0,
  updatedAt: 0,
  markers: [],
  surveyCount: 0,
  linkCount: 0,
});
const lanes = {
  customerActions: [],
  frontstage: [],
  backstage: [],
  supportProcesses: [],
  physicalEvidence: [],
};
const stage = (id: string, position: number, tps: string[]): MapStage => ({
  id,
  journeyId: 'j',
  name: id,
  description: '',
  position,
  lanes,
  touchpoints: tps.map((t, i) => tp(t, id, i)),
});
const map: JourneyMap = {
  journey: {
    id: 'j',
    name: 'J',
    description: '',
    status: 'draft',
    personaIds: [],
    createdAt: 0,
    updatedAt: 0,
  },
  personas: [],
  stages: [stage('s1', 0, ['a', 'b', 'c']), stage('s2', 1, ['d']), stage('s3', 2, [])],
};
const shape = (m: JourneyMap) =>
  m.stages.map((s) => `${s.id}:${s.touchpoints.map((t) => t.id).join('')}`);

/** Applying an operation and then its inverse gives back the map's shape. */
function roundTrip(op: MapOp) {
  const inverse = inverseOf(map, op)!;
  const after = applyOp(map, op);
  return { after: shape(after), back: shape(applyOp(after, inverse)) };
}

describe('map operations and their inverses (undo)', () => {
  it('moves a touchpoint between and within stages, and back', () => {
    const between = roundTrip({
      type: 'moveTouchpoint',
      touchpointId: 'b',
      stageId: 's3',
      position: 0,
    });
    expect(between.after).toEqual(['s1:ac', 's2:d', 's3:b']);
    expect(between.back).toEqual(shape(map));
    const within = roundTrip({
      type: 'moveTouchpoint',
      touchpointId: 'a',
      stageId: 's1',
      position: 2,
    });
    expect(within.after).toEqual(['s1:bca', 's2:d', 's3:']);
    expect(within.back).toEqual(shape(map));
    // Positions are renumbered in both stages.
    const moved = applyOp(map, {
      type: 'moveTouchpoint',
      touchpointId: 'a',
      stageId: 's2',
      position: 0,
    });
    expect(moved.stages[1]!.touchpoints.map((t) => [t.id, t.stageId, t.position])).toEqual([
      ['a', 's2', 0],
      ['d', 's2', 1],
    ]);
  });

  it('reorders stages and back', () => {
    const r = roundTrip({ type: 'reorderStages', stageIds: ['s3', 's1', 's2'] });
    expect(r.after).toEqual(['s3:', 's1:abc', 's2:d']);
    expect(r.back).toEqual(shape(map));
  });

  it('undoes a change of owner type with the partner name it cleared', () => {
    const op: MapOp = {
      type: 'updateTouchpoint',
      touchpointId: 'a',
      patch: { ownerType: 'company' },
    };
    expect(applyOp(map, op).stages[0]!.touchpoints[0]!.partnerName).toBeNull();
    expect(inverseOf(map, op)).toEqual({
      type: 'updateTouchpoint',
      touchpointId: 'a',
      patch: { ownerType: 'partner', partnerName: 'Kuriiri Oy' },
    });
  });

  it('undoes a delete by restoring, and later undos follow the new ids', () => {
    expect(inverseOf(map, { type: 'deleteTouchpoint', touchpointId: 'b' })).toMatchObject({
      type: 'restoreTouchpoint',
      touchpoint: { id: 'b', position: 1, stageId: 's1' },
    });
    expect(
      inverseOf(map, { type: 'createStage', name: 'x' }, { createdId: 'n', renamed: {} }),
    ).toEqual({
      type: 'deleteStage',
      stageId: 'n',
    });
    expect(
      renameIds(
        { type: 'moveTouchpoint', touchpointId: 'b', stageId: 's1', position: 1 },
        { b: 'b2' },
      ),
    ).toEqual({ type: 'moveTouchpoint', touchpointId: 'b2', stageId: 's1', position: 1 });
  });
});

describe('journey health', () => {
  it('finds where the journey breaks: the biggest drop between scored stages', () => {
    expect(
      biggestDrop([
        { id: 'a', score: 40 },
        { id: 'b', score: 35 },
        { id: 'c', score: null },
        { id: 'd', score: 10 },
        { id: 'e', score: 30 },
      ]),
    ).toEqual({ fromId: 'b', toId: 'd', difference: -25 });
    expect(
      biggestDrop([
        { id: 'a', score: 1 },
        { id: 'b', score: 2 },
      ]),
    ).toBeNull();
  });
});
