// The region report's charts as SVG (Typst draws them, decision 017): key ratios per municipality against the region's value, and
// the forecast's yearly need. Text is escaped; suppressed and missing values are drawn as gaps with their sign.
import { formatCell, formatPersons, NO_VALUE, SUPPRESSED } from './region-report-format.ts';
import type { ReportCell } from './region-report-model.ts';

export const BAR = '#1c7ed6';
export const REFERENCE = '#c92a2a';
export const GREY = '#495057';
export const CONTENT_WIDTH = 515; // A4 (595 pt) less 40 pt margins

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Horizontal bars, one per municipality, with the region's total as a dashed line and each value written out. */
export function ratioChartSvg(
  rows: { name: string; value: ReportCell }[],
  total: ReportCell,
  unit: 'percent' | 'number',
): string {
  const width = CONTENT_WIDTH;
  const labelWidth = 96;
  const valueWidth = 44;
  const plotWidth = width - labelWidth - valueWidth;
  const n = Math.max(1, rows.length);
  const rowHeight = Math.min(14, 300 / n);
  const fontSize = Math.max(3, Math.min(8, rowHeight * 0.62));
  const top = 4;
  const plotHeight = n * rowHeight;
  const legend = 18;
  const height = top + plotHeight + legend;
  const numbers = [...rows.map((r) => r.value), total].filter((v): v is number => typeof v === 'number');
  const max = Math.max(...numbers, 0) || 1;
  const x = (v: number) => labelWidth + (Math.max(0, v) / max) * plotWidth;
  const parts: string[] = [
    `<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${top + plotHeight}" stroke="${GREY}" stroke-width="0.6"/>`,
  ];
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const mid = y + rowHeight / 2 + fontSize * 0.35;
    parts.push(
      `<text x="${labelWidth - 4}" y="${mid}" font-size="${fontSize}" text-anchor="end" fill="#212529">${escapeXml(r.name)}</text>`,
    );
    const text = formatCell(r.value, unit);
    if (typeof r.value === 'number') {
      const end = x(r.value);
      parts.push(
        `<rect x="${labelWidth}" y="${y + rowHeight * 0.15}" width="${Math.max(0.5, end - labelWidth)}" height="${rowHeight * 0.7}" fill="${BAR}"/>`,
        `<text x="${end + 3}" y="${mid}" font-size="${fontSize}" fill="#212529">${escapeXml(text)}</text>`,
      );
    } else {
      parts.push(
        `<text x="${labelWidth + 3}" y="${mid}" font-size="${fontSize}" fill="${GREY}">${escapeXml(text === SUPPRESSED ? `${SUPPRESSED} (dolt)` : `${NO_VALUE} (saknas)`)}</text>`,
      );
    }
  });
  if (typeof total === 'number') {
    const tx = x(total);
    parts.push(
      `<line x1="${tx}" y1="${top - 2}" x2="${tx}" y2="${top + plotHeight + 2}" stroke="${REFERENCE}" stroke-width="1.2" stroke-dasharray="4 2"/>`,
    );
  }
  const ly = top + plotHeight + 12;
  parts.push(
    `<rect x="${labelWidth}" y="${ly - 7}" width="12" height="8" fill="${BAR}"/>`,
    `<text x="${labelWidth + 16}" y="${ly}" font-size="7.5" fill="#212529">Kommun</text>`,
    `<line x1="${labelWidth + 70}" y1="${ly - 3}" x2="${labelWidth + 90}" y2="${ly - 3}" stroke="${REFERENCE}" stroke-width="1.2" stroke-dasharray="4 2"/>`,
    `<text x="${labelWidth + 94}" y="${ly}" font-size="7.5" fill="#212529">Regionen totalt (${escapeXml(formatCell(total, unit))})</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** Vertical bars of the yearly need (all professions), each labelled with its value; negative needs hang below 0. */
export function needChartSvg(years: { year: number; need: number }[]): string {
  const width = CONTENT_WIDTH;
  const height = 170;
  const left = 8;
  const top = 14;
  const bottom = 18;
  const plotHeight = height - top - bottom;
  const values = years.map((y) => y.need);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const y = (v: number) => top + ((max - v) / span) * plotHeight;
  const zero = y(0);
  const slot = (width - left * 2) / Math.max(1, years.length);
  const barWidth = slot * 0.6;
  const parts: string[] = [
    `<line x1="${left}" y1="${zero}" x2="${width - left}" y2="${zero}" stroke="${GREY}" stroke-width="0.6"/>`,
  ];
  years.forEach((yr, i) => {
    const cx = left + slot * i + slot / 2;
    const yv = y(yr.need);
    const barTop = Math.min(yv, zero);
    const barHeight = Math.max(0.5, Math.abs(zero - yv));
    parts.push(
      `<rect x="${cx - barWidth / 2}" y="${barTop}" width="${barWidth}" height="${barHeight}" fill="${BAR}"/>`,
      `<text x="${cx}" y="${yr.need >= 0 ? barTop - 3 : barTop + barHeight + 8}" font-size="7" text-anchor="middle" fill="#212529">${escapeXml(formatPersons(yr.need))}</text>`,
      `<text x="${cx}" y="${height - 4}" font-size="7.5" text-anchor="middle" fill="${GREY}">${yr.year}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/**
 * Two lines over the years: demand (solid, blue) and what is left of today's staff (dashed, red), from the base year;
 * each line's first and last values are written out, and the legend names the lines by word and by dash.
 */
export function supplyChartSvg(
  baseHeadcount: number,
  years: { year: number; demand: number; staffRemaining: number }[],
): string {
  const width = CONTENT_WIDTH;
  const height = 190;
  const left = 44;
  const right = 56;
  const top = 12;
  const bottom = 34;
  const points = [{ year: (years[0]?.year ?? 1) - 1, demand: baseHeadcount, staffRemaining: baseHeadcount }, ...years];
  const values = points.flatMap((p) => [p.demand, p.staffRemaining]);
  const max = Math.max(1, ...values);
  const plotHeight = height - top - bottom;
  const x = (i: number) => left + (i / Math.max(1, points.length - 1)) * (width - left - right);
  const y = (v: number) => top + (1 - Math.max(0, v) / max) * plotHeight;
  const path = (pick: (p: (typeof points)[number]) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const last = points[points.length - 1] ?? points[0];
  const parts: string[] = [
    `<line x1="${left}" y1="${top + plotHeight}" x2="${width - right}" y2="${top + plotHeight}" stroke="${GREY}" stroke-width="0.6"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="${GREY}" stroke-width="0.6"/>`,
    `<text x="${left - 4}" y="${top + 4}" font-size="7" text-anchor="end" fill="${GREY}">${escapeXml(formatPersons(max))}</text>`,
    `<text x="${left - 4}" y="${top + plotHeight}" font-size="7" text-anchor="end" fill="${GREY}">0</text>`,
    `<path d="${path((p) => p.demand)}" fill="none" stroke="${BAR}" stroke-width="1.6"/>`,
    `<path d="${path((p) => p.staffRemaining)}" fill="none" stroke="${REFERENCE}" stroke-width="1.6" stroke-dasharray="5 3"/>`,
  ];
  if (last) {
    const lx = x(points.length - 1) + 4;
    parts.push(
      `<text x="${lx}" y="${y(last.demand) + 3}" font-size="7" fill="#212529">${escapeXml(formatPersons(last.demand))}</text>`,
      `<text x="${lx}" y="${y(last.staffRemaining) + 3}" font-size="7" fill="#212529">${escapeXml(formatPersons(last.staffRemaining))}</text>`,
    );
  }
  points.forEach((p, i) => {
    if (i % Math.max(1, Math.ceil(points.length / 11)) !== 0 && i !== points.length - 1) return;
    parts.push(
      `<text x="${x(i)}" y="${top + plotHeight + 10}" font-size="7" text-anchor="middle" fill="${GREY}">${p.year}</text>`,
    );
  });
  const ly = height - 6;
  parts.push(
    `<line x1="${left}" y1="${ly - 3}" x2="${left + 20}" y2="${ly - 3}" stroke="${BAR}" stroke-width="1.6"/>`,
    `<text x="${left + 24}" y="${ly}" font-size="7.5" fill="#212529">Efterfrågan</text>`,
    `<line x1="${left + 90}" y1="${ly - 3}" x2="${left + 110}" y2="${ly - 3}" stroke="${REFERENCE}" stroke-width="1.6" stroke-dasharray="5 3"/>`,
    `<text x="${left + 114}" y="${ly}" font-size="7.5" fill="#212529">Kvar av dagens personal</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
