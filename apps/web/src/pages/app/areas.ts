import type { Permission } from '@polku/contracts';

/** The product areas in the navigation, in order; settings comes last. */
export const productAreas = [
  'journeys',
  'surveys',
  'responses',
  'analytics',
  'customers',
  'cases',
  'actions',
  'reports',
] as const;
export type ProductArea = (typeof productAreas)[number];

/** Permissions that open at least one settings section. */
export const settingsPermissions: readonly Permission[] = [
  'workspace.read',
  'members.read',
  'members.manage',
  'apiKeys.manage',
  'audit.read',
  'outbox.read',
];
