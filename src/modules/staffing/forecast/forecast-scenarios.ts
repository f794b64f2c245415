// The scenarios shown beside the base case, and a report's facts as the forecast's inputs.

import type { StaffingConfigDto } from '../staffing.contracts.ts';
import type { Fact } from '../staffing-measures.ts';
import { amount, compareScenario, forecast } from './forecast.ts';
import type {
  ForecastInput,
  ForecastParameters,
  ForecastResult,
  PopulationYear,
  ProfessionStaff,
  ScenarioComparison,
} from './forecast-model.ts';

// ---- scenarios beside the base case --------------------------------------------------------------------------

/** A scenario: levers that override the base case's parameters. */
export type ScenarioDef = { key: string; labelSv: string; parameters: Partial<ForecastParameters> };

/** SKR-style scenarios shown by default; the view may offer others (the hours and percentages are illustrative). */
export const DEFAULT_SCENARIOS: readonly ScenarioDef[] = [
  {
    key: 'part_time_2h',
    labelSv: 'Deltidsanställda arbetar 2 timmar mer i veckan',
    parameters: { extraHoursPerWeekForPartTime: 2 },
  },
  { key: 'retire_1y', labelSv: 'Pension ett år senare', parameters: { retirementDelayYears: 1 } },
  { key: 'retire_2y', labelSv: 'Pension två år senare', parameters: { retirementDelayYears: 2 } },
  {
    key: 'ratio_minus_5',
    labelSv: 'Nya arbetssätt: 5 % lägre personaltäthet',
    parameters: { staffingRatioChange: -0.05 },
  },
];

/** One scenario's forecast and how its cumulated need over 5 and 10 years (null beyond the horizon) compares. */
export type ScenarioResult = {
  key: string;
  labelSv: string;
  result: ForecastResult;
  comparison5: ScenarioComparison | null;
  comparison10: ScenarioComparison | null;
};

/** The base case and each scenario (its levers on top of the base case's parameters), compared over 5 and 10 years. */
export function forecastWithScenarios(
  input: ForecastInput,
  scenarios: readonly ScenarioDef[] = DEFAULT_SCENARIOS,
): { base: ForecastResult; scenarios: ScenarioResult[] } {
  const base = forecast(input);
  return {
    base,
    scenarios: scenarios.map((s) => {
      const result = forecast({ ...input, parameters: { ...input.parameters, ...s.parameters } });
      const over = (years: number) => (base.horizonYears >= years ? compareScenario(base, result, { years }) : null);
      return { key: s.key, labelSv: s.labelSv, result, comparison5: over(5), comparison10: over(10) };
    }),
  };
}

// ---- from a report's facts -----------------------------------------------------------------------------------

/**
 * Today's staff per active profession from one report's facts: headcount, contracted_fte, fulltime_headcount and
 * age_headcount per active age band of the configuration (a band without a fact counts 0). Professions without a
 * headcount are left out.
 */
export function staffFromFacts(config: StaffingConfigDto, facts: readonly Fact[]): ProfessionStaff[] {
  const value = (profession: string, measure: string, breakdown = '') =>
    amount(facts.find((f) => f.profession === profession && f.measure === measure && f.breakdown === breakdown)?.value);
  const bands = config.items.filter((i) => i.kind === 'age_band' && i.active).sort((a, b) => a.sort - b.sort);
  return config.professions
    .filter((p) => p.active && facts.some((f) => f.profession === p.key && f.measure === 'headcount'))
    .sort((a, b) => a.sort - b.sort)
    .map((p) => ({
      key: p.key,
      headcount: value(p.key, 'headcount'),
      contractedFte: value(p.key, 'contracted_fte'),
      fullTimeHeadcount: value(p.key, 'fulltime_headcount'),
      // Absence FTE over every kind (the facts hold it per kind; a total without kinds counts too).
      absenceFte: facts
        .filter((f) => f.profession === p.key && f.measure === 'absence_fte')
        .reduce((sum, f) => sum + amount(f.value), 0),
      ageBands: bands.map((b) => ({ minAge: b.minAge, maxAge: b.maxAge, count: value(p.key, 'age_headcount', b.key) })),
      ...(facts.some((f) => f.profession === p.key && f.measure === 'specialist_headcount')
        ? { specialistHeadcount: value(p.key, 'specialist_headcount') }
        : {}),
    }));
}

/** The base year's population from a report's context facts (0–64 = inhabitants − 65–79 − 80+, at least 0). */
export function populationFromFacts(facts: readonly Fact[], year: number): PopulationYear {
  const value = (measure: string) =>
    amount(facts.find((f) => f.profession === 'context' && f.measure === measure && f.breakdown === '')?.value);
  const age65_79 = value('inhabitants_65_79');
  const age80plus = value('inhabitants_80_plus');
  return { year, age0_64: Math.max(0, value('inhabitants') - age65_79 - age80plus), age65_79, age80plus };
}
