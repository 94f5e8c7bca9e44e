import type { ObservedMessages } from './fi';

/** Swedish texts of the observed journey (the flow between touchpoints). */
export const svObserved: ObservedMessages = {
  observed: {
    title: 'Observerad kundresa',
    journey: 'Kundresa',
    journeyHint:
      'Övergångarna klassas enligt ordningen på den här resans steg (framåt, bakåt, överhoppade steg).',
    intro:
      'Vägarna kunderna faktiskt tar mellan kontaktpunkter enligt kundhändelser och enkätsvar: upprepningar, steg tillbaka, överhoppade skeden och var resan tar slut.',
    from: 'Från',
    to: 'Till',
    outcome: 'Rekommendationsgrupp',
    outcomes: {
      all: 'Alla kunder',
      promoter: 'Promotorer',
      passive: 'Passiva',
      detractor: 'Kritiker',
    },
    outcomeHint:
      'Kundens senaste NPS-svar under perioden avgör gruppen. Svaret kopplas till kundens resa via kundnumret.',
    summary:
      'Kunder: {{customers}}, kontakter: {{touches}}, övergångar: {{transitions}}. Av dem upprepningar: {{repeats}}, steg tillbaka: {{jumpsBack}}, överhoppade skeden: {{skips}}.',
    noData: 'Inga kundhändelser eller svar vid kontaktpunkter under perioden.',
    chartLabel: 'Kundernas vägar mellan kontaktpunkter steg för steg (Sankey-diagram)',
    chartLoading: 'Diagrammet laddas…',
    stepNode: '{{name}} ({{step}}.)',
    start: 'Start',
    end: 'Resan slutar',
    more: 'Fortsätter',
    transitionsCaption: 'Övergångar mellan kontaktpunkter ({{count}} totalt)',
    touchpointsCaption: 'Kontaktpunkter',
    columns: {
      from: 'Från',
      to: 'Till',
      count: 'Antal',
      kind: 'Typ',
      touchpoint: 'Kontaktpunkt',
      touches: 'Kontakter',
      starts: 'Resan börjar',
      dropOffs: 'Resan slutar',
      stage: 'Skede',
    },
    kinds: {
      repeat: 'Upprepning',
      forward: 'Framåt',
      skip: 'Hoppar över skeden: {{count}}',
      within: 'Inom samma skede',
      back: 'Steg tillbaka',
      unknown: '–',
    },
    noStageOrder:
      'Ingen planerad ordning av skeden har angetts, så endast upprepningar känns igen.',
  },
};
