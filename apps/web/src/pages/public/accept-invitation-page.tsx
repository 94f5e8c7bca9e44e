import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '../../components/password-field';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  useAcceptInvitationMutation,
  useInvitationQuery,
  useSessionQuery,
} from '../../api/session';
import { PublicLayout } from '../../components/public-layout';
import { ErrorAlert, LoadingState } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';
import { useFormatDateTime } from '../../lib/format';
import { loginPathFor } from '../../lib/navigation';

/**
 * Joins a workspace from an invitation link. A new email creates its account here; an email
 * that has an account signs in first and comes back to accept.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const formatDateTime = useFormatDateTime();
  const invitation = useInvitationQuery(token);
  const session = useSessionQuery();
  const accept = useAcceptInvitationMutation(token);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const fieldErrors = useFieldErrors(accept.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = invitation.data?.accountExists ? {} : { name, password };
    accept.mutate(body, {
      onSuccess: ({ workspaceId }) => void navigate(`/w/${workspaceId}`, { replace: true }),
    });
  };

  if (invitation.isPending || session.isPending) {
    return (
      <PublicLayout title={t('invite.title')}>
        <LoadingState />
      </PublicLayout>
    );
  }
  if (invitation.isError) {
    return (
      <PublicLayout title={t('invite.title')}>
        <ErrorAlert error={invitation.error} />
      </PublicLayout>
    );
  }

  const preview = invitation.data;
  const signedIn = session.data;
  const mustSignIn = preview.accountExists && !signedIn;
  return (
    <PublicLayout title={t('invite.title')}>
      <Text>
        {t('invite.summary', {
          invitedBy: preview.invitedBy,
          email: preview.email,
          workspace: preview.workspaceName,
          role: t(`roles.${preview.role}`),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('invite.expires', { date: formatDateTime(preview.expiresAt) })}
      </Text>
      {mustSignIn ? (
        <>
          <Alert color="blue">{t('invite.signInFirst')}</Alert>
          <Button component={Link} to={loginPathFor(`/invite/${token}`)}>
            {t('invite.signIn')}
          </Button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {signedIn && (
              <Text size="sm">{t('invite.signedInAs', { email: signedIn.user.email })}</Text>
            )}
            {accept.isError && !isFieldError(accept.error) && <ErrorAlert error={accept.error} />}
            {!preview.accountExists && (
              <>
                <Text>{t('invite.createAccount')}</Text>
                <TextInput
                  label={t('fields.name')}
                  autoComplete="name"
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={fieldErrors.name}
                />
                <PasswordField
                  label={t('fields.password')}
                  description={t('fields.passwordHint')}
                  autoComplete="new-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
                />
              </>
            )}
            <Button type="submit" loading={accept.isPending}>
              {t('invite.accept')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
