import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ForecastDto, ForecastResultDto, ScenarioDto } from '../forecast.contracts.ts';
import { forecastEn } from './forecast.en.ts';
import { forecastSv } from './forecast.sv.ts';
import {
  changedAssumptions,
  changeText,
  chartRows,
  compareNeeds,
  type ForecastT,
  formatPercent,
  formatPersons,
  formatPersonsOneDecimal,
  type ProfessionForecastDto,
  pickProfession,
  scenarioFigures,
  scenarioSentences,
} from './forecast-data.ts';

function profession(key: string, baseHeadcount: number, needs: number[]): ProfessionForecastDto {
  let cumulative = 0;
  const years = needs.map((need, i) => {
    cumulative += need;
    return {
      year: 2027 + i,
      demand: baseHeadcount + i,
      staffRemaining: baseHeadcount - i,
      retirements: 1,
      turnoverLeavers: 0,
      need,
      cumulativeNeed: cumulative,
    };
  });
  const sum = (n: number) => (needs.length >= n ? needs.slice(0, n).reduce((a, b) => a + b, 0) : null);
  return { key, baseHeadcount, years, cumulativeNeed5: sum(5), cumulativeNeed10: sum(10), notesSv: [] };
}

function result(
  nurseNeeds: number[],
  aideNeeds: number[],
  assumptions = [{ key: 'a', label: 'A', value: '1', en: { label: 'A', value: '1' } }],
) {
  const nurse = profession('nurse', 10, nurseNeeds);
  const aide = profession('aide', 20, aideNeeds);
  const total = profession(
    'all',
    30,
    nurseNeeds.map((n, i) => n + (aideNeeds[i] ?? 0)),
  );
  return { baseYear: 2026, horizonYears: nurseNeeds.length, professions: [nurse, aide], total, assumptions };
}

function scenario(key: ScenarioDto['key'], r: ForecastResultDto): ScenarioDto {
  return {
    key,
    label: { sv: `Scenario ${key}`, en: `Scenario ${key} (en)` },
    result: r,
    comparison5: null,
    comparison10: null,
    byProfession: [],
  };
}

const tenYears = (n: number) => Array.from({ length: 10 }, () => n);

describe('the forecast view’s figures', () => {
  it('picks all professions’ total or one profession', () => {
    const r = result(tenYears(1), tenYears(2));
    expect(pickProfession(r, undefined)?.key).toBe('all');
    expect(pickProfession(r, 'all')?.key).toBe('all');
    expect(pickProfession(r, 'aide')?.baseHeadcount).toBe(20);
    expect(pickProfession(r, 'unknown')).toBeNull();
  });

  it('starts the charts at the base year with today’s staff and matches the scenario by year', () => {
    const base = profession('nurse', 10, [3, 4]);
    const other = profession('nurse', 10, [1, 1]);
    const rows = chartRows(2026, base, other);
    expect(rows.map((r) => r.year)).toEqual(['2026', '2027', '2028']);
    expect(rows[0]).toEqual({
      year: '2026',
      demandBase: 10,
      staffBase: 10,
      cumulativeBase: 0,
      demandScenario: 10,
      staffScenario: 10,
      cumulativeScenario: 0,
    });
    expect(rows[2]?.cumulativeBase).toBe(7);
    expect(rows[2]?.cumulativeScenario).toBe(2);
    expect(chartRows(2026, base, null)[1]).not.toHaveProperty('demandScenario');
  });

  it('says whether the need falls, rises or stays, in whole persons', () => {
    expect(compareNeeds(200, 191)).toEqual({ reduction: 9, percent: 4.5, direction: 'falls' });
    expect(compareNeeds(100, 110).direction).toBe('rises');
    expect(compareNeeds(100, 110).percent).toBe(-10);
    expect(compareNeeds(100, 99.6).direction).toBe('unchanged');
    expect(compareNeeds(0, -3).percent).toBeNull();
    expect(compareNeeds(-5, -8).percent).toBeNull();
  });

  it('gives each scenario’s needs over 5 and 10 years beside the base case, for the chosen profession', () => {
    const dto = {
      base: result(tenYears(2), tenYears(3)),
      // The API's order is not the view's: the scenarios are listed part-time, retirement, staffing ratio, combined.
      scenarios: [
        scenario('combined', result(tenYears(0), tenYears(1))),
        scenario('part_time', result(tenYears(1), tenYears(3))),
      ],
    } as unknown as ForecastDto;
    const all = scenarioFigures(dto, undefined, 'sv');
    expect(all.base).toEqual({ need5: 25, need10: 50 });
    expect(all.scenarios.map((s) => [s.key, s.need5, s.need10])).toEqual([
      ['part_time', 20, 40],
      ['combined', 5, 10],
    ]);
    expect(all.scenarios[0]?.change10).toEqual({ reduction: 10, percent: 20, direction: 'falls' });
    const nurse = scenarioFigures(dto, 'nurse', 'en');
    expect(nurse.base).toEqual({ need5: 10, need10: 20 });
    expect(nurse.scenarios[1]?.label).toBe('Scenario combined (en)');
    expect(nurse.scenarios[1]?.change5?.percent).toBe(100);
    expect(scenarioFigures(dto, 'unknown', 'sv')).toEqual({ base: null, scenarios: [] });
  });

  it('has no 10-year figures when the horizon is shorter', () => {
    const dto = {
      base: result([1, 1, 1, 1, 1], [1, 1, 1, 1, 1]),
      scenarios: [scenario('part_time', result([0, 0, 0, 0, 0], [1, 1, 1, 1, 1]))],
    } as unknown as ForecastDto;
    const figures = scenarioFigures(dto, undefined, 'sv');
    expect(figures.base).toEqual({ need5: 10, need10: null });
    expect(figures.scenarios[0]?.change10).toBeNull();
    expect(figures.scenarios[0]?.change5?.reduction).toBe(5);
  });

  it('lists the scenario’s assumptions that differ from the base case', () => {
    const base = result(
      [1],
      [1],
      [
        {
          key: 'retirementAge',
          label: 'Pensionsålder',
          value: '66 år',
          en: { label: 'Pensionsålder', value: '66 år' },
        },
        { key: 'extraHours', label: 'Extra timmar', value: '0', en: { label: 'Extra timmar', value: '0' } },
      ],
    );
    const s = scenario(
      'part_time',
      result(
        [1],
        [1],
        [
          {
            key: 'retirementAge',
            label: 'Pensionsålder',
            value: '66 år',
            en: { label: 'Pensionsålder', value: '66 år' },
          },
          { key: 'extraHours', label: 'Extra timmar', value: '4', en: { label: 'Extra timmar', value: '4' } },
        ],
      ),
    );
    expect(changedAssumptions(base, s)).toEqual([
      { key: 'extraHours', label: 'Extra timmar', value: '4', en: { label: 'Extra timmar', value: '4' } },
    ]);
  });

  it('writes persons and percentages the Swedish or English way', () => {
    expect(formatPersons(1234.4, 'sv')).toBe('1\u00a0234');
    expect(formatPersons(1234.6, 'en')).toBe('1,235');
    expect(formatPersons(-0.3, 'sv')).toBe('0');
    expect(formatPersonsOneDecimal(12.34, 'sv')).toBe('12,3');
    expect(formatPersonsOneDecimal(-0.04, 'sv')).toBe('0,0');
    expect(formatPercent(4.46, 'sv')).toBe('4,5\u00a0%');
    expect(formatPercent(4.46, 'en')).toBe('4.5%');
  });
});

/** The page's translator with the real texts, as useNamespaceT gives it. */
async function translator(lng: 'sv' | 'en'): Promise<ForecastT> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { sv: { staffingForecast: forecastSv }, en: { staffingForecast: forecastEn } },
    interpolation: { escapeValue: false },
  });
  // As namespace-t.ts: the app-wide typed keys do not include a namespace's own.
  const t = i18n.t as unknown as (key: string, options: object) => string;
  return (key, options = {}) => t(key, { ns: 'staffingForecast', ...options });
}

describe('the scenarios’ sentences', () => {
  it('say how much the need falls or rises, in whole persons and a percentage with one decimal', async () => {
    const sv = await translator('sv');
    expect(changeText(sv, compareNeeds(268, 256), 'sv')).toBe('Behovet minskar med 12 (4,5\u00a0%)');
    expect(changeText(sv, compareNeeds(100, 110.4), 'sv')).toBe('Behovet ökar med 10 (10,4\u00a0%)');
    expect(changeText(sv, compareNeeds(0, -7), 'sv')).toBe('Behovet minskar med 7');
    expect(changeText(sv, compareNeeds(50, 50.3), 'sv')).toBe('Behovet är oförändrat');
    const en = await translator('en');
    expect(changeText(en, compareNeeds(268, 256), 'en')).toBe('The need falls by 12 (4.5%)');
  });

  it('name each scenario, over 10 years when the forecast reaches them, else over 5', async () => {
    const sv = await translator('sv');
    const ten = {
      base: result(tenYears(2), tenYears(3)),
      scenarios: [scenario('retire_later', result(tenYears(1), tenYears(3)))],
    } as unknown as ForecastDto;
    const tenYearSentences = scenarioSentences(sv, ten, undefined, 'sv');
    expect(tenYearSentences.years).toBe(10);
    expect(tenYearSentences.sentences).toEqual([
      { key: 'retire_later', text: 'Scenario retire_later: Behovet minskar med 10 (20,0\u00a0%)' },
    ]);
    const five = {
      base: result([2, 2, 2, 2, 2], [0, 0, 0, 0, 0]),
      scenarios: [scenario('part_time', result([3, 3, 3, 3, 3], [0, 0, 0, 0, 0]))],
    } as unknown as ForecastDto;
    const fiveYearSentences = scenarioSentences(sv, five, 'nurse', 'sv');
    expect(fiveYearSentences.years).toBe(5);
    expect(fiveYearSentences.sentences[0]?.text).toBe('Scenario part_time: Behovet ökar med 5 (50,0\u00a0%)');
  });
});
