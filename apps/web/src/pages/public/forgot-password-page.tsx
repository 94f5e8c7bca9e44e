import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestPasswordResetMutation } from '../../api/session';
import { PublicLayout } from '../../components/public-layout';
import { ErrorAlert } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';

/** Asks for a reset link; the answer never tells whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordResetMutation();
  const [email, setEmail] = useState('');
  const fieldErrors = useFieldErrors(request.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email);
  };

  return (
    <PublicLayout title={t('forgot.title')}>
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('forgot.intro')}</Text>
            {request.isError && !isFieldError(request.error) && (
              <ErrorAlert error={request.error} />
            )}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrors.email}
            />
            <Button type="submit" loading={request.isPending}>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        {t('forgot.backToLogin')}
      </Anchor>
    </PublicLayout>
  );
}
