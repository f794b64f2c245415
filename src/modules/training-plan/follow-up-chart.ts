// The follow-up's chart for the PDF: per network's plan, the steps needed → decided → ordered → delivered as grouped
// bars, as SVG with a title and a visible legend (the figure's alternative text is given beside it). Pure.
import type { FollowUpDto } from './training-plan.contracts.ts';

const STEPS = ['needs', 'decided', 'ordered', 'delivered'] as const;
const COLOURS = ['#1c5d99', '#3f8f5a', '#b5651d', '#6b3fa0'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function stepLabels(locale: 'sv' | 'en') {
  return locale === 'sv'
    ? { needs: 'Behov', decided: 'Beslutade', ordered: 'Beställda', delivered: 'Levererade' }
    : { needs: 'Needs', decided: 'Decided', ordered: 'Ordered', delivered: 'Delivered' };
}

export function followUpChartSvg(model: FollowUpDto, locale: 'sv' | 'en'): string {
  const labels = stepLabels(locale);
  const width = 640;
  const groupHeight = 26 * STEPS.length + 24;
  const height = 40 + model.cycles.length * groupHeight + 10;
  const max = Math.max(1, ...model.cycles.flatMap((c) => STEPS.map((s) => c[s])));
  const left = 150;
  const scale = (width - left - 60) / max;
  const parts: string[] = [];
  STEPS.forEach((s, i) => {
    parts.push(
      `<rect x="${left + i * 110}" y="8" width="12" height="12" fill="${COLOURS[i]}"/><text x="${left + i * 110 + 16}" y="18" font-size="11">${esc(labels[s])}</text>`,
    );
  });
  model.cycles.forEach((c, g) => {
    const top = 40 + g * groupHeight;
    parts.push(`<text x="0" y="${top + 14}" font-size="11" font-weight="bold">${esc(c.network)}</text>`);
    STEPS.forEach((s, i) => {
      const y = top + 20 + i * 26;
      const w = Math.max(1, c[s] * scale);
      parts.push(
        `<text x="${left - 6}" y="${y + 14}" font-size="10" text-anchor="end">${esc(labels[s])}</text>`,
        `<rect x="${left}" y="${y}" width="${w}" height="20" fill="${COLOURS[i]}"/>`,
        `<text x="${left + w + 4}" y="${y + 14}" font-size="10">${c[s]}</text>`,
      );
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">${parts.join('')}</svg>`;
}
