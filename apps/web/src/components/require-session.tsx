import { Center, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionQuery } from '../api/session';
import { loginPathFor } from '../lib/navigation';
import { ErrorAlert, LoadingState } from './status';

/** Shows its routes only to a signed-in person; anyone else goes to /login and comes back. */
export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center component="main" mih="100vh">
        <LoadingState />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Container component="main" size="sm" py="xl">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  if (!session.data) {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}
