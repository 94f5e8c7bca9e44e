import type {
  IncidentAnalysis,
  IncidentAnswer,
  IncidentCategory,
  MetricFilters,
} from '@polku/contracts';
import { auditActor, recordAudit } from '../accounts/audit.js';
import { isSmallSample } from '../metrics/histogram.js';
import type { Store } from '../ports.js';
import { requireUserActor, type WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Clock } from '../shared/time.js';
import type { IncidentAnswerRecord, IncidentCategoryRecord } from './ports.js';
import { loadCurrentDefinition } from '../surveys/current-definition.js';
import { invalidQuestion, requireQuestion } from './survey-questions.js';

function toAnswer(r: IncidentAnswerRecord): IncidentAnswer {
  return {
    responseId: r.responseId,
    question: r.questionKey,
    submittedAt: r.submittedAt,
    what: r.what,
    when: r.when,
    why: r.why,
    valence: r.valence,
    categoryId: r.categoryId,
    codedAt: r.codedAt,
  };
}

function toCategory(c: IncidentCategoryRecord, codedCount: number): IncidentCategory {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    codedCount,
    createdAt: c.createdAt,
  };
}

/**
 * Critical incidents (CIT, Flanagan 1954): a workspace's category scheme, coding each incident
 * answer into one category by hand, and the count per journey stage × category × valence.
 * Coding changes are audit-logged (who recoded what is part of the analysis's trail).
 * A category in use is not deleted: the answers coded into it would silently become uncoded.
 */
export class IncidentService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  async listCategories(ctx: WorkspaceContext): Promise<IncidentCategory[]> {
    return (await this.deps.store.incidents.listCategories(ctx.workspace.id)).map((c) =>
      toCategory(c, c.codedCount),
    );
  }

  async createCategory(
    ctx: WorkspaceContext,
    input: { name: string; description?: string | null | undefined },
  ): Promise<IncidentCategory> {
    requireUserActor(ctx);
    const now = this.deps.clock.now();
    const category: IncidentCategoryRecord = {
      workspaceId: ctx.workspace.id,
      id: newId(now),
      name: input.name.trim(),
      description: input.description?.trim() || null,
      createdAt: now,
    };
    await this.deps.store.transaction(async (tx) => {
      if (await tx.incidents.findCategoryByName(ctx.workspace.id, category.name))
        throw new DomainError('INCIDENT_CATEGORY_EXISTS');
      await tx.incidents.insertCategory(category);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'incident.category_created',
          target: category.id,
          details: { name: category.name },
        },
        now,
      );
    });
    return toCategory(category, 0);
  }

  async updateCategory(
    ctx: WorkspaceContext,
    id: string,
    patch: { name?: string | undefined; description?: string | null | undefined },
  ): Promise<IncidentCategory> {
    requireUserActor(ctx);
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      const category = await tx.incidents.findCategory(ctx.workspace.id, id);
      if (!category) throw new DomainError('NOT_FOUND');
      const next: { name?: string; description?: string | null } = {};
      if (patch.name !== undefined) {
        next.name = patch.name.trim();
        const other = await tx.incidents.findCategoryByName(ctx.workspace.id, next.name);
        if (other && other.id !== id) throw new DomainError('INCIDENT_CATEGORY_EXISTS');
      }
      if (patch.description !== undefined) next.description = patch.description?.trim() || null;
      await tx.incidents.updateCategory(ctx.workspace.id, id, next);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'incident.category_updated',
          target: id,
          details: { from: category.name, ...next },
        },
        now,
      );
      const codedCount = await tx.incidents.countCodings(ctx.workspace.id, id);
      return toCategory({ ...category, ...next }, codedCount);
    });
  }

  async deleteCategory(ctx: WorkspaceContext, id: string): Promise<void> {
    requireUserActor(ctx);
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const category = await tx.incidents.findCategory(ctx.workspace.id, id);
      if (!category) throw new DomainError('NOT_FOUND');
      const codedCount = await tx.incidents.countCodings(ctx.workspace.id, id);
      if (codedCount > 0)
        throw new DomainError(
          'INCIDENT_CATEGORY_IN_USE',
          `${codedCount} answer(s) are coded into "${category.name}"; recode or uncode them first.`,
          { codedCount },
        );
      await tx.incidents.deleteCategory(ctx.workspace.id, id);
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: 'incident.category_deleted',
          target: id,
          details: { name: category.name },
        },
        now,
      );
    });
  }

  async listAnswers(
    ctx: WorkspaceContext,
    q: {
      surveyId: string;
      question: string;
      coding?: 'all' | 'uncoded' | 'coded' | undefined;
      categoryId?: string | undefined;
      valence?: 'positive' | 'negative' | undefined;
      limit: number;
      offset: number;
    },
  ): Promise<{ items: IncidentAnswer[]; total: number; nextOffset: number | null }> {
    const definition = await loadCurrentDefinition(
      this.deps.store.surveys,
      ctx.workspace.id,
      q.surveyId,
    );
    requireQuestion(definition, q.question, ['incident'], 'query.question');
    const { items, total } = await this.deps.store.incidents.listAnswers(
      ctx.workspace.id,
      {
        surveyId: q.surveyId,
        questionKey: q.question,
        coding: q.coding ?? 'all',
        categoryId: q.categoryId,
        valence: q.valence,
      },
      q.limit,
      q.offset,
    );
    const next = q.offset + items.length;
    return { items: items.map(toAnswer), total, nextOffset: next < total ? next : null };
  }

  /** Codes one incident answer into a category (replacing its earlier one), or clears it. */
  async codeAnswer(
    ctx: WorkspaceContext,
    responseId: string,
    questionKey: string,
    categoryId: string | null,
  ): Promise<IncidentAnswer> {
    const actor = requireUserActor(ctx);
    const now = this.deps.clock.now();
    const ws = ctx.workspace.id;
    const response = await this.deps.store.responses.findById(ws, responseId);
    if (!response) throw new DomainError('NOT_FOUND', 'No such response.');
    const definition = await loadCurrentDefinition(this.deps.store.surveys, ws, response.surveyId);
    requireQuestion(definition, questionKey, ['incident'], 'params.questionKey');
    return this.deps.store.transaction(async (tx) => {
      const answer = await tx.incidents.findAnswer(ws, responseId, questionKey);
      if (!answer)
        throw new DomainError('NOT_FOUND', 'The response has no answer to this question.');
      if (categoryId !== null && !(await tx.incidents.findCategory(ws, categoryId)))
        throw invalidQuestion('body.categoryId', 'No such incident category.');
      if (answer.categoryId === categoryId) return toAnswer(answer);
      if (categoryId === null) await tx.incidents.deleteCoding(ws, responseId, questionKey);
      else
        await tx.incidents.saveCoding({
          workspaceId: ws,
          responseId,
          questionKey,
          categoryId,
          codedByUserId: actor.userId,
          codedAt: now,
        });
      await recordAudit(
        tx,
        {
          ...auditActor(ctx),
          action: categoryId === null ? 'incident.uncoded' : 'incident.coded',
          target: `${responseId}/${questionKey}`,
          details: { from: answer.categoryId, to: categoryId },
        },
        now,
      );
      return toAnswer({ ...answer, categoryId, codedAt: categoryId === null ? null : now });
    });
  }

  /** Incident answers counted per journey stage × category, split positive / negative. */
  async analyze(
    ctx: WorkspaceContext,
    q: {
      surveyId: string;
      question: string;
      from?: string | undefined;
      to?: string | undefined;
      filters?: MetricFilters | undefined;
    },
  ): Promise<IncidentAnalysis> {
    const definition = await loadCurrentDefinition(
      this.deps.store.surveys,
      ctx.workspace.id,
      q.surveyId,
    );
    const question = requireQuestion(definition, q.question, ['incident'], 'body.question');
    const rows = await this.deps.store.incidents.countIncidents(
      ctx.workspace.id,
      { surveyId: q.surveyId, from: q.from, to: q.to, filters: q.filters },
      q.question,
    );
    const cells = new Map<string, IncidentAnalysis['cells'][number]>();
    let n = 0;
    let uncoded = 0;
    for (const r of rows) {
      n += r.count;
      if (r.categoryId === null) uncoded += r.count;
      const key = JSON.stringify([r.stage, r.categoryId]);
      const cell = cells.get(key) ?? {
        stage: r.stage,
        categoryId: r.categoryId,
        positive: 0,
        negative: 0,
      };
      cell[r.valence] += r.count;
      cells.set(key, cell);
    }
    const language = definition.defaultLanguage;
    return {
      surveyId: q.surveyId,
      question: q.question,
      n,
      uncoded,
      smallSample: isSmallSample(n),
      stages: question.stages.map((s) => ({
        key: s.key,
        label: s.label[language] ?? Object.values(s.label)[0] ?? s.key,
      })),
      cells: [...cells.values()],
    };
  }
}
