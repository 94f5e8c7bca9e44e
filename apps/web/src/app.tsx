import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { useSessionQuery } from './api/session';
import { HomeRedirect } from './components/home-redirect';
import { RequireSession } from './components/require-session';
import { LoadingState } from './components/status';
import { applyLanguage } from './i18n/i18n';
import { productAreas, type ProductArea } from './pages/app/areas';
import { NotBuiltPage } from './pages/app/not-built-page';
import { NotFoundPage } from './pages/app/not-found-page';
import { LoginPage } from './pages/public/login-page';

// Of the public pages only the login page is in the first download: setup (its time zone
// picker brings Mantine's combobox and floating parts) and the pages a link opens load apart.
const SetupPage = lazy(() =>
  import('./pages/public/setup-page').then((m) => ({ default: m.SetupPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./pages/public/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./pages/public/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('./pages/public/accept-invitation-page').then((m) => ({
    default: m.AcceptInvitationPage,
  })),
);
// The signed-in shell (navigation, workspace switcher, the pages' shared parts) loads after
// signing in: the login page downloads only what it shows.
const AppLayout = lazy(() =>
  import('./pages/app/app-layout').then((m) => ({ default: m.AppLayout })),
);
const NoWorkspacePage = lazy(() =>
  import('./pages/app/no-workspace-page').then((m) => ({ default: m.NoWorkspacePage })),
);
// Settings are visited rarely: their code loads when first opened.
const SettingsRoutes = lazy(() =>
  import('./pages/settings/settings-routes').then((m) => ({ default: m.SettingsRoutes })),
);
// The builder and the responses list are large: they load when first opened too.
const SurveyRoutes = lazy(() =>
  import('./pages/surveys/survey-routes').then((m) => ({ default: m.SurveyRoutes })),
);
// The journey map brings drag and drop (dnd-kit); its health chart loads ECharts on its own.
const JourneyRoutes = lazy(() =>
  import('./pages/journeys/journey-routes').then((m) => ({ default: m.JourneyRoutes })),
);
const TargetsPage = lazy(() =>
  import('./pages/targets/targets-page').then((m) => ({ default: m.TargetsPage })),
);
const ResponsesPage = lazy(() =>
  import('./pages/responses/responses-page').then((m) => ({ default: m.ResponsesPage })),
);
const ObservedPage = lazy(() =>
  import('./pages/observed/observed-page').then((m) => ({ default: m.ObservedPage })),
);
const IncidentsPage = lazy(() =>
  import('./pages/incidents/incidents-page').then((m) => ({ default: m.IncidentsPage })),
);
// The analytics explorer brings ECharts: it loads only when opened. The home page is small and
// separate (its trend lines are plain SVG), so the first page after signing in stays light.
const ExplorerPage = lazy(() =>
  import('./pages/analytics/explorer-page').then((m) => ({ default: m.ExplorerPage })),
);
const WorkspaceHomePage = lazy(() =>
  import('./pages/analytics/home-page').then((m) => ({ default: m.WorkspaceHomePage })),
);
// The analysis views draw charts (ECharts): each loads with its own page.
const analysisPages = [
  [
    'drivers',
    lazy(() => import('./pages/analyses/drivers-page').then((m) => ({ default: m.DriversPage }))),
  ],
  [
    'importance',
    lazy(() =>
      import('./pages/analyses/importance-page').then((m) => ({ default: m.ImportancePage })),
    ),
  ],
  ['gaps', lazy(() => import('./pages/analyses/gaps-page').then((m) => ({ default: m.GapsPage })))],
  ['kano', lazy(() => import('./pages/analyses/kano-page').then((m) => ({ default: m.KanoPage })))],
  [
    'emotions',
    lazy(() => import('./pages/analyses/emotions-page').then((m) => ({ default: m.EmotionsPage }))),
  ],
  [
    'response-rate',
    lazy(() =>
      import('./pages/analyses/response-rate-page').then((m) => ({ default: m.ResponseRatePage })),
    ),
  ],
] as const;

/** Product areas that are built; the rest show an honest "not built yet" page. */
const builtAreas: Partial<Record<ProductArea, { path: string; element: ReactElement }>> = {
  journeys: { path: 'journeys/*', element: <JourneyRoutes /> },
  surveys: { path: 'surveys/*', element: <SurveyRoutes /> },
  responses: { path: 'responses', element: <ResponsesPage /> },
  analytics: { path: 'analytics', element: <ExplorerPage /> },
};

/** Once the signed-in person is known, the UI speaks their language. */
function useUserLanguage() {
  const session = useSessionQuery();
  const language = session.data?.user.language;
  const userId = session.data?.user.id;
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [userId, language]);
}

/** Every page of the staff app. */
export function App() {
  useUserLanguage();
  return (
    <Routes>
      <Route path="/" element={<HomeRedirect />} />
      <Route
        path="/setup"
        element={
          <Suspense fallback={<LoadingState />}>
            <SetupPage />
          </Suspense>
        }
      />
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/forgot-password"
        element={
          <Suspense fallback={<LoadingState />}>
            <ForgotPasswordPage />
          </Suspense>
        }
      />
      <Route
        path="/reset-password"
        element={
          <Suspense fallback={<LoadingState />}>
            <ResetPasswordPage />
          </Suspense>
        }
      />
      <Route
        path="/invite/:token"
        element={
          <Suspense fallback={<LoadingState />}>
            <AcceptInvitationPage />
          </Suspense>
        }
      />
      <Route element={<RequireSession />}>
        <Route
          path="/welcome"
          element={
            <Suspense fallback={<LoadingState />}>
              <NoWorkspacePage />
            </Suspense>
          }
        />
        <Route
          path="/w/:workspaceId"
          element={
            <Suspense fallback={<LoadingState />}>
              <AppLayout />
            </Suspense>
          }
        >
          <Route
            index
            element={
              <Suspense fallback={<LoadingState />}>
                <WorkspaceHomePage />
              </Suspense>
            }
          />
          <Route
            path="analytics/incidents"
            element={
              <Suspense fallback={<LoadingState />}>
                <IncidentsPage />
              </Suspense>
            }
          />
          <Route
            path="journeys/observed"
            element={
              <Suspense fallback={<LoadingState />}>
                <ObservedPage />
              </Suspense>
            }
          />
          <Route
            path="analytics/targets"
            element={
              <Suspense fallback={<LoadingState />}>
                <TargetsPage />
              </Suspense>
            }
          />
          {analysisPages.map(([path, Page]) => (
            <Route
              key={path}
              path={`analytics/${path}`}
              element={
                <Suspense fallback={<LoadingState />}>
                  <Page />
                </Suspense>
              }
            />
          ))}
          {productAreas.map((area) => {
            const built = builtAreas[area];
            return built ? (
              <Route
                key={area}
                path={built.path}
                element={<Suspense fallback={<LoadingState />}>{built.element}</Suspense>}
              />
            ) : (
              <Route key={area} path={area} element={<NotBuiltPage area={area} />} />
            );
          })}
          <Route
            path="settings/*"
            element={
              <Suspense fallback={<LoadingState />}>
                <SettingsRoutes />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage standalone />} />
    </Routes>
  );
}
