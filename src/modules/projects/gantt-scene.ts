// The Gantt chart of plan against reality as a scene of plain shapes, shared by the web page (drawn as React SVG
// elements, with editing on top) and the final report (written out as an SVG file): per row two bars — the plan
// (with the baseline as a thin line when the plan has moved) and what really happened —, a today line, milestones as
// diamonds, and the status by pattern and text as well as colour.

import { addDays, daysBetween, maxDate, toDay } from './project-dates.ts';
import type { ActivityKind, ActivityStatus } from './projects.contracts.ts';

export type GanttZoom = 'month' | 'quarter';
export type DisplayStatus = 'done' | 'ongoing' | 'not_started' | 'late' | 'cancelled';

export type GanttRow = {
  id: string;
  kind: ActivityKind;
  name: string;
  plannedStart: string;
  plannedEnd: string;
  baselineStart: string | null;
  baselineEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  status: ActivityStatus;
  late: boolean;
  deviationDays: number | null;
};

export type GanttTexts = {
  today: string;
  plan: string;
  actual: string;
  baseline: string;
  status: Record<DisplayStatus, string>;
  /** "14 d sen", "3 d tidig" */
  deviation: (days: number) => string;
  month: (date: string) => string;
  quarter: (date: string) => string;
  title: string;
};

export type Shape =
  | {
      t: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string;
      stroke?: string;
      rowId?: string;
      bar?: 'plan' | 'actual';
      title?: string;
    }
  | {
      t: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      width?: number;
      dash?: string;
      title?: string;
    }
  | {
      t: 'text';
      x: number;
      y: number;
      text: string;
      size?: number;
      weight?: 'bold' | 'normal';
      anchor?: 'start' | 'middle' | 'end';
      fill?: string;
    }
  | { t: 'path'; d: string; fill: string; stroke?: string; rowId?: string; bar?: 'plan' | 'actual'; title?: string };

export type GanttScene = {
  width: number;
  height: number;
  labelWidth: number;
  rowHeight: number;
  headerHeight: number;
  /** Day number (UTC days since 1970) of the chart's first day, and pixels per day. */
  firstDay: number;
  pxPerDay: number;
  shapes: Shape[];
  /** Each row's vertical position, for focus outlines and hit tests. */
  rowTop: Map<string, number>;
};

export const PX_PER_DAY: Record<GanttZoom, number> = { month: 3, quarter: 1.1 };
const ROW = 30;
const HEADER = 44;
const LABEL = 280;
const STATUS_COLUMN = 150;

/** Colours with at least 3:1 against white; the pattern and the status text say the same without colour. */
export const STATUS_COLOUR: Record<DisplayStatus, string> = {
  done: '#2b8a3e',
  ongoing: '#1864ab',
  not_started: '#5c636a',
  late: '#c92a2a',
  cancelled: '#5c636a',
};
export const STATUS_PATTERN: Record<DisplayStatus, string> = {
  done: 'url(#gantt-solid-done)',
  ongoing: 'url(#gantt-stripes)',
  not_started: 'url(#gantt-dots)',
  late: 'url(#gantt-cross)',
  cancelled: 'url(#gantt-horizontal)',
};

export function displayStatus(row: Pick<GanttRow, 'status' | 'late'>): DisplayStatus {
  if (row.status === 'cancelled' || row.status === 'done') return row.status;
  return row.late ? 'late' : row.status;
}

/** The patterns, as SVG markup (the report writes it; the web page renders the same markup). */
export const GANTT_DEFS = [
  `<pattern id="gantt-solid-done" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${STATUS_COLOUR.done}"/></pattern>`,
  `<pattern id="gantt-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#d0ebff"/><rect width="3" height="6" fill="${STATUS_COLOUR.ongoing}"/></pattern>`,
  `<pattern id="gantt-dots" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.3" fill="${STATUS_COLOUR.not_started}"/></pattern>`,
  `<pattern id="gantt-cross" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffe3e3"/><path d="M0 0L6 6M6 0L0 6" stroke="${STATUS_COLOUR.late}" stroke-width="1.4"/></pattern>`,
  `<pattern id="gantt-horizontal" width="6" height="4" patternUnits="userSpaceOnUse"><rect width="6" height="4" fill="#f1f3f5"/><rect width="6" height="1.5" fill="${STATUS_COLOUR.cancelled}"/></pattern>`,
  '<pattern id="gantt-plan" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#e9ecef"/></pattern>',
].join('');

function rangeOf(rows: readonly GanttRow[], start: string, end: string, today: string) {
  let lo = start;
  let hi = end;
  for (const r of rows) {
    for (const d of [r.plannedStart, r.baselineStart, r.actualStart]) if (d && d < lo) lo = d;
    for (const d of [r.plannedEnd, r.baselineEnd, r.actualEnd]) if (d && d > hi) hi = d;
  }
  if (today >= lo && addDays(today, -62) <= hi && today > hi) hi = today;
  // Whole months on both sides.
  const first = `${lo.slice(0, 7)}-01`;
  const [y, m] = hi.slice(0, 7).split('-').map(Number) as [number, number];
  const lastMonthStart = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(lastMonthStart, -1) };
}

function monthStarts(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const iso = `${y}-${String(m).padStart(2, '0')}-01`;
    if (iso > last) break;
    out.push(iso);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function ganttScene(
  rows: readonly GanttRow[],
  opts: { startDate: string; endDate: string; today: string; zoom: GanttZoom; texts: GanttTexts },
): GanttScene {
  const { texts } = opts;
  const pxPerDay = PX_PER_DAY[opts.zoom];
  const { first, last } = rangeOf(rows, opts.startDate, opts.endDate, opts.today);
  const firstDay = toDay(first);
  const chartWidth = (daysBetween(first, last) + 1) * pxPerDay;
  const width = Math.ceil(LABEL + chartWidth + STATUS_COLUMN);
  const height = HEADER + rows.length * ROW + 8;
  const x = (iso: string) => LABEL + (toDay(iso) - firstDay) * pxPerDay;
  const xEnd = (iso: string) => x(iso) + pxPerDay;
  const shapes: Shape[] = [];
  const rowTop = new Map<string, number>();

  // The time axis: months, or quarters, with lines across the chart.
  const starts = monthStarts(first, last);
  const ticks = opts.zoom === 'month' ? starts : starts.filter((d) => ['01', '04', '07', '10'].includes(d.slice(5, 7)));
  for (const d of ticks) {
    shapes.push({ t: 'line', x1: x(d), y1: HEADER - 6, x2: x(d), y2: height, stroke: '#dee2e6' });
    shapes.push({
      t: 'text',
      x: x(d) + 3,
      y: HEADER - 14,
      text: opts.zoom === 'month' ? texts.month(d) : texts.quarter(d),
      size: 11,
    });
  }
  shapes.push({ t: 'text', x: 8, y: HEADER - 14, text: texts.title, size: 12, weight: 'bold' });
  shapes.push({ t: 'line', x1: 0, y1: HEADER - 2, x2: width, y2: HEADER - 2, stroke: '#868e96' });

  rows.forEach((r, i) => {
    const top = HEADER + i * ROW;
    rowTop.set(r.id, top);
    if (i % 2 === 1) shapes.push({ t: 'rect', x: 0, y: top, w: width, h: ROW, fill: '#f8f9fa' });
    const indent = r.kind === 'phase' ? 8 : 22;
    const label = r.name.length > 40 ? `${r.name.slice(0, 39)}…` : r.name;
    shapes.push({
      t: 'text',
      x: indent,
      y: top + 19,
      text: label,
      size: 12,
      weight: r.kind === 'phase' ? 'bold' : 'normal',
    });
    const status = displayStatus(r);
    const colour = STATUS_COLOUR[status];
    const stateText =
      r.deviationDays !== null && r.deviationDays !== 0 && r.kind !== 'phase'
        ? `${texts.status[status]} · ${texts.deviation(r.deviationDays)}`
        : texts.status[status];
    if (r.kind === 'milestone') {
      const cx = x(r.plannedStart) + pxPerDay / 2;
      const cy = top + 9;
      shapes.push({
        t: 'path',
        d: `M${cx} ${cy - 7}L${cx + 7} ${cy}L${cx} ${cy + 7}L${cx - 7} ${cy}Z`,
        fill: '#ffffff',
        stroke: '#343a40',
        rowId: r.id,
        bar: 'plan',
        title: `${texts.plan}: ${r.plannedStart}`,
      });
      if (r.actualStart) {
        const ax = x(r.actualStart) + pxPerDay / 2;
        const ay = top + 21;
        shapes.push({
          t: 'path',
          d: `M${ax} ${ay - 7}L${ax + 7} ${ay}L${ax} ${ay + 7}L${ax - 7} ${ay}Z`,
          fill: STATUS_PATTERN[status],
          stroke: colour,
          rowId: r.id,
          bar: 'actual',
          title: `${texts.actual}: ${r.actualStart}`,
        });
      }
    } else {
      const h = r.kind === 'phase' ? 9 : 10;
      shapes.push({
        t: 'rect',
        x: x(r.plannedStart),
        y: top + 4,
        w: Math.max(2, xEnd(r.plannedEnd) - x(r.plannedStart)),
        h,
        fill: 'url(#gantt-plan)',
        stroke: '#343a40',
        rowId: r.id,
        bar: 'plan',
        title: `${texts.plan}: ${r.plannedStart} – ${r.plannedEnd}`,
      });
      if (r.baselineStart && r.baselineEnd && (r.baselineStart !== r.plannedStart || r.baselineEnd !== r.plannedEnd)) {
        shapes.push({
          t: 'line',
          x1: x(r.baselineStart),
          y1: top + 2,
          x2: xEnd(r.baselineEnd),
          y2: top + 2,
          stroke: '#343a40',
          width: 1.5,
          dash: '3 2',
          title: `${texts.baseline}: ${r.baselineStart} – ${r.baselineEnd}`,
        });
      }
      if (r.actualStart) {
        const end = r.actualEnd ?? maxDate(opts.today, r.actualStart);
        shapes.push({
          t: 'rect',
          x: x(r.actualStart),
          y: top + 15,
          w: Math.max(2, xEnd(end) - x(r.actualStart)),
          h: h + 1,
          fill: STATUS_PATTERN[status],
          stroke: colour,
          rowId: r.id,
          bar: 'actual',
          title: `${texts.actual}: ${r.actualStart} – ${r.actualEnd ?? '…'}`,
        });
      }
    }
    shapes.push({
      t: 'text',
      x: LABEL + chartWidth + 6,
      y: top + 19,
      text: stateText,
      size: 11,
      fill: status === 'late' ? STATUS_COLOUR.late : '#212529',
      weight: status === 'late' ? 'bold' : 'normal',
    });
  });

  if (opts.today >= first && opts.today <= last) {
    const tx = x(opts.today);
    shapes.push({ t: 'line', x1: tx, y1: HEADER - 6, x2: tx, y2: height, stroke: '#e03131', width: 2, dash: '6 3' });
    shapes.push({
      t: 'text',
      x: tx + 3,
      y: HEADER - 2 - 1,
      text: texts.today,
      size: 10,
      weight: 'bold',
      fill: '#c92a2a',
    });
  }
  return { width, height, labelWidth: LABEL, rowHeight: ROW, headerHeight: HEADER, firstDay, pxPerDay, shapes, rowTop };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The scene as a standalone SVG document (for the report and the server's download). */
export function ganttSvg(scene: GanttScene, opts: { title: string; description: string }): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" role="img" aria-labelledby="gantt-title gantt-desc" font-family="Arial, Helvetica, sans-serif">`,
    `<title id="gantt-title">${esc(opts.title)}</title><desc id="gantt-desc">${esc(opts.description)}</desc>`,
    `<defs>${GANTT_DEFS}</defs><rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  for (const s of scene.shapes) {
    const title = 'title' in s && s.title ? `<title>${esc(s.title)}</title>` : '';
    if (s.t === 'rect') {
      parts.push(
        `<rect x="${s.x.toFixed(1)}" y="${s.y}" width="${s.w.toFixed(1)}" height="${s.h}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}"` : ''}>${title}</rect>`,
      );
    } else if (s.t === 'line') {
      parts.push(
        `<line x1="${s.x1.toFixed(1)}" y1="${s.y1}" x2="${s.x2.toFixed(1)}" y2="${s.y2}" stroke="${s.stroke}" stroke-width="${s.width ?? 1}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}>${title}</line>`,
      );
    } else if (s.t === 'path') {
      parts.push(`<path d="${s.d}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}"` : ''}>${title}</path>`);
    } else {
      parts.push(
        `<text x="${s.x.toFixed(1)}" y="${s.y}" font-size="${s.size ?? 12}"${s.weight === 'bold' ? ' font-weight="bold"' : ''}${s.anchor ? ` text-anchor="${s.anchor}"` : ''} fill="${s.fill ?? '#212529'}">${esc(s.text)}</text>`,
      );
    }
  }
  parts.push('</svg>');
  return parts.join('');
}
