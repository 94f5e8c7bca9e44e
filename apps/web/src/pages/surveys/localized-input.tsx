import { Textarea, TextInput } from '@mantine/core';
import type { Language, LocalizedText } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { withText } from './draft';

interface LocalizedInputProps {
  label: string;
  value: LocalizedText | undefined;
  /** The language being edited. */
  language: Language;
  /** The survey's default language, whose text is shown as a hint while translating. */
  defaultLanguage: Language;
  onChange: (value: LocalizedText) => void;
  multiline?: boolean;
  required?: boolean;
  error?: string | undefined;
  /** What the text is for, shown under the label (before the translators' hint). */
  hint?: string;
}

/** One language's version of a survey text; the default language's text guides translators. */
export function LocalizedInput(props: LocalizedInputProps) {
  const { t } = useTranslation();
  const { value, language, defaultLanguage } = props;
  const original = value?.[defaultLanguage];
  const inDefault =
    language !== defaultLanguage && original
      ? t('builder.fields.inDefault', {
          language: t(`language.${defaultLanguage}`),
          text: original,
        })
      : undefined;
  const description = [props.hint, inDefault].filter(Boolean).join(' ') || undefined;
  const common = {
    label: `${props.label} (${language})`,
    description,
    value: value?.[language] ?? '',
    required: props.required,
    error: props.error,
    lang: language,
  };
  return props.multiline ? (
    <Textarea
      {...common}
      autosize
      minRows={2}
      maxRows={8}
      onChange={(e) => props.onChange(withText(value, language, e.currentTarget.value))}
    />
  ) : (
    <TextInput
      {...common}
      onChange={(e) => props.onChange(withText(value, language, e.currentTarget.value))}
    />
  );
}
