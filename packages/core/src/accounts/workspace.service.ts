import type { AuditEntry, Language, Member, OutboxMail, Role, Workspace } from '@polku/contracts';
import type { EmailRecord, Page, Store } from '../ports.js';
import { requireUserActor, type WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { canAssignRole } from '../shared/permissions.js';
import type { Clock } from '../shared/time.js';
import { auditActor, recordAudit, toAuditEntry, toPage } from './audit.js';
import { toMember, toWorkspace } from './mappers.js';

export interface WorkspaceSettings {
  name: string;
  timeZone: string;
  languages: Language[];
  defaultLanguage: Language;
  contactLimitDays?: number | null;
  organisationName?: string | null;
  privacyNoticeUrl?: string | null;
}

/** Workspaces, their members and roles, and what admins read about them (audit log, outbox). */
export class WorkspaceService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** Creates a workspace with `userId` as its owner. */
  async create(userId: string, settings: WorkspaceSettings, ip: string | null): Promise<Workspace> {
    const now = this.deps.clock.now();
    const workspace = {
      id: newId(now),
      contactLimitDays: null,
      organisationName: null,
      privacyNoticeUrl: null,
      ...withDefaultLanguage(settings),
      createdAt: now,
    };
    await this.deps.store.transaction(async (tx) => {
      await tx.workspaces.insert(workspace);
      await tx.memberships.insert({
        workspaceId: workspace.id,
        userId,
        role: 'owner',
        createdAt: now,
      });
      await recordAudit(
        tx,
        {
          workspaceId: workspace.id,
          timeZone: workspace.timeZone,
          action: 'workspace.created',
          actorUserId: userId,
          target: workspace.id,
          ip,
        },
        now,
      );
    });
    return toWorkspace(workspace);
  }

  get(ctx: WorkspaceContext): Workspace {
    return toWorkspace(ctx.workspace);
  }

  async update(ctx: WorkspaceContext, patch: Partial<WorkspaceSettings>): Promise<Workspace> {
    const now = this.deps.clock.now();
    const next = withDefaultLanguage({ ...ctx.workspace, ...stripUndefined(patch) });
    await this.deps.store.transaction(async (tx) => {
      await tx.workspaces.update(ctx.workspace.id, next);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'workspace.updated',
          target: ctx.workspace.id,
          details: stripUndefined(patch),
        },
        now,
      );
    });
    return toWorkspace({ ...ctx.workspace, ...next });
  }

  async listMembers(ctx: WorkspaceContext): Promise<Member[]> {
    return (await this.deps.store.memberships.listForWorkspace(ctx.workspace.id)).map(toMember);
  }

  /** Changes a member's role; only owners make or unmake owners, and one owner always stays. */
  async changeRole(ctx: WorkspaceContext, userId: string, role: Role): Promise<Member> {
    const actor = requireUserActor(ctx);
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const member = await tx.memberships.find(ctx.workspace.id, userId);
      if (!member) throw new DomainError('NOT_FOUND');
      if (!canAssignRole(actor.role, member.role, role))
        throw new DomainError('FORBIDDEN', 'Only an owner can grant or take away ownership.');
      if (member.role === role) return;
      if (member.role === 'owner' && (await tx.memberships.countOwners(ctx.workspace.id)) <= 1)
        throw new DomainError('LAST_OWNER');
      await tx.memberships.updateRole(ctx.workspace.id, userId, role);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'member.role_changed',
          target: userId,
          details: { from: member.role, to: role },
        },
        now,
      );
    });
    const updated = (await this.deps.store.memberships.listForWorkspace(ctx.workspace.id)).find(
      (m) => m.userId === userId,
    );
    if (!updated) throw new DomainError('NOT_FOUND');
    return toMember(updated);
  }

  /** Removes a member; their next request to this workspace is refused. */
  async removeMember(ctx: WorkspaceContext, userId: string): Promise<void> {
    const actor = requireUserActor(ctx);
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const member = await tx.memberships.find(ctx.workspace.id, userId);
      if (!member) throw new DomainError('NOT_FOUND');
      if (member.role === 'owner' && actor.role !== 'owner')
        throw new DomainError('FORBIDDEN', 'Only an owner can remove an owner.');
      if (member.role === 'owner' && (await tx.memberships.countOwners(ctx.workspace.id)) <= 1)
        throw new DomainError('LAST_OWNER');
      await tx.memberships.delete(ctx.workspace.id, userId);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'member.removed',
          target: userId,
          details: { role: member.role },
        },
        now,
      );
    });
  }

  async listAudit(
    ctx: WorkspaceContext,
    limit: number,
    before?: string,
  ): Promise<Page<AuditEntry>> {
    const rows = await this.deps.store.audit.list(ctx.workspace.id, limit, before);
    return toPage(rows, limit, toAuditEntry);
  }

  async listOutbox(
    ctx: WorkspaceContext,
    limit: number,
    before?: string,
  ): Promise<Page<OutboxMail>> {
    const rows = await this.deps.store.emails.listForWorkspace(ctx.workspace.id, limit, before);
    return toPage(rows, limit, toOutboxMail);
  }
}

function toOutboxMail(e: EmailRecord): OutboxMail {
  return {
    id: e.id,
    to: e.to,
    subject: e.subject,
    text: e.text,
    status: e.status,
    error: e.error,
    createdAt: e.createdAt,
    sentAt: e.sentAt,
  };
}

/** The default language must be one the workspace offers; otherwise the first it offers. */
function withDefaultLanguage<T extends WorkspaceSettings>(s: T): T {
  return s.languages.includes(s.defaultLanguage)
    ? s
    : { ...s, defaultLanguage: s.languages[0] ?? 'fi' };
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
