import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateWorkspaceMutation } from '../api/session';
import { isFieldError, useFieldErrors } from '../lib/errors';
import { timeZones } from '../lib/time-zones';
import { ErrorAlert } from './status';

/** Creates a workspace (the creator becomes its owner) and opens it. */
export function CreateWorkspaceForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateWorkspaceMutation();
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState('Europe/Helsinki');
  const fieldErrors = useFieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, timeZone },
      {
        onSuccess: (workspace) => {
          onDone?.();
          void navigate(`/w/${workspace.id}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {create.isError && !isFieldError(create.error) && <ErrorAlert error={create.error} />}
        <TextInput
          label={t('fields.workspaceName')}
          required
          data-autofocus
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
        <Button type="submit" loading={create.isPending}>
          {t('workspaces.create')}
        </Button>
      </Stack>
    </form>
  );
}
