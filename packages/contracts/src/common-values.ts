// The plain lists behind the common schemas, apart from them: a browser page that needs only a
// list (the language picker on the login page) then loads no zod (the package has no side
// effects, so the bundler leaves out the schemas it does not use).

export const languages = ['fi', 'sv', 'en'] as const;

/** Roles from most to least powerful. */
export const roles = ['owner', 'admin', 'analyst', 'agent', 'viewer'] as const;

/**
 * What an action needs. Roles map to permissions in `@polku/core` (one place); API keys carry
 * a subset of the key-grantable permissions as their scopes.
 */
export const permissions = [
  'workspace.read',
  'workspace.update',
  'members.read',
  'members.manage',
  'apiKeys.manage',
  'audit.read',
  'outbox.read',
  'surveys.read',
  'surveys.manage',
  'responses.read',
  'responses.write',
  /** Set metric targets and alert webhooks. */
  'targets.manage',
  /** Code critical-incident answers into categories. */
  'incidents.code',
  /** Create and change journeys, stages, touchpoints, blueprint lanes, personas and markers. */
  'journeys.manage',
  /** Record customer events (purchases, visits, contacts…) through the API or an import. */
  'events.write',
] as const;

/** Permissions an API key may be granted; managing people and keys needs a person. */
export const apiKeyScopes = [
  'workspace.read',
  'members.read',
  'surveys.read',
  'responses.read',
  'responses.write',
  'events.write',
] as const satisfies readonly (typeof permissions)[number][];
