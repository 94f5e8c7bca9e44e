import type { NamesMessages } from './fi';

/** Swedish names for what the app would otherwise show as ids or codes. */
export const svNames: NamesMessages = {
  names: {
    audit: {
      system: 'Systemet',
      someone: 'en borttagen medlem',
      other: '{{actor}}: {{action}}',
      auth: {
        login: '{{actor}} loggade in',
        login_failed: 'Misslyckad inloggning: {{actor}}',
        logout: '{{actor}} loggade ut',
        password_reset: '{{actor}} bytte sitt lösenord',
      },
      workspace: {
        created: '{{actor}} skapade arbetsytan',
        updated: '{{actor}} ändrade arbetsytans inställningar',
      },
      member: {
        joined: '{{actor}} gick med i arbetsytan ({{role}})',
        role_changed: '{{actor}} ändrade rollen för {{target}}: {{from}} → {{to}}',
        removed: '{{actor}} tog bort medlemmen {{target}}',
      },
      invitation: {
        created: '{{actor}} bjöd in {{target}} till arbetsytan ({{role}})',
        revoked: '{{actor}} återkallade inbjudan till {{target}}',
      },
      api_key: {
        created: '{{actor}} skapade API-nyckeln ”{{name}}”',
        revoked: '{{actor}} återkallade API-nyckeln ”{{name}}”',
      },
      incident: {
        category_created: '{{actor}} skapade kategorin ”{{name}}” för kritiska händelser',
        category_updated: '{{actor}} ändrade kategorin ”{{name}}” för kritiska händelser',
        category_deleted: '{{actor}} tog bort kategorin ”{{name}}” för kritiska händelser',
        coded: '{{actor}} kategoriserade en kritisk händelse',
        uncoded: '{{actor}} tog bort en kritisk händelses kategori',
      },
      target: {
        created: '{{actor}} skapade målet ”{{name}}”',
        updated: '{{actor}} ändrade målet ”{{name}}”',
        deleted: '{{actor}} tog bort målet ”{{name}}”',
      },
      webhook: {
        created: '{{actor}} lade till webhooken ”{{name}}”',
        updated: '{{actor}} ändrade webhooken ”{{name}}”',
        deleted: '{{actor}} tog bort webhooken ”{{name}}”',
      },
      journey: {
        created: '{{actor}} skapade kundresan ”{{name}}”',
        deleted: '{{actor}} tog bort kundresan ”{{name}}”',
      },
    },
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
