import {
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  kanoAnswers,
  ratingScale,
  type AnswerValue,
  type Language,
  type Question,
} from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PreviewQuestionProps {
  question: Question;
  language: Language;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** A scale of radio buttons, as respondents see it. */
function Scale(props: {
  label: string;
  description?: string | undefined;
  min: number;
  max: number;
  value: AnswerValue | undefined;
  onChange?: (value: number) => void;
  low?: string | undefined;
  high?: string | undefined;
}) {
  return (
    <Radio.Group
      label={props.label}
      description={props.description}
      value={typeof props.value === 'number' ? String(props.value) : null}
      onChange={(v) => props.onChange?.(Number(v))}
    >
      <Group gap="xs" mt="xs">
        {range(props.min, props.max).map((n) => (
          <Radio key={n} value={String(n)} label={String(n)} />
        ))}
      </Group>
      {(props.low || props.high) && (
        <Group justify="space-between" mt={4}>
          <Text size="xs">{props.low}</Text>
          <Text size="xs">{props.high}</Text>
        </Group>
      )}
    </Radio.Group>
  );
}

/** "12", "12,5" or "12.5" as a number; anything else is no answer (the preview only). */
function readTypedNumber(text: string): number | undefined {
  const t = text.trim();
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : undefined;
}

/** A numeric question's field as respondents see it: what they type, with its unit after it. */
function NumberPreview(props: {
  question: Question & { type: 'numeric' };
  label: string;
  description: string | undefined;
  language: Language;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = props.question;
  const range =
    q.min !== undefined || q.max !== undefined
      ? t('builder.preview.numberRange', { min: q.min ?? '…', max: q.max ?? '…' })
      : null;
  const rule = [range, t('builder.preview.numberDecimals', { n: q.decimals })]
    .filter(Boolean)
    .join(' · ');
  return (
    <TextInput
      label={props.label}
      description={[props.description, rule].filter(Boolean).join(' — ')}
      value={text}
      w={280}
      inputMode="decimal"
      rightSection={q.unit?.[props.language]}
      rightSectionWidth="auto"
      rightSectionProps={{ style: { paddingInline: 8 } }}
      onChange={(e) => {
        setText(e.currentTarget.value);
        props.onChange(readTypedNumber(e.currentTarget.value));
      }}
    />
  );
}

/** One question rendered in one language; answers feed the preview's skip logic. */
export function PreviewQuestion({ question: q, language, value, onChange }: PreviewQuestionProps) {
  const { t } = useTranslation();
  const label = `${q.text[language] ?? ''}${q.required ? ' *' : ''}`;
  const description = q.help?.[language];
  const scale = { label, description, value, onChange };
  switch (q.type) {
    case 'nps':
      return <Scale {...scale} min={0} max={10} />;
    case 'csat':
      return <Scale {...scale} min={1} max={5} />;
    case 'ces':
      return <Scale {...scale} min={1} max={7} />;
    case 'numeric':
      return (
        <NumberPreview
          question={q}
          label={label}
          description={description}
          language={language}
          onChange={onChange}
        />
      );
    case 'rating':
      return (
        <Scale
          {...scale}
          min={ratingScale(q)[0]}
          max={ratingScale(q)[1]}
          low={q.lowLabel?.[language]}
          high={q.highLabel?.[language]}
        />
      );
    case 'goal':
    case 'single': {
      const options =
        q.type === 'goal'
          ? (['yes', 'partly', 'no'] as const).map((k) => ({
              key: k,
              text: t(`builder.preview.goal.${k}`),
            }))
          : q.options.map((o) => ({ key: o.key, text: o.label[language] ?? '' }));
      return (
        <Radio.Group
          label={label}
          description={description}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        >
          <Stack gap={6} mt="xs">
            {options.map((o) => (
              <Radio key={o.key} value={o.key} label={o.text || o.key} />
            ))}
          </Stack>
        </Radio.Group>
      );
    }
    case 'multiple':
      return (
        <Checkbox.Group
          label={label}
          description={description}
          value={Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : []}
          onChange={onChange}
        >
          <Stack gap={6} mt="xs">
            {q.options.map((o) => (
              <Checkbox key={o.key} value={o.key} label={o.label[language] || o.key} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'text': {
      const common = {
        label,
        description,
        maxLength: q.maxLength,
        value: typeof value === 'string' ? value : '',
      };
      return q.multiline ? (
        <Textarea
          {...common}
          autosize
          minRows={2}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <TextInput {...common} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    }
    case 'emotion':
      return (
        <Checkbox.Group label={label} description={description}>
          <Group gap="sm" mt="xs">
            {q.emotions.map((e) => (
              <Checkbox key={e} value={e} label={t(`builder.emotions.${e}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'expectation':
      return (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <Scale
            label={t('builder.preview.expectation')}
            min={1}
            max={q.points}
            value={undefined}
          />
          <Scale label={t('builder.preview.outcome')} min={1} max={q.points} value={undefined} />
        </Stack>
      );
    case 'kano': {
      const data = kanoAnswers.map((k) => ({ value: k, label: t(`builder.preview.kano.${k}`) }));
      return (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {label} {q.feature[language]}
          </Text>
          <NativeSelect label={t('builder.preview.functional')} data={['', ...data]} />
          <NativeSelect label={t('builder.preview.dysfunctional')} data={['', ...data]} />
        </Stack>
      );
    }
    case 'incident':
      return (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <Textarea label={t('builder.preview.incidentWhat')} autosize minRows={2} />
          {q.stages.length > 0 && (
            <NativeSelect
              label={t('builder.preview.incidentWhen')}
              data={[
                '',
                ...q.stages.map((s) => ({ value: s.key, label: s.label[language] ?? s.key })),
              ]}
            />
          )}
          <Textarea label={t('builder.preview.incidentWhy')} autosize minRows={2} />
          <Radio.Group label={t('builder.preview.valence')}>
            <Group gap="md" mt="xs">
              <Radio value="positive" label={t('builder.preview.positive')} />
              <Radio value="negative" label={t('builder.preview.negative')} />
            </Group>
          </Radio.Group>
        </Stack>
      );
  }
}
