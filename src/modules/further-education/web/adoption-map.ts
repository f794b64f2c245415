// The adoptions of a model as region map data (decision 025, 026): each municipality's status by category, with the
// latest step's date in its label; the map, its legend and the table beside it are drawn from this one object.
import type { RegionMapCategory, RegionMapData } from '../../../platform/web/components/region-map-model.ts';
import type { AdoptionOverviewDto } from '../further-education.contracts.ts';

export const MAP_STATUSES = ['in_operation', 'signed', 'decided', 'proposed', 'declined', 'none'] as const;

export function adoptionMapData(
  overview: AdoptionOverviewDto,
  statusLabel: (status: (typeof MAP_STATUSES)[number]) => string,
): { data: RegionMapData; categories: RegionMapCategory[]; names: Record<string, string> } {
  const data: Record<string, RegionMapData[string]> = {};
  const names: Record<string, string> = {};
  for (const m of overview.municipalities) {
    if (!m.code) continue;
    const status = m.status ?? 'none';
    names[m.code] = m.name;
    data[m.code] = {
      value: status,
      label: m.statusDate ? `${statusLabel(status)} ${m.statusDate}` : statusLabel(status),
      category: status,
    };
  }
  return { data, categories: MAP_STATUSES.map((key) => ({ key, label: statusLabel(key) })), names };
}
