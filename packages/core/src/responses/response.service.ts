import {
  MAX_ATTRIBUTE_VALUES,
  type AnswerValue,
  type FieldIssue,
  type Language,
  type ListResponsesQuery,
  type ResponseAttributeKeys,
  type ResponseView,
  type SurveyDefinition,
} from '@polku/contracts';
import type {
  Page,
  Repositories,
  ResponseFilter,
  ResponseRecord,
  Store,
  SurveyLinkRecord,
  SurveyRecord,
  WorkspaceRecord,
} from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { localDay, submittedInstantIssue, type Clock } from '../shared/time.js';
import { answersFromRows, validateAnswers, type AnswerRow } from '../surveys/answers.js';

export interface IntakeInput {
  id?: string | undefined;
  surveyId: string;
  version?: number | undefined;
  linkId?: string | undefined;
  channel?: string | undefined;
  touchpointId?: string | null | undefined;
  language?: Language | undefined;
  submittedAt?: number | undefined;
  partial: boolean;
  answers: Record<string, AnswerValue>;
  /** Customer attributes known at the time (validated by the contract's schema). */
  attributes?: Readonly<Record<string, string>> | undefined;
  source: ResponseRecord['source'];
  /** Made while testing the survey: stored, but out of metrics and analyses. */
  test?: boolean | undefined;
}

export interface IntakeResult {
  id: string;
  created: boolean;
}

interface Prepared {
  record: ResponseRecord;
  rows: AnswerRow[];
  attributes: Readonly<Record<string, string>> | undefined;
}

const BANDS = { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] } as const;

/** Caches survey, version and link lookups within one intake call (a batch asks many times). */
/**
 * Published versions never change, so their parsed definitions are kept for the process's
 * life (bounded; the oldest entries go first). Every intake reads one.
 */
const publishedVersions = new Map<string, SurveyDefinition>();
const PUBLISHED_VERSIONS_KEPT = 1000;

class SurveyLookup {
  private readonly surveys = new Map<string, Promise<Omit<SurveyRecord, 'draft'> | undefined>>();
  private readonly versions = new Map<string, Promise<SurveyDefinition | undefined>>();
  private readonly links = new Map<string, Promise<SurveyLinkRecord | undefined>>();
  private readonly touchpoints = new Map<string, Promise<boolean>>();
  constructor(
    private readonly repos: Repositories,
    private readonly workspaceId: string,
  ) {}
  survey(id: string) {
    if (!this.surveys.has(id))
      this.surveys.set(id, this.repos.surveys.findHeader(this.workspaceId, id));
    return this.surveys.get(id)!;
  }
  version(surveyId: string, version: number) {
    const key = `${this.workspaceId}/${surveyId}@${version}`;
    const known = publishedVersions.get(key);
    if (known) return Promise.resolve(known);
    if (!this.versions.has(key)) {
      this.versions.set(
        key,
        this.repos.surveys.findVersion(this.workspaceId, surveyId, version).then((v) => {
          if (v) {
            if (publishedVersions.size >= PUBLISHED_VERSIONS_KEPT)
              publishedVersions.delete(publishedVersions.keys().next().value!);
            publishedVersions.set(key, v.definition);
          }
          return v?.definition;
        }),
      );
    }
    return this.versions.get(key)!;
  }
  link(id: string) {
    if (!this.links.has(id)) this.links.set(id, this.repos.surveys.findLink(this.workspaceId, id));
    return this.links.get(id)!;
  }
  touchpointExists(id: string) {
    if (!this.touchpoints.has(id))
      this.touchpoints.set(
        id,
        this.repos.journeys
          .existingTouchpointIds(this.workspaceId, [id])
          .then((found) => found.has(id)),
      );
    return this.touchpoints.get(id)!;
  }
}

/**
 * Response intake and reading. Every path (page, widget, API, batch, import) goes through
 * `submit`/`submitBatch`: answers are validated against the exact version answered, the
 * response and its answer rows are written in one transaction, and a retry with the same id
 * stores nothing new.
 */
export class ResponseService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  async submit(
    ctx: { workspace: WorkspaceRecord },
    input: IntakeInput,
    options: { mayUpdatePartial?: boolean } = {},
  ): Promise<IntakeResult> {
    const lookup = new SurveyLookup(this.deps.store, ctx.workspace.id);
    const prepared = await this.prepare(ctx.workspace, lookup, input, '');
    if ('issues' in prepared)
      throw new DomainError('VALIDATION_FAILED', undefined, prepared.issues);
    return this.deps.store.transaction((tx) =>
      this.write(tx, prepared, options.mayUpdatePartial ?? false),
    );
  }

  /** Stores many responses in one transaction: all are valid and written, or none is. */
  async submitBatch(
    ctx: { workspace: WorkspaceRecord },
    inputs: IntakeInput[],
  ): Promise<{ created: number; duplicates: number; results: IntakeResult[] }> {
    const lookup = new SurveyLookup(this.deps.store, ctx.workspace.id);
    const prepared: Prepared[] = [];
    const issues: FieldIssue[] = [];
    const ids = new Set<string>();
    for (const [i, input] of inputs.entries()) {
      const p = await this.prepare(ctx.workspace, lookup, input, `responses.${i}.`);
      if ('issues' in p) issues.push(...p.issues);
      else if (ids.has(p.record.id))
        issues.push({ path: `body.responses.${i}.id`, message: 'the same id twice in one batch' });
      else {
        ids.add(p.record.id);
        prepared.push(p);
      }
    }
    if (issues.length) throw new DomainError('VALIDATION_FAILED', undefined, issues.slice(0, 100));
    const results = await this.deps.store.transaction(async (tx) => {
      const out: IntakeResult[] = [];
      for (const p of prepared) out.push(await this.write(tx, p, false));
      return out;
    });
    const created = results.filter((r) => r.created).length;
    return { created, duplicates: results.length - created, results };
  }

  async list(
    ctx: { workspace: WorkspaceRecord },
    query: ListResponsesQuery & { limit: number },
  ): Promise<Page<ResponseView>> {
    const filter: ResponseFilter = {
      surveyId: query.surveyId,
      fromDay: query.from,
      toDay: query.to,
      touchpointId: query.touchpointId,
      channel: query.channel,
      language: query.language,
      status: query.status,
      test: query.test,
    };
    if (query.band) {
      const key = query.surveyId ? await this.npsKeyOf(ctx.workspace.id, query.surveyId) : 'nps';
      const [min, max] = BANDS[query.band];
      filter.score = { questionKey: key ?? 'nps', min, max };
    }
    const records = await this.deps.store.responses.list(
      ctx.workspace.id,
      filter,
      query.limit,
      query.before,
    );
    const items = await this.toViews(ctx.workspace.id, records);
    return {
      items,
      nextBefore: records.length === query.limit ? (records.at(-1)?.id ?? null) : null,
    };
  }

  /** The attribute keys responses carry, each with its most common values (for the pickers). */
  async attributeKeys(ctx: { workspace: WorkspaceRecord }): Promise<ResponseAttributeKeys> {
    const byKey = new Map<string, { value: string; count: number }[]>();
    for (const { key, value, count } of await this.deps.store.responses.attributeCounts(
      ctx.workspace.id,
    ))
      byKey.set(key, [...(byKey.get(key) ?? []), { value, count }]);
    return {
      items: [...byKey].map(([key, values]) => {
        // Most common first; equal counts in the order the values sort (stable sort).
        const ranked = values.sort((a, b) => b.count - a.count);
        return {
          key,
          count: values.reduce((sum, v) => sum + v.count, 0),
          values: ranked.slice(0, MAX_ATTRIBUTE_VALUES),
          truncated: ranked.length > MAX_ATTRIBUTE_VALUES,
        };
      }),
    };
  }

  async get(ctx: { workspace: WorkspaceRecord }, id: string): Promise<ResponseView> {
    const record = await this.deps.store.responses.findById(ctx.workspace.id, id);
    if (!record) throw new DomainError('NOT_FOUND');
    const [view] = await this.toViews(ctx.workspace.id, [record]);
    return view!;
  }

  private async npsKeyOf(workspaceId: string, surveyId: string): Promise<string | undefined> {
    const survey = await this.deps.store.surveys.findById(workspaceId, surveyId);
    return survey?.draft.questions.find((q) => q.type === 'nps')?.key;
  }

  private async toViews(workspaceId: string, records: ResponseRecord[]): Promise<ResponseView[]> {
    const lookup = new SurveyLookup(this.deps.store, workspaceId);
    const answers = await this.deps.store.responses.answersOf(
      workspaceId,
      records.map((r) => r.id),
    );
    const views: ResponseView[] = [];
    for (const r of records) {
      const [survey, definition] = await Promise.all([
        lookup.survey(r.surveyId),
        lookup.version(r.surveyId, r.surveyVersion),
      ]);
      views.push({
        id: r.id,
        surveyId: r.surveyId,
        surveyName: survey?.name ?? '',
        version: r.surveyVersion,
        status: r.status,
        source: r.source,
        channel: r.channel,
        linkId: r.linkId,
        touchpointId: r.touchpointId,
        language: r.language,
        submittedAt: r.submittedAt,
        day: r.day,
        test: r.isTest === true,
        answers: definition ? answersFromRows(definition, answers.get(r.id) ?? []) : {},
      });
    }
    return views;
  }

  private async prepare(
    workspace: WorkspaceRecord,
    lookup: SurveyLookup,
    input: IntakeInput,
    prefix: string,
  ): Promise<Prepared | { issues: FieldIssue[] }> {
    const at = (path: string, message: string) => ({
      issues: [{ path: `body.${prefix}${path}`, message }],
    });
    const survey = await lookup.survey(input.surveyId);
    if (!survey) return at('surveyId', 'no such survey');
    if (survey.status !== 'published' || survey.publishedVersion === null) {
      if (prefix === '') throw new DomainError('SURVEY_NOT_OPEN');
      return at('surveyId', 'the survey is not open');
    }
    const version = input.version ?? survey.publishedVersion;
    const definition = await lookup.version(survey.id, version);
    if (!definition) return at('version', `no published version ${version}`);
    const language = input.language ?? definition.defaultLanguage;
    if (!definition.languages.includes(language))
      return at('language', `the survey is not offered in ${language}`);
    let link: SurveyLinkRecord | undefined;
    if (input.linkId) {
      link = await lookup.link(input.linkId);
      if (!link || link.surveyId !== survey.id) return at('linkId', 'no such link for this survey');
    }
    if (input.touchpointId && !(await lookup.touchpointExists(input.touchpointId)))
      return at('touchpointId', 'no such touchpoint in this workspace');
    const { rows, issues } = validateAnswers(definition, input.answers, { partial: input.partial });
    if (issues.length)
      return { issues: issues.map((i) => ({ ...i, path: `body.${prefix}${i.path}` })) };
    const now = this.deps.clock.now();
    const submittedAt = input.submittedAt ?? now;
    const lateOrEarly = submittedInstantIssue(submittedAt, now);
    if (lateOrEarly) return at('submittedAt', lateOrEarly);
    return {
      rows,
      attributes: input.attributes,
      record: {
        workspaceId: workspace.id,
        id: input.id ?? newId(now),
        surveyId: survey.id,
        surveyVersion: version,
        linkId: link?.id ?? null,
        source: input.source,
        channel: input.channel ?? link?.channel ?? input.source,
        touchpointId: input.touchpointId ?? link?.touchpointId ?? survey.touchpointId,
        language,
        status: input.partial ? 'partial' : 'complete',
        submittedAt,
        createdAt: now,
        day: localDay(submittedAt, workspace.timeZone),
        ...(input.test ? { isTest: true } : {}),
      },
    };
  }

  private async write(
    tx: Repositories,
    p: Prepared,
    mayUpdatePartial: boolean,
  ): Promise<IntakeResult> {
    if (await tx.responses.insert(p.record, p.rows, p.attributes))
      return { id: p.record.id, created: true };
    const existing = await tx.responses.findById(p.record.workspaceId, p.record.id);
    if (!existing || existing.surveyId !== p.record.surveyId)
      throw new DomainError('RESPONSE_ID_TAKEN');
    if (existing.status === 'partial' && mayUpdatePartial) {
      await tx.responses.replace(
        { ...p.record, createdAt: existing.createdAt },
        p.rows,
        p.attributes,
      );
    }
    return { id: p.record.id, created: false };
  }
}
