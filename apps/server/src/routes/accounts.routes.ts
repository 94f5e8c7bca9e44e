import { DomainError } from '@polku/core';
import type { AppConfig } from '../config.js';
import { clearSessionCookie, setSessionCookie } from '../http/authentication.js';
import { tooManyFailures } from '../http/failure-limit.js';
import type { SignInThrottle } from '../http/login-throttle.js';
import type { RouteHandlers } from '../http/route-table.js';
import type { Services } from '../services.js';

type AccountRoutes =
  | 'getSetupStatus'
  | 'completeSetup'
  | 'login'
  | 'logout'
  | 'getSession'
  | 'updateMe'
  | 'requestPasswordReset'
  | 'confirmPasswordReset'
  | 'getInvitation'
  | 'acceptInvitation';

/** Sign-in, sessions, first-run setup, password reset and joining by invitation. */
export function accountHandlers(
  { auth, invitations }: Services,
  config: AppConfig,
  signIns: SignInThrottle,
): Pick<RouteHandlers, AccountRoutes> {
  const cookie = { secure: config.session.cookieSecure, maxAgeMs: config.session.maxMs };
  return {
    getSetupStatus: async () => ({ needed: await auth.isSetupNeeded() }),

    completeSetup: async ({ body, ip, reply }) => {
      const { token, info } = await auth.completeSetup(body, ip);
      setSessionCookie(reply, token, cookie);
      return info;
    },

    login: async ({ body, ip, reply }) => {
      // Refused before the password is checked, so a slowed pair learns nothing from guessing.
      const wait = signIns.waitMs(body.email, ip);
      if (wait > 0)
        throw tooManyFailures(
          reply,
          wait,
          'Too many failed sign-ins to this account from your address.',
        );
      try {
        const { token, info } = await auth.login(body.email, body.password, ip);
        signIns.recordSuccess(body.email, ip);
        setSessionCookie(reply, token, cookie);
        return info;
      } catch (e) {
        if (e instanceof DomainError && e.code === 'INVALID_CREDENTIALS')
          signIns.recordFailure(body.email, ip);
        throw e;
      }
    },

    logout: async ({ auth: session, ip, reply }) => {
      await auth.logout(session, ip);
      clearSessionCookie(reply);
      return { ok: true as const };
    },

    getSession: ({ auth: session }) => auth.getSessionInfo(session),

    updateMe: ({ auth: session, body }) => auth.updateMe(session.userId, body),

    requestPasswordReset: async ({ body }) => {
      await auth.requestPasswordReset(body.email);
      return { ok: true as const };
    },

    confirmPasswordReset: async ({ body, ip, reply }) => {
      await auth.confirmPasswordReset(body.token, body.password, ip);
      clearSessionCookie(reply);
      return { ok: true as const };
    },

    getInvitation: ({ params }) => invitations.preview(params.token),

    acceptInvitation: async ({ params, body, auth: principal, ip, reply }) => {
      const signedIn = principal.kind === 'session' ? principal.session.userId : null;
      const result = await invitations.accept(params.token, body, signedIn, ip);
      if (result.session) setSessionCookie(reply, result.session.token, cookie);
      return { workspaceId: result.workspaceId };
    },
  };
}
