/** `email.send`: deliver one outbox mail. */
export interface SendEmailPayload {
  emailId: string;
}

/** `survey-invitation.send` and `.remind`: one personal survey invitation. */
export interface SurveyInvitationJobPayload {
  workspaceId: string;
  invitationId: string;
}

/** `webhook.deliver`: post one alert delivery to its webhook. */
export interface WebhookDeliverPayload {
  workspaceId: string;
  deliveryId: string;
}

/**
 * The registry of job kinds: every kind of background job and the payload it carries. The
 * queue's `enqueue` is typed by it (a wrong kind or payload does not compile), and the
 * server's job definitions must handle every kind and check each payload they read back
 * (apps/server/src/jobs/definitions.ts). Recurring jobs carry no payload (null).
 */
export interface JobPayloads {
  'email.send': SendEmailPayload;
  'survey-invitation.send': SurveyInvitationJobPayload;
  'survey-invitation.remind': SurveyInvitationJobPayload;
  'webhook.deliver': WebhookDeliverPayload;
  'metrics.alerts': null;
  'maintenance.cleanup': null;
}

export type JobKind = keyof JobPayloads;

/** The kinds a scheduler may enqueue: those without a payload. */
export type RecurringJobKind = {
  [K in JobKind]: JobPayloads[K] extends null ? K : never;
}[JobKind];

export const SEND_EMAIL_JOB = 'email.send' satisfies JobKind;
export const SEND_SURVEY_INVITATION_JOB = 'survey-invitation.send' satisfies JobKind;
export const REMIND_SURVEY_INVITATION_JOB = 'survey-invitation.remind' satisfies JobKind;
export const WEBHOOK_DELIVER_JOB = 'webhook.deliver' satisfies JobKind;
export const METRIC_ALERTS_JOB = 'metrics.alerts' satisfies JobKind;
export const CLEANUP_JOB = 'maintenance.cleanup' satisfies JobKind;
