import { MultiSelect, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResponseAttributesQuery } from '../api/surveys';
import type { AttributeCondition } from '../lib/attribute-conditions';
import { formatNumber } from '../lib/format';

const encode = (a: AttributeCondition) => `${a.key}=${a.value}`;

/**
 * Customer attribute conditions picked from what the workspace's responses carry, grouped by
 * attribute ("alue › Uusimaa (3 120)"), the most common values first. A condition in the
 * address that no response carries (any more) stays listed, so it can be seen and removed.
 */
export function AttributeFilterPicker(props: {
  workspaceId: string;
  label: string;
  description?: string;
  placeholder?: string;
  value: AttributeCondition[];
  onChange: (value: AttributeCondition[]) => void;
}) {
  const { i18n } = useTranslation();
  const attributes = useResponseAttributesQuery(props.workspaceId);
  const known = new Map<string, AttributeCondition>();
  const groups = (attributes.data?.items ?? []).map((a) => ({
    group: a.key,
    items: a.values.map((v) => {
      const condition = { key: a.key, value: v.value };
      known.set(encode(condition), condition);
      return {
        value: encode(condition),
        label: `${v.value} (${formatNumber(i18n.language, v.count)})`,
      };
    }),
  }));
  const orphans = props.value.filter((a) => !known.has(encode(a)));
  for (const a of orphans) known.set(encode(a), a);
  const data = [
    ...groups,
    ...(orphans.length
      ? [{ group: '—', items: orphans.map((a) => ({ value: encode(a), label: encode(a) })) }]
      : []),
  ];
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      placeholder={props.value.length ? undefined : props.placeholder}
      data={data}
      value={props.value.map(encode)}
      onChange={(values) =>
        props.onChange(values.flatMap((v) => (known.has(v) ? [known.get(v)!] : [])))
      }
      searchable
      clearable
      disabled={attributes.isPending}
    />
  );
}

/** One attribute key from those responses carry (a breakdown), with how many carry it. */
export function AttributeKeySelect(props: {
  workspaceId: string;
  label: string;
  description?: string;
  chooseLabel: string;
  value: string | undefined;
  onChange: (key: string | undefined) => void;
  error?: string | undefined;
}) {
  const { i18n } = useTranslation();
  const attributes = useResponseAttributesQuery(props.workspaceId);
  const items = attributes.data?.items ?? [];
  const options = items.map((a) => ({
    value: a.key,
    label: `${a.key} (${formatNumber(i18n.language, a.count)})`,
  }));
  if (props.value && !items.some((a) => a.key === props.value))
    options.push({ value: props.value, label: props.value });
  return (
    <NativeSelect
      label={props.label}
      description={props.description}
      value={props.value ?? ''}
      error={props.error}
      disabled={attributes.isPending}
      data={[{ value: '', label: props.chooseLabel }, ...options]}
      onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
    />
  );
}
