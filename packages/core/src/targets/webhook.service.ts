import type { Webhook } from '@polku/contracts';
import { auditActor, recordAudit } from '../accounts/audit.js';
import type { WebhookDeliverPayload } from '../jobs/job-kinds.js';
import type { Store } from '../ports.js';
import { requireUserActor, type WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newSecret } from '../shared/hash-secrets.js';
import { newId } from '../shared/ids.js';
import type { Clock } from '../shared/time.js';
import type { WebhookRecord, WebhookSender } from './ports.js';
import { webhookHeaders } from './signature.js';

/** Every secret starts with this, so a leaked one is recognisable. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
// Cloud metadata services live on link-local addresses: never a webhook target.
const LINK_LOCAL = /^(169\.254(\.\d{1,3}){2}|\[fe80:[^\]]*\])$/i;

/**
 * Why a webhook URL is refused, or null when it is allowed: https only, never a link-local
 * address, and this machine (http or https) only when the server allows it (development and
 * tests: POLKU_WEBHOOKS_ALLOW_LOOPBACK). Host names are not resolved here.
 */
export function webhookUrlProblem(url: string, allowLoopback: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.username || parsed.password) return 'a webhook URL must not carry a user or password';
  const host = parsed.hostname;
  if (LINK_LOCAL.test(host)) return 'link-local addresses are not allowed';
  if (LOOPBACK.test(host)) {
    if (!allowLoopback) return 'this server does not send webhooks to itself (localhost)';
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : 'use http or https';
  }
  return parsed.protocol === 'https:' ? null : 'a webhook URL must use https';
}

/** Alert webhooks: CRUD (secret shown once), a test delivery, and the delivery job. */
export class WebhookService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      sender: WebhookSender;
      allowLoopback: boolean;
    },
  ) {}

  async list(ctx: WorkspaceContext): Promise<Webhook[]> {
    return (await this.deps.store.webhooks.list(ctx.workspace.id)).map(toWebhook);
  }

  async create(
    ctx: WorkspaceContext,
    input: { name: string; url: string; enabled?: boolean | undefined },
  ): Promise<{ webhook: Webhook; secret: string }> {
    requireUserActor(ctx);
    this.checkUrl(input.url);
    const now = this.deps.clock.now();
    const secret = WEBHOOK_SECRET_PREFIX + newSecret(32);
    const record: WebhookRecord = {
      workspaceId: ctx.workspace.id,
      id: newId(now),
      name: input.name,
      url: input.url,
      secret,
      enabled: input.enabled ?? true,
      lastStatus: null,
      lastError: null,
      lastDeliveryAt: null,
      createdAt: now,
    };
    await this.deps.store.transaction(async (tx) => {
      await tx.webhooks.insert(record);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'webhook.created',
          target: record.id,
          details: { name: record.name, url: record.url },
        },
        now,
      );
    });
    return { webhook: toWebhook(record), secret };
  }

  async update(
    ctx: WorkspaceContext,
    id: string,
    patch: { name?: string | undefined; url?: string | undefined; enabled?: boolean | undefined },
  ): Promise<Webhook> {
    if (patch.url !== undefined) this.checkUrl(patch.url);
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      const existing = await tx.webhooks.findById(ctx.workspace.id, id);
      if (!existing) throw new DomainError('NOT_FOUND');
      const changes = Object.fromEntries(
        Object.entries(patch).filter(([, v]) => v !== undefined),
      ) as Partial<WebhookRecord>;
      await tx.webhooks.update(ctx.workspace.id, id, changes);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'webhook.updated',
          target: id,
          details: { name: changes.name ?? existing.name, fields: Object.keys(changes) },
        },
        now,
      );
      return toWebhook({ ...existing, ...changes });
    });
  }

  async delete(ctx: WorkspaceContext, id: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const existing = await tx.webhooks.findById(ctx.workspace.id, id);
      if (!existing) throw new DomainError('NOT_FOUND');
      await tx.webhooks.delete(ctx.workspace.id, id);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'webhook.deleted',
          target: id,
          details: { name: existing.name },
        },
        now,
      );
    });
  }

  /** Sends a signed `webhook.test` event now and says what the receiver answered. */
  async test(
    ctx: WorkspaceContext,
    id: string,
  ): Promise<{ delivered: boolean; status: number | null; error: string | null }> {
    const webhook = await this.deps.store.webhooks.findById(ctx.workspace.id, id);
    if (!webhook) throw new DomainError('NOT_FOUND');
    this.checkUrl(webhook.url);
    const now = this.deps.clock.now();
    const body = JSON.stringify({
      type: 'webhook.test',
      id: newId(now),
      workspaceId: ctx.workspace.id,
      createdAt: new Date(now).toISOString(),
    });
    const outcome = await this.post(webhook, body);
    return { delivered: outcome.ok, status: outcome.status, error: outcome.error };
  }

  /**
   * The `webhook.deliver` job: POSTs the alert's stored body, freshly timestamped and signed.
   * A non-2xx answer or a network failure throws, so the job queue retries with backoff; a
   * delivery already sent, or whose webhook is gone or disabled, is settled without a request.
   */
  async deliver(payload: WebhookDeliverPayload): Promise<void> {
    const { store } = this.deps;
    const delivery = await store.targets.findDelivery(payload.workspaceId, payload.deliveryId);
    if (!delivery || delivery.status !== 'queued' || delivery.body === null) return;
    const webhook = delivery.webhookId
      ? await store.webhooks.findById(payload.workspaceId, delivery.webhookId)
      : undefined;
    const settle = (error: string) =>
      store.targets.updateDelivery(payload.workspaceId, delivery.id, {
        status: 'failed',
        error,
        updatedAt: this.deps.clock.now(),
      });
    if (!webhook) return settle('the webhook was removed');
    if (!webhook.enabled) return settle('the webhook is disabled');
    const problem = webhookUrlProblem(webhook.url, this.deps.allowLoopback);
    if (problem) return settle(problem);
    const outcome = await this.post(webhook, delivery.body);
    await store.targets.updateDelivery(payload.workspaceId, delivery.id, {
      status: outcome.ok ? 'sent' : 'queued',
      attempts: delivery.attempts + 1,
      responseStatus: outcome.status,
      error: outcome.error,
      updatedAt: this.deps.clock.now(),
    });
    if (!outcome.ok) throw new Error(`webhook delivery failed: ${outcome.error ?? 'no answer'}`);
  }

  /** After the last retry: the delivery has failed for good. */
  async deliveryFailed(payload: WebhookDeliverPayload, error: string): Promise<void> {
    await this.deps.store.targets.updateDelivery(payload.workspaceId, payload.deliveryId, {
      status: 'failed',
      error,
      updatedAt: this.deps.clock.now(),
    });
  }

  private async post(
    webhook: WebhookRecord,
    body: string,
  ): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    const now = this.deps.clock.now();
    const answer = await this.deps.sender.post(
      webhook.url,
      webhookHeaders(webhook.secret, body, now),
      body,
    );
    const outcome =
      'status' in answer
        ? {
            ok: answer.status >= 200 && answer.status < 300,
            status: answer.status,
            error: answer.status >= 200 && answer.status < 300 ? null : `HTTP ${answer.status}`,
          }
        : { ok: false, status: null, error: answer.error };
    await this.deps.store.webhooks.update(webhook.workspaceId, webhook.id, {
      lastStatus: outcome.status,
      lastError: outcome.error,
      lastDeliveryAt: now,
    });
    return outcome;
  }

  private checkUrl(url: string): void {
    const problem = webhookUrlProblem(url, this.deps.allowLoopback);
    if (problem)
      throw new DomainError('VALIDATION_FAILED', undefined, [
        { path: 'body.url', message: problem },
      ]);
  }
}

function toWebhook(r: WebhookRecord): Webhook {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    enabled: r.enabled,
    secretPrefix: r.secret.slice(0, WEBHOOK_SECRET_PREFIX.length + 4),
    lastStatus: r.lastStatus,
    lastError: r.lastError,
    lastDeliveryAt: r.lastDeliveryAt,
    createdAt: r.createdAt,
  };
}
