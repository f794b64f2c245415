// The municipality profile's tables as rows, for the page and for its downloads alike: the key ratios beside the
// region's total and median (for the period, or for each period of the trend) and the breakdowns with their shares.
import { type Cell, type ConfigItemDto, type ProfileDto, SUPPRESSED } from '../staffing.contracts.ts';
import { itemName, type Lang } from '../staffing-labels.ts';
import { MEASURE_BY_KEY, RATIO_DEFS, type RatioDef, type RatioKey } from '../staffing-measures.ts';

/** A key ratio of the municipality beside the region's total and median, in one row. */
export type RatioRow = { key: string; label: string; ratio: RatioKey } & Record<
  'municipality' | 'regionTotal' | 'regionMedian',
  Cell | undefined
>;

type RatioSet = Pick<ProfileDto, 'ratios' | 'regionTotal' | 'regionMedian'>;

/** Every key ratio of one period (the profile's, or a point of its trend), one per row. */
export function ratioRows(set: RatioSet, lang: Lang): (RatioRow & { unit: RatioDef['unit'] })[] {
  return RATIO_DEFS.map((def) => ({
    key: def.key,
    ratio: def.key,
    unit: def.unit,
    label: def.label[lang],
    municipality: set.ratios[def.key],
    regionTotal: set.regionTotal[def.key],
    regionMedian: set.regionMedian[def.key],
  }));
}

/** What each breakdown's shares are shares of: persons of the headcount, absence FTE of the contracted FTE. */
export const SHARE_DENOMINATOR: Readonly<Record<string, string>> = {
  age_headcount: 'headcount',
  specialty_headcount: 'headcount',
  competence_headcount: 'headcount',
  absence_headcount: 'headcount',
  absence_fte: 'contracted_fte',
};

/** A share of a whole: ".." when either part is suppressed, null when either is missing or the whole is zero. */
export function shareOf(part: Cell | undefined, whole: Cell | undefined): Cell {
  if (part === SUPPRESSED || whole === SUPPRESSED) return SUPPRESSED;
  if (typeof part !== 'number' || typeof whole !== 'number' || whole === 0) return null;
  return part / whole;
}

/** The sum of cells: ".." when any is suppressed, null when any is missing. */
function sumOf(cells: readonly (Cell | undefined)[]): Cell {
  if (cells.some((c) => c === SUPPRESSED)) return SUPPRESSED;
  if (!cells.every((c) => typeof c === 'number')) return null;
  return (cells as number[]).reduce((a, b) => a + b, 0);
}

export type Breakdown = ProfileDto['breakdowns'][number];
export type BreakdownRow = {
  key: string;
  name: string;
  municipality: Cell | undefined;
  municipalityShare: Cell;
  regionTotal: Cell | undefined;
  regionShare: Cell;
};

/** A breakdown's groups with the municipality's and the region's counts and shares. */
export function breakdownRows(
  profile: ProfileDto,
  breakdown: Breakdown,
  items: readonly ConfigItemDto[],
  professionId: string | null,
  lang: Lang,
): BreakdownRow[] {
  const kind = MEASURE_BY_KEY.get(breakdown.measure)?.breakdown;
  const denominator = SHARE_DENOMINATOR[breakdown.measure];
  const municipalityWhole = denominator
    ? profile.values[denominator]
    : sumOf(breakdown.items.map((i) => i.municipality));
  const regionWhole = denominator
    ? profile.regionTotalValues[denominator]
    : sumOf(breakdown.items.map((i) => i.regionTotal));
  return breakdown.items.map((item) => ({
    key: item.key,
    name: kind ? itemName(items, kind, item.key, professionId, lang) : item.key,
    municipality: item.municipality,
    municipalityShare: shareOf(item.municipality, municipalityWhole),
    regionTotal: item.regionTotal,
    regionShare: shareOf(item.regionTotal, regionWhole),
  }));
}
