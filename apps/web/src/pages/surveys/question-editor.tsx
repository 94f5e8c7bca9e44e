import { NativeSelect, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { questionTypes, type Language, type Question } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { ConditionsEditor } from './conditions-editor';
import { changeType } from './draft';
import { LocalizedInput } from './localized-input';
import { QuestionSettings } from './question-settings';
import { statusText } from '../../lib/status-colors';

interface QuestionEditorProps {
  question: Question;
  /** Questions before this one: what its conditions may refer to. */
  earlier: Question[];
  language: Language;
  defaultLanguage: Language;
  onChange: (q: Question) => void;
  errorAt: (path: string) => string | undefined;
}

/** Every setting of one question: key, type, texts, type settings and skip logic. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { t } = useTranslation();
  const { question: q, onChange, errorAt } = props;
  const texts = { language: props.language, defaultLanguage: props.defaultLanguage };
  return (
    <Stack gap="sm">
      <TextInput
        label={t('builder.question.key')}
        description={t('builder.question.keyHint')}
        value={q.key}
        required
        maw={320}
        error={errorAt('key')}
        onChange={(e) => onChange({ ...q, key: e.currentTarget.value })}
      />
      <NativeSelect
        label={t('builder.question.type')}
        value={q.type}
        maw={320}
        data={questionTypes.map((type) => ({ value: type, label: t(`builder.types.${type}`) }))}
        onChange={(e) => {
          const type = questionTypes.find((x) => x === e.currentTarget.value);
          if (type) onChange(changeType(q, type));
        }}
      />
      <LocalizedInput
        {...texts}
        label={t('builder.question.text')}
        value={q.text}
        multiline
        required
        error={errorAt('text')}
        onChange={(text) => onChange({ ...q, text })}
      />
      <LocalizedInput
        {...texts}
        label={t('builder.question.help')}
        value={q.help}
        error={errorAt('help')}
        onChange={(help) =>
          onChange({ ...q, help: Object.keys(help).length > 0 ? help : undefined })
        }
      />
      <QuestionSettings {...texts} question={q} onChange={onChange} errorAt={errorAt} />
      <Switch
        label={t('builder.question.required')}
        checked={q.required}
        onChange={(e) => onChange({ ...q, required: e.currentTarget.checked })}
      />
      <Switch
        label={t('builder.question.newPage')}
        checked={q.newPage ?? false}
        onChange={(e) => onChange({ ...q, newPage: e.currentTarget.checked || undefined })}
      />
      <Title order={4} size="h6">
        {t('builder.logic.title')}
      </Title>
      <ConditionsEditor
        conditions={q.showIf ?? []}
        candidates={props.earlier}
        language={props.language}
        error={errorAt('showIf.0.key')}
        onChange={(showIf) => onChange({ ...q, showIf: showIf.length > 0 ? showIf : undefined })}
      />
      {props.earlier.length === 0 && (q.showIf ?? []).length > 0 && (
        <Text size="sm" c={statusText.error}>
          {t('builder.logic.noEarlier')}
        </Text>
      )}
    </Stack>
  );
}
