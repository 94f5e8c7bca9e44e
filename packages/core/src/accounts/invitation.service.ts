import type { Invitation, Language, Role } from '@polku/contracts';
import type { PasswordHasher, Store } from '../ports.js';
import { queueEmail } from '../mail/outbox.js';
import { invitationMail } from '../mail/templates.js';
import { requireUserActor, type WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { hashToken, newSecret } from '../shared/hash-secrets.js';
import { newId } from '../shared/ids.js';
import { canAssignRole } from '../shared/permissions.js';
import { DAY, type Clock } from '../shared/time.js';
import { auditActor, recordAudit } from './audit.js';
import { insertUser, type AuthService, type IssuedSession } from './auth.service.js';
import type { AccountsConfig } from './config.js';
import { invitationStatus, toInvitation } from './mappers.js';

export interface InvitationDeps {
  store: Store;
  clock: Clock;
  hasher: PasswordHasher;
  config: AccountsConfig;
  auth: AuthService;
}

/** Inviting people by email and letting them join. */
export class InvitationService {
  constructor(private readonly deps: InvitationDeps) {}

  /** Invites `email` with `role`; a pending invitation to the same address is replaced. */
  async create(
    ctx: WorkspaceContext,
    input: { email: string; role: Role; language?: Language | undefined },
  ): Promise<Invitation> {
    const actor = requireUserActor(ctx);
    if (!canAssignRole(actor.role, input.role, input.role))
      throw new DomainError('FORBIDDEN', 'Only an owner can invite an owner.');
    const now = this.deps.clock.now();
    const token = newSecret();
    const ws = ctx.workspace;
    const language = input.language ?? ws.defaultLanguage;
    const invitation = {
      workspaceId: ws.id,
      id: newId(now),
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      language,
      invitedByUserId: actor.userId,
      createdAt: now,
      expiresAt: now + this.deps.config.invitationTtlMs,
      acceptedAt: null,
      revokedAt: null,
    };
    const inviter = await this.deps.store.users.findById(actor.userId);
    await this.deps.store.transaction(async (tx) => {
      const existingUser = await tx.users.findByEmail(input.email);
      if (existingUser && (await tx.memberships.find(ws.id, existingUser.id)))
        throw new DomainError('ALREADY_MEMBER');
      for (const earlier of await tx.invitations.listForWorkspace(ws.id)) {
        if (earlier.email === input.email && invitationStatus(earlier, now) === 'pending') {
          await tx.invitations.markRevoked(ws.id, earlier.id, now);
        }
      }
      await tx.invitations.insert(invitation);
      const mail = invitationMail(language, {
        workspaceName: ws.name,
        inviterName: inviter?.name ?? '',
        role: input.role,
        link: `${this.deps.config.publicUrl}/invite/${encodeURIComponent(token)}`,
        expiresInDays: Math.round(this.deps.config.invitationTtlMs / DAY),
      });
      await queueEmail(tx, { ...mail, to: input.email, workspaceId: ws.id }, now);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'invitation.created',
          target: input.email,
          details: { role: input.role },
        },
        now,
      );
    });
    return toInvitation(invitation, inviter?.email ?? '', now);
  }

  async list(ctx: WorkspaceContext): Promise<Invitation[]> {
    const now = this.deps.clock.now();
    const rows = await this.deps.store.invitations.listForWorkspace(ctx.workspace.id);
    return rows.map((r) => toInvitation(r, r.invitedByLabel, now));
  }

  async revoke(ctx: WorkspaceContext, invitationId: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const invitation = await tx.invitations.findById(ctx.workspace.id, invitationId);
      if (!invitation) throw new DomainError('NOT_FOUND');
      if (invitationStatus(invitation, now) !== 'pending') return;
      await tx.invitations.markRevoked(ctx.workspace.id, invitationId, now);
      await recordAudit(
        tx,
        { ...auditActor(ctx), action: 'invitation.revoked', target: invitation.email },
        now,
      );
    });
  }

  /** What an invitation link offers, for the page that accepts it. */
  async preview(token: string) {
    const { invitation, workspace } = await this.findPending(token);
    const inviter = await this.deps.store.users.findById(invitation.invitedByUserId);
    const account = await this.deps.store.users.findByEmail(invitation.email);
    return {
      workspaceName: workspace.name,
      email: invitation.email,
      role: invitation.role,
      invitedBy: inviter?.name ?? '',
      accountExists: account !== undefined,
      expiresAt: invitation.expiresAt,
    };
  }

  /**
   * Joins the invited workspace. A signed-in person must be the invited address; someone with
   * no account gives a name and password and is signed in with a new session.
   */
  async accept(
    token: string,
    input: { name?: string | undefined; password?: string | undefined },
    signedInUserId: string | null,
    ip: string | null,
  ): Promise<{ workspaceId: string; session: IssuedSession | null }> {
    const { invitation, workspace } = await this.findPending(token);
    const now = this.deps.clock.now();
    const existing = await this.deps.store.users.findByEmail(invitation.email);
    if (signedInUserId && existing?.id !== signedInUserId)
      throw new DomainError('INVITATION_EMAIL_MISMATCH');
    if (!signedInUserId && existing)
      throw new DomainError('UNAUTHENTICATED', 'Sign in as the invited person to accept.');
    if (!existing && (!input.name || !input.password)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'A name and a password are needed to create the account.',
        [
          ...(input.name ? [] : [{ path: 'name', message: 'required' }]),
          ...(input.password ? [] : [{ path: 'password', message: 'required' }]),
        ],
      );
    }
    const passwordHash =
      existing || !input.password ? null : await this.deps.hasher.hash(input.password);
    return this.deps.store.transaction(async (tx) => {
      const fresh = await tx.invitations.findById(workspace.id, invitation.id);
      if (!fresh || invitationStatus(fresh, now) !== 'pending')
        throw new DomainError('INVITATION_INVALID');
      const user =
        existing ??
        (await insertUser(
          tx,
          { name: input.name ?? '', email: invitation.email, language: invitation.language },
          passwordHash ?? '',
          now,
        ));
      if (!(await tx.memberships.find(workspace.id, user.id))) {
        await tx.memberships.insert({
          workspaceId: workspace.id,
          userId: user.id,
          role: invitation.role,
          createdAt: now,
        });
      }
      await tx.invitations.markAccepted(workspace.id, invitation.id, now);
      await recordAudit(
        tx,
        {
          workspaceId: workspace.id,
          timeZone: workspace.timeZone,
          action: 'member.joined',
          actorUserId: user.id,
          target: user.id,
          details: { role: invitation.role },
          ip,
        },
        now,
      );
      const session = existing ? null : await this.deps.auth.issueSession(tx, user.id, now);
      return { workspaceId: workspace.id, session };
    });
  }

  private async findPending(token: string) {
    const invitation = await this.deps.store.invitations.findByTokenHash(hashToken(token));
    const now = this.deps.clock.now();
    if (!invitation || invitationStatus(invitation, now) !== 'pending')
      throw new DomainError('INVITATION_INVALID');
    const workspace = await this.deps.store.workspaces.findById(invitation.workspaceId);
    if (!workspace) throw new DomainError('INVITATION_INVALID');
    return { invitation, workspace };
  }
}
