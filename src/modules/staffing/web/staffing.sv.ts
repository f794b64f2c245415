// The staffing module's own i18next namespace "staffing": its menu section.
export const staffingSv = {
  nav: {
    staffing: 'Bemanning',
    staffingReports: 'Rapportering',
    staffingComparison: 'Jämförelse',
    staffingPopulation: 'Befolkningsprognos',
    staffingForecast: 'Prognos',
    staffingRegionReport: 'Regionrapport',
    staffingSettings: 'Inställningar för bemanning',
    openStatistics: 'Öppen statistik',
  },
};
