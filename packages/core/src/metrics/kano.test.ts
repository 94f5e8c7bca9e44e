import { describe, expect, it } from 'vitest';
import {
  analyzeKano,
  assignKanoCategory,
  classifyKanoAnswers,
  KANO_ANSWERS,
  type KanoCategory,
} from './kano.js';

describe('classifyKanoAnswers', () => {
  it('reproduces the Berger et al. (1993) evaluation table cell by cell', () => {
    const table: KanoCategory[][] = [
      ['Q', 'A', 'A', 'A', 'O'],
      ['R', 'I', 'I', 'I', 'M'],
      ['R', 'I', 'I', 'I', 'M'],
      ['R', 'I', 'I', 'I', 'M'],
      ['R', 'R', 'R', 'R', 'Q'],
    ];
    KANO_ANSWERS.forEach((functional, row) =>
      KANO_ANSWERS.forEach((dysfunctional, column) =>
        expect(classifyKanoAnswers(functional, dysfunctional)).toBe(table[row]![column]),
      ),
    );
  });

  it('codes must-be/must-be and live-with/live-with as Q only in the strict variant', () => {
    expect(classifyKanoAnswers('must-be', 'must-be')).toBe('I');
    expect(classifyKanoAnswers('must-be', 'must-be', 'strict-questionable')).toBe('Q');
    expect(classifyKanoAnswers('live-with', 'live-with', 'strict-questionable')).toBe('Q');
    expect(classifyKanoAnswers('neutral', 'neutral', 'strict-questionable')).toBe('I');
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

  it('gives null Better and Worse when only R and Q answers exist', () => {
    const result = analyzeKano([{ functional: 'dislike', dysfunctional: 'like', count: 3 }]);
    expect(result).toMatchObject({ category: 'R', better: null, worse: null });
  });
});
