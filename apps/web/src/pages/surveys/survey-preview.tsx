import { Alert, Button, Divider, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { AnswerValue, Language, SurveyDefinition } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmitTestResponseMutation } from '../../api/surveys';
import { ErrorAlert } from '../../components/status';
import { meetsAll } from './draft';
import { PreviewQuestion } from './preview-question';

/** Where the preview's answers can go: a test response to the published version, if allowed. */
export interface TestAnswerTarget {
  workspaceId: string;
  surveyId: string;
  /** The version respondents answer now; null before the first publication. */
  publishedVersion: number | null;
  /** The builder holds changes not yet saved and published: the preview is not what is live. */
  unpublishedChanges: boolean;
  /** A closed survey takes no answers, test ones included. */
  closed: boolean;
}

/**
 * The draft as a respondent would see it, in any offered language. Answers given here drive
 * the skip logic and the thank-you rules; staff who may write responses can also store them
 * as a test response (`testTarget`), to see it arrive without touching any figure.
 */
export function SurveyPreview({
  draft,
  testTarget,
}: {
  draft: SurveyDefinition;
  testTarget?: TestAnswerTarget | undefined;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Language>(draft.defaultLanguage);
  const [answers, setAnswers] = useState<Record<string, AnswerValue | undefined>>({});
  const language = draft.languages.includes(chosen) ? chosen : draft.defaultLanguage;
  const shown = draft.questions.filter((q) => meetsAll(q.showIf, answers));
  const rule = draft.thankYou.rules.find((r) => meetsAll(r.when, answers));
  const thankYou = (rule?.message ?? draft.thankYou.message)[language];
  let page = 1;

  return (
    <Stack gap="sm">
      {draft.languages.length > 1 && (
        <SegmentedControl
          aria-label={t('builder.preview.language')}
          value={language}
          onChange={(v) => setChosen(draft.languages.find((l) => l === v) ?? language)}
          data={draft.languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
      )}
      <Text size="sm" c="dimmed">
        {t('builder.preview.hint')}
      </Text>
      <Paper withBorder p="md" radius="md" lang={language}>
        <Stack gap="md">
          <Title order={3} size="h4">
            {draft.title[language] ?? ''}
          </Title>
          {draft.intro?.[language] && (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{draft.intro[language]}</Text>
          )}
          {shown.map((q, i) => {
            const breaks = i > 0 && q.newPage === true;
            if (breaks) page++;
            return (
              <Stack key={`${i}-${q.key}`} gap="md">
                {breaks && (
                  <Divider label={t('builder.preview.page', { n: page })} labelPosition="left" />
                )}
                <PreviewQuestion
                  question={q}
                  language={language}
                  value={answers[q.key]}
                  onChange={(value) => setAnswers((a) => ({ ...a, [q.key]: value }))}
                />
              </Stack>
            );
          })}
          <Divider label={t('builder.preview.thankYouPage')} labelPosition="left" />
          <Text style={{ whiteSpace: 'pre-wrap' }}>{thankYou ?? ''}</Text>
        </Stack>
      </Paper>
      {testTarget && (
        <TestAnswer
          target={testTarget}
          language={language}
          // Only what the respondent would have been asked: hidden questions' answers are dropped.
          answers={Object.fromEntries(
            shown.flatMap((q) => {
              const value = answers[q.key];
              return value === undefined ? [] : [[q.key, value] as const];
            }),
          )}
          onStored={() => setAnswers({})}
        />
      )}
    </Stack>
  );
}

function TestAnswer(props: {
  target: TestAnswerTarget;
  language: Language;
  answers: Record<string, AnswerValue>;
  onStored: () => void;
}) {
  const { t } = useTranslation();
  const { workspaceId, surveyId, publishedVersion, unpublishedChanges, closed } = props.target;
  const submit = useSubmitTestResponseMutation(workspaceId, surveyId);
  const blocked = closed
    ? t('builder.preview.test.closed')
    : publishedVersion === null
      ? t('builder.preview.test.notPublished')
      : unpublishedChanges
        ? t('builder.preview.test.unpublished')
        : null;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" id="test-answer-hint">
        {blocked ?? t('builder.preview.test.hint')}
      </Text>
      <Button
        variant="default"
        disabled={blocked !== null}
        loading={submit.isPending}
        aria-describedby="test-answer-hint"
        onClick={() => {
          if (publishedVersion === null) return;
          submit.reset();
          submit.mutate(
            { version: publishedVersion, language: props.language, answers: props.answers },
            { onSuccess: props.onStored },
          );
        }}
      >
        {t('builder.preview.test.submit')}
      </Button>
      {submit.isSuccess && (
        <Alert color="green" role="status">
          {t('builder.preview.test.stored')}
        </Alert>
      )}
      {submit.isError && <ErrorAlert error={submit.error} />}
    </Stack>
  );
}
