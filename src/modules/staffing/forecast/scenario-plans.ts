// The scenarios beside the forecast's base case for the viewer's levers, with their labels in both languages.
import type { ForecastLeversDto, ScenarioKey } from './forecast.contracts.ts';
import type { ForecastLevers } from './forecast.ts';
import { formatSv } from './forecast-assumptions.ts';

export type ScenarioPlan = { key: ScenarioKey; label: { sv: string; en: string }; parameters: ForecastLevers };

const YEARS_SV = ['', 'ett år', 'två år', 'tre år', 'fyra år', 'fem år'];
const YEARS_EN = ['', 'one year', 'two years', 'three years', 'four years', 'five years'];

/** The scenarios beside the base case for the levers: each lever alone, and all of them together. */
export function scenarioPlans(levers: ForecastLeversDto): ScenarioPlan[] {
  const hours = formatSv(levers.extraHoursPerWeek);
  const hoursEn = String(levers.extraHoursPerWeek);
  const delay = levers.retirementDelayYears;
  const ratio = levers.staffingRatioChangePercent;
  const ratioSv =
    ratio === 0
      ? 'Oförändrad personaltäthet'
      : `Nya arbetssätt: ${formatSv(Math.abs(ratio))} % ${ratio < 0 ? 'lägre' : 'högre'} personaltäthet`;
  const ratioEn =
    ratio === 0
      ? 'Unchanged staffing ratio'
      : `New ways of working: ${Math.abs(ratio)} % ${ratio < 0 ? 'lower' : 'higher'} staffing ratio`;
  const absence = levers.absenceReductionPercent;
  const turnover = levers.turnoverReductionPercent;
  const partTime = { extraHoursPerWeekForPartTime: levers.extraHoursPerWeek };
  const later = { retirementDelayYears: delay };
  const staffing = { staffingRatioChange: ratio / 100 };
  return [
    {
      key: 'part_time',
      label: {
        sv: `Deltidsanställda arbetar ${hours} ${levers.extraHoursPerWeek === 1 ? 'timme' : 'timmar'} mer i veckan`,
        en: `Part-time staff work ${hoursEn} more ${levers.extraHoursPerWeek === 1 ? 'hour' : 'hours'} a week`,
      },
      parameters: partTime,
    },
    {
      key: 'retire_later',
      label:
        delay === 0
          ? { sv: 'Pension vid samma ålder', en: 'Retirement at the same age' }
          : { sv: `Pension ${YEARS_SV[delay]} senare`, en: `Retirement ${YEARS_EN[delay]} later` },
      parameters: later,
    },
    { key: 'staffing_ratio', label: { sv: ratioSv, en: ratioEn }, parameters: staffing },
    {
      key: 'combined',
      label: { sv: 'Alla tre åtgärderna tillsammans', en: 'All three measures together' },
      parameters: { ...partTime, ...later, ...staffing },
    },
    {
      key: 'lower_absence',
      label: {
        sv: `Lägre frånvaro: ${formatSv(absence)} % av dagens frånvaro blir arbetad tid`,
        en: `Lower absence: ${absence} % of today's absence becomes working time`,
      },
      parameters: { absenceReduction: absence / 100 },
    },
    {
      key: 'lower_turnover',
      label: {
        sv: `Lägre personalomsättning: ${formatSv(turnover)} % färre slutar`,
        en: `Lower turnover: ${turnover} % fewer leave`,
      },
      parameters: { turnoverReduction: turnover / 100 },
    },
  ];
}
