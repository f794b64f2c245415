// The staffing statistics pages in the route tree: the comparison and the municipality profile (signed in), and the
// open statistics (no sign-in).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { publicRoute, signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { lazyPage } from '../../../platform/web/lazy-page.tsx';
import { searchText } from '../../../platform/web/search-params.ts';
import { parseForecastSearch } from '../forecast/web/forecast-search.ts';
import { RATIOS } from '../staffing-measures.ts';
import { searchColumns } from '../statistics/web/comparison-columns.ts';
import type { ComparisonSearch } from '../statistics/web/comparison-page.tsx';
import type { OpenStatisticsSearch } from '../statistics/web/open-statistics-page.tsx';
import type { ProfileSearch } from '../statistics/web/profile-page.tsx';

const PopulationPage = lazyPage(() => import('../population/web/population-page.tsx'), 'PopulationPage');
const RegionReportsPage = lazyPage(() => import('../region-report/web/region-report-page.tsx'), 'RegionReportsPage');
const ComparisonPage = lazyPage(() => import('../statistics/web/comparison-page.tsx'), 'ComparisonPage');
const OpenStatisticsPage = lazyPage(() => import('../statistics/web/open-statistics-page.tsx'), 'OpenStatisticsPage');

const comparisonRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/comparison',
  validateSearch: (search: Record<string, unknown>): ComparisonSearch => ({
    periodId: searchText(search.periodId),
    profession: searchText(search.profession),
    view: search.view === 'heatmap' || search.view === 'map' ? search.view : undefined,
    ratio: RATIOS.find((r) => r === search.ratio),
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
  // Its own file: the charts (recharts) are most of its weight, and only this page draws them.
  component: lazyRouteComponent(() => import('../statistics/web/profile-page.tsx'), 'ProfileRoute'),
});

const populationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/population',
  component: function PopulationRoute() {
    return (
      <RequirePermission permission="staffing:read_statistics">
        <PopulationPage />
      </RequirePermission>
    );
  },
});

const forecastRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/forecast',
  validateSearch: parseForecastSearch,
  // Its own file with its charts, as the profile.
  component: lazyRouteComponent(() => import('../forecast/web/forecast-page.tsx'), 'ForecastRoute'),
});

const regionReportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/region-reports',
  component: function RegionReportsRoute() {
    return (
      <RequirePermission permission="staffing:read_statistics">
        <RegionReportsPage />
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

export const staffingStatisticsRoutes = [
  comparisonRoute,
  profileRoute,
  populationRoute,
  forecastRoute,
  regionReportsRoute,
] as const;
export const openStatisticsRoutes = [openStatisticsRoute] as const;
