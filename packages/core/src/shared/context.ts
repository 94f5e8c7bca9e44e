import type { ApiKeyScope, Role } from '@polku/contracts';
import type { WorkspaceRecord } from '../ports.js';
import { DomainError } from './errors.js';

/** Who is acting: a signed-in member, or an integration holding an API key. */
export type Actor =
  | { kind: 'user'; userId: string; role: Role }
  | { kind: 'apiKey'; apiKeyId: string; scopes: ApiKeyScope[] };

/** A request inside one workspace, after the access check has passed. */
export interface WorkspaceContext {
  workspace: WorkspaceRecord;
  actor: Actor;
  ip: string | null;
}

/** The acting member, for actions only a person may take (API keys are never enough). */
export function requireUserActor(ctx: WorkspaceContext): Extract<Actor, { kind: 'user' }> {
  if (ctx.actor.kind !== 'user')
    throw new DomainError('FORBIDDEN', 'Only a signed-in member can do this.');
  return ctx.actor;
}
