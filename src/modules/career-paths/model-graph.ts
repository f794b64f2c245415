// The model's picture (issue 18 point 1): roles as boxes, "leads to" ways as arrows, laid out in layers from left to
// right (layerRoles: a role sits one layer after the longest way into it — "a puzzle, not a staircase"). One scene,
// drawn by the web page as SVG elements and by the PDF as an SVG string; both with a title and a description, and the
// page lists the same ways as a table beside it.
import { layerRoles } from './career-model.ts';
import type { CareerModel } from './career-paths.contracts.ts';

export const NODE = { width: 190, height: 48, gapX: 70, gapY: 22, pad: 12 } as const;

export type GraphNode = { key: string; label: string; sub: string; x: number; y: number; licensed: boolean };
export type GraphEdge = { from: string; to: string; via: string; path: string };
export type GraphScene = { width: number; height: number; nodes: GraphNode[]; edges: GraphEdge[] };

export function graphScene(model: Pick<CareerModel, 'roles' | 'ways'>, locale: 'sv' | 'en'): GraphScene {
  const layers = layerRoles(
    model.roles.map((r) => r.key),
    model.ways,
  );
  const byKey = new Map(model.roles.map((r) => [r.key, r]));
  const nodes: GraphNode[] = [];
  layers.forEach((layer, li) => {
    layer.forEach((key, i) => {
      const r = byKey.get(key);
      if (!r) return;
      const sub = [
        r.protectedTitle ? (locale === 'sv' ? 'skyddad titel' : 'protected title') : '',
        r.licensed ? (locale === 'sv' ? 'legitimation' : 'licensed') : '',
      ]
        .filter(Boolean)
        .join(', ');
      nodes.push({
        key,
        label: locale === 'sv' ? r.name : r.nameEn,
        sub,
        licensed: r.licensed,
        x: NODE.pad + li * (NODE.width + NODE.gapX),
        y: NODE.pad + i * (NODE.height + NODE.gapY),
      });
    });
  });
  const at = new Map(nodes.map((n) => [n.key, n]));
  const edges: GraphEdge[] = model.ways.flatMap((w) => {
    const a = at.get(w.from);
    const b = at.get(w.to);
    if (!a || !b) return [];
    const x1 = a.x + NODE.width;
    const y1 = a.y + NODE.height / 2;
    const x2 = b.x - 6;
    const y2 = b.y + NODE.height / 2;
    const mid = (x1 + x2) / 2;
    return [{ from: w.from, to: w.to, via: w.via, path: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}` }];
  });
  const width = Math.max(...nodes.map((n) => n.x + NODE.width), 0) + NODE.pad;
  const height = Math.max(...nodes.map((n) => n.y + NODE.height), 0) + NODE.pad;
  return { width, height, nodes, edges };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The scene as a standalone SVG document (the PDF's figure). */
export function graphSvg(scene: GraphScene, title: string, description: string): string {
  const nodes = scene.nodes
    .map(
      (n) =>
        `<g><rect x="${n.x}" y="${n.y}" width="${NODE.width}" height="${NODE.height}" rx="8" fill="${n.licensed ? '#e7f0fb' : '#ffffff'}" stroke="#1c3f6e" stroke-width="1.5" stroke-dasharray="${n.licensed ? '5 3' : 'none'}"/>` +
        `<text x="${n.x + NODE.width / 2}" y="${n.y + (n.sub ? 20 : 29)}" text-anchor="middle" font-family="sans-serif" font-size="14" font-weight="bold" fill="#10243f">${esc(n.label)}</text>` +
        (n.sub
          ? `<text x="${n.x + NODE.width / 2}" y="${n.y + 37}" text-anchor="middle" font-family="sans-serif" font-size="11" fill="#333">${esc(n.sub)}</text>`
          : '') +
        '</g>',
    )
    .join('');
  const edges = scene.edges
    .map((e) => `<path d="${e.path}" fill="none" stroke="#444" stroke-width="1.5" marker-end="url(#arrow)"/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${scene.width} ${scene.height}" width="${scene.width}" height="${scene.height}" role="img" aria-labelledby="t d">` +
    `<title id="t">${esc(title)}</title><desc id="d">${esc(description)}</desc>` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>' +
    `${edges}${nodes}</svg>`
  );
}

/** The picture's description for screen readers: every way in words. */
export function graphDescription(model: Pick<CareerModel, 'roles' | 'ways'>, locale: 'sv' | 'en'): string {
  const name = new Map(model.roles.map((r) => [r.key, locale === 'sv' ? r.name : r.nameEn]));
  const ways = model.ways.map((w) => `${name.get(w.from) ?? w.from} → ${name.get(w.to) ?? w.to}`);
  return locale === 'sv'
    ? `Karriärvägsmodellens ${model.roles.length} roller och ${model.ways.length} vägar mellan dem: ${ways.join('; ')}.`
    : `The career path model's ${model.roles.length} roles and the ${model.ways.length} ways between them: ${ways.join('; ')}.`;
}
