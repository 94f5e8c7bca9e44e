import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import {
  questionTypes,
  type Language,
  type QuestionType,
  type SurveyDefinition,
} from '@polku/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveItem, newQuestion, replaceAt, type DraftIssue } from './draft';
import { describeProblem } from './issues-list';
import { QuestionEditor } from './question-editor';

interface QuestionsSectionProps {
  draft: SurveyDefinition;
  setDraft: (update: (d: SurveyDefinition) => SurveyDefinition) => void;
  language: Language;
  issues: DraftIssue[];
}

/** The survey's questions: add, edit, reorder (move up / down buttons) and delete. */
export function QuestionsSection({ draft, setDraft, language, issues }: QuestionsSectionProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [open, setOpen] = useState<number | null>(null);
  const [addType, setAddType] = useState<QuestionType>('single');
  const questions = draft.questions;

  const setQuestions = (update: (qs: SurveyDefinition['questions']) => typeof qs) =>
    setDraft((d) => ({ ...d, questions: update(d.questions) }));
  const move = (from: number, to: number) => {
    setQuestions((qs) => moveItem(qs, from, to));
    if (open === from) setOpen(to);
    else if (open === to) setOpen(from);
  };
  const remove = (index: number) => {
    setQuestions((qs) => qs.filter((_, i) => i !== index));
    if (open !== null && open >= index) setOpen(open === index ? null : open - 1);
  };
  const add = () => {
    setQuestions((qs) => [...qs, newQuestion(addType, draft)]);
    setOpen(questions.length);
  };

  return (
    <Stack gap="sm">
      {questions.length === 0 && <Text c="dimmed">{t('builder.question.empty')}</Text>}
      {questions.map((q, i) => {
        const n = i + 1;
        const prefix = `questions.${i}.`;
        const own = issues.filter((x) => x.path.startsWith(prefix));
        const errorAt = (rel: string) => {
          const issue = own.find((x) => x.path === prefix + rel);
          return issue ? describeProblem(issue, t) : undefined;
        };
        const panelId = `${baseId}-q${i}`;
        return (
          <Paper
            key={i}
            withBorder
            p="sm"
            radius="md"
            component="section"
            aria-label={t('builder.question.number', { n })}
          >
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs" wrap="wrap">
                  <Title order={3} size="h5">
                    {t('builder.question.number', { n })}
                  </Title>
                  <Badge variant="light">{t(`builder.types.${q.type}`)}</Badge>
                  {q.showIf && (
                    <Badge variant="outline" color="gray">
                      {t('builder.question.conditional')}
                    </Badge>
                  )}
                  {own.length > 0 && <Badge color="red">{t('builder.question.hasIssues')}</Badge>}
                </Group>
                <Group gap={4} wrap="wrap">
                  <Button
                    size="xs"
                    variant={open === i ? 'filled' : 'default'}
                    aria-expanded={open === i}
                    aria-controls={open === i ? panelId : undefined}
                    aria-label={t('builder.question.editOf', { n })}
                    onClick={() => setOpen(open === i ? null : i)}
                  >
                    {t('builder.question.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={i === 0}
                    aria-label={t('builder.question.moveUpOf', { n })}
                    onClick={() => move(i, i - 1)}
                  >
                    {t('builder.question.moveUp')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={i === questions.length - 1}
                    aria-label={t('builder.question.moveDownOf', { n })}
                    onClick={() => move(i, i + 1)}
                  >
                    {t('builder.question.moveDown')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    aria-label={t('builder.question.deleteOf', { n })}
                    onClick={() => remove(i)}
                  >
                    {t('builder.question.delete')}
                  </Button>
                </Group>
              </Group>
              <Text size="sm" lineClamp={2}>
                <Text span c="dimmed" size="sm">
                  {q.key} ·{' '}
                </Text>
                {q.text[language] || t('builder.question.noText')}
              </Text>
              {open === i && (
                <div id={panelId}>
                  <QuestionEditor
                    question={q}
                    earlier={questions.slice(0, i)}
                    language={language}
                    defaultLanguage={draft.defaultLanguage}
                    errorAt={errorAt}
                    onChange={(next) => setQuestions((qs) => replaceAt(qs, i, next))}
                  />
                </div>
              )}
            </Stack>
          </Paper>
        );
      })}
      <Group align="flex-end" gap="xs">
        <NativeSelect
          label={t('builder.question.addType')}
          value={addType}
          data={questionTypes.map((type) => ({ value: type, label: t(`builder.types.${type}`) }))}
          onChange={(e) => {
            const type = questionTypes.find((x) => x === e.currentTarget.value);
            if (type) setAddType(type);
          }}
        />
        <Button onClick={add}>{t('builder.question.add')}</Button>
      </Group>
    </Stack>
  );
}
