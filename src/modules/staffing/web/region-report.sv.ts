// Swedish texts of the region report page (Regionrapport); region-report.en.ts has the same keys (the type checks it).
export const regionReportSv = {
  title: 'Regionrapport',
  intro:
    'En rapport för hela regionen som PDF och Excel: varje mått per kommun och yrke med regionens summor, nyckeltalen i diagram och prognosen för rekryteringsbehovet med dess antaganden. Den bygger på periodens godkända rapporter med små tal dolda, så alla kan ta del av den.',
  period: 'Period',
  periodHelp: 'Perioder med minst en godkänd rapport.',
  noPeriods: 'Det finns ingen period med godkända rapporter än.',
  create: 'Skapa regionrapport',
  creating: 'Regionrapporten skapas. Du kan lämna sidan; rapporten finns kvar här när den är klar.',
  cannotCreate:
    'Styrgruppen, kommunernas chefer, MAS och administratörer kan skapa nya rapporter. Du kan ladda ned de som är klara.',
  listTitle: 'Skapade rapporter',
  listCaption: 'Regionrapporter, nyaste först',
  empty: 'Ingen regionrapport har skapats än.',
  columns: { period: 'Period', created: 'Skapad', status: 'Status', files: 'Ladda ned' },
  status: { queued: 'I kö', running: 'Skapas', done: 'Klar', failed: 'Misslyckades' },
  progressLabel: 'Regionrapport {{period}}, skapad {{created}}: hur långt den har kommit',
  progressText: '{{percent}} % – {{step}}',
  ready: 'Regionrapport {{period}} är klar att ladda ned.',
  pages_one: '{{count}} sida',
  pages_other: '{{count}} sidor',
  pdf: 'PDF',
  xlsx: 'Excel',
  pdfLabel: 'Ladda ned regionrapport {{period}} (skapad {{created}}) som PDF, {{size}}',
  xlsxLabel: 'Ladda ned regionrapport {{period}} (skapad {{created}}) som Excel, {{size}}',
  demo: 'Demodata',
  retention: 'De {{count}} senaste rapporterna sparas.',
};
