// Reads an uploaded HR file into rows of text, whatever it was saved as: CSV (the platform's reader: UTF-8 with or
// without BOM, `;`, `,` or tab) or XLSX (the first sheet, checked by upload-guard.ts before ExcelJS streams it).
// The type is told by the content. A cell holding a formula is reported by its place, so the import can refuse it.
// Runs in a worker thread (people-import.worker.ts), which sends the rows back in batches as they are read: the
// import checks the first rows while the thread reads the next.
import { open, readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/server/export.ts';
import { readCsv } from '../../platform/server/imports/csv.ts';
import { inspectXlsx, UploadRejectedError } from '../../platform/server/upload-guard.ts';
import { PEOPLE_LIMITS } from './people.contracts.ts';
import { peopleMessages as pm } from './people.messages.ts';

export type HrFile = { fileType: 'xlsx' | 'csv' };
/** Rows of the file in order, blank rows left out: [row number (1-based, as the spreadsheet shows it), cell texts]. */
export type HrRows = {
  rows: [number, string[]][];
  /** Cells of these rows that held a formula, as [row number, column index (0-based, as in the cells)]. */
  formulas: [number, number][];
};
/** Rows per batch sent back: small enough to check while the next are read, large enough to cost little to send. */
const BATCH = 1_000;

/** Collects rows and sends them in batches; `flush` sends what is left. */
function batcher(send: (rows: HrRows) => void) {
  let batch: HrRows = { rows: [], formulas: [] };
  const flush = () => {
    if (batch.rows.length > 0) send(batch);
    batch = { rows: [], formulas: [] };
  };
  return {
    add(number: number, cells: string[], formulaColumns: number[]) {
      batch.rows.push([number, cells]);
      for (const c of formulaColumns) batch.formulas.push([number, c]);
      if (batch.rows.length >= BATCH) flush();
    },
    flush,
  };
}

const ZIP_MAGIC = 0x04034b50;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const MAX_ROWS = PEOPLE_LIMITS.importRows;
const MAX_COLUMNS = PEOPLE_LIMITS.importColumns;

const tooManyRows = () =>
  new UploadRejectedError('too_large', pm.importTooManyRows({ max: MAX_ROWS.toLocaleString('sv-SE') }));
const tooManyColumns = () => new UploadRejectedError('too_large', pm.importTooManyColumns({ max: MAX_COLUMNS }));

/** Reads the file, sending its rows in batches; refuses it (UploadRejectedError) when it is not a readable HR file. */
export async function readHrFile(filePath: string, send: (rows: HrRows) => void): Promise<HrFile> {
  const head = Buffer.alloc(8);
  const handle = await open(filePath, 'r');
  try {
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  if (head.readUInt32LE(0) === ZIP_MAGIC || head.subarray(0, 4).equals(OLE_MAGIC)) return readXlsx(filePath, send);
  return readCsvFile(await readFile(filePath), send);
}

function readCsvFile(bytes: Buffer, send: (rows: HrRows) => void): HrFile {
  const { rows } = readCsv(bytes, {
    // Rows beyond the limit are not read: the file is refused for its size either way.
    maxRecords: MAX_ROWS + 2,
    notUtf8Message: pm.importNotUtf8(),
    binaryMessage: pm.importNotAFile(),
  });
  const data = rows.slice(1).filter((r) => r.some((c) => c.trim()));
  if (data.length > MAX_ROWS) throw tooManyRows();
  if (rows.some((r) => r.length > MAX_COLUMNS && r.slice(MAX_COLUMNS).some((c) => c.trim()))) throw tooManyColumns();
  const out = batcher(send);
  rows.forEach((cells, i) => {
    if (cells.some((c) => c.trim())) out.add(i + 1, cells, []);
  });
  out.flush();
  return { fileType: 'csv' };
}

async function readXlsx(filePath: string, send: (rows: HrRows) => void): Promise<HrFile> {
  await inspectXlsx(filePath);
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const out = batcher(send);
  let sheets = 0;
  let overflow: UploadRejectedError | null = null;
  let dataRows = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      // Every sheet is read to its end (ExcelJS's zip stream must be drained); only the first counts: the template's
      // second sheet is its instructions.
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (sheets > 1 || overflow) continue;
        const cells: string[] = [];
        const formulas: number[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const value = cell.value;
          const text = cellText(value);
          if (column > MAX_COLUMNS) {
            if (text.trim()) overflow = tooManyColumns();
            return;
          }
          if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
            formulas.push(column - 1);
          }
          cells[column - 1] = text;
        });
        if (!cells.some((c) => c?.trim())) continue;
        if (row.number > 1 && ++dataRows > MAX_ROWS) {
          overflow = tooManyRows();
          continue;
        }
        out.add(
          row.number,
          Array.from(cells, (c) => c ?? ''),
          formulas,
        );
      }
    }
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error;
    throw new UploadRejectedError('corrupt');
  }
  if (overflow) throw overflow;
  out.flush();
  return { fileType: 'xlsx' };
}

/** A cell's value as text: numbers as typed, a date as its ISO day, a formula by its result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return '';
}
