import type { RouteHandlers } from '../http/route-table.js';
import type { Services } from '../services.js';

type TargetRoutes =
  | 'listTargets'
  | 'createTarget'
  | 'updateTarget'
  | 'deleteTarget'
  | 'getTargetEvaluation'
  | 'listTargetEvaluations'
  | 'listMetricAlerts'
  | 'listWebhooks'
  | 'createWebhook'
  | 'updateWebhook'
  | 'deleteWebhook'
  | 'testWebhook';

const ok = { ok: true as const };

/** Targets, their evaluations and alerts, and alert webhooks: thin calls into core. */
export function targetHandlers({
  targets,
  webhooks,
}: Pick<Services, 'targets' | 'webhooks'>): Pick<RouteHandlers, TargetRoutes> {
  return {
    listTargets: async ({ auth }) => ({ items: await targets.list(auth) }),
    createTarget: ({ auth, body }) => targets.create(auth, body),
    updateTarget: ({ auth, params, body }) => targets.update(auth, params.targetId, body),
    deleteTarget: async ({ auth, params }) => {
      await targets.delete(auth, params.targetId);
      return ok;
    },
    getTargetEvaluation: ({ auth, params }) => targets.evaluate(auth, params.targetId),
    listTargetEvaluations: async ({ auth }) => ({ items: await targets.evaluateAll(auth) }),
    listMetricAlerts: ({ auth, query }) => targets.listAlerts(auth, query.limit, query.before),
    listWebhooks: async ({ auth }) => ({ items: await webhooks.list(auth) }),
    createWebhook: ({ auth, body }) => webhooks.create(auth, body),
    updateWebhook: ({ auth, params, body }) => webhooks.update(auth, params.webhookId, body),
    deleteWebhook: async ({ auth, params }) => {
      await webhooks.delete(auth, params.webhookId);
      return ok;
    },
    testWebhook: ({ auth, params }) => webhooks.test(auth, params.webhookId),
  };
}
