import { z } from 'zod';
import { idSchema, type Permission } from './common.js';
import type { ErrorCode } from './errors.js';

/**
 * Who may call a route:
 * - `public`: anyone (rate limited where it matters);
 * - `session`: a signed-in person;
 * - `workspace`: a member of `:workspaceId` whose role grants `permission`, or an API key of
 *   that workspace whose scopes include it. Checked in one place on the server.
 */
export type Access =
  { kind: 'public' } | { kind: 'session' } | { kind: 'workspace'; permission: Permission };

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** Fastify-style path with `:params`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status of a successful response. */
  status: 200 | 201 | 202;
  response: z.ZodType;
  /** Per client IP: every request counts. */
  rateLimit?: { max: number; windowMs: number };
  /**
   * Per client IP, counting only the requests refused with one of `codes` (a wrong password, a
   * guessed link): someone who succeeds never uses it up, so a whole office behind one address
   * can sign in or accept its invitations. A public route with a failure limit has no
   * per-request limit unless it also names `rateLimit`.
   */
  failureLimit?: { codes: readonly ErrorCode[]; max: number; windowMs: number };
}

/** Declares a route, keeping its exact type for the typed client and the server. */
export const defineRoute = <const R extends RouteDef>(route: R): R => route;

/** The path prefix of a workspace's resources. */
export const ws = '/api/v1/workspaces/:workspaceId';
export const workspaceParams = z.object({ workspaceId: idSchema });
export const tokenParams = z.object({ token: z.string().min(16).max(200) });
export const FIFTEEN_MINUTES = 15 * 60_000;
export const ONE_HOUR = 60 * 60_000;
