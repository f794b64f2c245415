// Population projections from a CSV file: the file read and checked (every rejected cell by row and column), a stored
// preview of the changes, and its confirmation in one transaction through the shared import kit (decision 011).
import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { authorize, requireActorOf } from '../../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../../platform/server/audit.ts';
import type { Db } from '../../../platform/server/db.ts';
import { ConflictError } from '../../../platform/server/errors.ts';
import { readCsv } from '../../../platform/server/imports/csv.ts';
import {
  confirmPreview,
  findPreviewByDigest,
  fingerprint,
  type ImportKind,
  ImportRejectedError,
  previewDigest,
  storePreview,
} from '../../../platform/server/imports/pending-imports.ts';
import type { Actor } from '../../../platform/server/policy.ts';
import { UploadRejectedError } from '../../../platform/server/upload-guard.ts';
import { populationProjection } from '../population.table.ts';
import {
  POPULATION_CSV_COLUMNS,
  POPULATION_LIMITS,
  type PopulationAgeGroup,
  type PopulationCellErrorDto,
  type PopulationImportPreviewDto,
  type PopulationImportResultDto,
  populationYearRange,
} from './population.contracts.ts';
import { type Municipality, mayEdit, municipalities, upsert } from './population.service.ts';

export type PopulationUpload = { name: string; bytes: Buffer };

/** A file whose cells have errors: 422 with every error as a field "7.antal" (row.column). */
export class PopulationImportRejectedError extends ImportRejectedError {
  constructor(errors: PopulationCellErrorDto[]) {
    super(
      errors.map((e) => ({ path: `${e.row}.${e.column}`, message: e.message })),
      `Filen har ${errors.length === 1 ? 'ett fel' : `${errors.length} fel`}. Rätta filen och förhandsgranska den igen.`,
    );
  }
}

function cellError(row: number, column: string, text: string): PopulationCellErrorDto {
  return { row, column, message: column ? `Rad ${row}, kolumn ${column}: ${text}` : `Rad ${row}: ${text}` };
}

type Column = (typeof POPULATION_CSV_COLUMNS)[number];

/** Lower case, without accents and spaces: "Åldersgrupp" and "aldersgrupp" are the same column. */
const fold = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_-]+/g, '');
const COLUMN_OF = new Map<string, Column>(POPULATION_CSV_COLUMNS.map((c) => [fold(c), c]));

/** "0-64", "0–64", "0 - 64 år", "80+", "80 år och äldre", "80-w", and the working age "20-64" ("varav 20–64"). */
export function ageGroupOf(text: string): PopulationAgeGroup | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*år\s*$/, '')
    .replace(/\s+/g, ' ');
  if (/^0 ?- ?64$/.test(t)) return '0-64';
  if (/^65 ?- ?79$/.test(t)) return '65-79';
  if (/^(varav )?20 ?- ?64$/.test(t)) return '20-64';
  if (/^80 ?(\+|-|- ?w|och äldre|år och äldre|och över)$/.test(t) || t === '80 år och äldre') return '80+';
  return null;
}

type PlannedRow = {
  row: number;
  municipality: Municipality;
  year: number;
  ageGroup: PopulationAgeGroup;
  inhabitants: number;
};

type Checked = { preview: PopulationImportPreviewDto; plan: PopulationPlan | null; sha256: string };

const keyOf = (municipalityId: string, year: number, ageGroup: string) => `${municipalityId}/${year}/${ageGroup}`;

const NOT_UTF8 =
  'Filen är inte en CSV-fil i UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.';

/** The file's records by the shared CSV reader (`;` or `,`); an XLSX, Windows-1252 and binary content are refused. */
function readFile(bytes: Buffer) {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    throw new UploadRejectedError(
      'not_xlsx',
      'Prognosen importeras som CSV. Spara filen i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.',
    );
  }
  // A file far beyond the limit is not read to its end: refused whole below, never imported in part.
  return readCsv(bytes, {
    maxRecords: 2 * POPULATION_LIMITS.rows + 1,
    separators: [';', ','],
    notUtf8Message: NOT_UTF8,
  });
}

const tooManyRows = () =>
  new UploadRejectedError(
    'too_large',
    `Filen har för många rader. Högst ${POPULATION_LIMITS.rows.toLocaleString('sv-SE')} rader kan importeras åt gången; dela upp filen.`,
  );

async function checkFile(db: Db, actor: Actor, file: PopulationUpload): Promise<Checked> {
  const { separator, rows: records } = readFile(file.bytes);
  if (records.length > 2 * POPULATION_LIMITS.rows) throw tooManyRows();
  const [headerRow = [], ...dataRows] = records;
  const errors: PopulationCellErrorDto[] = [];
  const columns = new Map<Column, number>();
  headerRow.forEach((cell, index) => {
    const name = cell.trim();
    if (!name) return;
    const column = COLUMN_OF.get(fold(name));
    if (!column) {
      errors.push(cellError(1, name, `okänd kolumn. Kolumnerna heter ${POPULATION_CSV_COLUMNS.join(';')}.`));
    } else if (columns.has(column)) errors.push(cellError(1, name, 'kolumnen finns två gånger.'));
    else columns.set(column, index);
  });
  for (const c of ['år', 'åldersgrupp', 'antal'] as const) {
    if (!columns.has(c)) errors.push(cellError(1, c, 'kolumnen saknas i filen.'));
  }
  if (!columns.has('kommunkod') && !columns.has('kommun')) {
    errors.push(cellError(1, 'kommunkod', 'ange kommunen i kolumnen kommunkod eller kommun.'));
  }
  const present = dataRows.map((cells, i) => ({ number: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim()));
  if (present.length > POPULATION_LIMITS.rows) throw tooManyRows();
  if (errors.length === 0 && present.length === 0)
    errors.push(cellError(2, '', 'filen har inga rader under rubrikraden.'));

  const all = await municipalities(db);
  const byCode = new Map(all.filter((m) => m.code).map((m) => [m.code as string, m]));
  const byName = new Map(all.map((m) => [fold(m.name), m]));
  const { min, max } = populationYearRange();
  const planned: PlannedRow[] = [];
  const firstRow = new Map<string, number>();
  if (errors.length === 0) {
    for (const { number, cells } of present) {
      const get = (c: Column) => {
        const index = columns.get(c);
        // The apostrophe our exports put before text a spreadsheet could take for a formula is dropped.
        const value = index === undefined ? '' : (cells[index] ?? '').trim();
        return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
      };
      const rowErrors: PopulationCellErrorDto[] = [];
      // The municipality: by its code, else by its name; both given must agree.
      const code = get('kommunkod');
      const name = get('kommun');
      let municipality: Municipality | undefined;
      if (code) {
        municipality = byCode.get(code.padStart(4, '0'));
        if (!municipality) rowErrors.push(cellError(number, 'kommunkod', `okänd kommunkod ”${code}”.`));
        else if (name && byName.get(fold(name))?.id !== municipality.id) {
          rowErrors.push(
            cellError(number, 'kommun', `”${name}” stämmer inte med kommunkod ${code} (${municipality.name}).`),
          );
          municipality = undefined;
        }
      } else if (name) {
        municipality = byName.get(fold(name));
        if (!municipality) rowErrors.push(cellError(number, 'kommun', `okänd kommun ”${name}”.`));
      } else {
        rowErrors.push(cellError(number, columns.has('kommunkod') ? 'kommunkod' : 'kommun', 'ange kommunen.'));
      }
      if (municipality && !mayEdit(actor, municipality.id)) {
        rowErrors.push(
          cellError(
            number,
            code ? 'kommunkod' : 'kommun',
            `du får inte ändra prognosen för ${municipality.name}, bara för din egen kommun.`,
          ),
        );
        municipality = undefined;
      }
      const yearText = get('år');
      let year: number | undefined;
      if (!/^\d{4}$/.test(yearText)) {
        rowErrors.push(cellError(number, 'år', yearText ? `”${yearText}” är inget årtal.` : 'ange året.'));
      } else if (Number(yearText) < min || Number(yearText) > max) {
        rowErrors.push(cellError(number, 'år', `${yearText} ligger utanför ${min}–${max}.`));
      } else year = Number(yearText);
      const groupText = get('åldersgrupp');
      const ageGroup = ageGroupOf(groupText);
      if (!ageGroup) {
        rowErrors.push(
          cellError(
            number,
            'åldersgrupp',
            `${groupText ? `okänd åldersgrupp ”${groupText}”` : 'ange åldersgruppen'}. Ange 0-64, 65-79, 80+ eller 20-64.`,
          ),
        );
      }
      const countText = get('antal').replace(/[\s\u00a0\u202f]/g, '');
      let inhabitants: number | undefined;
      if (countText === '') rowErrors.push(cellError(number, 'antal', 'ange antalet invånare.'));
      else if (/^-\d+$/.test(countText)) rowErrors.push(cellError(number, 'antal', 'antalet kan inte vara negativt.'));
      else if (!/^\d+$/.test(countText)) {
        rowErrors.push(
          cellError(number, 'antal', `”${get('antal')}” är inget heltal. Ange antalet invånare, till exempel 1250.`),
        );
      } else if (Number(countText) > 10_000_000)
        rowErrors.push(cellError(number, 'antal', 'antalet är orimligt stort.'));
      else inhabitants = Number(countText);
      if (municipality && year !== undefined && ageGroup) {
        const key = keyOf(municipality.id, year, ageGroup);
        const earlier = firstRow.get(key);
        if (earlier !== undefined) {
          rowErrors.push(
            cellError(number, 'åldersgrupp', `${municipality.name} ${year} ${ageGroup} finns redan på rad ${earlier}.`),
          );
        } else firstRow.set(key, number);
      }
      errors.push(...rowErrors);
      if (rowErrors.length === 0 && municipality && year !== undefined && ageGroup && inhabitants !== undefined) {
        planned.push({ row: number, municipality, year, ageGroup, inhabitants });
      }
    }
  }

  const current = await currentValues(
    db,
    planned.map((p) => ({ municipalityId: p.municipality.id })),
  );
  const perMunicipality = new Map<string, PopulationImportPreviewDto['municipalities'][number]>();
  let news = 0;
  let changed = 0;
  for (const p of planned) {
    const old = current.get(keyOf(p.municipality.id, p.year, p.ageGroup));
    const change = old !== p.inhabitants;
    if (old === undefined) news++;
    else if (change) changed++;
    const entry = perMunicipality.get(p.municipality.id) ?? {
      municipalityId: p.municipality.id,
      municipalityName: p.municipality.name,
      fromYear: p.year,
      toYear: p.year,
      rows: 0,
      changes: 0,
    };
    entry.fromYear = Math.min(entry.fromYear, p.year);
    entry.toYear = Math.max(entry.toYear, p.year);
    entry.rows++;
    if (change) entry.changes++;
    perMunicipality.set(p.municipality.id, entry);
  }
  const preview: PopulationImportPreviewDto = {
    fileName: file.name,
    separator,
    errors,
    counts: { rows: present.length, new: news, changed, unchanged: planned.length - news - changed },
    municipalities: [...perMunicipality.values()].sort((a, b) =>
      a.municipalityName.localeCompare(b.municipalityName, 'sv'),
    ),
    token: null,
  };
  const plan: PopulationPlan | null =
    errors.length === 0
      ? {
          rows: planned.map((p) => {
            const old = current.get(keyOf(p.municipality.id, p.year, p.ageGroup)) ?? null;
            const { id: municipalityId } = p.municipality;
            return { municipalityId, year: p.year, ageGroup: p.ageGroup, inhabitants: p.inhabitants, old };
          }),
          counts: preview.counts,
        }
      : null;
  return { preview, plan, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

async function currentValues(db: Db, planned: { municipalityId: string }[]): Promise<Map<string, number>> {
  const ids = [...new Set(planned.map((p) => p.municipalityId))];
  const current = new Map<string, number>();
  if (ids.length === 0) return current;
  const rows = await db.select().from(populationProjection).where(inArray(populationProjection.municipalityId, ids));
  for (const r of rows) current.set(keyOf(r.municipalityId, r.year, r.ageGroup), r.inhabitants);
  return current;
}

/** What a confirmation writes: every row of the file with the value it had at the preview (null: none). */
type PopulationPlan = {
  rows: {
    municipalityId: string;
    year: number;
    ageGroup: PopulationAgeGroup;
    inhabitants: number;
    old: number | null;
  }[];
  counts: PopulationImportPreviewDto['counts'];
};

const STALE = 'Prognosen har ändrats sedan förhandsgranskningen. Förhandsgranska filen igen innan du importerar.';

/** The population import on the platform's protocol: its basis is the saved value of every row the file names. */
const populationImport: ImportKind<PopulationPlan> = {
  kind: 'staffing.population_import',
  expiresInHours: 24,
  basis: async (db, plan) => {
    const current = await currentValues(db, plan.rows);
    return fingerprint(plan.rows.map((r) => current.get(keyOf(r.municipalityId, r.year, r.ageGroup)) ?? null));
  },
  // One writer at a time (a form save or another import waits), so the basis checked is what is written over.
  lock: async (tx) => {
    await tx.execute(sql`LOCK TABLE ${populationProjection} IN SHARE ROW EXCLUSIVE MODE`);
  },
  apply: async (tx, ctx, preview) => {
    const writing = preview.plan.rows.filter((r) => r.old !== r.inhabitants);
    await upsert(
      tx,
      requireActorOf(ctx),
      writing.map(({ old: _old, ...r }) => r),
    );
    const touched = [...new Set(writing.map((r) => r.municipalityId))];
    await audit(
      tx,
      ctx,
      touched.map((id) => ({
        action: 'population_projection.import',
        entityType: 'population_projection',
        entityId: id,
        organisationId: id,
      })),
    );
  },
  messages: { stale: STALE, expired: STALE, handled: STALE },
};

/** Only those who may change some municipality's projection import (the rows are then checked one by one). */
function authorizeImport(actor: Actor) {
  authorize(actor, 'staffing:edit_report', { organisationId: actor.organisationId });
}

/** Reads and checks the file; writes nothing. */
export async function previewPopulationImport(
  db: Db,
  ctx: RequestContext,
  file: PopulationUpload,
): Promise<PopulationImportPreviewDto> {
  const actor = requireActorOf(ctx);
  authorizeImport(actor);
  const { preview, plan, sha256 } = await checkFile(db, actor, file);
  if (!plan) return preview;
  const stored = await storePreview(db, ctx, populationImport, { fileName: file.name, sha256, plan });
  // The same file checked against the same saved values gives the same token; anything else does not.
  return { ...preview, token: stored.digest };
}

const CHANGED =
  'Filen eller prognosen har ändrats sedan förhandsgranskningen. Förhandsgranska filen igen innan du importerar.';

/**
 * Checks the same file again and writes every row in one transaction, or nothing.
 *
 * The token is the digest of the file's plan against the saved values, so this check of the file gives the same digest
 * exactly when the file and the values it names are as they were at the preview — whoever previewed it (a regional
 * admin previews, the municipality's admin confirms) and however often (an applied plan without changes confirms
 * again, writing nothing). The actor's own pending preview with the token is confirmed; otherwise this check is stored
 * as the actor's preview and confirmed. Another file, or values changed since the preview, give another digest: 409.
 */
export async function confirmPopulationImport(
  db: Db,
  ctx: RequestContext,
  file: PopulationUpload,
  token: string,
): Promise<PopulationImportResultDto> {
  const actor = requireActorOf(ctx);
  authorizeImport(actor);
  const { preview, plan, sha256 } = await checkFile(db, actor, file);
  if (preview.errors.length > 0 || !plan) throw new PopulationImportRejectedError(preview.errors);
  const basis = await populationImport.basis(db, plan, '');
  if (previewDigest(populationImport, { sha256, plan, basis }) !== token) throw new ConflictError(CHANGED);
  const own = await findPreviewByDigest(db, ctx, populationImport, token);
  const usable = own?.status === 'pending' && own.expiresAt.getTime() > Date.now();
  const stored =
    own && usable ? own : await storePreview(db, ctx, populationImport, { fileName: file.name, sha256, plan, basis });
  await confirmPreview(db, ctx, populationImport, stored.id, undefined);
  const { counts } = plan;
  return { created: counts.new, updated: counts.changed, unchanged: counts.unchanged };
}
