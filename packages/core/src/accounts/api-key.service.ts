import type { ApiKey, ApiKeyScope } from '@polku/contracts';
import type { ApiKeyRecord, Store } from '../ports.js';
import { requireUserActor, type WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { hashToken, newSecret } from '../shared/hash-secrets.js';
import { newId } from '../shared/ids.js';
import { MINUTE, type Clock } from '../shared/time.js';
import { auditActor, recordAudit } from './audit.js';
import { toApiKey } from './mappers.js';

/** Every key starts with this, so a leaked key is recognisable (and secret scanners can match it). */
export const API_KEY_PREFIX = 'polku_';

/** API keys for integrations: random, stored hashed, shown once, with scopes. */
export class ApiKeyService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  async create(
    ctx: WorkspaceContext,
    input: { name: string; scopes: ApiKeyScope[] },
  ): Promise<{ apiKey: ApiKey; secret: string }> {
    const actor = requireUserActor(ctx);
    const now = this.deps.clock.now();
    const secret = API_KEY_PREFIX + newSecret(32);
    const key: ApiKeyRecord = {
      workspaceId: ctx.workspace.id,
      id: newId(now),
      name: input.name,
      prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
      secretHash: hashToken(secret),
      scopes: [...new Set(input.scopes)],
      createdByUserId: actor.userId,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.deps.store.transaction(async (tx) => {
      await tx.apiKeys.insert(key);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'api_key.created',
          target: key.id,
          details: { name: key.name, scopes: key.scopes },
        },
        now,
      );
    });
    const creator = await this.deps.store.users.findById(actor.userId);
    return { apiKey: toApiKey(key, creator?.email ?? ''), secret };
  }

  async list(ctx: WorkspaceContext): Promise<ApiKey[]> {
    const rows = await this.deps.store.apiKeys.listForWorkspace(ctx.workspace.id);
    return rows.map((r) => toApiKey(r, r.createdByLabel));
  }

  async revoke(ctx: WorkspaceContext, apiKeyId: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const key = await tx.apiKeys.findById(ctx.workspace.id, apiKeyId);
      if (!key) throw new DomainError('NOT_FOUND');
      if (key.revokedAt !== null) return;
      await tx.apiKeys.markRevoked(ctx.workspace.id, apiKeyId, now);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'api_key.revoked',
          target: key.id,
          details: { name: key.name },
        },
        now,
      );
    });
  }

  /** The live key a bearer secret names, if any; records use at most once a minute. */
  async authenticate(secret: string): Promise<ApiKeyRecord | undefined> {
    if (!secret.startsWith(API_KEY_PREFIX)) return undefined;
    const key = await this.deps.store.apiKeys.findBySecretHash(hashToken(secret));
    if (!key || key.revokedAt !== null) return undefined;
    const now = this.deps.clock.now();
    if (key.lastUsedAt === null || now - key.lastUsedAt > MINUTE) {
      await this.deps.store.apiKeys.markUsed(key.workspaceId, key.id, now);
    }
    return key;
  }
}
