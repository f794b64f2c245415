// English texts of the region report page; the same keys as region-report.sv.ts (the type checks it).
import type { regionReportSv } from './region-report.sv.ts';

export const regionReportEn: typeof regionReportSv = {
  title: 'Region report',
  intro:
    'A report for the whole region as PDF and Excel: every measure per municipality and profession with the region’s totals, the key ratios in charts, and the forecast of the recruitment need with its assumptions. It is built from the period’s approved reports with small counts hidden, so everyone may read it. The report itself is in Swedish.',
  period: 'Period',
  periodOption_one: '{{period}} ({{count}} approved report)',
  periodOption_other: '{{period}} ({{count}} approved reports)',
  periodHelp: 'Periods with at least one approved report.',
  noPeriods: 'No period has approved reports yet.',
  create: 'Create region report',
  creating: 'The region report is being created. You may leave the page; the report stays here when it is done.',
  cannotCreate:
    'The steering group, the municipalities’ managers, MAS and administrators can create new reports. You can download those that are done.',
  listTitle: 'Created reports',
  listCaption: 'Region reports, newest first',
  empty: 'No region report has been created yet.',
  columns: { period: 'Period', created: 'Created', status: 'Status', files: 'Download' },
  status: { queued: 'Queued', running: 'In progress', done: 'Done', failed: 'Failed' },
  progressLabel: 'Region report {{period}}, created {{created}}: how far it has come',
  progressText: '{{percent}} % – {{step}}',
  ready: 'Region report {{period}} is ready to download.',
  pages_one: '{{count}} page',
  pages_other: '{{count}} pages',
  pdf: 'PDF',
  xlsx: 'Excel',
  pdfLabel: 'Download region report {{period}} (created {{created}}) as PDF, {{size}}',
  xlsxLabel: 'Download region report {{period}} (created {{created}}) as Excel, {{size}}',
  demo: 'Demo data',
  retention: 'The latest {{count}} reports are kept.',
};
