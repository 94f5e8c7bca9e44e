import { SEND_EMAIL_JOB } from '../jobs/job-kinds.js';
import { newId } from '../shared/ids.js';
import type { MailContent } from './templates.js';
import type { Repositories } from '../ports.js';

/**
 * Puts a mail in the outbox and enqueues its delivery, in the caller's transaction: if the
 * change that caused the mail commits, the mail will be sent (or kept), and never otherwise.
 */
export async function queueEmail(
  tx: Repositories,
  mail: MailContent & { to: string; workspaceId: string | null },
  now: number,
): Promise<string> {
  const id = newId(now);
  await tx.emails.insert({
    id,
    workspaceId: mail.workspaceId,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: null,
    status: 'queued',
    error: null,
    createdAt: now,
    sentAt: null,
  });
  await tx.jobs.enqueue(SEND_EMAIL_JOB, { emailId: id }, { maxAttempts: 8 });
  return id;
}
