import type { ApiKeyScope, Permission, Role } from '@polku/contracts';

const viewer: readonly Permission[] = [
  'workspace.read',
  'members.read',
  'surveys.read',
  'responses.read',
];
const analyst: readonly Permission[] = [
  ...viewer,
  'surveys.manage',
  'responses.write',
  'targets.manage',
  'incidents.code',
  'journeys.manage',
];
const admin: readonly Permission[] = [
  ...analyst,
  'workspace.update',
  'members.manage',
  'apiKeys.manage',
  'audit.read',
  'outbox.read',
];

/** What each role may do: the one place roles are interpreted. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: admin,
  admin,
  analyst,
  agent: viewer,
  viewer,
};

/** Whether a member with `role` may do what `permission` names. */
export function canRole(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Whether an API key with `scopes` may do what `permission` names. */
export function canApiKey(scopes: readonly ApiKeyScope[], permission: Permission): boolean {
  return (scopes as readonly Permission[]).includes(permission);
}

/** Only an owner makes or unmakes owners; admins manage everyone else. */
export function canAssignRole(actorRole: Role, fromRole: Role, toRole: Role): boolean {
  if (actorRole === 'owner') return true;
  if (!canRole(actorRole, 'members.manage')) return false;
  return fromRole !== 'owner' && toRole !== 'owner';
}
