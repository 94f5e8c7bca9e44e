import {
  missingTranslations,
  type Language,
  type Survey,
  type SurveyDefinition,
  type SurveyLink,
  type SurveySummary,
  type SurveyTemplate,
} from '@polku/contracts';
import type { Store, SurveyLinkRecord, SurveyRecord } from '../ports.js';
import type { WorkspaceContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newSecret } from '../shared/hash-secrets.js';
import { newId } from '../shared/ids.js';
import type { Clock } from '../shared/time.js';
import { buildTemplate, emptyDefinition } from './templates.js';

export interface CreateSurveyInput {
  name: string;
  purpose: SurveyRecord['purpose'];
  touchpointId: string | null;
  template?: SurveyTemplate | undefined;
  features?: string[] | undefined;
  languages: Language[];
  defaultLanguage: Language;
}

/** Surveys: drafts, immutable published versions, and public links. */
export class SurveyService {
  constructor(private readonly deps: { store: Store; clock: Clock; publicUrl: string }) {}

  async create(ctx: WorkspaceContext, input: CreateSurveyInput): Promise<Survey> {
    if (input.template === 'kano' && !input.features?.length) {
      throw new DomainError('VALIDATION_FAILED', 'Name the features to ask about.', [
        { path: 'body.features', message: 'required for the kano template' },
      ]);
    }
    await this.checkTouchpoint(ctx, input.touchpointId, 'body.touchpointId');
    const now = this.deps.clock.now();
    const draft = input.template
      ? buildTemplate(input.template, input)
      : emptyDefinition(input.languages, input.defaultLanguage, input.name);
    const survey: SurveyRecord = {
      workspaceId: ctx.workspace.id,
      id: newId(now),
      name: input.name,
      purpose: input.purpose,
      status: 'draft',
      touchpointId: input.touchpointId,
      draft,
      publishedVersion: null,
      draftChanged: true,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.surveys.insert(survey);
    return toSurvey(survey, 0);
  }

  async list(ctx: WorkspaceContext): Promise<SurveySummary[]> {
    const [surveys, counts] = await Promise.all([
      this.deps.store.surveys.list(ctx.workspace.id),
      this.deps.store.responses.countBySurvey(ctx.workspace.id),
    ]);
    return surveys.map((s) => {
      const { draft: _draft, ...summary } = toSurvey(s, counts.get(s.id) ?? 0);
      return summary;
    });
  }

  async get(ctx: WorkspaceContext, id: string): Promise<Survey> {
    const survey = await this.find(ctx, id);
    const counts = await this.deps.store.responses.countBySurvey(ctx.workspace.id);
    return toSurvey(survey, counts.get(id) ?? 0);
  }

  async update(
    ctx: WorkspaceContext,
    id: string,
    patch: {
      name?: string | undefined;
      purpose?: SurveyRecord['purpose'] | undefined;
      touchpointId?: string | null | undefined;
      draft?: SurveyDefinition | undefined;
    },
  ): Promise<Survey> {
    const survey = await this.find(ctx, id);
    await this.checkTouchpoint(ctx, patch.touchpointId, 'body.touchpointId');
    const changes: Partial<SurveyRecord> = { updatedAt: this.deps.clock.now() };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.purpose !== undefined) changes.purpose = patch.purpose;
    if (patch.touchpointId !== undefined) changes.touchpointId = patch.touchpointId;
    if (patch.draft !== undefined) {
      changes.draft = patch.draft;
      changes.draftChanged = true;
    }
    await this.deps.store.surveys.update(ctx.workspace.id, id, changes);
    return this.get(ctx, survey.id);
  }

  /**
   * Publishes the draft as the next immutable version. Every language the survey offers must
   * have every text; otherwise SURVEY_INCOMPLETE names each missing one.
   */
  async publish(
    ctx: WorkspaceContext,
    id: string,
  ): Promise<{ version: number; publishedAt: number }> {
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async (tx) => {
      const survey = await tx.surveys.findById(ctx.workspace.id, id);
      if (!survey) throw new DomainError('NOT_FOUND');
      if (survey.draft.questions.length === 0) {
        throw new DomainError('SURVEY_INCOMPLETE', 'A survey needs at least one question.', [
          { path: 'draft.questions', message: 'empty' },
        ]);
      }
      const missing = missingTranslations(survey.draft);
      if (missing.length) {
        throw new DomainError(
          'SURVEY_INCOMPLETE',
          undefined,
          missing.map((m) => ({ path: `draft.${m.path}`, message: `missing in ${m.language}` })),
        );
      }
      const version = (survey.publishedVersion ?? 0) + 1;
      await tx.surveys.insertVersion({
        workspaceId: ctx.workspace.id,
        surveyId: id,
        version,
        definition: survey.draft,
        publishedAt: now,
        publishedByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      });
      await tx.surveys.update(ctx.workspace.id, id, {
        status: 'published',
        publishedVersion: version,
        draftChanged: false,
        updatedAt: now,
      });
      return { version, publishedAt: now };
    });
  }

  async close(ctx: WorkspaceContext, id: string): Promise<Survey> {
    await this.find(ctx, id);
    await this.deps.store.surveys.update(ctx.workspace.id, id, {
      status: 'closed',
      updatedAt: this.deps.clock.now(),
    });
    return this.get(ctx, id);
  }

  async getVersion(ctx: WorkspaceContext, id: string, version: number) {
    const v = await this.deps.store.surveys.findVersion(ctx.workspace.id, id, version);
    if (!v) throw new DomainError('NOT_FOUND');
    return { version: v.version, publishedAt: v.publishedAt, definition: v.definition };
  }

  async listLinks(ctx: WorkspaceContext, surveyId: string): Promise<SurveyLink[]> {
    await this.find(ctx, surveyId);
    return (await this.deps.store.surveys.listLinks(ctx.workspace.id, surveyId)).map((l) =>
      this.toLink(l),
    );
  }

  async createLink(
    ctx: WorkspaceContext,
    surveyId: string,
    input: { name: string; channel: string; touchpointId: string | null },
  ): Promise<SurveyLink> {
    const survey = await this.find(ctx, surveyId);
    await this.checkTouchpoint(ctx, input.touchpointId, 'body.touchpointId');
    const now = this.deps.clock.now();
    const link: SurveyLinkRecord = {
      workspaceId: ctx.workspace.id,
      id: newId(now),
      surveyId,
      name: input.name,
      channel: input.channel,
      touchpointId: input.touchpointId ?? survey.touchpointId,
      token: newSecret(9), // 12 URL-safe characters: short enough for a QR code, not guessable
      createdAt: now,
      closedAt: null,
    };
    await this.deps.store.surveys.insertLink(link);
    return this.toLink(link);
  }

  async closeLink(ctx: WorkspaceContext, surveyId: string, linkId: string): Promise<SurveyLink> {
    const link = await this.deps.store.surveys.findLink(ctx.workspace.id, linkId);
    if (!link || link.surveyId !== surveyId) throw new DomainError('NOT_FOUND');
    const now = this.deps.clock.now();
    if (link.closedAt === null)
      await this.deps.store.surveys.closeLink(ctx.workspace.id, linkId, now);
    return this.toLink({ ...link, closedAt: link.closedAt ?? now });
  }

  /** Renames a link or places it at another touchpoint (or none). */
  async updateLink(
    ctx: WorkspaceContext,
    surveyId: string,
    linkId: string,
    patch: { name?: string | undefined; touchpointId?: string | null | undefined },
  ): Promise<SurveyLink> {
    const link = await this.deps.store.surveys.findLink(ctx.workspace.id, linkId);
    if (!link || link.surveyId !== surveyId) throw new DomainError('NOT_FOUND');
    await this.checkTouchpoint(ctx, patch.touchpointId, 'body.touchpointId');
    const changes: Partial<Pick<SurveyLinkRecord, 'name' | 'touchpointId'>> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.touchpointId !== undefined) changes.touchpointId = patch.touchpointId;
    await this.deps.store.surveys.updateLink(ctx.workspace.id, linkId, changes);
    return this.toLink({ ...link, ...changes });
  }

  /** A touchpoint given must be one of the workspace's (null or absent: none, or unchanged). */
  private async checkTouchpoint(
    ctx: WorkspaceContext,
    touchpointId: string | null | undefined,
    path: string,
  ): Promise<void> {
    if (!touchpointId) return;
    const found = await this.deps.store.journeys.existingTouchpointIds(ctx.workspace.id, [
      touchpointId,
    ]);
    if (!found.has(touchpointId))
      throw new DomainError('VALIDATION_FAILED', 'No such touchpoint in this workspace.', [
        { path, message: 'no such touchpoint' },
      ]);
  }

  private async find(ctx: WorkspaceContext, id: string): Promise<SurveyRecord> {
    const survey = await this.deps.store.surveys.findById(ctx.workspace.id, id);
    if (!survey) throw new DomainError('NOT_FOUND');
    return survey;
  }

  private toLink(l: SurveyLinkRecord): SurveyLink {
    return {
      id: l.id,
      surveyId: l.surveyId,
      name: l.name,
      channel: l.channel as SurveyLink['channel'],
      touchpointId: l.touchpointId,
      token: l.token,
      url: `${this.deps.publicUrl}/s/${l.token}`,
      createdAt: l.createdAt,
      closedAt: l.closedAt,
    };
  }
}

function toSurvey(s: SurveyRecord, responseCount: number): Survey {
  return {
    id: s.id,
    name: s.name,
    purpose: s.purpose,
    status: s.status,
    touchpointId: s.touchpointId,
    publishedVersion: s.publishedVersion,
    hasUnpublishedChanges: s.draftChanged && s.publishedVersion !== null,
    draft: s.draft,
    responseCount,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
