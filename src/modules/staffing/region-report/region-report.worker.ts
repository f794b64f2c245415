// Runs in a worker thread (platform/server/worker-pool.ts, decision 007): lays the region report out as PDF or XLSX
// off the thread that answers requests. The model crosses as plain data; the file comes back as bytes.
import type { RegionReportModel } from './region-report-model.ts';
import { renderRegionReportPdf } from './region-report-pdf.ts';
import { renderRegionReportXlsx } from './region-report-xlsx.ts';

export type RenderTask = { kind: 'pdf' | 'xlsx'; model: RegionReportModel };
export type RenderResult = { bytes: Uint8Array; pageCount: number | null };

export default async function render(task: RenderTask): Promise<RenderResult> {
  if (task.kind === 'pdf') {
    const { pdf, pageCount } = await renderRegionReportPdf(task.model);
    return { bytes: pdf, pageCount };
  }
  return { bytes: await renderRegionReportXlsx(task.model), pageCount: null };
}
