import type { ApiKeyScope, Language, Role } from '@polku/contracts';
import type {
  ApiKeyRecord,
  ApiKeyRepository,
  AuditRepository,
  InvitationRecord,
  InvitationRepository,
} from '@polku/core';
import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database, InvitationsTable } from '../schema.js';

const toInvitation = (r: Selectable<InvitationsTable>): InvitationRecord => ({
  ...r,
  role: r.role as Role,
  language: r.language as Language,
});

const toApiKey = (r: Selectable<ApiKeysTable>): ApiKeyRecord => ({
  ...r,
  scopes: JSON.parse(r.scopes) as ApiKeyScope[],
});

export function createInvitationRepository(db: Kysely<Database>): InvitationRepository {
  return {
    async insert(i) {
      await db.insertInto('invitations').values(i).execute();
    },
    async findById(workspaceId, id) {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async listForWorkspace(workspaceId) {
      const rows = await db
        .selectFrom('invitations as i')
        .leftJoin('users as u', 'u.id', 'i.invitedByUserId')
        .selectAll('i')
        .select('u.email as invitedByLabel')
        .where('i.workspaceId', '=', workspaceId)
        .orderBy('i.id', 'desc')
        .execute();
      return rows.map((r) => ({ ...toInvitation(r), invitedByLabel: r.invitedByLabel ?? '' }));
    },
    async markAccepted(workspaceId, id, at) {
      await db
        .updateTable('invitations')
        .set({ acceptedAt: at })
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async markRevoked(workspaceId, id, at) {
      await db
        .updateTable('invitations')
        .set({ revokedAt: at })
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}

export function createApiKeyRepository(db: Kysely<Database>): ApiKeyRepository {
  return {
    async insert(k) {
      await db
        .insertInto('apiKeys')
        .values({ ...k, scopes: JSON.stringify(k.scopes) })
        .execute();
    },
    async findBySecretHash(secretHash) {
      const row = await db
        .selectFrom('apiKeys')
        .selectAll()
        .where('secretHash', '=', secretHash)
        .executeTakeFirst();
      return row && toApiKey(row);
    },
    async findById(workspaceId, id) {
      const row = await db
        .selectFrom('apiKeys')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toApiKey(row);
    },
    async listForWorkspace(workspaceId) {
      const rows = await db
        .selectFrom('apiKeys as k')
        .leftJoin('users as u', 'u.id', 'k.createdByUserId')
        .selectAll('k')
        .select('u.email as createdByLabel')
        .where('k.workspaceId', '=', workspaceId)
        .orderBy('k.id', 'desc')
        .execute();
      return rows.map((r) => ({ ...toApiKey(r), createdByLabel: r.createdByLabel ?? '' }));
    },
    async markUsed(workspaceId, id, at) {
      await db
        .updateTable('apiKeys')
        .set({ lastUsedAt: at })
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async markRevoked(workspaceId, id, at) {
      await db
        .updateTable('apiKeys')
        .set({ revokedAt: at })
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}

export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async insert(entry) {
      await db
        .insertInto('auditLog')
        .values({ ...entry, details: JSON.stringify(entry.details) })
        .execute();
    },
    async list(workspaceId, limit, before) {
      let q = db
        .selectFrom('auditLog as a')
        .leftJoin('users as u', 'u.id', 'a.actorUserId')
        .leftJoin('apiKeys as k', (j) =>
          j.onRef('k.workspaceId', '=', 'a.workspaceId').onRef('k.id', '=', 'a.actorApiKeyId'),
        )
        .selectAll('a')
        .select(['u.email as userEmail', 'u.name as userName', 'k.name as keyName'])
        .where('a.workspaceId', '=', workspaceId);
      if (before) q = q.where('a.id', '<', before);
      const rows = await q.orderBy('a.id', 'desc').limit(limit).execute();
      return rows.map(({ userEmail, userName, keyName, ...r }) => ({
        ...r,
        details: JSON.parse(r.details) as Record<string, unknown>,
        actorLabel: userEmail ?? (keyName ? `API: ${keyName}` : null),
        actorName: userName ?? (keyName ? `API: ${keyName}` : null),
      }));
    },
  };
}
