import type { AuditEntry, Member } from '@polku/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const roles = ['owner', 'admin', 'analyst', 'agent', 'viewer'] as const;
/** The actions this version has words for (core's AuditAction). */
const actions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_reset',
  'workspace.created',
  'workspace.updated',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'invitation.created',
  'invitation.revoked',
  'api_key.created',
  'api_key.revoked',
  'incident.category_created',
  'incident.category_updated',
  'incident.category_deleted',
  'incident.coded',
  'incident.uncoded',
  'target.created',
  'target.updated',
  'target.deleted',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'journey.created',
  'journey.deleted',
] as const;
type Action = (typeof actions)[number];
const isAction = (a: string): a is Action => (actions as readonly string[]).includes(a);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * An audit entry as a sentence in the UI language ("Maija Meikäläinen kirjautui sisään"): who
 * by name, what by the action's own words, and the thing acted on by its name (a member by
 * their name, an invitation by its address, a target or webhook by the name it had). An action
 * this version has no words for (recorded by a newer one) still reads "who: action".
 */
export function useAuditSentence(members: readonly Member[]) {
  const { t } = useTranslation();
  return auditSentence(t, members);
}

/** The sentence maker of `useAuditSentence`, with the language's `t` given (for tests). */
export function auditSentence(t: TFunction, members: readonly Member[]) {
  const role = (v: unknown) => {
    const r = text(v);
    return r && (roles as readonly string[]).includes(r)
      ? t(`roles.${r as (typeof roles)[number]}`)
      : (r ?? '');
  };
  return (entry: AuditEntry): string => {
    const d = entry.details;
    const actor = entry.actorName ?? entry.actor ?? t('names.audit.system');
    const target =
      entry.target && /^[0-9a-f-]{36}$/.test(entry.target)
        ? (members.find((m) => m.userId === entry.target)?.name ?? t('names.audit.someone'))
        : (entry.target ?? '');
    const values = {
      actor,
      target,
      name: text(d.name) ?? text(d.from) ?? '',
      role: role(d.role),
      from: role(d.from),
      to: role(d.to),
    };
    return isAction(entry.action)
      ? t(`names.audit.${entry.action}`, values)
      : t('names.audit.other', { actor, action: entry.action });
  };
}
