import type { SignedInContext } from '../../../platform/server/actor.ts';
import { type ExportColumn, type ExportRow, toCsv, toXlsx } from '../../../platform/server/export.ts';
import type { DownloadFile } from '../../../platform/server/send-file.ts';
import type { ForecastQuery } from './forecast.contracts.ts';
/** The forecast's deps: the staffing deps and a cache of its own, so forecasts never push comparisons out. */
import { type ForecastDeps, getForecast } from './forecast.service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

const YEAR_COLUMNS: ExportColumn[] = [
  { key: 'scenario', header: 'Scenario' },
  { key: 'profession', header: 'Yrke' },
  { key: 'year', header: 'År', kind: 'number' },
  { key: 'demand', header: 'Efterfrågan (personer)', kind: 'number' },
  { key: 'staffRemaining', header: 'Kvar av dagens personal', kind: 'number' },
  { key: 'retirements', header: 'Pensionsavgångar', kind: 'number' },
  { key: 'turnoverLeavers', header: 'Övriga avgångar', kind: 'number' },
  { key: 'need', header: 'Rekryteringsbehov under året', kind: 'number' },
  { key: 'cumulativeNeed', header: 'Ackumulerat rekryteringsbehov', kind: 'number' },
];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The forecast as XLSX (years, scenarios, assumptions) or CSV (the years of every scenario), whole as in the view. */
export async function exportForecast(
  deps: ForecastDeps,
  ctx: SignedInContext,
  query: ForecastQuery & { format: 'xlsx' | 'csv' },
): Promise<DownloadFile> {
  const dto = await getForecast(deps, ctx, query);
  const professionName = (key: string) =>
    key === 'all' ? 'Alla yrken' : (dto.professions.find((p) => p.key === key)?.label.sv ?? key);
  const results = [
    { name: 'Grundscenario', result: dto.base },
    ...dto.scenarios.map((s) => ({ name: s.label.sv, result: s.result })),
  ];
  const yearRows: ExportRow[] = results.flatMap(({ name, result }) =>
    [...result.professions, result.total].flatMap((p) =>
      p.years.map((y) => ({
        scenario: name,
        profession: professionName(p.key),
        year: y.year,
        demand: round1(y.demand),
        staffRemaining: round1(y.staffRemaining),
        retirements: round1(y.retirements),
        turnoverLeavers: round1(y.turnoverLeavers),
        need: round1(y.need),
        cumulativeNeed: round1(y.cumulativeNeed),
      })),
    ),
  );
  const place = dto.scope.kind === 'region' ? 'regionen' : dto.scope.name;
  const fileBase = `Prognos ${place} ${dto.period?.label ?? ''}`.trim();
  if (query.format === 'csv') {
    return { fileName: `${fileBase}.csv`, contentType: CSV_TYPE, body: toCsv(YEAR_COLUMNS, yearRows) };
  }
  const scenarioRows: ExportRow[] = dto.scenarios.map((s) => ({
    scenario: s.label.sv,
    need5: s.comparison5 ? round1(s.comparison5.needScenario) : null,
    reduction5: s.comparison5 ? round1(s.comparison5.reduction) : null,
    need10: s.comparison10 ? round1(s.comparison10.needScenario) : null,
    reduction10: s.comparison10 ? round1(s.comparison10.reduction) : null,
    text: s.comparison10?.textSv ?? s.comparison5?.textSv ?? '',
  }));
  const assumptionRows: ExportRow[] = [
    { label: 'Område', value: dto.scope.kind === 'region' ? 'Regionen' : dto.scope.name },
    { label: 'Period', value: dto.period ? `${dto.period.label} (${dto.period.referenceDate})` : '–' },
    ...dto.base.assumptions.map((a) => ({ label: a.label, value: a.value })),
    ...dto.notesSv.map((n) => ({ label: 'Anmärkning', value: n })),
  ];
  const municipalityRows: ExportRow[] = dto.municipalities
    .filter((m) => m.need5 !== null || m.need10 !== null)
    .map((m) => ({
      name: m.name,
      need5: m.need5 === null ? null : round1(m.need5),
      need10: m.need10 === null ? null : round1(m.need10),
    }));
  const sheets = [
    { name: 'Prognos per år', columns: YEAR_COLUMNS, rows: yearRows },
    {
      name: 'Scenarier',
      columns: [
        { key: 'scenario', header: 'Scenario' },
        { key: 'need5', header: 'Behov 5 år', kind: 'number' as const },
        { key: 'reduction5', header: 'Minskning 5 år', kind: 'number' as const },
        { key: 'need10', header: 'Behov 10 år', kind: 'number' as const },
        { key: 'reduction10', header: 'Minskning 10 år', kind: 'number' as const },
        { key: 'text', header: 'Jämfört med grundscenariot' },
      ],
      rows: scenarioRows,
    },
    {
      name: 'Antaganden',
      columns: [
        { key: 'label', header: 'Antagande' },
        { key: 'value', header: 'Värde' },
      ],
      rows: assumptionRows,
    },
  ];
  if (dto.scope.kind === 'region' && municipalityRows.length) {
    sheets.push({
      name: 'Kommuner',
      columns: [
        { key: 'name', header: 'Kommun' },
        { key: 'need5', header: 'Behov 5 år', kind: 'number' as const },
        { key: 'need10', header: 'Behov 10 år', kind: 'number' as const },
      ],
      rows: municipalityRows,
    });
  }
  return { fileName: `${fileBase}.xlsx`, contentType: XLSX_TYPE, body: await toXlsx(sheets) };
}
