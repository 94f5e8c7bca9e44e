import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import {
  breakdownDimensions,
  describeCsiWeightProblem,
  isMultiItemMetric,
  isOneQuestionMetric,
  multiItemMetrics,
  languages,
  linkChannels,
  metricBuckets,
  metricKinds,
  npsIntervalMethods,
  ratingScale,
  responseSources,
  type Language,
  type MetricKind,
  type Question,
  type SurveyDefinition,
  type SurveySummary,
} from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelLabel } from './labels';
import { hasIntervalChoice, rangeOf, type ExplorerState } from './explorer-state';
import { periodPresets, type Period } from './period';
import { statusText } from '../../lib/status-colors';
import { formatNumber } from '../../lib/format';
import { TouchpointMultiPicker } from '../../components/touchpoint-picker';
import { AttributeFilterPicker, AttributeKeySelect } from '../../components/attribute-pickers';
import { useWorkspaceId } from '../../lib/membership';

/** Every channel an answer can carry: a link's channel, or the source when there was no link. */
export const allChannels = [...new Set<string>([...linkChannels, ...responseSources])];

/** A rating question on exactly min…max (a 0–4 scale is not a 1–5 one). */
function isRatingOn(question: Question, min: number, max: number): boolean {
  if (question.type !== 'rating') return false;
  const [low, high] = ratingScale(question);
  return low === min && high === max;
}

/** Whether a question can be measured as a metric of this kind (eNPS: employee surveys only). */
export function fitsKind(kind: MetricKind, question: Question, survey: SurveySummary): boolean {
  switch (kind) {
    case 'nps':
      return question.type === 'nps' && survey.purpose !== 'employee';
    case 'enps':
      return question.type === 'nps' && survey.purpose === 'employee';
    case 'csat':
    case 'ces':
    case 'goal':
      return question.type === kind;
    case 'rating':
    case 'numeric':
      return question.type === kind;
    case 'cx_index':
      // The CX index counts % 4–5 minus % 1–2 of 1–5 items.
      return isRatingOn(question, 1, 5) || question.type === 'csat';
    case 'csi':
      // The three-item CSI averages 1–10 items.
      return isRatingOn(question, 1, 10);
  }
}

export interface SurveyOption {
  survey: SurveySummary;
  definition: SurveyDefinition;
}

function questionText(q: Question, d: SurveyDefinition, language: string): string {
  const text = q.text[language as Language] ?? q.text[d.defaultLanguage] ?? '';
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return short ? `${q.key} – ${short}` : q.key;
}

/** The explorer's choices: metric, survey and question, period, bucket, breakdown, filters. */
export function ExplorerControls(props: {
  state: ExplorerState;
  today: string;
  surveys: SurveyOption[];
  onChange: (next: Partial<ExplorerState>) => void;
  onClearFilters: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { state, onChange } = props;
  const channelLabel = useChannelLabel();
  const workspaceId = useWorkspaceId();
  const fitting = props.surveys
    .map((s) => ({
      ...s,
      questions: s.definition.questions.filter((q) => fitsKind(state.kind, q, s.survey)),
    }))
    .filter((s) => s.questions.length >= (isMultiItemMetric(state.kind) ? 3 : 1));
  const chosen = fitting.find((s) => s.survey.id === state.surveyId);
  const questionOptions = (chosen?.questions ?? []).map((q) => ({
    value: q.key,
    label: questionText(q, chosen!.definition, i18n.language),
  }));
  const needsQuestion = isOneQuestionMetric(state.kind);
  const choose = { value: '', label: t('analytics.choose') };
  const range = rangeOf(state, props.today);

  const setKind = (kind: MetricKind) => {
    // Keep the survey if it still has a question of the new kind; the question rarely fits.
    const keep = props.surveys.some(
      (s) =>
        s.survey.id === state.surveyId &&
        s.definition.questions.some((q) => fitsKind(kind, q, s.survey)),
    );
    onChange({
      kind,
      surveyId: keep ? state.surveyId : undefined,
      question: undefined,
      cxQuestions: undefined,
    });
  };
  const setSurvey = (surveyId: string) => {
    const s = fitting.find((x) => x.survey.id === surveyId);
    // The CX index template names its items; preselect them when the survey has them.
    const keys = s?.questions.map((q) => q.key) ?? [];
    const items = isMultiItemMetric(state.kind) ? multiItemMetrics[state.kind] : undefined;
    onChange({
      surveyId: surveyId || undefined,
      question: undefined,
      cxQuestions:
        items && items.every((k) => keys.includes(k)) ? [items[0], items[1], items[2]] : undefined,
    });
  };
  // Items picked before all three are: the address only keeps a complete triple, so the
  // incomplete choice of the current survey is held here.
  const [pending, setPending] = useState<{ surveyId?: string; items: [string, string, string] }>({
    items: ['', '', ''],
  });
  const cxShown: [string, string, string] =
    state.cxQuestions ?? (pending.surveyId === state.surveyId ? pending.items : ['', '', '']);
  const setCx = (index: 0 | 1 | 2, key: string) => {
    const next: [string, string, string] = [cxShown[0], cxShown[1], cxShown[2]];
    next[index] = key;
    setPending({ surveyId: state.surveyId, items: next });
    onChange({ cxQuestions: next.every(Boolean) ? next : undefined });
  };

  return (
    <form aria-label={t('analytics.controls')} onSubmit={(e) => e.preventDefault()}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <NativeSelect
          label={t('analytics.metric')}
          value={state.kind}
          data={metricKinds.map((k) => ({ value: k, label: t(`analytics.kinds.${k}`) }))}
          onChange={(e) => setKind(e.currentTarget.value as MetricKind)}
        />
        <NativeSelect
          label={t('analytics.survey')}
          value={chosen ? state.surveyId : ''}
          data={[
            needsQuestion || isMultiItemMetric(state.kind)
              ? choose
              : { value: '', label: t('analytics.allSurveys') },
            ...fitting.map((s) => ({ value: s.survey.id, label: s.survey.name })),
          ]}
          onChange={(e) => setSurvey(e.currentTarget.value)}
          error={fitting.length === 0 ? t('analytics.noQuestions') : undefined}
        />
        {isMultiItemMetric(state.kind) ? (
          multiItemMetrics[state.kind].map((item, i) => (
            <NativeSelect
              key={item}
              label={t(`analytics.cxItems.${item}`)}
              value={cxShown[i]}
              disabled={!chosen}
              data={[choose, ...questionOptions]}
              onChange={(e) => setCx(i as 0 | 1 | 2, e.currentTarget.value)}
            />
          ))
        ) : (
          <NativeSelect
            label={t('analytics.question')}
            value={chosen ? (state.question ?? '') : ''}
            disabled={!chosen}
            data={[
              needsQuestion ? choose : { value: '', label: t('analytics.allQuestions') },
              ...questionOptions,
            ]}
            onChange={(e) => onChange({ question: e.currentTarget.value || undefined })}
          />
        )}
        <NativeSelect
          label={t('analytics.period')}
          value={state.period}
          data={[...periodPresets, 'custom' as const].map((p) => ({
            value: p,
            label: t(`analytics.periods.${p}`),
          }))}
          onChange={(e) => {
            const period = e.currentTarget.value as Period;
            // Custom starts from the dates on screen, so nothing jumps.
            onChange(
              period === 'custom'
                ? { period, from: range.from, to: range.to }
                : { period, from: undefined, to: undefined },
            );
          }}
        />
        <TextInput
          type="date"
          label={t('analytics.from')}
          value={range.from ?? ''}
          max={range.to}
          onChange={(e) =>
            onChange({ period: 'custom', from: e.currentTarget.value || undefined, to: range.to })
          }
        />
        <TextInput
          type="date"
          label={t('analytics.to')}
          value={range.to ?? ''}
          min={range.from}
          onChange={(e) =>
            onChange({ period: 'custom', from: range.from, to: e.currentTarget.value || undefined })
          }
        />
        <NativeSelect
          label={t('analytics.bucket')}
          value={state.by}
          data={metricBuckets.map((b) => ({ value: b, label: t(`analytics.buckets.${b}`) }))}
          onChange={(e) => onChange({ by: e.currentTarget.value as ExplorerState['by'] })}
        />
        <NativeSelect
          label={t('analytics.breakdown')}
          value={state.breakdown ?? ''}
          data={[
            { value: '', label: t('analytics.breakdowns.none') },
            ...breakdownDimensions.map((b) => ({
              value: b,
              label: t(`analytics.breakdowns.${b}`),
            })),
          ]}
          onChange={(e) =>
            onChange({
              breakdown: (e.currentTarget.value || undefined) as ExplorerState['breakdown'],
            })
          }
        />
        {state.breakdown === 'attribute' && (
          <AttributeKeySelect
            workspaceId={workspaceId}
            label={t('analytics.breakdownKey')}
            description={t('analytics.breakdownKeyHint')}
            chooseLabel={t('analytics.breakdownKeyChoose')}
            value={state.breakdownKey}
            onChange={(breakdownKey) => onChange({ breakdownKey })}
          />
        )}
        {hasIntervalChoice(state.kind) && (
          <NativeSelect
            label={t('analytics.intervalMethod')}
            value={state.interval ?? 'adjusted-wald'}
            data={npsIntervalMethods.map((m) => ({
              value: m,
              label: t(`analytics.intervalMethods.${m}`),
            }))}
            onChange={(e) =>
              onChange({
                interval: e.currentTarget.value === 'wald' ? 'wald' : undefined,
              })
            }
          />
        )}
      </SimpleGrid>
      {state.kind === 'csi' && (
        <CsiWeightsInput
          key={state.weights?.join(',') ?? 'equal'}
          value={state.weights}
          onCommit={(weights) => onChange({ weights })}
        />
      )}
      <Fieldset legend={t('analytics.filters')} mt="md" variant="filled">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <MultiSelect
            label={t('analytics.channels')}
            placeholder={state.channels.length ? undefined : t('analytics.all')}
            value={state.channels}
            data={allChannels.map((c) => ({
              value: c,
              label: channelLabel(c),
            }))}
            onChange={(channels) => onChange({ channels })}
            clearable
          />
          <MultiSelect
            label={t('analytics.languages')}
            placeholder={state.languages.length ? undefined : t('analytics.all')}
            value={state.languages}
            data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            onChange={(ls) => onChange({ languages: ls })}
            clearable
          />
          <AttributeFilterPicker
            workspaceId={workspaceId}
            label={t('analytics.attributes')}
            description={t('analytics.attributesHint')}
            placeholder={t('analytics.all')}
            value={state.attributes}
            onChange={(attributes) => onChange({ attributes })}
          />
          <TouchpointMultiPicker
            workspaceId={workspaceId}
            label={t('analytics.touchpoints')}
            description={t('analytics.touchpointsHint')}
            placeholder={t('analytics.all')}
            value={state.touchpointIds}
            onChange={(touchpointIds) => onChange({ touchpointIds })}
            withNone
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button variant="default" size="xs" onClick={props.onClearFilters}>
            {t('analytics.clearFilters')}
          </Button>
        </Group>
      </Fieldset>
    </form>
  );
}

/**
 * The CSI's three item weights. They are committed on leaving a field once all three are
 * numbers (or all are empty: equal weights), so a half-typed weight never runs a query; weights
 * that break the API's rule (positive, summing to 1) are said so here, beside the fields.
 */
function CsiWeightsInput(props: {
  value: [number, number, number] | undefined;
  onCommit: (weights: [number, number, number] | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<(number | string)[]>(props.value ?? ['', '', '']);
  const numbers = values.every((v): v is number => typeof v === 'number')
    ? (values as [number, number, number])
    : undefined;
  const problem = numbers ? describeCsiWeightProblem(numbers) : null;
  const sum = numbers
    ? formatNumber(i18n.language, numbers[0] + numbers[1] + numbers[2], {
        maximumFractionDigits: 6,
      })
    : '';
  const commit = () => {
    if (numbers) {
      if (numbers.join(',') !== props.value?.join(',')) props.onCommit(numbers);
    } else if (values.every((v) => v === '') && props.value) props.onCommit(undefined);
  };
  return (
    <Fieldset legend={t('analytics.weights')} mt="md" variant="filled" data-testid="csi-weights">
      <Text size="sm" id="csi-weights-hint">
        {t('analytics.weightsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mt="xs">
        {multiItemMetrics.csi.map((item, i) => (
          <NumberInput
            key={item}
            label={t(`analytics.weightOf.${item}`)}
            value={values[i]}
            onChange={(v) => setValues((now) => now.map((old, j) => (j === i ? v : old)))}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
            }}
            decimalSeparator={i18n.language === 'en' ? '.' : ','}
            allowNegative={false}
            decimalScale={6}
            hideControls
            aria-describedby={problem ? 'csi-weights-hint csi-weights-problem' : 'csi-weights-hint'}
            aria-invalid={problem ? true : undefined}
          />
        ))}
      </SimpleGrid>
      {problem && (
        <Text size="sm" c={statusText.error} mt="xs" id="csi-weights-problem" role="alert">
          {t('analytics.missing.weights')} {t('analytics.weightsSum', { sum })}
        </Text>
      )}
    </Fieldset>
  );
}
