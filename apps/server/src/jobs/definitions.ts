import {
  DAY,
  METRIC_ALERTS_JOB,
  WEBHOOK_DELIVER_JOB,
  type WebhookDeliverPayload,
  REMIND_SURVEY_INVITATION_JOB,
  SEND_EMAIL_JOB,
  SEND_SURVEY_INVITATION_JOB,
  type SendEmailPayload,
  type Store,
  type SurveyInvitationJobPayload,
  type SurveyInvitationService,
} from '@polku/core';
import type { Services } from '../services.js';
import type { Logger } from 'pino';
import type { Mailer } from '../infra/mailer.js';
import type { RecurringJob } from './scheduler.js';
import type { JobDefinition } from './worker.js';

export const CLEANUP_JOB = 'maintenance.cleanup';

/** Delivers one outbox mail (or keeps it when no SMTP is configured). Idempotent. */
function sendEmailJob(store: Store, mailer: Mailer): JobDefinition {
  return {
    kind: SEND_EMAIL_JOB,
    async perform(payload) {
      const { emailId } = payload as SendEmailPayload;
      const email = await store.emails.findById(emailId);
      if (!email || email.status === 'sent' || email.status === 'kept') return;
      await mailer.send(email);
      await store.emails.markDelivered(email.id, mailer.delivers ? 'sent' : 'kept', Date.now());
    },
    async onFinalFailure(payload, error) {
      await store.emails.markFailed((payload as SendEmailPayload).emailId, error);
    },
  };
}

/** Removes expired sessions and finished jobs older than a week. */
function cleanupJob(store: Store, log: Logger): JobDefinition {
  return {
    kind: CLEANUP_JOB,
    async perform() {
      const now = Date.now();
      const sessions = await store.sessions.deleteExpired(now);
      const jobs = await store.jobs.deleteFinishedBefore(now - 7 * DAY);
      log.info({ sessions, jobs }, 'cleanup done');
    },
  };
}

/** Sends a survey invitation, or its one reminder, when due. */
function surveyInvitationJobs(invitations: SurveyInvitationService): JobDefinition[] {
  return [
    {
      kind: SEND_SURVEY_INVITATION_JOB,
      perform: (payload) => invitations.send(payload as SurveyInvitationJobPayload, false),
    },
    {
      kind: REMIND_SURVEY_INVITATION_JOB,
      perform: (payload) => invitations.send(payload as SurveyInvitationJobPayload, true),
    },
  ];
}

/**
 * The alert run (every 15 minutes): evaluates every live target and raises each new alert
 * once; and the delivery of one alert to one webhook, retried with backoff by the queue.
 */
function targetJobs(services: Services, log: Logger): JobDefinition[] {
  return [
    {
      kind: METRIC_ALERTS_JOB,
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
    {
      kind: WEBHOOK_DELIVER_JOB,
      perform: (payload) => services.webhooks.deliver(payload as WebhookDeliverPayload),
      onFinalFailure: (payload, error) =>
        services.webhooks.deliveryFailed(payload as WebhookDeliverPayload, error),
    },
  ];
}

export function jobDefinitions(
  store: Store,
  mailer: Mailer,
  log: Logger,
  services: Services,
): JobDefinition[] {
  return [
    sendEmailJob(store, mailer),
    cleanupJob(store, log),
    ...surveyInvitationJobs(services.surveyInvitations),
    ...targetJobs(services, log),
  ];
}

export const recurringJobs: RecurringJob[] = [
  { kind: CLEANUP_JOB, everyMs: 60 * 60_000 },
  { kind: METRIC_ALERTS_JOB, everyMs: 15 * 60_000 },
];
