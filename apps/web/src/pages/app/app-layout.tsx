import {
  ActionIcon,
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  Modal,
  NativeSelect,
  NavLink,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogoutMutation, useSessionQuery } from '../../api/session';
import { LoadingState } from '../../components/status';
import { LanguageSelect } from '../../components/language-select';
import { canDo, useCurrentMembership, useWorkspaceId } from '../../lib/membership';
import { productAreas, settingsPermissions } from './areas';

// Opened rarely, and its time zone picker brings Mantine's combobox: loaded with the dialog.
const CreateWorkspaceForm = lazy(() =>
  import('../../components/create-workspace-form').then((m) => ({
    default: m.CreateWorkspaceForm,
  })),
);

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const workspaceId = useWorkspaceId();
  const navigate = useNavigate();
  const memberships = session.data?.memberships ?? [];
  return (
    <NativeSelect
      aria-label={t('shell.workspace')}
      size="xs"
      value={workspaceId}
      data={memberships.map((m) => ({ value: m.workspaceId, label: m.workspaceName }))}
      onChange={(e) => void navigate(`/w/${e.currentTarget.value}`)}
    />
  );
}

/** The signed-in frame: header, workspace switcher, navigation and the page in `<main>`. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const [createOpened, createModal] = useDisclosure(false);
  const session = useSessionQuery();
  const membership = useCurrentMembership();
  const workspaceId = useWorkspaceId();
  const location = useLocation();
  const logout = useLogoutMutation();

  // A workspace you are not (or no longer) a member of: start from your own home.
  if (session.data && !membership) return <Navigate to="/" replace />;

  const base = `/w/${workspaceId}`;
  const isActive = (path: string) =>
    location.pathname === path || location.pathname.startsWith(`${path}/`);
  const observedPath = `${base}/journeys/observed`;
  const showSettings = settingsPermissions.some((p) => canDo(membership, p));
  const user = session.data?.user;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNav')}
              aria-expanded={navOpened}
            />
            <Text component={Link} to={base} fw={700} size="lg" c="blue.8">
              Polku
            </Text>
            <Group visibleFrom="sm">
              <WorkspaceSwitcher />
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSelect />
            <Menu position="bottom-end" width={240}>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  radius="xl"
                  aria-label={`${t('shell.userMenu')}: ${initialsOf(user?.name ?? '')}`}
                >
                  {/* The visible initials are part of the button's name (WCAG 2.5.3 label in name). */}
                  <Avatar size={32} radius="xl" color="blue">
                    {initialsOf(user?.name ?? '')}
                  </Avatar>
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="dark">
                    {user?.name}
                  </Text>
                  <Text size="xs">{user?.email}</Text>
                </Menu.Label>
                <Menu.Item onClick={createModal.open}>{t('shell.createWorkspace')}</Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => logout.mutate()}>
                  {t('shell.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label={t('shell.mainNav')}>
        <Group hiddenFrom="sm" mb="sm" px="xs">
          <WorkspaceSwitcher />
        </Group>
        {/* The workspace home is a page of its own, highlighted only when it is the page shown. */}
        <NavLink
          component={Link}
          to={base}
          label={t('areas.home')}
          active={location.pathname === base || location.pathname === `${base}/`}
          aria-current={
            location.pathname === base || location.pathname === `${base}/` ? 'page' : undefined
          }
          onClick={nav.close}
        />
        {productAreas.map((area) => {
          const path = `${base}/${area}`;
          // The observed paths have their own item under the journeys: the page is itself.
          const here = isActive(path) && !(area === 'journeys' && isActive(observedPath));
          return (
            <Fragment key={area}>
              <NavLink
                component={Link}
                to={path}
                label={t(`areas.${area}`)}
                active={here}
                aria-current={here ? 'page' : undefined}
                onClick={nav.close}
              />
              {area === 'journeys' && (
                <NavLink
                  component={Link}
                  to={observedPath}
                  label={t('observed.title')}
                  pl="xl"
                  active={isActive(observedPath)}
                  aria-current={isActive(observedPath) ? 'page' : undefined}
                  onClick={nav.close}
                />
              )}
            </Fragment>
          );
        })}
        {showSettings && (
          <NavLink
            component={Link}
            to={`${base}/settings`}
            label={t('areas.settings')}
            active={isActive(`${base}/settings`)}
            aria-current={isActive(`${base}/settings`) ? 'page' : undefined}
            onClick={nav.close}
          />
        )}
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>

      <Modal
        opened={createOpened}
        onClose={createModal.close}
        title={t('workspaces.createTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Suspense fallback={<LoadingState />}>
          <CreateWorkspaceForm onDone={createModal.close} />
        </Suspense>
      </Modal>
    </AppShell>
  );
}
