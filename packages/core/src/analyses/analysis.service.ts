import {
  addDays,
  MAX_KEY_DRIVERS,
  type EmotionResult,
  type ExpectationGapResult,
  type IpaResult,
  type KanoResult,
  type KeyDriverResult,
  type MetricFilters,
  type ResponseRateResult,
} from '@polku/contracts';
import { analyzeKeyDrivers, computeCorrelationMatrix } from '../metrics/drivers.js';
import { computeWilsonInterval, isSmallSample } from '../metrics/histogram.js';
import {
  classifyImportancePerformance,
  computeExpectationGap,
  rankExpectationGaps,
} from '../metrics/ipa.js';
import {
  analyzeKano,
  DEFAULT_KANO_TABLE,
  KANO_ANSWERS,
  type KanoPairCount,
  type KanoRule,
  type KanoTable,
} from '../metrics/kano.js';
import type { SurveyRepository, WorkspaceRecord } from '../ports.js';
import { DomainError } from '../shared/errors.js';
import { localDay } from '../shared/time.js';
import { loadCurrentDefinition } from '../surveys/current-definition.js';
import { nextMonthStart, startOfLocalDay } from '../shared/local-time.js';
import type { AnalysisRepository, AnswerScope, VariableHistogramRow } from './ports.js';
import {
  assertDistinct,
  invalidQuestion,
  numericVariable,
  requireQuestion,
  type NumericVariable,
} from './survey-questions.js';

type Ctx = { workspace: Pick<WorkspaceRecord, 'id' | 'timeZone'> };

interface ScopeInput {
  surveyId: string;
  from?: string | undefined;
  to?: string | undefined;
  filters?: MetricFilters | undefined;
}

const round = (x: number) => Math.round(x * 1e12) / 1e12;

function meanOf(rows: readonly VariableHistogramRow[]): { n: number; mean: number | null } {
  let n = 0;
  let sum = 0;
  for (const r of rows) {
    n += r.count;
    sum += r.count * r.value;
  }
  return { n, mean: n > 0 ? sum / n : null };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Whether every variable has the same, closed scale (then means stay on it, else go to
 * 0–100). Numeric questions without both bounds share no scale, not even with each other:
 * euros and minutes are not on one axis.
 */
function sharesOneScale(variables: readonly NumericVariable[]): boolean {
  const [first] = variables;
  return variables.every(
    (v) => v.min !== null && v.max !== null && v.min === first!.min && v.max === first!.max,
  );
}

/**
 * VALIDATION_FAILED unless every variable has a min and a max: what putting means on 0–100
 * needs. `path(i)` names the body field of variable i.
 */
function assertClosedScales(variables: readonly NumericVariable[], path: (i: number) => string) {
  variables.forEach((v, i) => {
    if (v.min === null || v.max === null)
      throw invalidQuestion(
        path(i),
        `"${v.questionKey}" is a numeric question without a min and a max; the scales differ, ` +
          'so each mean is put on 0–100, which needs both. Give it a range, or compare questions on one scale.',
      );
  });
}

const to100 = (mean: number, v: NumericVariable) => (100 * (mean - v.min!)) / (v.max! - v.min!);

/**
 * The analyses of docs/metrics.md over SQL counts: key drivers (LMG), importance–performance,
 * expectation gaps, Kano, emotion distribution and invitation response rate. It validates the
 * questions against the survey's current definition, asks the repository for joint histograms
 * or pair counts (never rows), and hands them to the statistics in ../metrics.
 */
export class AnalysisService {
  constructor(
    private readonly deps: {
      surveys: Pick<SurveyRepository, 'findById' | 'findVersion'>;
      analyses: AnalysisRepository;
    },
  ) {}

  private scope(q: ScopeInput): AnswerScope {
    return { surveyId: q.surveyId, from: q.from, to: q.to, filters: q.filters };
  }

  /** LMG share of R² and Pearson r of each driver with the outcome, over complete cases. */
  async keyDrivers(
    ctx: Ctx,
    q: ScopeInput & { outcome: string; drivers: string[] },
  ): Promise<KeyDriverResult> {
    if (q.drivers.length < 1 || q.drivers.length > MAX_KEY_DRIVERS)
      throw invalidQuestion(
        'body.drivers',
        `Give 1 to ${MAX_KEY_DRIVERS} drivers (the exact LMG fits 2^p regressions); got ${q.drivers.length}.`,
      );
    assertDistinct(q.drivers, 'body.drivers');
    if (q.drivers.includes(q.outcome))
      throw invalidQuestion('body.drivers', `The outcome "${q.outcome}" cannot also be a driver.`);
    const definition = await loadCurrentDefinition(this.deps.surveys, ctx.workspace.id, q.surveyId);
    const outcome = numericVariable(definition, q.outcome, 'body.outcome');
    const drivers = q.drivers.map((key, i) =>
      numericVariable(definition, key, `body.drivers.${i}`),
    );
    const input = await this.deps.analyses.crossProducts(ctx.workspace.id, this.scope(q), [
      outcome,
      ...drivers,
    ]);
    const result = analyzeKeyDrivers(input, q.drivers);
    return {
      surveyId: q.surveyId,
      outcome: q.outcome,
      n: result.n,
      rSquared: round(result.rSquared),
      smallSample: result.smallSample,
      method: 'lmg',
      drivers: result.drivers.map((d) => ({
        question: d.name,
        correlation: d.correlation === null ? null : round(d.correlation),
        lmg: round(d.lmg),
        percentOfRSquared: d.shareOfRSquared === null ? null : round(100 * d.shareOfRSquared),
      })),
    };
  }

  /**
   * Importance–performance: performance = mean answer (0–100 when the attributes' scales
   * differ); importance = Pearson r with the outcome (derived, pairwise complete) or the mean
   * of a paired importance question (stated). Quadrants by classifyImportancePerformance
   * around the chosen crosshair; an attribute without both figures gets no quadrant.
   */
  async importancePerformance(
    ctx: Ctx,
    q: ScopeInput & {
      attributes: string[];
      importance:
        | { kind: 'derived'; outcome: string }
        | { kind: 'stated'; questions: Record<string, string> };
      crosshair?: 'mean' | 'median' | { importance: number; performance: number } | undefined;
    },
  ): Promise<IpaResult> {
    assertDistinct(q.attributes, 'body.attributes');
    const definition = await loadCurrentDefinition(this.deps.surveys, ctx.workspace.id, q.surveyId);
    const attributes = q.attributes.map((key, i) =>
      numericVariable(definition, key, `body.attributes.${i}`),
    );
    const scope = this.scope(q);
    const performanceRaw = sharesOneScale(attributes);
    if (!performanceRaw) assertClosedScales(attributes, (i) => `body.attributes.${i}`);
    const histograms = await this.histogramsOf(ctx, scope, attributes);
    const performance = attributes.map((v) => {
      const { n, mean } = meanOf(histograms.get(v.questionKey) ?? []);
      return { n, value: mean === null ? null : performanceRaw ? mean : to100(mean, v) };
    });

    let importance: { n: number; value: number | null }[];
    let importanceScale: IpaResult['importanceScale'];
    if (q.importance.kind === 'derived') {
      if (q.attributes.includes(q.importance.outcome))
        throw invalidQuestion(
          'body.importance.outcome',
          `The outcome "${q.importance.outcome}" cannot also be an attribute.`,
        );
      const outcome = numericVariable(definition, q.importance.outcome, 'body.importance.outcome');
      importanceScale = 'correlation';
      importance = [];
      for (const attribute of attributes) {
        const input = await this.deps.analyses.crossProducts(ctx.workspace.id, scope, [
          attribute,
          outcome,
        ]);
        const { matrix, constant } = computeCorrelationMatrix(input);
        importance.push({
          n: input.n,
          value: input.n < 2 || constant.length ? null : round(matrix[0]![1]!),
        });
      }
    } else {
      const mapping = q.importance.questions;
      const extra = Object.keys(mapping).filter((k) => !q.attributes.includes(k));
      if (extra.length)
        throw invalidQuestion(
          'body.importance.questions',
          `Not an attribute: ${extra.join(', ')}.`,
        );
      const stated = q.attributes.map((key) => {
        const importanceKey = mapping[key];
        if (importanceKey === undefined)
          throw invalidQuestion(
            `body.importance.questions.${key}`,
            `Name the importance question of "${key}".`,
          );
        return numericVariable(definition, importanceKey, `body.importance.questions.${key}`);
      });
      const raw = sharesOneScale(stated);
      if (!raw) assertClosedScales(stated, (i) => `body.importance.questions.${q.attributes[i]!}`);
      importanceScale = raw ? 'raw' : '0-100';
      const statedHistograms = await this.histogramsOf(ctx, scope, stated);
      importance = stated.map((v) => {
        const { n, mean } = meanOf(statedHistograms.get(v.questionKey) ?? []);
        return { n, value: mean === null ? null : raw ? mean : to100(mean, v) };
      });
    }

    const points = q.attributes.flatMap((name, i) => {
      const imp = importance[i]!.value;
      const perf = performance[i]!.value;
      return imp === null || perf === null ? [] : [{ name, importance: imp, performance: perf }];
    });
    const rule = q.crosshair ?? 'mean';
    const crosshair =
      typeof rule === 'object'
        ? rule
        : points.length === 0
          ? { importance: 0, performance: 0 }
          : rule === 'median'
            ? {
                importance: median(points.map((p) => p.importance)),
                performance: median(points.map((p) => p.performance)),
              }
            : {
                importance: points.reduce((s, p) => s + p.importance, 0) / points.length,
                performance: points.reduce((s, p) => s + p.performance, 0) / points.length,
              };
    const classified = new Map(
      classifyImportancePerformance(points, crosshair).attributes.map((a) => [a.name, a.quadrant]),
    );
    return {
      surveyId: q.surveyId,
      importanceKind: q.importance.kind,
      performanceScale: performanceRaw ? 'raw' : '0-100',
      importanceScale,
      crosshair: {
        importance: round(crosshair.importance),
        performance: round(crosshair.performance),
      },
      crosshairRule: typeof rule === 'object' ? 'custom' : rule,
      attributes: q.attributes.map((question, i) => ({
        question,
        importance: importance[i]!.value === null ? null : round(importance[i]!.value),
        performance: performance[i]!.value === null ? null : round(performance[i]!.value),
        n: performance[i]!.n,
        importanceN: importance[i]!.n,
        quadrant: classified.get(question) ?? null,
        smallSample: isSmallSample(Math.min(performance[i]!.n, importance[i]!.n)),
      })),
    };
  }

  private async histogramsOf(
    ctx: Ctx,
    scope: AnswerScope,
    variables: NumericVariable[],
  ): Promise<Map<string, VariableHistogramRow[]>> {
    const rows = await this.deps.analyses.histograms(ctx.workspace.id, scope, variables);
    const out = new Map<string, VariableHistogramRow[]>();
    for (const row of rows) {
      const list = out.get(row.questionKey) ?? [];
      list.push(row);
      out.set(row.questionKey, list);
    }
    return out;
  }

  /** Outcome − expectation of every expectation question, pairwise complete, worst first. */
  async expectationGaps(ctx: Ctx, q: ScopeInput): Promise<ExpectationGapResult> {
    const definition = await loadCurrentDefinition(this.deps.surveys, ctx.workspace.id, q.surveyId);
    const keys = definition.questions.filter((x) => x.type === 'expectation').map((x) => x.key);
    if (!keys.length)
      throw invalidQuestion('body.surveyId', 'The survey has no expectation questions.');
    const pairs = await this.deps.analyses.itemPairCounts(ctx.workspace.id, this.scope(q), keys, [
      'expectation',
      'outcome',
    ]);
    const gaps = keys.map((key) =>
      computeExpectationGap(
        key,
        pairs
          .filter((p) => p.questionKey === key)
          .map((p) => ({ expectation: p.first, perception: p.second, count: p.count })),
      ),
    );
    const ranked = rankExpectationGaps(gaps);
    return {
      surveyId: q.surveyId,
      items: ranked.items.map((g) => ({
        question: g.name,
        n: g.n,
        gap: g.gap === null ? null : round(g.gap),
        ci95: g.ci95 ? [round(g.ci95[0]), round(g.ci95[1])] : null,
        smallSample: g.smallSample,
      })),
      dimensionGap: ranked.dimensionGap === null ? null : round(ranked.dimensionGap),
    };
  }

  /** Kano category counts by `table`, the assigned category by `rule`, Better and Worse per
   * feature; the result names both. */
  async kano(
    ctx: Ctx,
    q: ScopeInput & { rule?: KanoRule | undefined; table?: KanoTable | undefined },
  ): Promise<KanoResult> {
    const rule = q.rule ?? 'mode';
    const table = q.table ?? DEFAULT_KANO_TABLE;
    const definition = await loadCurrentDefinition(this.deps.surveys, ctx.workspace.id, q.surveyId);
    const keys = definition.questions.filter((x) => x.type === 'kano').map((x) => x.key);
    if (!keys.length) throw invalidQuestion('body.surveyId', 'The survey has no Kano questions.');
    const rows = await this.deps.analyses.itemPairCounts(ctx.workspace.id, this.scope(q), keys, [
      'functional',
      'dysfunctional',
    ]);
    // Answers are stored as value_num 1…5 in the table's order (contracts' kanoAnswers:
    // like, must_be, neutral, live_with, dislike), the same order as core's KANO_ANSWERS.
    const answer = (v: number) => {
      const a = KANO_ANSWERS[v - 1];
      if (!a) throw new DomainError('INTERNAL', `Kano: stored value ${v} is not 1–5`);
      return a;
    };
    return {
      surveyId: q.surveyId,
      rule,
      table,
      features: keys.map((key) => {
        const pairs: KanoPairCount[] = rows
          .filter((r) => r.questionKey === key)
          .map((r) => ({
            functional: answer(r.first),
            dysfunctional: answer(r.second),
            count: r.count,
          }));
        const k = analyzeKano(pairs, { rule, table });
        return {
          question: key,
          n: k.n,
          counts: { ...k.counts },
          category: k.category,
          better: k.better === null ? null : round(k.better),
          worse: k.worse === null ? null : round(k.worse),
          smallSample: isSmallSample(k.n),
        };
      }),
    };
  }

  /** Share of respondents who picked each offered feeling (Wilson 95%), and mean intensity. */
  async emotions(ctx: Ctx, q: ScopeInput & { question: string }): Promise<EmotionResult> {
    const definition = await loadCurrentDefinition(this.deps.surveys, ctx.workspace.id, q.surveyId);
    const question = requireQuestion(definition, q.question, ['emotion'], 'body.question');
    const counts = await this.deps.analyses.emotionCounts(
      ctx.workspace.id,
      this.scope(q),
      q.question,
    );
    const n = counts.respondents;
    return {
      surveyId: q.surveyId,
      question: q.question,
      n,
      smallSample: isSmallSample(n),
      emotions: question.emotions.map((emotion) => {
        const row = counts.rows.find((r) => r.emotion === emotion);
        const count = row?.count ?? 0;
        const ci = computeWilsonInterval(count, n);
        return {
          emotion,
          count,
          percent: n > 0 ? round((100 * count) / n) : null,
          ci95: ci ? [round(100 * ci[0]), round(100 * ci[1])] : null,
          meanIntensity:
            row && row.intensityN > 0 ? round(row.intensitySum / row.intensityN) : null,
          intensityN: row?.intensityN ?? 0,
        };
      }),
    };
  }

  /**
   * Invitations sent and answered (with a complete response) per survey, and per local month
   * of sending when asked. Only `filters.surveyIds` and `filters.languages` describe an
   * invitation; the other conditions describe answers, which an unanswered invitation lacks,
   * so they are refused rather than silently ignored.
   */
  async responseRate(
    ctx: Ctx,
    q: {
      surveyId?: string | undefined;
      by?: 'all' | 'month' | undefined;
      from?: string | undefined;
      to?: string | undefined;
      filters?: MetricFilters | undefined;
    },
  ): Promise<ResponseRateResult> {
    const by = q.by ?? 'all';
    const filters = q.filters ?? {};
    for (const key of ['touchpointIds', 'channels', 'attributes'] as const)
      if (filters[key] !== undefined)
        throw invalidQuestion(
          `body.filters.${key}`,
          `${key} do not apply to invitations; filter by surveyIds or languages.`,
        );
    if (q.surveyId && !(await this.deps.surveys.findById(ctx.workspace.id, q.surveyId)))
      throw new DomainError('NOT_FOUND', `No survey ${q.surveyId}.`);
    const surveyIds = q.surveyId
      ? filters.surveyIds && !filters.surveyIds.includes(q.surveyId)
        ? []
        : [q.surveyId]
      : filters.surveyIds;
    if (surveyIds && surveyIds.length === 0) return { by, rows: [] };
    const tz = ctx.workspace.timeZone;
    const base = {
      surveyIds,
      languages: filters.languages,
      sentFrom: q.from ? startOfLocalDay(q.from, tz) : undefined,
      sentBefore: q.to ? startOfLocalDay(addDays(q.to, 1), tz) : undefined,
    };
    let labels = ['all'];
    const boundaries: number[] = [];
    if (by === 'month') {
      const range = await this.deps.analyses.invitationSentRange(ctx.workspace.id, base);
      if (!range) return { by, rows: [] };
      const last = localDay(range.last, tz).slice(0, 7);
      labels = [localDay(range.first, tz).slice(0, 7)];
      while (labels[labels.length - 1]! < last) {
        const start = nextMonthStart(labels[labels.length - 1]!);
        boundaries.push(startOfLocalDay(start, tz));
        labels.push(start.slice(0, 7));
      }
    }
    const rows = await this.deps.analyses.invitationCounts(ctx.workspace.id, {
      ...base,
      boundaries,
    });
    return {
      by,
      rows: rows
        .sort((a, b) =>
          a.surveyId < b.surveyId ? -1 : a.surveyId > b.surveyId ? 1 : a.bucket - b.bucket,
        )
        .map((r) => {
          const ci = computeWilsonInterval(r.responded, r.sent);
          return {
            surveyId: r.surveyId,
            bucket: labels[r.bucket] ?? labels[labels.length - 1]!,
            sent: r.sent,
            responded: r.responded,
            rate: r.sent > 0 ? round((100 * r.responded) / r.sent) : null,
            ci95: ci ? [round(100 * ci[0]), round(100 * ci[1])] : null,
            method: 'wilson' as const,
            smallSample: isSmallSample(r.sent),
          };
        }),
    };
  }
}
