import type { JourneyMap } from '@polku/contracts';
import { describe, expect, it } from 'vitest';
import { touchpointDirectory, touchpointOptions } from './touchpoints';

/** Just the parts of a journey map the directory reads. */
function map(name: string, stages: { name: string; touchpoints: [string, string][] }[]) {
  return {
    journey: { name },
    stages: stages.map((s) => ({
      name: s.name,
      touchpoints: s.touchpoints.map(([id, tpName]) => ({ id, name: tpName })),
    })),
  } as unknown as JourneyMap;
}

const maps = [
  map('Kukkalahjan polku', [
    {
      name: 'Valinta',
      touchpoints: [
        ['tp-1', 'Verkkokassa'],
        ['tp-2', 'Myymälän tiski'],
      ],
    },
    { name: 'Toimitus', touchpoints: [['tp-3', 'Kukkakuriiri']] },
  ]),
  map('Yrityspolku', [{ name: 'Tilaus', touchpoints: [['tp-4', 'Verkkokassa']] }]),
];

describe('touchpoint directory', () => {
  it('lists every touchpoint in map order with its journey and stage', () => {
    const entries = touchpointDirectory(maps);
    expect(entries.map((e) => e.id)).toEqual(['tp-1', 'tp-2', 'tp-3', 'tp-4']);
    expect(entries[2]).toEqual({
      id: 'tp-3',
      name: 'Kukkakuriiri',
      journeyName: 'Kukkalahjan polku',
      stageName: 'Toimitus',
      label: 'Kukkakuriiri',
    });
  });

  it('labels a unique name bare and a shared one with its journey and stage', () => {
    const labels = touchpointDirectory(maps).map((e) => e.label);
    expect(labels).toEqual([
      'Verkkokassa (Kukkalahjan polku · Valinta)',
      'Myymälän tiski',
      'Kukkakuriiri',
      'Verkkokassa (Yrityspolku · Tilaus)',
    ]);
  });

  it('groups the options by journey and stage, ids as values and names as labels', () => {
    expect(touchpointOptions(touchpointDirectory(maps))).toEqual([
      {
        group: 'Kukkalahjan polku · Valinta',
        items: [
          { value: 'tp-1', label: 'Verkkokassa (Kukkalahjan polku · Valinta)' },
          { value: 'tp-2', label: 'Myymälän tiski' },
        ],
      },
      { group: 'Kukkalahjan polku · Toimitus', items: [{ value: 'tp-3', label: 'Kukkakuriiri' }] },
      {
        group: 'Yrityspolku · Tilaus',
        items: [{ value: 'tp-4', label: 'Verkkokassa (Yrityspolku · Tilaus)' }],
      },
    ]);
    expect(touchpointOptions([])).toEqual([]);
  });
});
