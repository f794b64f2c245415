// Runs in a worker thread (platform/server/worker-pool.ts, decision 007): lays the final report out as a PDF off the
// thread that answers requests. The model crosses as plain data; the file comes back as bytes.
import type { ReportModel } from './projects.contracts.ts';
import { reportPdf } from './report-pdf.ts';

export type ReportTask = { model: ReportModel; locale: 'sv' | 'en' };

export default async function render(task: ReportTask): Promise<Uint8Array> {
  return reportPdf(task.model, task.locale);
}
