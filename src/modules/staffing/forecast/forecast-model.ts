// The forecast engine's inputs, parameters, defaults and results (forecast.ts): types and constants only.

/** One age band of today's staff, as configured (items of kind 'age_band'); null bounds are open-ended. */
export type AgeBandCount = { minAge: number | null; maxAge: number | null; count: number };

/** Today's staff of one profession in one municipality (the facts of the latest report). */
export type ProfessionStaff = {
  /** The profession's key, e.g. 'nurse'. */
  key: string;
  /** Persons employed on the reference date (headcount). The forecast counts persons. */
  headcount: number;
  /** Sum of contracted FTE (sysselsättningsgrad) of those persons. */
  contractedFte: number;
  /** Persons working full time (FTE 1.0); the others are part-time staff. */
  fullTimeHeadcount: number;
  /** Headcount per age band; scaled to `headcount` when the bands sum to something else. */
  ageBands: readonly AgeBandCount[];
  /** Absence on the reference date in FTE, all kinds (at most the contracted FTE); 0 or missing when unknown. */
  absenceFte?: number;
  /** Persons with a specialist education (the specialist supply line's base, decision 026); missing when unknown. */
  specialistHeadcount?: number;
};

/** The population of one calendar year in the three age groups of the projection. */
export type PopulationYear = {
  year: number;
  age0_64: number;
  age65_79: number;
  age80plus: number;
  /** The working-age population (part of 0–64), when the projection has it: the supply side's context only. */
  age20_64?: number;
};

/** What demand follows: inhabitants 80+ only, or a weighting of the age groups (weights ≥ 0). */
export type DemandBasis = '80+' | { weight0_64?: number; weight65_79: number; weight80plus: number };

/** The forecast's assumptions; every one is shown next to the result. */
export type ForecastParameters = {
  /** Age at which staff retire (default 66). */
  retirementAge: number;
  /** Scenario lever: everyone retires this many years later than in the base case (0, 1 or 2). */
  retirementDelayYears: number;
  /** Share of the remaining staff (not retiring that year) who leave each year for other reasons (default 0). */
  turnoverRate: number;
  /** What demand follows (default '80+'). */
  demandBasis: DemandBasis;
  /** Scenario lever: relative change of staff per inhabitant from the first forecast year (−0.05 = 5 % fewer; −1 … 10). */
  staffingRatioChange: number;
  /** Scenario lever: hours a week that every part-time employee works more (capped at full time). */
  extraHoursPerWeekForPartTime: number;
  /** Hours a week of a full-time post (default 40; many municipal agreements use 38.25). */
  fullTimeHoursPerWeek: number;
  /**
   * Scenario lever (SKR: lower absence): the share of today's absence (in FTE) that comes back as work from the first
   * forecast year (0.2 = a fifth less absence); fewer persons are needed for the same work. 0 … 1.
   */
  absenceReduction: number;
  /** Scenario lever (SKR: keep staff longer): the share by which the yearly turnover is lower (0.2 = a fifth). 0 … 1. */
  turnoverReduction: number;
};

export const DEFAULT_FORECAST_PARAMETERS: ForecastParameters = {
  retirementAge: 66,
  retirementDelayYears: 0,
  turnoverRate: 0,
  demandBasis: '80+',
  staffingRatioChange: 0,
  extraHoursPerWeekForPartTime: 0,
  fullTimeHoursPerWeek: 40,
  absenceReduction: 0,
  turnoverReduction: 0,
};

/** Lowest age at which anyone is assumed to work: the open lower band (–29) spans 20–29. */
export const MIN_WORKING_AGE = 20;
export const DEFAULT_HORIZON_YEARS = 10;
export const MAX_HORIZON_YEARS = 50;

/** The forecast of one municipality. */
export type ForecastInput = {
  /** Year of the staff figures (the reference date's year); the forecast covers baseYear + 1 … baseYear + horizon. */
  baseYear: number;
  /** Years forecast (default 10, at most 50). */
  horizonYears?: number;
  professions: readonly ProfessionStaff[];
  /** The base year's population and the projection of later years; a missing year repeats the last known one. */
  population: readonly PopulationYear[];
  parameters?: Partial<ForecastParameters>;
};

/** One forecast year of one profession (or of all professions). Persons, unrounded. */
export type ForecastYear = {
  year: number;
  /** Persons needed this year: today's staff per inhabitant (basis) times the year's population, with the levers. */
  demand: number;
  /** Today's staff still employed at the end of the year (after retirements and turnover). */
  staffRemaining: number;
  /** Today's staff who reach the retirement age this year. */
  retirements: number;
  /** Today's staff who leave this year for other reasons (turnover). */
  turnoverLeavers: number;
  /** Recruitment need this year = demand growth + retirements + turnover leavers (negative when demand falls more). */
  need: number;
  /** Need summed from the first forecast year to this one (= demand − staff remaining at the end of this year). */
  cumulativeNeed: number;
};

/** The forecast of one profession (key 'all' for the sum over professions). */
export type ProfessionForecast = {
  key: string;
  baseHeadcount: number;
  years: ForecastYear[];
  /** Cumulative need over the first 5 and 10 years; null when the horizon is shorter. */
  cumulativeNeed5: number | null;
  cumulativeNeed10: number | null;
  /** Notes on this profession's data in Swedish (e.g. missing age bands). */
  notesSv: string[];
};

/** An assumption shown next to the result. */
export type ForecastAssumption = { key: string; label: string; value: string; en: { label: string; value: string } };

export type ForecastResult = {
  baseYear: number;
  horizonYears: number;
  parameters: ForecastParameters;
  professions: ProfessionForecast[];
  /** The sum over all professions (key 'all'). */
  total: ProfessionForecast;
  assumptions: ForecastAssumption[];
};

/** A scenario beside the base case. */
export type ScenarioComparison = {
  needBase: number;
  needScenario: number;
  /** needBase − needScenario: positive when the scenario needs fewer recruits. */
  reduction: number;
  /** reduction / needBase in percent; null when the base need is not positive. */
  reductionPercent: number | null;
  /** E.g. "Behovet minskar med 1 234 (12,5 %)". */
  textSv: string;
};
