// The staffing forecast engine against small cases computed by hand, and its properties (decision 009).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultStaffingConfig } from '../default-config.ts';
import {
  compareScenario,
  forecast,
  prepareForecast,
  runForecast,
  sumForecasts,
  sumPreparedForecasts,
} from './forecast.ts';
import { formatSv } from './forecast-assumptions.ts';
import type {
  AgeBandCount,
  ForecastInput,
  ForecastParameters,
  ForecastResult,
  PopulationYear,
  ProfessionStaff,
} from './forecast-model.ts';
import { DEFAULT_SCENARIOS, forecastWithScenarios, populationFromFacts, staffFromFacts } from './forecast-scenarios.ts';

const pop = (year: number, age80plus: number, age65_79 = 0, age0_64 = 0): PopulationYear => ({
  year,
  age0_64,
  age65_79,
  age80plus,
});
const staff = (key: string, headcount: number, ageBands: AgeBandCount[], more: Partial<ProfessionStaff> = {}) => ({
  key,
  headcount,
  contractedFte: headcount,
  fullTimeHeadcount: headcount,
  ageBands,
  ...more,
});
const expectClose = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    expect(actual[i]).toBeCloseTo(e, 12);
  });
};
const needs = (r: ForecastResult, i = 0) => r.professions[i]?.years.map((y) => y.need) ?? [];

describe('forecast — hand-computed cases', () => {
  it('retirements only: five people aged 60–64, constant population', () => {
    // Band 60–64 with 5 persons → one person at each age 60, 61, 62, 63, 64. Retirement age 66: the person aged a
    // retires in year 66 − a: 64 → year 2, 63 → 3, 62 → 4, 61 → 5, 60 → 6. The 30–39 band retires after year 26.
    // Demand 10 every year (80+ unchanged), so need = retirements: [0, 1, 1, 1, 1, 1, 0, 0, 0, 0].
    // Cumulated: 5 years 0+1+1+1+1 = 4; 10 years 4 + 1 = 5; staff left after 10 years 10 − 5 = 5.
    const r = forecast({
      baseYear: 2026,
      professions: [
        staff('nurse', 10, [
          { minAge: 30, maxAge: 39, count: 5 },
          { minAge: 60, maxAge: 64, count: 5 },
        ]),
      ],
      population: [pop(2026, 1000)],
    });
    const p = r.professions[0];
    expect(r.horizonYears).toBe(10);
    expect(p?.years.map((y) => y.year)).toEqual([2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036]);
    expect(needs(r)).toEqual([0, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(p?.years.map((y) => y.retirements)).toEqual([0, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(p?.cumulativeNeed5).toBe(4);
    expect(p?.cumulativeNeed10).toBe(5);
    expect(p?.years[9]?.staffRemaining).toBe(5);
    expect(p?.years.every((y) => y.demand === 10)).toBe(true);
  });

  it('demand follows 80+ and the open bands: –29 from 20, 65+ retiring in the first year', () => {
    // 20 staff, 500 inhabitants 80+ → 0.04 staff per inhabitant 80+.
    // Band –29 (0–29) counts as ages 20–29, retiring after 37 years. Band 65+ with retirement age 66 spans 65–65:
    // all 10 retire in year 1.
    // 80+: 2027 550, 2028–2030 missing → 550, 2031 600, later → 600.
    // Demand: 2027 20 × 550/500 = 22; 2028–2030 22; 2031 20 × 600/500 = 24; 2032–2036 24.
    // Need: 2027 (22 − 20) + 10 = 12; 2028–2030 0; 2031 24 − 22 = 2; then 0.
    // Cumulated: 5 years 12 + 2 = 14; 10 years 14 (= demand 24 − staff left 10).
    const input: ForecastInput = {
      baseYear: 2026,
      professions: [
        staff('assistant_nurse', 20, [
          { minAge: 0, maxAge: 29, count: 10 },
          { minAge: 65, maxAge: null, count: 10 },
        ]),
      ],
      population: [pop(2026, 500), pop(2027, 550), pop(2031, 600)],
    };
    const r = forecast(input);
    const p = r.professions[0];
    expect(p?.years.map((y) => y.demand)).toEqual([22, 22, 22, 22, 24, 24, 24, 24, 24, 24]);
    expect(needs(r)).toEqual([12, 0, 0, 0, 2, 0, 0, 0, 0, 0]);
    expect(p?.cumulativeNeed5).toBe(14);
    expect(p?.cumulativeNeed10).toBe(14);
    expect(p?.years[9]?.staffRemaining).toBe(10);
    // Decision 009's worked example: retiring one year later moves the ten 65-year-olds to 2028, so 2027 needs
    // only the demand growth 2; cumulated 2 + 10 + 2 = 14 over 5 and 10 years — unchanged.
    const later = forecast({ ...input, parameters: { retirementDelayYears: 1 } });
    expect(needs(later)).toEqual([2, 10, 0, 0, 2, 0, 0, 0, 0, 0]);
    expect(compareScenario(r, later).textSv).toBe('Behovet är oförändrat');
  });

  it('the open lower band starts at 20', () => {
    // Band –29 (0–29) with 10 persons counts as one person at each age 20–29. Retirement age 66: age 29 retires in
    // year 37, 28 in 38, 27 in 39, 26 in 40 → 4 retirements cumulated by year 40 (from age 0 it would be 4/3).
    const r = forecast({
      baseYear: 2026,
      horizonYears: 40,
      professions: [staff('nurse', 10, [{ minAge: 0, maxAge: 29, count: 10 }])],
      population: [pop(2026, 100)],
    });
    const retirements = r.professions[0]?.years.map((y) => y.retirements) ?? [];
    expect(retirements.slice(0, 36).every((x) => x === 0)).toBe(true);
    expect(retirements.slice(36)).toEqual([1, 1, 1, 1]);
    expect(r.professions[0]?.years[39]?.cumulativeNeed).toBe(4);
  });

  it('a longer retirement age spreads the 65+ band up to the year before it', () => {
    // Retirement age 68: 65+ (4 persons) spans 65, 66, 67 → 4/3 each, retiring in years 3, 2, 1.
    const r = forecast({
      baseYear: 2026,
      horizonYears: 4,
      professions: [staff('nurse', 4, [{ minAge: 65, maxAge: null, count: 4 }])],
      population: [pop(2026, 100)],
      parameters: { retirementAge: 68 },
    });
    const retirements = r.professions[0]?.years.map((y) => y.retirements) ?? [];
    expect(retirements[0]).toBeCloseTo(4 / 3, 12);
    expect(retirements[1]).toBeCloseTo(4 / 3, 12);
    expect(retirements[2]).toBeCloseTo(4 / 3, 12);
    expect(retirements[3]).toBe(0);
    expect(r.professions[0]?.cumulativeNeed5).toBeNull();
  });

  it('turnover applies to today’s staff who do not retire that year', () => {
    // 2 staff: one in 65+ (retires in year 1), one in 40–49 (never within the horizon). Turnover 50 %.
    // Year 1: retirements 1; staying 1; leavers 1 × 0.5 = 0.5; left 0.5; need 0 + 1 + 0.5 = 1.5.
    // Year 2: staying 0.5; leavers 0.25; left 0.25; need 0.25. Cumulated 1.75 (= demand 2 − left 0.25).
    const r = forecast({
      baseYear: 2026,
      horizonYears: 2,
      professions: [
        staff('ot', 2, [
          { minAge: 40, maxAge: 49, count: 1 },
          { minAge: 65, maxAge: null, count: 1 },
        ]),
      ],
      population: [pop(2026, 100), pop(2027, 100), pop(2028, 100)],
      parameters: { turnoverRate: 0.5 },
    });
    const y = r.professions[0]?.years ?? [];
    expect(y.map((x) => x.retirements)).toEqual([1, 0]);
    // The 40–49 person is ten cohorts of 0.1, so compare to 12 decimals.
    expectClose(
      y.map((x) => x.turnoverLeavers),
      [0.5, 0.25],
    );
    expectClose(
      y.map((x) => x.staffRemaining),
      [0.5, 0.25],
    );
    expectClose(
      y.map((x) => x.need),
      [1.5, 0.25],
    );
    expectClose(
      y.map((x) => x.cumulativeNeed),
      [1.5, 1.75],
    );
  });

  it('weights 65–79 and 80+ when the basis is weighted', () => {
    // Basis 0.2 × 65–79 + 1 × 80+: base 0.2 × 1000 + 300 = 500; 2027 0.2 × 1500 + 300 = 600.
    // 50 staff, no age bands (no retirements): demand 2027 50 × 600/500 = 60; need 10.
    const r = forecast({
      baseYear: 2026,
      horizonYears: 1,
      professions: [staff('pt', 50, [])],
      population: [pop(2026, 300, 1000), pop(2027, 300, 1500)],
      parameters: { demandBasis: { weight65_79: 0.2, weight80plus: 1 } },
    });
    expect(r.professions[0]?.years[0]?.demand).toBeCloseTo(60, 12);
    expect(r.professions[0]?.years[0]?.need).toBeCloseTo(10, 12);
    expect(r.professions[0]?.notesSv.join(' ')).toMatch(/Åldersfördelning saknas/);
    expect(r.assumptions.find((a) => a.key === 'demandBasis')?.value).toBe(
      'Viktade invånare: 0,2 × 65–79 år + 1 × 80+ år',
    );
  });

  it('scales age bands that do not sum to the headcount', () => {
    // Headcount 10, bands sum to 5 (60–64: 5) → scale 2: two persons at each age 60–64; year 2 (age 64) retires 2.
    const r = forecast({
      baseYear: 2026,
      horizonYears: 2,
      professions: [staff('nurse', 10, [{ minAge: 60, maxAge: 64, count: 5 }])],
      population: [pop(2026, 10)],
    });
    expect(r.professions[0]?.years.map((y) => y.retirements)).toEqual([0, 2]);
    expect(r.professions[0]?.notesSv.join(' ')).toMatch(/skalats om/);
  });

  it('later retirement: one year later moves every retirement one year', () => {
    // As the first case with delay 1: ages 64…60 retire in years 3…7. 5 years: 3; 10 years: 5.
    const input: ForecastInput = {
      baseYear: 2026,
      professions: [staff('nurse', 5, [{ minAge: 60, maxAge: 64, count: 5 }])],
      population: [pop(2026, 1000)],
    };
    const base = forecast(input);
    const later = forecast({ ...input, parameters: { retirementDelayYears: 1 } });
    expect(needs(later)).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(later.professions[0]?.cumulativeNeed5).toBe(3);
    const c = compareScenario(base, later, { years: 5 });
    // Base 4, scenario 3: reduction 1 = 25 %.
    expect(c).toEqual({
      needBase: 4,
      needScenario: 3,
      reduction: 1,
      reductionPercent: 25,
      textSv: 'Behovet minskar med 1 (25 %)',
    });
    expect(compareScenario(base, later).textSv).toBe('Behovet är oförändrat'); // 10 years: 5 and 5
  });

  it('part-time staff working more hours: FTE → persons, capped at full time', () => {
    // 10 000 staff, 4 000 full time, contracted FTE 7 600 → 6 000 part-time with (7 600 − 4 000)/6 000 = 0.6 FTE.
    // 4 more hours of 40 = 0.1 FTE each (below the cap 1 − 0.6 = 0.4): extra FTE 6 000 × 0.1 = 600.
    // The same work then needs 7 600/8 200 of the persons. 80+ 1 000 → 1 100, no retirements.
    // Base: demand 11 000, cumulated need 1 000.
    // Scenario: demand 11 000 × 7 600/8 200 = 10 195.12…, cumulated need 195.12…; reduction 804.878… = 80.4878… %.
    const nurses = staff('nurse', 10_000, [], { fullTimeHeadcount: 4_000, contractedFte: 7_600 });
    const input: ForecastInput = {
      baseYear: 2026,
      professions: [nurses],
      population: [pop(2026, 1000), pop(2027, 1100)],
    };
    const base = forecast(input);
    const more = forecast({ ...input, parameters: { extraHoursPerWeekForPartTime: 4 } });
    expect(base.total.cumulativeNeed10).toBeCloseTo(1000, 9);
    expect(more.professions[0]?.years[0]?.demand).toBeCloseTo((11_000 * 7_600) / 8_200, 9);
    const c = compareScenario(base, more);
    expect(c.reduction).toBeCloseTo(1000 - ((11_000 * 7_600) / 8_200 - 10_000), 9);
    expect(c.reductionPercent).toBeCloseTo(((1000 - (11_000 * 7_600) / 8_200 + 10_000) / 1000) * 100, 9);
    expect(c.textSv).toBe('Behovet minskar med 804,9 (80,5 %)');

    // 40 more hours would be 1 FTE each, capped at 0.4: extra 2 400, FTE 10 000 = headcount; factor 0.76.
    const capped = forecast({ ...input, parameters: { extraHoursPerWeekForPartTime: 40 } });
    expect(capped.professions[0]?.years[0]?.demand).toBeCloseTo(11_000 * 0.76, 9);
    // Full time of 38.25 hours: 4/38.25 FTE each, extra 6 000 × 4/38.25 = 627.45…
    const short = forecast({ ...input, parameters: { extraHoursPerWeekForPartTime: 4, fullTimeHoursPerWeek: 38.25 } });
    expect(short.professions[0]?.years[0]?.demand).toBeCloseTo((11_000 * 7_600) / (7_600 + (6_000 * 4) / 38.25), 9);
  });

  it('runs the scenarios beside the base case over 5 and 10 years', () => {
    // Five persons aged 60–64 (one per age), 80+ constant, retirement age 66: base need 4 over 5 years, 5 over 10
    // (first case). Retirement one year later: 3 and 5; two years later: ages 64…60 retire in years 4…8: 2 and 5.
    // No part-time staff (all full time), so 2 more hours change nothing. Ratio −5 %: demand 5 × 0.95 = 4.75 from
    // year 1, so need 4 − 0.25 = 3.75 over 5 years (reduction 0.25 = 6.25 %) and 4.75 over 10 (0.25 = 5 %).
    const input: ForecastInput = {
      baseYear: 2026,
      professions: [staff('nurse', 5, [{ minAge: 60, maxAge: 64, count: 5 }])],
      population: [pop(2026, 1000)],
    };
    const { base, scenarios } = forecastWithScenarios(input);
    expect(base.total.cumulativeNeed5).toBe(4);
    expect(scenarios.map((s) => s.key)).toEqual(DEFAULT_SCENARIOS.map((s) => s.key));
    const byKey = Object.fromEntries(scenarios.map((s) => [s.key, s]));
    expect(byKey.part_time_2h?.comparison10?.textSv).toBe('Behovet är oförändrat');
    expect(byKey.retire_1y?.comparison5?.needScenario).toBe(3);
    expect(byKey.retire_1y?.comparison5?.textSv).toBe('Behovet minskar med 1 (25 %)');
    expect(byKey.retire_2y?.comparison5?.needScenario).toBe(2);
    expect(byKey.retire_2y?.comparison5?.textSv).toBe('Behovet minskar med 2 (50 %)');
    expect(byKey.retire_2y?.comparison10?.needScenario).toBe(5);
    expect(byKey.ratio_minus_5?.comparison5?.needScenario).toBeCloseTo(3.75, 12);
    expect(byKey.ratio_minus_5?.comparison5?.reductionPercent).toBeCloseTo(6.25, 12);
    expect(byKey.ratio_minus_5?.comparison10?.textSv).toBe('Behovet minskar med 0,3 (5 %)');

    // Scenario levers go on top of the base parameters; a horizon below 5 years has no 5-year comparison.
    const short = forecastWithScenarios({ ...input, horizonYears: 3, parameters: { retirementAge: 67 } }, [
      { key: 'x', labelSv: 'X', parameters: { retirementDelayYears: 1 } },
    ]);
    expect(short.scenarios[0]?.result.parameters.retirementAge).toBe(67);
    expect(short.scenarios[0]?.result.parameters.retirementDelayYears).toBe(1);
    expect(short.scenarios[0]?.comparison5).toBeNull();
  });

  it('a changed staffing ratio; an increase is worded as one', () => {
    // Base as above: need 1 000. Ratio +10 %: demand 11 000 × 1.1 = 12 100 → need 2 100: increase 1 100 = 110 %.
    // Ratio −10 %: demand 9 900 → need −100 (a surplus): reduction 1 100.
    const input: ForecastInput = {
      baseYear: 2026,
      professions: [staff('nurse', 10_000, [])],
      population: [pop(2026, 1000), pop(2027, 1100)],
    };
    const base = forecast(input);
    const up = compareScenario(base, forecast({ ...input, parameters: { staffingRatioChange: 0.1 } }));
    expect(up.needScenario).toBeCloseTo(2100, 9);
    expect(up.textSv).toBe('Behovet ökar med 1\u00a0100 (110 %)');
    const down = compareScenario(base, forecast({ ...input, parameters: { staffingRatioChange: -0.1 } }));
    expect(down.needScenario).toBeCloseTo(-100, 9);
    expect(down.textSv).toBe('Behovet minskar med 1\u00a0100 (110 %)');
  });

  it('no base need gives the change without a percentage', () => {
    // Constant population, nobody retires: base need 0; ratio +5 % on 100 staff: need 5.
    const input: ForecastInput = {
      baseYear: 2026,
      professions: [staff('nurse', 100, [])],
      population: [pop(2026, 50)],
    };
    const c = compareScenario(forecast(input), forecast({ ...input, parameters: { staffingRatioChange: 0.05 } }));
    expect(c.reductionPercent).toBeNull();
    expect(c.textSv).toBe('Behovet ökar med 5');
  });

  it('is total: zero headcount, zero population, empty bands, odd parameters', () => {
    const r = forecast({
      baseYear: 2026,
      horizonYears: 0,
      professions: [
        staff('a', 0, []),
        staff('b', 3, [{ minAge: null, maxAge: null, count: 3 }], { contractedFte: 0, fullTimeHeadcount: 0 }),
      ],
      population: [],
      parameters: { turnoverRate: Number.NaN, fullTimeHoursPerWeek: 0, extraHoursPerWeekForPartTime: 8 },
    });
    // Horizon 0 is raised to 1 year. 'a': nothing. 'b': no population → demand held at 3; ages 20–65 (open bands),
    // so 1/46 person aged 65 retires in year 1.
    expect(r.horizonYears).toBe(1);
    expect(r.professions[0]?.years[0]).toEqual({
      year: 2027,
      demand: 0,
      staffRemaining: 0,
      retirements: 0,
      turnoverLeavers: 0,
      need: 0,
      cumulativeNeed: 0,
    });
    expect(r.professions[1]?.years[0]?.demand).toBe(3);
    expect(r.professions[1]?.years[0]?.retirements).toBeCloseTo(3 / 46, 12);
    expect(r.professions[1]?.notesSv.join(' ')).toMatch(/Ingen befolkning/);
    expect(r.parameters.turnoverRate).toBe(0);
    expect(r.parameters.fullTimeHoursPerWeek).toBe(40);
  });

  it('caps the growth of a basis that is almost 0 in the base year (found by fast-check)', () => {
    // Basis 5e-324 × 1 (80+) in 2026 and 3.2e-18 × 1 (65–79) in 2027: the ratio overflows to Infinity and is capped
    // at 1e6, so demand is 2 × 1e6 instead of Infinity, and the need 2 × 1e6 − 2.
    const r = forecast({
      baseYear: 2026,
      horizonYears: 1,
      professions: [staff('nurse', 2, [])],
      population: [pop(2026, 1, 0), pop(2027, 0, 1)],
      parameters: { demandBasis: { weight65_79: 3.2415270791975372e-18, weight80plus: 5e-324 } },
    });
    expect(r.professions[0]?.years[0]?.demand).toBe(2e6);
    expect(r.professions[0]?.years[0]?.need).toBe(2e6 - 2);
  });

  it('lists every assumption in Swedish', () => {
    const r = forecast({ baseYear: 2026, professions: [], population: [] });
    const byKey = Object.fromEntries(r.assumptions.map((a) => [a.key, a.value]));
    expect(byKey.retirementAge).toBe('66 år');
    expect(byKey.horizonYears).toBe('10 år');
    expect(byKey.demandBasis).toBe('Invånare 80 år och äldre');
    expect(byKey.turnoverRate).toBe('0 %');
    expect(byKey.fullTimeHoursPerWeek).toBe('40 tim/vecka');
    expect(r.assumptions.every((a) => a.label.length > 0 && a.value.length > 0)).toBe(true);
  });

  it('region totals sum the municipalities per profession and year', () => {
    // Municipality 1: 10 nurses, 80+ 100 → 110: need 1 (year 1). Municipality 2: 20 nurses, 5 OTs, 80+ 200 → 220:
    // nurses 2, OTs 0.5. Region nurses 3, OTs 0.5, all 3.5.
    const m1 = forecast({
      baseYear: 2026,
      professions: [staff('nurse', 10, [])],
      population: [pop(2026, 100), pop(2027, 110)],
    });
    const m2 = forecast({
      baseYear: 2026,
      professions: [staff('nurse', 20, []), staff('ot', 5, [])],
      population: [pop(2026, 200), pop(2027, 220)],
    });
    const region = sumForecasts([m1, m2]);
    expect(region.professions.map((p) => p.key)).toEqual(['nurse', 'ot']);
    expect(region.professions[0]?.years[0]?.need).toBeCloseTo(3, 12);
    expect(region.professions[1]?.years[0]?.need).toBeCloseTo(0.5, 12);
    expect(region.total.cumulativeNeed10).toBeCloseTo(3.5, 12);
    expect(region.total.baseHeadcount).toBe(35);
    const differing = sumForecasts([
      m1,
      forecast({ ...{ baseYear: 2026, professions: [], population: [] }, parameters: { retirementAge: 65 } }),
    ]);
    expect(differing.assumptions.find((a) => a.key === 'retirementAge')?.value).toBe('Olika per kommun');
    expect(sumForecasts([]).professions).toEqual([]);
  });

  it("reads today's staff and the base population from a report's facts", () => {
    // Default configuration: six age bands (–29, 30–39, 40–49, 50–59, 60–64, 65+). Nurses: 12 persons, 10.5 FTE,
    // 8 full time; 7 aged 30–39 and 5 aged 60–64 (the other bands have no fact → 0). OTs have no headcount fact.
    // Inhabitants 10 000, of which 1 500 aged 65–79 and 600 aged 80+ → 0–64: 10 000 − 1 500 − 600 = 7 900.
    const f = (measure: string, profession: string, value: number, breakdown = '') => ({
      measure,
      profession,
      breakdown,
      value,
    });
    const facts = [
      f('headcount', 'sjukskoterska', 12),
      f('contracted_fte', 'sjukskoterska', 10.5),
      f('fulltime_headcount', 'sjukskoterska', 8),
      f('age_headcount', 'sjukskoterska', 7, 'age_30_39'),
      f('age_headcount', 'sjukskoterska', 5, 'age_60_64'),
      f('absence_fte', 'sjukskoterska', 0.75, 'parental_leave'),
      f('absence_fte', 'sjukskoterska', 0.5, 'long_term_sick'),
      f('contracted_fte', 'arbetsterapeut', 3),
      f('inhabitants', 'context', 10_000),
      f('inhabitants_65_79', 'context', 1_500),
      f('inhabitants_80_plus', 'context', 600),
    ];
    expect(staffFromFacts(defaultStaffingConfig(), facts)).toEqual([
      {
        key: 'sjukskoterska',
        headcount: 12,
        contractedFte: 10.5,
        fullTimeHeadcount: 8,
        // Absence over its kinds: 0.75 + 0.5.
        absenceFte: 1.25,
        ageBands: [
          { minAge: 0, maxAge: 29, count: 0 },
          { minAge: 30, maxAge: 39, count: 7 },
          { minAge: 40, maxAge: 49, count: 0 },
          { minAge: 50, maxAge: 59, count: 0 },
          { minAge: 60, maxAge: 64, count: 5 },
          { minAge: 65, maxAge: null, count: 0 },
        ],
      },
    ]);
    expect(populationFromFacts(facts, 2026)).toEqual({ year: 2026, age0_64: 7_900, age65_79: 1_500, age80plus: 600 });
  });

  it('formats Swedish numbers', () => {
    expect(formatSv(1234567.89)).toBe('1\u00a0234\u00a0567,9');
    expect(formatSv(0.25)).toBe('0,3');
    expect(formatSv(-0)).toBe('0');
  });
});

// ---- properties ----------------------------------------------------------------------------------------------

const BAND_BOUNDS: [number | null, number | null][] = [
  [0, 29],
  [30, 39],
  [40, 49],
  [50, 59],
  [60, 64],
  [65, null],
];
const YEARS = 10;
const BASE = 2026;

const professionArb: fc.Arbitrary<ProfessionStaff> = fc
  .record({
    key: fc.constantFrom('nurse', 'ot', 'pt'),
    counts: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 6, maxLength: 6 }),
    fullShare: fc.double({ min: 0, max: 1, noNaN: true }),
    partFte: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ key, counts, fullShare, partFte }) => {
    const headcount = counts.reduce((s, c) => s + c, 0);
    const fullTimeHeadcount = Math.floor(headcount * fullShare);
    return {
      key,
      headcount,
      fullTimeHeadcount,
      contractedFte: fullTimeHeadcount + (headcount - fullTimeHeadcount) * partFte,
      ageBands: BAND_BOUNDS.map(([minAge, maxAge], i) => ({ minAge, maxAge, count: counts[i] ?? 0 })),
    };
  });
const popArb = (year: number) =>
  fc.record({
    year: fc.constant(year),
    age0_64: fc.integer({ min: 0, max: 50_000 }),
    age65_79: fc.integer({ min: 0, max: 10_000 }),
    age80plus: fc.integer({ min: 0, max: 5_000 }),
  });
const populationArb = fc.tuple(...Array.from({ length: YEARS + 1 }, (_, i) => popArb(BASE + i)));
const basisArb = fc.oneof(
  fc.constant('80+' as const),
  fc.record({
    weight0_64: fc.double({ min: 0, max: 1, noNaN: true }),
    weight65_79: fc.double({ min: 0, max: 1, noNaN: true }),
    weight80plus: fc.double({ min: 0, max: 2, noNaN: true }),
  }),
);
const paramsArb: fc.Arbitrary<Partial<ForecastParameters>> = fc.record({
  retirementAge: fc.integer({ min: 60, max: 70 }),
  retirementDelayYears: fc.integer({ min: 0, max: 2 }),
  turnoverRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  demandBasis: basisArb,
  staffingRatioChange: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  extraHoursPerWeekForPartTime: fc.double({ min: 0, max: 10, noNaN: true }),
  fullTimeHoursPerWeek: fc.constantFrom(38.25, 40),
});
const inputArb: fc.Arbitrary<ForecastInput> = fc.record({
  baseYear: fc.constant(BASE),
  professions: fc.array(professionArb, { minLength: 1, maxLength: 3 }),
  population: populationArb,
  parameters: paramsArb,
});

/** Cumulative need per profession and year, plus the total's. */
const cumulative = (r: ForecastResult) => [
  ...r.professions.flatMap((p) => p.years.map((y) => y.cumulativeNeed)),
  ...r.total.years.map((y) => y.cumulativeNeed),
];
const tolerance = (x: number) => 1e-9 * Math.max(1, Math.abs(x));

describe('forecast — properties', () => {
  it('no population change and no retirements give zero need', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 3 }),
        popArb(BASE),
        basisArb,
        fc.integer({ min: 60, max: 70 }),
        fc.boolean(),
        (headcounts, base, demandBasis, retirementAge, withBands) => {
          // Everyone younger than retirement age − horizon (or no age known): nobody retires within 10 years.
          const youngest = retirementAge - YEARS - 1;
          const r = forecast({
            baseYear: BASE,
            professions: headcounts.map((h, i) =>
              staff(`p${i}`, h, withBands ? [{ minAge: 20, maxAge: youngest, count: h }] : []),
            ),
            population: Array.from({ length: YEARS + 1 }, (_, i) => ({ ...base, year: BASE + i })),
            parameters: { demandBasis, retirementAge },
          });
          for (const p of [...r.professions, r.total]) {
            for (const y of p.years) {
              expect(y.retirements).toBe(0);
              expect(y.need).toBe(0);
              expect(y.cumulativeNeed).toBe(0);
            }
          }
        },
      ),
    );
  });

  it('need rises monotonically with the 80+ projection', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: YEARS, maxLength: YEARS }),
        (input, increments) => {
          const higher = {
            ...input,
            // The base year stays; every projected year gets as many or more inhabitants 80+.
            population: input.population.map((row, i) =>
              i === 0 ? row : { ...row, age80plus: row.age80plus + (increments[i - 1] ?? 0) },
            ),
          };
          const a = cumulative(forecast(input));
          const b = cumulative(forecast(higher));
          a.forEach((x, i) => {
            expect(b[i]).toBeGreaterThanOrEqual(x - tolerance(x));
          });
        },
      ),
    );
  });

  it('a later retirement age never raises the need', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 5 }), (input, later) => {
        const age = input.parameters?.retirementAge ?? 66;
        const a = cumulative(forecast(input));
        const b = cumulative(forecast({ ...input, parameters: { ...input.parameters, retirementAge: age + later } }));
        a.forEach((x, i) => {
          expect(b[i]).toBeLessThanOrEqual(x + tolerance(x));
        });
      }),
    );
  });

  it('the part-time and later-retirement levers never give a negative reduction', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom(1, 5, 10),
        (input, hours, delay, years) => {
          const base = forecast(input);
          const plus = (p: Partial<ForecastParameters>) =>
            forecast({ ...input, parameters: { ...input.parameters, ...p } });
          const extra = (input.parameters?.extraHoursPerWeekForPartTime ?? 0) + hours;
          const delayed = (input.parameters?.retirementDelayYears ?? 0) + delay;
          for (const scenario of [
            plus({ extraHoursPerWeekForPartTime: extra }),
            plus({ retirementDelayYears: delayed }),
          ]) {
            const c = compareScenario(base, scenario, { years });
            expect(c.reduction).toBeGreaterThanOrEqual(-tolerance(c.needBase));
            expect(c.textSv).not.toMatch(/ökar/);
          }
        },
      ),
    );
  });

  it('region totals equal the sum of the municipalities', () => {
    // Sums in another order differ in the last bits: the tolerance is relative to the terms' size (large needs can
    // cancel to a small total).
    const close = (actual: number | null | undefined, terms: number[]) => {
      const expected = terms.reduce((s, t) => s + t, 0);
      const size = terms.reduce((s, t) => s + Math.abs(t), 0);
      expect(Math.abs((actual ?? 0) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, size));
    };
    fc.assert(
      fc.property(fc.array(inputArb, { minLength: 1, maxLength: 4 }), (inputs) => {
        const results = inputs.map(forecast);
        const region = sumForecasts(results);
        for (const p of region.professions) {
          p.years.forEach((y, i) => {
            const parts = results.flatMap((r) => r.professions.filter((x) => x.key === p.key));
            close(
              y.need,
              parts.map((q) => q.years[i]?.need ?? 0),
            );
            close(
              y.demand,
              parts.map((q) => q.years[i]?.demand ?? 0),
            );
          });
        }
        close(
          region.total.cumulativeNeed10,
          results.map((r) => r.total.cumulativeNeed10 ?? 0),
        );
      }),
    );
  });

  it('results are finite for any valid input', () => {
    const wildBand = fc.record({
      minAge: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      maxAge: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      count: fc.integer({ min: 0, max: 1000 }),
    });
    const wildProfession = fc.record({
      key: fc.constantFrom('a', 'b'),
      headcount: fc.integer({ min: 0, max: 1000 }),
      contractedFte: fc.double({ min: 0, max: 1000, noNaN: true }),
      fullTimeHeadcount: fc.integer({ min: 0, max: 1000 }),
      ageBands: fc.array(wildBand, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        wildProfession.chain((p) => fc.array(fc.constant(p), { minLength: 0, maxLength: 2 })),
        fc.array(
          popArb(BASE).chain((row) => fc.integer({ min: BASE - 2, max: BASE + 12 }).map((year) => ({ ...row, year }))),
        ),
        fc.oneof(
          paramsArb,
          // Any numbers at all, even NaN, infinities and denormals: the engine brings them into range.
          fc.record({
            retirementAge: fc.double(),
            retirementDelayYears: fc.double(),
            turnoverRate: fc.double(),
            demandBasis: fc.record({ weight0_64: fc.double(), weight65_79: fc.double(), weight80plus: fc.double() }),
            staffingRatioChange: fc.double(),
            extraHoursPerWeekForPartTime: fc.double(),
            fullTimeHoursPerWeek: fc.double(),
          }),
        ),
        fc.integer({ min: 0, max: 60 }),
        (professions, population, parameters, horizonYears) => {
          const r = forecast({ baseYear: BASE, horizonYears, professions, population, parameters });
          for (const p of [...r.professions, r.total]) {
            for (const y of p.years) {
              for (const v of Object.values(y)) expect(Number.isFinite(v)).toBe(true);
            }
          }
          const c = compareScenario(r, forecast({ baseYear: BASE, professions, population }));
          expect(Number.isFinite(c.reduction)).toBe(true);
          expect(c.textSv).toMatch(/^Behovet /);
        },
      ),
    );
  });
});

describe('prepared forecasts (the region’s scenarios without a result per municipality)', () => {
  const leversArb = fc.record(
    {
      retirementDelayYears: fc.integer({ min: 0, max: 5 }),
      staffingRatioChange: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      extraHoursPerWeekForPartTime: fc.double({ min: 0, max: 20, noNaN: true }),
    },
    { requiredKeys: [] },
  );
  const close = (a: ForecastResult, b: ForecastResult) => {
    expect(a.baseYear).toBe(b.baseYear);
    expect(a.horizonYears).toBe(b.horizonYears);
    expect(a.parameters).toEqual(b.parameters);
    expect(a.assumptions).toEqual(b.assumptions);
    expect(a.professions.map((p) => [p.key, p.baseHeadcount, p.notesSv])).toEqual(
      b.professions.map((p) => [p.key, p.baseHeadcount, p.notesSv]),
    );
    for (const [x, y] of [...a.professions, a.total].map((p, i) => [p, [...b.professions, b.total][i]] as const)) {
      expect(x.years.map((v) => v.year)).toEqual(y?.years.map((v) => v.year));
      x.years.forEach((v, i) => {
        const w = y?.years[i];
        for (const k of [
          'demand',
          'staffRemaining',
          'retirements',
          'turnoverLeavers',
          'need',
          'cumulativeNeed',
        ] as const) {
          expect(Math.abs(v[k] - (w?.[k] ?? Number.NaN))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v[k])));
        }
      });
    }
  };

  it('run with other levers, a prepared forecast equals the forecast made with those levers', () => {
    fc.assert(
      fc.property(inputArb, leversArb, (input, levers) => {
        const prepared = prepareForecast(input);
        close(runForecast(prepared, levers), forecast({ ...input, parameters: { ...input.parameters, ...levers } }));
      }),
    );
  });

  it('summed straight from the prepared forecasts, the region equals the sum of the municipalities', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(inputArb, fc.integer({ min: -2, max: 2 }), fc.integer({ min: 3, max: 12 })), {
          minLength: 1,
          maxLength: 4,
        }),
        leversArb,
        (municipalities, levers) => {
          // Municipalities with other base years and horizons too: the region covers the union of their years.
          const inputs = municipalities.map(([input, shift, horizonYears]) => ({
            ...input,
            baseYear: input.baseYear + shift,
            horizonYears,
          }));
          const prepared = inputs.map(prepareForecast);
          close(
            sumPreparedForecasts(prepared, levers),
            sumForecasts(inputs.map((i) => forecast({ ...i, parameters: { ...i.parameters, ...levers } }))),
          );
        },
      ),
    );
  });

  it('the same parameters everywhere give the region the municipalities’ assumptions, else "Olika per kommun"', () => {
    const one = (retirementAge: number): ForecastInput => ({
      baseYear: BASE,
      professions: [staff('nurse', 10, [{ minAge: 60, maxAge: 64, count: 10 }])],
      population: [{ year: BASE, age0_64: 100, age65_79: 50, age80plus: 20 }],
      parameters: { retirementAge },
    });
    const same = sumPreparedForecasts([prepareForecast(one(66)), prepareForecast(one(66))]);
    expect(same.assumptions.find((a) => a.key === 'retirementAge')?.value).toBe('66 år');
    const mixed = sumPreparedForecasts([prepareForecast(one(66)), prepareForecast(one(67))]);
    expect(mixed.assumptions.find((a) => a.key === 'retirementAge')?.value).toBe('Olika per kommun');
    expect(mixed.assumptions.find((a) => a.key === 'horizonYears')?.value).toBe('10 år');
    expect(sumPreparedForecasts([])).toEqual(sumForecasts([]));
  });
});

describe('forecast — the absence and turnover levers (issue 20)', () => {
  // 20 persons, 16 contracted FTE of which 4 absent; 80+ grows 10 % in year 1, then stays.
  const input: ForecastInput = {
    baseYear: 2025,
    horizonYears: 3,
    professions: [staff('nurse', 20, [{ minAge: 30, maxAge: 39, count: 20 }], { contractedFte: 16, absenceFte: 4 })],
    population: [pop(2025, 1000), pop(2026, 1100)],
    parameters: { turnoverRate: 0.1 },
  };

  it('lower absence: regained FTE do work, so demand is scaled by fte / (fte + regained)', () => {
    const base = forecast(input);
    const lower = forecast({ ...input, parameters: { ...input.parameters, absenceReduction: 0.5 } });
    // Half of 4 absent FTE come back: 16 / (16 + 2) of the base demand in every year.
    const factor = 16 / 18;
    const baseDemand = base.professions[0]?.years.map((y) => y.demand) ?? [];
    expectClose(
      lower.professions[0]?.years.map((y) => y.demand) ?? [],
      baseDemand.map((d) => d * factor),
    );
    expect(baseDemand[0]).toBeCloseTo(22, 12);
    // Retirements and turnover of today's staff are as in the base case.
    expectClose(
      lower.professions[0]?.years.map((y) => y.turnoverLeavers) ?? [],
      base.professions[0]?.years.map((y) => y.turnoverLeavers) ?? [],
    );
  });

  it('lower turnover: the yearly rate is the assumed one times (1 − reduction)', () => {
    const lower = forecast({ ...input, parameters: { ...input.parameters, turnoverReduction: 0.5 } });
    // Nobody retires (30–39): year 1 loses 5 % of 20, year 2 5 % of the 19 left, year 3 5 % of 18.05.
    expectClose(lower.professions[0]?.years.map((y) => y.turnoverLeavers) ?? [], [1, 0.95, 0.9025]);
    expectClose(lower.professions[0]?.years.map((y) => y.staffRemaining) ?? [], [19, 18.05, 17.1475]);
  });

  it('levers at 0 or without absence data change nothing; the absence lever is capped by the absence reported', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (headcount, absenceShare, reduction) => {
          const fte = headcount * 0.8;
          const one = (absenceFte: number, parameters: Partial<ForecastParameters>) =>
            forecast({
              ...input,
              professions: [
                staff('x', headcount, [{ minAge: 50, maxAge: 64, count: headcount }], {
                  contractedFte: fte,
                  absenceFte,
                }),
              ],
              parameters: { ...input.parameters, ...parameters },
            }).total.cumulativeNeed5 ?? 0;
          const base = one(fte * absenceShare, {});
          expect(one(fte * absenceShare, { absenceReduction: 0, turnoverReduction: 0 })).toBeCloseTo(base, 9);
          expect(one(0, { absenceReduction: reduction })).toBeCloseTo(one(0, {}), 9);
          // More absence regained never raises the need; more than the FTE cannot be regained.
          expect(one(fte * absenceShare, { absenceReduction: reduction })).toBeLessThanOrEqual(base + 1e-9);
          expect(one(fte * 5, { absenceReduction: 1 })).toBeCloseTo(one(fte, { absenceReduction: 1 }), 9);
        },
      ),
      { numRuns: 60 },
    );
  });
});
