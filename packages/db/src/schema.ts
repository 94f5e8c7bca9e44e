import type { Generated } from 'kysely';

// Table types as Kysely sees them (camelCase; the CamelCasePlugin maps to snake_case columns).
// Instants are epoch milliseconds; JSON is stored as text so both dialects read it the same.

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  language: string;
  passwordHash: string;
  createdAt: number;
  updatedAt: number;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  timeZone: string;
  /** JSON array of language codes. */
  languages: string;
  defaultLanguage: string;
  contactLimitDays: number | null;
  organisationName: string | null;
  privacyNoticeUrl: string | null;
  createdAt: number;
}

export interface MembershipsTable {
  workspaceId: string;
  userId: string;
  role: string;
  createdAt: number;
}

export interface InvitationsTable {
  workspaceId: string;
  id: string;
  email: string;
  role: string;
  tokenHash: string;
  language: string;
  invitedByUserId: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

export interface ApiKeysTable {
  workspaceId: string;
  id: string;
  name: string;
  prefix: string;
  secretHash: string;
  /** JSON array of scopes. */
  scopes: string;
  createdByUserId: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface PasswordResetsTable {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface AuditLogTable {
  workspaceId: string;
  id: string;
  action: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  target: string | null;
  /** JSON object. */
  details: string;
  ip: string | null;
  createdAt: number;
  day: string;
}

export interface EmailsTable {
  id: string;
  workspaceId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: string;
  error: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  /** JSON. */
  payload: string;
  status: string;
  runAt: number;
  attempts: Generated<number>;
  maxAttempts: number;
  lockedUntil: number | null;
  /** The claim that holds the job while it runs; null when nobody does. */
  leaseToken: string | null;
  lastError: string | null;
  uniqueKey: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface RecurringSchedulesTable {
  name: string;
  nextRunAt: number;
}

export interface SurveysTable {
  workspaceId: string;
  id: string;
  name: string;
  purpose: string;
  status: string;
  touchpointId: string | null;
  /** JSON SurveyDefinition. */
  draft: string;
  publishedVersion: number | null;
  /** 0 or 1. */
  draftChanged: number;
  createdAt: number;
  updatedAt: number;
}

export interface SurveyVersionsTable {
  workspaceId: string;
  surveyId: string;
  version: number;
  /** JSON SurveyDefinition, never changed once written. */
  definition: string;
  publishedAt: number;
  publishedByUserId: string | null;
}

export interface SurveyLinksTable {
  workspaceId: string;
  id: string;
  surveyId: string;
  name: string;
  channel: string;
  touchpointId: string | null;
  token: string;
  createdAt: number;
  closedAt: number | null;
}

export interface ResponsesTable {
  workspaceId: string;
  id: string;
  surveyId: string;
  surveyVersion: number;
  linkId: string | null;
  source: string;
  channel: string;
  touchpointId: string | null;
  language: string;
  status: string;
  submittedAt: number;
  createdAt: number;
  day: string;
  /** 1 for a test response (migration 0013): kept, but out of every figure. */
  isTest: Generated<number>;
}

export interface AnswersTable {
  workspaceId: string;
  responseId: string;
  questionKey: string;
  item: string;
  surveyId: string;
  day: string;
  touchpointId: string | null;
  channel: string;
  language: string;
  valueNum: number | null;
  valueText: string | null;
}

/** Day-level rollup: complete responses per answered value (see migration 0006). */
export interface AnswerDayCountsTable {
  workspaceId: string;
  surveyId: string;
  questionKey: string;
  item: string;
  /** 0: no dimension; 1: per touchpoint; 2: per touchpoint, channel and language. */
  grain: number;
  day: string;
  /** The touchpoint id, or '' for none (and at grain 0). */
  touchpointKey: string;
  channel: string;
  language: string;
  valueNum: number;
  count: number;
}

export interface ResponseAttributesTable {
  workspaceId: string;
  responseId: string;
  key: string;
  value: string;
}

export interface SurveyInvitationsTable {
  workspaceId: string;
  id: string;
  surveyId: string;
  linkId: string;
  email: string;
  language: string;
  token: string;
  status: string;
  reason: string | null;
  scheduledAt: number;
  sentAt: number | null;
  reminderAt: number | null;
  remindedAt: number | null;
  respondedAt: number | null;
  responseId: string | null;
  emailId: string | null;
  createdAt: number;
}

export interface UnsubscribesTable {
  workspaceId: string;
  email: string;
  createdAt: number;
}

export interface ContactLogTable {
  workspaceId: string;
  personKey: string;
  id: string;
  channel: string;
  surveyId: string | null;
  contactedAt: number;
}

export interface IncidentCategoriesTable {
  workspaceId: string;
  id: string;
  name: string;
  description: string | null;
  createdAt: number;
}

export interface IncidentCodingsTable {
  workspaceId: string;
  responseId: string;
  questionKey: string;
  categoryId: string;
  codedByUserId: string | null;
  codedAt: number;
}

export interface MetricTargetsTable {
  workspaceId: string;
  id: string;
  name: string;
  /** JSON metric spec. */
  metric: string;
  scopeKind: string;
  scopeId: string | null;
  periodKind: string;
  periodFrom: string | null;
  periodTo: string | null;
  periodEvery: string | null;
  target: number;
  goal: string;
  ownerUserId: string;
  alertOnMiss: number;
  alertOnDrop: number;
  notifyAdmins: number;
  createdAt: number;
  updatedAt: number;
}

export interface WebhookEndpointsTable {
  workspaceId: string;
  id: string;
  name: string;
  url: string;
  secret: string;
  enabled: number;
  lastStatus: number | null;
  lastError: string | null;
  lastDeliveryAt: number | null;
  createdAt: number;
}

export interface MetricAlertsTable {
  workspaceId: string;
  id: string;
  targetId: string;
  condition: string;
  periodFrom: string;
  periodTo: string;
  score: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  target: number;
  previousScore: number | null;
  difference: number | null;
  pValue: number | null;
  chartUrl: string;
  createdAt: number;
}

export interface AlertDeliveriesTable {
  workspaceId: string;
  id: string;
  alertId: string;
  channel: string;
  recipient: string;
  emailId: string | null;
  webhookId: string | null;
  body: string | null;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface JourneysTable {
  workspaceId: string;
  id: string;
  name: string;
  description: string;
  status: string;
  createdAt: number;
  updatedAt: number;
}

export interface PersonasTable {
  workspaceId: string;
  id: string;
  name: string;
  description: string;
  /** JSON string arrays. */
  goals: string;
  needs: string;
  createdAt: number;
  updatedAt: number;
}

export interface JourneyPersonasTable {
  workspaceId: string;
  journeyId: string;
  personaId: string;
  position: number;
}

export interface JourneyStagesTable {
  workspaceId: string;
  id: string;
  journeyId: string;
  name: string;
  description: string;
  position: number;
}

export interface TouchpointsTable {
  workspaceId: string;
  id: string;
  journeyId: string;
  stageId: string;
  position: number;
  name: string;
  description: string;
  channel: string;
  ownerType: string;
  partnerName: string | null;
  subExperience: string;
  team: string | null;
  promise: string | null;
  promiseHours: number | null;
  expectation: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface BlueprintItemsTable {
  workspaceId: string;
  stageId: string;
  lane: string;
  position: number;
  text: string;
}

export interface TouchpointMarkersTable {
  workspaceId: string;
  id: string;
  touchpointId: string;
  kind: string;
  note: string;
  responseId: string | null;
  comment: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Customer events (migration 0010). */
export interface CustomerEventsTable {
  workspaceId: string;
  id: string;
  customerRef: string;
  type: string;
  touchpointId: string | null;
  occurredAt: number;
  day: string;
  value: number | null;
  createdAt: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  apiKeys: ApiKeysTable;
  passwordResets: PasswordResetsTable;
  auditLog: AuditLogTable;
  emails: EmailsTable;
  jobs: JobsTable;
  recurringSchedules: RecurringSchedulesTable;
  surveys: SurveysTable;
  surveyVersions: SurveyVersionsTable;
  surveyLinks: SurveyLinksTable;
  responses: ResponsesTable;
  answers: AnswersTable;
  answerDayCounts: AnswerDayCountsTable;
  responseAttributes: ResponseAttributesTable;
  surveyInvitations: SurveyInvitationsTable;
  unsubscribes: UnsubscribesTable;
  contactLog: ContactLogTable;
  incidentCategories: IncidentCategoriesTable;
  incidentCodings: IncidentCodingsTable;
  metricTargets: MetricTargetsTable;
  webhookEndpoints: WebhookEndpointsTable;
  metricAlerts: MetricAlertsTable;
  alertDeliveries: AlertDeliveriesTable;
  journeys: JourneysTable;
  personas: PersonasTable;
  journeyPersonas: JourneyPersonasTable;
  journeyStages: JourneyStagesTable;
  touchpoints: TouchpointsTable;
  blueprintItems: BlueprintItemsTable;
  touchpointMarkers: TouchpointMarkersTable;
  customerEvents: CustomerEventsTable;
}
