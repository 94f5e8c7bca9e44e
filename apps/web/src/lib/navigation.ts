import type { SessionInfo } from '@polku/contracts';

/** Where a signed-in person starts: their first workspace, or the "no workspaces" page. */
export function homePathOf(session: SessionInfo): string {
  const first = session.memberships[0];
  return first ? `/w/${first.workspaceId}` : '/welcome';
}

/** A same-site path to return to after signing in; anything else is ignored. */
export function safeNextPath(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

/** The /login address that brings the person back to `path` afterwards. */
export function loginPathFor(path: string): string {
  return path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}
