import {
  breakdownDimensions,
  describeCsiWeightProblem,
  isMultiItemMetric,
  isOneQuestionMetric,
  languages,
  metricBuckets,
  metricKinds,
  metricQuerySchema,
  npsIntervalMethods,
  type Language,
  type MetricBucket,
  type MetricKind,
  type MetricQuery,
  type NpsIntervalMethodName,
} from '@polku/contracts';
import { dayPattern, periodPresets, presetRange, type Period } from './period';
import { attributeFilters } from '../../lib/attribute-conditions';

export type BreakdownBy = (typeof breakdownDimensions)[number];

/**
 * Everything the explorer shows, as kept in the address (so a view can be linked, and alerts
 * link to one). Parameters, all optional:
 *
 * - `kind` (nps…), `survey` (id), `question` (a key; for the CX index its three keys,
 *   comma-separated, as target alerts link them: packages/core/src/targets/links.ts);
 * - `period` (30d, 3m, 12m, 24m) or `from`/`to` (YYYY-MM-DD; either makes the period custom);
 * - `by` (day…all), `breakdown` (survey, touchpoint, channel, language, attribute), `breakdownKey`;
 * - `interval` (NPS and eNPS: `wald`; adjusted-Wald when left out), `weights` (CSI: three
 *   numbers, comma-separated, as 0.3885,0.319,0.2925; equal weights when left out);
 * - filters, repeated: `channel`, `language`, `touchpoint` (an id, or `none`), `attr` (key=value).
 */
export interface ExplorerState {
  kind: MetricKind;
  surveyId: string | undefined;
  question: string | undefined;
  cxQuestions: [string, string, string] | undefined;
  /** NPS and eNPS: the interval method; undefined is the default, adjusted-Wald. */
  interval: NpsIntervalMethodName | undefined;
  /** CSI: the items' weights in the items' order; undefined is equal weights. */
  weights: [number, number, number] | undefined;
  period: Period;
  from: string | undefined;
  to: string | undefined;
  by: MetricBucket;
  breakdown: BreakdownBy | undefined;
  breakdownKey: string | undefined;
  channels: string[];
  languages: Language[];
  /** Touchpoint ids; null stands for answers given at no touchpoint. */
  touchpointIds: (string | null)[];
  attributes: { key: string; value: string }[];
}

export const defaultPeriod: Period = '12m';
export const defaultBucket: MetricBucket = 'month';

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((a) => a === value);
}

const keyPattern = /^[a-z][a-z0-9_]*$/;

/** Splits `key=value` (the value may hold further `=`); null when it is not one. */
export function parseAttribute(text: string): { key: string; value: string } | null {
  const at = text.indexOf('=');
  if (at < 1) return null;
  const key = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  return keyPattern.test(key) && key.length <= 64 && value && value.length <= 200
    ? { key, value }
    : null;
}

/** Reads the explorer's state from the address; anything malformed is ignored, not fatal. */
export function readExplorerState(params: URLSearchParams): ExplorerState {
  const day = (name: string) => {
    const v = params.get(name);
    return v && dayPattern.test(v) ? v : undefined;
  };
  const key = (name: string) => {
    const v = params.get(name);
    return v && keyPattern.test(v) ? v : undefined;
  };
  const from = day('from');
  const to = day('to');
  const cx = (params.get('question') ?? '').split(',');
  const cxQuestions =
    cx.length === 3 && cx.every((k) => keyPattern.test(k))
      ? (cx as [string, string, string])
      : undefined;
  // Three numbers are kept even when they do not sum to 1: the page then says what to fix.
  const w = (params.get('weights') ?? '').split(',').map((x) => (x.trim() ? Number(x) : NaN));
  const weights =
    w.length === 3 && w.every(Number.isFinite) ? (w as [number, number, number]) : undefined;
  return {
    kind: pick(metricKinds, params.get('kind')) ?? 'nps',
    surveyId: params.get('survey') || undefined,
    question: key('question'),
    cxQuestions,
    interval: pick(npsIntervalMethods, params.get('interval')),
    weights,
    period: from || to ? 'custom' : (pick(periodPresets, params.get('period')) ?? defaultPeriod),
    from,
    to,
    by: pick(metricBuckets, params.get('by')) ?? defaultBucket,
    breakdown: pick(breakdownDimensions, params.get('breakdown')),
    breakdownKey: key('breakdownKey'),
    channels: [...new Set(params.getAll('channel').filter((c) => c && c.length <= 16))],
    languages: [...new Set(params.getAll('language'))].filter((l): l is Language =>
      (languages as readonly string[]).includes(l),
    ),
    touchpointIds: [...new Set(params.getAll('touchpoint').filter(Boolean))].map((t) =>
      t === 'none' ? null : t,
    ),
    attributes: params
      .getAll('attr')
      .map(parseAttribute)
      .filter((a): a is { key: string; value: string } => a !== null),
  };
}

/** The address parameters of a state; defaults are left out so links stay short. */
export function writeExplorerState(state: ExplorerState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.kind !== 'nps') p.set('kind', state.kind);
  if (state.surveyId) p.set('survey', state.surveyId);
  if (isMultiItemMetric(state.kind)) {
    if (state.cxQuestions) p.set('question', state.cxQuestions.join(','));
  } else if (state.question) p.set('question', state.question);
  if (hasIntervalChoice(state.kind) && state.interval && state.interval !== 'adjusted-wald')
    p.set('interval', state.interval);
  if (state.kind === 'csi' && state.weights) p.set('weights', state.weights.join(','));
  if (state.period === 'custom') {
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
  } else if (state.period !== defaultPeriod) p.set('period', state.period);
  if (state.by !== defaultBucket) p.set('by', state.by);
  if (state.breakdown) p.set('breakdown', state.breakdown);
  if (state.breakdown === 'attribute' && state.breakdownKey)
    p.set('breakdownKey', state.breakdownKey);
  for (const c of state.channels) p.append('channel', c);
  for (const l of state.languages) p.append('language', l);
  for (const t of state.touchpointIds) p.append('touchpoint', t ?? 'none');
  for (const a of state.attributes) p.append('attr', `${a.key}=${a.value}`);
  return p;
}

/** The days the state covers: a preset ends on `today` (the workspace's). */
export function rangeOf(state: ExplorerState, today: string): { from?: string; to?: string } {
  if (state.period !== 'custom') return presetRange(state.period, today);
  return { from: state.from, to: state.to };
}

/** Whether the metric lets the analyst choose its interval method (NPS and eNPS do). */
export const hasIntervalChoice = (kind: MetricKind): boolean => kind === 'nps' || kind === 'enps';

/** Why no query can be made yet. */
export type MissingChoice =
  'question' | 'cxQuestions' | 'csiQuestions' | 'weights' | 'breakdownKey' | 'period';

/**
 * The API query of a state, or what is still missing. A survey picked without a question
 * narrows the metric to that survey's questions of the kind (a filter); a question names it.
 */
export function toMetricQuery(
  state: ExplorerState,
  today: string,
): { query: MetricQuery } | { missing: MissingChoice } {
  const { from, to } = rangeOf(state, today);
  if (from && to && from > to) return { missing: 'period' };
  if (isOneQuestionMetric(state.kind) && !(state.surveyId && state.question))
    return { missing: 'question' };
  if (isMultiItemMetric(state.kind) && !(state.surveyId && state.cxQuestions))
    return { missing: state.kind === 'csi' ? 'csiQuestions' : 'cxQuestions' };
  if (state.breakdown === 'attribute' && !state.breakdownKey) return { missing: 'breakdownKey' };
  if (state.kind === 'csi' && state.weights && describeCsiWeightProblem(state.weights))
    return { missing: 'weights' };

  const metric: MetricQuery['metric'] = { kind: state.kind };
  if (hasIntervalChoice(state.kind) && state.interval) metric.interval = state.interval;
  if (state.kind === 'csi' && state.weights) metric.weights = state.weights;
  const filters: NonNullable<MetricQuery['filters']> = {};
  if (isMultiItemMetric(state.kind) && state.surveyId && state.cxQuestions) {
    metric.surveyId = state.surveyId;
    metric.questions = state.cxQuestions;
  } else if (state.surveyId && state.question) {
    metric.surveyId = state.surveyId;
    metric.question = state.question;
  } else if (state.surveyId) {
    filters.surveyIds = [state.surveyId];
  }
  if (state.channels.length) filters.channels = state.channels;
  if (state.languages.length) filters.languages = state.languages;
  if (state.touchpointIds.length) filters.touchpointIds = state.touchpointIds;
  if (state.attributes.length) filters.attributes = attributeFilters(state.attributes);
  const query: MetricQuery = {
    metric,
    by: state.by,
    ...(from && { from }),
    ...(to && { to }),
    filters,
    ...(state.breakdown && {
      breakdown:
        state.breakdown === 'attribute'
          ? { by: 'attribute', key: state.breakdownKey }
          : { by: state.breakdown },
    }),
  };
  // The contract has the last word (limits on list lengths, id shapes): a state it rejects is
  // not sent, and the page says which choice to fix rather than showing a server error.
  const checked = metricQuerySchema.safeParse(query);
  if (!checked.success) {
    const path = checked.error.issues[0]?.path.join('.') ?? '';
    return {
      missing: path.startsWith('breakdown')
        ? 'breakdownKey'
        : path.startsWith('from') || path.startsWith('to')
          ? 'period'
          : 'question',
    };
  }
  return { query };
}

/** The explorer's address for a metric (the home page and alerts link with these). */
export function explorerPath(workspaceId: string, state: Partial<ExplorerState> = {}): string {
  const full: ExplorerState = {
    kind: 'nps',
    surveyId: undefined,
    question: undefined,
    cxQuestions: undefined,
    interval: undefined,
    weights: undefined,
    period: defaultPeriod,
    from: undefined,
    to: undefined,
    by: defaultBucket,
    breakdown: undefined,
    breakdownKey: undefined,
    channels: [],
    languages: [],
    touchpointIds: [],
    attributes: [],
    ...state,
  };
  const qs = writeExplorerState(full).toString();
  return `/w/${workspaceId}/analytics${qs ? `?${qs}` : ''}`;
}
