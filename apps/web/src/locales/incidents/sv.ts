import type { IncidentMessages } from './fi';

/** Swedish texts of critical-incident coding. */
export const svIncidents: IncidentMessages = {
  incidents: {
    title: 'Kritiska händelser',
    intro:
      'Kategorisera kundernas berättelser om särskilt bra och dåliga upplevelser. Tabellen visar i vilket skede av kundresan och av vilken orsak de uppstår.',
    survey: 'Enkät',
    question: 'Händelsefråga',
    noQuestion: 'Enkäten har inga händelsefrågor.',
    pickSurvey: 'Välj en enkät med en händelsefråga.',
    tableTitle: 'Skeden och kategorier',
    tableCaption:
      'Antal händelser per skede och kategori: positiva / negativa. n = {{n}}, okodade {{uncoded}}.',
    smallSample: 'Litet urval: under 30 händelser, tolka försiktigt.',
    stage: 'Skede',
    noStage: 'Inget skede',
    uncoded: 'Okodade',
    cell: '+{{positive}} / −{{negative}}',
    cellLabel: 'positiva {{positive}}, negativa {{negative}}',
    answersTitle: 'Svar',
    answersCount_one: '{{count}} svar, okodade först.',
    answersCount_other: '{{count}} svar, okodade först.',
    noAnswers: 'Inga svar på frågan ännu.',
    what: 'Vad hände',
    when: 'Skede',
    why: 'Varför viktigt',
    valence: 'Karaktär',
    positive: 'Positiv',
    negative: 'Negativ',
    category: 'Kategori',
    categoryOf: 'Kategori: {{what}}',
    newCategoryOption: 'Ny kategori…',
    newCategory: 'Namn på ny kategori',
    create: 'Skapa och koda',
    coded: 'Kodat.',
    readOnly: 'Du har läsrätt: kodning kräver rollen analytiker.',
  },
};
