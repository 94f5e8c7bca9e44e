import { MetricInputError } from './histogram.js';

/** The five Kano answers, in the order of the evaluation table's rows and columns. */
export const KANO_ANSWERS = ['like', 'must-be', 'neutral', 'live-with', 'dislike'] as const;
export type KanoAnswer = (typeof KANO_ANSWERS)[number];

/**
 * A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable.
 */
export type KanoCategory = 'A' | 'O' | 'M' | 'I' | 'R' | 'Q';

type EvaluationTable = readonly (readonly KanoCategory[])[];

/**
 * The standard evaluation table (Kano et al. 1984, as printed by Berger et al. 1993): rows =
 * functional answer, columns = dysfunctional answer, both in the order like, must-be, neutral,
 * live-with, dislike. Only like/like and dislike/dislike are questionable.
 */
const STANDARD_TABLE: EvaluationTable = [
  ['Q', 'A', 'A', 'A', 'O'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'R', 'R', 'R', 'Q'],
];

/**
 * The modified table (Pouliot's, printed in Berger et al. 1993 beside the standard one and used
 * in published Kano studies): the same answer to both questions is questionable, except
 * neutral/neutral, so must-be/must-be ("I expect it" either way) and live-with/live-with are Q
 * rather than I. Every other cell is the standard table's.
 */
const MODIFIED_TABLE: EvaluationTable = [
  ['Q', 'A', 'A', 'A', 'O'],
  ['R', 'Q', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'Q', 'M'],
  ['R', 'R', 'R', 'R', 'Q'],
];

/** Which evaluation table classifies the answer pairs: `standard` or `modified` (Pouliot's). */
export type KanoTable = 'standard' | 'modified';

export const DEFAULT_KANO_TABLE: KanoTable = 'standard';

const TABLES: Record<KanoTable, EvaluationTable> = {
  standard: STANDARD_TABLE,
  modified: MODIFIED_TABLE,
};

/**
 * The Kano category of one respondent's answer pair by an evaluation table (the standard one
 * unless `table` says `modified`).
 * Source: Berger et al. (1993), "Kano's methods for understanding customer-defined quality",
 * Center for Quality Management Journal 2(4), for both tables.
 * @example classifyKanoAnswers('like', 'dislike') // 'O'
 * @example classifyKanoAnswers('must-be', 'must-be', 'modified') // 'Q' (standard: 'I')
 */
export function classifyKanoAnswers(
  functional: KanoAnswer,
  dysfunctional: KanoAnswer,
  table: KanoTable = DEFAULT_KANO_TABLE,
): KanoCategory {
  const row = KANO_ANSWERS.indexOf(functional);
  const column = KANO_ANSWERS.indexOf(dysfunctional);
  if (row < 0 || column < 0) {
    throw new MetricInputError(`Kano: unknown answer pair ${functional}/${dysfunctional}`);
  }
  return TABLES[table][row]![column]!;
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
  table: KanoTable = DEFAULT_KANO_TABLE,
): KanoCounts {
  const counts: Record<KanoCategory, number> = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
  for (const pair of pairs) {
    if (!Number.isInteger(pair.count) || pair.count < 0) {
      throw new MetricInputError(`Kano: count ${pair.count} is not a non-negative integer`);
    }
    counts[classifyKanoAnswers(pair.functional, pair.dysfunctional, table)] += pair.count;
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
  /** The evaluation table the pairs were classified by. */
  readonly table: KanoTable;
  /** (A + O)/(A + O + M + I), 0…1; null when the denominator is 0. */
  readonly better: number | null;
  /** −(O + M)/(A + O + M + I), −1…0; null when the denominator is 0. */
  readonly worse: number | null;
}

/**
 * Kano analysis of one feature: category counts by the chosen evaluation table (standard by
 * default), the assigned category by the chosen rule, and the satisfaction coefficients
 * Better = (A + O)/(A + O + M + I) and Worse = −(O + M)/(A + O + M + I) (R and Q excluded).
 * Source: Berger et al. (1993); Timko (1993) for the coefficients.
 * @example analyzeKano([{ functional: 'like', dysfunctional: 'dislike', count: 2 }, { functional: 'neutral', dysfunctional: 'dislike', count: 2 }])
 * // counts O 2, M 2; category 'M'; better 0.5; worse −1
 */
export function analyzeKano(
  pairs: readonly KanoPairCount[],
  options: { readonly rule?: KanoRule; readonly table?: KanoTable } = {},
): KanoResult {
  const rule = options.rule ?? DEFAULT_KANO_RULE;
  const table = options.table ?? DEFAULT_KANO_TABLE;
  const counts = countKanoCategories(pairs, table);
  const n = TIE_ORDER.reduce((sum, c) => sum + counts[c], 0);
  const denominator = counts.A + counts.O + counts.M + counts.I;
  return {
    counts,
    n,
    category: assignKanoCategory(counts, rule),
    rule,
    table,
    better: denominator > 0 ? (counts.A + counts.O) / denominator : null,
    worse: denominator > 0 ? -(counts.O + counts.M) / denominator : null,
  };
}
