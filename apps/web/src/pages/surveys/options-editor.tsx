import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import type { Language, LocalizedText } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { replaceAt, uniqueKey } from './draft';
import { LocalizedInput } from './localized-input';

interface Option {
  key: string;
  label: LocalizedText;
}

interface OptionsEditorProps {
  kind: 'option' | 'stage';
  options: Option[];
  language: Language;
  defaultLanguage: Language;
  onChange: (options: Option[]) => void;
  /** The server's complaint about a field of option i, e.g. `0.key`. */
  errorAt: (path: string) => string | undefined;
  min: number;
  max: number;
}

/** Choice options (or journey stages): a key and a text per language for each. */
export function OptionsEditor(props: OptionsEditorProps) {
  const { t } = useTranslation();
  const { options } = props;
  const isStage = props.kind === 'stage';
  const nameOf = (n: number) =>
    isStage ? t('builder.settings.stageN', { n }) : t('builder.settings.optionN', { n });
  const add = () => {
    const key = uniqueKey(
      `${props.kind}_${options.length + 1}`,
      options.map((o) => o.key),
    );
    props.onChange([...options, { key, label: {} }]);
  };

  return (
    <Fieldset
      legend={isStage ? t('builder.settings.stages') : t('builder.settings.options')}
      variant="filled"
      p="sm"
    >
      <Stack gap="sm">
        {options.map((o, j) => (
          <Group key={j} align="flex-start" gap="xs" wrap="wrap">
            <TextInput
              label={`${nameOf(j + 1)}: ${t('builder.settings.optionKey')}`}
              value={o.key}
              w={160}
              error={props.errorAt(`${j}.key`)}
              onChange={(e) =>
                props.onChange(replaceAt(options, j, { ...o, key: e.currentTarget.value }))
              }
            />
            <div style={{ flex: '1 1 200px' }}>
              <LocalizedInput
                label={`${nameOf(j + 1)}: ${t('builder.settings.optionLabel')}`}
                value={o.label}
                language={props.language}
                defaultLanguage={props.defaultLanguage}
                error={props.errorAt(`${j}.label`)}
                onChange={(label) => props.onChange(replaceAt(options, j, { ...o, label }))}
              />
            </div>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              mt={26}
              disabled={options.length <= props.min}
              onClick={() => props.onChange(options.filter((_, i) => i !== j))}
            >
              {t('builder.settings.removeOf', { name: nameOf(j + 1) })}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={add} disabled={options.length >= props.max}>
            {isStage ? t('builder.settings.addStage') : t('builder.settings.addOption')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
