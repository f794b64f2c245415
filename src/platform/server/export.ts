// Table exports for every table view: XLSX via ExcelJS and CSV for Swedish Excel (semicolons, decimal comma, BOM).
// Text that a spreadsheet could take for a formula is always written as text, never evaluated (formula injection).
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';

export type ExportValue = string | number | null;
export type ExportRow = Record<string, ExportValue>;
type ColumnKind = 'text' | 'number' | 'percent';
export type ExportColumn = {
  key: string;
  header: string;
  kind?: ColumnKind;
  /** The kind per row, for a column whose rows differ (one key ratio a row: shares beside per-1,000 figures). */
  kindOf?: (row: ExportRow) => ColumnKind;
};

const kindIn = (column: ExportColumn, row: ExportRow) => column.kindOf?.(row) ?? column.kind;
export type ExportSheet = { name: string; columns: ExportColumn[]; rows: ExportRow[]; note?: string };

/** Characters that make Excel, LibreOffice or Google Sheets read a typed cell as a formula or a command. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a text that a spreadsheet would treat as a formula with an apostrophe, which keeps it text. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel accepts: no []:*?/\, no apostrophe at either end, at most 31 characters, not "History",
 * and unique ignoring case among `taken` (lower-cased names, to which the result is added).
 */
export function safeSheetName(name: string, taken: Set<string>): string {
  let base = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base) base = 'Blad';
  if (base.toLowerCase() === 'history') base = 'History 1';
  base = base.slice(0, SHEET_NAME_MAX).trim();
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * ExcelJS, loaded on first use: it takes some 0.4 s to load, and a server start should not wait for what only
 * downloads and uploads need.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export async function toXlsx(sheets: ExportSheet[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Kompetensnav';
  const taken = new Set<string>();
  // A workbook without sheets is one Excel refuses to open.
  const list = sheets.length > 0 ? sheets : [{ name: 'Blad1', columns: [], rows: [] }];
  for (const sheet of list) {
    const worksheet = workbook.addWorksheet(safeSheetName(sheet.name, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({
      key: column.key,
      width: Math.min(50, Math.max(10, column.header.length + 2)),
    }));
    const header = worksheet.getRow(1);
    sheet.columns.forEach((column, i) => {
      header.getCell(i + 1).value = column.header;
    });
    header.font = { bold: true };

    sheet.rows.forEach((row, r) => {
      const excelRow = worksheet.getRow(r + 2);
      sheet.columns.forEach((column, c) => {
        const cell = excelRow.getCell(c + 1);
        const value = row[column.key] ?? null;
        const kind = kindIn(column, row);
        cell.value = xlsxValue(value);
        if (typeof value === 'number' && kind === 'percent') cell.numFmt = '0.0%';
        if (typeof value === 'string' && kind && kind !== 'text') cell.alignment = { horizontal: 'right' };
      });
    });

    if (sheet.note) {
      const noteCell = worksheet.getRow(sheet.rows.length + 3).getCell(1);
      noteCell.value = sheet.note;
      noteCell.font = { italic: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ExcelJS writes a string as a shared string, never as <f>; only a { formula } object becomes one. A bare CR would
// come back as LF from the XML anyway, so it is written as the line break Excel itself uses in a cell.
function xlsxValue(value: ExportValue): ExportValue {
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

export function toCsv(columns: ExportColumn[], rows: ExportRow[]): string {
  const records = [
    columns.map((column) => neutralise(column.header)),
    ...rows.map((row) => columns.map((column) => csvCell(kindIn(column, row), row[column.key] ?? null))),
  ];
  return stringify(records, { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

function csvCell(kind: ColumnKind | undefined, value: ExportValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return neutralise(value);
  if (!Number.isFinite(value)) return '';
  // "12,5%" is what Swedish Excel reads back as the number 0.125 shown as a percentage.
  return kind === 'percent' ? `${decimal(value * 100)}%` : decimal(value);
}

/** Decimal comma, no grouping, no exponent; the rounding hides float noise such as 0.07 * 100. */
function decimal(n: number): string {
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 }).replace('.', ',');
}
