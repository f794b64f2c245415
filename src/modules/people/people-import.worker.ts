// Runs in a worker thread (platform/server/worker-pool.ts): reads an uploaded HR file (CSV or XLSX) into rows of text
// off the request thread, sending them back in batches as they are read (the import checks each batch meanwhile). A
// refused file comes back as a value: an error's class does not survive the trip.
import { refusalOf, type UploadRefusal, UploadRejectedError } from '../../platform/server/upload-guard.ts';
import { streamingTask } from '../../platform/server/worker-pool.ts';
import { type HrFile, type HrRows, readHrFile } from './people-file.ts';

export type ReadTask = { filePath: string };
export type ReadOutcome = ({ ok: true } & HrFile) | UploadRefusal;
export type { HrRows };

export default streamingTask<ReadTask, HrRows, ReadOutcome>(async (task, send) => {
  try {
    return { ok: true, ...(await readHrFile(task.filePath, send)) };
  } catch (error) {
    if (error instanceof UploadRejectedError) return refusalOf(error);
    throw error;
  }
});
