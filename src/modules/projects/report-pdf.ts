// The final report as an accessible PDF (PDF/UA-1) through the platform's document pipeline: the report model's
// chapters become the document's sections — the leader's text, the generated paragraphs, the Gantt figure with its
// alternative text, and the tables with header rows.
import type { DocumentBlock, DocumentModel } from '../../platform/server/documents/document-model.ts';
import { renderDocumentPdf } from '../../platform/server/documents/document-pdf.ts';
import type { ReportModel } from './projects.contracts.ts';

export function reportDocument(model: ReportModel, locale: 'sv' | 'en'): DocumentModel {
  const sv = locale === 'sv';
  return {
    title: model.title,
    subtitle: model.subtitle,
    language: locale,
    subject: sv ? 'Slutrapport' : 'Final report',
    keywords: [sv ? 'slutrapport' : 'final report', sv ? 'projekt' : 'project'],
    runningHeader: model.title,
    ...(model.demo ? { watermark: sv ? 'DEMODATA' : 'DEMO DATA' } : {}),
    cover: [
      { kind: 'facts', items: [{ label: sv ? 'Skapad' : 'Generated', value: model.generatedOn }] },
      ...(model.demo
        ? [
            {
              kind: 'callout' as const,
              text: sv ? 'Rapporten bygger på påhittade demodata.' : 'The report is built on invented demo data.',
            },
          ]
        : []),
    ],
    contents: true,
    sections: model.chapters.map((c) => {
      const blocks: DocumentBlock[] = [];
      for (const para of c.text.split(/\n{2,}/).filter((x) => x.trim())) blocks.push({ kind: 'paragraph', text: para });
      for (const para of c.paragraphs.filter(Boolean)) blocks.push({ kind: 'paragraph', text: para, style: 'note' });
      if (c.figure) {
        blocks.push({
          kind: 'figure',
          svg: c.figure.svg,
          alt: c.figure.alt,
          caption: c.figure.caption,
          widthPercent: 100,
        });
      }
      for (const t of c.tables) {
        if (t.rows.length === 0) continue;
        blocks.push({
          kind: 'table',
          caption: t.caption,
          columns: t.columns.map((label) => ({ label })),
          rows: t.rows.map((cells) => ({ cells, emphasis: cells[0] === (sv ? 'Totalt' : 'Total') })),
          small: t.columns.length > 5,
        });
      }
      if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: '–' });
      return {
        title: `${c.number}. ${c.title}`,
        blocks,
        orientation: c.key === 'plan' || c.key === 'cofinancing' ? ('landscape' as const) : ('portrait' as const),
      };
    }),
  };
}

export async function reportPdf(model: ReportModel, locale: 'sv' | 'en'): Promise<Buffer> {
  return (await renderDocumentPdf(reportDocument(model, locale))).pdf;
}
