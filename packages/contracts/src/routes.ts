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
import { idSchema, instantSchema, okSchema, pageQuerySchema, type Permission } from './common.js';
import {
  batchResultSchema,
  listResponsesQuerySchema,
  MAX_BATCH,
  responseSchema,
  submitBatchBodySchema,
  submitResponseBodySchema,
  submitResultSchema,
} from './responses.js';
import {
  createSurveyInvitationsBodySchema,
  createSurveyInvitationsResultSchema,
  surveyInvitationSchema,
} from './distribution.js';
import {
  createLinkBodySchema,
  createSurveyBodySchema,
  publishResultSchema,
  surveyDefinitionSchema,
  surveyLinkSchema,
  surveySchema,
  surveySummarySchema,
  updateSurveyBodySchema,
} from './surveys.js';
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

/**
 * Who may call a route:
 * - `public`: anyone (rate limited where it matters);
 * - `session`: a signed-in person;
 * - `workspace`: a member of `:workspaceId` whose role grants `permission`, or an API key of
 *   that workspace whose scopes include it. Checked in one place on the server.
 */
export type Access =
  { kind: 'public' } | { kind: 'session' } | { kind: 'workspace'; permission: Permission };

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** Fastify-style path with `:params`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status of a successful response. */
  status: 200 | 201 | 202;
  response: z.ZodType;
  /** Per client IP, on top of the global limits. */
  rateLimit?: { max: number; windowMs: number };
}

const defineRoute = <const R extends RouteDef>(route: R): R => route;

const ws = '/api/v1/workspaces/:workspaceId';
const workspaceParams = z.object({ workspaceId: idSchema });
const tokenParams = z.object({ token: z.string().min(16).max(200) });
const FIFTEEN_MINUTES = 15 * 60_000;

const surveyParams = workspaceParams.extend({ surveyId: idSchema });

/** Surveys, their versions and links, and response intake (the listening area). */
function listeningRoutes() {
  return {
    listSurveys: defineRoute({
      method: 'GET',
      path: `${ws}/surveys`,
      summary: 'Surveys with status and response counts',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.read' },
      params: workspaceParams,
      status: 200,
      response: z.object({ items: z.array(surveySummarySchema) }),
    }),
    createSurvey: defineRoute({
      method: 'POST',
      path: `${ws}/surveys`,
      summary: 'Create a survey, empty or from a template',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.manage' },
      params: workspaceParams,
      body: createSurveyBodySchema,
      status: 201,
      response: surveySchema,
    }),
    getSurvey: defineRoute({
      method: 'GET',
      path: `${ws}/surveys/:surveyId`,
      summary: 'A survey with its draft',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.read' },
      params: surveyParams,
      status: 200,
      response: surveySchema,
    }),
    updateSurvey: defineRoute({
      method: 'PATCH',
      path: `${ws}/surveys/:surveyId`,
      summary: 'Change the name, purpose, touchpoint or draft (published versions never change)',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.manage' },
      params: surveyParams,
      body: updateSurveyBodySchema,
      status: 200,
      response: surveySchema,
    }),
    publishSurvey: defineRoute({
      method: 'POST',
      path: `${ws}/surveys/:surveyId/publish`,
      summary:
        'Publish the draft as a new immutable version (every offered language must be complete)',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.manage' },
      params: surveyParams,
      status: 200,
      response: publishResultSchema,
    }),
    closeSurvey: defineRoute({
      method: 'POST',
      path: `${ws}/surveys/:surveyId/close`,
      summary: 'Stop taking responses (publishing again reopens it)',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.manage' },
      params: surveyParams,
      status: 200,
      response: surveySchema,
    }),
    getSurveyVersion: defineRoute({
      method: 'GET',
      path: `${ws}/surveys/:surveyId/versions/:version`,
      summary: 'A published version exactly as respondents saw it',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.read' },
      params: surveyParams.extend({ version: z.coerce.number().int().positive() }),
      status: 200,
      response: z.object({
        version: z.number().int(),
        publishedAt: instantSchema,
        definition: surveyDefinitionSchema,
      }),
    }),
    listSurveyLinks: defineRoute({
      method: 'GET',
      path: `${ws}/surveys/:surveyId/links`,
      summary: "The survey's public links",
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.read' },
      params: surveyParams,
      status: 200,
      response: z.object({ items: z.array(surveyLinkSchema) }),
    }),
    createSurveyLink: defineRoute({
      method: 'POST',
      path: `${ws}/surveys/:surveyId/links`,
      summary: 'A new public link, tagged with channel and touchpoint',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.manage' },
      params: surveyParams,
      body: createLinkBodySchema,
      status: 201,
      response: surveyLinkSchema,
    }),
    closeSurveyLink: defineRoute({
      method: 'POST',
      path: `${ws}/surveys/:surveyId/links/:linkId/close`,
      summary: 'Close a link; it shows a friendly closed page',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.manage' },
      params: surveyParams.extend({ linkId: idSchema }),
      status: 200,
      response: surveyLinkSchema,
    }),
    listSurveyInvitations: defineRoute({
      method: 'GET',
      path: `${ws}/surveys/:surveyId/invitations`,
      summary: 'Email invitations to the survey, with delivery and response status per recipient',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.read' },
      params: surveyParams,
      status: 200,
      response: z.object({ items: z.array(surveyInvitationSchema) }),
    }),
    createSurveyInvitations: defineRoute({
      method: 'POST',
      path: `${ws}/surveys/:surveyId/invitations`,
      summary:
        'Invite recipients by email with personal single-use links, now or at a set time, with one optional reminder; honours unsubscribes and the contact-frequency limit',
      tag: 'surveys',
      access: { kind: 'workspace', permission: 'surveys.manage' },
      params: surveyParams,
      body: createSurveyInvitationsBodySchema,
      status: 201,
      response: createSurveyInvitationsResultSchema,
    }),
    submitResponse: defineRoute({
      method: 'POST',
      path: `${ws}/responses`,
      summary:
        'Store one response; 2xx means it is committed, and a retry with the same id stores nothing new',
      tag: 'responses',
      access: { kind: 'workspace', permission: 'responses.write' },
      params: workspaceParams,
      body: submitResponseBodySchema,
      status: 201,
      response: submitResultSchema,
    }),
    submitResponseBatch: defineRoute({
      method: 'POST',
      path: `${ws}/responses/batch`,
      summary: `Store up to ${MAX_BATCH} responses in one transaction: all or none`,
      tag: 'responses',
      access: { kind: 'workspace', permission: 'responses.write' },
      params: workspaceParams,
      body: submitBatchBodySchema,
      status: 201,
      response: batchResultSchema,
    }),
    listResponses: defineRoute({
      method: 'GET',
      path: `${ws}/responses`,
      summary: 'Responses, newest first, filtered',
      tag: 'responses',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      query: listResponsesQuerySchema,
      status: 200,
      response: pageSchema(responseSchema),
    }),
    getResponse: defineRoute({
      method: 'GET',
      path: `${ws}/responses/:responseId`,
      summary: 'One response with every answer',
      tag: 'responses',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams.extend({ responseId: idSchema }),
      status: 200,
      response: responseSchema,
    }),
  } as const;
}

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
    rateLimit: { max: 10, windowMs: FIFTEEN_MINUTES },
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
    rateLimit: { max: 10, windowMs: FIFTEEN_MINUTES },
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
    rateLimit: { max: 30, windowMs: FIFTEEN_MINUTES },
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
    rateLimit: { max: 10, windowMs: FIFTEEN_MINUTES },
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
