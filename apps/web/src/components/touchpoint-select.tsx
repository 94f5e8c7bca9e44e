import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTouchpointDirectory } from '../api/touchpoints';

/**
 * A touchpoint by name, grouped by journey and stage ("Verkkokaupan polku › Osto"), or none.
 * A native select, so it works the same with a keyboard, a screen reader and a phone.
 */
export function TouchpointSelect(props: {
  workspaceId: string;
  label: string;
  /** In a table row the column names it for the eye; the label is then for screen readers. */
  hideLabel?: boolean;
  value: string | null;
  onChange: (touchpointId: string | null) => void;
  /** What "none" means here ("Ei kosketuspistettä", "Kyselyn oma"). */
  noneLabel: string;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { entries, pending } = useTouchpointDirectory(props.workspaceId);
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const e of entries) {
    const group = t('journeys.touchpointSelect.group', {
      journey: e.journeyName,
      stage: e.stageName,
    });
    groups.set(group, [...(groups.get(group) ?? []), { value: e.id, label: e.label }]);
  }
  return (
    <NativeSelect
      label={props.hideLabel ? undefined : props.label}
      aria-label={props.hideLabel ? props.label : undefined}
      value={props.value ?? ''}
      error={props.error}
      disabled={props.disabled || pending}
      data={[
        { value: '', label: props.noneLabel },
        ...[...groups].map(([group, items]) => ({ group, items })),
      ]}
      onChange={(e) => props.onChange(e.currentTarget.value || null)}
    />
  );
}
