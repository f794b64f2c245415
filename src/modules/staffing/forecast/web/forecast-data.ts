// The forecast view's figures from the API's answer: the chosen profession (or all), the rows of the charts, the key
// figures of the base case and each scenario, and numbers as persons in the interface language.

import type { NamespaceKey } from '../../../../platform/web/i18n/namespace-t.ts';
import type { Lang } from '../../staffing-labels.ts';
import {
  type ForecastDto,
  type ForecastResultDto,
  SCENARIO_KEYS,
  type ScenarioDto,
  type ScenarioKey,
} from '../forecast.contracts.ts';
import type { forecastSv } from './forecast.sv.ts';

export type ProfessionForecastDto = ForecastResultDto['total'];
export type ForecastYearDto = ProfessionForecastDto['years'][number];

/** The profession choice for all professions together (the forecast's `total`). */
export const ALL = 'all';

/** One profession's forecast, or all professions' total; null when the forecast has no such profession. */
export function pickProfession(
  result: ForecastResultDto,
  profession: string | undefined,
): ProfessionForecastDto | null {
  if (!profession || profession === ALL) return result.total;
  return result.professions.find((p) => p.key === profession) ?? null;
}

/** One point of the charts: the base year (today's staff) or a forecast year, base case and scenario. */
export type ChartRow = {
  year: string;
  demandBase: number;
  staffBase: number;
  cumulativeBase: number;
  demandScenario?: number;
  staffScenario?: number;
  cumulativeScenario?: number;
};

/**
 * The charts' points: the base year first (demand and staff are today's headcount, nothing needed yet), then each
 * forecast year of the base case and, when given, of the scenario (matched by year).
 */
export function chartRows(
  baseYear: number,
  base: ProfessionForecastDto,
  scenario: ProfessionForecastDto | null,
): ChartRow[] {
  const start: ChartRow = {
    year: String(baseYear),
    demandBase: base.baseHeadcount,
    staffBase: base.baseHeadcount,
    cumulativeBase: 0,
  };
  if (scenario) {
    start.demandScenario = scenario.baseHeadcount;
    start.staffScenario = scenario.baseHeadcount;
    start.cumulativeScenario = 0;
  }
  const byYear = new Map((scenario?.years ?? []).map((y) => [y.year, y]));
  return [
    start,
    ...base.years.map((y) => {
      const row: ChartRow = {
        year: String(y.year),
        demandBase: y.demand,
        staffBase: y.staffRemaining,
        cumulativeBase: y.cumulativeNeed,
      };
      const s = byYear.get(y.year);
      if (s) {
        row.demandScenario = s.demand;
        row.staffScenario = s.staffRemaining;
        row.cumulativeScenario = s.cumulativeNeed;
      }
      return row;
    }),
  ];
}

/** A scenario's need against the base case, in whole persons: how much it falls (or rises) and by what share. */
export type NeedChange = {
  /** Base need − scenario need (positive: the need falls). */
  reduction: number;
  /** The reduction in percent of the base need; null when the base need is not positive. */
  percent: number | null;
  /** 'unchanged' when the change rounds to no whole person. */
  direction: 'falls' | 'rises' | 'unchanged';
};

export function compareNeeds(needBase: number, needScenario: number): NeedChange {
  const reduction = needBase - needScenario;
  const percent = needBase > 0 ? (reduction / needBase) * 100 : null;
  const whole = Math.round(reduction);
  const direction = whole === 0 ? 'unchanged' : reduction > 0 ? 'falls' : 'rises';
  return { reduction, percent, direction };
}

/** The key figures of one scenario for the chosen profession: its needs over 5 and 10 years beside the base case. */
export type ScenarioFigures = {
  key: ScenarioKey;
  label: string;
  need5: number | null;
  need10: number | null;
  change5: NeedChange | null;
  change10: NeedChange | null;
};

export function scenarioFigures(
  dto: ForecastDto,
  profession: string | undefined,
  language: Lang,
): { base: { need5: number | null; need10: number | null } | null; scenarios: ScenarioFigures[] } {
  const base = pickProfession(dto.base, profession);
  if (!base) return { base: null, scenarios: [] };
  const ordered = [...dto.scenarios].sort((a, b) => SCENARIO_KEYS.indexOf(a.key) - SCENARIO_KEYS.indexOf(b.key));
  const scenarios = ordered.flatMap((scenario): ScenarioFigures[] => {
    const p = pickProfession(scenario.result, profession);
    if (!p) return [];
    const change = (b: number | null, s: number | null) => (b === null || s === null ? null : compareNeeds(b, s));
    return [
      {
        key: scenario.key,
        label: scenario.label[language],
        need5: p.cumulativeNeed5,
        need10: p.cumulativeNeed10,
        change5: change(base.cumulativeNeed5, p.cumulativeNeed5),
        change10: change(base.cumulativeNeed10, p.cumulativeNeed10),
      },
    ];
  });
  return { base: { need5: base.cumulativeNeed5, need10: base.cumulativeNeed10 }, scenarios };
}

/** The scenario's assumptions that differ from the base case's (its levers), to show beside its result. */
export function changedAssumptions(base: ForecastResultDto, scenario: ScenarioDto): ForecastResultDto['assumptions'] {
  const baseValues = new Map(base.assumptions.map((a) => [a.key, a.value]));
  return scenario.result.assumptions.filter((a) => baseValues.get(a.key) !== a.value);
}

function locale(language: Lang): string {
  return language === 'en' ? 'en-GB' : 'sv-SE';
}

/** Persons as whole numbers ("1 234"); never "−0". */
export function formatPersons(value: number, language: Lang): string {
  const whole = Math.round(value);
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 0 }).format(whole === 0 ? 0 : whole);
}

/** Persons with one decimal ("12,3"), where a small figure would otherwise round away. */
export function formatPersonsOneDecimal(value: number, language: Lang): string {
  const rounded = Math.round(value * 10) / 10;
  return new Intl.NumberFormat(locale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    rounded === 0 ? 0 : rounded,
  );
}

/** A percentage with one decimal ("4,5 %"), of a value already in percent. */
export function formatPercent(value: number, language: Lang): string {
  const rounded = Math.round(value * 10) / 10;
  return new Intl.NumberFormat(locale(language), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format((rounded === 0 ? 0 : rounded) / 100);
}

/** The page's translator of the forecast texts (useNamespaceT), passed in so the sentences stay testable. */
export type ForecastT = (key: NamespaceKey<typeof forecastSv>, options?: Record<string, unknown>) => string;

/** "Behovet minskar med 12 (4,5 %)" in the interface language, in whole persons. */
export function changeText(ft: ForecastT, change: NeedChange, language: Lang): string {
  if (change.direction === 'unchanged') return ft('figures.unchanged');
  const amount = formatPersons(Math.abs(change.reduction), language);
  const percent = change.percent === null ? null : formatPercent(Math.abs(change.percent), language);
  if (change.direction === 'falls') {
    return percent ? ft('figures.falls', { amount, percent }) : ft('figures.fallsNoPercent', { amount });
  }
  return percent ? ft('figures.rises', { amount, percent }) : ft('figures.risesNoPercent', { amount });
}

/** The scenarios' sentences over the longest of 5 and 10 years the forecast covers. */
export function scenarioSentences(ft: ForecastT, dto: ForecastDto, profession: string | undefined, language: Lang) {
  const figures = scenarioFigures(dto, profession, language);
  const tenYears = figures.base?.need10 !== null;
  const sentences = figures.scenarios.flatMap((s) => {
    const change = tenYears ? s.change10 : s.change5;
    return change
      ? [{ key: s.key, text: ft('figures.sentence', { label: s.label, text: changeText(ft, change, language) }) }]
      : [];
  });
  return { figures, years: tenYears ? 10 : 5, sentences };
}
