import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { IncidentAnalysis, IncidentAnswer, IncidentCategory } from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCodeIncidentMutation,
  useCreateIncidentCategoryMutation,
  useIncidentAnalysisQuery,
  useIncidentAnswersQuery,
  useIncidentCategoriesQuery,
} from '../../api/incidents';
import { useSurveyQuery, useSurveysQuery } from '../../api/surveys';
import { AnalysesNav } from '../analyses/analyses-nav';
import { currentLanguage } from '../../i18n/i18n';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { statusText } from '../../lib/status-colors';
import { TableRegion } from '../../components/table-region';

const NEW = '__new__';

/** `/w/:workspaceId/analytics/incidents`: code incident answers and see stage × category counts. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const canCode = canDo(useCurrentMembership(), 'incidents.code');
  const surveys = useSurveysQuery(workspaceId);
  const [surveyId, setSurveyId] = useState('');
  const survey = useSurveyQuery(workspaceId, surveyId);
  const questions = (survey.data?.draft.questions ?? []).filter((q) => q.type === 'incident');
  const [chosenQuestion, setQuestion] = useState('');
  const question = questions.some((q) => q.key === chosenQuestion)
    ? chosenQuestion
    : (questions[0]?.key ?? '');
  const title = t('incidents.title');
  usePageTitle(title);
  const language = currentLanguage();

  return (
    <Stack>
      <AnalysesNav />
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{t('incidents.intro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('incidents.survey')}
          placeholder={t('incidents.pickSurvey')}
          data={(surveys.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={surveyId || null}
          onChange={(v) => setSurveyId(v ?? '')}
          w={320}
        />
        {surveyId && questions.length > 0 && (
          <Select
            label={t('incidents.question')}
            data={questions.map((q) => ({
              value: q.key,
              label: q.text[language] ?? Object.values(q.text)[0] ?? q.key,
            }))}
            value={question}
            onChange={(v) => setQuestion(v ?? '')}
            allowDeselect={false}
            w={420}
          />
        )}
      </Group>
      {surveyId && survey.data && questions.length === 0 && (
        <Text c="dimmed">{t('incidents.noQuestion')}</Text>
      )}
      {!canCode && <Text size="sm">{t('incidents.readOnly')}</Text>}
      {surveyId && question && (
        <>
          <StageTable workspaceId={workspaceId} surveyId={surveyId} question={question} />
          <AnswerList
            workspaceId={workspaceId}
            surveyId={surveyId}
            question={question}
            canCode={canCode}
          />
        </>
      )}
    </Stack>
  );
}

function StageTable(props: { workspaceId: string; surveyId: string; question: string }) {
  const { t } = useTranslation();
  const analysis = useIncidentAnalysisQuery(props.workspaceId, props.surveyId, props.question);
  const categories = useIncidentCategoriesQuery(props.workspaceId);
  if (analysis.isPending || categories.isPending) return <LoadingState />;
  if (analysis.isError) return <ErrorAlert error={analysis.error} />;
  if (categories.isError) return <ErrorAlert error={categories.error} />;
  const a: IncidentAnalysis = analysis.data;
  const used = new Set(a.cells.map((c) => c.categoryId));
  const columns: { id: string | null; name: string }[] = [
    ...categories.data.items.filter((c) => used.has(c.id)),
    ...(used.has(null) ? [{ id: null, name: t('incidents.uncoded') }] : []),
  ];
  const rows: { key: string | null; label: string }[] = [
    ...a.stages.map((s) => ({ key: s.key, label: s.label })),
    ...(a.cells.some((c) => c.stage === null)
      ? [{ key: null, label: t('incidents.noStage') }]
      : []),
  ];
  const cell = (stage: string | null, categoryId: string | null) =>
    a.cells.find((c) => c.stage === stage && c.categoryId === categoryId);
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('incidents.tableTitle')}
      </Title>
      {a.smallSample && a.n > 0 && (
        <Alert color="yellow" variant="light">
          {t('incidents.smallSample')}
        </Alert>
      )}
      <TableRegion label={t('incidents.tableTitle')} minWidth={480}>
        <Table withTableBorder withColumnBorders data-testid="incident-table">
          <Table.Caption>
            {t('incidents.tableCaption', { n: a.n, uncoded: a.uncoded })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('incidents.stage')}</Table.Th>
              {columns.map((c) => (
                <Table.Th scope="col" key={c.id ?? 'uncoded'}>
                  {c.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key ?? 'none'}>
                <Table.Th scope="row">{r.label}</Table.Th>
                {columns.map((c) => {
                  const x = cell(r.key, c.id);
                  const counts = { positive: x?.positive ?? 0, negative: x?.negative ?? 0 };
                  return (
                    <Table.Td key={c.id ?? 'uncoded'} aria-label={t('incidents.cellLabel', counts)}>
                      {x ? t('incidents.cell', counts) : '—'}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </Stack>
  );
}

function AnswerList(props: {
  workspaceId: string;
  surveyId: string;
  question: string;
  canCode: boolean;
}) {
  const { t } = useTranslation();
  const answers = useIncidentAnswersQuery(props.workspaceId, props.surveyId, props.question);
  const categories = useIncidentCategoriesQuery(props.workspaceId);
  const survey = useSurveyQuery(props.workspaceId, props.surveyId);
  const language = currentLanguage();
  const stages = new Map(
    (survey.data?.draft.questions ?? []).flatMap((q) =>
      q.key === props.question && q.type === 'incident'
        ? q.stages.map((s) => [s.key, s.label[language] ?? Object.values(s.label)[0] ?? s.key])
        : [],
    ),
  );
  if (answers.isPending) return <LoadingState />;
  if (answers.isError) return <ErrorAlert error={answers.error} />;
  const items = answers.data.pages.flatMap((p) => p.items);
  const total = answers.data.pages[0]?.total ?? 0;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('incidents.answersTitle')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('incidents.noAnswers')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('incidents.answersCount', { count: total })}
          </Text>
          <TableRegion label={t('incidents.answersTitle')} minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('incidents.what')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.when')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.why')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.valence')}</Table.Th>
                  <Table.Th scope="col">{t('incidents.category')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.responseId}>
                    <Table.Td>{a.what}</Table.Td>
                    <Table.Td>{a.when ? (stages.get(a.when) ?? a.when) : '—'}</Table.Td>
                    <Table.Td>{a.why ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={600}
                        c={a.valence === 'positive' ? statusText.positive : statusText.negative}
                      >
                        {a.valence === 'positive' ? '+ ' : '− '}
                        {t(`incidents.${a.valence}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CategoryPicker
                        workspaceId={props.workspaceId}
                        answer={a}
                        categories={categories.data?.items ?? []}
                        disabled={!props.canCode}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableRegion>
          {answers.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void answers.fetchNextPage()}
              loading={answers.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

/** A select of the categories, with "New category…" opening a name field in the row. */
function CategoryPicker(props: {
  workspaceId: string;
  answer: IncidentAnswer;
  categories: IncidentCategory[];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const code = useCodeIncidentMutation(props.workspaceId);
  const create = useCreateIncidentCategoryMutation(props.workspaceId);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const a = props.answer;
  const label = t('incidents.categoryOf', { what: a.what.slice(0, 60) });
  const setCategory = (categoryId: string | null) =>
    code.mutate({ responseId: a.responseId, questionKey: a.question, categoryId });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const category = await create.mutateAsync(name.trim());
    setCategory(category.id);
    setCreating(false);
    setName('');
  };
  return (
    <Stack gap={4}>
      <Select
        aria-label={label}
        data={[
          ...props.categories.map((c) => ({ value: c.id, label: c.name })),
          ...(props.disabled ? [] : [{ value: NEW, label: t('incidents.newCategoryOption') }]),
        ]}
        value={creating ? NEW : a.categoryId}
        placeholder={t('incidents.uncoded')}
        clearable
        disabled={props.disabled || code.isPending}
        onChange={(v) => {
          if (v === NEW) return setCreating(true);
          setCreating(false);
          setCategory(v);
        }}
        w={220}
      />
      {creating && (
        <form onSubmit={(e) => void submit(e)}>
          <Group gap={4} align="flex-end" wrap="nowrap">
            <TextInput
              label={t('incidents.newCategory')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={100}
              size="xs"
            />
            <Button type="submit" size="xs" loading={create.isPending}>
              {t('incidents.create')}
            </Button>
          </Group>
        </form>
      )}
      {(code.error ?? create.error) && <ErrorAlert error={code.error ?? create.error} />}
    </Stack>
  );
}
