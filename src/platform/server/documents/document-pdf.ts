// A DocumentModel as a tagged, accessible PDF (PDF/UA-1), compiled by Typst in this process
// (@myriaddreamin/typst-ts-node-compiler, decision 017). The template (document.typ) is fixed; the document goes in
// as JSON through sys.inputs, so no text of the caller is ever read as Typst. Fonts are the Roboto files bundled
// beside this file (Apache 2.0): no system font is looked for, so the PDF is the same on every machine.
// Compiling is synchronous CPU work (tens of milliseconds for a few pages, more for long tables): a caller that
// answers requests runs it in a worker thread (decision 007), as the region report does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { PROJECT_ROOT } from '../paths.ts';
import type { DocumentModel } from './document-model.ts';

// From the project root: the server and its workers also run as bundles (dist/server), elsewhere than these sources.
const HERE = path.join(PROJECT_ROOT, 'src/platform/server/documents');
export const DOCUMENT_FONT_FILES = [
  'Roboto-Regular.ttf',
  'Roboto-Medium.ttf',
  'Roboto-Italic.ttf',
  'Roboto-MediumItalic.ttf',
];

const LABELS = {
  sv: { page: 'Sida', of: 'av', contents: 'Innehåll' },
  en: { page: 'Page', of: 'of', contents: 'Contents' },
} as const;

let compiler: NodeCompiler | null = null;
let template: string | null = null;

/** One compiler per thread, made on first use (loading the fonts takes some 40 ms). */
async function documentCompiler(): Promise<{ compiler: NodeCompiler; template: string }> {
  if (!compiler || !template) {
    const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
    const fontBlobs = DOCUMENT_FONT_FILES.map((file) => readFileSync(path.join(HERE, 'fonts', file)));
    // The workspace is this folder: the template reads no file, and nothing else could be read outside it.
    compiler = NodeCompiler.create({ workspace: HERE, fontArgs: [{ fontBlobs }] });
    template = readFileSync(path.join(HERE, 'document.typ'), 'utf8');
  }
  return { compiler, template };
}

/** The JSON the template reads (exported for tests). */
export function documentInput(model: DocumentModel): string {
  const { createdAt: _createdAt, ...rest } = model;
  return JSON.stringify({
    ...rest,
    lang: model.language,
    author: model.author ?? 'Kompetensnav',
    labels: LABELS[model.language],
    cover: model.cover ?? [],
    sections: model.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => (b.kind === 'figure' ? { ...b, width: b.widthPercent ?? 100 } : b)),
    })),
  });
}

export class DocumentRenderError extends Error {}

export interface RenderedPdf {
  pdf: Buffer;
  pageCount: number;
}

/** Lays the document out and writes it as PDF/UA-1 (tagged, with its title, language and a PDF/UA identifier). */
export async function renderDocumentPdf(model: DocumentModel): Promise<RenderedPdf> {
  const { compiler, template } = await documentCompiler();
  const result = compiler.compile({ mainFileContent: template, inputs: { document: documentInput(model) } });
  const document = result.result;
  if (result.hasError() || !document) {
    const error = result.takeError();
    const details = error ? JSON.stringify(error.shortDiagnostics) : 'no diagnostics';
    throw new DocumentRenderError(`The document could not be laid out: ${details}`);
  }
  const created = model.createdAt ?? new Date();
  const pdf = compiler.pdf(document, {
    pdfStandard: 'ua-1',
    creationTimestamp: Math.floor(created.getTime() / 1000),
  });
  const pageCount = document.numOfPages;
  // Memoised layouts of old documents are not needed again; keep the thread's memory flat.
  compiler.evictCache(10);
  return { pdf, pageCount };
}
