// Downloads of the staffing tables beyond the comparison: the municipality profile (key ratios, breakdowns, trend),
// an Excel import's preview, the list of periods and a report's history. Each reads through the service of its JSON
// view (the same access checks, the same suppression), so a file never holds more than the viewer sees on screen.

import type { SignedInContext } from '../../../platform/server/actor.ts';
import type { RequestContext } from '../../../platform/server/audit.ts';
import { type ExportColumn, type ExportRow, toCsv, toXlsx } from '../../../platform/server/export.ts';
import { getImport } from '../reporting/imports.service.ts';
import { findPeriod, listPeriods } from '../reporting/periods.service.ts';
import { getReport } from '../reporting/reports.service.ts';
import {
  type ImportPreviewDto,
  type ProfileDto,
  type ProfileTable,
  REPORT_STATUSES,
  type StaffingConfigDto,
} from '../staffing.contracts.ts';
import { loadConfig, type StaffingDeps } from '../staffing-config.service.ts';
import { describeFactKey } from '../staffing-labels.ts';
import { MEASURE_BY_KEY } from '../staffing-measures.ts';
import { breakdownRows, type RatioRow, ratioRows } from './profile-tables.ts';
import {
  CSV_TYPE,
  type ExportFile,
  getProfileJson,
  STATUS_SV,
  suppressionNote,
  XLSX_TYPE,
} from './statistics.service.ts';

export type ExportFormat = 'xlsx' | 'csv';

/** One table of a download: the file's name without extension, the sheet's name, and a note below the rows. */
type Table = { base: string; sheet: string; columns: ExportColumn[]; rows: ExportRow[]; note?: string };

const text = (key: string, header: string): ExportColumn => ({ key, header, kind: 'text' });
const number = (key: string, header: string): ExportColumn => ({ key, header, kind: 'number' });

/** The table as the requested file: one sheet of XLSX, or CSV for Swedish Excel (formula injection neutralised). */
async function fileOf(format: ExportFormat, table: Table): Promise<ExportFile> {
  const base = table.base.replace(/[^\p{L}\p{N}-]+/gu, '-');
  if (format === 'csv') {
    return { fileName: `${base}.csv`, contentType: CSV_TYPE, body: toCsv(table.columns, table.rows) };
  }
  const sheet = {
    name: table.sheet,
    columns: table.columns,
    rows: table.rows,
    ...(table.note ? { note: table.note } : {}),
  };
  return { fileName: `${base}.xlsx`, contentType: XLSX_TYPE, body: await toXlsx([sheet]) };
}

// ---- the municipality profile ----------------------------------------------------------------------------------

const PROFILE_SHEETS: Record<ProfileTable, { slug: string; sheet: string }> = {
  ratios: { slug: 'nyckeltal', sheet: 'Nyckeltal' },
  breakdowns: { slug: 'fordelningar', sheet: 'Fördelningar' },
  trend: { slug: 'utveckling', sheet: 'Utveckling' },
};

type ProfileQuery = { periodId: string; profession: string; format: ExportFormat; table: ProfileTable };

/** One of the profile's tables as a file, from the very answer the profile's JSON route sends this viewer. */
export async function exportProfile(
  deps: StaffingDeps,
  ctx: SignedInContext,
  municipalityId: string,
  query: ProfileQuery,
): Promise<ExportFile> {
  // Our own DTO, serialised once per view and cached (getProfileJson); the file shows exactly what the page does.
  const profile = JSON.parse(
    await getProfileJson(deps, ctx, municipalityId, query.periodId, query.profession),
  ) as ProfileDto;
  const config = await loadConfig(deps);
  const { columns, rows } = PROFILE_TABLE_BUILDERS[query.table](profile, config);
  const name = profile.municipality.name;
  const profession = professionText(config, profile.profession);
  const { slug, sheet } = PROFILE_SHEETS[query.table];
  return fileOf(query.format, {
    base: `profil-${name}-${profile.period.label}-${profession}-${slug}`,
    sheet,
    columns,
    rows,
    note: `${name} jämfört med regionen, ${profile.period.label}, ${profession}. ${suppressionNote(deps.minCount)} Tomt = inte rapporterat.`,
  });
}

function professionText(config: StaffingConfigDto, key: string): string {
  return config.professions.find((p) => p.key === key)?.name ?? 'alla yrken';
}

type TableBody = Pick<Table, 'columns' | 'rows'>;

const PROFILE_TABLE_BUILDERS: Record<ProfileTable, (profile: ProfileDto, config: StaffingConfigDto) => TableBody> = {
  ratios: (profile) => ({
    columns: ratioColumns(profile),
    rows: ratioRows(profile, 'sv').map(ratioExportRow),
  }),
  trend: (profile) => ({
    columns: [text('period', 'Period'), ...ratioColumns(profile)],
    rows: profile.trend.flatMap((point) =>
      ratioRows(point, 'sv').map((row) => ({ period: point.label, ...ratioExportRow(row) })),
    ),
  }),
  breakdowns: breakdownTable,
};

/** Key ratios one a row: shares are percentages, the others plain numbers, so the kind follows the row. */
function ratioColumns(profile: ProfileDto): ExportColumn[] {
  const kindOf = (row: ExportRow) => (row.unit === 'percent' ? ('percent' as const) : ('number' as const));
  return [
    text('label', 'Nyckeltal'),
    { key: 'municipality', header: profile.municipality.name, kindOf },
    { key: 'regionTotal', header: 'Regionen totalt', kindOf },
    { key: 'regionMedian', header: 'Regionens median', kindOf },
  ];
}

function ratioExportRow(row: RatioRow & { unit: string }): ExportRow {
  return {
    label: row.label,
    unit: row.unit,
    municipality: row.municipality ?? null,
    regionTotal: row.regionTotal ?? null,
    regionMedian: row.regionMedian ?? null,
  };
}

/** Every breakdown's groups in one table, the breakdown named in the first column. */
function breakdownTable(profile: ProfileDto, config: StaffingConfigDto): TableBody {
  const name = profile.municipality.name;
  const professionId = config.professions.find((p) => p.key === profile.profession)?.id ?? null;
  const columns: ExportColumn[] = [
    text('breakdown', 'Fördelning'),
    text('group', 'Grupp'),
    number('municipality', `${name}, antal`),
    { key: 'municipalityShare', header: `${name}, andel`, kind: 'percent' },
    number('regionTotal', 'Regionen, antal'),
    { key: 'regionShare', header: 'Regionen, andel', kind: 'percent' },
  ];
  const rows = profile.breakdowns.flatMap((breakdown) => {
    const label = MEASURE_BY_KEY.get(breakdown.measure)?.label.sv ?? breakdown.measure;
    return breakdownRows(profile, breakdown, config.items, professionId, 'sv').map((row) => ({
      breakdown: label,
      group: row.name,
      municipality: row.municipality ?? null,
      municipalityShare: row.municipalityShare,
      regionTotal: row.regionTotal ?? null,
      regionShare: row.regionShare,
    }));
  });
  return { columns, rows };
}

// ---- an Excel import's preview ---------------------------------------------------------------------------------

const IMPORT_NOTES: Record<ImportPreviewDto['status'], string> = {
  pending: 'Förhandsgranskning: ingenting är sparat förrän importen bekräftas.',
  applied: 'Importen är genomförd.',
  discarded: 'Importen är avbruten; ingenting har ändrats.',
};

/** Every change of an import (old → new), for whoever may open the preview itself. */
export async function exportImport(
  deps: StaffingDeps,
  ctx: RequestContext,
  id: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const preview = await getImport(deps, ctx, id);
  const period = await findPeriod(deps.db, preview.periodId);
  const config = await loadConfig(deps);
  const columns: ExportColumn[] = [
    text('municipality', 'Kommun'),
    text('sheet', 'Blad'),
    text('cell', 'Cell'),
    text('fact', 'Uppgift'),
    number('old', 'Tidigare värde'),
    number('new', 'Nytt värde'),
  ];
  const rows = preview.changes.map((change) => ({
    municipality: change.municipalityName,
    sheet: change.sheet,
    cell: change.cell,
    fact: describeFactKey(config, change.key, 'sv'),
    old: change.old,
    new: change.new,
  }));
  return fileOf(format, {
    base: `import-${period.label}-${preview.fileName.replace(/\.xlsx$/i, '')}`,
    sheet: 'Ändringar',
    columns,
    rows,
    note: `${preview.fileName}, ${period.label}. ${IMPORT_NOTES[preview.status]} Tomt = inte rapporterat.`,
  });
}

// ---- the periods and a report's history ------------------------------------------------------------------------

const PERIOD_KINDS_SV = { annual: 'Helår', quarterly: 'Kvartal' } as const;

/** The reporting periods with how many reports are in each status, newest first (as on the page). */
export async function exportPeriods(deps: StaffingDeps, ctx: SignedInContext, format: ExportFormat) {
  const periods = await listPeriods(deps.db, ctx);
  const columns: ExportColumn[] = [
    text('label', 'Period'),
    text('kind', 'Typ av period'),
    text('referenceDate', 'Referensdag'),
    text('deadline', 'Sista dag'),
    text('state', 'Läge'),
    ...REPORT_STATUSES.map((status) => number(status, STATUS_SV[status])),
  ];
  const rows = periods.map((p) => ({
    label: p.label,
    kind: PERIOD_KINDS_SV[p.kind],
    referenceDate: p.referenceDate,
    deadline: p.deadline,
    state: p.closed ? 'Stängd' : 'Öppen',
    ...p.statusCounts,
  }));
  return fileOf(format, { base: 'perioder', sheet: 'Perioder', columns, rows });
}

const SWEDISH_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A report's status changes, newest first, for whoever may read the report. */
export async function exportHistory(
  deps: StaffingDeps,
  ctx: SignedInContext,
  params: { periodId: string; municipalityId: string },
  format: ExportFormat,
): Promise<ExportFile> {
  const report = await getReport(deps, ctx, params.periodId, params.municipalityId);
  const columns: ExportColumn[] = [
    text('at', 'När (svensk tid)'),
    text('actor', 'Vem'),
    text('to', 'Ny status'),
    text('from', 'Tidigare status'),
    text('comment', 'Kommentar'),
  ];
  const rows = [...report.history]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((entry) => ({
      at: SWEDISH_TIME.format(new Date(entry.at)),
      actor: entry.actorName,
      to: STATUS_SV[entry.toStatus],
      from: STATUS_SV[entry.fromStatus],
      comment: entry.comment ?? '',
    }));
  return fileOf(format, {
    base: `historik-${report.municipalityName}-${report.periodLabel}`,
    sheet: 'Historik',
    columns,
    rows,
  });
}
