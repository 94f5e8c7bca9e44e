import { z } from 'zod';
import { idSchema, instantSchema, okSchema, pageQuerySchema } from './common.js';
import { metricDaySchema, metricSpecSchema } from './metrics.js';
import { defineRoute, workspaceParams, ws } from './route-def.js';
import { pageSchema } from './workspaces.js';

/**
 * Which answers a target counts: every survey of the workspace, one survey, or one touchpoint.
 * A metric spec naming a survey narrows further (docs/metrics.md, "Targets").
 */
export const targetScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('workspace') }),
  z.strictObject({ kind: z.literal('survey'), id: idSchema }),
  z.strictObject({ kind: z.literal('touchpoint'), id: idSchema }),
]);
export type TargetScope = z.infer<typeof targetScopeSchema>;

export const recurringPeriods = ['month', 'quarter', 'year'] as const;

/**
 * The period a target is for: fixed days (`from`..`to`, inclusive local days in the
 * workspace's zone), or every calendar month, quarter or year, where the current period is
 * the one holding today and the previous period is the one before it.
 */
export const targetPeriodSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('fixed'), from: metricDaySchema, to: metricDaySchema })
    .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['from'] }),
  z.strictObject({ kind: z.literal('recurring'), every: z.enum(recurringPeriods) }),
]);
export type TargetPeriod = z.infer<typeof targetPeriodSchema>;

const targetFields = {
  name: z.string().trim().min(1).max(120),
  metric: metricSpecSchema,
  scope: targetScopeSchema,
  period: targetPeriodSchema,
  /** The figure to reach, in the metric's own units (NPS points, %, scale points). Every
   * Polku metric is "higher is better", so a target is met when the score reaches it. */
  target: z.number().finite(),
  /** The business goal the target serves, in the team's own words. */
  goal: z.string().trim().min(1).max(1000),
  /** The member who answers for the target; alerts go to them. */
  ownerUserId: idSchema,
  /** Alert when the period's figure misses the target (see docs/metrics.md for the rule). */
  alertOnMiss: z.boolean(),
  /** Alert when the figure drops significantly against the previous period. */
  alertOnDrop: z.boolean(),
  /** Also email the workspace's owners and admins, not only the target's owner. */
  notifyAdmins: z.boolean(),
};

export const createTargetBodySchema = z.strictObject({
  ...targetFields,
  alertOnMiss: targetFields.alertOnMiss.default(true),
  alertOnDrop: targetFields.alertOnDrop.default(true),
  notifyAdmins: targetFields.notifyAdmins.default(false),
});
export type CreateTargetBody = z.input<typeof createTargetBodySchema>;

export const updateTargetBodySchema = z
  .strictObject(targetFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');
export type UpdateTargetBody = z.input<typeof updateTargetBodySchema>;

export const targetSchema = z
  .object({
    id: idSchema,
    ...targetFields,
    ownerName: z.string().nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'Target' });
export type Target = z.infer<typeof targetSchema>;

/**
 * - `met`: the score reaches the target;
 * - `missed`: the score is below the target (an alert needs more: docs/metrics.md);
 * - `too-few`: fewer answers than the small-sample threshold: neither met nor missed;
 * - `no-data`: no answers in the period.
 */
export const targetStatuses = ['met', 'missed', 'too-few', 'no-data'] as const;
export const targetStatusSchema = z.enum(targetStatuses);
export type TargetStatus = z.infer<typeof targetStatusSchema>;

const intervalSchema = z.tuple([z.number(), z.number()]).readonly().nullable();

export const targetEvaluationSchema = z
  .object({
    targetId: idSchema,
    /** The period evaluated (inclusive local days); a current period runs to its end date. */
    period: z.object({ from: metricDaySchema, to: metricDaySchema }),
    status: targetStatusSchema,
    target: z.number(),
    score: z.number().nullable(),
    ci95: intervalSchema,
    n: z.number().int().min(0),
    /** The whole 95% interval lies below the target: the miss is not noise. */
    clearMiss: z.boolean(),
    /** The previous period of the same length and the change to this one. */
    previous: z
      .object({
        period: z.object({ from: metricDaySchema, to: metricDaySchema }),
        score: z.number().nullable(),
        ci95: intervalSchema,
        n: z.number().int().min(0),
      })
      .nullable(),
    change: z
      .object({
        difference: z.number(),
        pValue: z.number().nullable(),
        significant: z.boolean(),
        test: z.string(),
        smallSample: z.boolean(),
      })
      .nullable(),
    /** The explorer chart of this metric, scope and period. */
    chartUrl: z.string(),
  })
  .meta({ id: 'TargetEvaluation' });
export type TargetEvaluation = z.infer<typeof targetEvaluationSchema>;

export const targetWithEvaluationSchema = z.object({
  target: targetSchema,
  evaluation: targetEvaluationSchema,
});
export type TargetWithEvaluation = z.infer<typeof targetWithEvaluationSchema>;

export const alertConditions = ['missed', 'dropped'] as const;
export const alertConditionSchema = z.enum(alertConditions);
export type AlertCondition = z.infer<typeof alertConditionSchema>;

export const alertDeliverySchema = z.object({
  channel: z.enum(['email', 'webhook']),
  /** The email address, or the webhook's URL. */
  recipient: z.string(),
  status: z.enum(['queued', 'sent', 'kept', 'failed']),
  /** The receiver's HTTP status of the last webhook attempt. */
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int().min(0),
});

export const metricAlertSchema = z
  .object({
    id: idSchema,
    targetId: idSchema,
    targetName: z.string(),
    condition: alertConditionSchema,
    period: z.object({ from: metricDaySchema, to: metricDaySchema }),
    score: z.number().nullable(),
    ci95: intervalSchema,
    n: z.number().int().min(0),
    target: z.number(),
    /** For `dropped`: the previous period's score and the change test. */
    previousScore: z.number().nullable(),
    difference: z.number().nullable(),
    pValue: z.number().nullable(),
    chartUrl: z.string(),
    createdAt: instantSchema,
    deliveries: z.array(alertDeliverySchema),
  })
  .meta({ id: 'MetricAlert' });
export type MetricAlert = z.infer<typeof metricAlertSchema>;

/** Where a webhook may point: https, or http to this machine when the server allows it. */
export const webhookUrlSchema = z.url({ protocol: /^https?$/ }).max(2000);

export const webhookSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    url: z.string(),
    enabled: z.boolean(),
    /** The first characters of the secret, to tell secrets apart. */
    secretPrefix: z.string(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastDeliveryAt: instantSchema.nullable(),
    createdAt: instantSchema,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhookSchema>;

export const createWebhookBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  url: webhookUrlSchema,
  enabled: z.boolean().default(true),
});
export const updateWebhookBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    url: webhookUrlSchema,
    enabled: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');

/** The secret signs every delivery; it is in this response only. */
export const createdWebhookSchema = z.object({ webhook: webhookSchema, secret: z.string() });

export const webhookTestResultSchema = z.object({
  delivered: z.boolean(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
});

const targetParams = workspaceParams.extend({ targetId: idSchema });
const webhookParams = workspaceParams.extend({ webhookId: idSchema });

/** Targets per metric and scope, their evaluation, alerts, and alert webhooks. */
export function targetsRoutes() {
  return {
    listTargets: defineRoute({
      method: 'GET',
      path: `${ws}/targets`,
      summary: 'Metric targets with their goals and owners',
      tag: 'targets',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      status: 200,
      response: z.object({ items: z.array(targetSchema) }),
    }),
    createTarget: defineRoute({
      method: 'POST',
      path: `${ws}/targets`,
      summary: 'Set a target for a metric, scope and period, linked to a business goal and owner',
      tag: 'targets',
      access: { kind: 'workspace', permission: 'targets.manage' },
      params: workspaceParams,
      body: createTargetBodySchema,
      status: 201,
      response: targetSchema,
    }),
    updateTarget: defineRoute({
      method: 'PATCH',
      path: `${ws}/targets/:targetId`,
      summary: 'Change a target',
      tag: 'targets',
      access: { kind: 'workspace', permission: 'targets.manage' },
      params: targetParams,
      body: updateTargetBodySchema,
      status: 200,
      response: targetSchema,
    }),
    deleteTarget: defineRoute({
      method: 'DELETE',
      path: `${ws}/targets/:targetId`,
      summary: 'Delete a target and its alert history',
      tag: 'targets',
      access: { kind: 'workspace', permission: 'targets.manage' },
      params: targetParams,
      status: 200,
      response: okSchema,
    }),
    getTargetEvaluation: defineRoute({
      method: 'GET',
      path: `${ws}/targets/:targetId/evaluation`,
      summary: "A target's current period: status, score, 95% interval, n, and the change",
      tag: 'targets',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: targetParams,
      status: 200,
      response: targetEvaluationSchema,
    }),
    listTargetEvaluations: defineRoute({
      method: 'GET',
      path: `${ws}/target-evaluations`,
      summary: 'Every target with its current evaluation (for the home page and charts)',
      tag: 'targets',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      status: 200,
      response: z.object({ items: z.array(targetWithEvaluationSchema) }),
    }),
    listMetricAlerts: defineRoute({
      method: 'GET',
      path: `${ws}/metric-alerts`,
      summary: 'Alerts raised by targets, newest first, with their deliveries',
      tag: 'targets',
      access: { kind: 'workspace', permission: 'responses.read' },
      params: workspaceParams,
      query: pageQuerySchema,
      status: 200,
      response: pageSchema(metricAlertSchema),
    }),
    listWebhooks: defineRoute({
      method: 'GET',
      path: `${ws}/webhooks`,
      summary: 'Alert webhooks (never their secrets)',
      tag: 'webhooks',
      access: { kind: 'workspace', permission: 'workspace.update' },
      params: workspaceParams,
      status: 200,
      response: z.object({ items: z.array(webhookSchema) }),
    }),
    createWebhook: defineRoute({
      method: 'POST',
      path: `${ws}/webhooks`,
      summary: 'Add an alert webhook; its signing secret is in this response only',
      tag: 'webhooks',
      access: { kind: 'workspace', permission: 'workspace.update' },
      params: workspaceParams,
      body: createWebhookBodySchema,
      status: 201,
      response: createdWebhookSchema,
    }),
    updateWebhook: defineRoute({
      method: 'PATCH',
      path: `${ws}/webhooks/:webhookId`,
      summary: 'Rename, re-point, enable or disable a webhook',
      tag: 'webhooks',
      access: { kind: 'workspace', permission: 'workspace.update' },
      params: webhookParams,
      body: updateWebhookBodySchema,
      status: 200,
      response: webhookSchema,
    }),
    deleteWebhook: defineRoute({
      method: 'DELETE',
      path: `${ws}/webhooks/:webhookId`,
      summary: 'Remove a webhook',
      tag: 'webhooks',
      access: { kind: 'workspace', permission: 'workspace.update' },
      params: webhookParams,
      status: 200,
      response: okSchema,
    }),
    testWebhook: defineRoute({
      method: 'POST',
      path: `${ws}/webhooks/:webhookId/test`,
      summary: 'Send a signed test delivery now and report what the receiver answered',
      tag: 'webhooks',
      access: { kind: 'workspace', permission: 'workspace.update' },
      params: webhookParams,
      status: 200,
      response: webhookTestResultSchema,
    }),
  };
}
