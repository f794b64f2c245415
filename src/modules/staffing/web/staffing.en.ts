// The staffing module's own i18next namespace "staffing" in English: its menu section.
import type { staffingSv } from './staffing.sv.ts';

export const staffingEn: typeof staffingSv = {
  nav: {
    staffing: 'Staffing',
    staffingReports: 'Reporting',
    staffingComparison: 'Comparison',
    staffingPopulation: 'Population projections',
    staffingForecast: 'Forecast',
    staffingRegionReport: 'Region report',
    staffingSettings: 'Staffing settings',
    openStatistics: 'Open statistics',
  },
};
