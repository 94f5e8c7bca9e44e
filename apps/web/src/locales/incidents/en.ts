import type { IncidentMessages } from './fi';

/** English texts of critical-incident coding. */
export const enIncidents: IncidentMessages = {
  incidents: {
    title: 'Critical incidents',
    intro:
      "Code customers' stories of especially good and bad experiences. The table shows at which journey stage, and for what reason, they happen.",
    survey: 'Survey',
    question: 'Incident question',
    noQuestion: 'The survey has no incident questions.',
    pickSurvey: 'Choose a survey with an incident question.',
    tableTitle: 'Stages and categories',
    tableCaption:
      'Incidents per stage and category: positive / negative. n = {{n}}, uncoded {{uncoded}}.',
    smallSample: 'Small sample: fewer than 30 incidents, read with care.',
    stage: 'Stage',
    noStage: 'No stage',
    uncoded: 'Uncoded',
    cell: '+{{positive}} / −{{negative}}',
    cellLabel: 'positive {{positive}}, negative {{negative}}',
    answersTitle: 'Answers',
    answersCount_one: '{{count}} answer, uncoded first.',
    answersCount_other: '{{count}} answers, uncoded first.',
    noAnswers: 'No answers to this question yet.',
    what: 'What happened',
    when: 'Stage',
    why: 'Why it mattered',
    valence: 'Valence',
    positive: 'Positive',
    negative: 'Negative',
    category: 'Category',
    categoryOf: 'Category: {{what}}',
    newCategoryOption: 'New category…',
    newCategory: 'Name of the new category',
    create: 'Create and code',
    coded: 'Coded.',
    readOnly: 'You can read only: coding needs the analyst role.',
  },
};
