import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { languages, linkChannels, type MetricFilters } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalysedDefinitionQuery } from '../../api/analyses';
import { useSurveysQuery } from '../../api/surveys';
import { AttributeFilterPicker } from '../../components/attribute-pickers';
import { attributeFilters, type AttributeCondition } from '../../lib/attribute-conditions';

/** What the filter bar edits; text as typed, turned into a request body by `useScopeBody`. */
export interface ScopeState {
  /** '' = none chosen (or, where the survey is optional, all surveys). */
  surveyId: string;
  from: string;
  to: string;
  channels: string[];
  languages: string[];
  /** Customer attribute conditions; values of one key are alternatives. */
  attributes: AttributeCondition[];
}

const ALL = '__all__';

export function useScopeState() {
  return useState<ScopeState>({
    surveyId: '',
    from: '',
    to: '',
    channels: [],
    languages: [],
    attributes: [],
  });
}

const periodValid = (s: ScopeState) => !s.from || !s.to || s.from <= s.to;

export interface ScopeBody {
  surveyId: string;
  from?: string;
  to?: string;
  filters: MetricFilters;
}

/**
 * The analysis scope as a request body, settled for a moment after the last keystroke (so
 * typing an attribute does not fire a request per letter); null while it is not valid or no
 * survey is chosen (unless `surveyOptional`: then surveyId '' means all). `answerFilters:
 * false` leaves channels and attributes out (invitations have neither).
 */
export function useScopeBody(
  scope: ScopeState,
  options: { answerFilters?: boolean; surveyOptional?: boolean } = {},
): ScopeBody | null {
  const [settled] = useDebouncedValue(scope, 300);
  const answerFilters = options.answerFilters ?? true;
  const attributes = attributeFilters(settled.attributes);
  if (!settled.surveyId && !options.surveyOptional) return null;
  if (!periodValid(settled)) return null;
  const filters: MetricFilters = {
    ...(answerFilters && settled.channels.length > 0 && { channels: settled.channels }),
    ...(settled.languages.length > 0 && {
      languages: settled.languages as MetricFilters['languages'],
    }),
    ...(answerFilters && attributes.length > 0 && { attributes }),
  };
  return {
    surveyId: settled.surveyId,
    ...(settled.from && { from: settled.from }),
    ...(settled.to && { to: settled.to }),
    filters,
  };
}

/** The chosen survey's questions as the analyses read them (latest published version). */
export function useScopeDefinition(workspaceId: string, surveyId: string) {
  const surveys = useSurveysQuery(workspaceId);
  const summary = surveys.data?.items.find((s) => s.id === surveyId);
  return useAnalysedDefinitionQuery(workspaceId, surveyId, summary?.publishedVersion);
}

/**
 * Survey, period and the common filters (channel, language, customer attribute) of every
 * analysis page. `allSurveys` offers "all surveys" (response rate); `answerFilters: false`
 * hides the filters that describe answers.
 */
export function FilterBar(props: {
  workspaceId: string;
  value: ScopeState;
  onChange: (next: ScopeState) => void;
  allSurveys?: boolean;
  answerFilters?: boolean;
}) {
  const { t } = useTranslation();
  const surveys = useSurveysQuery(props.workspaceId);
  const v = props.value;
  const set = (patch: Partial<ScopeState>) => props.onChange({ ...v, ...patch });
  const answerFilters = props.answerFilters ?? true;
  const width = { base: '100%', xs: 220 };
  const surveyOptions = [
    ...(props.allSurveys ? [{ value: ALL, label: t('analyses.filters.allSurveys') }] : []),
    ...(surveys.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <Group align="flex-start" gap="sm" role="group" aria-label={t('analyses.filters.label')}>
      <Select
        label={t('analyses.filters.survey')}
        placeholder={t('analyses.filters.pickSurvey')}
        data={surveyOptions}
        value={v.surveyId || (props.allSurveys ? ALL : null)}
        onChange={(id) => set({ surveyId: !id || id === ALL ? '' : id })}
        allowDeselect={false}
        searchable
        w={{ base: '100%', xs: 300 }}
      />
      <TextInput
        type="date"
        label={t('analyses.filters.from')}
        value={v.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
        error={periodValid(v) ? undefined : t('analyses.filters.periodInvalid')}
        w={{ base: '100%', xs: 170 }}
      />
      <TextInput
        type="date"
        label={t('analyses.filters.to')}
        value={v.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
        w={{ base: '100%', xs: 170 }}
      />
      {answerFilters && (
        <MultiSelect
          label={t('analyses.filters.channels')}
          placeholder={v.channels.length ? undefined : t('analyses.filters.anyChannel')}
          data={linkChannels.map((c) => ({ value: c, label: t(`analyses.channels.${c}`) }))}
          value={v.channels}
          onChange={(channels) => set({ channels })}
          w={width}
        />
      )}
      <MultiSelect
        label={t('analyses.filters.languages')}
        placeholder={v.languages.length ? undefined : t('analyses.filters.anyLanguage')}
        data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        value={v.languages}
        onChange={(langs) => set({ languages: langs })}
        w={width}
      />
      {answerFilters && (
        <div style={{ width: '100%', maxWidth: 300 }}>
          <AttributeFilterPicker
            workspaceId={props.workspaceId}
            label={t('analyses.filters.attribute')}
            description={t('analyses.filters.attributeHint')}
            value={v.attributes}
            onChange={(attributes) => set({ attributes })}
          />
        </div>
      )}
    </Group>
  );
}
