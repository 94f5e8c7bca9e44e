import type { NamesMessages } from './fi';

/** Swedish names for what the app would otherwise show as ids or codes. */
export const svNames: NamesMessages = {
  names: {
    surveys: { unknown: 'Borttagen enkät' },
    touchpoints: {
      only: 'Endast svar från kontaktpunkten ”{{name}}”',
      choose: 'Välj kontaktpunkt',
      unknown: 'Borttagen kontaktpunkt',
      noneFound: 'Ingen kontaktpunkt med det namnet',
      noJourneys: 'Arbetsytan har inga kontaktpunkter ännu. Lägg till dem i en kundresa.',
    },
  },
};
