import type {
  AlertCondition,
  MetricQuery,
  MetricResult,
  MetricSpec,
  TargetPeriod,
  TargetScope,
} from '@polku/contracts';
import type { EmailStatus, WorkspaceRecord } from '../ports.js';

// Records and repository ports of targets and alerts. Instants are epoch milliseconds.

export interface TargetRecord {
  workspaceId: string;
  id: string;
  name: string;
  metric: MetricSpec;
  scope: TargetScope;
  period: TargetPeriod;
  target: number;
  goal: string;
  ownerUserId: string;
  alertOnMiss: boolean;
  alertOnDrop: boolean;
  notifyAdmins: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface WebhookRecord {
  workspaceId: string;
  id: string;
  name: string;
  url: string;
  /** The signing secret itself: an HMAC cannot be checked against a hash of it. */
  secret: string;
  enabled: boolean;
  lastStatus: number | null;
  lastError: string | null;
  lastDeliveryAt: number | null;
  createdAt: number;
}

export interface MetricAlertRecord {
  workspaceId: string;
  id: string;
  targetId: string;
  condition: AlertCondition;
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

export type AlertDeliveryStatus = 'queued' | 'sent' | 'failed';

export interface AlertDeliveryRecord {
  workspaceId: string;
  id: string;
  alertId: string;
  channel: 'email' | 'webhook';
  /** The email address, or the webhook's URL at the time of the alert. */
  recipient: string;
  emailId: string | null;
  webhookId: string | null;
  /** The JSON a webhook receives, fixed when the alert is raised so retries sign the same bytes. */
  body: string | null;
  status: AlertDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

/** An alert with its target's name and its deliveries (email status read from the outbox). */
export interface MetricAlertView extends MetricAlertRecord {
  targetName: string;
  deliveries: (AlertDeliveryRecord & { emailStatus: EmailStatus | null })[];
}

export interface TargetRepository {
  insert(target: TargetRecord): Promise<void>;
  findById(workspaceId: string, id: string): Promise<TargetRecord | undefined>;
  /** Oldest first. */
  list(workspaceId: string): Promise<TargetRecord[]>;
  /** Workspaces that have at least one target (the alert job walks them one by one). */
  workspacesWithTargets(): Promise<string[]>;
  /** Replaces every field but workspaceId, id and createdAt. */
  update(target: TargetRecord): Promise<void>;
  delete(workspaceId: string, id: string): Promise<void>;
  /** Records an alert unless one exists for its target, condition and period: true when new. */
  insertAlertOnce(alert: MetricAlertRecord): Promise<boolean>;
  /** Newest first; `before` is the id of the last alert of the previous page. */
  listAlerts(workspaceId: string, limit: number, before?: string): Promise<MetricAlertView[]>;
  insertDelivery(delivery: AlertDeliveryRecord): Promise<void>;
  findDelivery(workspaceId: string, id: string): Promise<AlertDeliveryRecord | undefined>;
  updateDelivery(
    workspaceId: string,
    id: string,
    patch: Partial<
      Pick<AlertDeliveryRecord, 'status' | 'attempts' | 'responseStatus' | 'error' | 'updatedAt'>
    >,
  ): Promise<void>;
}

export interface WebhookRepository {
  insert(webhook: WebhookRecord): Promise<void>;
  findById(workspaceId: string, id: string): Promise<WebhookRecord | undefined>;
  /** Oldest first. */
  list(workspaceId: string): Promise<WebhookRecord[]>;
  update(
    workspaceId: string,
    id: string,
    patch: Partial<Omit<WebhookRecord, 'workspaceId' | 'id' | 'secret' | 'createdAt'>>,
  ): Promise<void>;
  delete(workspaceId: string, id: string): Promise<void>;
}

/**
 * The metric engine as targets use it (MetricService.query): one home for every figure, so a
 * target's score is exactly the figure the explorer shows.
 */
export interface MetricQueryPort {
  query(
    ctx: { workspace: WorkspaceRecord },
    query: MetricQuery,
    options?: { comparePrevious?: boolean },
  ): Promise<MetricResult>;
}

/** One HTTP POST to a webhook receiver (an adapter with fetch in the server). */
export interface WebhookSender {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number } | { error: string }>;
}
