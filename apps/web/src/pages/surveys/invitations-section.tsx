import {
  Alert,
  Button,
  Checkbox,
  Group,
  Input,
  List,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { MAX_RECIPIENTS, type RouteOutput } from '@polku/contracts';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateSurveyInvitationsMutation } from '../../api/distribution';
import { ErrorAlert } from '../../components/status';
import { InvitationsTable, useReasonText } from './invitations-table';
import { parseRecipientText, recipientLinesFromCsv } from './recipients';
import { statusText } from '../../lib/status-colors';

type InviteResult = RouteOutput<'createSurveyInvitations'>;

/** Shows how many of the pasted lines are addresses, and which are not. */
function RecipientSummary({ text }: { text: string }) {
  const { t } = useTranslation();
  const { recipients, invalid } = parseRecipientText(text);
  return (
    <Stack gap={4} aria-live="polite">
      <Text size="sm">{t('distribution.invitations.valid', { count: recipients.length })}</Text>
      {recipients.length > MAX_RECIPIENTS && (
        <Text size="sm" c={statusText.error}>
          {t('distribution.invitations.tooMany', { max: MAX_RECIPIENTS })}
        </Text>
      )}
      {invalid.length > 0 && (
        <>
          <Text size="sm" c={statusText.error}>
            {t('distribution.invitations.invalidTitle', { count: invalid.length })}
          </Text>
          <List size="sm" spacing={2}>
            {invalid.slice(0, 50).map((i) => (
              <List.Item key={`${i.line}:${i.text}`} style={{ overflowWrap: 'anywhere' }}>
                {t('distribution.invitations.invalidLine', { line: i.line, text: i.text })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

function ResultAlert({ result }: { result: InviteResult }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <Alert color={result.notInvited.length > 0 ? 'orange' : 'green'} variant="light">
      <Stack gap={4}>
        <Text size="sm">
          {t('distribution.invitations.scheduled', { count: result.scheduled })}
        </Text>
        {result.notInvited.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('distribution.invitations.notInvitedTitle', { count: result.notInvited.length })}
            </Text>
            <List size="sm" spacing={2}>
              {result.notInvited.map((n, index) => (
                <List.Item key={`${index}:${n.email}`} style={{ overflowWrap: 'anywhere' }}>
                  {t('distribution.invitations.notInvitedLine', {
                    email: n.email,
                    reason: reasonText(n.reason),
                  })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}

/** Reads a chosen CSV file in the browser and hands its recipient lines on. */
function CsvFileInput({ onLines }: { onLines: (lines: string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const read = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = ''; // the same file can be chosen again after editing it
    if (!file) return;
    const reader = new FileReader();
    const failed = () =>
      setNote({ ok: false, text: t('distribution.invitations.fileFailed', { name: file.name }) });
    reader.onerror = failed;
    reader.onload = () => {
      if (typeof reader.result !== 'string') return failed();
      const lines = recipientLinesFromCsv(reader.result);
      if (lines.length === 0) {
        const text = t('distribution.invitations.fileNoEmails', { name: file.name });
        return setNote({ ok: false, text });
      }
      onLines(lines);
      const count = lines.length;
      setNote({
        ok: true,
        text: t('distribution.invitations.fileRead', { name: file.name, count }),
      });
    };
    reader.readAsText(file);
  };
  return (
    <Input.Wrapper label={t('distribution.invitations.file')} labelElement="label" id={id}>
      <Text size="xs" c="dimmed" id={`${id}-hint`}>
        {t('distribution.invitations.fileHint')}
      </Text>
      <input
        id={id}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        aria-describedby={`${id}-hint`}
        onChange={read}
        style={{ marginTop: 4, maxWidth: '100%' }}
      />
      <div role="status">
        {note && (
          <Text size="sm" c={note.ok ? undefined : statusText.error}>
            {note.text}
          </Text>
        )}
      </div>
    </Input.Wrapper>
  );
}

/** Local date and time (`2025-03-01T09:00`) as epoch ms, or null when not a complete value. */
function instantOf(local: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const instant = new Date(local).getTime();
  return Number.isNaN(instant) ? null : instant;
}

function InviteForm(props: { workspaceId: string; surveyId: string }) {
  const { t } = useTranslation();
  const create = useCreateSurveyInvitationsMutation(props.workspaceId, props.surveyId);
  const [text, setText] = useState('');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [sendAt, setSendAt] = useState('');
  const [remind, setRemind] = useState(false);
  const [days, setDays] = useState<number | string>(3);
  const [tried, setTried] = useState(false);
  const { recipients } = parseRecipientText(text);
  const instant = instantOf(sendAt);
  const reminderValid =
    typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 30;
  const recipientsError =
    recipients.length === 0
      ? t('distribution.invitations.noneValid')
      : recipients.length > MAX_RECIPIENTS
        ? t('distribution.invitations.tooMany', { max: MAX_RECIPIENTS })
        : undefined;
  const sendAtError =
    when === 'later' && instant === null ? t('distribution.invitations.sendAtRequired') : undefined;
  const daysError =
    remind && !reminderValid ? t('distribution.invitations.reminderInvalid') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (recipientsError || sendAtError || daysError) return;
    create.mutate(
      {
        recipients,
        sendAt: when === 'later' && instant !== null ? instant : undefined,
        reminderAfterDays: remind && typeof days === 'number' ? days : null,
      },
      {
        onSuccess: () => {
          setText('');
          setTried(false);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('distribution.invitations.formTitle')}>
      <Stack gap="sm">
        <Textarea
          label={t('distribution.invitations.recipients')}
          description={t('distribution.invitations.recipientsHint')}
          autosize
          minRows={4}
          maxRows={12}
          value={text}
          error={tried ? recipientsError : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <CsvFileInput
          onLines={(lines) =>
            setText((prev) => [prev.trimEnd(), ...lines].filter(Boolean).join('\n'))
          }
        />
        {text.trim() !== '' && <RecipientSummary text={text} />}
        <Radio.Group
          label={t('distribution.invitations.when')}
          value={when}
          onChange={(v) => setWhen(v === 'later' ? 'later' : 'now')}
        >
          <Group gap="md" mt={4}>
            <Radio value="now" label={t('distribution.invitations.now')} />
            <Radio value="later" label={t('distribution.invitations.later')} />
          </Group>
        </Radio.Group>
        {when === 'later' && (
          <TextInput
            type="datetime-local"
            label={t('distribution.invitations.sendAt')}
            description={t('distribution.invitations.sendAtHint')}
            maw={280}
            value={sendAt}
            error={tried ? sendAtError : undefined}
            onChange={(e) => setSendAt(e.currentTarget.value)}
          />
        )}
        <Checkbox
          label={t('distribution.invitations.reminder')}
          checked={remind}
          onChange={(e) => setRemind(e.currentTarget.checked)}
        />
        {remind && (
          <NumberInput
            label={t('distribution.invitations.reminderDays')}
            maw={280}
            min={1}
            max={30}
            allowDecimal={false}
            allowNegative={false}
            value={days}
            error={daysError}
            onChange={setDays}
          />
        )}
        <ErrorAlert error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('distribution.invitations.submit')}
          </Button>
        </Group>
        <div role="status">{create.data && <ResultAlert result={create.data} />}</div>
      </Stack>
    </form>
  );
}

/** Email invitations of a published survey: invite by pasting or from a CSV, then follow them. */
export function InvitationsSection(props: {
  workspaceId: string;
  surveyId: string;
  canManage: boolean;
  published: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {!props.published ? (
        <Text size="sm" c="dimmed">
          {t('distribution.invitations.notPublished')}
        </Text>
      ) : props.canManage ? (
        <InviteForm workspaceId={props.workspaceId} surveyId={props.surveyId} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('distribution.invitations.readOnly')}
        </Text>
      )}
      <InvitationsTable workspaceId={props.workspaceId} surveyId={props.surveyId} />
    </Stack>
  );
}
