// Runs in a worker thread (platform/server/worker-pool.ts): lays the annual follow-up out as an accessible PDF off the
// thread that answers requests. The model crosses as plain data; the file comes back as bytes.
import { followUpPdfBytes } from './follow-up-pdf.ts';
import type { FollowUpDto } from './training-plan.contracts.ts';

export type FollowUpTask = { model: FollowUpDto; locale: 'sv' | 'en'; chart: string };

export default async function render(task: FollowUpTask): Promise<Uint8Array> {
  return followUpPdfBytes(task);
}
