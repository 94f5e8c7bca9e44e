import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { Webhook } from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateWebhookMutation,
  useDeleteWebhookMutation,
  useTestWebhookMutation,
  useUpdateWebhookMutation,
  useWebhooksQuery,
} from '../../api/targets';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { useWorkspaceId } from '../../lib/membership';
import { TableRegion } from '../../components/table-region';

/** The signing secret of a new webhook, shown once. */
function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={t('targets.webhooks.secretTitle')}
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Alert color="yellow" role="alert">
          {t('targets.webhooks.secretWarning')}
        </Alert>
        <TextInput
          label={t('targets.webhooks.secretLabel')}
          value={secret ?? ''}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('targets.webhooks.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CreateWebhookForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const create = useCreateWebhookMutation(workspaceId);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const fieldErrors = useFieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, url },
      {
        onSuccess: (created) => {
          setSecret(created.secret);
          setName('');
          setUrl('');
        },
      },
    );
  };
  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="webhook-form-title">
        <Stack maw={560}>
          <Title order={3} size="h4" id="webhook-form-title">
            {t('targets.webhooks.formTitle')}
          </Title>
          {create.isError && !isFieldError(create.error) && <ErrorAlert error={create.error} />}
          <TextInput
            label={t('targets.webhooks.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
          />
          <TextInput
            label={t('targets.webhooks.url')}
            required
            type="url"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fieldErrors.url}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('targets.webhooks.add')}
            </Button>
          </Group>
        </Stack>
      </form>
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}

/** Settings → Webhooks: where alerts are posted, signed; add, test, disable, delete. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const hooks = useWebhooksQuery(workspaceId);
  const update = useUpdateWebhookMutation(workspaceId);
  const test = useTestWebhookMutation(workspaceId);
  const remove = useDeleteWebhookMutation(workspaceId);
  const formatDateTime = useFormatDateTime();
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const title = t('targets.webhooks.title');
  usePageTitle(`${title} · ${t('areas.settings')}`);
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text maw={720}>{t('targets.webhooks.intro')}</Text>
      <CreateWebhookForm workspaceId={workspaceId} />
      {test.data && (
        <Alert color={test.data.delivered ? 'green' : 'red'} role="status">
          {test.data.delivered
            ? t('targets.webhooks.testOk', { status: test.data.status })
            : t('targets.webhooks.testFailed', { error: test.data.error ?? '' })}
        </Alert>
      )}
      {test.isError && <ErrorAlert error={test.error} />}
      {update.isError && <ErrorAlert error={update.error} />}
      {hooks.isPending ? (
        <LoadingState />
      ) : hooks.isError ? (
        <ErrorAlert error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : hooks.data.items.length === 0 ? (
        <Text c="dimmed">{t('common.empty')}</Text>
      ) : (
        <TableRegion label={title} minWidth={900}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('targets.webhooks.name')}</Table.Th>
                <Table.Th>{t('targets.webhooks.url')}</Table.Th>
                <Table.Th>{t('targets.webhooks.secret')}</Table.Th>
                <Table.Th>{t('targets.webhooks.lastStatus')}</Table.Th>
                <Table.Th>{t('targets.webhooks.lastDelivery')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('targets.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hooks.data.items.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>
                    {w.name}{' '}
                    <Badge variant="light" color={w.enabled ? 'green' : 'gray'}>
                      {w.enabled ? t('targets.webhooks.enabled') : t('targets.webhooks.disabled')}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{w.url}</Table.Td>
                  <Table.Td>
                    <code>{w.secretPrefix}…</code>
                  </Table.Td>
                  <Table.Td>{w.lastStatus ?? w.lastError ?? t('common.none')}</Table.Td>
                  <Table.Td>{formatDateTime(w.lastDeliveryAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        loading={test.isPending && test.variables === w.id}
                        onClick={() => test.mutate(w.id)}
                      >
                        {t('targets.webhooks.test', { name: w.name })}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          update.mutate({ webhookId: w.id, body: { enabled: !w.enabled } })
                        }
                      >
                        {w.enabled
                          ? t('targets.webhooks.disable', { name: w.name })
                          : t('targets.webhooks.enable', { name: w.name })}
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(w)}>
                        {t('targets.webhooks.delete', { name: w.name })}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('targets.webhooks.deleteTitle')}
        text={t('targets.webhooks.deleteText', { url: deleting?.url ?? '' })}
        confirmLabel={t('targets.webhooks.deleteConfirm')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: closeDelete })}
        onClose={closeDelete}
      />
    </Stack>
  );
}
