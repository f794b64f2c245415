// Further education's pages in the route tree: the overview, the map of agreements, one agreement, the models and the
// training posts.
import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { lazyPage } from '../../../platform/web/lazy-page.tsx';
import { searchText } from '../../../platform/web/search-params.ts';
import type { MapSearch } from './map-page.tsx';

const OverviewPage = lazyPage(() => import('./overview-page.tsx'), 'OverviewPage');
const MapPage = lazyPage(() => import('./map-page.tsx'), 'MapPage');
const AdoptionPage = lazyPage(() => import('./adoption-page.tsx'), 'AdoptionPage');
const ModelsPage = lazyPage(() => import('./models-page.tsx'), 'ModelsPage');
const PostsPage = lazyPage(() => import('./posts-page.tsx'), 'PostsPage');

const overviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/further-education',
  component: () => (
    <RequirePermission permission="further_education:read">
      <OverviewPage />
    </RequirePermission>
  ),
});

const mapRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/further-education/map',
  validateSearch: (search: Record<string, unknown>): MapSearch => ({ modelId: searchText(search.modelId) }),
  component: function MapRoute() {
    const search = mapRoute.useSearch();
    return (
      <RequirePermission permission="further_education:read">
        <MapPage search={search} />
      </RequirePermission>
    );
  },
});

const adoptionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/further-education/adoptions/$adoptionId',
  component: function AdoptionRoute() {
    const { adoptionId } = adoptionRoute.useParams();
    return (
      <RequirePermission permission="further_education:read">
        <AdoptionPage adoptionId={adoptionId} />
      </RequirePermission>
    );
  },
});

const modelsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/further-education/models',
  component: () => (
    <RequirePermission permission="further_education:read">
      <ModelsPage />
    </RequirePermission>
  ),
});

const postsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/further-education/posts',
  component: () => (
    <RequirePermission permission="further_education:read_posts">
      <PostsPage />
    </RequirePermission>
  ),
});

export const furtherEducationRoutes = [overviewRoute, mapRoute, adoptionRoute, modelsRoute, postsRoute] as const;
