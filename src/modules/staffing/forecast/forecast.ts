// The staffing forecast (issue 4, decision 009): how many people a municipality must recruit per profession and
// year — demand that follows the population plus replacement of today's staff who retire or leave — as SKR's method.
// Pure functions only: no database, no clock, no randomness. Nothing is rounded here except the Swedish text.

import { assumptionsOf, formatSv } from './forecast-assumptions.ts';
import {
  type AgeBandCount,
  DEFAULT_FORECAST_PARAMETERS,
  DEFAULT_HORIZON_YEARS,
  type DemandBasis,
  type ForecastAssumption,
  type ForecastInput,
  type ForecastParameters,
  type ForecastResult,
  type ForecastYear,
  MAX_HORIZON_YEARS,
  MIN_WORKING_AGE,
  type PopulationYear,
  type ProfessionForecast,
  type ProfessionStaff,
  type ScenarioComparison,
} from './forecast-model.ts';

// ---- helpers -------------------------------------------------------------------------------------------------

/** Largest count, FTE, population or weight the engine takes; larger values are capped (no municipality is near). */
export const MAX_AMOUNT = 1e12;
/** Largest growth of the demand basis from the base year: caps absurd ratios (a basis of almost 0 in the base year). */
export const MAX_GROWTH = 1e6;

/** A finite number in 0 … MAX_AMOUNT (anything else counts as 0), so no NaN or Infinity leaves the engine. */
export const amount = (x: number | null | undefined): number =>
  typeof x === 'number' && Number.isFinite(x) && x > 0 ? Math.min(x, MAX_AMOUNT) : 0;
const integer = (x: number | null | undefined, fallback: number, min: number, max: number): number =>
  typeof x === 'number' && Number.isFinite(x) ? Math.min(max, Math.max(min, Math.round(x))) : fallback;

/** Fills in the defaults and brings every parameter into its valid range. */
export function resolveParameters(p: Partial<ForecastParameters> = {}): ForecastParameters {
  const d = DEFAULT_FORECAST_PARAMETERS;
  const basis = p.demandBasis ?? d.demandBasis;
  const ratio = p.staffingRatioChange;
  const hours = p.fullTimeHoursPerWeek;
  return {
    retirementAge: integer(p.retirementAge, d.retirementAge, MIN_WORKING_AGE + 1, 100),
    retirementDelayYears: integer(p.retirementDelayYears, d.retirementDelayYears, 0, 10),
    turnoverRate: Math.min(1, amount(p.turnoverRate)),
    demandBasis:
      basis === '80+'
        ? '80+'
        : {
            weight0_64: amount(basis.weight0_64),
            weight65_79: amount(basis.weight65_79),
            weight80plus: amount(basis.weight80plus),
          },
    staffingRatioChange: typeof ratio === 'number' && Number.isFinite(ratio) ? Math.min(10, Math.max(-1, ratio)) : 0,
    extraHoursPerWeekForPartTime: amount(p.extraHoursPerWeekForPartTime),
    fullTimeHoursPerWeek: hours !== undefined && amount(hours) > 0 ? amount(hours) : d.fullTimeHoursPerWeek,
    absenceReduction: Math.min(1, amount(p.absenceReduction)),
    turnoverReduction: Math.min(1, amount(p.turnoverReduction)),
  };
}

function basisOf(pop: PopulationYear, basis: DemandBasis): number {
  if (basis === '80+') return amount(pop.age80plus);
  return (
    amount(basis.weight0_64) * amount(pop.age0_64) +
    amount(basis.weight65_79) * amount(pop.age65_79) +
    amount(basis.weight80plus) * amount(pop.age80plus)
  );
}

/** The population of a year: that year's row, else the latest earlier row; null when none is known. */
function populationIn(population: readonly PopulationYear[], year: number): PopulationYear | null {
  let best: PopulationYear | null = null;
  for (const row of population) {
    if (row.year <= year && (best === null || row.year >= best.year)) best = row;
  }
  return best;
}

/** The whole ages a band spans: from 20 at the youngest; the open upper band (65+) up to the year before retirement. */
function bandAges(band: AgeBandCount, retirementAge: number): [number, number] {
  const lo = Math.max(MIN_WORKING_AGE, integer(band.minAge, MIN_WORKING_AGE, 0, 120));
  const hi = Math.max(lo, band.maxAge === null ? retirementAge - 1 : integer(band.maxAge, lo, 0, 120));
  return [lo, hi];
}

/** Today's staff as one-year cohorts: each band's count spread evenly over its ages, scaled to the headcount. */
export function ageCohorts(staff: ProfessionStaff, retirementAge: number): { age: number | null; count: number }[] {
  const headcount = amount(staff.headcount);
  const bands = staff.ageBands.filter((b) => amount(b.count) > 0);
  const bandSum = bands.reduce((s, b) => s + amount(b.count), 0);
  if (headcount === 0) return [];
  // No age known: the staff stay (subject to turnover) but never retire within the forecast.
  if (bandSum === 0) return [{ age: null, count: headcount }];
  const scale = headcount / bandSum;
  const cohorts: { age: number; count: number }[] = [];
  for (const band of bands) {
    const [lo, hi] = bandAges(band, retirementAge);
    const each = (amount(band.count) * scale) / (hi - lo + 1);
    for (let age = lo; age <= hi; age++) cohorts.push({ age, count: each });
  }
  return cohorts;
}

function cumulativeAt(years: readonly ForecastYear[], n: number): number | null {
  return years.length >= n ? (years[n - 1]?.cumulativeNeed ?? null) : null;
}

/** The demand basis's growth from the base year for each forecast year t = 1 … horizon (index t − 1). */
type Growth = { baseBasis: number; growth: Float64Array };

function growthOf(
  input: { baseYear: number; horizon: number; population: readonly PopulationYear[] },
  p: ForecastParameters,
): Growth {
  const base = populationIn(input.population, input.baseYear);
  const baseBasis = base ? basisOf(base, p.demandBasis) : 0;
  const growth = new Float64Array(input.horizon);
  for (let t = 1; t <= input.horizon; t++) {
    const pop = populationIn(input.population, input.baseYear + t);
    growth[t - 1] = baseBasis > 0 && pop ? Math.min(MAX_GROWTH, basisOf(pop, p.demandBasis) / baseBasis) : 1;
  }
  return { baseBasis, growth };
}

/** One profession of a prepared forecast: what the levers do not change. */
type PreparedProfession = {
  key: string;
  headcount: number;
  /** Contracted FTE, full-time and part-time persons, and the part-time staff's average FTE (the part-time lever). */
  fte: number;
  partTime: number;
  partTimeFte: number;
  /** Absence in FTE on the reference date (the absence lever's room), at most the contracted FTE. */
  absence: number;
  /**
   * Today's staff by the forecast year in which they reach the retirement age (index 1 … horizon; horizon + 1: later,
   * or never — no age known): the one-year cohorts of ageCohorts (each band spread evenly over its ages, scaled to the
   * headcount), summed without making them. Anyone at or past the age reaches it in the first year.
   */
  reachesAge: Float64Array;
  notesSv: string[];
};

/**
 * A municipality's forecast made ready to run for many lever settings: the demand basis's growth, each profession's
 * retirement schedule and part-time structure depend on the base case's assumptions only (retirement age, turnover,
 * demand basis, full time), not on the levers (retirement delay, staffing ratio change, extra hours).
 */
export type PreparedForecast = {
  baseYear: number;
  horizonYears: number;
  /** The base case's parameters, levers included; a run may override the levers. */
  parameters: ForecastParameters;
  /** The demand basis's growth from the base year for each forecast year t = 1 … horizon (index t − 1). */
  growth: Float64Array;
  professions: PreparedProfession[];
};

/** The scenario levers: the parameters a prepared forecast can be run with. */
export type ForecastLevers = Partial<
  Pick<
    ForecastParameters,
    | 'retirementDelayYears'
    | 'staffingRatioChange'
    | 'extraHoursPerWeekForPartTime'
    | 'absenceReduction'
    | 'turnoverReduction'
  >
>;

function prepareProfession(
  staff: ProfessionStaff,
  horizon: number,
  baseBasis: number,
  p: ForecastParameters,
): PreparedProfession {
  const notesSv: string[] = [];
  const headcount = amount(staff.headcount);
  const bandSum = staff.ageBands.reduce((s, b) => s + amount(b.count), 0);
  if (headcount > 0 && bandSum === 0) {
    notesSv.push('Åldersfördelning saknas: inga pensionsavgångar räknas för yrket.');
  }
  if (bandSum > 0 && headcount > 0 && Math.abs(bandSum - headcount) > 1e-9) {
    notesSv.push('Åldersgruppernas summa skiljer sig från antalet anställda; fördelningen har skalats om.');
  }
  const reachesAge = new Float64Array(horizon + 2);
  if (headcount > 0 && bandSum === 0) reachesAge[horizon + 1] = headcount;
  else if (headcount > 0) {
    const scale = headcount / bandSum;
    for (const band of staff.ageBands) {
      const count = amount(band.count);
      if (count === 0) continue;
      const [lo, hi] = bandAges(band, p.retirementAge);
      const each = (count * scale) / (hi - lo + 1);
      for (let age = lo; age <= hi; age++) {
        const slot = Math.min(Math.max(1, p.retirementAge - age), horizon + 1);
        reachesAge[slot] = (reachesAge[slot] as number) + each;
      }
    }
  }
  if (headcount > 0 && baseBasis === 0) {
    notesSv.push('Ingen befolkning för basåret: efterfrågan hålls på dagens antal anställda.');
  }
  const fte = Math.min(amount(staff.contractedFte), headcount);
  const fullTime = Math.min(amount(staff.fullTimeHeadcount), headcount);
  const partTime = headcount - fullTime;
  const partTimeFte = partTime > 0 ? Math.min(1, Math.max(0, (fte - fullTime) / partTime)) : 0;
  const absence = Math.min(amount(staff.absenceFte), fte);
  return { key: staff.key, headcount, fte, partTime, partTimeFte, absence, reachesAge, notesSv };
}

/** A forecast's yearly figures as columns (index t − 1), added into by runProfession. */
type YearColumns = {
  demand: Float64Array;
  staffRemaining: Float64Array;
  retirements: Float64Array;
  turnoverLeavers: Float64Array;
  need: Float64Array;
};

const yearColumns = (n: number): YearColumns => ({
  demand: new Float64Array(n),
  staffRemaining: new Float64Array(n),
  retirements: new Float64Array(n),
  turnoverLeavers: new Float64Array(n),
  need: new Float64Array(n),
});

/**
 * Adds one profession's yearly figures with parameters p into `out` from column `offset` (its first forecast year's
 * place among the columns). The levers act here: the delay moves every retirement d years; the part-time lever turns
 * extra FTE of the part-time staff (capped at full time) into fewer persons needed for the same work; the staffing
 * ratio scales demand from the first forecast year.
 */
function runProfession(
  pp: PreparedProfession,
  growth: Float64Array,
  horizon: number,
  p: ForecastParameters,
  out: YearColumns,
  offset: number,
): void {
  const extraFtePerPerson = Math.min(p.extraHoursPerWeekForPartTime / p.fullTimeHoursPerWeek, 1 - pp.partTimeFte);
  const extraFte = pp.partTime * extraFtePerPerson;
  // Absence that comes back as work adds capacity as extra hours do: the same work needs fewer persons.
  const regainedFte = pp.absence * p.absenceReduction;
  const capacityFactor = pp.fte > 0 ? pp.fte / (pp.fte + extraFte + regainedFte) : 1;
  const turnoverRate = p.turnoverRate * (1 - p.turnoverReduction);
  const scale = pp.headcount * (1 + p.staffingRatioChange) * capacityFactor;
  const d = p.retirementDelayYears;
  let previousDemand = pp.headcount;
  // Today's staff not yet retired at the start of year t, before turnover: those retiring in year t or later.
  let notRetired = 0;
  for (let r = 1; r <= horizon + 1; r++) notRetired += pp.reachesAge[r] as number;
  let kept = 1;
  for (let t = 1; t <= horizon; t++) {
    const demand = scale * (growth[t - 1] as number);
    // (1 − q)^(t − 1): the share of a cohort that turnover has left by the start of year t.
    if (t > 1) kept *= 1 - turnoverRate;
    const retiringNow = t - d >= 1 ? (pp.reachesAge[t - d] as number) : 0;
    const retirements = retiringNow * kept;
    notRetired -= retiringNow;
    const staying = Math.max(0, notRetired) * kept;
    const turnoverLeavers = staying * turnoverRate;
    const i = offset + t - 1;
    out.demand[i] = (out.demand[i] as number) + demand;
    out.staffRemaining[i] = (out.staffRemaining[i] as number) + (staying - turnoverLeavers);
    out.retirements[i] = (out.retirements[i] as number) + retirements;
    out.turnoverLeavers[i] = (out.turnoverLeavers[i] as number) + turnoverLeavers;
    out.need[i] = (out.need[i] as number) + (demand - previousDemand + retirements + turnoverLeavers);
    previousDemand = demand;
  }
}

/** Columns of calendar years firstYear … as a profession forecast (the cumulated need summed from the first year). */
function professionFromColumns(
  key: string,
  baseHeadcount: number,
  columns: YearColumns,
  firstYear: number,
  present: (i: number) => boolean,
  notesSv: string[],
): ProfessionForecast {
  const years: ForecastYear[] = [];
  let cumulative = 0;
  for (let i = 0; i < columns.demand.length; i++) {
    if (!present(i)) continue;
    const need = columns.need[i] as number;
    cumulative += need;
    years.push({
      year: firstYear + i,
      demand: columns.demand[i] as number,
      staffRemaining: columns.staffRemaining[i] as number,
      retirements: columns.retirements[i] as number,
      turnoverLeavers: columns.turnoverLeavers[i] as number,
      need,
      cumulativeNeed: cumulative,
    });
  }
  return {
    key,
    baseHeadcount,
    years,
    cumulativeNeed5: cumulativeAt(years, 5),
    cumulativeNeed10: cumulativeAt(years, 10),
    notesSv,
  };
}

/** Sums forecasts year by calendar year (a year missing in one counts as 0 there). */
function sumProfessionForecasts(key: string, parts: readonly ProfessionForecast[]): ProfessionForecast {
  const byYear = new Map<number, ForecastYear>();
  for (const part of parts) {
    for (const y of part.years) {
      const acc = byYear.get(y.year) ?? {
        year: y.year,
        demand: 0,
        staffRemaining: 0,
        retirements: 0,
        turnoverLeavers: 0,
        need: 0,
        cumulativeNeed: 0,
      };
      acc.demand += y.demand;
      acc.staffRemaining += y.staffRemaining;
      acc.retirements += y.retirements;
      acc.turnoverLeavers += y.turnoverLeavers;
      acc.need += y.need;
      byYear.set(y.year, acc);
    }
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  let cumulative = 0;
  for (const y of years) {
    cumulative += y.need;
    y.cumulativeNeed = cumulative;
  }
  return {
    key,
    baseHeadcount: parts.reduce((s, x) => s + x.baseHeadcount, 0),
    years,
    cumulativeNeed5: cumulativeAt(years, 5),
    cumulativeNeed10: cumulativeAt(years, 10),
    notesSv: [...new Set(parts.flatMap((x) => x.notesSv))],
  };
}

// ---- the API -------------------------------------------------------------------------------------------------

/** Everything of a municipality's forecast that the levers do not change (see PreparedForecast). */
export function prepareForecast(input: ForecastInput): PreparedForecast {
  const parameters = resolveParameters(input.parameters);
  const horizonYears = integer(input.horizonYears, DEFAULT_HORIZON_YEARS, 1, MAX_HORIZON_YEARS);
  const context = { baseYear: input.baseYear, horizon: horizonYears, population: input.population };
  const { baseBasis, growth } = growthOf(context, parameters);
  return {
    baseYear: input.baseYear,
    horizonYears,
    parameters,
    growth,
    professions: input.professions.map((s) => prepareProfession(s, horizonYears, baseBasis, parameters)),
  };
}

const withLevers = (parameters: ForecastParameters, levers: ForecastLevers): ForecastParameters =>
  resolveParameters({ ...parameters, ...levers });

/** A prepared forecast run with the base case's levers, or with others: the same as forecast() with those levers. */
export function runForecast(prepared: PreparedForecast, levers: ForecastLevers = {}): ForecastResult {
  const parameters = withLevers(prepared.parameters, levers);
  const h = prepared.horizonYears;
  const professions = prepared.professions.map((pp) => {
    const columns = yearColumns(h);
    runProfession(pp, prepared.growth, h, parameters, columns, 0);
    return professionFromColumns(pp.key, pp.headcount, columns, prepared.baseYear + 1, () => true, pp.notesSv);
  });
  return {
    baseYear: prepared.baseYear,
    horizonYears: h,
    parameters,
    professions,
    total: sumProfessionForecasts('all', professions),
    assumptions: assumptionsOf(prepared.baseYear, h, parameters),
  };
}

/** The forecast of one municipality: per profession and year, the total over professions and the assumptions. */
export function forecast(input: ForecastInput): ForecastResult {
  return runForecast(prepareForecast(input));
}

/**
 * The region's forecast straight from the municipalities' prepared forecasts, each run with the same levers:
 * the same as sumForecasts(prepared.map((p) => runForecast(p, levers))), without making each municipality's result
 * (a region of 290 municipalities × 7 professions × 10 years for one lever setting costs a few milliseconds).
 */
export function sumPreparedForecasts(
  prepared: readonly PreparedForecast[],
  levers: ForecastLevers = {},
): ForecastResult {
  const first = prepared[0];
  if (!first) return sumForecasts([]);
  const firstYear = Math.min(...prepared.map((p) => p.baseYear)) + 1;
  const lastYear = Math.max(...prepared.map((p) => p.baseYear + p.horizonYears));
  const n = Math.max(0, lastYear - firstYear + 1);
  const keys: string[] = [];
  const acc = new Map<string, { columns: YearColumns; present: Uint8Array; headcount: number; notes: string[] }>();
  const assumptionSets: ForecastAssumption[][] = [];
  for (const p of prepared) {
    const parameters = withLevers(p.parameters, levers);
    assumptionSets.push(assumptionsOf(p.baseYear, p.horizonYears, parameters));
    const offset = p.baseYear + 1 - firstYear;
    for (const pp of p.professions) {
      let a = acc.get(pp.key);
      if (!a) {
        a = { columns: yearColumns(n), present: new Uint8Array(n), headcount: 0, notes: [] };
        acc.set(pp.key, a);
        keys.push(pp.key);
      }
      runProfession(pp, p.growth, p.horizonYears, parameters, a.columns, offset);
      a.present.fill(1, offset, offset + p.horizonYears);
      a.headcount += pp.headcount;
      for (const note of pp.notesSv) if (!a.notes.includes(note)) a.notes.push(note);
    }
  }
  const professions = keys.map((key) => {
    const a = acc.get(key) as NonNullable<ReturnType<typeof acc.get>>;
    return professionFromColumns(key, a.headcount, a.columns, firstYear, (i) => a.present[i] === 1, a.notes);
  });
  return {
    baseYear: firstYear - 1,
    horizonYears: Math.max(...prepared.map((p) => p.horizonYears)),
    parameters: withLevers(first.parameters, levers),
    professions,
    total: sumProfessionForecasts('all', professions),
    assumptions: mergeAssumptions(assumptionSets),
  };
}

/** The first municipality's assumptions; one that differs between municipalities reads "Olika per kommun". */
function mergeAssumptions(sets: readonly ForecastAssumption[][]): ForecastAssumption[] {
  const first = sets[0] ?? [];
  // Municipalities with the same parameters share one memoised list: then there is nothing to compare.
  if (sets.every((set) => set === first)) return first;
  return first.map((a) =>
    sets.every((set) => set.some((b) => b.key === a.key && b.value === a.value))
      ? a
      : { ...a, value: 'Olika per kommun' },
  );
}

/**
 * The region's forecast: the municipalities' forecasts summed per profession and calendar year. An assumption that
 * differs between municipalities is shown as "Olika per kommun".
 */
export function sumForecasts(results: readonly ForecastResult[]): ForecastResult {
  const first = results[0];
  if (!first) {
    const parameters = resolveParameters();
    return {
      baseYear: 0,
      horizonYears: 0,
      parameters,
      professions: [],
      total: sumProfessionForecasts('all', []),
      assumptions: [],
    };
  }
  const keys = [...new Set(results.flatMap((r) => r.professions.map((p) => p.key)))];
  const professions = keys.map((key) =>
    sumProfessionForecasts(
      key,
      results.flatMap((r) => r.professions.filter((p) => p.key === key)),
    ),
  );
  const assumptions = mergeAssumptions(results.map((r) => r.assumptions));
  return {
    baseYear: Math.min(...results.map((r) => r.baseYear)),
    horizonYears: Math.max(...results.map((r) => r.horizonYears)),
    parameters: first.parameters,
    professions,
    total: sumProfessionForecasts('all', professions),
    assumptions,
  };
}

/**
 * A scenario beside the base case: the cumulative need over `years` (default the whole horizon) of one profession
 * (default all), how much it falls, and the sentence to show.
 */
export function compareScenario(
  base: ForecastResult,
  scenario: ForecastResult,
  options: { years?: number; profession?: string } = {},
): ScenarioComparison {
  const pick = (r: ForecastResult) => {
    const f = options.profession ? r.professions.find((p) => p.key === options.profession) : r.total;
    if (!f || f.years.length === 0) return 0;
    const n = Math.min(f.years.length, Math.max(1, options.years ?? f.years.length));
    return f.years[n - 1]?.cumulativeNeed ?? 0;
  };
  const needBase = pick(base);
  const needScenario = pick(scenario);
  const reduction = needBase - needScenario;
  const reductionPercent = needBase > 0 ? (reduction / needBase) * 100 : null;
  const shown = formatSv(Math.abs(reduction));
  let textSv: string;
  if (shown === '0') textSv = 'Behovet är oförändrat';
  else {
    const verb = reduction > 0 ? 'minskar' : 'ökar';
    const percent = reductionPercent === null ? '' : ` (${formatSv(Math.abs(reductionPercent))} %)`;
    textSv = `Behovet ${verb} med ${shown}${percent}`;
  }
  return { needBase, needScenario, reduction, reductionPercent, textSv };
}
