// The region report as a tagged, accessible PDF (PDF/UA-1) through the platform's document pipeline (decision 017):
// this file turns the report's content (region-report-model.ts) into a DocumentModel — sections with headings,
// tables with header rows and captions, charts as SVG with alternative text — and the pipeline lays it out (A4, wide
// tables on landscape pages, page numbers, the region on every page, "DEMODATA" on every page of a demo).
// Runs in a worker thread (region-report.worker.ts).
// The sections are in region-report-pdf-sections.ts and region-report-pdf-forecast.ts, built from the blocks in
// region-report-pdf-blocks.ts.
import type {
  DocumentBlock,
  DocumentModel,
  DocumentSection,
} from '../../../platform/server/documents/document-model.ts';
import { renderDocumentPdf } from '../../../platform/server/documents/document-pdf.ts';
import { formatDateTime } from './region-report-format.ts';
import { METHOD_FORECAST, METHOD_STATISTICS } from './region-report-method.ts';
import type { RegionReportModel } from './region-report-model.ts';
import { h2 } from './region-report-pdf-blocks.ts';
import { forecastSections } from './region-report-pdf-forecast.ts';
import {
  breakdownSection,
  contextSection,
  cover,
  headlineSection,
  measuresSection,
  professionRatiosSection,
  ratioChartsSection,
  ratioSection,
  summarySection,
  trendSection,
} from './region-report-pdf-sections.ts';

export async function renderRegionReportPdf(model: RegionReportModel): Promise<{ pdf: Buffer; pageCount: number }> {
  return renderDocumentPdf(regionReportDocument(model));
}

/** The sections' titles, in order (the test checks each is in the PDF's structure and text). */
export function regionReportSectionTitles(model: RegionReportModel): string[] {
  return regionReportDocument(model).sections.map((s) => s.title);
}

export function regionReportDocument(model: RegionReportModel): DocumentModel {
  const title = `Regionrapport ${model.period.label}`;
  return {
    title: `${title} – ${model.regionName}`,
    subtitle: 'Bemanning i kommunal hälso- och sjukvård och äldreomsorg',
    language: 'sv',
    author: 'Kompetensnav',
    subject: 'Bemanning i kommunal hälso- och sjukvård och äldreomsorg',
    keywords: ['bemanning', 'kompetensförsörjning', 'äldreomsorg', model.regionName, model.period.label],
    runningHeader: `${title} · ${model.regionName}`,
    footerNote: `Skapad ${formatDateTime(model.generatedAt)} i Kompetensnav`,
    ...(model.demo ? { watermark: 'DEMODATA' } : {}),
    createdAt: new Date(model.generatedAt),
    contents: true,
    cover: cover(model),
    sections: [
      summarySection(model),
      ...(model.headline ? [headlineSection(model)] : []),
      professionRatiosSection(model),
      contextSection(model),
      measuresSection(model),
      ratioSection(model),
      ratioChartsSection(model),
      ...(model.breakdowns.length > 0 ? [breakdownSection(model)] : []),
      ...(model.trends ? [trendSection(model)] : []),
      ...(model.forecast ? forecastSections(model.forecast) : []),
      ...appendix(model),
    ],
  };
}

function appendix(model: RegionReportModel): DocumentSection[] {
  const paragraphs = (list: readonly { heading: string; text: string }[]): DocumentBlock[] =>
    list.flatMap((p) => [h2(p.heading), { kind: 'paragraph' as const, text: p.text }]);
  return [
    { title: 'Bilaga: Om statistiken', blocks: paragraphs(METHOD_STATISTICS(model.minCount)) },
    ...(model.forecast
      ? [{ title: 'Bilaga: Om prognosen', blocks: paragraphs(METHOD_FORECAST(model.forecast.retirementAge)) }]
      : []),
  ];
}
