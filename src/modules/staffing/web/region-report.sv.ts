// Swedish texts of the region report page (Regionrapport); region-report.en.ts has the same keys (the type checks it).
export const regionReportSv = {
  title: 'Regionrapport',
};
