// The introduction lists in the route tree: the managers' /introductions pages, "Min introduktion" for the signed-in
// employee, and the personal link /introduktion?token=… (no sign-in).
import { createRoute } from '@tanstack/react-router';
import { publicRoute, signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { searchText } from '../../../platform/web/search-params.ts';
import { ListPage } from './list-page.tsx';
import { ListsPage } from './lists-page.tsx';
import { MyIntroductionPage } from './my-introduction-page.tsx';
import { PersonalIntroductionPage } from './personal-introduction-page.tsx';

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
