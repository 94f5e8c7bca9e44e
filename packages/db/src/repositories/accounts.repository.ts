import type { Language, Role } from '@polku/contracts';
import type {
  MembershipRepository,
  PasswordResetRepository,
  SessionRepository,
  UserRepository,
  UserRecord,
  WorkspaceRecord,
  WorkspaceRepository,
} from '@polku/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable, WorkspacesTable } from '../schema.js';

const toUser = (r: Selectable<UsersTable>): UserRecord => ({
  ...r,
  language: r.language as Language,
});

const toWorkspace = (r: Selectable<WorkspacesTable>): WorkspaceRecord => ({
  ...r,
  languages: JSON.parse(r.languages) as Language[],
  defaultLanguage: r.defaultLanguage as Language,
});

export function createUserRepository(db: Kysely<Database>): UserRepository {
  return {
    async insert(user) {
      await db.insertInto('users').values(user).execute();
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async findByEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      return row && toUser(row);
    },
    async update(id, patch) {
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
    },
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async insert(session) {
      await db.insertInto('sessions').values(session).execute();
    },
    async findActive(id, now) {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expiresAt', '>', now)
        .executeTakeFirst();
    },
    async touch(id, lastSeenAt, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ lastSeenAt, expiresAt })
        .where('id', '=', id)
        .execute();
    },
    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteForUser(userId) {
      await db.deleteFrom('sessions').where('userId', '=', userId).execute();
    },
    async deleteExpired(now) {
      const r = await db.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export function createWorkspaceRepository(db: Kysely<Database>): WorkspaceRepository {
  return {
    async insert(w) {
      await db
        .insertInto('workspaces')
        .values({ ...w, languages: JSON.stringify(w.languages) })
        .execute();
    },
    async findById(id) {
      const row = await db
        .selectFrom('workspaces')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toWorkspace(row);
    },
    async findByName(name) {
      const rows = await db
        .selectFrom('workspaces')
        .selectAll()
        .where('name', '=', name)
        .orderBy('id')
        .execute();
      return rows.map(toWorkspace);
    },
    async update(id, patch) {
      const { languages, ...rest } = patch;
      await db
        .updateTable('workspaces')
        .set({ ...rest, ...(languages && { languages: JSON.stringify(languages) }) })
        .where('id', '=', id)
        .execute();
    },
  };
}

export function createMembershipRepository(db: Kysely<Database>): MembershipRepository {
  return {
    async insert(m) {
      await db.insertInto('memberships').values(m).execute();
    },
    async find(workspaceId, userId) {
      const row = await db
        .selectFrom('memberships')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('userId', '=', userId)
        .executeTakeFirst();
      return row && { ...row, role: row.role as Role };
    },
    async listForWorkspace(workspaceId) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.userId')
        .select(['m.workspaceId', 'm.userId', 'm.role', 'm.createdAt', 'u.email', 'u.name'])
        .where('m.workspaceId', '=', workspaceId)
        .orderBy('u.name')
        .execute();
      return rows.map((r) => ({ ...r, role: r.role as Role }));
    },
    async listForUser(userId) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('workspaces as w', 'w.id', 'm.workspaceId')
        .select(['m.workspaceId', 'm.userId', 'm.role', 'm.createdAt', 'w.name as workspaceName'])
        .where('m.userId', '=', userId)
        .orderBy('w.name')
        .execute();
      return rows.map((r) => ({ ...r, role: r.role as Role }));
    },
    async updateRole(workspaceId, userId, role) {
      await db
        .updateTable('memberships')
        .set({ role })
        .where('workspaceId', '=', workspaceId)
        .where('userId', '=', userId)
        .execute();
    },
    async delete(workspaceId, userId) {
      await db
        .deleteFrom('memberships')
        .where('workspaceId', '=', workspaceId)
        .where('userId', '=', userId)
        .execute();
    },
    async countOwners(workspaceId) {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspaceId', '=', workspaceId)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export function createPasswordResetRepository(db: Kysely<Database>): PasswordResetRepository {
  return {
    async insert(reset) {
      await db.insertInto('passwordResets').values(reset).execute();
    },
    async findByTokenHash(tokenHash) {
      return db
        .selectFrom('passwordResets')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
    },
    async markUsed(tokenHash, at) {
      const r = await db
        .updateTable('passwordResets')
        .set({ usedAt: at })
        .where('tokenHash', '=', tokenHash)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
