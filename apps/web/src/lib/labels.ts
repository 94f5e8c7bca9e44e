import type { Language, Question } from '@polku/contracts';

/**
 * A question's text in the UI language, else the survey's default language, else any; cut to
 * `max` characters. The key alone only when the question has no text at all.
 */
export function questionText(
  question: Pick<Question, 'key' | 'text'>,
  language: string,
  defaultLanguage?: Language,
  max = 60,
): string {
  const texts = question.text;
  const text =
    texts[language as Language] ||
    (defaultLanguage ? texts[defaultLanguage] : undefined) ||
    Object.values(texts).find(Boolean) ||
    '';
  if (!text) return question.key;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
