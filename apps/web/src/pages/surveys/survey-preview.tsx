import { Divider, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { AnswerValue, Language, SurveyDefinition } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetsAll } from './draft';
import { PreviewQuestion } from './preview-question';

/**
 * The draft as a respondent would see it, in any offered language. Answers given here only
 * drive the skip logic and the thank-you rules; nothing is submitted.
 */
export function SurveyPreview({ draft }: { draft: SurveyDefinition }) {
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
    </Stack>
  );
}
