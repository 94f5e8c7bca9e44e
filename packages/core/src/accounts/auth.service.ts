import type { Language, SessionInfo, User } from '@polku/contracts';
import type { PasswordHasher, Repositories, SessionRecord, Store, UserRecord } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { hashToken, newSecret } from '../shared/hash-secrets.js';
import { newId } from '../shared/ids.js';
import type { Clock } from '../shared/time.js';
import { passwordResetMail } from '../mail/templates.js';
import { queueEmail } from '../mail/outbox.js';
import { recordAccountAudit, recordAudit } from './audit.js';
import { SESSION_TOUCH_INTERVAL_MS, type AccountsConfig } from './config.js';
import { toMembershipSummary, toUser } from './mappers.js';

export interface AuthDeps {
  store: Store;
  hasher: PasswordHasher;
  clock: Clock;
  config: AccountsConfig;
}

/** A new session: the cookie token (given to the browser once) and its row. */
export interface IssuedSession {
  token: string;
  session: SessionRecord;
}

export interface NewAccount {
  name: string;
  email: string;
  password: string;
  language: Language;
}

/**
 * Who people are and how they prove it: setup, sign-in, sessions and password resets.
 */
export class AuthService {
  /** Verified against when an email is unknown, so a wrong email costs the same time as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly deps: AuthDeps) {}

  async isSetupNeeded(): Promise<boolean> {
    return (await this.deps.store.users.count()) === 0;
  }

  /** Creates the first owner and workspace, only while no account exists, and signs them in. */
  async completeSetup(
    input: NewAccount & { workspaceName: string; timeZone: string },
    ip: string | null,
  ): Promise<IssuedSession & { info: SessionInfo }> {
    const passwordHash = await this.deps.hasher.hash(input.password);
    const now = this.deps.clock.now();
    const issued = await this.deps.store.transaction(async (tx) => {
      if ((await tx.users.count()) > 0) throw new DomainError('SETUP_ALREADY_DONE');
      const user = await insertUser(tx, input, passwordHash, now);
      const workspaceId = newId(now);
      await tx.workspaces.insert({
        id: workspaceId,
        name: input.workspaceName,
        timeZone: input.timeZone,
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: input.language,
        createdAt: now,
      });
      await tx.memberships.insert({ workspaceId, userId: user.id, role: 'owner', createdAt: now });
      await recordAudit(
        tx,
        {
          workspaceId,
          timeZone: input.timeZone,
          action: 'workspace.created',
          actorUserId: user.id,
          target: workspaceId,
          ip,
        },
        now,
      );
      return this.issueSession(tx, user.id, now);
    });
    return { ...issued, info: await this.getSessionInfo(issued.session) };
  }

  /** Creates an account (the `create-admin` command, later an admin screen). */
  async createAccount(input: NewAccount): Promise<User> {
    const passwordHash = await this.deps.hasher.hash(input.password);
    const now = this.deps.clock.now();
    return toUser(
      await this.deps.store.transaction((tx) => insertUser(tx, input, passwordHash, now)),
    );
  }

  /** Signs in with email and password; a new session id every time (no fixation). */
  async login(
    email: string,
    password: string,
    ip: string | null,
  ): Promise<IssuedSession & { info: SessionInfo }> {
    const user = await this.deps.store.users.findByEmail(email);
    const ok = user
      ? await this.deps.hasher.verify(user.passwordHash, password)
      : await this.deps.hasher.verify(await this.getDummyHash(), password).then(() => false);
    const now = this.deps.clock.now();
    if (!user || !ok) {
      if (user) {
        await this.deps.store.transaction((tx) =>
          recordAccountAudit(tx, user.id, 'auth.login_failed', ip, now),
        );
      }
      throw new DomainError('INVALID_CREDENTIALS');
    }
    const issued = await this.deps.store.transaction(async (tx) => {
      await recordAccountAudit(tx, user.id, 'auth.login', ip, now);
      return this.issueSession(tx, user.id, now);
    });
    return { ...issued, info: await this.getSessionInfo(issued.session) };
  }

  /** Ends a session; its cookie stops working at once. */
  async logout(session: SessionRecord, ip: string | null): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      await tx.sessions.delete(session.id);
      await recordAccountAudit(tx, session.userId, 'auth.logout', ip, now);
    });
  }

  /** The session a cookie token belongs to, if it is still valid; slides its idle expiry. */
  async authenticateSession(token: string): Promise<SessionRecord | undefined> {
    const now = this.deps.clock.now();
    const session = await this.deps.store.sessions.findActive(hashToken(token), now);
    if (!session) return undefined;
    if (now - session.lastSeenAt > SESSION_TOUCH_INTERVAL_MS) {
      const expiresAt = Math.min(
        now + this.deps.config.sessionIdleMs,
        session.createdAt + this.deps.config.sessionMaxMs,
      );
      await this.deps.store.sessions.touch(session.id, now, expiresAt);
    }
    return session;
  }

  async getSessionInfo(session: SessionRecord): Promise<SessionInfo> {
    const user = await this.deps.store.users.findById(session.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED');
    const memberships = await this.deps.store.memberships.listForUser(user.id);
    return {
      user: toUser(user),
      memberships: memberships.map(toMembershipSummary),
      csrfToken: session.csrfToken,
      serverTime: this.deps.clock.now(),
    };
  }

  async updateMe(
    userId: string,
    patch: { name?: string | undefined; language?: Language | undefined },
  ): Promise<User> {
    const now = this.deps.clock.now();
    const changes = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.language !== undefined && { language: patch.language }),
    };
    await this.deps.store.users.update(userId, { ...changes, updatedAt: now });
    const user = await this.deps.store.users.findById(userId);
    if (!user) throw new DomainError('NOT_FOUND');
    return toUser(user);
  }

  /**
   * Emails a single-use reset link when the account exists. Answers the same either way, so
   * the endpoint does not tell who has an account.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.deps.store.users.findByEmail(email);
    if (!user) return;
    const now = this.deps.clock.now();
    const token = newSecret();
    const ttl = this.deps.config.passwordResetTtlMs;
    await this.deps.store.transaction(async (tx) => {
      await tx.passwordResets.insert({
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now,
        expiresAt: now + ttl,
        usedAt: null,
      });
      const link = `${this.deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      const mail = passwordResetMail(user.language, {
        name: user.name,
        link,
        expiresInMinutes: Math.round(ttl / 60_000),
      });
      await queueEmail(tx, { ...mail, to: user.email, workspaceId: null }, now);
    });
  }

  /** Sets a new password with a reset token and signs the account out everywhere. */
  async confirmPasswordReset(token: string, password: string, ip: string | null): Promise<void> {
    const now = this.deps.clock.now();
    const reset = await this.deps.store.passwordResets.findByTokenHash(hashToken(token));
    if (!reset || reset.usedAt !== null || reset.expiresAt <= now)
      throw new DomainError('RESET_TOKEN_INVALID');
    const passwordHash = await this.deps.hasher.hash(password);
    await this.deps.store.transaction(async (tx) => {
      if (!(await tx.passwordResets.markUsed(reset.tokenHash, now)))
        throw new DomainError('RESET_TOKEN_INVALID');
      await tx.users.update(reset.userId, { passwordHash, updatedAt: now });
      await tx.sessions.deleteForUser(reset.userId);
      await recordAccountAudit(tx, reset.userId, 'auth.password_reset', ip, now);
    });
  }

  /** Creates a session for a person in the caller's transaction. */
  async issueSession(tx: Repositories, userId: string, now: number): Promise<IssuedSession> {
    const token = newSecret();
    const session: SessionRecord = {
      id: hashToken(token),
      userId,
      csrfToken: newSecret(24),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.deps.config.sessionIdleMs,
    };
    await tx.sessions.insert(session);
    return { token, session };
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= this.deps.hasher.hash(newSecret());
    return this.dummyHash;
  }
}

/** Inserts a new account; the email must be free. */
export async function insertUser(
  tx: Repositories,
  input: Omit<NewAccount, 'password'>,
  passwordHash: string,
  now: number,
): Promise<UserRecord> {
  if (await tx.users.findByEmail(input.email)) throw new DomainError('EMAIL_TAKEN');
  const user: UserRecord = {
    id: newId(now),
    email: input.email,
    name: input.name,
    language: input.language,
    passwordHash,
    createdAt: now,
    updatedAt: now,
  };
  await tx.users.insert(user);
  return user;
}
