// English texts of the region report page; the same keys as region-report.sv.ts (the type checks it).
import type { regionReportSv } from './region-report.sv.ts';

export const regionReportEn: typeof regionReportSv = {
  title: 'Region report',
};
