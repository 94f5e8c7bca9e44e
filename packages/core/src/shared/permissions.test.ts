import { describe, expect, it } from 'vitest';
import { canApiKey, canAssignRole, canRole } from './permissions.js';

describe('roles and permissions', () => {
  it('lets admins and owners manage people, and nobody below them', () => {
    expect(canRole('owner', 'members.manage')).toBe(true);
    expect(canRole('admin', 'members.manage')).toBe(true);
    for (const role of ['analyst', 'agent', 'viewer'] as const) {
      expect(canRole(role, 'members.manage')).toBe(false);
      expect(canRole(role, 'apiKeys.manage')).toBe(false);
      expect(canRole(role, 'workspace.read')).toBe(true);
    }
  });

  it('keeps ownership in owners’ hands', () => {
    expect(canAssignRole('owner', 'viewer', 'owner')).toBe(true);
    expect(canAssignRole('owner', 'owner', 'admin')).toBe(true);
    expect(canAssignRole('admin', 'viewer', 'owner')).toBe(false);
    expect(canAssignRole('admin', 'owner', 'viewer')).toBe(false);
    expect(canAssignRole('admin', 'viewer', 'admin')).toBe(true);
    expect(canAssignRole('analyst', 'viewer', 'agent')).toBe(false);
  });

  it('gives an API key exactly its scopes', () => {
    expect(canApiKey(['workspace.read'], 'workspace.read')).toBe(true);
    expect(canApiKey(['workspace.read'], 'members.read')).toBe(false);
    expect(canApiKey(['workspace.read', 'members.read'], 'members.manage')).toBe(false);
  });
});
