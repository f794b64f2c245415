// Building blocks of the region report's PDF (region-report-pdf.ts): paragraphs, headings, tables of municipalities
// and the words a screen reader reads for a chart.
import type { DocumentBlock, TableColumn, TableRow } from '../../../platform/server/documents/document-model.ts';
import type { MeasureKind } from '../staffing-measures.ts';
import { formatCell } from './region-report-format.ts';
import { REGION_TOTAL_LABEL, type ReportCell, type ReportTable } from './region-report-model.ts';

export type Unit = MeasureKind | 'percent' | 'number';

export const note = (text: string): DocumentBlock => ({ kind: 'paragraph', text, style: 'note' });
export const lead = (text: string): DocumentBlock => ({ kind: 'paragraph', text, style: 'lead' });
export const h2 = (text: string): DocumentBlock => ({ kind: 'heading', level: 2, text });

/** A table of municipalities (rows) with the region's total and any extra rows (the median). */
export function dataTable(
  caption: string,
  table: ReportTable,
  unitOf: (column: number) => Unit,
  opts: { extraRows?: { name: string; values: ReportCell[] }[]; note?: string; first?: string; small?: boolean } = {},
): DocumentBlock {
  const columns: TableColumn[] = [
    { label: opts.first ?? 'Kommun', width: 1 },
    ...table.columns.map((c) => ({ label: c.label, align: 'right' as const })),
  ];
  const row = (name: string, values: ReportCell[], emphasis = false): TableRow => ({
    cells: [name, ...values.map((v, i) => formatCell(v, unitOf(i)))],
    ...(emphasis ? { emphasis } : {}),
  });
  return {
    kind: 'table',
    caption,
    columns,
    rows: [
      ...table.rows.map((r) => row(r.name, r.values)),
      row(REGION_TOTAL_LABEL, table.total, true),
      ...(opts.extraRows ?? []).map((r) => row(r.name, r.values, true)),
    ],
    ...(opts.note ? { note: opts.note } : {}),
    ...(opts.small ? { small: true } : {}),
  };
}

export function textTable(
  caption: string,
  headers: string[],
  rows: string[][],
  opts: { lastEmphasis?: boolean; note?: string; textColumns?: number } = {},
): DocumentBlock {
  const textColumns = opts.textColumns ?? 1;
  return {
    kind: 'table',
    caption,
    columns: headers.map((label, i) => (i < textColumns ? { label, width: 1 } : { label, align: 'right' as const })),
    rows: rows.map((cells, i) => ({
      cells,
      ...(opts.lastEmphasis && i === rows.length - 1 ? { emphasis: true } : {}),
    })),
    ...(opts.note ? { note: opts.note } : {}),
  };
}

/** The words a screen reader reads for a bar chart of municipalities: the extremes and the region's value. */
export function ratioChartAlt(
  label: string,
  rows: { name: string; value: ReportCell }[],
  total: ReportCell,
  unit: Unit,
) {
  const shown = rows.filter((r): r is { name: string; value: number } => typeof r.value === 'number');
  const sorted = [...shown].sort((a, b) => b.value - a.value);
  const high = sorted[0];
  const low = sorted[sorted.length - 1];
  const hidden = rows.length - shown.length;
  return (
    `Stapeldiagram: ${label} per kommun. ` +
    (high && low
      ? `Högst ${high.name} (${formatCell(high.value, unit)}), lägst ${low.name} (${formatCell(low.value, unit)}). `
      : 'Inga värden kan visas. ') +
    `Regionen totalt ${formatCell(total, unit)}.` +
    (hidden > 0 ? ` ${hidden} kommuner utan visat värde.` : '') +
    ' Alla värden finns i tabellen.'
  );
}
