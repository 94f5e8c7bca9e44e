/** Finnish texts of critical-incident coding. */
export const fiIncidents = {
  incidents: {
    title: 'Kriittiset tapahtumat',
    intro:
      'Luokittele asiakkaiden kertomat erityisen hyvät ja huonot kokemukset. Taulukko näyttää, missä palvelupolun vaiheessa ja mistä syystä niitä syntyy.',
    survey: 'Kysely',
    question: 'Tapahtumakysymys',
    noQuestion: 'Kyselyssä ei ole tapahtumakysymyksiä.',
    pickSurvey: 'Valitse kysely, jossa on tapahtumakysymys.',
    tableTitle: 'Vaiheet ja luokat',
    tableCaption:
      'Tapahtumien määrä vaiheittain ja luokittain: myönteiset / kielteiset. n = {{n}}, luokittelematta {{uncoded}}.',
    smallSample: 'Pieni otos: alle 30 tapahtumaa, tulkitse varoen.',
    stage: 'Vaihe',
    noStage: 'Ei vaihetta',
    uncoded: 'Luokittelematta',
    cell: '+{{positive}} / −{{negative}}',
    cellLabel: 'myönteisiä {{positive}}, kielteisiä {{negative}}',
    answersTitle: 'Vastaukset',
    answersCount_one: '{{count}} vastaus, luokittelemattomat ensin.',
    answersCount_other: '{{count}} vastausta, luokittelemattomat ensin.',
    noAnswers: 'Ei vielä vastauksia tähän kysymykseen.',
    what: 'Mitä tapahtui',
    when: 'Vaihe',
    why: 'Miksi tärkeää',
    valence: 'Laatu',
    positive: 'Myönteinen',
    negative: 'Kielteinen',
    category: 'Luokka',
    categoryOf: 'Luokka: {{what}}',
    newCategoryOption: 'Uusi luokka…',
    newCategory: 'Uuden luokan nimi',
    create: 'Luo ja luokittele',
    coded: 'Luokiteltu.',
    readOnly: 'Sinulla on lukuoikeus: luokittelu vaatii analyytikon roolin.',
  },
};

export type IncidentMessages = typeof fiIncidents;
