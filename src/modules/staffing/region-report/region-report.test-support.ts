// Reading the region report's files in its tests (region-report.test.ts, region-report-demo-off.test.ts): the PDF's
// pages, structure and metadata, the XLSX's sheets and cells, and following a report until it is done.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { MEASURES } from '../staffing-measures.ts';

/** The report's sections (issue 20: key ratios per profession with nurses' specialist share first, region-level
 * breakdowns, trends, the forecast's supply side), each a level-1 heading of the tagged PDF. */

export const SECTIONS = [
  'Sammanfattning',
  'Sjuksköterska: andel med specialistutbildning',
  'Nyckeltal per yrke',
  'Befolkning och inskrivna patienter',
  'Personal per kommun och yrke',
  'Nyckeltal per kommun',
  'Nyckeltal i diagram',
  'Fördelningar i regionen',
  'Utveckling över tid',
  'Prognos: rekryteringsbehov',
  'Prognos: tillgång på personal',
  'Prognos per yrke och år',
  'Prognos per kommun',
  'Prognosens antaganden',
  'Bilaga: Om statistiken',
  'Bilaga: Om prognosen',
];
export const FORECAST_SECTIONS = SECTIONS.filter((s) => s.startsWith('Prognos') || s === 'Bilaga: Om prognosen');

export const tags = (tree: string, tag: string) => (tree.match(new RegExp(`^\\s*${tag}\\b`, 'gm')) ?? []).length;

/** poppler-utils (CI installs it): pdfinfo's structure tree and metadata of a PDF. */
export function pdfinfo(pdf: Buffer, args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kn-region-pdf-'));
  try {
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', [...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The measures a shared report tables per municipality: the top-level figures of the form (not the breakdowns, not
 * fixed-term, which decision 004 keeps from outsiders) and the sums the ratios use.
 */
export const EXPECTED_MEASURE_LABELS = [
  ...MEASURES.filter((d) => d.scope === 'profession' && d.breakdown === null && d.key !== 'headcount_fixed_term').map(
    (d) => d.label.sv,
  ),
  'Antal 60 år och äldre',
  'Frånvaro, antal personer, alla orsaker',
  'Frånvaro, årsarbetare, alla orsaker',
];

export type Json = Record<string, unknown>;
export const pollDone = async (get: () => Promise<Json>, timeoutMs = 90_000): Promise<Json> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await get();
    if (report.status === 'done' || report.status === 'failed') return report;
    if (Date.now() > deadline) throw new Error(`report not done in time: ${JSON.stringify(report)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}

export async function openXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's table: the row whose first cell is "Kommun", the municipalities' rows, and the region's total row. */
export function sheetTable(ws: ExcelJS.Worksheet) {
  let header = 0;
  ws.eachRow((row, n) => {
    if (!header && row.getCell(1).value === 'Kommun') header = n;
  });
  if (!header) return null;
  const width = ws.getRow(header).cellCount;
  const values = (n: number) => Array.from({ length: width - 1 }, (_, i) => ws.getRow(n).getCell(i + 2).value);
  const rows: { name: string; values: unknown[] }[] = [];
  let n = header + 1;
  while (ws.getRow(n).getCell(1).value !== 'Regionen totalt') {
    const name = ws.getRow(n).getCell(1).value;
    if (typeof name !== 'string' || name === '') throw new Error(`${ws.name}: no total row`);
    rows.push({ name, values: values(n) });
    n++;
  }
  // Columns of figures only (the forecast's "Ingår i regionens siffror" is a text column).
  const figures = Array.from({ length: width - 1 }, (_, c) => c).filter((c) =>
    rows.every((r) => r.values[c] === null || r.values[c] === '..' || typeof r.values[c] === 'number'),
  );
  return { rows, total: values(n), figures };
}

export function allCellTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  workbook.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        texts.push(String(cell.value));
      });
    });
  });
  return texts;
}
