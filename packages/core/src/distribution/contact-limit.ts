import type { Repositories, WorkspaceRecord } from '../ports.js';
import { DAY, localDay } from '../shared/time.js';

/**
 * Why a person may not be asked for feedback now, or null when they may: unsubscribed, or
 * asked within the workspace's contact-frequency limit on any channel. One rule for every
 * channel that asks (invitations now, identified widget prompts and messages later).
 */
export async function whyNotContact(
  repos: Repositories,
  workspace: WorkspaceRecord,
  email: string,
  now: number,
): Promise<string | null> {
  if (await repos.distribution.isUnsubscribed(workspace.id, email)) return 'unsubscribed';
  if (workspace.contactLimitDays) {
    const last = await repos.distribution.lastContactAt(workspace.id, email);
    if (last !== null && now - last < workspace.contactLimitDays * DAY) {
      return `asked on ${localDay(last, workspace.timeZone)}; the limit is one survey per ${workspace.contactLimitDays} days`;
    }
  }
  return null;
}
