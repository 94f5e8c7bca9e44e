import type { NamesMessages } from './fi';

/** English names for what the app would otherwise show as ids or codes. */
export const enNames: NamesMessages = {
  names: {
    audit: {
      system: 'The system',
      someone: 'a removed member',
      other: '{{actor}}: {{action}}',
      auth: {
        login: '{{actor}} signed in',
        login_failed: 'Failed sign-in: {{actor}}',
        logout: '{{actor}} signed out',
        password_reset: '{{actor}} reset their password',
      },
      workspace: {
        created: '{{actor}} created the workspace',
        updated: '{{actor}} changed the workspace settings',
      },
      member: {
        joined: '{{actor}} joined the workspace as {{role}}',
        role_changed: "{{actor}} changed {{target}}'s role: {{from}} → {{to}}",
        removed: '{{actor}} removed the member {{target}}',
      },
      invitation: {
        created: '{{actor}} invited {{target}} to the workspace as {{role}}',
        revoked: '{{actor}} revoked the invitation of {{target}}',
      },
      api_key: {
        created: '{{actor}} created the API key “{{name}}”',
        revoked: '{{actor}} revoked the API key “{{name}}”',
      },
      incident: {
        category_created: '{{actor}} created the critical incident category “{{name}}”',
        category_updated: '{{actor}} changed the critical incident category “{{name}}”',
        category_deleted: '{{actor}} deleted the critical incident category “{{name}}”',
        coded: '{{actor}} coded a critical incident',
        uncoded: "{{actor}} removed a critical incident's category",
      },
      target: {
        created: '{{actor}} created the target “{{name}}”',
        updated: '{{actor}} changed the target “{{name}}”',
        deleted: '{{actor}} deleted the target “{{name}}”',
      },
      webhook: {
        created: '{{actor}} added the webhook “{{name}}”',
        updated: '{{actor}} changed the webhook “{{name}}”',
        deleted: '{{actor}} deleted the webhook “{{name}}”',
      },
      journey: {
        created: '{{actor}} created the customer journey “{{name}}”',
        deleted: '{{actor}} deleted the customer journey “{{name}}”',
      },
    },
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
