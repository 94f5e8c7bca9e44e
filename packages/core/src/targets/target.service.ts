import { isMultiItemMetric } from '@polku/contracts';
import type {
  CreateTargetBody,
  FieldIssue,
  MetricAlert,
  MetricFilters,
  MetricResult,
  Target,
  TargetEvaluation,
  TargetWithEvaluation,
  UpdateTargetBody,
} from '@polku/contracts';
import { auditActor, recordAudit } from '../accounts/audit.js';
import { WEBHOOK_DELIVER_JOB } from '../jobs/job-kinds.js';
import { queueEmail } from '../mail/outbox.js';
import type { Page, Repositories, Store, WorkspaceRecord } from '../ports.js';
import type { WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { localDay, type Clock } from '../shared/time.js';
import { metricAlertMail } from './alert-mail.js';
import {
  compareFigures,
  isSignificantDrop,
  judgeTarget,
  periodFigureOf,
  targetRangeOf,
  type PeriodChange,
  type PeriodFigure,
} from './evaluation.js';
import { chartUrl } from './links.js';
import { currentPeriod, isPeriodLive, previousPeriod, type DayRange } from './periods.js';
import type { MetricAlertRecord, MetricAlertView, MetricQueryPort, TargetRecord } from './ports.js';

/** A fully resolved create body (defaults applied). */
type TargetInput = Omit<
  Target,
  'id' | 'ownerName' | 'createdAt' | 'updatedAt' | 'alertOnMiss' | 'alertOnDrop' | 'notifyAdmins'
> &
  Pick<Target, 'alertOnMiss' | 'alertOnDrop' | 'notifyAdmins'>;

/** The filters that make a target's scope. */
export function scopeFilters(target: Pick<TargetRecord, 'scope'>): MetricFilters {
  switch (target.scope.kind) {
    case 'workspace':
      return {};
    case 'survey':
      return { surveyIds: [target.scope.id] };
    case 'touchpoint':
      return { touchpointIds: [target.scope.id] };
  }
}

interface Evaluated {
  evaluation: TargetEvaluation;
  current: PeriodFigure;
  previous: PeriodFigure | null;
  change: PeriodChange | null;
}

/**
 * Targets per metric, scope and period, each tied to a business goal and an owner; their
 * evaluation through the metric engine; and the recurring alert run (docs/metrics.md,
 * "Targets and alerts").
 */
export class TargetService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      metrics: MetricQueryPort;
      publicUrl: string;
    },
  ) {}

  async list(ctx: WorkspaceContext): Promise<Target[]> {
    const [targets, names] = await Promise.all([
      this.deps.store.targets.list(ctx.workspace.id),
      this.memberNames(ctx.workspace.id),
    ]);
    return targets.map((t) => toTarget(t, names));
  }

  async create(ctx: WorkspaceContext, body: CreateTargetBody): Promise<Target> {
    const input = body as TargetInput;
    const now = this.deps.clock.now();
    const record: TargetRecord = {
      workspaceId: ctx.workspace.id,
      id: newId(now),
      name: input.name,
      metric: input.metric,
      scope: input.scope,
      period: input.period,
      target: input.target,
      goal: input.goal,
      ownerUserId: input.ownerUserId,
      alertOnMiss: input.alertOnMiss ?? true,
      alertOnDrop: input.alertOnDrop ?? true,
      notifyAdmins: input.notifyAdmins ?? false,
      createdAt: now,
      updatedAt: now,
    };
    await this.validate(ctx.workspace, record);
    await this.deps.store.transaction(async (tx) => {
      await tx.targets.insert(record);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'target.created',
          target: record.id,
          details: { name: record.name },
        },
        now,
      );
    });
    return toTarget(record, await this.memberNames(ctx.workspace.id));
  }

  async update(ctx: WorkspaceContext, id: string, patch: UpdateTargetBody): Promise<Target> {
    const existing = await this.deps.store.targets.findById(ctx.workspace.id, id);
    if (!existing) throw new DomainError('NOT_FOUND');
    const now = this.deps.clock.now();
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<TargetRecord>;
    const record: TargetRecord = { ...existing, ...defined, updatedAt: now };
    await this.validate(ctx.workspace, record);
    await this.deps.store.transaction(async (tx) => {
      await tx.targets.update(record);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'target.updated',
          target: record.id,
          details: { name: record.name, fields: Object.keys(defined) },
        },
        now,
      );
    });
    return toTarget(record, await this.memberNames(ctx.workspace.id));
  }

  async delete(ctx: WorkspaceContext, id: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const existing = await tx.targets.findById(ctx.workspace.id, id);
      if (!existing) throw new DomainError('NOT_FOUND');
      await tx.targets.delete(ctx.workspace.id, id);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'target.deleted',
          target: id,
          details: { name: existing.name },
        },
        now,
      );
    });
  }

  /** A target's current period: status, score, interval, n, and the change from the period before. */
  async evaluate(ctx: WorkspaceContext, id: string): Promise<TargetEvaluation> {
    const target = await this.deps.store.targets.findById(ctx.workspace.id, id);
    if (!target) throw new DomainError('NOT_FOUND');
    return (await this.evaluateRecord(ctx.workspace, target)).evaluation;
  }

  /** Every target with its evaluation, for the home page and the charts of each metric. */
  async evaluateAll(ctx: WorkspaceContext): Promise<TargetWithEvaluation[]> {
    const [targets, names] = await Promise.all([
      this.deps.store.targets.list(ctx.workspace.id),
      this.memberNames(ctx.workspace.id),
    ]);
    const out: TargetWithEvaluation[] = [];
    // One at a time: each evaluation is two histogram queries, and the pool is shared.
    for (const t of targets)
      out.push({
        target: toTarget(t, names),
        evaluation: (await this.evaluateRecord(ctx.workspace, t)).evaluation,
      });
    return out;
  }

  async listAlerts(
    ctx: WorkspaceContext,
    limit: number,
    before?: string,
  ): Promise<Page<MetricAlert>> {
    const rows = await this.deps.store.targets.listAlerts(ctx.workspace.id, limit, before);
    return {
      items: rows.map(toMetricAlert),
      nextBefore: rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null,
    };
  }

  /**
   * The recurring alert run: evaluates every live target of every workspace, records each new
   * alert condition once (the alert table's unique key on target, condition and period makes a
   * second run, or a second worker, a no-op), and in the same transaction queues its email and
   * webhook deliveries. A failing target is logged by the caller and does not stop the others.
   */
  async runAlerts(
    onError: (err: unknown, target: TargetRecord) => void = () => undefined,
  ): Promise<{ evaluated: number; raised: number }> {
    let evaluated = 0;
    let raised = 0;
    for (const workspaceId of await this.deps.store.targets.workspacesWithTargets()) {
      const workspace = await this.deps.store.workspaces.findById(workspaceId);
      if (!workspace) continue;
      const today = localDay(this.deps.clock.now(), workspace.timeZone);
      for (const target of await this.deps.store.targets.list(workspaceId)) {
        if (!target.alertOnMiss && !target.alertOnDrop) continue;
        if (!isPeriodLive(target.period, today)) continue;
        try {
          evaluated += 1;
          raised += await this.alertTarget(workspace, target);
        } catch (err) {
          onError(err, target);
        }
      }
    }
    return { evaluated, raised };
  }

  private async alertTarget(workspace: WorkspaceRecord, target: TargetRecord): Promise<number> {
    const { evaluation, change } = await this.evaluateRecord(workspace, target);
    const conditions: MetricAlertRecord['condition'][] = [];
    if (target.alertOnMiss && evaluation.clearMiss) conditions.push('missed');
    if (target.alertOnDrop && isSignificantDrop(change)) conditions.push('dropped');
    let raised = 0;
    for (const condition of conditions) {
      const now = this.deps.clock.now();
      const alert: MetricAlertRecord = {
        workspaceId: workspace.id,
        id: newId(now),
        targetId: target.id,
        condition,
        periodFrom: evaluation.period.from,
        periodTo: evaluation.period.to,
        score: evaluation.score,
        ciLow: evaluation.ci95?.[0] ?? null,
        ciHigh: evaluation.ci95?.[1] ?? null,
        n: evaluation.n,
        target: target.target,
        previousScore: evaluation.previous?.score ?? null,
        difference: condition === 'dropped' ? (change?.difference ?? null) : null,
        pValue: condition === 'dropped' ? (change?.pValue ?? null) : null,
        chartUrl: evaluation.chartUrl,
        createdAt: now,
      };
      const created = await this.deps.store.transaction(async (tx) => {
        if (!(await tx.targets.insertAlertOnce(alert))) return false;
        await this.queueDeliveries(tx, workspace, target, alert, evaluation);
        return true;
      });
      if (created) raised += 1;
    }
    return raised;
  }

  /** Email to the owner (and owners/admins when asked), each in their language; one signed
   * POST to every enabled webhook of the workspace. */
  private async queueDeliveries(
    tx: Repositories,
    workspace: WorkspaceRecord,
    target: TargetRecord,
    alert: MetricAlertRecord,
    evaluation: TargetEvaluation,
  ): Promise<void> {
    const now = alert.createdAt;
    const members = await tx.memberships.listForWorkspace(workspace.id);
    const recipients = members.filter(
      (m) =>
        m.userId === target.ownerUserId ||
        (target.notifyAdmins && (m.role === 'owner' || m.role === 'admin')),
    );
    // An owner who has left the workspace: the alert goes to its owners and admins instead.
    const fallback = recipients.length === 0;
    const to = fallback
      ? members.filter((m) => m.role === 'owner' || m.role === 'admin')
      : recipients;
    for (const member of to) {
      const user = await tx.users.findById(member.userId);
      if (!user) continue;
      const mail = metricAlertMail(user.language, {
        workspaceName: workspace.name,
        targetName: target.name,
        goal: target.goal,
        condition: alert.condition,
        kind: target.metric.kind,
        period: evaluation.period,
        score: alert.score,
        ci95: evaluation.ci95,
        n: alert.n,
        target: alert.target,
        previousScore: alert.previousScore,
        difference: alert.difference,
        pValue: alert.pValue,
        link: alert.chartUrl,
      });
      const emailId = await queueEmail(
        tx,
        { ...mail, to: user.email, workspaceId: workspace.id },
        now,
      );
      await tx.targets.insertDelivery({
        workspaceId: workspace.id,
        id: newId(now),
        alertId: alert.id,
        channel: 'email',
        recipient: user.email,
        emailId,
        webhookId: null,
        body: null,
        status: 'queued',
        attempts: 0,
        responseStatus: null,
        error: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    const body = JSON.stringify({
      type: 'metric.alert',
      id: alert.id,
      workspaceId: workspace.id,
      createdAt: new Date(now).toISOString(),
      alert: {
        condition: alert.condition,
        target: {
          id: target.id,
          name: target.name,
          goal: target.goal,
          metric: target.metric,
          scope: target.scope,
          value: target.target,
        },
        period: evaluation.period,
        score: alert.score,
        ci95: evaluation.ci95,
        n: alert.n,
        previous: evaluation.previous,
        change: alert.condition === 'dropped' ? evaluation.change : null,
        chartUrl: alert.chartUrl,
      },
    });
    for (const webhook of await tx.webhooks.list(workspace.id)) {
      if (!webhook.enabled) continue;
      const deliveryId = newId(now);
      await tx.targets.insertDelivery({
        workspaceId: workspace.id,
        id: deliveryId,
        alertId: alert.id,
        channel: 'webhook',
        recipient: webhook.url,
        emailId: null,
        webhookId: webhook.id,
        body,
        status: 'queued',
        attempts: 0,
        responseStatus: null,
        error: null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.jobs.enqueue(
        WEBHOOK_DELIVER_JOB,
        { workspaceId: workspace.id, deliveryId },
        { maxAttempts: 6 },
      );
    }
  }

  private async evaluateRecord(
    workspace: WorkspaceRecord,
    target: TargetRecord,
  ): Promise<Evaluated> {
    const today = localDay(this.deps.clock.now(), workspace.timeZone);
    const period = currentPeriod(target.period, today);
    const before = previousPeriod(target.period, period);
    const current = periodFigureOf(await this.query(workspace, target, period));
    const previous = periodFigureOf(await this.query(workspace, target, before));
    const judged = judgeTarget(current, target.target);
    const change = compareFigures(target.metric.kind, previous, current, {
      npsInterval: target.metric.interval,
    });
    return {
      current,
      previous,
      change,
      evaluation: {
        targetId: target.id,
        period,
        status: judged.status,
        target: target.target,
        score: current.score,
        ci95: current.ci95,
        n: current.n,
        clearMiss: judged.clearMiss,
        previous: {
          period: before,
          score: previous.score,
          ci95: previous.ci95,
          n: previous.n,
        },
        change,
        chartUrl: chartUrl(this.deps.publicUrl, workspace.id, target.metric, target.scope, period),
      },
    };
  }

  private query(
    workspace: WorkspaceRecord,
    target: Pick<TargetRecord, 'metric' | 'scope'>,
    period: DayRange,
  ): Promise<MetricResult> {
    return this.deps.metrics.query(
      { workspace },
      {
        metric: target.metric,
        by: 'all',
        from: period.from,
        to: period.to,
        filters: scopeFilters(target),
      },
    );
  }

  /**
   * Checks a target before anything is written: the owner is a member, a survey scope names a
   * survey of the workspace (the same one the metric names, if it names one), the metric engine
   * can compute the metric there (the question exists and has a fitting type), and the target
   * value lies in the score's range.
   */
  private async validate(workspace: WorkspaceRecord, t: TargetRecord): Promise<void> {
    const issues: FieldIssue[] = [];
    if (!(await this.deps.store.memberships.find(workspace.id, t.ownerUserId)))
      issues.push({
        path: 'body.ownerUserId',
        message: 'the owner must be a member of the workspace',
      });
    if (t.period.kind === 'fixed' && t.period.from > t.period.to)
      issues.push({ path: 'body.period.from', message: 'from must not be after to' });
    if (t.scope.kind === 'survey') {
      if (!(await this.deps.store.surveys.findHeader(workspace.id, t.scope.id)))
        issues.push({ path: 'body.scope.id', message: 'no such survey in this workspace' });
      else if (t.metric.surveyId !== undefined && t.metric.surveyId !== t.scope.id)
        issues.push({
          path: 'body.scope.id',
          message: "a survey scope must be the survey the metric's question belongs to",
        });
    }
    if (t.alertOnDrop && isMultiItemMetric(t.metric.kind))
      issues.push({
        path: 'body.alertOnDrop',
        message: `${t.metric.kind} (a three-question index) has no change test, so it cannot raise drop alerts`,
      });
    if (t.metric.kind === 'numeric')
      issues.push({
        path: 'body.metric.kind',
        message:
          "a target is met when the score reaches it from below, and a numeric question's mean " +
          'has no better direction (minutes waited should fall, an order value rise), so it has no targets',
      });
    if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', undefined, issues);

    // The engine is the one judge of whether a metric can be computed: ask it for one day.
    const today = localDay(this.deps.clock.now(), workspace.timeZone);
    let result: MetricResult;
    try {
      result = await this.query(workspace, t, { from: today, to: today });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      throw new DomainError('TARGET_METRIC_INVALID', undefined, [
        { path: 'body.metric', message: err.message },
      ]);
    }
    const [min, max] = targetRangeOf(t.metric.kind, result.scale);
    if (t.target < min || t.target > max)
      throw new DomainError('VALIDATION_FAILED', undefined, [
        {
          path: 'body.target',
          message: `the target must be from ${min} to ${max} for this metric`,
        },
      ]);
  }

  private async memberNames(workspaceId: string): Promise<Map<string, string>> {
    const members = await this.deps.store.memberships.listForWorkspace(workspaceId);
    return new Map(members.map((m) => [m.userId, m.name]));
  }
}

function toTarget(r: TargetRecord, names: Map<string, string>): Target {
  return {
    id: r.id,
    name: r.name,
    metric: r.metric,
    scope: r.scope,
    period: r.period,
    target: r.target,
    goal: r.goal,
    ownerUserId: r.ownerUserId,
    ownerName: names.get(r.ownerUserId) ?? null,
    alertOnMiss: r.alertOnMiss,
    alertOnDrop: r.alertOnDrop,
    notifyAdmins: r.notifyAdmins,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function toMetricAlert(r: MetricAlertView): MetricAlert {
  return {
    id: r.id,
    targetId: r.targetId,
    targetName: r.targetName,
    condition: r.condition,
    period: { from: r.periodFrom, to: r.periodTo },
    score: r.score,
    ci95: r.ciLow !== null && r.ciHigh !== null ? [r.ciLow, r.ciHigh] : null,
    n: r.n,
    target: r.target,
    previousScore: r.previousScore,
    difference: r.difference,
    pValue: r.pValue,
    chartUrl: r.chartUrl,
    createdAt: r.createdAt,
    deliveries: r.deliveries.map((d) => ({
      channel: d.channel,
      recipient: d.recipient,
      status: d.channel === 'email' ? (d.emailStatus ?? 'queued') : d.status,
      responseStatus: d.responseStatus,
      error: d.error,
      attempts: d.attempts,
    })),
  };
}
