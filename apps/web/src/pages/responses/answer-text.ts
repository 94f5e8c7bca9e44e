import type { AnswerValue, Language, Question, SurveyDefinition } from '@polku/contracts';
import type { TFunction } from 'i18next';
import { formatNumber } from '../../lib/format';

/** Any answer as text: numbers and strings as they are, anything else as JSON. */
function plain(value: AnswerValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value);
}

/** The text of a localized label in the response's language, else any language, else the key. */
function labelOf(
  options: { key: string; label: Partial<Record<Language, string>> }[],
  key: string,
  language: Language,
): string {
  const o = options.find((x) => x.key === key);
  return o?.label[language] || Object.values(o?.label ?? {}).find(Boolean) || key;
}

/** An answer as readable text, honouring its question's type (raw value without a question). */
export function answerText(
  q: Question | undefined,
  value: AnswerValue,
  language: Language,
  t: TFunction,
): string {
  if (q === undefined) return plain(value);
  switch (q.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
    case 'text':
      return plain(value);
    case 'numeric': {
      if (typeof value !== 'number') return plain(value);
      // At most 4 decimals are stored, so the language's format shows the value exactly.
      const number = formatNumber(language === 'en' ? 'en-GB' : language, value, {
        maximumFractionDigits: 4,
      });
      const unit = q.unit?.[language] || Object.values(q.unit ?? {}).find(Boolean);
      return unit ? `${number} ${unit}` : number;
    }
    case 'goal':
      return typeof value === 'string' && ['yes', 'partly', 'no'].includes(value)
        ? t(`builder.preview.goal.${value as 'yes' | 'partly' | 'no'}`)
        : plain(value);
    case 'single':
      return typeof value === 'string' ? labelOf(q.options, value, language) : plain(value);
    case 'multiple':
      return Array.isArray(value)
        ? value
            .map((v) => (typeof v === 'string' ? labelOf(q.options, v, language) : ''))
            .join(', ')
        : plain(value);
    case 'expectation':
      return typeof value === 'object' && value !== null && 'expectation' in value
        ? `${t('builder.preview.expectation')} ${value.expectation} · ${t('builder.preview.outcome')} ${value.outcome}`
        : JSON.stringify(value);
    case 'kano':
      return typeof value === 'object' && value !== null && 'functional' in value
        ? `${t('builder.preview.functional')}: ${t(`builder.preview.kano.${value.functional}`)}\n${t('builder.preview.dysfunctional')}: ${t(`builder.preview.kano.${value.dysfunctional}`)}`
        : JSON.stringify(value);
    case 'emotion':
      return Array.isArray(value)
        ? value
            .map((e) =>
              typeof e === 'object'
                ? `${t(`builder.emotions.${e.emotion}`)}${e.intensity ? ` (${t('responses.detail.intensity', { value: e.intensity })})` : ''}`
                : '',
            )
            .join(', ')
        : JSON.stringify(value);
    case 'incident':
      if (typeof value === 'object' && value !== null && 'what' in value) {
        const stage = value.when ? labelOf(q.stages, value.when, language) : null;
        return [
          `${t('builder.preview.incidentWhat')} ${value.what}`,
          stage && `${t('builder.preview.incidentWhen')} ${stage}`,
          value.why && `${t('builder.preview.incidentWhy')} ${value.why}`,
          `${t('builder.preview.valence')}: ${t(`builder.preview.${value.valence}`)}`,
        ]
          .filter(Boolean)
          .join('\n');
      }
      return JSON.stringify(value);
  }
}

const scored = new Set(['nps', 'csat', 'ces', 'rating']);

/** "NPS 9 · Great service, the fl…": the first score and the start of the first open answer. */
export function answerSummary(
  answers: Record<string, AnswerValue>,
  definition: SurveyDefinition | undefined,
): string {
  const parts: string[] = [];
  const questions = definition?.questions ?? [];
  const score = questions.find((q) => scored.has(q.type) && typeof answers[q.key] === 'number');
  const text = questions.find((q) => q.type === 'text' && typeof answers[q.key] === 'string');
  if (score) parts.push(`${score.key.toUpperCase()} ${plain(answers[score.key])}`);
  else {
    const first = Object.entries(answers).find(([, v]) => typeof v === 'number');
    if (first) parts.push(`${first[0].toUpperCase()} ${plain(first[1])}`);
  }
  const open = text ? answers[text.key] : undefined;
  if (typeof open === 'string' && open.trim()) {
    const clean = open.replace(/\s+/g, ' ').trim();
    parts.push(clean.length > 60 ? `${clean.slice(0, 60)}…` : clean);
  }
  return parts.join(' · ');
}
