import { Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Switch } from '@mantine/core';
import {
  emotionKeys,
  MAX_NUMERIC_DECIMALS,
  NUMERIC_LIMIT,
  ratingScale,
  type EmotionKey,
  type Language,
  type Question,
} from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from './localized-input';
import { OptionsEditor } from './options-editor';

interface QuestionSettingsProps {
  question: Question;
  language: Language;
  defaultLanguage: Language;
  onChange: (q: Question) => void;
  /** The server's complaint about a field of this question (`points`, `options.0.key`…). */
  errorAt: (path: string) => string | undefined;
}

function isEmotion(value: string): value is EmotionKey {
  return (emotionKeys as readonly string[]).includes(value);
}

/** Whole numbers only; an emptied field keeps the previous value. */
function whole(value: string | number, previous: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : previous;
}

/** A number or nothing: an emptied bound is no bound. */
function bound(value: string | number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The settings that only some question types have. */
export function QuestionSettings(props: QuestionSettingsProps) {
  const { t, i18n } = useTranslation();
  const { question: q, onChange, errorAt } = props;
  const texts = { language: props.language, defaultLanguage: props.defaultLanguage };
  switch (q.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'goal':
      return null;
    case 'rating': {
      const [low, high] = ratingScale(q);
      return (
        <>
          <Group align="flex-start">
            <NumberInput
              label={t('builder.settings.points')}
              description={t('builder.settings.scaleRange', { min: low, max: high })}
              min={2}
              max={11}
              w={200}
              value={q.points}
              error={errorAt('points')}
              onChange={(v) => onChange({ ...q, points: whole(v, q.points) })}
            />
            <NativeSelect
              label={t('builder.settings.scaleStart')}
              w={200}
              value={String(low)}
              data={['1', '0']}
              error={errorAt('scaleStart')}
              onChange={(e) =>
                onChange({ ...q, scaleStart: e.currentTarget.value === '0' ? 0 : undefined })
              }
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <LocalizedInput
              {...texts}
              label={t('builder.settings.lowLabel')}
              value={q.lowLabel}
              onChange={(lowLabel) => onChange({ ...q, lowLabel })}
            />
            <LocalizedInput
              {...texts}
              label={t('builder.settings.highLabel')}
              value={q.highLabel}
              onChange={(highLabel) => onChange({ ...q, highLabel })}
            />
          </SimpleGrid>
        </>
      );
    }
    case 'numeric': {
      // The separator the staff member's language writes; the stored value is a plain number.
      const decimalSeparator = i18n.language === 'en' ? '.' : ',';
      const limits = { min: -NUMERIC_LIMIT, max: NUMERIC_LIMIT, decimalSeparator };
      return (
        <>
          <LocalizedInput
            {...texts}
            label={t('builder.settings.unit')}
            hint={t('builder.settings.unitHint')}
            value={q.unit}
            error={errorAt('unit')}
            onChange={(unit) => onChange({ ...q, unit })}
          />
          <Group align="flex-start">
            <NumberInput
              {...limits}
              label={t('builder.settings.min')}
              description={t('builder.settings.boundHint')}
              w={200}
              value={q.min ?? ''}
              decimalScale={q.decimals}
              error={errorAt('min')}
              onChange={(v) => onChange({ ...q, min: bound(v) })}
            />
            <NumberInput
              {...limits}
              label={t('builder.settings.max')}
              description={t('builder.settings.boundHint')}
              w={200}
              value={q.max ?? ''}
              decimalScale={q.decimals}
              error={errorAt('max')}
              onChange={(v) => onChange({ ...q, max: bound(v) })}
            />
            <NumberInput
              label={t('builder.settings.decimals')}
              min={0}
              max={MAX_NUMERIC_DECIMALS}
              allowDecimal={false}
              w={200}
              value={q.decimals}
              error={errorAt('decimals')}
              onChange={(v) => onChange({ ...q, decimals: whole(v, q.decimals) })}
            />
          </Group>
        </>
      );
    }
    case 'emotion':
      return (
        <>
          <Checkbox.Group
            label={t('builder.settings.emotions')}
            value={q.emotions}
            error={errorAt('emotions')}
            onChange={(values) => onChange({ ...q, emotions: values.filter(isEmotion) })}
          >
            <Group gap="sm" mt="xs">
              {emotionKeys.map((e) => (
                <Checkbox key={e} value={e} label={t(`builder.emotions.${e}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label={t('builder.settings.intensity')}
            checked={q.intensity}
            onChange={(e) => onChange({ ...q, intensity: e.currentTarget.checked })}
          />
        </>
      );
    case 'expectation':
      return (
        <NumberInput
          label={t('builder.settings.points')}
          min={3}
          max={10}
          w={160}
          value={q.points}
          error={errorAt('points')}
          onChange={(v) => onChange({ ...q, points: whole(v, q.points) })}
        />
      );
    case 'single':
    case 'multiple':
      return (
        <>
          <OptionsEditor
            {...texts}
            kind="option"
            options={q.options}
            min={2}
            max={50}
            errorAt={(p) => errorAt(`options.${p}`)}
            onChange={(options) => onChange({ ...q, options })}
          />
          {q.type === 'multiple' && (
            <NumberInput
              label={t('builder.settings.maxChoices')}
              min={1}
              w={260}
              value={q.maxChoices ?? ''}
              error={errorAt('maxChoices')}
              onChange={(v) =>
                onChange({ ...q, maxChoices: typeof v === 'number' && v >= 1 ? v : undefined })
              }
            />
          )}
        </>
      );
    case 'text':
      return (
        <Group align="flex-end">
          <NumberInput
            label={t('builder.settings.maxLength')}
            min={1}
            max={10_000}
            w={220}
            value={q.maxLength}
            error={errorAt('maxLength')}
            onChange={(v) => onChange({ ...q, maxLength: whole(v, q.maxLength) })}
          />
          <Switch
            label={t('builder.settings.multiline')}
            checked={q.multiline}
            mb={8}
            onChange={(e) => onChange({ ...q, multiline: e.currentTarget.checked })}
          />
        </Group>
      );
    case 'kano':
      return (
        <LocalizedInput
          {...texts}
          label={t('builder.settings.feature')}
          value={q.feature}
          error={errorAt('feature')}
          onChange={(feature) => onChange({ ...q, feature })}
        />
      );
    case 'incident':
      return (
        <OptionsEditor
          {...texts}
          kind="stage"
          options={q.stages}
          min={0}
          max={20}
          errorAt={(p) => errorAt(`stages.${p}`)}
          onChange={(stages) => onChange({ ...q, stages })}
        />
      );
  }
}
