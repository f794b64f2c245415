// The forecast page's address: what is shown (period, region or municipality, profession, the scenario drawn) and
// the scenario levers, so a view can be shared. A lever left out of the address is the region's stored default.
import { searchText } from '../../../../platform/web/search-params.ts';
import {
  FORECAST_LIMITS,
  type ForecastLeversDto,
  type ForecastQuery,
  SCENARIO_KEYS,
  type ScenarioKey,
} from '../forecast.contracts.ts';

export type LeverKey = keyof ForecastLeversDto;
export const LEVER_KEYS = [
  'extraHoursPerWeek',
  'retirementDelayYears',
  'staffingRatioChangePercent',
  'absenceReductionPercent',
  'turnoverReductionPercent',
] as const satisfies readonly LeverKey[];

export type ForecastSearch = Partial<ForecastLeversDto> & {
  periodId?: string;
  /** A municipality's own forecast; left out for the region. */
  municipalityId?: string;
  /** A profession's key; left out for all professions. */
  profession?: string;
  /** The scenario drawn beside the base case; left out for the combined scenario. */
  scenario?: ScenarioKey;
};

export const DEFAULT_SCENARIO: ScenarioKey = 'combined';

/** Whether a lever's value is one the API takes (its range, whole years for the retirement delay). */
export function validLever(key: LeverKey, value: number): boolean {
  const limits = FORECAST_LIMITS[key];
  if (!Number.isFinite(value) || value < limits.min || value > limits.max) return false;
  return key !== 'retirementDelayYears' || Number.isInteger(value);
}

/** A lever from the address ("4", 4, "2.5"), or nothing when it is not a valid value. */
export function searchLever(key: LeverKey, value: unknown): number | undefined {
  if (typeof value !== 'number' && (typeof value !== 'string' || value.trim() === '')) return undefined;
  const n = Number(typeof value === 'string' ? value.trim().replace(',', '.') : value);
  return validLever(key, n) ? n : undefined;
}

/** Reads the address: anything typed there becomes a valid value or nothing (the route's validateSearch). */
export function parseForecastSearch(search: Record<string, unknown>): ForecastSearch {
  const result: ForecastSearch = {
    periodId: searchText(search.periodId),
    municipalityId: searchText(search.municipalityId),
    profession: searchText(search.profession),
    scenario: SCENARIO_KEYS.find((key) => key === search.scenario),
  };
  for (const key of LEVER_KEYS) result[key] = searchLever(key, search[key]);
  return result;
}

/** The API's parameters of a view (the profession and the scenario drawn are the page's own choice). */
export function forecastParams(search: ForecastSearch): ForecastQuery {
  return {
    periodId: search.periodId,
    municipalityId: search.municipalityId,
    extraHoursPerWeek: search.extraHoursPerWeek,
    retirementDelayYears: search.retirementDelayYears,
    staffingRatioChangePercent: search.staffingRatioChangePercent,
    absenceReductionPercent: search.absenceReductionPercent,
    turnoverReductionPercent: search.turnoverReductionPercent,
  };
}

/** Whether the address sets any lever (so "Återställ" has something to reset). */
export function hasLevers(search: ForecastSearch): boolean {
  return LEVER_KEYS.some((key) => search[key] !== undefined);
}

/** The address without its levers: the region's defaults. */
export function withoutLevers(search: ForecastSearch): ForecastSearch {
  const {
    extraHoursPerWeek: _h,
    retirementDelayYears: _r,
    staffingRatioChangePercent: _s,
    absenceReductionPercent: _a,
    turnoverReductionPercent: _t,
    ...rest
  } = search;
  return rest;
}
