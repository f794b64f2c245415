// The pool of threads that read uploaded staffing workbooks, and the one call the import makes of it.
import { UploadRejectedError } from '../../platform/server/upload-guard.ts';
import { createWorkerPool, type WorkerPool } from '../../platform/server/worker-pool.ts';
import type { ParseInput, ParseResult } from './staffing-excel.ts';
import type { ParseOutcome, ParseTask } from './staffing-excel.worker.ts';

export type WorkbookReader = WorkerPool<ParseTask, ParseOutcome>;

export function createWorkbookReader(): WorkbookReader {
  return createWorkerPool<ParseTask, ParseOutcome>(new URL('./staffing-excel.worker.ts', import.meta.url));
}

/** Reads the workbook in a worker thread; a refused file throws UploadRejectedError here, as in the thread. */
export async function readWorkbook(reader: WorkbookReader, filePath: string, input: ParseInput): Promise<ParseResult> {
  const outcome = await reader.run({ filePath, input });
  if (outcome.ok === 'refused') throw new UploadRejectedError(outcome.reason, outcome.message);
  return outcome;
}
