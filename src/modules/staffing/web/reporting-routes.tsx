// The staffing reporting pages in the route tree: periods, a period's reports, the entry form, the Excel import
// and the region's settings. Each page checks its permission; the server enforces them again.

import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../../platform/web/app-routes.tsx';
import { RequirePermission } from '../../../platform/web/components/require-permission.tsx';
import { lazyPage } from '../../../platform/web/lazy-page.tsx';
import { searchText } from '../../../platform/web/search-params.ts';
import type { ImportSearch } from '../reporting/web/import-page.tsx';

const ImportPage = lazyPage(() => import('../reporting/web/import-page.tsx'), 'ImportPage');
const ReportFormPage = lazyPage(() => import('../reporting/web/report-form-page.tsx'), 'ReportFormPage');
const ReportPeriodPage = lazyPage(() => import('../reporting/web/report-period-page.tsx'), 'ReportPeriodPage');
const ReportsPage = lazyPage(() => import('../reporting/web/reports-page.tsx'), 'ReportsPage');
const SettingsPage = lazyPage(() => import('./settings-page.tsx'), 'SettingsPage');

const reportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/reports',
  component: () => (
    <RequirePermission permission="staffing:read_report">
      <ReportsPage />
    </RequirePermission>
  ),
});

const periodRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/reports/$periodId',
  component: function PeriodRoute() {
    const { periodId } = periodRoute.useParams();
    return (
      <RequirePermission permission="staffing:read_report">
        <ReportPeriodPage periodId={periodId} />
      </RequirePermission>
    );
  },
});

// A static segment outranks $municipalityId, so /import never opens a report.
const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/reports/$periodId/import',
  validateSearch: (search: Record<string, unknown>): ImportSearch => ({ importId: searchText(search.importId) }),
  component: function ImportRoute() {
    const { periodId } = importRoute.useParams();
    const search = importRoute.useSearch();
    return (
      <RequirePermission permission="staffing:edit_report">
        <ImportPage periodId={periodId} importId={search.importId} />
      </RequirePermission>
    );
  },
});

const reportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/reports/$periodId/$municipalityId',
  component: function ReportRoute() {
    const { periodId, municipalityId } = reportRoute.useParams();
    return (
      <RequirePermission permission="staffing:read_report">
        {/* A new key for another report: the form starts from that report's values. */}
        <ReportFormPage key={`${periodId}/${municipalityId}`} periodId={periodId} municipalityId={municipalityId} />
      </RequirePermission>
    );
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/staffing/settings',
  component: () => (
    <RequirePermission permission="staffing:configure">
      <SettingsPage />
    </RequirePermission>
  ),
});

export const staffingReportingRoutes = [reportsRoute, periodRoute, importRoute, reportRoute, settingsRoute] as const;
