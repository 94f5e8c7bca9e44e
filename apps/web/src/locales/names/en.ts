import type { NamesMessages } from './fi';

/** English names for what the app would otherwise show as ids or codes. */
export const enNames: NamesMessages = {
  names: {
    surveys: { unknown: 'Deleted survey' },
    touchpoints: {
      only: 'Only answers from the touchpoint “{{name}}”',
      choose: 'Choose a touchpoint',
      unknown: 'Deleted touchpoint',
      noneFound: 'No touchpoint by that name',
      noJourneys: 'The workspace has no touchpoints yet. Add them to a customer journey.',
    },
  },
};
