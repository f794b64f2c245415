// The introduction lists in the route tree: the managers' /introductions pages, "Min introduktion" for the signed-in
// employee, and the personal link /introduktion?token=… (no sign-in).
import { createRoute } from '@tanstack/react-router';
import { publicRoute, signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { lazyPage } from '../../../platform/web/lazy-page.tsx';
import { searchText } from '../../../platform/web/search-params.ts';

const ListPage = lazyPage(() => import('./list-page.tsx'), 'ListPage');
const ListsPage = lazyPage(() => import('./lists-page.tsx'), 'ListsPage');
const MyIntroductionPage = lazyPage(() => import('./my-introduction-page.tsx'), 'MyIntroductionPage');
const PersonalIntroductionPage = lazyPage(() => import('./personal-introduction-page.tsx'), 'PersonalIntroductionPage');

const listsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/introductions',
  component: function ListsRoute() {
    return (
      <RequirePermission permission="introductions:read">
        <ListsPage />
      </RequirePermission>
    );
  },
});

const myIntroductionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/introductions/mine',
  component: function MyIntroductionRoute() {
    return (
      <RequirePermission permission="introductions:follow">
        <MyIntroductionPage />
      </RequirePermission>
    );
  },
});

const listRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/introductions/$listId',
  component: function ListRoute() {
    const { listId } = listRoute.useParams();
    return (
      <RequirePermission permission="introductions:read">
        <ListPage listId={listId} />
      </RequirePermission>
    );
  },
});

const personalRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/introduktion',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: searchText(search.token) }),
  component: function PersonalRoute() {
    return <PersonalIntroductionPage token={personalRoute.useSearch().token} />;
  },
});

export const publicIntroductionsRoutes = [personalRoute] as const;
export const introductionsRoutes = [listsRoute, myIntroductionRoute, listRoute] as const;
