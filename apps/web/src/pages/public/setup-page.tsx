import { Button, NativeSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '../../components/password-field';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { languages } from '@polku/contracts';
import { useCompleteSetupMutation, useSetupStatusQuery } from '../../api/session';
import { PublicLayout } from '../../components/public-layout';
import { ErrorAlert, LoadingState } from '../../components/status';
import { applyLanguage, currentLanguage, isLanguage } from '../../i18n/i18n';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { homePathOf } from '../../lib/navigation';
import { timeZones } from '../../lib/time-zones';

/** First run: the first owner and workspace, on an empty database. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatusQuery();
  const setup = useCompleteSetupMutation();
  const [form, setForm] = useState({
    name: '',
    email: '',
    password: '',
    workspaceName: '',
    timeZone: 'Europe/Helsinki',
    language: currentLanguage(),
  });
  const fieldErrors = useFieldErrors(setup.error);
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  if (status.data && !status.data.needed && !setup.isSuccess)
    return <Navigate to="/login" replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate(form, {
      onSuccess: (session) => {
        void applyLanguage(session.user.language);
        void navigate(homePathOf(session), { replace: true });
      },
    });
  };

  return (
    <PublicLayout title={t('setup.title')}>
      {status.isPending ? (
        <LoadingState />
      ) : status.isError ? (
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('setup.intro')}</Text>
            {setup.isError && !isFieldError(setup.error) && <ErrorAlert error={setup.error} />}
            <TextInput
              label={t('fields.name')}
              autoComplete="name"
              required
              value={form.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={fieldErrors.name}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={fieldErrors.email}
            />
            <PasswordField
              label={t('fields.password')}
              description={t('fields.passwordHint')}
              autoComplete="new-password"
              required
              value={form.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
              error={fieldErrors.password}
            />
            <TextInput
              label={t('fields.workspaceName')}
              required
              value={form.workspaceName}
              onChange={(e) => set('workspaceName')(e.currentTarget.value)}
              error={fieldErrors.workspaceName}
            />
            <Select
              label={t('fields.timeZone')}
              searchable
              required
              allowDeselect={false}
              data={timeZones()}
              value={form.timeZone}
              onChange={(v) => v && set('timeZone')(v)}
              error={fieldErrors.timeZone}
            />
            <NativeSelect
              label={t('fields.language')}
              value={form.language}
              data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isLanguage(value)) set('language')(value);
              }}
              error={fieldErrors.language}
            />
            <Button type="submit" loading={setup.isPending}>
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
