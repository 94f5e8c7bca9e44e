import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fi } from './fi';
import { sv } from './sv';

type Tree = { readonly [key: string]: string | Tree };

/** Every string of a locale as [dotted key, text]. */
function entriesOf(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value]] : entriesOf(value, `${prefix}${key}.`),
  );
}

const locales = { fi, sv, en } as const;
const glossary = readFileSync(new URL('../../../../docs/glossary.md', import.meta.url), 'utf8');

/** The rows of the glossary's "Avoid" table: language, the word to avoid. */
function avoidedTerms(): { language: string; term: string }[] {
  const section = glossary.slice(glossary.indexOf('## Avoid'));
  return section
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => cells.length >= 4 && /^(fi|sv|en)$/.test(cells[1] ?? ''))
    .map((cells) => ({ language: cells[1]!, term: cells[2]! }));
}

describe('the locale files', () => {
  it('have the same keys in Finnish, Swedish and English', () => {
    const keys = (tree: Tree) =>
      entriesOf(tree)
        .map(([key]) => key)
        .sort();
    expect(keys(sv)).toEqual(keys(fi));
    expect(keys(en)).toEqual(keys(fi));
  });

  it('give every count both plural forms, in every language', () => {
    for (const [language, tree] of Object.entries(locales)) {
      const keys = new Set(entriesOf(tree).map(([key]) => key));
      for (const key of keys) {
        if (key.endsWith('_one'))
          expect(keys, `${language} ${key}`).toContain(key.replace(/_one$/, '_other'));
      }
    }
  });

  it("use none of the glossary's avoided words", () => {
    const avoided = avoidedTerms();
    expect(avoided.length).toBeGreaterThan(10); // the table was read
    const found: string[] = [];
    for (const { language, term } of avoided) {
      const tree = locales[language as keyof typeof locales];
      const word = new RegExp(
        `(^|[^\\p{L}_])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}_])`,
        'iu',
      );
      for (const [key, text] of entriesOf(tree)) {
        if (word.test(text)) found.push(`${language} ${key}: "${term}" in "${text}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('leave no English CX words in the Finnish and Swedish strings', () => {
    const english = /\b(effectiveness|ease|emotion|Better|Worse|goal|target|touchpoint)\b/;
    for (const language of ['fi', 'sv'] as const) {
      const leftovers = entriesOf(locales[language])
        .filter(([, text]) => english.test(text.replace(/\{\{\w+\}\}/g, '')))
        .map(([key, text]) => `${language} ${key}: ${text}`);
      expect(leftovers).toEqual([]);
    }
  });
});
