import { DAY, HOUR, MINUTE } from '../shared/time.js';

/** The account rules a deployment may tune; defaults are what most installations want. */
export interface AccountsConfig {
  /** Where people open links from email, e.g. https://polku.example.fi */
  publicUrl: string;
  /** A session ends after this long without use… */
  sessionIdleMs: number;
  /** …and after this long in any case. */
  sessionMaxMs: number;
  invitationTtlMs: number;
  passwordResetTtlMs: number;
}

export const defaultAccountsConfig: Omit<AccountsConfig, 'publicUrl'> = {
  sessionIdleMs: 7 * DAY,
  sessionMaxMs: 30 * DAY,
  invitationTtlMs: 7 * DAY,
  passwordResetTtlMs: HOUR,
};

/** How often a session's last-seen time is written (not on every request). */
export const SESSION_TOUCH_INTERVAL_MS = 5 * MINUTE;
