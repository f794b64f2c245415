// The assumptions a forecast lists, in Swedish and English, and the Swedish number format of its texts.
import {
  type DemandBasis,
  type ForecastAssumption,
  type ForecastParameters,
  MIN_WORKING_AGE,
} from './forecast-model.ts';

// ---- Swedish display -----------------------------------------------------------------------------------------

const SV_ONE_DECIMAL = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
/** Swedish number: space (U+00A0) between thousands, decimal comma, at most one decimal. */
export const formatSv = (n: number): string => SV_ONE_DECIMAL.format(n === 0 ? 0 : n).replace('\u2212', '-');

const EN_ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const formatEn = (n: number): string => EN_ONE_DECIMAL.format(n === 0 ? 0 : n);

function describeBasis(basis: DemandBasis, language: 'sv' | 'en'): string {
  const sv = language === 'sv';
  if (basis === '80+') return sv ? 'Invånare 80 år och äldre' : 'Inhabitants aged 80 and over';
  const parts = [
    [basis.weight0_64 ?? 0, sv ? '0–64 år' : '0–64'],
    [basis.weight65_79, sv ? '65–79 år' : '65–79'],
    [basis.weight80plus, sv ? '80+ år' : '80+'],
  ] as const;
  return `${sv ? 'Viktade invånare' : 'Weighted inhabitants'}: ${parts
    .filter(([w]) => w > 0)
    .map(([w, l]) => `${sv ? formatSv(w) : formatEn(w)} × ${l}`)
    .join(' + ')}`;
}

/** Every municipality of a region has the same assumptions: made once per parameters, not once per forecast. */
const assumptionsMemo = new Map<string, ForecastAssumption[]>();

export function assumptionsOf(baseYear: number, horizon: number, p: ForecastParameters): ForecastAssumption[] {
  const key = `${baseYear}|${horizon}|${JSON.stringify(p)}`;
  const known = assumptionsMemo.get(key);
  if (known) return known;
  const made = makeAssumptions(baseYear, horizon, p);
  if (assumptionsMemo.size >= 256) assumptionsMemo.clear();
  assumptionsMemo.set(key, made);
  return made;
}

function makeAssumptions(baseYear: number, horizon: number, p: ForecastParameters): ForecastAssumption[] {
  const rows: [key: string, sv: [string, string], en: [string, string]][] = [
    [
      'baseYear',
      ['Basår (personalens referensdag)', String(baseYear)],
      ['Base year (staff reference date)', String(baseYear)],
    ],
    ['horizonYears', ['Prognosperiod', `${horizon} år`], ['Forecast period', `${horizon} years`]],
    ['retirementAge', ['Pensionsålder', `${p.retirementAge} år`], ['Retirement age', `${p.retirementAge}`]],
    [
      'retirementDelayYears',
      ['Senare pensionering', `${p.retirementDelayYears} år`],
      ['Later retirement', `${p.retirementDelayYears} years`],
    ],
    [
      'ageSpread',
      [
        'Åldersgrupper',
        `Jämnt fördelade inom gruppen; yngsta gruppen från ${MIN_WORKING_AGE} år, den öppna äldsta gruppen upp till året före pensionsåldern`,
      ],
      [
        'Age bands',
        `Spread evenly within the band; the youngest band from ${MIN_WORKING_AGE}, the open oldest band up to the year before the retirement age`,
      ],
    ],
    [
      'turnoverRate',
      ['Personalomsättning per år (utöver pension)', `${formatSv(p.turnoverRate * 100)} %`],
      ['Yearly turnover (besides retirement)', `${formatEn(p.turnoverRate * 100)} %`],
    ],
    [
      'demandBasis',
      ['Efterfrågan följer', describeBasis(p.demandBasis, 'sv')],
      ['Demand follows', describeBasis(p.demandBasis, 'en')],
    ],
    [
      'staffingRatioChange',
      ['Ändrad personaltäthet (nya arbetssätt)', `${formatSv(p.staffingRatioChange * 100)} %`],
      ['Changed staffing ratio (new ways of working)', `${formatEn(p.staffingRatioChange * 100)} %`],
    ],
    [
      'extraHoursPerWeekForPartTime',
      ['Deltidsanställda arbetar mer', `${formatSv(p.extraHoursPerWeekForPartTime)} tim/vecka (högst heltid)`],
      ['Part-time staff work more', `${formatEn(p.extraHoursPerWeekForPartTime)} h/week (up to full time)`],
    ],
    [
      'absenceReduction',
      ['Lägre frånvaro', `${formatSv(p.absenceReduction * 100)} % av dagens frånvaro blir arbete`],
      ['Lower absence', `${formatEn(p.absenceReduction * 100)} % of today’s absence becomes work`],
    ],
    [
      'turnoverReduction',
      ['Lägre personalomsättning', `${formatSv(p.turnoverReduction * 100)} % lägre än antagandet`],
      ['Lower turnover', `${formatEn(p.turnoverReduction * 100)} % lower than assumed`],
    ],
    [
      'fullTimeHoursPerWeek',
      ['Heltid', `${formatSv(p.fullTimeHoursPerWeek)} tim/vecka`],
      ['Full time', `${formatEn(p.fullTimeHoursPerWeek)} h/week`],
    ],
    [
      'needDefinition',
      ['Rekryteringsbehov', 'Ökad efterfrågan + pensionsavgångar + övrig personalomsättning bland dagens anställda'],
      ['Recruitment need', 'Demand growth + retirements + other turnover among today’s staff'],
    ],
  ];
  return rows.map(([key, [label, value], [labelEn, valueEn]]) => ({
    key,
    label,
    value,
    en: { label: labelEn, value: valueEn },
  }));
}
