import { z } from 'zod';
import {
  acceptInvitationBodySchema,
  acceptInvitationResultSchema,
  invitationPreviewSchema,
  loginBodySchema,
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  sessionInfoSchema,
  setupBodySchema,
  setupStatusSchema,
  updateMeBodySchema,
  userSchema,
} from './accounts.js';
import { idSchema, okSchema, pageQuerySchema } from './common.js';
import {
  apiKeySchema,
  auditEntrySchema,
  changeRoleBodySchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
  createInvitationBodySchema,
  createWorkspaceBodySchema,
  invitationSchema,
  memberSchema,
  outboxMailSchema,
  pageSchema,
  updateWorkspaceBodySchema,
  workspaceSchema,
} from './workspaces.js';

import {
  defineRoute,
  FIFTEEN_MINUTES,
  ONE_HOUR,
  tokenParams,
  workspaceParams,
  ws,
  type RouteDef,
} from './route-def.js';
import { listeningRoutes } from './listening-routes.js';
import { metricsRoutes } from './metrics.js';
import { analysesRoutes } from './analyses.js';
import { targetsRoutes } from './targets.js';
import { journeysRoutes } from './journeys-routes.js';
import { eventsRoutes } from './events.js';

export type { Access, HttpMethod, RouteDef } from './route-def.js';
/** The route table: the single description of the HTTP API that the server, the OpenAPI
 * document, the typed client and the cross-workspace test all read. */
export const routes = {
  getSetupStatus: defineRoute({
    method: 'GET',
    path: '/api/v1/setup',
    summary: 'Whether first-run setup is still needed',
    tag: 'accounts',
    access: { kind: 'public' },
    status: 200,
    response: setupStatusSchema,
  }),
  completeSetup: defineRoute({
    method: 'POST',
    path: '/api/v1/setup',
    summary: 'Create the first owner and workspace (only while no account exists) and sign in',
    tag: 'accounts',
    access: { kind: 'public' },
    body: setupBodySchema,
    status: 201,
    response: sessionInfoSchema,
    rateLimit: { max: 10, windowMs: FIFTEEN_MINUTES },
  }),
  login: defineRoute({
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tag: 'accounts',
    access: { kind: 'public' },
    body: loginBodySchema,
    status: 200,
    response: sessionInfoSchema,
    // Only failures count: 50 per address an hour across all emails; the handler slows each
    // (email, address) pair after five (docs/configuration.md, "Sign-in limits").
    failureLimit: { codes: ['INVALID_CREDENTIALS'], max: 50, windowMs: ONE_HOUR },
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: revokes the session',
    tag: 'accounts',
    access: { kind: 'session' },
    status: 200,
    response: okSchema,
  }),
  getSession: defineRoute({
    method: 'GET',
    path: '/api/v1/auth/session',
    summary: 'The signed-in person, their workspaces and the CSRF token',
    tag: 'accounts',
    access: { kind: 'session' },
    status: 200,
    response: sessionInfoSchema,
  }),
  updateMe: defineRoute({
    method: 'PATCH',
    path: '/api/v1/me',
    summary: 'Change your own name or language',
    tag: 'accounts',
    access: { kind: 'session' },
    body: updateMeBodySchema,
    status: 200,
    response: userSchema,
  }),
  requestPasswordReset: defineRoute({
    method: 'POST',
    path: '/api/v1/auth/password-reset',
    summary: 'Email a single-use reset link (answers the same whether or not the account exists)',
    tag: 'accounts',
    access: { kind: 'public' },
    body: passwordResetRequestBodySchema,
    status: 202,
    response: okSchema,
    rateLimit: { max: 5, windowMs: FIFTEEN_MINUTES },
  }),
  confirmPasswordReset: defineRoute({
    method: 'POST',
    path: '/api/v1/auth/password-reset/confirm',
    summary: 'Set a new password with a reset token; signs out every session',
    tag: 'accounts',
    access: { kind: 'public' },
    body: passwordResetConfirmBodySchema,
    status: 200,
    response: okSchema,
    failureLimit: { codes: ['RESET_TOKEN_INVALID'], max: 10, windowMs: FIFTEEN_MINUTES },
  }),
  getInvitation: defineRoute({
    method: 'GET',
    path: '/api/v1/invitations/:token',
    summary: 'What an invitation link offers',
    tag: 'accounts',
    access: { kind: 'public' },
    params: tokenParams,
    status: 200,
    response: invitationPreviewSchema,
    failureLimit: { codes: ['INVITATION_INVALID'], max: 30, windowMs: FIFTEEN_MINUTES },
  }),
  acceptInvitation: defineRoute({
    method: 'POST',
    path: '/api/v1/invitations/:token/accept',
    summary: 'Join the workspace; creates the account when the email has none, and signs in',
    tag: 'accounts',
    access: { kind: 'public' },
    params: tokenParams,
    body: acceptInvitationBodySchema,
    status: 200,
    response: acceptInvitationResultSchema,
    failureLimit: { codes: ['INVITATION_INVALID'], max: 10, windowMs: FIFTEEN_MINUTES },
  }),
  createWorkspace: defineRoute({
    method: 'POST',
    path: '/api/v1/workspaces',
    summary: 'Create a workspace; you become its owner',
    tag: 'workspaces',
    access: { kind: 'session' },
    body: createWorkspaceBodySchema,
    status: 201,
    response: workspaceSchema,
  }),
  getWorkspace: defineRoute({
    method: 'GET',
    path: ws,
    summary: 'A workspace',
    tag: 'workspaces',
    access: { kind: 'workspace', permission: 'workspace.read' },
    params: workspaceParams,
    status: 200,
    response: workspaceSchema,
  }),
  updateWorkspace: defineRoute({
    method: 'PATCH',
    path: ws,
    summary: 'Change name, time zone or languages',
    tag: 'workspaces',
    access: { kind: 'workspace', permission: 'workspace.update' },
    params: workspaceParams,
    body: updateWorkspaceBodySchema,
    status: 200,
    response: workspaceSchema,
  }),
  listMembers: defineRoute({
    method: 'GET',
    path: `${ws}/members`,
    summary: 'Members and their roles',
    tag: 'members',
    access: { kind: 'workspace', permission: 'members.read' },
    params: workspaceParams,
    status: 200,
    response: z.object({ items: z.array(memberSchema) }),
  }),
  changeMemberRole: defineRoute({
    method: 'PATCH',
    path: `${ws}/members/:userId`,
    summary: "Change a member's role (only an owner grants or takes away ownership)",
    tag: 'members',
    access: { kind: 'workspace', permission: 'members.manage' },
    params: workspaceParams.extend({ userId: idSchema }),
    body: changeRoleBodySchema,
    status: 200,
    response: memberSchema,
  }),
  removeMember: defineRoute({
    method: 'DELETE',
    path: `${ws}/members/:userId`,
    summary: 'Remove a member; their access ends at once',
    tag: 'members',
    access: { kind: 'workspace', permission: 'members.manage' },
    params: workspaceParams.extend({ userId: idSchema }),
    status: 200,
    response: okSchema,
  }),
  listInvitations: defineRoute({
    method: 'GET',
    path: `${ws}/invitations`,
    summary: 'Invitations, newest first',
    tag: 'members',
    access: { kind: 'workspace', permission: 'members.manage' },
    params: workspaceParams,
    status: 200,
    response: z.object({ items: z.array(invitationSchema) }),
  }),
  createInvitation: defineRoute({
    method: 'POST',
    path: `${ws}/invitations`,
    summary: 'Invite someone by email',
    tag: 'members',
    access: { kind: 'workspace', permission: 'members.manage' },
    params: workspaceParams,
    body: createInvitationBodySchema,
    status: 201,
    response: invitationSchema,
  }),
  revokeInvitation: defineRoute({
    method: 'DELETE',
    path: `${ws}/invitations/:invitationId`,
    summary: 'Revoke a pending invitation',
    tag: 'members',
    access: { kind: 'workspace', permission: 'members.manage' },
    params: workspaceParams.extend({ invitationId: idSchema }),
    status: 200,
    response: okSchema,
  }),
  listApiKeys: defineRoute({
    method: 'GET',
    path: `${ws}/api-keys`,
    summary: 'API keys (never their secrets)',
    tag: 'api keys',
    access: { kind: 'workspace', permission: 'apiKeys.manage' },
    params: workspaceParams,
    status: 200,
    response: z.object({ items: z.array(apiKeySchema) }),
  }),
  createApiKey: defineRoute({
    method: 'POST',
    path: `${ws}/api-keys`,
    summary: 'Create an API key; the secret is in this response only',
    tag: 'api keys',
    access: { kind: 'workspace', permission: 'apiKeys.manage' },
    params: workspaceParams,
    body: createApiKeyBodySchema,
    status: 201,
    response: createdApiKeySchema,
  }),
  revokeApiKey: defineRoute({
    method: 'DELETE',
    path: `${ws}/api-keys/:apiKeyId`,
    summary: 'Revoke an API key; it stops working at once',
    tag: 'api keys',
    access: { kind: 'workspace', permission: 'apiKeys.manage' },
    params: workspaceParams.extend({ apiKeyId: idSchema }),
    status: 200,
    response: okSchema,
  }),
  listAuditLog: defineRoute({
    method: 'GET',
    path: `${ws}/audit-log`,
    summary: 'Security-relevant actions, newest first',
    tag: 'audit',
    access: { kind: 'workspace', permission: 'audit.read' },
    params: workspaceParams,
    query: pageQuerySchema,
    status: 200,
    response: pageSchema(auditEntrySchema),
  }),
  listOutbox: defineRoute({
    method: 'GET',
    path: `${ws}/outbox`,
    summary: "The workspace's outgoing email, newest first",
    tag: 'email',
    access: { kind: 'workspace', permission: 'outbox.read' },
    params: workspaceParams,
    query: pageQuerySchema,
    status: 200,
    response: pageSchema(outboxMailSchema),
  }),
  ...listeningRoutes(),
  ...metricsRoutes(),
  ...analysesRoutes(),
  ...targetsRoutes(),
  ...journeysRoutes(),
  ...eventsRoutes(),
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Schema<R, K extends string> = R extends Record<K, infer S extends z.ZodType> ? S : undefined;
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends: params, query and body, each present only where the route has it. */
export type RouteInput<N extends RouteName> = {
  [K in 'params' | 'query' | 'body' as Schema<Routes[N], K> extends undefined ? never : K]: InputOf<
    Schema<Routes[N], K>
  >;
};
/** What the route handler receives after validation. */
export type RouteRequest<N extends RouteName> = {
  [K in 'params' | 'query' | 'body']: OutputOf<Schema<Routes[N], K>>;
};
export type RouteOutput<N extends RouteName> = z.output<Routes[N]['response']>;
export type RouteResponseInput<N extends RouteName> = z.input<Routes[N]['response']>;
