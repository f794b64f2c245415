// Runs in a worker thread (platform/server/worker-pool.ts): reads an uploaded workbook off the request thread.
// A refused file comes back as a value, because an error's class does not survive the trip between threads.
import { UploadRejectedError, type UploadRejection } from '../../platform/server/upload-guard.ts';
import { type ParseInput, type ParseResult, parseWorkbook } from './staffing-excel.ts';

export type ParseTask = { filePath: string; input: ParseInput };
export type ParseOutcome = ParseResult | { ok: 'refused'; reason: UploadRejection; message: string };

export default async function parse(task: ParseTask): Promise<ParseOutcome> {
  try {
    return await parseWorkbook(task.filePath, task.input);
  } catch (error) {
    if (error instanceof UploadRejectedError) return { ok: 'refused', reason: error.reason, message: error.message };
    throw error;
  }
}
