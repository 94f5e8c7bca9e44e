import type {
  ApiKey,
  Invitation,
  Member,
  MembershipSummary,
  User,
  Workspace,
} from '@polku/contracts';
import type {
  ApiKeyRecord,
  InvitationRecord,
  MembershipRecord,
  MemberView,
  UserRecord,
  WorkspaceRecord,
} from '../ports.js';
import { rolePermissions } from '../shared/permissions.js';

export function toUser(u: UserRecord): User {
  return { id: u.id, email: u.email, name: u.name, language: u.language, createdAt: u.createdAt };
}

export function toWorkspace(w: WorkspaceRecord): Workspace {
  return {
    id: w.id,
    name: w.name,
    timeZone: w.timeZone,
    languages: w.languages,
    defaultLanguage: w.defaultLanguage,
    contactLimitDays: w.contactLimitDays,
    organisationName: w.organisationName,
    privacyNoticeUrl: w.privacyNoticeUrl,
    createdAt: w.createdAt,
  };
}

export function toMember(m: MemberView): Member {
  return { userId: m.userId, email: m.email, name: m.name, role: m.role, joinedAt: m.createdAt };
}

export function toMembershipSummary(
  m: MembershipRecord & { workspaceName: string },
): MembershipSummary {
  return {
    workspaceId: m.workspaceId,
    workspaceName: m.workspaceName,
    role: m.role,
    permissions: [...rolePermissions[m.role]],
  };
}

export function invitationStatus(i: InvitationRecord, now: number): Invitation['status'] {
  if (i.acceptedAt !== null) return 'accepted';
  if (i.revokedAt !== null) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

export function toInvitation(i: InvitationRecord, invitedBy: string, now: number): Invitation {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    invitedBy,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    status: invitationStatus(i, now),
  };
}

export function toApiKey(k: ApiKeyRecord, createdBy: string): ApiKey {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdBy,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
  };
}
