// The comparison's key ratio as region map data (decision 025): each municipality's value as the table writes it, in
// the heat map's five steps against the region's median. The cells come from the comparison as served, after its
// disclosure control: a hidden value ('..') is drawn as hidden and never looked behind.
import type { RegionMapCategory, RegionMapData } from '../../../../platform/web/components/region-map-model.ts';
import { type Cell, type ComparisonDto, SUPPRESSED } from '../../staffing.contracts.ts';
import type { RatioKey } from '../../staffing-measures.ts';
import { HEAT_STEPS, type HeatStep, heatStep } from './heat-map-scale.ts';

export type RatioMapTexts = {
  step: (step: HeatStep) => string;
  hidden: string;
  missing: string;
  hiddenLabel: string;
  missingLabel: string;
};

export type RatioMap = { data: RegionMapData; categories: RegionMapCategory[]; names: Record<string, string> };

const stepKey = (step: HeatStep) => `step${step}`;

export function ratioMapData(
  dto: ComparisonDto,
  key: RatioKey,
  format: (cell: Cell | undefined) => string,
  texts: RatioMapTexts,
): RatioMap {
  const median = dto.median.ratios[key];
  const data: Record<string, RegionMapData[string]> = {};
  const names: Record<string, string> = {};
  for (const row of dto.rows) {
    if (!row.code) continue;
    const cell = row.ratios[key];
    names[row.code] = row.name;
    if (cell === SUPPRESSED) {
      data[row.code] = { value: null, label: `${format(cell)} (${texts.hiddenLabel})`, category: 'hidden' };
    } else if (cell === null || cell === undefined) {
      data[row.code] = { value: null, label: `${format(cell)} (${texts.missingLabel})`, category: 'missing' };
    } else {
      // Without a median (every value hidden) a value is only a value: it sits in the middle step.
      const step = typeof median === 'number' ? heatStep(cell, median) : 0;
      data[row.code] = { value: cell, label: format(cell), category: stepKey(step) };
    }
  }
  const categories: RegionMapCategory[] = [
    ...HEAT_STEPS.map((step) => ({ key: stepKey(step), label: texts.step(step) })),
    { key: 'hidden', label: texts.hidden, hidden: true },
    { key: 'missing', label: texts.missing },
  ];
  return { data, categories, names };
}
