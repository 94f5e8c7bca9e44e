/** Finnish texts of the observed journey (the flow between touchpoints). */
export const fiObserved = {
  observed: {
    title: 'Havaittu polku',
    journey: 'Asiakaspolku',
    journeyHint:
      'Siirtymät luokitellaan tämän polun vaiheiden järjestyksen mukaan (eteenpäin, taaksepäin, ohitetut vaiheet).',
    intro:
      'Polut, joita asiakkaat todella kulkevat kosketuspisteestä toiseen asiakastapahtumien ja kyselyvastausten mukaan: toistot, paluut taaksepäin, ohitetut vaiheet ja kohdat, joihin polku päättyy.',
    from: 'Alkaen',
    to: 'Päättyen',
    outcome: 'Suosittelijaryhmä',
    outcomes: {
      all: 'Kaikki asiakkaat',
      promoter: 'Suosittelijat',
      passive: 'Passiiviset',
      detractor: 'Arvostelijat',
    },
    outcomeHint:
      'Asiakkaan viimeisin NPS-vastaus jaksolla ratkaisee ryhmän. Vastaus yhdistyy asiakkaan polkuun asiakastunnisteen kautta.',
    summary:
      'Asiakkaita {{customers}}, kosketuksia {{touches}}, siirtymiä {{transitions}}. Niistä toistoja {{repeats}}, paluita taaksepäin {{jumpsBack}} ja vaiheiden ohituksia {{skips}}.',
    noData: 'Jaksolla ei ole asiakastapahtumia eikä vastauksia kosketuspisteissä.',
    chartLabel: 'Asiakkaiden polut kosketuspisteestä toiseen vaihe vaiheelta (Sankey-kaavio)',
    chartLoading: 'Ladataan kaaviota…',
    stepNode: '{{name}} ({{step}}.)',
    start: 'Alku',
    end: 'Polku päättyy',
    more: 'Jatkuu',
    transitionsCaption: 'Siirtymät kosketuspisteestä toiseen ({{count}} yhteensä)',
    touchpointsCaption: 'Kosketuspisteet',
    columns: {
      from: 'Mistä',
      to: 'Mihin',
      count: 'Määrä',
      kind: 'Laji',
      touchpoint: 'Kosketuspiste',
      touches: 'Kosketuksia',
      starts: 'Polku alkaa',
      dropOffs: 'Polku päättyy',
      stage: 'Vaihe',
    },
    kinds: {
      repeat: 'Toisto',
      forward: 'Eteenpäin',
      skip: 'Ohittaa vaiheita: {{count}}',
      within: 'Saman vaiheen sisällä',
      back: 'Paluu taaksepäin',
      unknown: '–',
    },
    noStageOrder:
      'Suunniteltua vaiheiden järjestystä ei ole annettu, joten vain toistot tunnistetaan.',
  },
};

export type ObservedMessages = typeof fiObserved;
