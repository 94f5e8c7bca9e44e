import {
  Checkbox,
  Group,
  NativeSelect,
  Button,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  languages,
  surveyPurposes,
  type Language,
  type Survey,
  type SurveyDefinition,
} from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { missingCounts } from './draft';

export interface SurveyMeta {
  name: string;
  purpose: Survey['purpose'];
}

/** Name, purpose and the languages the survey offers. */
export function BasicsSection(props: {
  meta: SurveyMeta;
  setMeta: (meta: SurveyMeta) => void;
  draft: SurveyDefinition;
  setDraft: (update: (d: SurveyDefinition) => SurveyDefinition) => void;
  nameError?: string | undefined;
}) {
  const { t } = useTranslation();
  const { meta, draft } = props;
  const setLanguages = (values: string[]) => {
    const chosen = languages.filter((l) => values.includes(l));
    if (chosen.length === 0) return;
    props.setDraft((d) => ({
      ...d,
      languages: chosen,
      defaultLanguage: chosen.includes(d.defaultLanguage) ? d.defaultLanguage : (chosen[0] ?? 'fi'),
    }));
  };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('surveys.name')}
          required
          value={meta.name}
          error={props.nameError}
          onChange={(e) => props.setMeta({ ...meta, name: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('surveys.purpose')}
          value={meta.purpose}
          data={surveyPurposes.map((p) => ({ value: p, label: t(`surveys.purposes.${p}`) }))}
          onChange={(e) => {
            const purpose = surveyPurposes.find((p) => p === e.currentTarget.value);
            if (purpose) props.setMeta({ ...meta, purpose });
          }}
        />
      </SimpleGrid>
      <Group align="flex-start" gap="xl">
        <Checkbox.Group
          label={t('surveys.languages')}
          value={draft.languages}
          onChange={setLanguages}
        >
          <Group gap="md" mt="xs">
            {languages.map((l) => (
              <Checkbox key={l} value={l} label={t(`language.${l}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t('surveys.defaultLanguage')}
          value={draft.defaultLanguage}
          data={draft.languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          onChange={(e) => {
            const l = draft.languages.find((x) => x === e.currentTarget.value);
            if (l) props.setDraft((d) => ({ ...d, defaultLanguage: l }));
          }}
        />
      </Group>
    </Stack>
  );
}

/** Chooses which language's texts are edited; each language shows how many texts it lacks. */
export function LanguageBar(props: {
  draft: SurveyDefinition;
  language: Language;
  onChange: (language: Language) => void;
}) {
  const { t } = useTranslation();
  const counts = missingCounts(props.draft);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="edit-language-label">
        {t('builder.editLanguage')}
      </Text>
      <Group gap="xs" role="group" aria-labelledby="edit-language-label">
        {props.draft.languages.map((l) => {
          const language = t(`language.${l}`);
          const count = counts[l];
          const active = l === props.language;
          return (
            <Button
              key={l}
              size="xs"
              variant={active ? 'filled' : 'default'}
              color={!active && count > 0 ? 'orange' : undefined}
              aria-pressed={active}
              onClick={() => props.onChange(l)}
            >
              {count > 0
                ? t('builder.missingCount', { language, count })
                : t('builder.complete', { language })}
            </Button>
          );
        })}
      </Group>
    </Stack>
  );
}
