import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { ApiError, type Language, type Survey, type SurveyDefinition } from '@polku/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  useCloseSurveyMutation,
  usePublishSurveyMutation,
  useSurveyQuery,
  useUpdateSurveyMutation,
} from '../../api/surveys';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { BasicsSection, LanguageBar, type SurveyMeta } from './basics-section';
import { draftIssuesOf, type DraftIssue } from './draft';
import { InvitationsSection } from './invitations-section';
import { describeProblem, IssuesList } from './issues-list';
import { ImportSection } from './import-section';
import { LinksSection } from './links-section';
import { QuestionsSection } from './questions-section';
import { StatusBadge } from './status-badge';
import { SurveyPreview } from './survey-preview';
import { TextsSection, ThankYouSection } from './texts-section';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Warns before the tab closes while the draft has unsaved changes. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

/** The builder for one loaded survey: local draft, save, publish, close. */
function SurveyEditor({ survey, workspaceId }: { survey: Survey; workspaceId: string }) {
  const { t } = useTranslation();
  const membership = useCurrentMembership();
  const canManage = canDo(membership, 'surveys.manage');
  const canWriteResponses = canDo(membership, 'responses.write');
  const update = useUpdateSurveyMutation(workspaceId, survey.id);
  const publish = usePublishSurveyMutation(workspaceId, survey.id);
  const close = useCloseSurveyMutation(workspaceId, survey.id);
  const [meta, setMeta] = useState<SurveyMeta>({ name: survey.name, purpose: survey.purpose });
  const [draft, setDraftState] = useState<SurveyDefinition>(survey.draft);
  const [chosen, setChosen] = useState<Language>(survey.draft.defaultLanguage);
  const [issues, setIssues] = useState<{ kind: 'publish' | 'save'; list: DraftIssue[] }>();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const language = draft.languages.includes(chosen) ? chosen : draft.defaultLanguage;
  const dirty =
    meta.name !== survey.name ||
    meta.purpose !== survey.purpose ||
    JSON.stringify(draft) !== JSON.stringify(survey.draft);
  useLeaveWarning(dirty);

  const setDraft = (change: (d: SurveyDefinition) => SurveyDefinition) => {
    setDraftState(change);
    setNotice(null);
  };
  const fail = (e: unknown) => {
    const list = draftIssuesOf(e);
    const kind = e instanceof ApiError && e.code === 'SURVEY_INCOMPLETE' ? 'publish' : 'save';
    setIssues(list.length > 0 ? { kind, list } : undefined);
    setError(list.length > 0 ? null : e);
  };
  const start = () => {
    setNotice(null);
    setError(null);
  };
  const save = async (): Promise<boolean> => {
    try {
      const saved = await update.mutateAsync({ ...meta, draft });
      setDraftState(saved.draft);
      setIssues(undefined);
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };
  const onSave = async () => {
    start();
    if (await save()) setNotice(t('builder.saved'));
  };
  const onPublish = async () => {
    start();
    if (dirty && !(await save())) return;
    try {
      const result = await publish.mutateAsync();
      setIssues(undefined);
      setNotice(t('builder.published', { version: result.version }));
    } catch (e) {
      fail(e);
    }
  };
  const nameIssue = issues?.list.find((i) => i.path === 'name');
  const busy = update.isPending || publish.isPending;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/w/${workspaceId}/surveys`} size="sm">
        ← {t('builder.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0} style={{ flex: '1 1 240px' }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {survey.name}
          </Title>
          <Group gap="xs" wrap="wrap">
            <StatusBadge status={survey.status} />
            <Text size="sm">
              {survey.publishedVersion === null
                ? t('builder.notPublished')
                : t('builder.version', { version: survey.publishedVersion })}
            </Text>
            {survey.hasUnpublishedChanges && survey.publishedVersion !== null && (
              <Badge color="orange" variant="light">
                {t('surveys.unpublishedChanges')}
              </Badge>
            )}
            {dirty && (
              <Badge color="yellow" variant="filled" c="dark">
                {t('builder.unsaved')}
              </Badge>
            )}
          </Group>
        </Stack>
        {canManage && (
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => void onSave()}
              loading={update.isPending}
              disabled={!dirty || busy}
            >
              {t('builder.save')}
            </Button>
            <Button onClick={() => void onPublish()} loading={publish.isPending} disabled={busy}>
              {t('builder.publish')}
            </Button>
            {survey.status === 'published' && (
              <Button variant="light" color="red" onClick={() => setConfirmClose(true)}>
                {t('builder.close')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {!canManage && <Alert color="gray">{t('builder.readOnly')}</Alert>}
      <div role="status">
        {notice && (
          <Alert color="green" variant="light">
            {notice}
          </Alert>
        )}
      </div>
      <ErrorAlert error={error} />
      {issues && <IssuesList kind={issues.kind} issues={issues.list} draft={draft} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <Section title={t('builder.sections.basics')}>
                <BasicsSection
                  meta={meta}
                  setMeta={(m) => {
                    setMeta(m);
                    setNotice(null);
                  }}
                  draft={draft}
                  setDraft={setDraft}
                  nameError={nameIssue && describeProblem(nameIssue, t)}
                />
                <LanguageBar draft={draft} language={language} onChange={setChosen} />
              </Section>
              <Section title={t('builder.sections.texts')}>
                <TextsSection
                  draft={draft}
                  setDraft={setDraft}
                  language={language}
                  issues={issues?.list ?? []}
                />
              </Section>
              <Section title={t('builder.sections.questions')}>
                <QuestionsSection
                  draft={draft}
                  setDraft={setDraft}
                  language={language}
                  issues={issues?.list ?? []}
                />
              </Section>
              <Section title={t('builder.sections.thankYou')}>
                <ThankYouSection
                  draft={draft}
                  setDraft={setDraft}
                  language={language}
                  issues={issues?.list ?? []}
                />
              </Section>
            </Stack>
          </fieldset>
          <Stack mt="md">
            <Section title={t('builder.sections.links')}>
              <LinksSection
                workspaceId={workspaceId}
                surveyId={survey.id}
                canManage={canManage}
                published={survey.status === 'published'}
                languages={survey.draft.languages}
                defaultLanguage={survey.draft.defaultLanguage}
              />
            </Section>
            <Section title={t('distribution.invitations.title')}>
              <InvitationsSection
                workspaceId={workspaceId}
                surveyId={survey.id}
                canManage={canManage}
                published={survey.status === 'published'}
              />
            </Section>
            <ImportSection workspaceId={workspaceId} survey={survey} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <div style={{ position: 'sticky', top: 72 }}>
            <Section title={t('builder.sections.preview')}>
              <SurveyPreview
                draft={draft}
                testTarget={
                  canWriteResponses
                    ? {
                        workspaceId,
                        surveyId: survey.id,
                        publishedVersion: survey.publishedVersion,
                        unpublishedChanges: dirty || survey.hasUnpublishedChanges,
                        closed: survey.status === 'closed',
                      }
                    : undefined
                }
              />
            </Section>
          </div>
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={confirmClose}
        title={t('builder.closeTitle')}
        text={t('builder.closeText')}
        confirmLabel={t('builder.close')}
        loading={close.isPending}
        error={close.error}
        onClose={() => {
          setConfirmClose(false);
          close.reset();
        }}
        onConfirm={() =>
          close.mutate(undefined, {
            onSuccess: () => {
              setConfirmClose(false);
              setNotice(t('builder.closed'));
            },
          })
        }
      />
    </Stack>
  );
}

/** `/w/:workspaceId/surveys/:surveyId`: the survey builder, its links and a live preview. */
export function SurveyPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const surveyId = useParams().surveyId ?? '';
  const survey = useSurveyQuery(workspaceId, surveyId);
  usePageTitle(survey.data ? `${survey.data.name} · ${t('areas.surveys')}` : t('areas.surveys'));
  if (survey.isPending) return <LoadingState />;
  if (survey.isError)
    return <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  return <SurveyEditor key={survey.data.id} survey={survey.data} workspaceId={workspaceId} />;
}
