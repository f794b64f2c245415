// What the region report shows, as plain data: built once from the period's publication for the public (approved
// reports, small counts suppressed) and the region's forecast, then laid out as PDF and XLSX in a worker thread.
import type { ForecastDto } from '../forecast/forecast.contracts.ts';
import type { Cell, StaffingConfigDto } from '../staffing.contracts.ts';
import { CONTEXT_MEASURES, type MeasureKind, RATIO_DEFS } from '../staffing-measures.ts';
import { ALL, columnKind, type Publication, REGION } from '../statistics/publication.ts';

/**
 * The measures with a table of municipalities × professions: exactly the top-level figures published to outsiders
 * (decision 004), in the order of the form. Breakdowns (age bands, specialties, competences, absence kinds,
 * fixed-term) are not published per municipality, so the report leaves them out.
 */
export const REPORT_MEASURES = [
  'headcount',
  'headcount_permanent',
  'specialist_headcount',
  'fulltime_headcount',
  'age_60_plus',
  'contracted_fte',
  'worked_fte',
  'positions_budgeted',
  'positions_filled',
  'positions_vacant',
  'absence_headcount',
  'absence_fte',
] as const;

export type ReportCell = Cell;
export type ReportColumn = { key: string; label: string };
export type ReportRow = { name: string; values: ReportCell[] };
/** A table of municipalities (rows) with the region's total. */
export type ReportTable = { columns: ReportColumn[]; rows: ReportRow[]; total: ReportCell[] };

export type ReportMeasure = ReportTable & { key: string; label: string; help: string; kind: MeasureKind };

export type ReportForecastYear = {
  year: number;
  demand: number;
  staffRemaining: number;
  retirements: number;
  turnoverLeavers: number;
  need: number;
  cumulativeNeed: number;
};
export type ReportForecast = {
  baseYear: number;
  horizonYears: number;
  /** Each profession, then all professions (key 'all'). */
  professions: {
    key: string;
    label: string;
    baseHeadcount: number;
    years: ReportForecastYear[];
    need5: number | null;
    need10: number | null;
  }[];
  scenarios: { label: string; text5: string | null; text10: string | null }[];
  assumptions: { label: string; value: string }[];
  municipalities: { name: string; included: boolean; need5: number | null; need10: number | null }[];
  notes: string[];
  retirementAge: number;
};

export type RegionReportModel = {
  regionName: string;
  period: { id: string; label: string; referenceDate: string };
  /** When the report was made (ISO). */
  generatedAt: string;
  demo: boolean;
  /** k of the small-count suppression. */
  minCount: number;
  /** The municipalities with an approved report in the period, by name. */
  municipalities: string[];
  /** Active municipalities without an approved report: not in the figures. */
  missing: string[];
  professions: ReportColumn[];
  context: ReportTable;
  measures: ReportMeasure[];
  ratios: ReportTable & { units: ('percent' | 'number')[]; formulas: string[]; median: ReportCell[] };
  forecast: ReportForecast | null;
  /** Why the forecast is missing, when it is. */
  forecastError: string | null;
};

export type ReportModelInput = {
  regionName: string;
  period: { id: string; label: string; referenceDate: string };
  generatedAt: Date;
  demo: boolean;
  minCount: number;
  config: StaffingConfigDto;
  /** The public audience's publication of the period (approved reports only). */
  publication: Publication;
  municipalities: { id: string; name: string }[];
  missing: string[];
  forecast: ForecastDto | null;
  forecastError?: string | null;
};

export const ALL_PROFESSIONS_LABEL = 'Alla yrken';
export const REGION_TOTAL_LABEL = 'Regionen totalt';
export const MEDIAN_LABEL = 'Median';

/** Builds the report's content; pure (the publication already holds the suppressed figures). */
export function buildReportModel(input: ReportModelInput): RegionReportModel {
  const { publication: pub, config } = input;
  const professions: ReportColumn[] = pub.professions.map((key) => ({
    key,
    label: config.professions.find((p) => p.key === key)?.name ?? key,
  }));
  const professionColumns: ReportColumn[] = [...professions, { key: ALL, label: ALL_PROFESSIONS_LABEL }];
  const labels = new Map(pub.columns(ALL).map((c) => [c.key, c.label.sv]));
  const municipalities = [...input.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const context: ReportTable = {
    columns: CONTEXT_MEASURES.map((d) => ({ key: d.key, label: d.label.sv })),
    rows: municipalities.map((m) => ({
      name: m.name,
      values: CONTEXT_MEASURES.map((d) => pub.value(m.id, ALL, d.key)),
    })),
    total: CONTEXT_MEASURES.map((d) => pub.value(REGION, ALL, d.key)),
  };

  const measures: ReportMeasure[] = REPORT_MEASURES.map((key) => {
    const def = MEASURE_HELP[key];
    const label = labels.get(key) ?? key;
    return {
      key,
      // "varav tillsvidareanställda" reads as a title only with what it is part of.
      label: label.startsWith('varav ') ? `${labels.get('headcount') ?? 'Antal anställda'}, ${label}` : label,
      help: def,
      kind: columnKind(key),
      columns: professionColumns,
      rows: municipalities.map((m) => ({
        name: m.name,
        values: professionColumns.map((p) => pub.value(m.id, p.key, key)),
      })),
      total: professionColumns.map((p) => pub.value(REGION, p.key, key)),
    };
  });

  const ratioValues = (id: string) => {
    const r = pub.ratios(id, ALL);
    return RATIO_DEFS.map((d) => r[d.key]);
  };
  const median = pub.median(ALL);
  const ratios = {
    columns: RATIO_DEFS.map((d) => ({ key: d.key, label: d.label.sv })),
    units: RATIO_DEFS.map((d) => d.unit),
    formulas: RATIO_DEFS.map((d) => d.formula.sv),
    rows: municipalities.map((m) => ({ name: m.name, values: ratioValues(m.id) })),
    total: ratioValues(REGION),
    median: RATIO_DEFS.map((d) => median[d.key]),
  };

  return {
    regionName: input.regionName,
    period: input.period,
    generatedAt: input.generatedAt.toISOString(),
    demo: input.demo,
    minCount: input.minCount,
    municipalities: municipalities.map((m) => m.name),
    missing: [...input.missing].sort((a, b) => a.localeCompare(b, 'sv')),
    professions,
    context,
    measures,
    ratios,
    forecast: input.forecast ? forecastOf(input.forecast, professions) : null,
    forecastError: input.forecast ? null : (input.forecastError ?? null),
  };
}

function forecastOf(dto: ForecastDto, professions: ReportColumn[]): ReportForecast {
  const labelOf = (key: string) =>
    dto.professions.find((p) => p.key === key)?.label.sv ?? professions.find((p) => p.key === key)?.label ?? key;
  const profession = (p: ForecastDto['base']['total'], label: string) => ({
    key: p.key,
    label,
    baseHeadcount: p.baseHeadcount,
    years: p.years.map((y) => ({ ...y })),
    need5: p.cumulativeNeed5,
    need10: p.cumulativeNeed10,
  });
  return {
    baseYear: dto.base.baseYear,
    horizonYears: dto.base.horizonYears,
    professions: [
      ...dto.base.professions.map((p) => profession(p, labelOf(p.key))),
      profession({ ...dto.base.total, key: ALL }, ALL_PROFESSIONS_LABEL),
    ],
    scenarios: dto.scenarios.map((s) => ({
      label: s.label.sv,
      text5: s.comparison5?.textSv ?? null,
      text10: s.comparison10?.textSv ?? null,
    })),
    assumptions: dto.base.assumptions.map((a) => ({ label: a.label, value: a.value })),
    municipalities: [...dto.municipalities]
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((m) => ({ name: m.name, included: m.included, need5: m.need5, need10: m.need10 })),
    notes: [...dto.notesSv, ...dto.base.total.notesSv],
    retirementAge: dto.settings.retirementAge,
  };
}

/** What each measure counts, in a sentence under its table. */
const MEASURE_HELP: Record<(typeof REPORT_MEASURES)[number], string> = {
  headcount: 'Antal personer anställda i yrket på referensdagen (månadsavlönade).',
  headcount_permanent: 'Anställda med tillsvidareanställning.',
  specialist_headcount: 'Personer med minst en specialistutbildning; en person räknas en gång.',
  fulltime_headcount: 'Personer som faktiskt arbetar heltid.',
  age_60_plus: 'Anställda i åldersgrupperna från 60 år.',
  contracted_fte: 'Summan av avtalade sysselsättningsgrader, i årsarbetare.',
  worked_fte: 'Summan av faktiskt arbetad sysselsättning efter utökningar och minskningar, i årsarbetare.',
  positions_budgeted: 'Tjänster i budget, i årsarbetare.',
  positions_filled: 'Tillsatta tjänster, i årsarbetare.',
  positions_vacant: 'Vakanta tjänster, i årsarbetare.',
  absence_headcount: 'Personer som är frånvarande på referensdagen, alla orsaker.',
  absence_fte: 'Frånvarons omfattning i årsarbetare, alla orsaker.',
};
