import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { Condition, Language, Question } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { replaceAt, scoredTypes } from './draft';
import { statusText } from '../../lib/status-colors';

type Op = Condition['op'];
const allOps: Op[] = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'answered', 'not_answered'];
const choiceOps: Op[] = ['eq', 'neq', 'in', 'answered', 'not_answered'];

function isNumeric(q: Question | undefined): boolean {
  return (
    q !== undefined &&
    (scoredTypes.includes(q.type) || q.type === 'numeric' || q.type === 'expectation')
  );
}

/** The choices a question offers as condition values (option keys, goal answers). */
function choicesOf(q: Question | undefined): string[] | null {
  if (q?.type === 'single' || q?.type === 'multiple') return q.options.map((o) => o.key);
  if (q?.type === 'goal') return ['yes', 'partly', 'no'];
  return null;
}

interface ConditionsEditorProps {
  conditions: Condition[];
  /** The questions a condition may refer to (those before the one being edited). */
  candidates: Question[];
  language: Language;
  onChange: (conditions: Condition[]) => void;
  /** Thank-you rules need at least one condition. */
  minOne?: boolean;
  error?: string | undefined;
}

/** Edits a list of conditions that must all hold: question, operator and value for each. */
export function ConditionsEditor(props: ConditionsEditorProps) {
  const { t } = useTranslation();
  const { conditions, candidates } = props;
  const first = candidates[0];
  const byKey = (key: string) => candidates.find((q) => q.key === key);
  const set = (i: number, c: Condition) => props.onChange(replaceAt(conditions, i, c));

  const valueEditor = (c: Condition, i: number) => {
    const q = byKey(c.key);
    if (c.op === 'answered' || c.op === 'not_answered') return null;
    const label = t('builder.logic.value');
    if (c.op === 'in') {
      const text = Array.isArray(c.value) ? c.value.join(', ') : '';
      return (
        <TextInput
          label={label}
          description={t('builder.logic.valuesHint')}
          value={text}
          onChange={(e) => {
            const parts = e.currentTarget.value.split(',').map((s) => s.trim());
            const values = parts.map((p) => (isNumeric(q) && p !== '' ? Number(p) : p));
            set(i, { ...c, value: values });
          }}
        />
      );
    }
    const choices = choicesOf(q);
    if (choices && (c.op === 'eq' || c.op === 'neq')) {
      return (
        <NativeSelect
          label={label}
          value={typeof c.value === 'string' ? c.value : ''}
          data={[{ value: '', label: '—' }, ...choices.map((k) => ({ value: k, label: k }))]}
          onChange={(e) => set(i, { ...c, value: e.currentTarget.value })}
        />
      );
    }
    if (isNumeric(q)) {
      return (
        <NumberInput
          label={label}
          w={120}
          value={typeof c.value === 'number' ? c.value : ''}
          onChange={(v) => set(i, { ...c, value: typeof v === 'number' ? v : undefined })}
        />
      );
    }
    return (
      <TextInput
        label={label}
        value={typeof c.value === 'string' ? c.value : ''}
        onChange={(e) => set(i, { ...c, value: e.currentTarget.value })}
      />
    );
  };

  return (
    <Stack gap="xs">
      {conditions.length === 0 && (
        <Text size="sm" c="dimmed">
          {candidates.length === 0 ? t('builder.logic.noEarlier') : t('builder.logic.always')}
        </Text>
      )}
      {conditions.map((c, i) => {
        const q = byKey(c.key);
        const ops = q && !isNumeric(q) ? choiceOps : allOps;
        return (
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('builder.logic.question')}
              value={c.key}
              data={[
                ...(q ? [] : [{ value: c.key, label: c.key }]),
                ...candidates.map((cq) => ({
                  value: cq.key,
                  label: `${cq.key}: ${cq.text[props.language] ?? ''}`.slice(0, 60),
                })),
              ]}
              onChange={(e) => set(i, { key: e.currentTarget.value, op: 'answered' })}
              maw={260}
            />
            <NativeSelect
              label={t('builder.logic.op')}
              value={c.op}
              data={ops.map((op) => ({ value: op, label: t(`builder.logic.ops.${op}`) }))}
              onChange={(e) => {
                const op = allOps.find((o) => o === e.currentTarget.value) ?? 'answered';
                set(i, { key: c.key, op, value: op === 'in' ? [] : undefined });
              }}
            />
            {valueEditor(c, i)}
            <Button
              variant="subtle"
              color="red"
              size="xs"
              disabled={props.minOne === true && conditions.length === 1}
              onClick={() => props.onChange(conditions.filter((_, j) => j !== i))}
            >
              {t('builder.logic.remove', { n: i + 1 })}
            </Button>
          </Group>
        );
      })}
      {props.error && (
        <Text size="sm" c={statusText.error} role="alert">
          {props.error}
        </Text>
      )}
      {first && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => props.onChange([...conditions, { key: first.key, op: 'answered' }])}
          >
            {t('builder.logic.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
