import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { languages, type Language, type Workspace } from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateWorkspaceMutation, useWorkspaceQuery } from '../../api/workspace';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, LoadingState } from '../../components/status';
import { isLanguage } from '../../i18n/i18n';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { timeZones } from '../../lib/time-zones';
import { TableRegion } from '../../components/table-region';

/** The contact limit typed in: null when empty (no limit), undefined when not 1..365 days. */
function contactLimitOf(value: number | string): number | null | undefined {
  if (value === '') return null;
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : undefined;
}

function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const update = useUpdateWorkspaceMutation(workspace.id);
  const [name, setName] = useState(workspace.name);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const [chosen, setChosen] = useState<Language[]>(workspace.languages);
  const [defaultLanguage, setDefaultLanguage] = useState<Language>(workspace.defaultLanguage);
  const [contactLimit, setContactLimit] = useState<number | string>(
    workspace.contactLimitDays ?? '',
  );
  const [organisationName, setOrganisationName] = useState(workspace.organisationName ?? '');
  const [privacyNoticeUrl, setPrivacyNoticeUrl] = useState(workspace.privacyNoticeUrl ?? '');
  const contactLimitDays = contactLimitOf(contactLimit);
  const fieldErrors = useFieldErrors(update.error);
  const defaultMissing = !chosen.includes(defaultLanguage);
  const languageData = languages.map((l) => ({ value: l, label: t(`language.${l}`) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (defaultMissing || chosen.length === 0 || contactLimitDays === undefined) return;
    update.mutate({
      name,
      timeZone,
      languages: chosen,
      defaultLanguage,
      contactLimitDays,
      // Empty means not set: respondents then see no organisation line or privacy link.
      organisationName: organisationName.trim() || null,
      privacyNoticeUrl: privacyNoticeUrl.trim() || null,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={480}>
        {update.isError && !isFieldError(update.error) && <ErrorAlert error={update.error} />}
        {update.isSuccess && (
          <Alert color="green" role="status">
            {t('common.saved')}
          </Alert>
        )}
        <TextInput
          label={t('fields.workspaceName')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldErrors.name}
        />
        <Select
          label={t('fields.timeZone')}
          searchable
          allowDeselect={false}
          data={timeZones()}
          value={timeZone}
          onChange={(v) => v && setTimeZone(v)}
          error={fieldErrors.timeZone}
        />
        <MultiSelect
          label={t('settings.workspace.languages')}
          data={languageData}
          value={chosen}
          onChange={(values) => setChosen(values.filter(isLanguage))}
          error={
            fieldErrors.languages ?? (chosen.length === 0 ? t('validation.required') : undefined)
          }
        />
        <NativeSelect
          label={t('settings.workspace.defaultLanguage')}
          data={languageData}
          value={defaultLanguage}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isLanguage(value)) setDefaultLanguage(value);
          }}
          error={
            fieldErrors.defaultLanguage ??
            (defaultMissing ? t('settings.workspace.defaultNotInLanguages') : undefined)
          }
        />
        <NumberInput
          label={t('distribution.contactLimit.label')}
          description={t('distribution.contactLimit.description')}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          value={contactLimit}
          onChange={setContactLimit}
          error={
            fieldErrors.contactLimitDays ??
            (contactLimitDays === undefined ? t('distribution.contactLimit.invalid') : undefined)
          }
        />
        <TextInput
          label={t('settings.workspace.organisationName')}
          description={t('settings.workspace.organisationHint')}
          value={organisationName}
          onChange={(e) => setOrganisationName(e.currentTarget.value)}
          error={fieldErrors.organisationName}
        />
        <TextInput
          type="url"
          label={t('settings.workspace.privacyNoticeUrl')}
          description={t('settings.workspace.privacyNoticeHint')}
          placeholder="https://"
          value={privacyNoticeUrl}
          onChange={(e) => setPrivacyNoticeUrl(e.currentTarget.value)}
          error={fieldErrors.privacyNoticeUrl && t('settings.workspace.privacyNoticeInvalid')}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WorkspaceDetails({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const rows: [string, string][] = [
    [t('fields.workspaceName'), workspace.name],
    [t('fields.timeZone'), workspace.timeZone],
    [
      t('settings.workspace.languages'),
      workspace.languages.map((l) => t(`language.${l}`)).join(', '),
    ],
    [t('settings.workspace.defaultLanguage'), t(`language.${workspace.defaultLanguage}`)],
    [
      t('distribution.contactLimit.label'),
      workspace.contactLimitDays === null
        ? t('distribution.contactLimit.noLimit')
        : t('distribution.contactLimit.days', { count: workspace.contactLimitDays }),
    ],
    [t('settings.workspace.organisationName'), workspace.organisationName ?? t('common.none')],
    [t('settings.workspace.privacyNoticeUrl'), workspace.privacyNoticeUrl ?? t('common.none')],
    [t('settings.workspace.created'), formatDateTime(workspace.createdAt)],
  ];
  return (
    <Stack maw={560}>
      <Alert color="blue">{t('settings.workspace.readOnly')}</Alert>
      <TableRegion label={t('settings.tabs.workspace')}>
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </Stack>
  );
}

/** Name, time zone, languages, contact limit and the organisation respondents see; read-only without `workspace.update`. */
export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const membership = useCurrentMembership();
  const workspace = useWorkspaceQuery(workspaceId);
  const title = t('settings.tabs.workspace');
  usePageTitle(`${title} · ${t('areas.settings')}`);

  return (
    <Stack>
      <Title order={2} size="h3">
        {title}
      </Title>
      {workspace.isPending ? (
        <LoadingState />
      ) : workspace.isError ? (
        <ErrorAlert error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : canDo(membership, 'workspace.update') ? (
        <WorkspaceForm key={workspace.data.id} workspace={workspace.data} />
      ) : (
        <WorkspaceDetails workspace={workspace.data} />
      )}
    </Stack>
  );
}
