import { Badge, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ResponseView } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { useResponseQuery, useSurveyVersionQuery } from '../../api/surveys';
import { ErrorAlert, LoadingState } from '../../components/status';
import { useFormatDateTime } from '../../lib/format';
import { answerText } from './answer-text';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** Every answer of a response, each shown as its question type reads best. */
function ResponseBody({ workspaceId, response }: { workspaceId: string; response: ResponseView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const version = useSurveyVersionQuery(workspaceId, response.surveyId, response.version);
  const definition = version.data?.definition;
  const questions = definition?.questions ?? [];
  const known = new Set(questions.map((q) => q.key));
  const extra = Object.keys(response.answers).filter((k) => !known.has(k));
  const textOf = (text: Partial<Record<string, string>>) =>
    text[response.language] || (definition && text[definition.defaultLanguage]) || '';

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <Fact label={t('responses.survey')} value={response.surveyName} />
        <Fact label={t('responses.submitted')} value={formatDateTime(response.submittedAt)} />
        <Fact label={t('responses.detail.version')} value={String(response.version)} />
        <Fact label={t('responses.channel')} value={response.channel} />
        <Fact label={t('responses.language')} value={t(`language.${response.language}`)} />
        <Fact
          label={t('responses.detail.source')}
          value={t(`responses.detail.sources.${response.source}`)}
        />
      </SimpleGrid>
      <Group>
        <Badge variant="light" color={response.status === 'complete' ? 'green' : 'orange'}>
          {t(`responses.statuses.${response.status}`)}
        </Badge>
      </Group>
      {version.isPending && <LoadingState />}
      {version.isError && (
        <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />
      )}
      <Stack gap="sm" component="dl" m={0}>
        {questions.map((q, i) => {
          const value = response.answers[q.key];
          return (
            <div key={q.key}>
              <Text component="dt" size="sm" fw={600}>
                {i + 1}. {textOf(q.text) || q.key}
              </Text>
              <Text
                component="dd"
                m={0}
                size="sm"
                c={value === undefined ? 'dimmed' : undefined}
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              >
                {value === undefined
                  ? t('responses.detail.notAnswered')
                  : answerText(q, value, response.language, t)}
              </Text>
            </div>
          );
        })}
        {extra.map((key) => {
          const value = response.answers[key];
          return (
            <div key={key}>
              <Text component="dt" size="sm" fw={600}>
                {t('responses.detail.notInVersion', { key })}
              </Text>
              <Text component="dd" m={0} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {value === undefined ? '' : answerText(undefined, value, response.language, t)}
              </Text>
            </div>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** A drawer with one response; closes back to the list. */
export function ResponseDetail(props: {
  workspaceId: string;
  responseId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const response = useResponseQuery(props.workspaceId, props.responseId);
  return (
    <Drawer
      opened={props.responseId !== null}
      onClose={props.onClose}
      position="right"
      size={narrow ? '100%' : 'lg'}
      title={
        <Title order={2} size="h4">
          {t('responses.detail.title')}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {response.isPending ? (
        <LoadingState />
      ) : response.isError ? (
        <ErrorAlert error={response.error} onRetry={() => void response.refetch()} />
      ) : (
        <ResponseBody workspaceId={props.workspaceId} response={response.data} />
      )}
    </Drawer>
  );
}
