// The HR import (decision 011's kit; decision 015): an XLSX or CSV export from the HR system, matched on the
// employee number. The file is read in a worker thread; every cell is checked (people-import-check.ts); the rows are
// compared with the register — new, changed, ended, unchanged — and current persons the file does not hold are listed
// as missing. The preview stores that plan; confirming applies exactly it in one transaction (or nothing), refused
// when the municipality's persons or units changed meanwhile. The same file twice changes nothing. A person missing
// from a full export is never deleted: the confirmation may mark them ended.
import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import { requireActorOf, type SignedInContext } from '../../platform/server/actor.ts';
import type { RequestContext } from '../../platform/server/audit.ts';
import type { Db } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError } from '../../platform/server/errors.ts';
import { pendingImport } from '../../platform/server/imports/pending-import.table.ts';
import {
  type AppliedAudit,
  confirmPreview,
  fingerprint,
  type ImportKind,
  ImportRejectedError,
  importMessages,
  type PendingImport,
  storePreview,
} from '../../platform/server/imports/pending-imports.ts';
import type { UploadedFile } from '../../platform/server/imports/upload.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { rejectionOf, sha256File } from '../../platform/server/upload-guard.ts';
import { createWorkerPool, type WorkerPool } from '../../platform/server/worker-pool.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import {
  type ImportCellErrorDto,
  type ImportPreviewDto,
  type ImportResultDto,
  PEOPLE_LIMITS,
} from './people.contracts.ts';
import { peopleMessages as pm } from './people.messages.ts';
import { peoplePerson, peoplePersonEvent, peopleUnit } from './people.table.ts';
import type { HrRows, ReadOutcome, ReadTask } from './people-import.worker.ts';
import { checkRow, type RowValues, readHeader } from './people-import-check.ts';
import { comparison, OPTIONAL_FIELDS, type OptionalField, type PeoplePlan, userLinks } from './people-import-plan.ts';
import { authorizeAny, fullName, type PeopleDeps, personScope, targetMunicipality } from './people-scope.ts';
import { fold, foldMemo, personSearchText } from './people-text.ts';
import { eventKindOf } from './persons.service.ts';

export type HrFileReader = WorkerPool<ReadTask, ReadOutcome>;
export type ImportDeps = PeopleDeps & { files: HrFileReader };

export function createHrFileReader(): HrFileReader {
  return createWorkerPool<ReadTask, ReadOutcome>(new URL('./people-import.worker.ts', import.meta.url), {
    maxThreads: 1,
    // ExcelJS makes objects for every cell: with a 96 MB young generation a 20,000-row workbook was read in ~500–585
    // ms against ~630–730 ms with a thread's default (three back-to-back rounds of four reads each, load 2–3).
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
}

type ConfirmOptions = { endMissing: boolean };

/** The state a plan depends on: the municipality's persons and units (any change moves the newest `updated_at`). */
async function basisOf(db: Db, municipalityId: string) {
  const [persons] = await db
    .select({ n: count(), newest: max(peoplePerson.updatedAt) })
    .from(peoplePerson)
    .where(eq(peoplePerson.organisationId, municipalityId));
  const [units] = await db
    .select({ n: count(), newest: max(peopleUnit.updatedAt) })
    .from(peopleUnit)
    .where(eq(peopleUnit.organisationId, municipalityId));
  const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
  return fingerprint([persons?.n ?? 0, iso(persons?.newest), units?.n ?? 0, iso(units?.newest)]);
}

export const hrImport: ImportKind<PeoplePlan, ConfirmOptions> = {
  kind: 'people.hr_import',
  expiresInHours: 24,
  basis: (db, plan) => basisOf(db, plan.municipalityId),
  // One import (or change) of a municipality's register at a time.
  lock: async (tx, plan) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`people:${plan.municipalityId}`}))`);
  },
  apply: (tx, ctx, preview, options) => applyPlan(tx, ctx, preview, options),
};

/** Reads, checks and compares the file; stores the plan when it has changes and no errors. */
export async function previewImport(
  deps: ImportDeps,
  ctx: SignedInContext,
  file: UploadedFile,
  municipalityId: string | undefined,
): Promise<ImportPreviewDto> {
  const municipality = await targetMunicipality(deps.db, ctx.actor, 'people:manage', municipalityId);
  const checked = await checkFile(deps, ctx, file, municipality);
  if (!checked.plan) return checked.preview;
  const stored = await storePreview(deps.db, ctx, hrImport, {
    scope: municipality.id,
    fileName: file.name,
    sha256: checked.sha256,
    plan: checked.plan,
  });
  return { ...checked.preview, id: stored.id };
}

/** Applies a stored preview; `endMissing` marks current persons the file did not hold as ended today. */
export async function confirmImport(
  deps: PeopleDeps,
  ctx: SignedInContext,
  id: string,
  options: ConfirmOptions,
): Promise<ImportResultDto> {
  authorizeAny(ctx.actor, 'people:manage');
  // The importer's rights are checked again on the preview's municipality (its scope), without reading its plan: a
  // manager's units moving since the preview moves the basis (the units' `updated_at`), which confirmPreview refuses.
  const [pending] = await deps.db
    .select({ scope: pendingImport.scope })
    .from(pendingImport)
    .where(
      and(
        eq(pendingImport.id, id),
        eq(pendingImport.kind, hrImport.kind),
        eq(pendingImport.uploadedBy, ctx.actor.userId),
      ),
    );
  if (!pending) throw new NotFoundError(importMessages.notFound());
  await targetMunicipality(deps.db, ctx.actor, 'people:manage', pending.scope);
  const applied = await confirmPreview(deps.db, ctx, hrImport, id, options);
  return resultOf(applied.plan, options);
}

function resultOf(plan: PeoplePlan, options: ConfirmOptions): ImportResultDto {
  const ended = plan.updating.filter((u) => eventKindOf(u.changes) === 'ended').length;
  return {
    created: plan.creating.row.length,
    changed: plan.updating.length - ended,
    ended,
    endedMissing: options.endMissing ? plan.missing.length : 0,
  };
}

/** `?confirm=true` (integrations): the preview, applied at once; a file with errors is 422 with every cell. */
export async function importAtOnce(
  deps: ImportDeps,
  ctx: SignedInContext,
  file: UploadedFile,
  municipalityId: string | undefined,
  options: ConfirmOptions,
): Promise<ImportPreviewDto> {
  const preview = await previewImport(deps, ctx, file, municipalityId);
  if (preview.counts.errors > 0) {
    throw new ImportRejectedError(
      preview.errors.map((e) => ({ path: `${e.row}.${e.column}`, message: e.message })),
      pm.importRejected({ count: preview.counts.errors }),
    );
  }
  if (!preview.id) return { ...preview, result: { created: 0, changed: 0, ended: 0, endedMissing: 0 } };
  return { ...preview, result: await confirmImport(deps, ctx, preview.id, options) };
}

type Municipality = { id: string; name: string; code: string | null };

async function checkFile(deps: ImportDeps, ctx: SignedInContext, file: UploadedFile, municipality: Municipality) {
  const { db } = deps;
  // The file is read in its thread, which sends the rows in batches; the register is read here meanwhile, and each
  // batch is checked and compared while the thread reads the next.
  const reading = deps.files.stream<HrRows>({ filePath: file.path });
  const hashing = sha256File(file.path);
  hashing.catch(() => {}); // awaited at the end; a refused file may end the check first
  const [scope, units, existing, users] = await Promise.all([
    personScope(db, ctx.actor, 'people:manage'),
    db.select().from(peopleUnit).where(eq(peopleUnit.organisationId, municipality.id)),
    // Every person of the municipality with an employee number, ended ones too: what the rows are compared with.
    db
      .select()
      .from(peoplePerson)
      .where(
        and(
          eq(peoplePerson.organisationId, municipality.id),
          isNotNull(peoplePerson.employeeNumber),
          isNull(peoplePerson.anonymisedAt),
        ),
      ),
    userLinks(db, municipality.id),
  ]);
  const scopeUnitIds = scope.kind === 'units' ? [...scope.unitIds].sort() : null;
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const look = await lookups(deps, municipality, units, scopeUnitIds);
  const compare = comparison(existing, unitName, users, scopeUnitIds);

  let header: ReturnType<typeof readHeader> | null = null;
  let absent: OptionalField[] = [];
  const fileErrors: ImportCellErrorDto[] = [];
  const rowErrors: ImportCellErrorDto[] = [];
  let rowCount = 0;
  for await (const batch of reading.parts) {
    const formulaAt = new Map<number, Set<number>>();
    for (const [r, c] of batch.formulas) formulaAt.set(r, (formulaAt.get(r) ?? new Set()).add(c));
    for (const [number, cells] of batch.rows) {
      if (header === null) {
        // The header is row 1; a file whose row 1 is blank has no header (its first rows are data).
        header = readHeader(number === 1 ? cells : [], formulaAt.get(1) ?? new Set());
        fileErrors.push(...header.errors);
        const columns = header.columns;
        absent = OPTIONAL_FIELDS.filter((key) => !columns.has(key));
        if (number === 1) continue;
      }
      rowCount++;
      // A file whose header is wrong is not checked row by row: its rows are only counted.
      if (fileErrors.length > 0) continue;
      const checked = checkRow(number, cells, header.columns, formulaAt.get(number) ?? new Set(), look);
      compare.row(checked, absent);
      rowErrors.push(...checked.errors);
    }
  }
  const outcome = await reading.result;
  if (outcome.ok === 'refused') throw rejectionOf(outcome);
  if (header === null) fileErrors.push(...readHeader([], new Set()).errors);
  if (fileErrors.length === 0 && rowCount === 0) {
    fileErrors.push({ row: 2, column: '', message: 'Rad 2: filen har inga personer under rubrikraden.' });
  }
  const { creating, updating, rows, inFile } = compare;
  const unchanged = compare.unchanged();
  const scopeSet = scopeUnitIds ? new Set(scopeUnitIds) : null;

  // Current persons the file does not hold (within a manager's units): listed, and ended only if the confirmation says.
  const today = swedishDate(new Date());
  const missing = existing.filter(
    (p) =>
      !inFile.has((p.employeeNumber as string).toLowerCase()) &&
      (p.employmentEnd === null || p.employmentEnd >= today) &&
      (!scopeSet || scopeSet.has(p.unitId)),
  );

  const errors = [...fileErrors, ...rowErrors];
  const counts = {
    rows: rowCount,
    new: creating.columns.row.length,
    changed: rows.changed.length,
    ended: rows.ended.length,
    unchanged,
    missing: fileErrors.length === 0 ? missing.length : 0,
    errors: errors.length,
  };
  const cap = PEOPLE_LIMITS.previewRows;
  const preview: ImportPreviewDto = {
    id: null,
    fileName: file.name,
    fileType: outcome.fileType,
    municipality: { id: municipality.id, name: municipality.name },
    scopeUnits: scopeUnitIds ? scopeUnitIds.map((id) => unitName.get(id) ?? '') : null,
    counts,
    errors: errors.slice(0, PEOPLE_LIMITS.previewErrors),
    new: rows.new.slice(0, cap),
    changed: rows.changed.slice(0, cap),
    ended: rows.ended.slice(0, cap),
    missing: (errors.length ? [] : missing).slice(0, cap).map((p) => ({
      employeeNumber: p.employeeNumber as string,
      name: fullName(p),
      unitName: unitName.get(p.unitId) ?? '',
    })),
    truncated:
      errors.length > PEOPLE_LIMITS.previewErrors ||
      [rows.new, rows.changed, rows.ended, missing].some((list) => list.length > cap),
    result: null,
  };
  const hasChanges = creating.columns.row.length + updating.length + missing.length > 0;
  const plan: PeoplePlan | null =
    errors.length === 0 && hasChanges
      ? {
          municipalityId: municipality.id,
          scopeUnitIds,
          today,
          creating: creating.columns,
          updating,
          missing: missing.map((p) => ({
            personId: p.id,
            employmentStart: p.employmentStart,
            employmentEnd: p.employmentEnd,
          })),
          unchanged,
        }
      : null;
  return { preview, plan, sha256: await hashing };
}

async function lookups(
  deps: ImportDeps,
  municipality: Municipality,
  units: (typeof peopleUnit.$inferSelect)[],
  scopeUnitIds: string[] | null,
) {
  const unitMap = new Map<string, { id: string; name: string; active: boolean }>();
  // Names first, codes after: a code wins when a name and another unit's code fold alike.
  for (const u of units) unitMap.set(fold(u.name), u);
  for (const u of units) if (u.code) unitMap.set(fold(u.code), u);
  const professions = new Map<string, string>();
  const active = await listProfessions({ db: deps.db, cache: deps.cache }, { activeOnly: true });
  for (const p of active) for (const n of [p.key, p.name, p.nameEn]) professions.set(fold(n), p.key);
  const others = await deps.db
    .select({ code: organisation.code, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.kind, 'municipality'));
  return {
    municipality,
    units: unitMap,
    scopeUnitIds: scopeUnitIds ? new Set(scopeUnitIds) : null,
    professions,
    professionNames: active.map((p) => p.name).join(', '),
    municipalityNames: new Map(others.flatMap((o) => (o.code ? [[o.code, o.name] as const] : []))),
    thisYear: new Date().getUTCFullYear(),
    fold: foldMemo(),
  };
}

// Rows per UPDATE … FROM unnest (the changed persons' history is written per chunk).
const CHUNK = 5_000;

async function applyPlan(
  tx: Db,
  ctx: RequestContext,
  preview: PendingImport<PeoplePlan>,
  options: ConfirmOptions,
): Promise<AppliedAudit> {
  const actor = requireActorOf(ctx);
  const { plan } = preview;
  const org = plan.municipalityId;
  const touched: { created: string[]; changed: string[]; ended: string[]; endedMissing: string[] } = {
    created: [],
    changed: [],
    ended: [],
    endedMissing: [],
  };
  const arr = (values: unknown[]) => sql.param(values);
  // Each person's history names who confirmed, and the import.
  const events = async (ids: string[], kinds: string[], changes: Record<string, [unknown, unknown]>[]) => {
    await tx.execute(sql`
      INSERT INTO ${peoplePersonEvent} (person_id, kind, actor_user_id, actor_token_id, import_id, changes)
      SELECT e.id, e.kind, ${actor.userId}, ${actor.tokenId}, ${preview.id}, e.changes
        FROM unnest(${arr(ids)}::uuid[], ${arr(kinds)}::text[], ${arr(changes.map((c) => JSON.stringify(c)))}::jsonb[])
          AS e(id, kind, changes)`);
  };
  // New persons: one statement (the rows bound as one array per column, sent once). Each names the import that
  // created it, and that import is its "created" event (people-history.ts, decision 044): the person as imported is
  // the first state, and every later change keeps its before and after (a 20,000-row file writes no second copy of
  // itself, nor 20,000 empty event rows).
  const creating = plan.creating;
  const codes = creating.codes;
  if (creating.row.length > 0) {
    // A plan stored without its coded fields (a preview made by the previous version) is not applied: upload again.
    if (!codes) throw new ConflictError(importMessages.stale());
    const ids = creating.row.map(() => randomUUID());
    const searchTexts = creating.row.map((_, i) =>
      personSearchText({
        firstName: creating.firstName[i] ?? '',
        lastName: creating.lastName[i] ?? '',
        employeeNumber: creating.employeeNumber[i] ?? null,
        email: creating.email[i] ?? null,
      }),
    );
    await tx.execute(sql`
        INSERT INTO ${peoplePerson} (id, organisation_id, unit_id, first_name, last_name, email, profession_key,
          employment_form, employment_rate, employment_start, employment_end, birth_year, employee_number, user_id,
          search_text, created_by_import)
        SELECT x.id, ${org}::uuid, (${arr(codes.unitId)}::uuid[])[x.unit_id], x.first_name, x.last_name, x.email,
          (${arr(codes.professionKey)}::text[])[x.profession_key], (${arr(codes.employmentForm)}::text[])[x.employment_form],
          x.employment_rate, x.employment_start, x.employment_end, x.birth_year, x.employee_number, x.user_id,
          x.search_text, ${preview.id}::uuid
        FROM unnest(${arr(ids)}::uuid[], ${arr(creating.unitId)}::int[], ${arr(creating.firstName)}::text[],
          ${arr(creating.lastName)}::text[], ${arr(creating.email)}::text[], ${arr(creating.professionKey)}::int[],
          ${arr(creating.employmentForm)}::int[], ${arr(creating.employmentRate)}::numeric[],
          ${arr(creating.employmentStart)}::date[], ${arr(creating.employmentEnd)}::date[],
          ${arr(creating.birthYear)}::int[], ${arr(creating.employeeNumber)}::text[], ${arr(creating.userId)}::text[],
          ${arr(searchTexts)}::text[])
          AS x(id, unit_id, first_name, last_name, email, profession_key, employment_form, employment_rate,
               employment_start, employment_end, birth_year, employee_number, user_id, search_text)`);
    touched.created = ids;
  }

  // Changed and ended persons: one UPDATE … FROM unnest per chunk.
  for (let i = 0; i < plan.updating.length; i += CHUNK) {
    const chunk = plan.updating.slice(i, i + CHUNK);
    const col = <K extends keyof RowValues>(key: K) => arr(chunk.map((u) => u.values[key] ?? null));
    await tx.execute(sql`
      UPDATE ${peoplePerson} AS p SET
        unit_id = v.unit_id, first_name = v.first_name, last_name = v.last_name, email = v.email,
        profession_key = v.profession_key, employment_form = v.employment_form, employment_rate = v.employment_rate,
        employment_start = v.employment_start, employment_end = v.employment_end, birth_year = v.birth_year,
        search_text = v.search_text, updated_at = now(),
        user_id = CASE WHEN v.set_user THEN v.user_id ELSE p.user_id END
      FROM unnest(${arr(chunk.map((u) => u.personId))}::uuid[], ${col('unitId')}::uuid[], ${col('firstName')}::text[],
        ${col('lastName')}::text[], ${col('email')}::text[], ${col('professionKey')}::text[],
        ${col('employmentForm')}::text[], ${col('employmentRate')}::numeric[], ${col('employmentStart')}::date[],
        ${col('employmentEnd')}::date[], ${col('birthYear')}::int[],
        ${arr(chunk.map((u) => personSearchText(u.values)))}::text[],
        ${arr(chunk.map((u) => u.userId !== undefined))}::boolean[], ${arr(chunk.map((u) => u.userId ?? null))}::text[])
        AS v(id, unit_id, first_name, last_name, email, profession_key, employment_form, employment_rate,
             employment_start, employment_end, birth_year, search_text, set_user, user_id)
      WHERE p.id = v.id`);
    const ids = chunk.map((u) => u.personId);
    const kinds = chunk.map((u) => eventKindOf(u.changes));
    await events(
      ids,
      kinds,
      chunk.map((u) => u.changes),
    );
    ids.forEach((id, j) => {
      (kinds[j] === 'ended' ? touched.ended : touched.changed).push(id);
    });
  }

  // Persons missing from a full export: ended today (or on their start date, for an employment not yet begun).
  if (options.endMissing) {
    for (let i = 0; i < plan.missing.length; i += CHUNK) {
      const chunk = plan.missing.slice(i, i + CHUNK);
      const ids = chunk.map((m) => m.personId);
      await tx
        .update(peoplePerson)
        .set({
          employmentEnd: sql`greatest(${plan.today}::date, ${peoplePerson.employmentStart})`,
          updatedAt: new Date(),
        })
        .where(inArray(peoplePerson.id, ids));
      await events(
        ids,
        ids.map(() => 'ended'),
        chunk.map((m) => ({
          // biome-ignore lint/complexity/useMathMinMax: dates as text, compared as text
          employmentEnd: [m.employmentEnd, m.employmentStart > plan.today ? m.employmentStart : plan.today],
        })),
      );
      touched.endedMissing.push(...ids);
    }
  }

  // One audit event for the confirmation (the kit's `people.hr_import.apply`, entity: the import): who confirmed,
  // the municipality, and the id of every person it created, changed or ended, by kind, with the counts. Each
  // person's history rows name the import (`import_id`) and what changed.
  return {
    organisationId: org,
    details: {
      counts: {
        created: touched.created.length,
        changed: touched.changed.length,
        ended: touched.ended.length,
        endedMissing: touched.endedMissing.length,
        unchanged: plan.unchanged,
      },
      ...touched,
    },
  };
}
