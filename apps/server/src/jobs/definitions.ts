import {
  CLEANUP_JOB,
  DAY,
  METRIC_ALERTS_JOB,
  REMIND_SURVEY_INVITATION_JOB,
  SEND_EMAIL_JOB,
  SEND_SURVEY_INVITATION_JOB,
  WEBHOOK_DELIVER_JOB,
  type Clock,
  type Store,
} from '@polku/core';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Mailer } from '../infra/mailer.js';
import type { Services } from '../services.js';
import type { RecurringJob } from './scheduler.js';
import type { JobDefinitions } from './worker.js';

const id = z.string().min(1).max(64);
const surveyInvitationPayload = z.strictObject({ workspaceId: id, invitationId: id });

/**
 * The handler of every job kind in core's registry (`JobPayloads`), each with the schema its
 * payload is checked against when the job runs.
 */
export function jobDefinitions(
  store: Store,
  mailer: Mailer,
  log: Logger,
  services: Services,
  clock: Clock,
): JobDefinitions {
  return {
    // Delivers one outbox mail (or keeps it when no SMTP is configured). Idempotent.
    [SEND_EMAIL_JOB]: {
      payload: z.strictObject({ emailId: id }),
      async perform({ emailId }) {
        const email = await store.emails.findById(emailId);
        if (!email || email.status === 'sent' || email.status === 'kept') return;
        await mailer.send(email);
        await store.emails.markDelivered(email.id, mailer.delivers ? 'sent' : 'kept', clock.now());
      },
      onFinalFailure: ({ emailId }, error) => store.emails.markFailed(emailId, error),
    },

    // A survey invitation, or its one reminder, when due.
    [SEND_SURVEY_INVITATION_JOB]: {
      payload: surveyInvitationPayload,
      perform: (payload) => services.surveyInvitations.send(payload, false),
    },
    [REMIND_SURVEY_INVITATION_JOB]: {
      payload: surveyInvitationPayload,
      perform: (payload) => services.surveyInvitations.send(payload, true),
    },

    // One alert to one webhook, retried with backoff by the queue.
    [WEBHOOK_DELIVER_JOB]: {
      payload: z.strictObject({ workspaceId: id, deliveryId: id }),
      perform: (payload) => services.webhooks.deliver(payload),
      onFinalFailure: (payload, error) => services.webhooks.deliveryFailed(payload, error),
    },

    // The alert run (every 15 minutes): evaluates every live target, raises each new alert once.
    [METRIC_ALERTS_JOB]: {
      payload: z.null(),
      async perform() {
        const result = await services.targets.runAlerts((err, target) =>
          log.error(
            { err, workspaceId: target.workspaceId, targetId: target.id },
            'evaluating a target failed',
          ),
        );
        log.info(result, 'metric alerts evaluated');
      },
    },

    // Removes expired sessions and finished jobs older than a week.
    [CLEANUP_JOB]: {
      payload: z.null(),
      async perform() {
        const now = clock.now();
        const sessions = await store.sessions.deleteExpired(now);
        const jobs = await store.jobs.deleteFinishedBefore(now - 7 * DAY);
        log.info({ sessions, jobs }, 'cleanup done');
      },
    },
  };
}

export const recurringJobs: RecurringJob[] = [
  { kind: CLEANUP_JOB, everyMs: 60 * 60_000 },
  { kind: METRIC_ALERTS_JOB, everyMs: 15 * 60_000 },
];
