import type { Language, SurveyInvitation } from '@polku/contracts';
import {
  REMIND_SURVEY_INVITATION_JOB,
  SEND_SURVEY_INVITATION_JOB,
  type SurveyInvitationJobPayload,
} from '../jobs/job-kinds.js';
import { queueEmail } from '../mail/outbox.js';
import { surveyInvitationMail } from '../mail/templates.js';
import type { Repositories, Store, SurveyInvitationRecord, WorkspaceRecord } from '../ports.js';
import type { WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newSecret } from '../shared/hash-secrets.js';
import { newId } from '../shared/ids.js';
import { DAY, type Clock } from '../shared/time.js';
import type { SurveyService } from '../surveys/survey.service.js';
import { whyNotContact } from './contact-limit.js';

const EMAIL_LINK_NAME = 'Sähköpostikutsut / E-postinbjudningar / Email invitations';

/**
 * Email invitations: personal single-use links, sent by the job queue at the scheduled time,
 * one optional reminder, unsubscribes honoured, and the contact-frequency limit applied when
 * the invitation is made and again when it is sent.
 */
export class SurveyInvitationService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      publicUrl: string;
      surveys: SurveyService;
    },
  ) {}

  async create(
    ctx: WorkspaceContext,
    surveyId: string,
    input: {
      recipients: { email: string; language?: Language | undefined }[];
      sendAt?: number | undefined;
      reminderAfterDays: number | null;
    },
  ): Promise<{ scheduled: number; notInvited: { email: string; reason: string }[] }> {
    const survey = await this.deps.store.surveys.findById(ctx.workspace.id, surveyId);
    if (!survey) throw new DomainError('NOT_FOUND');
    if (survey.status !== 'published' || survey.publishedVersion === null)
      throw new DomainError('SURVEY_NOT_OPEN');
    const version = await this.deps.store.surveys.findVersion(
      ctx.workspace.id,
      surveyId,
      survey.publishedVersion,
    );
    const offered = version?.definition.languages ?? [];
    const now = this.deps.clock.now();
    const sendAt = Math.max(input.sendAt ?? now, now);
    const link = await this.emailLink(ctx, surveyId);
    const notInvited: { email: string; reason: string }[] = [];
    let scheduled = 0;
    await this.deps.store.transaction(async (tx) => {
      const already = await tx.distribution.invitedEmails(ctx.workspace.id, surveyId);
      const seen = new Set<string>();
      for (const r of input.recipients) {
        if (seen.has(r.email) || already.has(r.email)) {
          notInvited.push({ email: r.email, reason: 'already invited to this survey' });
          continue;
        }
        seen.add(r.email);
        const reason = await whyNotContact(tx, ctx.workspace, r.email, sendAt);
        const language =
          r.language && offered.includes(r.language)
            ? r.language
            : (version?.definition.defaultLanguage ?? ctx.workspace.defaultLanguage);
        const invitation: SurveyInvitationRecord = {
          workspaceId: ctx.workspace.id,
          id: newId(now),
          surveyId,
          linkId: link,
          email: r.email,
          language,
          token: newSecret(24),
          status: reason ? 'suppressed' : 'scheduled',
          reason,
          scheduledAt: sendAt,
          sentAt: null,
          reminderAt: input.reminderAfterDays ? sendAt + input.reminderAfterDays * DAY : null,
          remindedAt: null,
          respondedAt: null,
          responseId: null,
          emailId: null,
          createdAt: now,
        };
        await tx.distribution.insertInvitation(invitation);
        if (reason) {
          notInvited.push({ email: r.email, reason });
          continue;
        }
        scheduled += 1;
        const payload: SurveyInvitationJobPayload = {
          workspaceId: ctx.workspace.id,
          invitationId: invitation.id,
        };
        await tx.jobs.enqueue(SEND_SURVEY_INVITATION_JOB, payload, { runAt: sendAt });
      }
    });
    return { scheduled, notInvited };
  }

  async list(ctx: WorkspaceContext, surveyId: string): Promise<SurveyInvitation[]> {
    if (!(await this.deps.store.surveys.findById(ctx.workspace.id, surveyId)))
      throw new DomainError('NOT_FOUND');
    const rows = await this.deps.store.distribution.listInvitations(ctx.workspace.id, surveyId);
    return rows.map(
      ({
        workspaceId: _w,
        linkId: _l,
        token: _t,
        responseId: _r,
        emailId: _e,
        emailStatus,
        emailError,
        ...rest
      }) =>
        // A mail that failed for good (after every retry) is this recipient's delivery status.
        rest.status === 'sent' && emailStatus === 'failed'
          ? { ...rest, status: 'failed' as const, reason: emailError ?? 'delivery failed' }
          : rest,
    );
  }

  /** The job: sends one invitation (or its reminder) if it is still due. Idempotent. */
  async send(payload: SurveyInvitationJobPayload, reminder: boolean): Promise<void> {
    const { store } = this.deps;
    const workspace = await store.workspaces.findById(payload.workspaceId);
    const invitation = await store.distribution.findInvitation(
      payload.workspaceId,
      payload.invitationId,
    );
    if (!workspace || !invitation) return;
    const due = reminder
      ? invitation.status === 'sent' && invitation.remindedAt === null
      : invitation.status === 'scheduled';
    if (!due) return;
    const now = this.deps.clock.now();
    await store.transaction(async (tx) => {
      // Unsubscribed or asked elsewhere since the invitation was made: stop here, and say why.
      const reason = reminder
        ? (await tx.distribution.isUnsubscribed(workspace.id, invitation.email))
          ? 'unsubscribed'
          : null
        : await whyNotContact(tx, workspace, invitation.email, now);
      if (reason) {
        if (!reminder)
          await tx.distribution.updateInvitation(workspace.id, invitation.id, {
            status: 'suppressed',
            reason,
          });
        return;
      }
      const emailId = await this.queueMail(tx, workspace, invitation, reminder, now);
      if (reminder) {
        await tx.distribution.updateInvitation(workspace.id, invitation.id, {
          remindedAt: now,
          emailId,
        });
        return;
      }
      await tx.distribution.updateInvitation(workspace.id, invitation.id, {
        status: 'sent',
        sentAt: now,
        emailId,
      });
      await tx.distribution.recordContact({
        workspaceId: workspace.id,
        personKey: invitation.email,
        id: newId(now),
        channel: 'email',
        surveyId: invitation.surveyId,
        contactedAt: now,
      });
      if (invitation.reminderAt !== null) {
        const next: SurveyInvitationJobPayload = {
          workspaceId: workspace.id,
          invitationId: invitation.id,
        };
        await tx.jobs.enqueue(REMIND_SURVEY_INVITATION_JOB, next, {
          runAt: Math.max(invitation.reminderAt, now),
        });
      }
    });
  }

  /**
   * Whether an identified person may be asked for feedback now on a channel that asks on the
   * spot (the widget opening by itself). A yes is recorded as a contact at once, so the next
   * channel that asks sees it; a no says why.
   */
  async promptRespondent(
    workspace: WorkspaceRecord,
    email: string,
    surveyId: string,
    channel: string,
  ): Promise<{ ask: boolean; reason: 'unsubscribed' | 'contact_limit' | null }> {
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      const why = await whyNotContact(tx, workspace, email, now);
      if (why)
        return { ask: false, reason: why === 'unsubscribed' ? 'unsubscribed' : 'contact_limit' };
      await tx.distribution.recordContact({
        workspaceId: workspace.id,
        personKey: email,
        id: newId(now),
        channel,
        surveyId,
        contactedAt: now,
      });
      return { ask: true, reason: null };
    });
  }

  /** The invitation a personal token names, if it can still be answered. */
  async findOpen(token: string): Promise<SurveyInvitationRecord | undefined> {
    const invitation = await this.deps.store.distribution.findInvitationByToken(token);
    return invitation && (invitation.status === 'sent' || invitation.status === 'scheduled')
      ? invitation
      : undefined;
  }

  /** Marks the invitation answered, tying it to the response (single use). */
  async markResponded(invitation: SurveyInvitationRecord, responseId: string): Promise<void> {
    await this.deps.store.distribution.updateInvitation(invitation.workspaceId, invitation.id, {
      status: 'responded',
      respondedAt: this.deps.clock.now(),
      responseId,
    });
  }

  /** Unsubscribes the invitation's address from every survey of the workspace. */
  async unsubscribe(
    token: string,
  ): Promise<{ email: string; workspaceName: string; language: Language } | undefined> {
    const invitation = await this.deps.store.distribution.findInvitationByToken(token);
    if (!invitation) return undefined;
    const workspace = await this.deps.store.workspaces.findById(invitation.workspaceId);
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      if (!(await tx.distribution.isUnsubscribed(invitation.workspaceId, invitation.email))) {
        await tx.distribution.addUnsubscribe(invitation.workspaceId, invitation.email, now);
      }
      if (invitation.status === 'scheduled' || invitation.status === 'sent') {
        await tx.distribution.updateInvitation(invitation.workspaceId, invitation.id, {
          status: 'unsubscribed',
          reason: 'unsubscribed',
        });
      }
    });
    return {
      email: invitation.email,
      workspaceName: workspace?.name ?? '',
      language: invitation.language,
    };
  }

  private async queueMail(
    tx: Repositories,
    workspace: WorkspaceRecord,
    invitation: SurveyInvitationRecord,
    reminder: boolean,
    now: number,
  ) {
    const link = await tx.surveys.findLink(workspace.id, invitation.linkId);
    const survey = await tx.surveys.findById(workspace.id, invitation.surveyId);
    const title = survey?.draft.title[invitation.language] ?? survey?.name ?? '';
    const base = this.deps.publicUrl;
    const mail = surveyInvitationMail(invitation.language, {
      workspaceName: workspace.name,
      surveyTitle: title,
      link: `${base}/s/${link?.token ?? ''}?i=${invitation.token}&lang=${invitation.language}`,
      unsubscribeLink: `${base}/u/${invitation.token}`,
      reminder,
    });
    return queueEmail(tx, { ...mail, to: invitation.email, workspaceId: workspace.id }, now);
  }

  /** The survey's link for email invitations (made once), so responses carry channel 'email'. */
  private async emailLink(ctx: WorkspaceContext, surveyId: string): Promise<string> {
    const links = await this.deps.store.surveys.listLinks(ctx.workspace.id, surveyId);
    const existing = links.find(
      (l) => l.channel === 'email' && l.name === EMAIL_LINK_NAME && l.closedAt === null,
    );
    if (existing) return existing.id;
    return (
      await this.deps.surveys.createLink(ctx, surveyId, {
        name: EMAIL_LINK_NAME,
        channel: 'email',
        touchpointId: null,
      })
    ).id;
  }
}
