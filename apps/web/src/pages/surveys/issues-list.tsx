import { Alert, List } from '@mantine/core';
import type { SurveyDefinition } from '@polku/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DraftIssue } from './draft';

const fieldLabels = {
  text: 'builder.question.text',
  help: 'builder.question.help',
  key: 'builder.question.key',
  type: 'builder.question.type',
  points: 'builder.settings.points',
  scaleStart: 'builder.settings.scaleStart',
  unit: 'builder.settings.unit',
  min: 'builder.settings.min',
  max: 'builder.settings.max',
  decimals: 'builder.settings.decimals',
  lowLabel: 'builder.settings.lowLabel',
  highLabel: 'builder.settings.highLabel',
  emotions: 'builder.settings.emotions',
  maxChoices: 'builder.settings.maxChoices',
  maxLength: 'builder.settings.maxLength',
  feature: 'builder.settings.feature',
  options: 'builder.settings.options',
  stages: 'builder.settings.stages',
  showIf: 'builder.logic.title',
  when: 'builder.thankYou.when',
  message: 'builder.thankYou.message',
  title: 'builder.fields.title',
  intro: 'builder.fields.intro',
  languages: 'surveys.languages',
  defaultLanguage: 'surveys.defaultLanguage',
} as const;

function isField(part: string): part is keyof typeof fieldLabels {
  return part in fieldLabels;
}

/** A draft path (`questions.2.options.0.label`) as words: "Question 3 › Option 1 › Text". */
export function describePath(path: string, draft: SurveyDefinition, t: TFunction): string {
  const parts = path.split('.').filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = Number(parts[i + 1]);
    const numbered = Number.isInteger(next);
    if (part === 'questions' && numbered) {
      const key = draft.questions[next]?.key;
      words.push(`${t('builder.question.number', { n: next + 1 })}${key ? ` (${key})` : ''}`);
      i++;
    } else if (part === 'options' && numbered) {
      words.push(t('builder.settings.optionN', { n: next + 1 }));
      i++;
    } else if (part === 'stages' && numbered) {
      words.push(t('builder.settings.stageN', { n: next + 1 }));
      i++;
    } else if (part === 'rules' && numbered) {
      words.push(t('builder.thankYou.rule', { n: next + 1 }));
      i++;
    } else if (part === 'thankYou' && parts[i + 1] === 'message') {
      words.push(t('builder.fields.thankYouMessage'));
      i++;
    } else if (part === 'label') {
      words.push(t('builder.settings.optionLabel'));
    } else if (isField(part)) {
      words.push(t(fieldLabels[part]));
      if (numbered) i++;
    }
  }
  return words.join(' › ');
}

/** What is wrong, in the UI language (the server's messages are English). */
export function describeProblem(issue: DraftIssue, t: TFunction): string {
  if (issue.language)
    return t('builder.issues.missingIn', { language: t(`language.${issue.language}`) });
  if (issue.message === 'empty') return t('builder.issues.noQuestions');
  if (/used twice/.test(issue.message)) return t('builder.issues.keyTaken');
  if (/not an earlier question/.test(issue.message)) return t('builder.issues.notEarlier');
  if (/must be greater than min/.test(issue.message)) return t('builder.issues.maxNotAboveMin');
  if (/more decimals than the question allows/.test(issue.message))
    return t('builder.issues.boundDecimals');
  return t('builder.issues.checkField');
}

/** The server's list of problems with the draft, each naming its place in the survey. */
export function IssuesList(props: {
  kind: 'publish' | 'save';
  issues: DraftIssue[];
  draft: SurveyDefinition;
}) {
  const { t } = useTranslation();
  if (props.issues.length === 0) return null;
  return (
    <Alert
      color="red"
      role="alert"
      variant="light"
      title={
        props.kind === 'publish' ? t('builder.issues.publishRefused') : t('builder.issues.invalid')
      }
    >
      <List size="sm" spacing={2}>
        {props.issues.map((issue, i) => {
          const where = describePath(issue.path, props.draft, t);
          const what = describeProblem(issue, t);
          return <List.Item key={i}>{where ? `${where}: ${what}` : what}</List.Item>;
        })}
      </List>
    </Alert>
  );
}
