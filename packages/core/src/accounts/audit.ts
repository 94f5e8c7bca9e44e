import type { AuditEntry } from '@polku/contracts';
import type { AuditRecord, Page, Repositories } from '../ports.js';
import type { WorkspaceContext } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { localDay } from '../shared/time.js';

/** Security-relevant actions recorded in the audit log. */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_reset'
  | 'workspace.created'
  | 'workspace.updated'
  | 'member.joined'
  | 'member.role_changed'
  | 'member.removed'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'incident.category_created'
  | 'incident.category_updated'
  | 'incident.category_deleted'
  | 'incident.coded'
  | 'incident.uncoded'
  | 'target.created'
  | 'target.updated'
  | 'target.deleted'
  | 'webhook.created'
  | 'webhook.updated'
  | 'webhook.deleted'
  | 'journey.created'
  | 'journey.deleted';

export interface AuditInput {
  workspaceId: string;
  timeZone: string;
  action: AuditAction;
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Writes one audit entry in the caller's transaction. */
export async function recordAudit(tx: Repositories, entry: AuditInput, now: number): Promise<void> {
  await tx.audit.insert({
    workspaceId: entry.workspaceId,
    id: newId(now),
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    actorApiKeyId: entry.actorApiKeyId ?? null,
    target: entry.target ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
    createdAt: now,
    day: localDay(now, entry.timeZone),
  });
}

/** The audit fields that say who acted in a workspace request. */
export function auditActor(ctx: WorkspaceContext) {
  return {
    workspaceId: ctx.workspace.id,
    timeZone: ctx.workspace.timeZone,
    actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    actorApiKeyId: ctx.actor.kind === 'apiKey' ? ctx.actor.apiKeyId : null,
    ip: ctx.ip,
  };
}

/** Records an action on the account of a person in every workspace they belong to. */
export async function recordAccountAudit(
  tx: Repositories,
  userId: string,
  action: AuditAction,
  ip: string | null,
  now: number,
): Promise<void> {
  for (const m of await tx.memberships.listForUser(userId)) {
    const workspace = await tx.workspaces.findById(m.workspaceId);
    if (!workspace) continue;
    await recordAudit(
      tx,
      {
        workspaceId: m.workspaceId,
        timeZone: workspace.timeZone,
        action,
        actorUserId: userId,
        target: userId,
        ip,
      },
      now,
    );
  }
}

export function toAuditEntry(
  r: AuditRecord & { actorLabel: string | null; actorName: string | null },
): AuditEntry {
  return {
    id: r.id,
    action: r.action,
    actor: r.actorLabel,
    actorName: r.actorName,
    target: r.target,
    details: r.details,
    ip: r.ip,
    createdAt: r.createdAt,
  };
}

export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  map: (r: R) => T,
): Page<T> {
  return {
    items: rows.map(map),
    nextBefore: rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null,
  };
}
