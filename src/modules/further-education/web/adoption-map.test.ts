// The map's data against the table: every municipality of the overview is on the map with the status and date the
// table shows, in the table's order, and each status has its own colour and pattern.
import { describe, expect, it } from 'vitest';
import shapesJson from '../../../platform/shared/region-map/municipality-shapes.json' with { type: 'json' };
import {
  type MunicipalityShapes,
  regionMapModel,
  regionMapRows,
} from '../../../platform/web/components/region-map-model.ts';
import type { AdoptionOverviewDto } from '../further-education.contracts.ts';
import { adoptionMapData } from './adoption-map.ts';

const row = (
  code: string,
  name: string,
  status: AdoptionOverviewDto['municipalities'][number]['status'],
  date: string | null,
) => ({
  municipalityId: crypto.randomUUID(),
  name,
  code,
  adoptionId: status ? crypto.randomUUID() : null,
  status,
  statusDate: date,
  form: null,
  documents: 0,
  canEdit: false,
});
const overview: AdoptionOverviewDto = {
  models: [],
  modelId: null,
  municipalities: [
    row('1494', 'Lidköping', 'signed', '2026-11-02'),
    row('1496', 'Skövde', 'in_operation', '2025-09-01'),
    row('1495', 'Skara', null, null),
    row('1440', 'Ale', 'declined', '2026-03-01'),
  ],
  counts: {},
};
const labels: Record<string, string> = {
  in_operation: 'I drift',
  signed: 'Undertecknat',
  decided: 'Beslutat',
  proposed: 'Föreslaget',
  declined: 'Avböjt',
  none: 'Inte påbörjat',
};

describe('the adoption map', () => {
  const map = adoptionMapData(overview, (s) => labels[s] ?? s);
  const model = regionMapModel(shapesJson as unknown as MunicipalityShapes, map.data, map.categories, map.names);

  it('shows in the map exactly what the table shows', () => {
    const table = [...overview.municipalities]
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((m) => ({ code: m.code, name: m.name, status: labels[m.status ?? 'none'], date: m.statusDate }));
    expect(
      regionMapRows(model).map((r) => ({
        code: r.code,
        name: r.name,
        status: r.category,
        date: r.label.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? null,
      })),
    ).toEqual(table);
    expect(model.items.find((i) => i.code === '1494')?.label).toBe('Undertecknat 2026-11-02');
  });

  it('gives every status its own colour and its own pattern', () => {
    const styles = model.legend.map((l) => `${l.style.fill}/${l.style.pattern}`);
    expect(new Set(styles).size).toBe(styles.length);
    expect(new Set(model.legend.map((l) => l.style.pattern)).size).toBe(styles.length);
  });
});
