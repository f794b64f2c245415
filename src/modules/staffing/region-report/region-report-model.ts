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
  /** The region's inhabitants aged 20–64 from the base year on (the supply side's context); empty when unknown. */
  workingAge: { year: number; value: number }[];
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
  /** The headline: the specialist share of one profession (nurses) per municipality. */
  headline: ReportHeadline | null;
  /** The region's key ratios per profession (rows) and for all. */
  professionRatios: { columns: ReportColumn[]; units: ('percent' | 'number')[]; rows: ReportRow[] };
  /** The specialist share per municipality (rows) and profession (columns). */
  specialistShares: ReportTable;
  /** Region-level breakdowns: specialties, age structure, absence kinds, other competences. */
  breakdowns: ReportBreakdown[];
  /** The region's figures over the latest published periods (oldest first), this one last. */
  trends: ReportTrends | null;
};

export type ReportHeadline = {
  professionLabel: string;
  /** Per municipality: headcount, specialists, share. */
  rows: ReportRow[];
  total: ReportCell[];
  median: ReportCell;
};

export type ReportBreakdown = {
  kind: 'specialty' | 'age_band' | 'absence_kind' | 'competence';
  title: string;
  lead: string;
  /** Rows: professions (or profession – specialty) and all professions; columns: the list's items. */
  columns: ReportColumn[];
  rows: ReportRow[];
  unit: MeasureKind;
};

export type ReportTrends = {
  periods: string[];
  /** The region's headcount per profession and for all. */
  headcount: ReportRow[];
  /** The region's key ratios for all professions, and the headline profession's specialist share. */
  ratios: (ReportRow & { unit: 'percent' | 'number' })[];
};

/** An earlier period's publication for the trends. */
export type EarlierPublication = { label: string; publication: Publication };

/** The profession whose specialist share is the report's headline (the pre-study's key figure). */
export const HEADLINE_PROFESSION = 'sjukskoterska';

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
  /** Earlier periods' public publications, oldest first (the trends). */
  earlier?: EarlierPublication[];
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
    headline: headlineOf(pub, municipalities, professions),
    professionRatios: {
      columns: RATIO_DEFS.map((d) => ({ key: d.key, label: d.label.sv })),
      units: RATIO_DEFS.map((d) => d.unit),
      rows: professionColumns.map((p) => {
        const r = pub.ratios(REGION, p.key);
        return { name: p.label, values: RATIO_DEFS.map((d) => r[d.key]) };
      }),
    },
    specialistShares: {
      columns: professionColumns,
      rows: municipalities.map((m) => ({
        name: m.name,
        values: professionColumns.map((p) => pub.ratios(m.id, p.key).specialist_share),
      })),
      total: professionColumns.map((p) => pub.ratios(REGION, p.key).specialist_share),
    },
    breakdowns: breakdownsOf(pub, config, professions),
    trends: trendsOf(input.period.label, pub, input.earlier ?? [], professionColumns),
  };
}

function headlineOf(
  pub: Publication,
  municipalities: { id: string; name: string }[],
  professions: ReportColumn[],
): ReportHeadline | null {
  const profession = professions.find((p) => p.key === HEADLINE_PROFESSION) ?? professions[0];
  if (!profession) return null;
  const row = (id: string) => [
    pub.value(id, profession.key, 'headcount'),
    pub.value(id, profession.key, 'specialist_headcount'),
    pub.ratios(id, profession.key).specialist_share,
  ];
  return {
    professionLabel: profession.label,
    rows: municipalities.map((m) => ({ name: m.name, values: row(m.id) })),
    total: row(REGION),
    median: pub.median(profession.key).specialist_share,
  };
}

const BREAKDOWNS: { kind: ReportBreakdown['kind']; measure: string; title: string; lead: string }[] = [
  {
    kind: 'specialty',
    measure: 'specialty_headcount',
    title: 'Specialistutbildningar i regionen',
    lead: 'Specialistutbildade per yrke och inriktning, för regionen som helhet. En person med flera inriktningar räknas i var och en.',
  },
  {
    kind: 'age_band',
    measure: 'age_headcount',
    title: 'Åldersstruktur i regionen',
    lead: 'Anställda per yrke och åldersgrupp, för regionen som helhet.',
  },
  {
    kind: 'absence_kind',
    measure: 'absence_headcount',
    title: 'Frånvaro per orsak i regionen',
    lead: 'Frånvarande personer på referensdagen per yrke och orsak, för regionen som helhet.',
  },
  {
    kind: 'competence',
    measure: 'competence_headcount',
    title: 'Andra kompetenser i regionen',
    lead: 'Anställda med kompetenser utöver utbildningen, per yrke, för regionen som helhet.',
  },
];

/** The region's breakdowns: never per municipality (decision 016), only the region's published totals. */
function breakdownsOf(pub: Publication, config: StaffingConfigDto, professions: ReportColumn[]): ReportBreakdown[] {
  const active = (kind: string, professionId: string | null = null) =>
    config.items
      .filter((i) => i.kind === kind && i.active && (kind !== 'specialty' || i.professionId === professionId))
      .sort((a, b) => a.sort - b.sort);
  const out: ReportBreakdown[] = [];
  for (const b of BREAKDOWNS) {
    if (b.kind === 'specialty') {
      // Professions have lists of their own: one row per profession and specialty.
      const rows: ReportRow[] = [];
      for (const p of professions) {
        const id = config.professions.find((x) => x.key === p.key)?.id ?? null;
        for (const item of active('specialty', id)) {
          rows.push({
            name: `${p.label}: ${item.name}`,
            values: [pub.value(REGION, p.key, `${b.measure}.${item.key}`)],
          });
        }
      }
      if (rows.length > 0) {
        out.push({ ...b, columns: [{ key: 'count', label: 'Antal' }], rows, unit: 'persons' });
      }
      continue;
    }
    const items = active(b.kind);
    if (items.length === 0) continue;
    const columns = items.map((i) => ({ key: i.key, label: i.name }));
    const rowOf = (key: string, label: string): ReportRow => ({
      name: label,
      values: items.map((i) => pub.value(REGION, key, `${b.measure}.${i.key}`)),
    });
    out.push({
      ...b,
      columns,
      rows: [...professions.map((p) => rowOf(p.key, p.label)), rowOf(ALL, ALL_PROFESSIONS_LABEL)],
      unit: 'persons',
    });
  }
  return out;
}

function trendsOf(
  label: string,
  pub: Publication,
  earlier: EarlierPublication[],
  professionColumns: ReportColumn[],
): ReportTrends | null {
  if (earlier.length === 0) return null;
  const series = [...earlier, { label, publication: pub }];
  const headline = professionColumns.find((p) => p.key === HEADLINE_PROFESSION);
  return {
    periods: series.map((s) => s.label),
    headcount: professionColumns.map((p) => ({
      name: p.label,
      values: series.map((s) => s.publication.value(REGION, p.key, 'headcount')),
    })),
    ratios: [
      ...(headline
        ? [
            {
              name: `${RATIO_DEFS[0]?.label.sv ?? 'Andel specialistutbildade'}, ${headline.label.toLowerCase()}`,
              unit: 'percent' as const,
              values: series.map((s) => s.publication.ratios(REGION, headline.key).specialist_share),
            },
          ]
        : []),
      ...RATIO_DEFS.map((d) => ({
        name: `${d.label.sv}, alla yrken`,
        unit: d.unit,
        values: series.map((s) => s.publication.ratios(REGION, ALL)[d.key]),
      })),
    ],
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
    workingAge: workingAgeOf(dto),
  };
}

/** The working-age population series of the forecast, when it has one (decision 009, issue 20). */
function workingAgeOf(dto: ForecastDto): { year: number; value: number }[] {
  const series = (dto as { workingAge?: { year: number; value: number }[] }).workingAge;
  return series ? series.map((p) => ({ year: p.year, value: p.value })) : [];
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
