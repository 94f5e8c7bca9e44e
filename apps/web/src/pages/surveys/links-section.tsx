import {
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { linkChannels, type Language, type SurveyLink } from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCloseSurveyLinkMutation,
  useCreateSurveyLinkMutation,
  useMoveSurveyLinkMutation,
  useSurveyLinksQuery,
} from '../../api/surveys';
import { useTouchpointDirectory } from '../../api/touchpoints';
import { ConfirmModal } from '../../components/confirm-modal';
import { TouchpointSelect } from '../../components/touchpoint-select';
import { ErrorAlert, LoadingState } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { EmbedSnippets } from './embed-snippet';
import { LinkQrCodes } from './link-qr-codes';
import { TableRegion } from '../../components/table-region';

type Channel = SurveyLink['channel'];

function CreateLinkForm(props: { workspaceId: string; surveyId: string }) {
  const { t } = useTranslation();
  const create = useCreateSurveyLinkMutation(props.workspaceId, props.surveyId);
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<Channel>('web');
  const [touchpointId, setTouchpointId] = useState<string | null>(null);
  const fieldErrors = useFieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, channel, touchpointId }, { onSuccess: () => setName('') });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('links.createTitle')}>
      <Stack gap="xs">
        {create.isError && !isFieldError(create.error) && <ErrorAlert error={create.error} />}
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label={t('links.name')}
            required
            value={name}
            error={fieldErrors.name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('links.channel')}
            value={channel}
            data={linkChannels.map((c) => ({ value: c, label: t(`links.channels.${c}`) }))}
            onChange={(e) =>
              setChannel(linkChannels.find((c) => c === e.currentTarget.value) ?? 'web')
            }
          />
          <TouchpointSelect
            workspaceId={props.workspaceId}
            label={t('links.touchpoint')}
            noneLabel={t('links.touchpointNone')}
            value={touchpointId}
            error={fieldErrors.touchpointId}
            onChange={setTouchpointId}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('links.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * An open link's touchpoint, changed in place: responses that come through it from now on are
 * counted at the new touchpoint (those already stored stay where they were answered).
 */
function LinkTouchpointSelect(props: { workspaceId: string; surveyId: string; link: SurveyLink }) {
  const { t } = useTranslation();
  const move = useMoveSurveyLinkMutation(props.workspaceId, props.surveyId);
  const fieldErrors = useFieldErrors(move.error);
  return (
    <Stack gap={4}>
      <TouchpointSelect
        workspaceId={props.workspaceId}
        label={t('links.touchpointOf', { name: props.link.name })}
        hideLabel
        noneLabel={t('links.touchpointNone')}
        value={props.link.touchpointId}
        error={fieldErrors.touchpointId}
        disabled={move.isPending}
        onChange={(touchpointId) => move.mutate({ linkId: props.link.id, touchpointId })}
      />
      {move.isError && !isFieldError(move.error) && <ErrorAlert error={move.error} />}
    </Stack>
  );
}

/** The survey's public links: create one per channel, copy its address, close it, print its QR. */
export function LinksSection(props: {
  workspaceId: string;
  surveyId: string;
  canManage: boolean;
  published: boolean;
  languages: Language[];
  defaultLanguage: Language;
}) {
  const { t } = useTranslation();
  const links = useSurveyLinksQuery(props.workspaceId, props.surveyId);
  const close = useCloseSurveyLinkMutation(props.workspaceId, props.surveyId);
  const formatDateTime = useFormatDateTime();
  const touchpoints = useTouchpointDirectory(props.workspaceId);
  const touchpointName = (id: string | null) => (id && touchpoints.byId.get(id)?.label) || '—';
  const [closing, setClosing] = useState<SurveyLink | null>(null);
  const endClose = () => {
    setClosing(null);
    close.reset();
  };

  return (
    <Stack gap="sm">
      {!props.published && (
        <Text size="sm" c="dimmed">
          {t('links.notPublished')}
        </Text>
      )}
      {props.canManage && (
        <CreateLinkForm workspaceId={props.workspaceId} surveyId={props.surveyId} />
      )}
      {links.isPending ? (
        <LoadingState />
      ) : links.isError ? (
        <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.items.length === 0 ? (
        <Text c="dimmed">{t('links.empty')}</Text>
      ) : (
        <TableRegion label={t('builder.sections.links')} minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('links.name')}</Table.Th>
                <Table.Th>{t('links.channel')}</Table.Th>
                <Table.Th>{t('links.touchpoint')}</Table.Th>
                <Table.Th>{t('links.url')}</Table.Th>
                <Table.Th>{t('links.created')}</Table.Th>
                <Table.Th>{t('links.state')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('links.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data.items.map((link) => (
                <Table.Tr key={link.id}>
                  <Table.Td>{link.name}</Table.Td>
                  <Table.Td>{t(`links.channels.${link.channel}`)}</Table.Td>
                  <Table.Td>
                    {props.canManage && link.closedAt === null ? (
                      <LinkTouchpointSelect
                        workspaceId={props.workspaceId}
                        surveyId={props.surveyId}
                        link={link}
                      />
                    ) : (
                      touchpointName(link.touchpointId)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor
                        href={link.url}
                        target="_blank"
                        rel="noreferrer"
                        size="sm"
                        style={{ wordBreak: 'break-all' }}
                      >
                        {link.url}
                      </Anchor>
                      <CopyButton value={link.url}>
                        {({ copied, copy }) => (
                          <Button
                            size="xs"
                            variant={copied ? 'light' : 'default'}
                            color={copied ? 'green' : undefined}
                            aria-label={`${copied ? t('common.copied') : t('common.copy')}: ${link.name}`}
                            onClick={copy}
                          >
                            {copied ? t('common.copied') : t('common.copy')}
                          </Button>
                        )}
                      </CopyButton>
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDateTime(link.createdAt)}</Table.Td>
                  <Table.Td>
                    {link.closedAt === null ? (
                      <Badge variant="light" color="green">
                        {t('links.open')}
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray">
                        {t('links.closed', { date: formatDateTime(link.closedAt) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {props.canManage && link.closedAt === null && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('links.closeOf', { name: link.name })}
                        onClick={() => setClosing(link)}
                      >
                        {t('links.close')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      {links.data && <EmbedSnippets links={links.data.items} />}
      {links.data && links.data.items.length > 0 && (
        <LinkQrCodes
          workspaceId={props.workspaceId}
          links={links.data.items}
          languages={props.languages}
          defaultLanguage={props.defaultLanguage}
        />
      )}
      <ConfirmModal
        opened={closing !== null}
        title={t('links.closeTitle')}
        text={t('links.closeText', { name: closing?.name ?? '' })}
        confirmLabel={t('links.close')}
        loading={close.isPending}
        error={close.error}
        onClose={endClose}
        onConfirm={() => {
          if (closing) close.mutate(closing.id, { onSuccess: endClose });
        }}
      />
    </Stack>
  );
}
