// The pool of threads that read uploaded staffing workbooks, and the one call the import makes of it.
import { UploadRejectedError } from '../../../platform/server/upload-guard.ts';
import { createWorkerPool, type WorkerPool } from '../../../platform/server/worker-pool.ts';
import { address, type CellRef, cellOf, type ParseError, type ParseInput } from './staffing-excel.ts';
import type { ParseOutcome, ParseTask } from './staffing-excel.worker.ts';

export type WorkbookReader = WorkerPool<ParseTask, ParseOutcome>;

/** A read workbook: each municipality's new values by fact key, and where any value of theirs sits. */
export type ReadWorkbook =
  | {
      ok: true;
      municipalities: { id: string; professions: string[]; values: Map<string, number> }[];
      /** The cell of a municipality's fact key, when the file has a row for the key and a column for them. */
      cellOf(municipalityId: string, key: string): CellRef | undefined;
      /** The header cell of the municipality's column in the first sheet that has one. */
      headerOf(municipalityId: string): CellRef | undefined;
    }
  | { ok: false; errors: ParseError[] };

export function createWorkbookReader(): WorkbookReader {
  return createWorkerPool<ParseTask, ParseOutcome>(new URL('./staffing-excel.worker.ts', import.meta.url));
}

/** Reads the workbook in a worker thread; a refused file throws UploadRejectedError here, as in the thread. */
export async function readWorkbook(reader: WorkbookReader, filePath: string, input: ParseInput): Promise<ReadWorkbook> {
  const outcome = await reader.run({ filePath, input });
  if (outcome.ok === 'refused') throw new UploadRejectedError(outcome.reason, outcome.message);
  if (!outcome.ok) return outcome;
  const { keys, sheets } = outcome;
  return {
    ok: true,
    municipalities: outcome.municipalities.map((m) => {
      const values = new Map<string, number>();
      m.values.forEach((value, i) => {
        if (!Number.isNaN(value)) values.set(keys[i] ?? '', value);
      });
      return { id: m.id, professions: m.professions, values };
    }),
    cellOf: (municipalityId, key) => cellOf(sheets, municipalityId, key),
    headerOf(municipalityId) {
      const sheet = sheets.find((s) => s.columns[municipalityId] !== undefined);
      const column = sheet?.columns[municipalityId];
      return sheet && column !== undefined ? { sheet: sheet.sheet, cell: address(column, 1) } : undefined;
    },
  };
}
