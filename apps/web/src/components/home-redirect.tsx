import { Center, Container } from '@mantine/core';
import { Navigate } from 'react-router';
import { useSessionQuery, useSetupStatusQuery } from '../api/session';
import { homePathOf } from '../lib/navigation';
import { ErrorAlert, LoadingState } from './status';

/** `/`: first-run setup, the sign-in page or the person's first workspace. */
export function HomeRedirect() {
  const setup = useSetupStatusQuery();
  const session = useSessionQuery();
  if (setup.isError || session.isError) {
    return (
      <Container component="main" size="sm" py="xl">
        <ErrorAlert
          error={setup.error ?? session.error}
          onRetry={() => {
            void setup.refetch();
            void session.refetch();
          }}
        />
      </Container>
    );
  }
  if (setup.isPending || session.isPending) {
    return (
      <Center component="main" mih="100vh">
        <LoadingState />
      </Center>
    );
  }
  if (setup.data.needed) return <Navigate to="/setup" replace />;
  if (!session.data) return <Navigate to="/login" replace />;
  return <Navigate to={homePathOf(session.data)} replace />;
}
