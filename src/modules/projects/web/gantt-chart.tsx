// The Gantt chart of plan against reality, drawn by hand as SVG from the shared scene (gantt-scene.ts): two bars per
// row, a today line, milestones, status by pattern and text as well as colour. Editable with the keyboard (one tab
// stop; arrows choose a row and move a date; Enter saves with a reason) and the mouse (drag a bar's end, or click a
// bar); every move is announced in words. Exports the drawing as SVG and PNG.
import { Button, Group, Stack, Text } from '@mantine/core';
import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DisplayStatus,
  displayStatus,
  GANTT_DEFS,
  type GanttRow,
  type GanttZoom,
  ganttScene,
  type Shape,
  STATUS_COLOUR,
  STATUS_PATTERN,
} from '../gantt-scene.ts';
import { formatDate, ganttTexts } from '../gantt-texts.ts';
import { addDays, maxDate } from '../project-dates.ts';
import type { ActivityDto } from '../projects.contracts.ts';
import { useProjectsT } from './projects-t.ts';

export type Bar = 'plan' | 'actual';
export type DateChange = { activity: ActivityDto; bar: Bar; start: string; end: string };

type GanttChartProps = {
  rows: ActivityDto[];
  startDate: string;
  endDate: string;
  today: string;
  zoom: GanttZoom;
  canEdit: boolean;
  fileName: string;
  /** A change to save (the parent asks for the reason); also called with unchanged dates to open the dialog. */
  onCommit: (change: DateChange) => void;
};

/** The bar's dates, or for a reality not yet begun the plan's (the first move starts it). */
function datesOf(a: ActivityDto, bar: Bar): { start: string; end: string } {
  if (bar === 'plan') return { start: a.plannedStart, end: a.plannedEnd };
  const start = a.actualStart ?? a.plannedStart;
  return { start, end: a.actualEnd ?? (a.kind === 'milestone' ? start : a.plannedEnd) };
}

function shapeElement(s: Shape, i: number) {
  const title = 'title' in s && s.title ? <title>{s.title}</title> : null;
  const data = 'rowId' in s && s.rowId ? { 'data-row': s.rowId, 'data-bar': s.bar } : {};
  if (s.t === 'rect')
    return (
      <rect key={i} x={s.x} y={s.y} width={s.w} height={s.h} fill={s.fill} stroke={s.stroke} {...data}>
        {title}
      </rect>
    );
  if (s.t === 'line')
    return (
      <line
        key={i}
        x1={s.x1}
        y1={s.y1}
        x2={s.x2}
        y2={s.y2}
        stroke={s.stroke}
        strokeWidth={s.width ?? 1}
        strokeDasharray={s.dash}
      >
        {title}
      </line>
    );
  if (s.t === 'path')
    return (
      <path key={i} d={s.d} fill={s.fill} stroke={s.stroke} {...data}>
        {title}
      </path>
    );
  return (
    <text
      key={i}
      x={s.x}
      y={s.y}
      fontSize={s.size ?? 12}
      fontWeight={s.weight}
      textAnchor={s.anchor}
      fill={s.fill ?? '#212529'}
    >
      {s.text}
    </text>
  );
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function GanttChart({ rows, startDate, endDate, today, zoom, canEdit, fileName, onCommit }: GanttChartProps) {
  const pt = useProjectsT();
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'sv';
  const texts = useMemo(() => ganttTexts(locale), [locale]);
  const [selected, setSelected] = useState(0);
  const [bar, setBar] = useState<Bar>('actual');
  const [pending, setPending] = useState<{ start: string; end: string } | null>(null);
  const [focused, setFocused] = useState(false);
  const drag = useRef<{ x: number; index: number; bar: Bar; edge: 'end' | 'move'; moved: boolean } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const current = rows[selected];

  // The drawn rows, with the pending move applied to the selected one.
  const drawn: GanttRow[] = useMemo(() => {
    if (!pending || !current) return rows;
    return rows.map((r) =>
      r.id !== current.id
        ? r
        : bar === 'plan'
          ? { ...r, plannedStart: pending.start, plannedEnd: pending.end }
          : { ...r, actualStart: pending.start, actualEnd: pending.end },
    );
  }, [rows, pending, current, bar]);
  const scene = useMemo(
    () => ganttScene(drawn, { startDate, endDate, today, zoom, texts }),
    [drawn, startDate, endDate, today, zoom, texts],
  );

  // Keep the chosen row in view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !current) return;
    const top = scene.rowTop.get(current.id) ?? 0;
    if (top < el.scrollTop + scene.headerHeight) el.scrollTop = Math.max(0, top - scene.headerHeight);
    else if (top + scene.rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + scene.rowHeight - el.clientHeight;
  }, [current, scene]);

  const barName = (b: Bar) => (b === 'plan' ? pt('plan.planned') : pt('plan.actual'));
  const announce = (() => {
    if (!current) return '';
    const d = pending ?? datesOf(current, bar);
    if (pending)
      return pt('plan.pending', {
        bar: barName(bar).toLowerCase(),
        start: formatDate(d.start, locale),
        end: formatDate(d.end, locale),
      });
    return `${pt('plan.selected', {
      name: current.name,
      bar: barName(bar).toLowerCase(),
      start: formatDate(bar === 'actual' ? current.actualStart : d.start, locale),
      end: formatDate(bar === 'actual' ? current.actualEnd : d.end, locale),
    })} · ${texts.status[displayStatus(current)]}`;
  })();

  const move = (days: number, which: 'start' | 'end') => {
    if (!current || !canEdit || current.kind === 'phase') return;
    const base = pending ?? datesOf(current, bar);
    let next =
      which === 'start'
        ? { start: addDays(base.start, days), end: base.end }
        : { start: base.start, end: addDays(base.end, days) };
    if (current.kind === 'milestone') next = { start: addDays(base.start, days), end: addDays(base.start, days) };
    if (next.end < next.start)
      next = which === 'start' ? { start: next.end, end: next.end } : { start: next.start, end: next.start };
    setPending(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!current) return;
    const step = e.shiftKey ? 7 : 1;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        setPending(null);
        setSelected((i) => Math.min(rows.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1))));
        return;
      }
      case 'Home':
      case 'End':
        e.preventDefault();
        setPending(null);
        setSelected(e.key === 'Home' ? 0 : rows.length - 1);
        return;
      case 'ArrowRight':
      case 'ArrowLeft':
        e.preventDefault();
        move(e.key === 'ArrowRight' ? step : -step, e.altKey ? 'start' : 'end');
        return;
      case 'b':
      case 'B':
        e.preventDefault();
        setPending(null);
        setBar((b) => (b === 'plan' ? 'actual' : 'plan'));
        return;
      case 'Enter':
        if (!canEdit || current.kind === 'phase') return;
        e.preventDefault();
        onCommit({ activity: current, bar, ...(pending ?? datesOf(current, bar)) });
        setPending(null);
        return;
      case 'Escape':
        if (pending) {
          e.preventDefault();
          setPending(null);
        }
        return;
    }
  };

  const hit = (e: PointerEvent) => {
    const target = e.target as Element;
    const rowId = target.getAttribute('data-row');
    const b = target.getAttribute('data-bar') as Bar | null;
    if (!rowId || !b) return null;
    const index = rows.findIndex((r) => r.id === rowId);
    return index < 0 ? null : { index, bar: b, target };
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    const h = hit(e);
    if (!h) return;
    setSelected(h.index);
    setBar(h.bar);
    setPending(null);
    const box = h.target.getBoundingClientRect();
    drag.current = {
      x: e.clientX,
      index: h.index,
      bar: h.bar,
      edge: box.right - e.clientX < 10 ? 'end' : 'move',
      moved: false,
    };
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || !canEdit) return;
    const row = rows[d.index];
    if (!row || row.kind === 'phase') return;
    const days = Math.round((e.clientX - d.x) / scene.pxPerDay);
    if (days === 0 && !d.moved) return;
    d.moved = true;
    const base = datesOf(row, d.bar);
    setPending(
      d.edge === 'end' && row.kind !== 'milestone'
        ? { start: base.start, end: maxDate(addDays(base.end, days), base.start) }
        : { start: addDays(base.start, days), end: addDays(base.end, days) },
    );
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (!d || !canEdit) return;
    const row = rows[d.index];
    if (!row || row.kind === 'phase') return;
    const dates = pending ?? datesOf(row, d.bar);
    onCommit({ activity: row, bar: d.bar, ...dates });
    setPending(null);
  };

  const exportSvg = () => {
    const svg = svgRef.current;
    if (!svg) return;
    download(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };
  const exportPng = () => {
    const svg = svgRef.current;
    if (!svg) return;
    const url = URL.createObjectURL(
      new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml;charset=utf-8' }),
    );
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = scene.width * 2;
      canvas.height = scene.height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.scale(2, 2);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, scene.width, scene.height);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => blob && download(blob, `${fileName}.png`), 'image/png');
    };
    img.src = url;
  };

  const top = current ? (scene.rowTop.get(current.id) ?? 0) : 0;
  return (
    <Stack gap="xs">
      <Text size="sm" id="gantt-instructions">
        {pt('plan.instructions')}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={exportSvg}>
          {pt('plan.exportSvg')}
        </Button>
        <Button variant="default" size="xs" onClick={exportPng}>
          {pt('plan.exportPng')}
        </Button>
      </Group>
      {/* One tab stop for the whole chart: the arrows move inside it (an application, as the instructions say). */}
      <div
        ref={scroller}
        role="application"
        aria-label={pt('plan.chartLabel')}
        aria-describedby="gantt-instructions gantt-status"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is operated with the keyboard as one widget
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        data-testid="gantt"
        style={{
          overflow: 'auto',
          maxHeight: '70vh',
          border: '1px solid #adb5bd',
          borderRadius: 4,
          outline: focused ? '3px solid #1c7ed6' : undefined,
          outlineOffset: 2,
        }}
      >
        <svg
          ref={svgRef}
          xmlns="http://www.w3.org/2000/svg"
          width={scene.width}
          height={scene.height}
          viewBox={`0 0 ${scene.width} ${scene.height}`}
          aria-hidden="true"
          fontFamily="Arial, Helvetica, sans-serif"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          style={{ display: 'block', touchAction: 'pan-y', cursor: canEdit ? 'pointer' : 'default' }}
        >
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constant pattern markup shared with the report */}
          <defs dangerouslySetInnerHTML={{ __html: GANTT_DEFS }} />
          <rect width="100%" height="100%" fill="#ffffff" />
          {scene.shapes.map(shapeElement)}
          {current ? (
            <rect
              x={1}
              y={top + 1}
              width={scene.width - 2}
              height={scene.rowHeight - 2}
              fill="none"
              stroke="#1c7ed6"
              strokeWidth={2}
              strokeDasharray={bar === 'plan' ? '6 3' : undefined}
            />
          ) : null}
        </svg>
      </div>
      <Text size="sm" id="gantt-status" aria-live="polite" data-testid="gantt-status">
        {announce}
      </Text>
      <GanttLegend />
    </Stack>
  );
}

export function GanttLegend() {
  const pt = useProjectsT();
  const { i18n } = useTranslation();
  const texts = ganttTexts(i18n.resolvedLanguage === 'en' ? 'en' : 'sv');
  const statuses: DisplayStatus[] = ['done', 'ongoing', 'not_started', 'late', 'cancelled'];
  return (
    <Group gap="md" wrap="wrap" aria-label={pt('plan.legend')} role="group">
      <Text size="sm">{pt('plan.legendPlan')}</Text>
      <Text size="sm">{pt('plan.legendActual')}</Text>
      {statuses.map((s) => (
        <Group key={s} gap={4}>
          {/* The patterns are the chart's (defined once, in its drawing). */}
          <svg width="28" height="12" aria-hidden="true">
            <rect x="1" y="1" width="26" height="10" fill={STATUS_PATTERN[s]} stroke={STATUS_COLOUR[s]} />
          </svg>
          <Text size="sm">{texts.status[s]}</Text>
        </Group>
      ))}
    </Group>
  );
}
