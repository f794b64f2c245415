// The region map's model: the shapes projected at build time, the view box cropped to the municipalities shown, each
// category its own colour AND pattern, hidden values drawn as hidden, and the table's rows exactly the map's items.
import { describe, expect, it } from 'vitest';
import shapesJson from '../../shared/region-map/municipality-shapes.json' with { type: 'json' };
import {
  CATEGORY_STYLES,
  HIDDEN_STYLE,
  type MunicipalityShapes,
  type RegionMapCategory,
  regionMapModel,
  regionMapRows,
} from './region-map-model.ts';

const shapes = shapesJson as unknown as MunicipalityShapes;
const categories: RegionMapCategory[] = [
  { key: 'in_operation', label: 'I drift' },
  { key: 'signed', label: 'Undertecknat' },
  { key: 'decided', label: 'Beslutat' },
  { key: 'hidden', label: 'Dolt', hidden: true },
];

describe('the shapes projected at build time', () => {
  it('hold all 290 municipalities with a path, a box and a label point inside the box', () => {
    const codes = Object.keys(shapes.shapes);
    expect(codes).toHaveLength(290);
    for (const code of codes) {
      const s = shapes.shapes[code];
      expect(s?.d.startsWith('M'), code).toBe(true);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = s?.box ?? [];
      expect(x1 > x0 && y1 > y0, code).toBe(true);
      expect(x0 >= 0 && x1 <= shapes.width && y0 >= 0 && y1 <= shapes.height, code).toBe(true);
    }
    // North is up: Kiruna (2584) lies above Skövde (1496), Malmö (1280) below.
    const y = (code: string) => shapes.shapes[code]?.label[1] ?? 0;
    expect(y('2584')).toBeLessThan(y('1496'));
    expect(y('1280')).toBeGreaterThan(y('1496'));
  });
});

describe('the model', () => {
  const data = {
    '1494': { value: 'signed', label: 'Undertecknat 2026-11-02', category: 'signed' },
    '1496': { value: 'in_operation', label: 'I drift', category: 'in_operation' },
    '1495': { value: 'decided', label: 'Beslutat', category: 'decided' },
    '1499': { value: null, label: 'Dolt', category: 'hidden' },
    '9999': { value: 1, label: 'Okänd', category: 'signed' },
  };
  const model = regionMapModel(shapes, data, categories, { '1494': 'Lidköpings kommun' });

  it('draws the municipalities given, in Swedish order, and crops the view box to them', () => {
    expect(model.items.map((i) => i.code)).toEqual(['1499', '1494', '1495', '1496']);
    expect(model.items.map((i) => i.name)).toEqual(['Falköping', 'Lidköpings kommun', 'Skara', 'Skövde']);
    expect(model.unknown).toEqual(['9999']);
    const [x, y, w, h] = model.viewBox.split(' ').map(Number);
    for (const item of model.items) {
      const [bx0 = 0, by0 = 0, bx1 = 0, by1 = 0] = shapes.shapes[item.code]?.box ?? [];
      expect(bx0 >= (x ?? 0) && by0 >= (y ?? 0) && bx1 <= (x ?? 0) + (w ?? 0) && by1 <= (y ?? 0) + (h ?? 0)).toBe(true);
    }
    // Four neighbouring municipalities are a small part of the country.
    expect(w ?? 0).toBeLessThan(shapes.width / 5);
  });

  it('gives each category its own colour and its own pattern, and hidden values the hidden style', () => {
    const visible = model.legend.filter((l) => l.key !== 'hidden');
    expect(new Set(visible.map((l) => l.style.fill)).size).toBe(visible.length);
    expect(new Set(visible.map((l) => l.style.pattern)).size).toBe(visible.length);
    expect(model.legend.find((l) => l.key === 'hidden')?.style).toBe(HIDDEN_STYLE);
    expect(model.items.find((i) => i.code === '1499')?.style).toBe(HIDDEN_STYLE);
    expect(new Set(CATEGORY_STYLES.map((s) => s.pattern)).size).toBe(CATEGORY_STYLES.length);
    expect(model.legend.map((l) => l.count)).toEqual([1, 1, 1, 1]);
  });

  it('tells in the table row for row what the map tells', () => {
    const rows = regionMapRows(model);
    expect(rows).toEqual(
      model.items.map((i) => ({ code: i.code, name: i.name, category: i.categoryLabel, label: i.label })),
    );
    expect(rows.find((r) => r.code === '1494')).toEqual({
      code: '1494',
      name: 'Lidköpings kommun',
      category: 'Undertecknat',
      label: 'Undertecknat 2026-11-02',
    });
  });

  it('has the whole country for an empty map', () => {
    const empty = regionMapModel(shapes, {}, categories);
    expect(empty.items).toHaveLength(0);
    expect(Number(empty.viewBox.split(' ')[2])).toBeGreaterThan(shapes.width);
  });
});
