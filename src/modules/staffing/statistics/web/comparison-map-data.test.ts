// The comparison's map data against the comparison's table: the same value text per municipality, hidden values
// drawn as hidden (never a category of a value), the steps against the median as the heat map has them.
import { describe, expect, it } from 'vitest';
import shapesJson from '../../../../platform/shared/region-map/municipality-shapes.json' with { type: 'json' };
import {
  HIDDEN_STYLE,
  type MunicipalityShapes,
  regionMapModel,
  regionMapRows,
} from '../../../../platform/web/components/region-map-model.ts';
import type { Cell, ComparisonDto } from '../../staffing.contracts.ts';
import { ratioMapData } from './comparison-map-data.ts';

const row = (code: string | null, name: string, specialist: Cell): ComparisonDto['rows'][number] => ({
  municipalityId: crypto.randomUUID(),
  code,
  name,
  status: 'approved',
  values: {},
  ratios: { specialist_share: specialist } as ComparisonDto['rows'][number]['ratios'],
});

const dto = {
  period: { id: crypto.randomUUID(), label: '2026', referenceDate: '2026-11-01' },
  profession: 'all',
  columns: [],
  rows: [
    row('1494', 'Lidköping', 0.3),
    row('1496', 'Skövde', 0.2),
    row('1495', 'Skara', '..'),
    row('1499', 'Falköping', null),
    row('1497', 'Hjo', 0.205),
    row(null, 'Nedlagd kommun', 0.1),
  ],
  total: { values: {}, ratios: {} },
  median: { ratios: { specialist_share: 0.2 } },
  minCount: 5,
  unsuppressedFor: null,
  publication: null,
  coverage: { approved: 5, total: 5, missing: [] },
} as unknown as ComparisonDto;

// The table's own text for a cell (statistics-format's ratio for a percent: '..' hidden, '–' not reported).
const tableText = (cell: Cell | undefined) =>
  cell === '..' ? '..' : cell === null || cell === undefined ? '–' : `${(cell * 100).toFixed(1).replace('.', ',')} %`;

const texts = {
  step: (s: number) => `steg ${s}`,
  hidden: 'Dolt',
  missing: 'Inte rapporterat',
  hiddenLabel: 'dolt',
  missingLabel: 'inte rapporterat',
};

describe('the comparison as map data', () => {
  const map = ratioMapData(dto, 'specialist_share', tableText, texts);

  it('gives every municipality with a code the table’s text for its cell', () => {
    for (const r of dto.rows) {
      if (!r.code) continue;
      expect(map.data[r.code]?.label.startsWith(tableText(r.ratios.specialist_share))).toBe(true);
    }
    expect(Object.keys(map.data).sort()).toEqual(['1494', '1495', '1496', '1497', '1499']);
  });

  it('draws a hidden value as hidden, never as a step, and tells not reported apart', () => {
    expect(map.data['1495']).toEqual({ value: null, label: '.. (dolt)', category: 'hidden' });
    expect(map.data['1499']).toEqual({ value: null, label: '– (inte rapporterat)', category: 'missing' });
    const model = regionMapModel(shapesJson as unknown as MunicipalityShapes, map.data, map.categories, map.names);
    expect(model.items.find((i) => i.code === '1495')?.style).toBe(HIDDEN_STYLE);
    expect(model.items.find((i) => i.code === '1499')?.style).not.toBe(HIDDEN_STYLE);
  });

  it('places the values in the heat map’s steps against the median', () => {
    expect(map.data['1494']?.category).toBe('step2');
    expect(map.data['1496']?.category).toBe('step0');
    expect(map.data['1497']?.category).toBe('step0');
  });

  it('shows in the map’s table what the comparison’s table shows', () => {
    const model = regionMapModel(shapesJson as unknown as MunicipalityShapes, map.data, map.categories, map.names);
    const rows = regionMapRows(model);
    expect(rows.map((r) => r.name)).toEqual(['Falköping', 'Hjo', 'Lidköping', 'Skara', 'Skövde']);
    for (const r of rows) {
      const source = dto.rows.find((d) => d.code === r.code);
      expect(r.label.startsWith(tableText(source?.ratios.specialist_share))).toBe(true);
    }
  });
});
