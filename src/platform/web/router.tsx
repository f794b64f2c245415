// The route tree (code-based) and the router: the platform's pages, and the pages of the modules the composition
// root registered (each module declares its routes in its web manifest).
import type { QueryClient } from '@tanstack/react-query';
import { type AnyRoute, createRoute, createRouter } from '@tanstack/react-router';
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

/** The route tree: the platform's pages and the modules' pages under the public and the signed-in frame. */
export function buildRouteTree<P extends AnyRoute, S extends AnyRoute>(
  publicPages: readonly P[],
  signedInPages: readonly S[],
) {
  return rootRoute.addChildren([
    publicRoute.addChildren([loginRoute, forgotPasswordRoute, setPasswordRoute, ...publicPages]),
    signedInRoute.addChildren([startRoute, profileRoute, ...signedInPages]),
  ]);
}

/** The router over a route tree; the composition root (src/app) registers its type for typed links. */
export function createAppRouter<T extends AnyRoute>(queryClient: QueryClient, routeTree: T) {
  return createRouter({
    routeTree,
    context: { queryClient },
    scrollRestoration: true,
    defaultPendingComponent: Loading,
    defaultErrorComponent: RouteError,
  });
}
