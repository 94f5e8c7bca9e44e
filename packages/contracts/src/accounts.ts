import { z } from 'zod';
import {
  emailSchema,
  idSchema,
  instantSchema,
  languageSchema,
  nameSchema,
  passwordSchema,
  permissionSchema,
  roleSchema,
  timeZoneSchema,
} from './common.js';

export const userSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    language: languageSchema,
    createdAt: instantSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const membershipSummarySchema = z.object({
  workspaceId: idSchema,
  workspaceName: z.string(),
  role: roleSchema,
  permissions: z.array(permissionSchema),
});
export type MembershipSummary = z.infer<typeof membershipSummarySchema>;

/** Who is signed in, their workspaces, and the CSRF token to send with changes. */
export const sessionInfoSchema = z
  .object({
    user: userSchema,
    memberships: z.array(membershipSummarySchema),
    csrfToken: z.string(),
    /** The server's clock when it answered (epoch ms): the web app's "today" follows the
     * server's, not the browser's, so periods end where the answers are dated. */
    serverTime: z.number().int().nonnegative(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(256),
});

export const setupStatusSchema = z.object({ needed: z.boolean() });

export const setupBodySchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  workspaceName: nameSchema,
  timeZone: timeZoneSchema.default('Europe/Helsinki'),
  language: languageSchema.default('fi'),
});
export type SetupBody = z.input<typeof setupBodySchema>;

export const updateMeBodySchema = z.strictObject({
  name: nameSchema.optional(),
  language: languageSchema.optional(),
});

export const passwordResetRequestBodySchema = z.strictObject({ email: emailSchema });
export const passwordResetConfirmBodySchema = z.strictObject({
  token: z.string().min(16).max(200),
  password: passwordSchema,
});

export const invitationPreviewSchema = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  accountExists: z.boolean(),
  expiresAt: instantSchema,
});

export const acceptInvitationBodySchema = z.strictObject({
  /** Needed only when the invited email has no account yet. */
  name: nameSchema.optional(),
  password: passwordSchema.optional(),
});
export const acceptInvitationResultSchema = z.object({ workspaceId: idSchema });
