import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { Language, SurveyDefinition } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { ConditionsEditor } from './conditions-editor';
import { replaceAt, type DraftIssue } from './draft';
import { describeProblem } from './issues-list';
import { LocalizedInput } from './localized-input';

interface SectionProps {
  draft: SurveyDefinition;
  setDraft: (update: (d: SurveyDefinition) => SurveyDefinition) => void;
  language: Language;
  issues: DraftIssue[];
}

function useErrorAt(issues: DraftIssue[]) {
  const { t } = useTranslation();
  return (path: string) => {
    const issue = issues.find((x) => x.path === path);
    return issue ? describeProblem(issue, t) : undefined;
  };
}

/** The survey's title and introduction in the language being edited. */
export function TextsSection({ draft, setDraft, language, issues }: SectionProps) {
  const { t } = useTranslation();
  const errorAt = useErrorAt(issues);
  const texts = { language, defaultLanguage: draft.defaultLanguage };
  return (
    <Stack gap="sm">
      <LocalizedInput
        {...texts}
        label={t('builder.fields.title')}
        required
        value={draft.title}
        error={errorAt('title')}
        onChange={(title) => setDraft((d) => ({ ...d, title }))}
      />
      <LocalizedInput
        {...texts}
        label={t('builder.fields.intro')}
        multiline
        value={draft.intro}
        error={errorAt('intro')}
        onChange={(intro) =>
          setDraft((d) => ({ ...d, intro: Object.keys(intro).length > 0 ? intro : undefined }))
        }
      />
    </Stack>
  );
}

/** The thank-you message and the rules that pick another message by the answers. */
export function ThankYouSection({ draft, setDraft, language, issues }: SectionProps) {
  const { t } = useTranslation();
  const errorAt = useErrorAt(issues);
  const texts = { language, defaultLanguage: draft.defaultLanguage };
  const rules = draft.thankYou.rules;
  const setRules = (next: typeof rules) =>
    setDraft((d) => ({ ...d, thankYou: { ...d.thankYou, rules: next } }));
  const first = draft.questions[0];
  return (
    <Stack gap="sm">
      <LocalizedInput
        {...texts}
        label={t('builder.fields.thankYouMessage')}
        multiline
        required
        value={draft.thankYou.message}
        error={errorAt('thankYou.message')}
        onChange={(message) => setDraft((d) => ({ ...d, thankYou: { ...d.thankYou, message } }))}
      />
      <Text size="sm" fw={600}>
        {t('builder.thankYou.rules')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('builder.thankYou.rulesHint')}
      </Text>
      {rules.map((rule, i) => (
        <Fieldset key={i} legend={t('builder.thankYou.rule', { n: i + 1 })} p="sm">
          <Stack gap="sm">
            <ConditionsEditor
              conditions={rule.when}
              candidates={draft.questions}
              language={language}
              minOne
              error={errorAt(`thankYou.rules.${i}.when`)}
              onChange={(when) => setRules(replaceAt(rules, i, { ...rule, when }))}
            />
            <LocalizedInput
              {...texts}
              label={t('builder.thankYou.message')}
              multiline
              value={rule.message}
              error={errorAt(`thankYou.rules.${i}.message`)}
              onChange={(message) => setRules(replaceAt(rules, i, { ...rule, message }))}
            />
            <Group>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => setRules(rules.filter((_, j) => j !== i))}
              >
                {t('builder.thankYou.removeRule', { n: i + 1 })}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      ))}
      {first && (
        <Group>
          <Button
            variant="default"
            size="xs"
            disabled={rules.length >= 20}
            onClick={() =>
              setRules([...rules, { when: [{ key: first.key, op: 'answered' }], message: {} }])
            }
          >
            {t('builder.thankYou.addRule')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
