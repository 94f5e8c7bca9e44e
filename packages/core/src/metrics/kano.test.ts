import { describe, expect, it } from 'vitest';
import {
  analyzeKano,
  assignKanoCategory,
  classifyKanoAnswers,
  KANO_ANSWERS,
  type KanoCategory,
} from './kano.js';

/** Rows: functional answer; columns: dysfunctional answer; both like … dislike. */
const STANDARD: KanoCategory[][] = [
  ['Q', 'A', 'A', 'A', 'O'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'R', 'R', 'R', 'Q'],
];
/** Pouliot's table as printed in Berger et al. (1993). */
const MODIFIED: KanoCategory[][] = [
  ['Q', 'A', 'A', 'A', 'O'],
  ['R', 'Q', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'I', 'M'],
  ['R', 'I', 'I', 'Q', 'M'],
  ['R', 'R', 'R', 'R', 'Q'],
];

describe('classifyKanoAnswers', () => {
  it('reproduces the standard evaluation table cell by cell (the default)', () => {
    KANO_ANSWERS.forEach((functional, row) =>
      KANO_ANSWERS.forEach((dysfunctional, column) => {
        expect(classifyKanoAnswers(functional, dysfunctional)).toBe(STANDARD[row]![column]);
        expect(classifyKanoAnswers(functional, dysfunctional, 'standard')).toBe(
          STANDARD[row]![column],
        );
      }),
    );
  });

  it('reproduces the modified (Pouliot) table cell by cell', () => {
    KANO_ANSWERS.forEach((functional, row) =>
      KANO_ANSWERS.forEach((dysfunctional, column) =>
        expect(classifyKanoAnswers(functional, dysfunctional, 'modified')).toBe(
          MODIFIED[row]![column],
        ),
      ),
    );
  });

  it('codes the same answer to both questions as Q in the modified table, except neutral/neutral', () => {
    for (const answer of KANO_ANSWERS)
      expect(classifyKanoAnswers(answer, answer, 'modified')).toBe(
        answer === 'neutral' ? 'I' : 'Q',
      );
    // "I expect it" either way, and "I can live with it" either way: indifferent in the standard table.
    expect(classifyKanoAnswers('must-be', 'must-be')).toBe('I');
    expect(classifyKanoAnswers('live-with', 'live-with')).toBe('I');
  });

  it('differs from the standard table in exactly those two cells', () => {
    const differing = KANO_ANSWERS.flatMap((functional) =>
      KANO_ANSWERS.filter(
        (dysfunctional) =>
          classifyKanoAnswers(functional, dysfunctional, 'standard') !==
          classifyKanoAnswers(functional, dysfunctional, 'modified'),
      ).map((dysfunctional) => `${functional}/${dysfunctional}`),
    );
    expect(differing).toEqual(['must-be/must-be', 'live-with/live-with']);
  });
});

describe('assignKanoCategory', () => {
  it('lets the two rules disagree: mode picks I, "A+O+M vs I+R+Q" picks O', () => {
    const counts = { A: 4, O: 5, M: 0, I: 6, R: 0, Q: 0 };
    expect(assignKanoCategory(counts, 'mode')).toBe('I');
    expect(assignKanoCategory(counts, 'aom-vs-irq')).toBe('O');
  });

  it('breaks ties M > O > A > I', () => {
    expect(assignKanoCategory({ A: 3, O: 3, M: 3, I: 3, R: 0, Q: 0 })).toBe('M');
    expect(assignKanoCategory({ A: 3, O: 3, M: 0, I: 3, R: 0, Q: 0 })).toBe('O');
    expect(assignKanoCategory({ A: 3, O: 0, M: 0, I: 3, R: 0, Q: 0 })).toBe('A');
  });

  it('is null when nobody answered both questions', () => {
    expect(assignKanoCategory({ A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 })).toBeNull();
  });
});

describe('analyzeKano', () => {
  it('counts categories and computes Better = (A+O)/(A+O+M+I), Worse = −(O+M)/(A+O+M+I)', () => {
    const result = analyzeKano([
      { functional: 'like', dysfunctional: 'neutral', count: 3 }, // A
      { functional: 'like', dysfunctional: 'dislike', count: 2 }, // O
      { functional: 'neutral', dysfunctional: 'dislike', count: 4 }, // M
      { functional: 'neutral', dysfunctional: 'neutral', count: 1 }, // I
      { functional: 'dislike', dysfunctional: 'like', count: 5 }, // R, excluded
      { functional: 'like', dysfunctional: 'like', count: 7 }, // Q, excluded
    ]);
    expect(result.counts).toEqual({ A: 3, O: 2, M: 4, I: 1, R: 5, Q: 7 });
    expect(result.n).toBe(22);
    expect(result.category).toBe('Q');
    expect(result.better).toBeCloseTo(5 / 10, 12);
    expect(result.worse).toBeCloseTo(-6 / 10, 12);
    expect(analyzeKano([], { rule: 'aom-vs-irq' }).category).toBeNull();
  });

  it('moves identical must-be and live-with pairs from I to Q with the modified table, which changes the category and the coefficients', () => {
    const pairs = [
      { functional: 'like', dysfunctional: 'dislike', count: 2 }, // O in both
      { functional: 'must-be', dysfunctional: 'must-be', count: 3 },
      { functional: 'live-with', dysfunctional: 'live-with', count: 2 },
      { functional: 'neutral', dysfunctional: 'neutral', count: 1 }, // I in both
    ] as const;
    const standard = analyzeKano(pairs);
    expect(standard).toMatchObject({ table: 'standard', category: 'I', n: 8 });
    expect(standard.counts).toEqual({ A: 0, O: 2, M: 0, I: 6, R: 0, Q: 0 });
    expect(standard.better).toBeCloseTo(2 / 8, 12);
    expect(standard.worse).toBeCloseTo(-2 / 8, 12);

    const modified = analyzeKano(pairs, { table: 'modified' });
    expect(modified).toMatchObject({ table: 'modified', category: 'Q', n: 8 });
    expect(modified.counts).toEqual({ A: 0, O: 2, M: 0, I: 1, R: 0, Q: 5 });
    // Q is left out of Better and Worse: the denominator is A + O + M + I = 3.
    expect(modified.better).toBeCloseTo(2 / 3, 12);
    expect(modified.worse).toBeCloseTo(-2 / 3, 12);
  });

  it('gives null Better and Worse when only R and Q answers exist', () => {
    const result = analyzeKano([{ functional: 'dislike', dysfunctional: 'like', count: 3 }]);
    expect(result).toMatchObject({ category: 'R', better: null, worse: null });
  });
});
