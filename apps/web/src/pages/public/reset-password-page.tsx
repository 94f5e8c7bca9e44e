import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '../../components/password-field';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useConfirmPasswordResetMutation } from '../../api/session';
import { PublicLayout } from '../../components/public-layout';
import { ErrorAlert } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';

/** Sets a new password with the token from the reset email. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useConfirmPasswordResetMutation();
  const [password, setPassword] = useState('');
  const fieldErrors = useFieldErrors(reset.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ token, password });
  };

  let content;
  if (!token) {
    content = (
      <>
        <Alert color="yellow" role="alert">
          {t('reset.missingToken')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('reset.requestNew')}
        </Anchor>
      </>
    );
  } else if (reset.isSuccess) {
    content = (
      <>
        <Alert color="green" role="status">
          {t('reset.done')}
        </Alert>
        <Button component={Link} to="/login">
          {t('login.submit')}
        </Button>
      </>
    );
  } else {
    content = (
      <form onSubmit={submit} noValidate>
        <Stack>
          {reset.isError && (!isFieldError(reset.error) || fieldErrors.token) && (
            <ErrorAlert error={reset.error} />
          )}
          <PasswordField
            label={t('fields.newPassword')}
            description={t('fields.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
          />
          <Button type="submit" loading={reset.isPending}>
            {t('reset.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('reset.requestNew')}
          </Anchor>
        </Stack>
      </form>
    );
  }
  return <PublicLayout title={t('reset.title')}>{content}</PublicLayout>;
}
