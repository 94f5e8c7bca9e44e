import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import {
  metricKinds,
  isMultiItemMetric,
  isOneQuestionMetric,
  ratingScale,
  recurringPeriods,
  type MetricKind,
  type MetricSpec,
  type Question,
  type SurveySummary,
  type Target,
  type TargetPeriod,
  type TargetScope,
} from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { listeningKeys } from '../../api/surveys';
import { useSaveTargetMutation } from '../../api/targets';
import { ErrorAlert } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { TouchpointPicker } from '../../components/touchpoint-picker';

type ScopeKind = TargetScope['kind'];
type Every = (typeof recurringPeriods)[number];

interface FormState {
  name: string;
  kind: MetricKind;
  surveyId: string;
  question: string;
  cx: [string, string, string];
  scopeKind: ScopeKind;
  touchpointId: string;
  periodKind: TargetPeriod['kind'];
  every: Every;
  from: string;
  to: string;
  target: number | string;
  goal: string;
  ownerUserId: string;
  alertOnMiss: boolean;
  alertOnDrop: boolean;
  notifyAdmins: boolean;
}

/** Which question types a metric counts (the CX index: 5-point CSAT or rating items). */
function fits(kind: MetricKind, q: Question): boolean {
  switch (kind) {
    case 'nps':
    case 'enps':
      return q.type === 'nps';
    case 'cx_index':
      return q.type === 'csat' || (q.type === 'rating' && ratingScale(q).join('–') === '1–5');
    case 'csi':
      return q.type === 'rating' && ratingScale(q).join('–') === '1–10';
    default:
      return q.type === kind;
  }
}

/** Metrics that need one question; the others may count every fitting question. */
const needsQuestion = isOneQuestionMetric;

/**
 * The metrics a target can have: not a numeric question's mean, which has no better direction
 * (the server refuses it, docs/metrics.md).
 */
const targetKinds = metricKinds.filter((k) => k !== 'numeric');

function initialState(target: Target | null, defaultOwner: string): FormState {
  const period = target?.period;
  return {
    name: target?.name ?? '',
    kind: target?.metric.kind ?? 'nps',
    surveyId: target?.metric.surveyId ?? (target?.scope.kind === 'survey' ? target.scope.id : ''),
    question: target?.metric.question ?? '',
    cx: [
      target?.metric.questions?.[0] ?? '',
      target?.metric.questions?.[1] ?? '',
      target?.metric.questions?.[2] ?? '',
    ],
    scopeKind: target?.scope.kind ?? 'workspace',
    touchpointId: target?.scope.kind === 'touchpoint' ? target.scope.id : '',
    periodKind: period?.kind ?? 'recurring',
    every: period?.kind === 'recurring' ? period.every : 'month',
    from: period?.kind === 'fixed' ? period.from : '',
    to: period?.kind === 'fixed' ? period.to : '',
    target: target?.target ?? '',
    goal: target?.goal ?? '',
    ownerUserId: target?.ownerUserId ?? defaultOwner,
    alertOnMiss: target?.alertOnMiss ?? true,
    alertOnDrop: target?.alertOnDrop ?? true,
    notifyAdmins: target?.notifyAdmins ?? false,
  };
}

function toBody(s: FormState) {
  const metric: MetricSpec = {
    kind: s.kind,
    ...(s.surveyId && { surveyId: s.surveyId }),
    ...(!isMultiItemMetric(s.kind) && s.question && { question: s.question }),
    ...(isMultiItemMetric(s.kind) && { questions: s.cx }),
  };
  const scope: TargetScope =
    s.scopeKind === 'survey'
      ? { kind: 'survey', id: s.surveyId }
      : s.scopeKind === 'touchpoint'
        ? { kind: 'touchpoint', id: s.touchpointId.trim() }
        : { kind: 'workspace' };
  const period: TargetPeriod =
    s.periodKind === 'fixed'
      ? { kind: 'fixed', from: s.from, to: s.to }
      : { kind: 'recurring', every: s.every };
  return {
    name: s.name,
    metric,
    scope,
    period,
    target: typeof s.target === 'number' ? s.target : Number.NaN,
    goal: s.goal,
    ownerUserId: s.ownerUserId,
    alertOnMiss: s.alertOnMiss,
    alertOnDrop: s.alertOnDrop && s.kind !== 'cx_index',
    notifyAdmins: s.notifyAdmins,
  };
}

/** Create or edit a target: metric, survey and question, scope, period, value, goal, owner. */
export function TargetForm(props: {
  workspaceId: string;
  target: Target | null;
  surveys: SurveySummary[];
  members: { userId: string; name: string }[];
  defaultOwner: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveTargetMutation(props.workspaceId);
  const [s, setS] = useState<FormState>(() => initialState(props.target, props.defaultOwner));
  const fieldErrors = useFieldErrors(save.error);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setS((prev) => ({ ...prev, [key]: value }));

  // The chosen survey's questions (the list of surveys carries no drafts).
  const survey = useQuery({
    queryKey: listeningKeys.survey(props.workspaceId, s.surveyId),
    queryFn: () =>
      api.call('getSurvey', { params: { workspaceId: props.workspaceId, surveyId: s.surveyId } }),
    enabled: s.surveyId !== '',
  });
  const questions = (survey.data?.draft.questions ?? []).filter((q) => fits(s.kind, q));
  const questionLabel = (q: Question) => {
    const text = Object.values(q.text ?? {}).find(Boolean);
    return text ? `${q.key} – ${text}` : q.key;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = toBody(s);
    save.mutate(props.target ? { targetId: props.target.id, body } : { targetId: null, body }, {
      onSuccess: props.onDone,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.isError && !isFieldError(save.error) && <ErrorAlert error={save.error} />}
        {save.isError && isFieldError(save.error) && fieldErrors.metric && (
          <ErrorAlert error={save.error} />
        )}
        <TextInput
          label={t('targets.form.name')}
          required
          value={s.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={fieldErrors.name}
        />
        <NativeSelect
          label={t('targets.form.metric')}
          value={s.kind}
          onChange={(e) => {
            set('kind', e.currentTarget.value as MetricKind);
            set('question', '');
          }}
          data={targetKinds.map((k) => ({ value: k, label: t(`targets.kinds.${k}`) }))}
        />
        <NativeSelect
          label={t('targets.form.survey')}
          value={s.surveyId}
          onChange={(e) => {
            set('surveyId', e.currentTarget.value);
            set('question', '');
          }}
          data={[
            { value: '', label: t('targets.form.allSurveys') },
            ...props.surveys.map((x) => ({ value: x.id, label: x.name })),
          ]}
        />
        {isMultiItemMetric(s.kind) ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t(s.kind === 'csi' ? 'targets.form.csiQuestions' : 'targets.form.cxQuestions')}
            </Text>
            {s.cx.map((value, i) => (
              <NativeSelect
                key={i}
                aria-label={`${t('targets.form.question')} ${i + 1}`}
                value={value}
                onChange={(e) => {
                  const cx = [...s.cx] as FormState['cx'];
                  cx[i] = e.currentTarget.value;
                  set('cx', cx);
                }}
                data={[
                  { value: '', label: t('common.none') },
                  ...questions.map((q) => ({ value: q.key, label: questionLabel(q) })),
                ]}
              />
            ))}
          </Stack>
        ) : (
          s.surveyId && (
            <NativeSelect
              label={t('targets.form.question')}
              value={s.question}
              required={needsQuestion(s.kind)}
              onChange={(e) => set('question', e.currentTarget.value)}
              data={[
                { value: '', label: t('common.none') },
                ...questions.map((q) => ({ value: q.key, label: questionLabel(q) })),
              ]}
              error={fieldErrors.question}
            />
          )
        )}
        <NativeSelect
          label={t('targets.form.scope')}
          value={s.scopeKind}
          onChange={(e) => set('scopeKind', e.currentTarget.value as ScopeKind)}
          data={(['workspace', 'survey', 'touchpoint'] as const).map((k) => ({
            value: k,
            label: t(`targets.scopes.${k}`),
          }))}
          error={fieldErrors.id}
        />
        {s.scopeKind === 'touchpoint' && (
          <TouchpointPicker
            workspaceId={props.workspaceId}
            label={t('targets.form.touchpoint')}
            required
            value={s.touchpointId}
            onChange={(id) => set('touchpointId', id)}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="target-period-kind">
            {t('targets.form.periodKind')}
          </Text>
          <SegmentedControl
            aria-labelledby="target-period-kind"
            value={s.periodKind}
            onChange={(v) => set('periodKind', v)}
            data={[
              { value: 'recurring', label: t('targets.form.recurring') },
              { value: 'fixed', label: t('targets.form.fixed') },
            ]}
          />
        </Stack>
        {s.periodKind === 'recurring' ? (
          <NativeSelect
            label={t('targets.form.every')}
            value={s.every}
            onChange={(e) => set('every', e.currentTarget.value as Every)}
            data={recurringPeriods.map((p) => ({ value: p, label: t(`targets.every.${p}`) }))}
          />
        ) : (
          <Group grow>
            <TextInput
              type="date"
              label={t('targets.form.from')}
              required
              value={s.from}
              onChange={(e) => set('from', e.currentTarget.value)}
              error={fieldErrors.from}
            />
            <TextInput
              type="date"
              label={t('targets.form.to')}
              required
              value={s.to}
              onChange={(e) => set('to', e.currentTarget.value)}
              error={fieldErrors.to}
            />
          </Group>
        )}
        <NumberInput
          label={t('targets.form.target')}
          description={t('targets.form.targetHint')}
          required
          decimalScale={2}
          value={s.target}
          onChange={(v) => set('target', v)}
          error={fieldErrors.target}
        />
        <Textarea
          label={t('targets.form.goal')}
          description={t('targets.form.goalHint')}
          required
          autosize
          minRows={2}
          value={s.goal}
          onChange={(e) => set('goal', e.currentTarget.value)}
          error={fieldErrors.goal}
        />
        <NativeSelect
          label={t('targets.form.owner')}
          value={s.ownerUserId}
          onChange={(e) => set('ownerUserId', e.currentTarget.value)}
          data={props.members.map((m) => ({ value: m.userId, label: m.name }))}
          error={fieldErrors.ownerUserId}
        />
        <Checkbox
          label={t('targets.form.alertOnMiss')}
          checked={s.alertOnMiss}
          onChange={(e) => set('alertOnMiss', e.currentTarget.checked)}
        />
        {s.kind !== 'cx_index' && (
          <Checkbox
            label={t('targets.form.alertOnDrop')}
            checked={s.alertOnDrop}
            onChange={(e) => set('alertOnDrop', e.currentTarget.checked)}
          />
        )}
        <Checkbox
          label={t('targets.form.notifyAdmins')}
          checked={s.notifyAdmins}
          onChange={(e) => set('notifyAdmins', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {props.target ? t('targets.form.save') : t('targets.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
