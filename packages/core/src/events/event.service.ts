import type {
  CustomerEvent,
  EventBatchResult,
  FieldIssue,
  ListEventsQuery,
  ObservedFlow,
  ObservedFlowQuery,
  RecordEventInput,
} from '@polku/contracts';
import { loadCurrentDefinition } from '../surveys/current-definition.js';
import type { Page, Repositories, Store, WorkspaceRecord } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { localDay, submittedInstantIssue, type Clock } from '../shared/time.js';
import { buildObservedFlow } from './flow.js';
import type { CustomerEventRecord, FlowScope } from './ports.js';

/** NPS bands (docs/metrics.md): promoters answer 9–10, passives 7–8, detractors 0–6. */
const NPS_BANDS = { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] } as const;

export interface EventResult {
  id: string;
  created: boolean;
}

/**
 * Customer events: intake (one, a batch, an import: every path goes through `recordBatch`),
 * listing, and the observed flow between touchpoints. A retry with the same id stores nothing
 * new; an id already used by another customer's or another type's event is a conflict.
 */
export class EventService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  async record(ctx: { workspace: WorkspaceRecord }, input: RecordEventInput): Promise<EventResult> {
    const { results } = await this.recordBatch(ctx, [input], 'single');
    return results[0]!;
  }

  /** Stores many events in one transaction: all are written (or already there), or none is. */
  async recordBatch(
    ctx: { workspace: WorkspaceRecord },
    inputs: RecordEventInput[],
    shape: 'single' | 'batch' = 'batch',
  ): Promise<EventBatchResult> {
    const now = this.deps.clock.now();
    const path = (i: number) => (shape === 'single' ? 'body.id' : `body.events.${i}.id`);
    const fieldPath = (i: number, field: string) =>
      shape === 'single' ? `body.${field}` : `body.events.${i}.${field}`;
    const seen = new Set<string>();
    const issues: FieldIssue[] = [];
    const records: CustomerEventRecord[] = inputs.map((input, i) => {
      const occurredAt = input.occurredAt ?? now;
      const id = input.id ?? newId(now);
      if (seen.has(id)) issues.push({ path: path(i), message: 'the same id twice in one batch' });
      seen.add(id);
      const outOfRange = submittedInstantIssue(occurredAt, now);
      if (outOfRange) issues.push({ path: fieldPath(i, 'occurredAt'), message: outOfRange });
      return {
        workspaceId: ctx.workspace.id,
        id,
        customerRef: input.customerRef,
        type: input.type,
        touchpointId: input.touchpointId ?? null,
        occurredAt,
        // An instant out of range is refused below; its day is never stored.
        day: outOfRange ? '' : localDay(occurredAt, ctx.workspace.timeZone),
        value: input.value ?? null,
        createdAt: now,
      };
    });
    // An event names a touchpoint of this workspace's journeys, or none.
    const named = [...new Set(records.flatMap((r) => (r.touchpointId ? [r.touchpointId] : [])))];
    if (named.length) {
      const found = await this.deps.store.journeys.existingTouchpointIds(ctx.workspace.id, named);
      records.forEach((r, i) => {
        if (r.touchpointId && !found.has(r.touchpointId))
          issues.push({
            path: fieldPath(i, 'touchpointId'),
            message: 'no such touchpoint in this workspace',
          });
      });
    }
    if (issues.length) throw new DomainError('VALIDATION_FAILED', undefined, issues.slice(0, 100));
    const inserted = await this.deps.store.transaction((tx) => this.write(tx, records, path));
    const results = records.map((r) => ({ id: r.id, created: inserted.has(r.id) }));
    const created = inserted.size;
    return { created, duplicates: records.length - created, results };
  }

  private async write(
    tx: Repositories,
    records: CustomerEventRecord[],
    path: (i: number) => string,
  ): Promise<Set<string>> {
    const inserted = new Set(await tx.events.insertMany(records));
    const retried = records.filter((r) => !inserted.has(r.id));
    if (!retried.length) return inserted;
    const existing = new Map(
      (
        await tx.events.findByIds(
          records[0]!.workspaceId,
          retried.map((r) => r.id),
        )
      ).map((e) => [e.id, e]),
    );
    // A retry repeats the same customer and type; anything else reusing the id is a conflict,
    // and the transaction (the whole batch) rolls back.
    const conflicts: FieldIssue[] = [];
    records.forEach((r, i) => {
      if (inserted.has(r.id)) return;
      const e = existing.get(r.id);
      if (!e || e.customerRef !== r.customerRef || e.type !== r.type)
        conflicts.push({
          path: path(i),
          message: 'already used by an event of another customer or type',
        });
    });
    if (conflicts.length)
      throw new DomainError('EVENT_ID_TAKEN', undefined, conflicts.slice(0, 100));
    return inserted;
  }

  async list(
    ctx: { workspace: WorkspaceRecord },
    query: ListEventsQuery & { limit: number },
  ): Promise<Page<CustomerEvent>> {
    const records = await this.deps.store.events.list(
      ctx.workspace.id,
      { customerRef: query.customerRef, type: query.type, fromDay: query.from, toDay: query.to },
      query.limit,
      query.before,
    );
    return {
      items: records.map(({ workspaceId: _, ...e }) => e),
      nextBefore: records.length === query.limit ? (records.at(-1)?.id ?? null) : null,
    };
  }

  /**
   * The paths customers took between touchpoints. Counting happens in SQL (window functions
   * over each customer's touches); this turns the counts into transitions, drop-offs and the
   * step-by-step flow, classified by the stage order when one is given.
   */
  async observedFlow(
    ctx: { workspace: WorkspaceRecord },
    query: ObservedFlowQuery & { includeResponses: boolean; maxSteps: number },
  ): Promise<ObservedFlow> {
    const workspaceId = ctx.workspace.id;
    const scope: FlowScope = {
      fromDay: query.from,
      toDay: query.to,
      eventTypes: query.eventTypes,
      includeResponses: query.includeResponses,
      maxSteps: query.maxSteps,
    };
    if (query.outcome) {
      const [min, max] = NPS_BANDS[query.outcome.band];
      scope.outcome = {
        questions: await this.npsQuestions(workspaceId, query.outcome.surveyId),
        min,
        max,
      };
    }
    const rows = await this.deps.store.events.flowCounts(workspaceId, scope);
    const flow = buildObservedFlow(rows, query.maxSteps, query.stageOrder);
    const names = await this.deps.store.journeys.touchpointNames(
      workspaceId,
      flow.touchpoints.map((t) => t.touchpointId),
    );
    return { ...flow, touchpointNames: Object.fromEntries(names) };
  }

  /** The NPS questions the outcome filter reads: of one survey, or of every survey. */
  private async npsQuestions(
    workspaceId: string,
    surveyId: string | undefined,
  ): Promise<{ surveyId: string; questionKey: string }[]> {
    const surveys = this.deps.store.surveys;
    const ids = surveyId ? [surveyId] : (await surveys.list(workspaceId)).map((s) => s.id);
    const out: { surveyId: string; questionKey: string }[] = [];
    for (const id of ids) {
      let definition;
      try {
        definition = await loadCurrentDefinition(surveys, workspaceId, id);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'NOT_FOUND')
          throw new DomainError('VALIDATION_FAILED', undefined, [
            { path: 'body.outcome.surveyId', message: 'no such survey' },
          ]);
        throw e;
      }
      for (const q of definition.questions)
        if (q.type === 'nps') out.push({ surveyId: id, questionKey: q.key });
    }
    if (surveyId && !out.length)
      throw new DomainError('VALIDATION_FAILED', undefined, [
        { path: 'body.outcome.surveyId', message: 'the survey has no NPS question' },
      ]);
    return out;
  }
}
