import { Alert, Badge, Stack, Text, Title } from '@mantine/core';
import type { Question, SurveyDefinition } from '@polku/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { currentLanguage } from '../../i18n/i18n';
import { AnalysesNav } from './analyses-nav';
import { formatFixed } from '../../lib/format';

/** Question types with one numeric answer an analysis can average or correlate. */
export const scoreTypes = ['nps', 'csat', 'ces', 'rating', 'numeric'] as const;
/** Score types plus expectation questions, which count by their outcome item. */
export const numericTypes = [...scoreTypes, 'expectation'] as const;

/** The questions of the types given, in survey order. */
export function questionsOf(
  definition: SurveyDefinition | undefined,
  types: readonly Question['type'][],
): Question[] {
  return (definition?.questions ?? []).filter((q) => types.includes(q.type));
}

/** A question's text in the UI language, else the survey's default, else its key. */
export function questionLabel(q: Question | undefined, fallbackKey: string): string {
  if (!q) return fallbackKey;
  const text = q.type === 'kano' ? q.feature : q.text;
  return text[currentLanguage()] ?? Object.values(text).find(Boolean) ?? q.key;
}

/** Select options for questions: the text, with the key to tell similar ones apart. */
export function questionOptions(questions: Question[]) {
  return questions.map((q) => ({ value: q.key, label: `${questionLabel(q, q.key)} (${q.key})` }));
}

/** Numbers in the UI language with a fixed number of decimals; a dash for no figure. */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const format = (x: number | null | undefined, digits = 1) =>
    x === null || x === undefined || !Number.isFinite(x)
      ? '–'
      : formatFixed(i18n.language, x, digits);
  const interval = (ci: readonly [number, number] | null, digits = 1) =>
    ci ? `${format(ci[0], digits)} – ${format(ci[1], digits)}` : '–';
  return { format, interval };
}

/** Title, views navigation and intro of every analysis page. */
export function AnalysisPage(props: { title: string; intro: string; children: ReactNode }) {
  usePageTitle(props.title);
  return (
    <Stack gap="md">
      <AnalysesNav />
      <Title order={1} size="h2">
        {props.title}
      </Title>
      <Text maw={760}>{props.intro}</Text>
      {props.children}
    </Stack>
  );
}

/** The warning every result with n under 30 carries. */
export function SmallSampleAlert(props: { show: boolean }) {
  const { t } = useTranslation();
  if (!props.show) return null;
  return (
    <Alert color="yellow" variant="light" data-testid="small-sample">
      {t('analyses.common.smallSample')}
    </Alert>
  );
}

/** The flag in a table row whose own n is under 30. */
export function SmallSampleBadge(props: { show: boolean }) {
  const { t } = useTranslation();
  if (!props.show) return null;
  return (
    <Badge color="yellow" variant="light" size="sm" ml={6}>
      {t('analyses.common.smallSampleFlag')}
    </Badge>
  );
}

/**
 * Loading, error and "choose something first" states in one place, so every page treats
 * them alike; `children` renders only with data.
 */
export function ResultState<T>(props: {
  query: {
    data: T | undefined;
    isPending: boolean;
    isError: boolean;
    error: unknown;
    isFetching: boolean;
    refetch: () => unknown;
  };
  /** Why nothing is asked yet (form not complete; '' says nothing); null when it is asked. */
  waiting: string | null;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { query } = props;
  if (props.waiting !== null) return props.waiting ? <Text c="dimmed">{props.waiting}</Text> : null;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <LoadingState />;
  return (
    <Stack gap="md" aria-busy={query.isFetching}>
      {query.isFetching && (
        <Text size="sm" c="dimmed" role="status">
          {t('analyses.common.updating')}
        </Text>
      )}
      {props.children(query.data)}
    </Stack>
  );
}

/** A section heading of a result (chart or table). */
export function SectionTitle(props: { children: ReactNode }) {
  return (
    <Title order={2} size="h4">
      {props.children}
    </Title>
  );
}
