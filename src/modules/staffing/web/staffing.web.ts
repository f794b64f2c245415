// The staffing module's web manifest: reporting, comparison, population, forecast, region report, settings and the
// open statistics.
import type { MeDto } from '../../../platform/shared/contracts.ts';
import type { WebModule } from '../../../platform/web/module.ts';
import { forecastEn } from '../forecast/web/forecast.en.ts';
import { forecastSv } from '../forecast/web/forecast.sv.ts';
import { regionReportEn } from '../region-report/web/region-report.en.ts';
import { regionReportSv } from '../region-report/web/region-report.sv.ts';
import { reportingEn } from './reporting.en.ts';
import { reportingSv } from './reporting.sv.ts';
import { staffingReportingRoutes } from './reporting-routes.tsx';
import { staffingEn } from './staffing.en.ts';
import { staffingSv } from './staffing.sv.ts';
import { staffingAuditLabels } from './staffing-audit-labels.ts';
import { REPORTING_NS, STATISTICS_NS } from './staffing-t.ts';
import { statisticsEn } from './statistics.en.ts';
import { statisticsSv } from './statistics.sv.ts';
import { openStatisticsRoutes, staffingStatisticsRoutes } from './statistics-routes.tsx';

/**
 * An employee (no other role) reads the statistics the region has opened to everyone (the open statistics page), not
 * the planning pages: their menu stays with what concerns them.
 */
const onlyEmployee = (me: MeDto) => me.roles.length > 0 && me.roles.every((role) => role === 'employee');
const planner = (me: MeDto) => !onlyEmployee(me);

export const staffingWeb = {
  name: 'staffing',
  translations: [
    { namespace: 'staffing', sv: staffingSv, en: staffingEn },
    { namespace: 'staffingForecast', sv: forecastSv, en: forecastEn },
    { namespace: 'regionReport', sv: regionReportSv, en: regionReportEn },
    { namespace: REPORTING_NS, sv: reportingSv, en: reportingEn },
    { namespace: STATISTICS_NS, sv: statisticsSv, en: statisticsEn },
  ],
  auditLabels: staffingAuditLabels,
  publicRoutes: [...openStatisticsRoutes],
  signedInRoutes: [...staffingReportingRoutes, ...staffingStatisticsRoutes],
  nav: [
    {
      label: 'nav.staffing',
      entries: [
        { to: '/staffing/reports', label: 'nav.staffingReports', permission: 'staffing:read_report' },
        {
          to: '/staffing/comparison',
          label: 'nav.staffingComparison',
          permission: 'staffing:read_statistics',
          visible: planner,
        },
        {
          to: '/staffing/population',
          label: 'nav.staffingPopulation',
          permission: 'staffing:read_statistics',
          visible: planner,
        },
        {
          to: '/staffing/forecast',
          label: 'nav.staffingForecast',
          permission: 'staffing:read_statistics',
          visible: planner,
        },
        {
          to: '/staffing/region-reports',
          label: 'nav.staffingRegionReport',
          permission: 'staffing:read_statistics',
          visible: planner,
        },
        { to: '/staffing/settings', label: 'nav.staffingSettings', permission: 'staffing:configure' },
        {
          to: '/oppen-statistik',
          label: 'nav.openStatistics',
          permission: 'staffing:read_statistics',
          visible: onlyEmployee,
        },
      ],
    },
  ],
} satisfies WebModule;
