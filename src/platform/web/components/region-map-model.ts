// What the region map draws (decision 025), as plain data: for each municipality given a value, its shape, its
// category's colour AND pattern, its text label, and the view box cropped to the municipalities shown. The map, its
// legend and the table beside it are all drawn from this one model, so they cannot tell different stories.

/** One municipality's value as a module gives it: the value, its text ("Undertecknat", "12,4 %"), its category. */
export type RegionMapEntry = { value: number | string | null; label: string; category: string };
/** Values per municipality code (SCB's four digits, e.g. `1494` Lidköping). */
export type RegionMapData = Readonly<Record<string, RegionMapEntry>>;
/** The categories in legend order; `hidden` marks values withheld by disclosure control (drawn as hidden). */
export type RegionMapCategory = { key: string; label: string; hidden?: boolean };

export type MunicipalityShape = { name: string; county: string; d: string; box: number[]; label: number[] };
export type MunicipalityShapes = { width: number; height: number; shapes: Readonly<Record<string, MunicipalityShape>> };

export type CategoryStyle = { fill: string; pattern: PatternKind; ink: string };
export type PatternKind = 'solid' | 'stripes' | 'dots' | 'crosshatch' | 'horizontal' | 'vertical' | 'grid' | 'hidden';

// Fills with at least 3:1 against the white borders and page (WCAG 1.4.11); each has its own pattern as well, so no
// two categories differ by colour alone. The pattern's ink is white on the dark fills.
export const CATEGORY_STYLES: readonly CategoryStyle[] = [
  { fill: '#1864ab', pattern: 'solid', ink: '#ffffff' },
  { fill: '#2b8a3e', pattern: 'stripes', ink: '#ffffff' },
  { fill: '#c2410c', pattern: 'dots', ink: '#ffffff' },
  { fill: '#862e9c', pattern: 'crosshatch', ink: '#ffffff' },
  { fill: '#0b7285', pattern: 'horizontal', ink: '#ffffff' },
  { fill: '#a61e4d', pattern: 'vertical', ink: '#ffffff' },
  { fill: '#5c5f66', pattern: 'grid', ink: '#ffffff' },
];
/** Values withheld by disclosure control: light with a dense dark cross-hatch, never mistaken for a value. */
export const HIDDEN_STYLE: CategoryStyle = { fill: '#e9ecef', pattern: 'hidden', ink: '#343a40' };

export type RegionMapItem = {
  code: string;
  name: string;
  d: string;
  labelX: number;
  labelY: number;
  value: number | string | null;
  label: string;
  category: string;
  categoryLabel: string;
  style: CategoryStyle;
  /** The SVG pattern's id suffix (its index among the legend's categories). */
  styleIndex: number;
};

export type RegionMapModel = {
  viewBox: string;
  /** Font size of the labels in view box units. */
  fontSize: number;
  /** The municipalities drawn, in Swedish alphabetical order (the tab order and the table's order). */
  items: RegionMapItem[];
  legend: { key: string; label: string; style: CategoryStyle; styleIndex: number; count: number }[];
  /** Codes given a value but without a shape (not a Swedish municipality code): listed in the table only. */
  unknown: string[];
};

const collator = new Intl.Collator('sv');

export function styleOf(
  categories: readonly RegionMapCategory[],
  key: string,
): { style: CategoryStyle; index: number } {
  const index = categories.findIndex((c) => c.key === key);
  const category = categories[index];
  if (!category) return { style: HIDDEN_STYLE, index: categories.length };
  if (category.hidden) return { style: HIDDEN_STYLE, index };
  const plain = categories.slice(0, index).filter((c) => !c.hidden).length;
  return { style: CATEGORY_STYLES[plain % CATEGORY_STYLES.length] as CategoryStyle, index };
}

/**
 * The map's model. `names` may give the municipalities' names as the module knows them (else the shape's name).
 * A margin of 3 % keeps the outermost borders inside the view box.
 */
export function regionMapModel(
  shapes: MunicipalityShapes,
  data: RegionMapData,
  categories: readonly RegionMapCategory[],
  names: Readonly<Record<string, string>> = {},
): RegionMapModel {
  const items: RegionMapItem[] = [];
  const unknown: string[] = [];
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const [code, entry] of Object.entries(data)) {
    const shape = shapes.shapes[code];
    if (!shape) {
      unknown.push(code);
      continue;
    }
    const [bx0 = 0, by0 = 0, bx1 = 0, by1 = 0] = shape.box;
    x0 = Math.min(x0, bx0);
    y0 = Math.min(y0, by0);
    x1 = Math.max(x1, bx1);
    y1 = Math.max(y1, by1);
    const { style, index } = styleOf(categories, entry.category);
    items.push({
      code,
      name: names[code] ?? shape.name,
      d: shape.d,
      labelX: shape.label[0] ?? 0,
      labelY: shape.label[1] ?? 0,
      value: entry.value,
      label: entry.label,
      category: entry.category,
      categoryLabel: categories[index]?.label ?? entry.category,
      style,
      styleIndex: index,
    });
  }
  items.sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
  if (items.length === 0) {
    x0 = 0;
    y0 = 0;
    x1 = shapes.width;
    y1 = shapes.height;
  }
  const margin = Math.max(x1 - x0, y1 - y0) * 0.03;
  const box = [x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin].map(Math.round);
  const legend = categories.map((c) => {
    const { style, index } = styleOf(categories, c.key);
    return {
      key: c.key,
      label: c.label,
      style,
      styleIndex: index,
      count: items.filter((i) => i.category === c.key).length,
    };
  });
  return {
    viewBox: box.join(' '),
    fontSize: Math.max(box[2] ?? 0, box[3] ?? 0) / 40,
    items,
    legend,
    unknown: unknown.sort(),
  };
}

/** The table beside the map, from the same model: name, category, label — row for row what the map says. */
export function regionMapRows(
  model: RegionMapModel,
): { code: string; name: string; category: string; label: string }[] {
  return model.items.map((i) => ({ code: i.code, name: i.name, category: i.categoryLabel, label: i.label }));
}

let loading: Promise<MunicipalityShapes> | null = null;
/** The shapes, projected at build time (scripts/build-region-map.ts), loaded once as their own chunk. */
export function loadMunicipalityShapes(): Promise<MunicipalityShapes> {
  loading ??= import('../../shared/region-map/municipality-shapes.json').then(
    (m) => (m as unknown as { default: MunicipalityShapes }).default,
  );
  return loading;
}
