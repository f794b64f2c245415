// The route tree (code-based) and the router. Pages of a module are added in the module's own route file.
import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter } from '@tanstack/react-router';
import { adminRoutes, networkRoutes } from '../../modules/admin/web/admin-routes.tsx';
import {
  introductionsRoutes,
  publicIntroductionsRoutes,
} from '../../modules/introductions/web/introductions-routes.tsx';
import { staffingReportingRoutes } from '../../modules/staffing/web/reporting-routes.tsx';
import { openStatisticsRoutes, staffingStatisticsRoutes } from '../../modules/staffing/web/statistics-routes.tsx';
import { publicTrainingsRoutes, trainingsRoutes } from '../../modules/trainings/web/trainings-routes.tsx';
import { publicRoute, rootRoute, signedInRoute } from './app-routes.tsx';
import { Loading } from './components/feedback.tsx';
import { RouteError } from './pages/error-page.tsx';
import { ForgotPasswordPage } from './pages/forgot-password-page.tsx';
import { ProfilePage } from './pages/profile-page.tsx';
import { SetPasswordPage } from './pages/set-password-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { StartPage } from './pages/start-page.tsx';
import { searchFlag, searchText } from './search-params.ts';

type LoginSearch = { redirect?: string; passwordSet?: boolean };
type SetPasswordSearch = { token?: string; invite?: boolean };

const loginRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    redirect: searchText(search.redirect),
    passwordSet: searchFlag(search.passwordSet),
  }),
  component: function LoginRoute() {
    const search = loginRoute.useSearch();
    return <SignInPage redirect={search.redirect} passwordSet={search.passwordSet} />;
  },
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const setPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/set-password',
  validateSearch: (search: Record<string, unknown>): SetPasswordSearch => ({
    token: searchText(search.token),
    invite: searchFlag(search.invite),
  }),
  component: function SetPasswordRoute() {
    const search = setPasswordRoute.useSearch();
    return <SetPasswordPage token={search.token} invite={search.invite} />;
  },
});

const startRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', component: StartPage });
const profileRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/profile', component: ProfilePage });

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([
    loginRoute,
    forgotPasswordRoute,
    setPasswordRoute,
    ...openStatisticsRoutes,
    ...publicTrainingsRoutes,
    ...publicIntroductionsRoutes,
  ]),
  signedInRoute.addChildren([
    startRoute,
    profileRoute,
    ...networkRoutes,
    ...staffingReportingRoutes,
    ...staffingStatisticsRoutes,
    ...trainingsRoutes,
    ...introductionsRoutes,
    ...adminRoutes,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    scrollRestoration: true,
    defaultPendingComponent: Loading,
    defaultErrorComponent: RouteError,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
