import type {
  AlertDeliveryRecord,
  AlertDeliveryStatus,
  EmailStatus,
  MetricAlertRecord,
  MetricAlertView,
  TargetRecord,
  TargetRepository,
  WebhookRecord,
  WebhookRepository,
} from '@polku/core';
import type { AlertCondition, MetricSpec, TargetPeriod, TargetScope } from '@polku/contracts';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  AlertDeliveriesTable,
  Database,
  MetricAlertsTable,
  MetricTargetsTable,
  WebhookEndpointsTable,
} from '../schema.js';

function toRow(t: TargetRecord): Insertable<MetricTargetsTable> {
  return {
    workspaceId: t.workspaceId,
    id: t.id,
    name: t.name,
    metric: JSON.stringify(t.metric),
    scopeKind: t.scope.kind,
    scopeId: t.scope.kind === 'workspace' ? null : t.scope.id,
    periodKind: t.period.kind,
    periodFrom: t.period.kind === 'fixed' ? t.period.from : null,
    periodTo: t.period.kind === 'fixed' ? t.period.to : null,
    periodEvery: t.period.kind === 'recurring' ? t.period.every : null,
    target: t.target,
    goal: t.goal,
    ownerUserId: t.ownerUserId,
    alertOnMiss: t.alertOnMiss ? 1 : 0,
    alertOnDrop: t.alertOnDrop ? 1 : 0,
    notifyAdmins: t.notifyAdmins ? 1 : 0,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

function toTarget(r: Selectable<MetricTargetsTable>): TargetRecord {
  const scope: TargetScope =
    r.scopeKind === 'workspace'
      ? { kind: 'workspace' }
      : { kind: r.scopeKind as 'survey' | 'touchpoint', id: r.scopeId ?? '' };
  const period: TargetPeriod =
    r.periodKind === 'fixed'
      ? { kind: 'fixed', from: r.periodFrom ?? '', to: r.periodTo ?? '' }
      : { kind: 'recurring', every: r.periodEvery as 'month' | 'quarter' | 'year' };
  return {
    workspaceId: r.workspaceId,
    id: r.id,
    name: r.name,
    metric: JSON.parse(r.metric) as MetricSpec,
    scope,
    period,
    target: Number(r.target),
    goal: r.goal,
    ownerUserId: r.ownerUserId,
    alertOnMiss: Number(r.alertOnMiss) === 1,
    alertOnDrop: Number(r.alertOnDrop) === 1,
    notifyAdmins: Number(r.notifyAdmins) === 1,
    createdAt: Number(r.createdAt),
    updatedAt: Number(r.updatedAt),
  };
}

const num = (x: number | string | null): number | null => (x === null ? null : Number(x));

function toAlert(r: Selectable<MetricAlertsTable>): MetricAlertRecord {
  return {
    ...r,
    condition: r.condition as AlertCondition,
    score: num(r.score),
    ciLow: num(r.ciLow),
    ciHigh: num(r.ciHigh),
    n: Number(r.n),
    target: Number(r.target),
    previousScore: num(r.previousScore),
    difference: num(r.difference),
    pValue: num(r.pValue),
    createdAt: Number(r.createdAt),
  };
}

function toDelivery(r: Selectable<AlertDeliveriesTable>): AlertDeliveryRecord {
  return {
    ...r,
    channel: r.channel as 'email' | 'webhook',
    status: r.status as AlertDeliveryStatus,
    attempts: Number(r.attempts),
    responseStatus: num(r.responseStatus),
    createdAt: Number(r.createdAt),
    updatedAt: Number(r.updatedAt),
  };
}

export function createTargetRepository(db: Kysely<Database>): TargetRepository {
  return {
    async insert(target) {
      await db.insertInto('metricTargets').values(toRow(target)).execute();
    },
    async findById(workspaceId, id) {
      const row = await db
        .selectFrom('metricTargets')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toTarget(row);
    },
    async list(workspaceId) {
      const rows = await db
        .selectFrom('metricTargets')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .orderBy('id')
        .execute();
      return rows.map(toTarget);
    },
    async workspacesWithTargets() {
      const rows = await db
        .selectFrom('metricTargets')
        .select('workspaceId')
        .distinct()
        .orderBy('workspaceId')
        .execute();
      return rows.map((r) => r.workspaceId);
    },
    async update(target) {
      const { workspaceId, id, createdAt: _createdAt, ...rest } = toRow(target);
      await db
        .updateTable('metricTargets')
        .set(rest)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async delete(workspaceId, id) {
      // Deliveries and alerts go with the target (foreign keys cascade on PostgreSQL; SQLite
      // enforces them only when asked, so delete explicitly in both).
      const alertIds = db
        .selectFrom('metricAlerts')
        .select('id')
        .where('workspaceId', '=', workspaceId)
        .where('targetId', '=', id);
      await db
        .deleteFrom('alertDeliveries')
        .where('workspaceId', '=', workspaceId)
        .where('alertId', 'in', alertIds)
        .execute();
      await db
        .deleteFrom('metricAlerts')
        .where('workspaceId', '=', workspaceId)
        .where('targetId', '=', id)
        .execute();
      await db
        .deleteFrom('metricTargets')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async insertAlertOnce(alert) {
      const result = await db
        .insertInto('metricAlerts')
        .values(alert)
        .onConflict((oc) =>
          oc
            .columns(['workspaceId', 'targetId', 'condition', 'periodFrom', 'periodTo'])
            .doNothing(),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async listAlerts(workspaceId, limit, before) {
      let q = db
        .selectFrom('metricAlerts as a')
        .innerJoin('metricTargets as t', (j) =>
          j.onRef('t.workspaceId', '=', 'a.workspaceId').onRef('t.id', '=', 'a.targetId'),
        )
        .selectAll('a')
        .select('t.name as targetName')
        .where('a.workspaceId', '=', workspaceId);
      if (before) q = q.where('a.id', '<', before);
      const rows = await q.orderBy('a.id', 'desc').limit(limit).execute();
      if (rows.length === 0) return [];
      const deliveries = await db
        .selectFrom('alertDeliveries as d')
        .leftJoin('emails as e', 'e.id', 'd.emailId')
        .selectAll('d')
        .select('e.status as emailStatus')
        .where('d.workspaceId', '=', workspaceId)
        .where(
          'd.alertId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('d.id')
        .execute();
      return rows.map(({ targetName, ...r }): MetricAlertView => ({
        ...toAlert(r),
        targetName,
        deliveries: deliveries
          .filter((d) => d.alertId === r.id)
          .map(({ emailStatus, ...d }) => ({
            ...toDelivery(d),
            emailStatus: (emailStatus as EmailStatus | null) ?? null,
          })),
      }));
    },
    async insertDelivery(delivery) {
      await db.insertInto('alertDeliveries').values(delivery).execute();
    },
    async findDelivery(workspaceId, id) {
      const row = await db
        .selectFrom('alertDeliveries')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toDelivery(row);
    },
    async updateDelivery(workspaceId, id, patch) {
      await db
        .updateTable('alertDeliveries')
        .set(patch)
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}

function toWebhook(r: Selectable<WebhookEndpointsTable>): WebhookRecord {
  return {
    ...r,
    enabled: Number(r.enabled) === 1,
    lastStatus: num(r.lastStatus),
    lastDeliveryAt: num(r.lastDeliveryAt),
    createdAt: Number(r.createdAt),
  };
}

export function createWebhookRepository(db: Kysely<Database>): WebhookRepository {
  return {
    async insert(webhook) {
      await db
        .insertInto('webhookEndpoints')
        .values({ ...webhook, enabled: webhook.enabled ? 1 : 0 })
        .execute();
    },
    async findById(workspaceId, id) {
      const row = await db
        .selectFrom('webhookEndpoints')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toWebhook(row);
    },
    async list(workspaceId) {
      const rows = await db
        .selectFrom('webhookEndpoints')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .orderBy('id')
        .execute();
      return rows.map(toWebhook);
    },
    async update(workspaceId, id, patch) {
      const { enabled, ...rest } = patch;
      await db
        .updateTable('webhookEndpoints')
        .set({ ...rest, ...(enabled !== undefined && { enabled: enabled ? 1 : 0 }) })
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
    async delete(workspaceId, id) {
      await db
        .deleteFrom('webhookEndpoints')
        .where('workspaceId', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },
  };
}
