import {
  ApiError,
  emotionKeys,
  languages,
  missingTranslations,
  type AnswerValue,
  type Condition,
  type Language,
  type LocalizedText,
  type Question,
  type QuestionType,
  type SurveyDefinition,
} from '@polku/contracts';

/** Question types whose answer is one number on a scale. */
export const scoredTypes: readonly QuestionType[] = ['nps', 'csat', 'ces', 'rating'];

/** A key not yet used in the survey: `base`, else `base_2`, `base_3`… */
export function uniqueKey(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** The parts every question type shares, kept when a question changes type. */
type Common = Pick<Question, 'key' | 'text' | 'help' | 'required' | 'showIf' | 'newPage'>;

/** A question of `type` with the settings its schema would default to. */
export function questionOfType(type: QuestionType, common: Common): Question {
  switch (type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'goal':
      return { ...common, type };
    case 'rating':
      return { ...common, type, points: 5 };
    case 'numeric':
      return { ...common, type, decimals: 0 };
    case 'emotion':
      return { ...common, type, emotions: [...emotionKeys], intensity: true };
    case 'expectation':
      return { ...common, type, points: 7 };
    case 'single':
    case 'multiple':
      return {
        ...common,
        type,
        options: [
          { key: 'option_1', label: {} },
          { key: 'option_2', label: {} },
        ],
      };
    case 'text':
      return { ...common, type, maxLength: 2000, multiline: true };
    case 'kano':
      return { ...common, type, feature: {} };
    case 'incident':
      return { ...common, type, stages: [] };
  }
}

/** A fresh question of `type` with a key not used in the survey yet. */
export function newQuestion(type: QuestionType, draft: SurveyDefinition): Question {
  const key = uniqueKey(
    type,
    draft.questions.map((q) => q.key),
  );
  return questionOfType(type, { key, text: {}, required: false });
}

/** Changes a question's type, keeping its key, texts and logic. */
export function changeType(q: Question, type: QuestionType): Question {
  if (q.type === type) return q;
  const { key, text, help, required, showIf, newPage } = q;
  return questionOfType(type, { key, text, help, required, showIf, newPage });
}

/** A copy of `items` with the item at `from` moved to `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item === undefined || to < 0 || to > copy.length) return [...items];
  copy.splice(to, 0, item);
  return copy;
}

/** A copy of `items` with the item at `index` replaced. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((old, i) => (i === index ? item : old));
}

/** Sets one language's text, dropping the language when the text is cleared. */
export function withText(
  text: LocalizedText | undefined,
  language: Language,
  value: string,
): LocalizedText {
  const next: LocalizedText = { ...text };
  if (value === '') delete next[language];
  else next[language] = value;
  return next;
}

/** How many texts each offered language lacks (publishing needs zero everywhere). */
export function missingCounts(draft: SurveyDefinition): Record<Language, number> {
  const counts: Record<Language, number> = { fi: 0, sv: 0, en: 0 };
  for (const m of missingTranslations(draft)) counts[m.language]++;
  return counts;
}

/** A problem the server named in a field of the draft. */
export interface DraftIssue {
  /** Path inside the draft, e.g. `questions.2.key`. */
  path: string;
  message: string;
  /** For a missing translation: the language that lacks it. */
  language?: Language;
}

/** The field issues of a VALIDATION_FAILED or SURVEY_INCOMPLETE answer, with draft paths. */
export function draftIssuesOf(error: unknown): DraftIssue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  if (error.code !== 'VALIDATION_FAILED' && error.code !== 'SURVEY_INCOMPLETE') return [];
  return error.details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    const language = languages.find((l) => message === `missing in ${l}`);
    return [{ path: path.replace(/^(body\.)?(draft\.?)?/, ''), message, language }];
  });
}

function comparable(value: AnswerValue | undefined): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/**
 * Whether an answer meets a condition: the preview's copy of the server's rule
 * (packages/core/src/surveys/answers.ts), which the web app may not import.
 */
export function meets(c: Condition, answers: Record<string, AnswerValue | undefined>): boolean {
  const raw = answers[c.key];
  const answered = raw !== undefined && raw !== '' && !(Array.isArray(raw) && raw.length === 0);
  const list: unknown[] = Array.isArray(c.value) ? c.value : [];
  const has = (v: unknown) => Array.isArray(raw) && (raw as unknown[]).includes(v);
  const v = comparable(raw);
  switch (c.op) {
    case 'answered':
      return answered;
    case 'not_answered':
      return !answered;
    case 'in':
      return Array.isArray(raw) ? list.some(has) : list.includes(v);
    case 'eq':
      return Array.isArray(raw) ? has(c.value) : v === c.value;
    case 'neq':
      return answered && (Array.isArray(raw) ? !has(c.value) : v !== c.value);
    case 'lt':
      return typeof v === 'number' && typeof c.value === 'number' && v < c.value;
    case 'lte':
      return typeof v === 'number' && typeof c.value === 'number' && v <= c.value;
    case 'gt':
      return typeof v === 'number' && typeof c.value === 'number' && v > c.value;
    case 'gte':
      return typeof v === 'number' && typeof c.value === 'number' && v >= c.value;
  }
}

/** Whether every condition holds (no conditions: always). */
export function meetsAll(
  conditions: Condition[] | undefined,
  answers: Record<string, AnswerValue | undefined>,
): boolean {
  return (conditions ?? []).every((c) => meets(c, answers));
}
