import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
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
import { apiKeyScopes, type ApiKey, type ApiKeyScope } from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useApiKeysQuery,
  useCreateApiKeyMutation,
  useRevokeApiKeyMutation,
} from '../../api/workspace';
import { ConfirmModal } from '../../components/confirm-modal';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { useWorkspaceId } from '../../lib/membership';
import { TableRegion } from '../../components/table-region';

function isScope(value: string): value is ApiKeyScope {
  return (apiKeyScopes as readonly string[]).includes(value);
}

/** The secret of a new key, shown once: copy it now or create another key later. */
function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={t('settings.apiKeys.secretTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      <Stack>
        <Alert color="yellow" role="alert">
          {t('settings.apiKeys.secretWarning')}
        </Alert>
        <TextInput
          label={t('settings.apiKeys.secretLabel')}
          value={secret ?? ''}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                color={copied ? 'green' : 'blue'}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('settings.apiKeys.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CreateKeyForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const create = useCreateApiKeyMutation(workspaceId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const fieldErrors = useFieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, scopes },
      {
        onSuccess: (created) => {
          setSecret(created.secret);
          setName('');
          setScopes([]);
        },
      },
    );
  };

  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="api-key-form-title">
        <Stack maw={480}>
          <Title order={3} size="h4" id="api-key-form-title">
            {t('settings.apiKeys.formTitle')}
          </Title>
          {create.isError && !isFieldError(create.error) && <ErrorAlert error={create.error} />}
          <TextInput
            label={t('fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
          />
          <Checkbox.Group
            label={t('settings.apiKeys.scopes')}
            required
            value={scopes}
            onChange={(values) => setScopes(values.filter(isScope))}
            error={fieldErrors.scopes}
          >
            <Stack gap="xs" mt="xs">
              {apiKeyScopes.map((scope) => (
                <Checkbox key={scope} value={scope} label={t(`permissions.${scope}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={create.isPending} disabled={scopes.length === 0}>
              {t('settings.apiKeys.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}

/** API keys for integrations: create (secret shown once), list and revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const keys = useApiKeysQuery(workspaceId);
  const revoke = useRevokeApiKeyMutation(workspaceId);
  const formatDateTime = useFormatDateTime();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const title = t('settings.tabs.apiKeys');
  usePageTitle(`${title} · ${t('areas.settings')}`);

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };

  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {title}
      </Title>
      <CreateKeyForm workspaceId={workspaceId} />
      {keys.isPending ? (
        <LoadingState />
      ) : keys.isError ? (
        <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.items.length === 0 ? (
        <Text c="dimmed">{t('common.empty')}</Text>
      ) : (
        <TableRegion label={title} minWidth={820}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.prefix')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.scopes')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.createdBy')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.created')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.lastUsed')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('settings.members.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.items.map((key) => (
                <Table.Tr key={key.id}>
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td>
                    <Code>{key.prefix}</Code>
                  </Table.Td>
                  <Table.Td>{key.scopes.map((s) => t(`permissions.${s}`)).join(', ')}</Table.Td>
                  <Table.Td>{key.createdBy}</Table.Td>
                  <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
                  <Table.Td>
                    {key.lastUsedAt === null ? t('common.never') : formatDateTime(key.lastUsedAt)}
                  </Table.Td>
                  <Table.Td>
                    {key.revokedAt === null ? (
                      <Badge variant="light" color="green">
                        {t('settings.apiKeys.active')}
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray">
                        {t('settings.apiKeys.revoked')} {formatDateTime(key.revokedAt)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {key.revokedAt === null && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('settings.apiKeys.revokeOf', { name: key.name })}
                        onClick={() => setRevoking(key)}
                      >
                        {t('settings.apiKeys.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('settings.apiKeys.revokeTitle')}
        text={t('settings.apiKeys.revokeText', { name: revoking?.name ?? '' })}
        confirmLabel={t('settings.apiKeys.revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={closeRevoke}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSuccess: closeRevoke });
        }}
      />
    </Stack>
  );
}
