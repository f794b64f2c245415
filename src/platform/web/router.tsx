// The route tree (code-based) and the router. Pages of a module are added in the module's own route file.
import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter } from '@tanstack/react-router';
import { adminRoutes, networkRoutes } from '../../modules/admin/web/admin-routes.tsx';
import { publicRoute, rootRoute, signedInRoute } from './app-routes.tsx';
import { Loading } from './components/feedback.tsx';
import { ForgotPasswordPage } from './pages/forgot-password-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ProfilePage } from './pages/profile-page.tsx';
import { RouteError } from './pages/error-page.tsx';
import { SetPasswordPage } from './pages/set-password-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { StartPage } from './pages/start-page.tsx';

type LoginSearch = { redirect?: string; passwordSet?: boolean };
type SetPasswordSearch = { token?: string; invite?: boolean };

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const flag = (value: unknown) => (value === true || value === 'true' || value === 1 || value === '1' ? true : undefined);

const loginRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    redirect: text(search.redirect),
    passwordSet: flag(search.passwordSet),
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
    token: text(search.token),
    invite: flag(search.invite),
  }),
  component: function SetPasswordRoute() {
    const search = setPasswordRoute.useSearch();
    return <SetPasswordPage token={search.token} invite={search.invite} />;
  },
});

const startRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', component: StartPage });
const profileRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/profile', component: ProfilePage });

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([loginRoute, forgotPasswordRoute, setPasswordRoute]),
  signedInRoute.addChildren([startRoute, profileRoute, ...networkRoutes, ...adminRoutes]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Loaders read through TanStack Query, which has its own cache.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultPendingComponent: Loading,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
