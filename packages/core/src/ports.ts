import type { MetricsRepository } from './metrics/metric.service.js';
import type { AnalysisRepository, IncidentRepository } from './analyses/ports.js';
import type { ApiKeyScope, Language, Role, SurveyDefinition } from '@polku/contracts';
import type { AnswerRow } from './surveys/answers.js';
import type { TargetRepository, WebhookRepository } from './targets/ports.js';
import type { JourneyRepository } from './journeys/ports.js';
import type { EventRepository } from './events/ports.js';
import type { JobRepository } from './jobs/job-queue.js';

// Records as the domain sees them. Instants are epoch milliseconds.

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  language: Language;
  passwordHash: string;
  createdAt: number;
  updatedAt: number;
}

export interface SessionRecord {
  /** SHA-256 of the cookie token: the token itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  timeZone: string;
  languages: Language[];
  defaultLanguage: Language;
  /** Survey a person at most once in this many days, across channels; null: no limit. */
  contactLimitDays: number | null;
  /** The organisation respondents see on the survey pages, and its privacy notice (https). */
  organisationName: string | null;
  privacyNoticeUrl: string | null;
  createdAt: number;
}

export interface MembershipRecord {
  workspaceId: string;
  userId: string;
  role: Role;
  createdAt: number;
}

export interface MemberView extends MembershipRecord {
  email: string;
  name: string;
}

export interface InvitationRecord {
  workspaceId: string;
  id: string;
  email: string;
  role: Role;
  tokenHash: string;
  language: Language;
  invitedByUserId: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

export interface ApiKeyRecord {
  workspaceId: string;
  id: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: ApiKeyScope[];
  createdByUserId: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface PasswordResetRecord {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface AuditRecord {
  workspaceId: string;
  id: string;
  action: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  createdAt: number;
  day: string;
}

export type EmailStatus = 'queued' | 'sent' | 'kept' | 'failed';

export interface EmailRecord {
  id: string;
  /** Null for mail about an account rather than a workspace (password reset). */
  workspaceId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: EmailStatus;
  error: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface Page<T> {
  items: T[];
  nextBefore: string | null;
}

// Repository ports: they only query; the services decide.

export interface UserRepository {
  insert(user: UserRecord): Promise<void>;
  findById(id: string): Promise<UserRecord | undefined>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  update(
    id: string,
    patch: Partial<Pick<UserRecord, 'name' | 'language' | 'passwordHash' | 'updatedAt'>>,
  ): Promise<void>;
  count(): Promise<number>;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  findActive(id: string, now: number): Promise<SessionRecord | undefined>;
  touch(id: string, lastSeenAt: number, expiresAt: number): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: number): Promise<number>;
}

export interface WorkspaceRepository {
  /** A new workspace has no contact limit, organisation or privacy notice unless given. */
  insert(
    workspace: Omit<WorkspaceRecord, 'contactLimitDays' | 'organisationName' | 'privacyNoticeUrl'> &
      Partial<Pick<WorkspaceRecord, 'contactLimitDays' | 'organisationName' | 'privacyNoticeUrl'>>,
  ): Promise<void>;
  findById(id: string): Promise<WorkspaceRecord | undefined>;
  findByName(name: string): Promise<WorkspaceRecord[]>;
  update(id: string, patch: Partial<Omit<WorkspaceRecord, 'id' | 'createdAt'>>): Promise<void>;
}

export interface MembershipRepository {
  insert(membership: MembershipRecord): Promise<void>;
  find(workspaceId: string, userId: string): Promise<MembershipRecord | undefined>;
  listForWorkspace(workspaceId: string): Promise<MemberView[]>;
  listForUser(userId: string): Promise<(MembershipRecord & { workspaceName: string })[]>;
  updateRole(workspaceId: string, userId: string, role: Role): Promise<void>;
  delete(workspaceId: string, userId: string): Promise<void>;
  countOwners(workspaceId: string): Promise<number>;
}

export interface InvitationRepository {
  insert(invitation: InvitationRecord): Promise<void>;
  findById(workspaceId: string, id: string): Promise<InvitationRecord | undefined>;
  findByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** Newest first, with the inviter's name. */
  listForWorkspace(workspaceId: string): Promise<(InvitationRecord & { invitedByLabel: string })[]>;
  markAccepted(workspaceId: string, id: string, at: number): Promise<void>;
  markRevoked(workspaceId: string, id: string, at: number): Promise<void>;
}

export interface ApiKeyRepository {
  insert(key: ApiKeyRecord): Promise<void>;
  findBySecretHash(secretHash: string): Promise<ApiKeyRecord | undefined>;
  findById(workspaceId: string, id: string): Promise<ApiKeyRecord | undefined>;
  /** Newest first, with the creator's name. */
  listForWorkspace(workspaceId: string): Promise<(ApiKeyRecord & { createdByLabel: string })[]>;
  markUsed(workspaceId: string, id: string, at: number): Promise<void>;
  markRevoked(workspaceId: string, id: string, at: number): Promise<void>;
}

export interface PasswordResetRepository {
  insert(reset: PasswordResetRecord): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<PasswordResetRecord | undefined>;
  /** Marks the token used; false when it was used already (a race lost). */
  markUsed(tokenHash: string, at: number): Promise<boolean>;
}

export interface AuditRepository {
  insert(entry: AuditRecord): Promise<void>;
  /** Newest first, with the acting person's email or the API key's name. */
  list(
    workspaceId: string,
    limit: number,
    before?: string,
  ): Promise<(AuditRecord & { actorLabel: string | null; actorName: string | null })[]>;
}

export interface EmailRepository {
  insert(email: EmailRecord): Promise<void>;
  findById(id: string): Promise<EmailRecord | undefined>;
  listForWorkspace(workspaceId: string, limit: number, before?: string): Promise<EmailRecord[]>;
  markDelivered(id: string, status: 'sent' | 'kept', at: number): Promise<void>;
  markFailed(id: string, error: string): Promise<void>;
}

export interface Repositories {
  metrics: MetricsRepository;
  users: UserRepository;
  sessions: SessionRepository;
  workspaces: WorkspaceRepository;
  memberships: MembershipRepository;
  invitations: InvitationRepository;
  apiKeys: ApiKeyRepository;
  passwordResets: PasswordResetRepository;
  audit: AuditRepository;
  emails: EmailRepository;
  jobs: JobRepository;
  schedules: ScheduleRepository;
  surveys: SurveyRepository;
  responses: ResponseRepository;
  distribution: DistributionRepository;
  analyses: AnalysisRepository;
  incidents: IncidentRepository;
  targets: TargetRepository;
  webhooks: WebhookRepository;
  journeys: JourneyRepository;
  events: EventRepository;
}

/** Repositories plus transactions: everything in `fn` commits or nothing does. */
export interface Store extends Repositories {
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
}

/** Slow password hashing (argon2id in production), kept out of the domain's dependencies. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface ScheduleRepository {
  /**
   * Claims the run of recurring job `name` that is due at `now`: moves its next run to
   * `nextRunAt` and returns true, or returns false when it is not due or another scheduler
   * claimed it first. A schedule seen for the first time is due at once.
   */
  claimDue(name: string, now: number, nextRunAt: number): Promise<boolean>;
}

// Listening: surveys, versions, links, responses.

export interface SurveyRecord {
  workspaceId: string;
  id: string;
  name: string;
  purpose: 'relationship' | 'transactional' | 'employee';
  status: 'draft' | 'published' | 'closed';
  touchpointId: string | null;
  draft: SurveyDefinition;
  publishedVersion: number | null;
  /** Whether the draft was changed after the last publish. */
  draftChanged: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface SurveyVersionRecord {
  workspaceId: string;
  surveyId: string;
  version: number;
  definition: SurveyDefinition;
  publishedAt: number;
  publishedByUserId: string | null;
}

export interface SurveyLinkRecord {
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

export interface ResponseRecord {
  workspaceId: string;
  id: string;
  surveyId: string;
  surveyVersion: number;
  linkId: string | null;
  source: 'page' | 'widget' | 'api' | 'import' | 'email';
  channel: string;
  touchpointId: string | null;
  language: Language;
  status: 'partial' | 'complete';
  submittedAt: number;
  createdAt: number;
  /** The local calendar day of submittedAt in the workspace's time zone. */
  day: string;
  /**
   * Made while testing the survey (its preview, or `test: true` over the API or in an
   * import): stored and listed, but left out of metrics and analyses. Absent means real.
   */
  isTest?: boolean;
}

export interface ResponseFilter {
  surveyId?: string | undefined;
  fromDay?: string | undefined;
  toDay?: string | undefined;
  touchpointId?: string | undefined;
  channel?: string | undefined;
  language?: string | undefined;
  status?: 'partial' | 'complete' | undefined;
  /** Leave test responses out, or list only them; both kinds when absent. */
  test?: 'exclude' | 'only' | undefined;
  /** Responses whose answer to `questionKey` lies in [min, max]. */
  score?: { questionKey: string; min: number; max: number } | undefined;
}

export interface SurveyRepository {
  insert(survey: SurveyRecord): Promise<void>;
  findById(workspaceId: string, id: string): Promise<SurveyRecord | undefined>;
  /** The survey without its draft (intake needs only status and version; the draft can be large). */
  findHeader(workspaceId: string, id: string): Promise<Omit<SurveyRecord, 'draft'> | undefined>;
  list(workspaceId: string): Promise<SurveyRecord[]>;
  update(
    workspaceId: string,
    id: string,
    patch: Partial<Omit<SurveyRecord, 'workspaceId' | 'id' | 'createdAt'>>,
  ): Promise<void>;
  insertVersion(version: SurveyVersionRecord): Promise<void>;
  findVersion(
    workspaceId: string,
    surveyId: string,
    version: number,
  ): Promise<SurveyVersionRecord | undefined>;
  insertLink(link: SurveyLinkRecord): Promise<void>;
  findLink(workspaceId: string, id: string): Promise<SurveyLinkRecord | undefined>;
  /** A link by its public token, across workspaces (the respondent page's entry). */
  findLinkByToken(token: string): Promise<SurveyLinkRecord | undefined>;
  listLinks(workspaceId: string, surveyId: string): Promise<SurveyLinkRecord[]>;
  closeLink(workspaceId: string, id: string, at: number): Promise<void>;
  updateLink(
    workspaceId: string,
    id: string,
    patch: Partial<Pick<SurveyLinkRecord, 'name' | 'touchpointId'>>,
  ): Promise<void>;
}

export interface ResponseRepository {
  /**
   * Inserts a response with its answer rows and the customer attributes known at the time;
   * false when the id exists already (nothing written). Keeps the metric rollups exact.
   */
  insert(
    response: ResponseRecord,
    rows: AnswerRow[],
    attributes?: Readonly<Record<string, string>>,
  ): Promise<boolean>;
  findById(workspaceId: string, id: string): Promise<ResponseRecord | undefined>;
  /** Replaces a partial response's answers and state (a respondent page saving progress). */
  replace(
    response: ResponseRecord,
    rows: AnswerRow[],
    attributes?: Readonly<Record<string, string>>,
  ): Promise<void>;
  answersOf(workspaceId: string, responseIds: string[]): Promise<Map<string, AnswerRow[]>>;
  /** Newest submitted first; `before` is the id of the last row of the previous page. */
  list(
    workspaceId: string,
    filter: ResponseFilter,
    limit: number,
    before?: string,
  ): Promise<ResponseRecord[]>;
  /** Complete responses per survey. */
  countBySurvey(workspaceId: string): Promise<Map<string, number>>;
  /** How many responses carry each attribute key and value, ordered by key. */
  attributeCounts(workspaceId: string): Promise<{ key: string; value: string; count: number }[]>;
}

// Distribution: email invitations, unsubscribes, the contact log.

export interface SurveyInvitationRecord {
  workspaceId: string;
  id: string;
  surveyId: string;
  linkId: string;
  email: string;
  language: Language;
  token: string;
  status: 'scheduled' | 'sent' | 'responded' | 'suppressed' | 'unsubscribed' | 'failed';
  reason: string | null;
  scheduledAt: number;
  sentAt: number | null;
  reminderAt: number | null;
  remindedAt: number | null;
  respondedAt: number | null;
  responseId: string | null;
  /** The latest mail sent for it (the invitation or its reminder). */
  emailId: string | null;
  createdAt: number;
}

export interface DistributionRepository {
  insertInvitation(invitation: SurveyInvitationRecord): Promise<void>;
  findInvitation(workspaceId: string, id: string): Promise<SurveyInvitationRecord | undefined>;
  /** By the personal token in the email's links, across workspaces. */
  findInvitationByToken(token: string): Promise<SurveyInvitationRecord | undefined>;
  /** Newest first, with the delivery state of each one's latest mail. */
  listInvitations(
    workspaceId: string,
    surveyId: string,
  ): Promise<
    (SurveyInvitationRecord & { emailStatus: EmailStatus | null; emailError: string | null })[]
  >;
  /** Emails already invited to the survey (not suppressed), to avoid inviting twice. */
  invitedEmails(workspaceId: string, surveyId: string): Promise<Set<string>>;
  updateInvitation(
    workspaceId: string,
    id: string,
    patch: Partial<Omit<SurveyInvitationRecord, 'workspaceId' | 'id'>>,
  ): Promise<void>;
  isUnsubscribed(workspaceId: string, email: string): Promise<boolean>;
  addUnsubscribe(workspaceId: string, email: string, at: number): Promise<void>;
  /** The latest time this person was asked for feedback, on any channel. */
  lastContactAt(workspaceId: string, personKey: string): Promise<number | null>;
  recordContact(entry: {
    workspaceId: string;
    personKey: string;
    id: string;
    channel: string;
    surveyId: string | null;
    contactedAt: number;
  }): Promise<void>;
}
