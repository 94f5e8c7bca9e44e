/** Finnish names for what the app would otherwise show as ids or codes. */
export const fiNames = {
  names: {
    audit: {
      system: 'Järjestelmä',
      someone: 'poistettu jäsen',
      other: '{{actor}}: {{action}}',
      auth: {
        login: '{{actor}} kirjautui sisään',
        login_failed: 'Kirjautuminen epäonnistui: {{actor}}',
        logout: '{{actor}} kirjautui ulos',
        password_reset: '{{actor}} vaihtoi salasanansa',
      },
      workspace: {
        created: '{{actor}} loi työtilan',
        updated: '{{actor}} muutti työtilan asetuksia',
      },
      member: {
        joined: '{{actor}} liittyi työtilaan ({{role}})',
        role_changed: '{{actor}} vaihtoi jäsenen {{target}} roolin: {{from}} → {{to}}',
        removed: '{{actor}} poisti jäsenen {{target}}',
      },
      invitation: {
        created: '{{actor}} kutsui osoitteen {{target}} työtilaan ({{role}})',
        revoked: '{{actor}} perui osoitteen {{target}} kutsun',
      },
      api_key: {
        created: '{{actor}} loi API-avaimen ”{{name}}”',
        revoked: '{{actor}} mitätöi API-avaimen ”{{name}}”',
      },
      incident: {
        category_created: '{{actor}} loi kriittisten tapausten luokan ”{{name}}”',
        category_updated: '{{actor}} muokkasi kriittisten tapausten luokkaa ”{{name}}”',
        category_deleted: '{{actor}} poisti kriittisten tapausten luokan ”{{name}}”',
        coded: '{{actor}} luokitteli kriittisen tapauksen',
        uncoded: '{{actor}} poisti kriittisen tapauksen luokituksen',
      },
      target: {
        created: '{{actor}} loi tavoitteen ”{{name}}”',
        updated: '{{actor}} muokkasi tavoitetta ”{{name}}”',
        deleted: '{{actor}} poisti tavoitteen ”{{name}}”',
      },
      webhook: {
        created: '{{actor}} lisäsi webhookin ”{{name}}”',
        updated: '{{actor}} muokkasi webhookia ”{{name}}”',
        deleted: '{{actor}} poisti webhookin ”{{name}}”',
      },
      journey: {
        created: '{{actor}} loi asiakaspolun ”{{name}}”',
        deleted: '{{actor}} poisti asiakaspolun ”{{name}}”',
      },
    },
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
