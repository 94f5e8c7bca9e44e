import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { WorkspaceContext } from '@polku/core';
import type { Runtime } from './runtime.js';

/** A wrong command line: the CLI prints it with the usage and exits 2. */
export class ArgumentError extends Error {}

/** parseArgs, with its complaints turned into ArgumentErrors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  positionals: number,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: boolean }>
> {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
  } catch (e) {
    throw new ArgumentError(e instanceof Error ? e.message : String(e));
  }
  if (parsed.positionals.length > positionals)
    throw new ArgumentError(`unexpected argument "${parsed.positionals[positionals]}"`);
  return parsed;
}

export function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new ArgumentError(`--${name} is required`);
  return value.trim();
}

export function oneOf<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new ArgumentError(`--${name} must be one of ${allowed.join(', ')}`);
}

/**
 * The command line acts in a workspace as its first owner: a person who may do anything there,
 * so the audit trail names someone rather than nobody.
 */
export async function ownerContext(
  runtime: Runtime,
  workspaceId: string,
): Promise<WorkspaceContext> {
  const workspace = await runtime.store.workspaces.findById(workspaceId);
  if (!workspace) throw new ArgumentError(`--workspace: no workspace ${workspaceId}`);
  const members = await runtime.store.memberships.listForWorkspace(workspaceId);
  const owner = members.find((m) => m.role === 'owner');
  if (!owner) throw new ArgumentError(`--workspace: the workspace ${workspaceId} has no owner`);
  return { workspace, actor: { kind: 'user', userId: owner.userId, role: 'owner' }, ip: null };
}
