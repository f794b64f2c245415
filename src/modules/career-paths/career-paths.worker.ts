// Runs in a worker thread (platform/server/worker-pool.ts, decision 007): lays the career path documents out as PDF
// off the thread that answers requests. The input crosses as plain data; the file comes back as bytes.
import { renderDocumentPdf } from '../../platform/server/documents/document-pdf.ts';
import { careerDocument, type MatrixDocumentInput } from './career-documents.ts';

export default async function render(task: MatrixDocumentInput): Promise<Uint8Array> {
  return (await renderDocumentPdf(careerDocument(task))).pdf;
}
