import { MetricInputError } from './histogram.js';

/** The five Kano answers, in the order of the evaluation table's rows and columns. */
export const KANO_ANSWERS = ['like', 'must-be', 'neutral', 'live-with', 'dislike'] as const;
export type KanoAnswer = (typeof KANO_ANSWERS)[number];

/**
 * A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable.
 */
export type KanoCategory = 'A' | 'O' | 'M' | 'I' | 'R' | 'Q';

/**
 * Berger et al. (1993) evaluation table: rows = functional answer, columns = dysfunctional
 * answer, both in the order like, must-be, neutral, live-with, dislike.
 */
const BERGER_TABLE: readonly (readonly KanoCategory[])[] = [
  ['Q', 'A', 'A', 'A', 'O'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'R', 'R', 'R', 'Q'],
];

/**
 * `'berger'`: the table as published. `'strict-questionable'`: the known variant that also
 * codes identical must-be/must-be and live-with/live-with answers as Q.
 */
export type KanoTableVariant = 'berger' | 'strict-questionable';

/**
 * The Kano category of one respondent's answer pair, by the Berger et al. (1993) table.
 * Source: Berger et al. (1993), "Kano's methods for understanding customer-defined quality",
 * Center for Quality Management Journal 2(4).
 * @example classifyKanoAnswers('like', 'dislike') // 'O'
 */
export function classifyKanoAnswers(
  functional: KanoAnswer,
  dysfunctional: KanoAnswer,
  variant: KanoTableVariant = 'berger',
): KanoCategory {
  const row = KANO_ANSWERS.indexOf(functional);
  const column = KANO_ANSWERS.indexOf(dysfunctional);
  if (row < 0 || column < 0) {
    throw new MetricInputError(`Kano: unknown answer pair ${functional}/${dysfunctional}`);
  }
  if (
    variant === 'strict-questionable' &&
    row === column &&
    (functional === 'must-be' || functional === 'live-with')
  ) {
    return 'Q';
  }
  return BERGER_TABLE[row]![column]!;
}

/** One cell of the functional × dysfunctional cross-tab: SQL's `GROUP BY functional, dysfunctional`. */
export interface KanoPairCount {
  readonly functional: KanoAnswer;
  readonly dysfunctional: KanoAnswer;
  readonly count: number;
}

export type KanoCounts = Readonly<Record<KanoCategory, number>>;

/**
 * Category counts A/O/M/I/R/Q of one feature from its answer-pair counts. Respondents who
 * skipped either question have no pair and are not counted.
 * @example countKanoCategories([{ functional: 'like', dysfunctional: 'dislike', count: 3 }]) // O: 3
 */
export function countKanoCategories(
  pairs: readonly KanoPairCount[],
  variant: KanoTableVariant = 'berger',
): KanoCounts {
  const counts: Record<KanoCategory, number> = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
  for (const pair of pairs) {
    if (!Number.isInteger(pair.count) || pair.count < 0) {
      throw new MetricInputError(`Kano: count ${pair.count} is not a non-negative integer`);
    }
    counts[classifyKanoAnswers(pair.functional, pair.dysfunctional, variant)] += pair.count;
  }
  return counts;
}

/**
 * `'mode'`: the most frequent of all six categories, ties broken M > O > A > I > R > Q
 * (a tie goes to the category that costs more to get wrong). `'aom-vs-irq'`: if A + O + M >
 * I + R + Q, the largest of M, O, A (same tie order), else the largest of I, R, Q (I > R > Q).
 * The two rules disagree on real data, so the rule is a setting; Polku's default is `'mode'`.
 */
export type KanoRule = 'mode' | 'aom-vs-irq';

export const DEFAULT_KANO_RULE: KanoRule = 'mode';

const TIE_ORDER: readonly KanoCategory[] = ['M', 'O', 'A', 'I', 'R', 'Q'];

function pickLargest(counts: KanoCounts, among: readonly KanoCategory[]): KanoCategory {
  let best = among[0]!;
  for (const category of among) if (counts[category] > counts[best]) best = category;
  return best;
}

/**
 * The category assigned to a feature by a rule; null when no respondent answered both.
 * @example assignKanoCategory({ A: 5, O: 5, M: 0, I: 6, R: 0, Q: 0 }, 'mode') // 'I'
 * @example assignKanoCategory({ A: 5, O: 5, M: 0, I: 6, R: 0, Q: 0 }, 'aom-vs-irq') // 'O'
 */
export function assignKanoCategory(
  counts: KanoCounts,
  rule: KanoRule = DEFAULT_KANO_RULE,
): KanoCategory | null {
  const total = TIE_ORDER.reduce((sum, c) => sum + counts[c], 0);
  if (total === 0) return null;
  switch (rule) {
    case 'mode':
      return pickLargest(counts, TIE_ORDER);
    case 'aom-vs-irq':
      return counts.A + counts.O + counts.M > counts.I + counts.R + counts.Q
        ? pickLargest(counts, ['M', 'O', 'A'])
        : pickLargest(counts, ['I', 'R', 'Q']);
  }
}

export interface KanoResult {
  readonly counts: KanoCounts;
  /** Respondents with both answers (all six categories). */
  readonly n: number;
  readonly category: KanoCategory | null;
  readonly rule: KanoRule;
  /** (A + O)/(A + O + M + I), 0…1; null when the denominator is 0. */
  readonly better: number | null;
  /** −(O + M)/(A + O + M + I), −1…0; null when the denominator is 0. */
  readonly worse: number | null;
}

/**
 * Kano analysis of one feature: category counts, the assigned category by the chosen rule, and
 * the satisfaction coefficients Better = (A + O)/(A + O + M + I) and Worse = −(O + M)/(A + O +
 * M + I) (R and Q excluded). Source: Berger et al. (1993); Timko (1993) for the coefficients.
 * @example analyzeKano([{ functional: 'like', dysfunctional: 'dislike', count: 2 }, { functional: 'neutral', dysfunctional: 'dislike', count: 2 }])
 * // counts O 2, M 2; category 'M'; better 0.5; worse −1
 */
export function analyzeKano(
  pairs: readonly KanoPairCount[],
  options: { readonly rule?: KanoRule; readonly variant?: KanoTableVariant } = {},
): KanoResult {
  const rule = options.rule ?? DEFAULT_KANO_RULE;
  const counts = countKanoCategories(pairs, options.variant);
  const n = TIE_ORDER.reduce((sum, c) => sum + counts[c], 0);
  const denominator = counts.A + counts.O + counts.M + counts.I;
  return {
    counts,
    n,
    category: assignKanoCategory(counts, rule),
    rule,
    better: denominator > 0 ? (counts.A + counts.O) / denominator : null,
    worse: denominator > 0 ? -(counts.O + counts.M) / denominator : null,
  };
}
