import { MultiSelect, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTouchpointDirectory } from '../api/touchpoints';
import { touchpointOptions } from '../lib/touchpoints';

/**
 * A touchpoint's name for an id: its name (with journey and stage when another touchpoint has
 * the same name); "…" while the journeys load; "deleted touchpoint" once they have loaded and
 * none has it. Never the id.
 */
export function useTouchpointLabel(workspaceId: string) {
  const { t } = useTranslation();
  const directory = useTouchpointDirectory(workspaceId);
  return (id: string) =>
    directory.byId.get(id)?.label ?? (directory.pending ? '…' : t('names.touchpoints.unknown'));
}

/** Touchpoints picked by name, grouped by journey and stage; `null` is "no touchpoint". */
export function TouchpointMultiPicker(props: {
  workspaceId: string;
  label: string;
  description?: string;
  placeholder?: string;
  value: readonly (string | null)[];
  onChange: (value: (string | null)[]) => void;
  /** Also offer "no touchpoint" (answers that came by no touchpoint's link). */
  withNone?: boolean;
}) {
  const { t } = useTranslation();
  const directory = useTouchpointDirectory(props.workspaceId);
  const label = useTouchpointLabel(props.workspaceId);
  const groups = touchpointOptions(directory.entries);
  const known = new Set(directory.entries.map((e) => e.id));
  // A picked id that is in no journey (deleted, or typed into the address) stays visible and
  // removable rather than silently filtering.
  const strays = props.value
    .filter((v): v is string => v !== null && !known.has(v))
    .map((id) => ({ value: id, label: label(id) }));
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      placeholder={props.value.length ? undefined : props.placeholder}
      value={props.value.map((v) => v ?? 'none')}
      data={[
        ...(props.withNone ? [{ value: 'none', label: t('analytics.noTouchpoint') }] : []),
        ...strays,
        ...groups,
      ]}
      onChange={(values) => props.onChange(values.map((v) => (v === 'none' ? null : v)))}
      nothingFoundMessage={t('names.touchpoints.noneFound')}
      searchable
      clearable
    />
  );
}

/** One touchpoint picked by name, grouped by journey and stage (a native select: optgroups). */
export function TouchpointPicker(props: {
  workspaceId: string;
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const directory = useTouchpointDirectory(props.workspaceId);
  const label = useTouchpointLabel(props.workspaceId);
  const known = directory.byId.has(props.value);
  return (
    <NativeSelect
      label={props.label}
      value={props.value}
      required={props.required}
      error={props.error}
      description={
        !directory.pending && directory.entries.length === 0
          ? t('names.touchpoints.noJourneys')
          : undefined
      }
      data={[
        { value: '', label: t('names.touchpoints.choose') },
        ...(props.value && !known ? [{ value: props.value, label: label(props.value) }] : []),
        ...touchpointOptions(directory.entries),
      ]}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
