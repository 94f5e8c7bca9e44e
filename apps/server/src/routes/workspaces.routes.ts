import type { RouteHandlers } from '../http/route-table.js';
import type { Services } from '../services.js';

type WorkspaceRoutes =
  | 'createWorkspace'
  | 'getWorkspace'
  | 'updateWorkspace'
  | 'listMembers'
  | 'changeMemberRole'
  | 'removeMember'
  | 'listInvitations'
  | 'createInvitation'
  | 'revokeInvitation'
  | 'listApiKeys'
  | 'createApiKey'
  | 'revokeApiKey'
  | 'listAuditLog'
  | 'listOutbox';

const ok = { ok: true as const };

/** Workspaces, members, invitations, API keys, audit log and outbox: thin calls into core. */
export function workspaceHandlers({
  workspaces,
  invitations,
  apiKeys,
}: Services): Pick<RouteHandlers, WorkspaceRoutes> {
  return {
    createWorkspace: ({ auth: session, body, ip }) => workspaces.create(session.userId, body, ip),
    getWorkspace: ({ auth: ctx }) => Promise.resolve(workspaces.get(ctx)),
    updateWorkspace: ({ auth: ctx, body }) => workspaces.update(ctx, body),
    listMembers: async ({ auth: ctx }) => ({ items: await workspaces.listMembers(ctx) }),
    changeMemberRole: ({ auth: ctx, params, body }) =>
      workspaces.changeRole(ctx, params.userId, body.role),
    removeMember: async ({ auth: ctx, params }) => {
      await workspaces.removeMember(ctx, params.userId);
      return ok;
    },
    listInvitations: async ({ auth: ctx }) => ({ items: await invitations.list(ctx) }),
    createInvitation: ({ auth: ctx, body }) => invitations.create(ctx, body),
    revokeInvitation: async ({ auth: ctx, params }) => {
      await invitations.revoke(ctx, params.invitationId);
      return ok;
    },
    listApiKeys: async ({ auth: ctx }) => ({ items: await apiKeys.list(ctx) }),
    createApiKey: ({ auth: ctx, body }) => apiKeys.create(ctx, body),
    revokeApiKey: async ({ auth: ctx, params }) => {
      await apiKeys.revoke(ctx, params.apiKeyId);
      return ok;
    },
    listAuditLog: ({ auth: ctx, query }) => workspaces.listAudit(ctx, query.limit, query.before),
    listOutbox: ({ auth: ctx, query }) => workspaces.listOutbox(ctx, query.limit, query.before),
  };
}
