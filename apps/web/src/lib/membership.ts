import { useParams } from 'react-router';
import type { MembershipSummary, Permission } from '@polku/contracts';
import { useSessionQuery } from '../api/session';

/** Whether a membership's role grants a permission. */
export function canDo(membership: MembershipSummary | undefined, permission: Permission): boolean {
  return membership?.permissions.includes(permission) ?? false;
}

/** The id of the workspace in the URL (`/w/:workspaceId/...`). */
export function useWorkspaceId(): string {
  return useParams().workspaceId ?? '';
}

/** The signed-in person's membership of the workspace in the URL, if any. */
export function useCurrentMembership(): MembershipSummary | undefined {
  const workspaceId = useWorkspaceId();
  const session = useSessionQuery();
  return session.data?.memberships.find((m) => m.workspaceId === workspaceId);
}
