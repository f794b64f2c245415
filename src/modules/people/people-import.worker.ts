// Runs in a worker thread (platform/server/worker-pool.ts): reads an uploaded HR file (CSV or XLSX) into rows of text
// off the request thread. A refused file comes back as a value: an error's class does not survive the trip.
import { refusalOf, type UploadRefusal, UploadRejectedError } from '../../platform/server/upload-guard.ts';
import { type HrFile, readHrFile } from './people-file.ts';

export type ReadTask = { filePath: string };
export type ReadOutcome = ({ ok: true } & HrFile) | UploadRefusal;

export default async function read(task: ReadTask): Promise<ReadOutcome> {
  try {
    return { ok: true, ...(await readHrFile(task.filePath)) };
  } catch (error) {
    if (error instanceof UploadRejectedError) return refusalOf(error);
    throw error;
  }
}
