import type { ObservedMessages } from './fi';

/** English texts of the observed journey (the flow between touchpoints). */
export const enObserved: ObservedMessages = {
  observed: {
    title: 'Observed journey',
    journey: 'Journey',
    journeyHint:
      "Transitions are classified by the order of this journey's stages (forward, back, skipped stages).",
    intro:
      'The paths customers actually take between touchpoints, from customer events and survey responses: repeats, jumps back, skipped stages and where the journey ends.',
    from: 'From',
    to: 'To',
    outcome: 'Survey outcome',
    outcomes: {
      all: 'All customers',
      promoter: 'Promoters',
      passive: 'Passives',
      detractor: 'Detractors',
    },
    outcomeHint:
      "The customer's latest NPS answer in the period decides the group. A response joins the customer's path through the customer reference.",
    summary:
      'Customers: {{customers}}, touches: {{touches}}, transitions: {{transitions}}. Of these, repeats: {{repeats}}, jumps back: {{jumpsBack}}, skipped stages: {{skips}}.',
    noData: 'No customer events or responses at touchpoints in the period.',
    chartLabel: "Customers' paths between touchpoints, step by step (Sankey chart)",
    chartLoading: 'Loading the chart…',
    stepNode: '{{name}} ({{step}})',
    start: 'Start',
    end: 'Journey ends',
    more: 'Continues',
    transitionsCaption: 'Transitions between touchpoints ({{count}} in all)',
    touchpointsCaption: 'Touchpoints',
    columns: {
      from: 'From',
      to: 'To',
      count: 'Count',
      kind: 'Kind',
      touchpoint: 'Touchpoint',
      touches: 'Touches',
      starts: 'Journeys start',
      dropOffs: 'Journeys end',
      stage: 'Stage',
    },
    kinds: {
      repeat: 'Repeat',
      forward: 'Forward',
      skip: 'Skips stages: {{count}}',
      within: 'Within the stage',
      back: 'Jump back',
      unknown: '–',
    },
    noStageOrder: 'No designed stage order was given, so only repeats are recognised.',
  },
};
