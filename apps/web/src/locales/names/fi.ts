/** Finnish names for what the app would otherwise show as ids or codes. */
export const fiNames = {
  names: {
    surveys: { unknown: 'Poistettu kysely' },
    touchpoints: {
      only: 'Vain kosketuspisteen ”{{name}}” vastaukset',
      choose: 'Valitse kosketuspiste',
      unknown: 'Poistettu kosketuspiste',
      noneFound: 'Ei kosketuspistettä tällä nimellä',
      noJourneys: 'Työtilassa ei ole vielä kosketuspisteitä. Lisää ne asiakaspolulle.',
    },
  },
};
export type NamesMessages = typeof fiNames;
