import type { Permission } from '@polku/contracts';
import type { ApiKeyRecord, SessionRecord, Store } from '../ports.js';
import type { WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { canApiKey, canRole } from '../shared/permissions.js';

/** Whoever made a request, as far as authentication could tell. */
export type Principal =
  | { kind: 'session'; session: SessionRecord }
  | { kind: 'apiKey'; key: ApiKeyRecord }
  | { kind: 'anonymous' };

/**
 * The one access check for workspace resources. Someone outside the workspace learns nothing
 * about it (404, whether or not it exists); a member without the permission gets 403.
 */
export async function resolveWorkspaceAccess(
  store: Store,
  workspaceId: string,
  principal: Principal,
  permission: Permission,
  ip: string | null,
): Promise<WorkspaceContext> {
  switch (principal.kind) {
    case 'anonymous':
      throw new DomainError('UNAUTHENTICATED');
    case 'apiKey': {
      if (principal.key.workspaceId !== workspaceId) throw new DomainError('NOT_FOUND');
      if (!canApiKey(principal.key.scopes, permission)) {
        throw new DomainError('FORBIDDEN', `The API key lacks the scope ${permission}.`);
      }
      const workspace = await store.workspaces.findById(workspaceId);
      if (!workspace) throw new DomainError('NOT_FOUND');
      return {
        workspace,
        actor: { kind: 'apiKey', apiKeyId: principal.key.id, scopes: principal.key.scopes },
        ip,
      };
    }
    case 'session': {
      const membership = await store.memberships.find(workspaceId, principal.session.userId);
      if (!membership) throw new DomainError('NOT_FOUND');
      if (!canRole(membership.role, permission)) throw new DomainError('FORBIDDEN');
      const workspace = await store.workspaces.findById(workspaceId);
      if (!workspace) throw new DomainError('NOT_FOUND');
      return {
        workspace,
        actor: { kind: 'user', userId: membership.userId, role: membership.role },
        ip,
      };
    }
  }
}
