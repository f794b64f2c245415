// The staffing statistics pages in the route tree: the comparison and the municipality profile (signed in), and the
// open statistics (no sign-in).
import { createRoute } from '@tanstack/react-router';
import { publicRoute, signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { searchText } from '../../../platform/web/search-params.ts';
import { RATIOS } from '../staffing-measures.ts';
import { searchColumns } from './comparison-columns.ts';
import { ComparisonPage, type ComparisonSearch } from './comparison-page.tsx';
import { OpenStatisticsPage, type OpenStatisticsSearch } from './open-statistics-page.tsx';
import { ProfilePage, type ProfileSearch } from './profile-page.tsx';

const comparisonRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/comparison',
  validateSearch: (search: Record<string, unknown>): ComparisonSearch => ({
    periodId: searchText(search.periodId),
    profession: searchText(search.profession),
    view: search.view === 'heatmap' ? 'heatmap' : undefined,
    columns: searchColumns(search.columns),
  }),
  component: function ComparisonRoute() {
    const search = comparisonRoute.useSearch();
    return (
      <RequirePermission permission="staffing:read_statistics">
        <ComparisonPage search={search} />
      </RequirePermission>
    );
  },
});

const profileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/profile/$municipalityId',
  validateSearch: (search: Record<string, unknown>): ProfileSearch => ({
    periodId: searchText(search.periodId),
    profession: searchText(search.profession),
    ratio: RATIOS.find((r) => r === search.ratio),
  }),
  component: function ProfileRoute() {
    const { municipalityId } = profileRoute.useParams();
    const search = profileRoute.useSearch();
    return (
      <RequirePermission permission="staffing:read_statistics">
        <ProfilePage municipalityId={municipalityId} search={search} />
      </RequirePermission>
    );
  },
});

const openStatisticsRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/oppen-statistik',
  validateSearch: (search: Record<string, unknown>): OpenStatisticsSearch => ({
    periodId: searchText(search.periodId),
    profession: searchText(search.profession),
    columns: searchColumns(search.columns),
  }),
  component: function OpenStatisticsRoute() {
    const search = openStatisticsRoute.useSearch();
    return <OpenStatisticsPage search={search} />;
  },
});

export const staffingStatisticsRoutes = [comparisonRoute, profileRoute] as const;
export const openStatisticsRoutes = [openStatisticsRoute] as const;
