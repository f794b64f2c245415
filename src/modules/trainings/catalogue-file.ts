// Reads an uploaded link list into rows of text, whatever it was saved as: CSV (the platform's reader,
// platform/server/imports/csv.ts: UTF-8 with or without BOM, `;` as Swedish Excel writes it or `,`) or XLSX (the first sheet; checked by upload-guard.ts before ExcelJS opens it).
// The type is told by the content, never by the name. Runs in a worker thread (catalogue-import.worker.ts).
import { open, readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/server/export.ts';
import { readCsv as readCsvFile } from '../../platform/server/imports/csv.ts';
import { inspectXlsx, UploadRejectedError } from '../../platform/server/upload-guard.ts';
import { TRAINING_IMPORT_LIMITS, type TrainingFileType } from './trainings.contracts.ts';

export type ReadFile = {
  fileType: TrainingFileType;
  separator: ';' | ',' | null;
  /** The header row first; every row as the text of its cells (empty cells are ''). */
  rows: string[][];
};

const ZIP_MAGIC = 0x04034b50;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const fmt = (n: number) => n.toLocaleString('sv-SE');

const NOT_A_LIST =
  'Filen är varken en CSV-fil (UTF-8) eller en Excel-arbetsbok (.xlsx). Spara listan som CSV UTF-8 eller .xlsx och försök igen.';

export async function readLinkList(filePath: string): Promise<ReadFile> {
  const head = Buffer.alloc(8);
  const handle = await open(filePath, 'r');
  try {
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  if (head.readUInt32LE(0) === ZIP_MAGIC || head.subarray(0, 4).equals(OLE_MAGIC)) return readXlsx(filePath);
  return readCsv(await readFile(filePath));
}

// ---- CSV ----------------------------------------------------------------------------------------------------------

// Rows beyond twice the limit are not read: the file is refused for its size either way.
const MAX_RECORDS = 2 * (TRAINING_IMPORT_LIMITS.rows + 1) + 1;

export function readCsv(bytes: Buffer): ReadFile {
  const { separator, rows } = readCsvFile(bytes, {
    maxRecords: MAX_RECORDS,
    // The preview names the separator, and names only these two.
    separators: [';', ','],
    notUtf8Message:
      'Filen är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” eller som .xlsx och försök igen.',
    binaryMessage: NOT_A_LIST,
  });
  checkSize(rows);
  // Blank lines stay, so that "Rad 7" is the seventh record, as Excel numbers the rows.
  return { fileType: 'csv', separator, rows };
}

function checkSize(rows: string[][]) {
  const dataRows = rows.slice(1).filter((row) => row.some((c) => c.trim())).length;
  if (dataRows > TRAINING_IMPORT_LIMITS.rows) {
    throw new UploadRejectedError(
      'too_large',
      `Filen har för många rader. Högst ${fmt(TRAINING_IMPORT_LIMITS.rows)} utbildningar kan importeras åt gången; dela upp listan.`,
    );
  }
  if (
    rows.some(
      (row) =>
        row.length > TRAINING_IMPORT_LIMITS.columns && row.slice(TRAINING_IMPORT_LIMITS.columns).some((c) => c.trim()),
    )
  ) {
    throw new UploadRejectedError(
      'too_large',
      `Filen har för många kolumner (högst ${TRAINING_IMPORT_LIMITS.columns}). Använd mallen.`,
    );
  }
}

// ---- XLSX ---------------------------------------------------------------------------------------------------------

async function readXlsx(filePath: string): Promise<ReadFile> {
  await inspectXlsx(filePath);
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    // The link is the cell's text; a hyperlink's hidden target is not read (nor followed).
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: string[][] = [];
  let sheets = 0;
  let overflow: UploadRejectedError | null = null;
  try {
    for await (const worksheet of reader) {
      sheets++;
      // Every sheet is read to its end (leaving one early would leave ExcelJS's zip stream half read); only the first
      // one counts: the template's second sheet is its instructions.
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (sheets > 1 || overflow) continue;
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          if (column > TRAINING_IMPORT_LIMITS.columns) {
            if (cellText(cell.value).trim()) {
              overflow = new UploadRejectedError(
                'too_large',
                `Filen har för många kolumner (högst ${TRAINING_IMPORT_LIMITS.columns}). Använd mallen.`,
              );
            }
            return;
          }
          cells[column - 1] = cellText(cell.value);
        });
        if (!cells.some((c) => c?.trim())) continue;
        if (row.number > TRAINING_IMPORT_LIMITS.rows + 1) {
          overflow = new UploadRejectedError(
            'too_large',
            `Filen har för många rader. Högst ${fmt(TRAINING_IMPORT_LIMITS.rows)} utbildningar kan importeras åt gången; dela upp listan.`,
          );
          continue;
        }
        rows[row.number - 1] = Array.from(cells, (c) => c ?? '');
      }
    }
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    const rejected = new UploadRejectedError('corrupt');
    rejected.cause = error;
    throw rejected;
  }
  if (overflow) throw overflow;
  // Empty rows in between keep their numbers, so "Rad 7" is row 7 in Excel.
  return { fileType: 'xlsx', separator: null, rows: Array.from(rows, (r) => r ?? []) };
}

/** A cell's value as text: numbers as typed, a formula by its result, a date as an ISO day (never a valid length). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return '';
}
