// The region report as an XLSX workbook (ExcelJS): an information sheet, the population table, one sheet per measure
// (municipalities × professions with the region's total row), the key ratios, and the forecast's sheets. Numbers stay
// numbers; ".." marks a suppressed cell. Every sheet opens with its title, the region and period, and "DEMODATA" when
// the data is demo. Text is only ever written as text, never as a formula (RELIABILITY item 15).
import type ExcelJS from 'exceljs';
import { loadExcelJS, safeSheetName } from '../../../platform/server/export.ts';
import type { MeasureKind } from '../staffing-measures.ts';
import { forecastYearColumns, formatDate, formatDateTime, suppressionFootnote } from './region-report-format.ts';
import {
  MEDIAN_LABEL,
  REGION_TOTAL_LABEL,
  type RegionReportModel,
  type ReportCell,
  type ReportTable,
} from './region-report-model.ts';

export const XLSX_DEMO_TEXT = 'DEMODATA – påhittade siffror, inte verklig statistik';
/** The header row of every table sheet (row 5): title, region and period, DEMODATA or empty, an empty row. */
export const XLSX_HEADER_ROW = 5;

type Kind = MeasureKind | 'percent' | 'number';
const NUMBER_FORMAT: Record<Kind, string> = {
  population: '#,##0',
  persons: '#,##0',
  fte: '#,##0.0',
  positions: '#,##0.0',
  number: '0.0',
  percent: '0.0%',
};

export async function renderRegionReportXlsx(model: RegionReportModel): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Kompetensnav';
  workbook.title = `Regionrapport ${model.period.label}`;
  workbook.created = new Date(model.generatedAt);
  const taken = new Set<string>();
  const sheet = (name: string, title: string) => {
    const ws = workbook.addWorksheet(safeSheetName(name, taken));
    ws.getCell('A1').value = title;
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getCell('A2').value = `${model.regionName}, period ${model.period.label}`;
    if (model.demo) {
      ws.getCell('A3').value = XLSX_DEMO_TEXT;
      ws.getCell('A3').font = { bold: true, color: { argb: 'FFC92A2A' } };
    }
    return ws;
  };

  const info = sheet('Om rapporten', `Regionrapport ${model.period.label}`);
  info.columns = [{ width: 28 }, { width: 90 }];
  const lines: [string, string][] = [
    ['Region', model.regionName],
    ['Period', `${model.period.label} (referensdag ${formatDate(model.period.referenceDate)})`],
    ['Skapad', formatDateTime(model.generatedAt)],
    ['Kommuner i rapporten', `${model.municipalities.length}: ${model.municipalities.join(', ')}`],
    ['Utan godkänd rapport', model.missing.length > 0 ? model.missing.join(', ') : 'Inga'],
    ['Underlag', 'Kommunernas godkända rapporter för perioden; små tal dolda som i den öppna statistiken.'],
    ['Små tal', suppressionFootnote(model.minCount)],
    ...(model.forecast === null && model.forecastError ? [['Prognos', model.forecastError] as [string, string]] : []),
  ];
  lines.forEach(([k, v], i) => {
    const row = info.getRow(XLSX_HEADER_ROW + i);
    row.getCell(1).value = k;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = v;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });

  const contextKinds: Kind[] = model.context.columns.map((c) =>
    c.key.startsWith('inhabitants') ? 'population' : 'persons',
  );
  tableSheet(
    sheet('Befolkning', 'Befolkning och inskrivna patienter'),
    model.context,
    (i) => contextKinds[i] ?? 'persons',
    model,
  );
  for (const m of model.measures) {
    tableSheet(sheet(m.label, m.label), m, () => m.kind, model, m.help);
  }
  tableSheet(
    sheet('Nyckeltal', 'Nyckeltal, alla yrken'),
    model.ratios,
    (i) => model.ratios.units[i] ?? 'number',
    model,
    model.ratios.columns.map((c, i) => `${c.label}: ${model.ratios.formulas[i] ?? ''}`).join(' · '),
    [{ name: MEDIAN_LABEL, values: model.ratios.median }],
  );

  const f = model.forecast;
  if (f) {
    const all = f.professions.find((p) => p.key === 'all');
    const turnover = f.professions.some((p) => p.years.some((y) => y.turnoverLeavers !== 0));
    const years = sheet('Prognos per yrke', `Prognos per yrke och år (basår ${f.baseYear})`);
    plainTable(
      years,
      ['Yrke', ...forecastYearColumns(turnover)],
      f.professions.flatMap((p) =>
        p.years.map((y) => [
          p.label,
          y.year,
          y.demand,
          y.staffRemaining,
          y.retirements,
          ...(turnover ? [y.turnoverLeavers] : []),
          y.need,
          y.cumulativeNeed,
        ]),
      ),
      '#,##0',
      `Personer, oavrundade. Behov = förändrad efterfrågan + pensioneringar${turnover ? ' + de som slutar.' : '.'}`,
    );
    plainTable(
      sheet('Prognos per kommun', 'Ackumulerat rekryteringsbehov per kommun, alla yrken'),
      ['Kommun', 'Behov på 5 år', 'Behov på 10 år', 'Ingår i regionens siffror'],
      [
        ...f.municipalities.map((m) => [m.name, m.need5, m.need10, m.included ? 'Ja' : 'Nej (ingen godkänd rapport)']),
        [REGION_TOTAL_LABEL, all?.need5 ?? null, all?.need10 ?? null, ''],
      ],
      '#,##0',
    );
    plainTable(
      sheet('Scenarier', 'Scenarier jämfört med grundprognosen'),
      ['Scenario', 'På 5 år', 'På 10 år'],
      f.scenarios.map((s) => [s.label, s.text5 ?? '', s.text10 ?? '']),
      '@',
    );
    plainTable(
      sheet('Antaganden', 'Prognosens antaganden'),
      ['Antagande', 'Värde'],
      [...f.assumptions.map((a) => [a.label, a.value]), ...f.notes.map((n) => ['Om underlaget', n])],
      '@',
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function tableSheet(
  ws: ExcelJS.Worksheet,
  table: ReportTable,
  kindOf: (column: number) => Kind,
  model: RegionReportModel,
  help?: string,
  extraRows: { name: string; values: ReportCell[] }[] = [],
) {
  ws.columns = [
    { width: 22 },
    ...table.columns.map((c) => ({ width: Math.min(28, Math.max(12, c.label.length + 2)) })),
  ];
  const header = ws.getRow(XLSX_HEADER_ROW);
  header.getCell(1).value = 'Kommun';
  table.columns.forEach((c, i) => {
    header.getCell(i + 2).value = c.label;
    header.getCell(i + 2).alignment = { wrapText: true, horizontal: 'right' };
  });
  header.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: XLSX_HEADER_ROW, xSplit: 1 }];
  const rows = [
    ...table.rows.map((r) => ({ ...r, bold: false })),
    { name: REGION_TOTAL_LABEL, values: table.total, bold: true },
    ...extraRows.map((r) => ({ ...r, bold: true })),
  ];
  rows.forEach((r, ri) => {
    const row = ws.getRow(XLSX_HEADER_ROW + 1 + ri);
    row.getCell(1).value = r.name;
    r.values.forEach((v, i) => {
      const cell = row.getCell(i + 2);
      cell.value = typeof v === 'number' && Number.isFinite(v) ? v : v === '..' ? '..' : null;
      cell.numFmt = NUMBER_FORMAT[kindOf(i)];
      if (v === '..') cell.alignment = { horizontal: 'right' };
    });
    if (r.bold) row.font = { bold: true };
  });
  let next = XLSX_HEADER_ROW + rows.length + 2;
  if (help) ws.getCell(`A${next++}`).value = help;
  const note = ws.getCell(`A${next}`);
  note.value = suppressionFootnote(model.minCount);
  note.font = { italic: true };
}

function plainTable(
  ws: ExcelJS.Worksheet,
  headers: string[],
  rows: (string | number | null)[][],
  numFmt: string,
  note?: string,
) {
  ws.columns = headers.map((h, i) => ({ width: i === 0 ? 30 : Math.min(40, Math.max(14, h.length + 2)) }));
  const header = ws.getRow(XLSX_HEADER_ROW);
  headers.forEach((h, i) => {
    header.getCell(i + 1).value = h;
  });
  header.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }];
  rows.forEach((r, ri) => {
    const row = ws.getRow(XLSX_HEADER_ROW + 1 + ri);
    r.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = typeof v === 'number' && !Number.isFinite(v) ? null : v;
      if (typeof v === 'number') cell.numFmt = numFmt;
      if (typeof v === 'string' && numFmt === '@') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  if (note) {
    const cell = ws.getCell(`A${XLSX_HEADER_ROW + rows.length + 2}`);
    cell.value = note;
    cell.font = { italic: true };
  }
}
