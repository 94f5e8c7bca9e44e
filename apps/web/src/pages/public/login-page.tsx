import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '../../components/password-field';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useLoginMutation, useSessionQuery, useSetupStatusQuery } from '../../api/session';
import { PublicLayout } from '../../components/public-layout';
import { ErrorAlert, LoadingState } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { homePathOf, safeNextPath } from '../../lib/navigation';

/** Sign in with email and password, then go back where the person was heading. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const session = useSessionQuery();
  const setup = useSetupStatusQuery();
  const login = useLoginMutation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fieldErrors = useFieldErrors(login.error);

  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (session.data) return <Navigate to={next ?? homePathOf(session.data)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  return (
    <PublicLayout title={t('login.title')}>
      {session.isPending ? (
        <LoadingState />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {login.isError && !isFieldError(login.error) && <ErrorAlert error={login.error} />}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
            />
            <PasswordField
              label={t('fields.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
            />
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('login.forgot')}
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
