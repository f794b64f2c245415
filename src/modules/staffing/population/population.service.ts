import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../../platform/server/actor.ts';
import { authorize, authorizeObject } from '../../../platform/server/actor.ts';
import { audit } from '../../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../../platform/server/db.ts';
import { NotFoundError } from '../../../platform/server/errors.ts';
import { toCsv } from '../../../platform/server/export.ts';
import { organisation } from '../../../platform/server/organisation.table.ts';
import { type Actor, can } from '../../../platform/server/policy.ts';
import type { DownloadFile } from '../../../platform/server/send-file.ts';
import { populationProjection } from '../population.table.ts';
import { staffingMessages as sm } from '../staffing.messages.ts';
import {
  POPULATION_AGE_GROUPS,
  POPULATION_CSV_COLUMNS,
  type PopulationAgeGroup,
  type PopulationMunicipalityDto,
  type PopulationOverviewDto,
  type PopulationRowInput,
  populationYearRange,
} from './population.contracts.ts';

export type Municipality = { id: string; name: string; code: string | null };

export async function municipalities(db: Db, id?: string): Promise<Municipality[]> {
  return db
    .select({ id: organisation.id, name: organisation.name, code: organisation.code })
    .from(organisation)
    .where(
      id ? and(eq(organisation.kind, 'municipality'), eq(organisation.id, id)) : eq(organisation.kind, 'municipality'),
    )
    .orderBy(asc(organisation.name));
}

/** The regional admin changes any municipality's projection; reporters and municipal admins their own. */
export function mayEdit(actor: Actor, municipalityId: string): boolean {
  return can(actor, 'staffing:configure') || can(actor, 'staffing:edit_report', { organisationId: municipalityId });
}

const ageOrder = (g: PopulationAgeGroup) => POPULATION_AGE_GROUPS.indexOf(g);

/** Every municipality's projection (or one's), for everyone who may read the staffing statistics. */
export async function getPopulation(
  db: Db,
  ctx: SignedInContext,
  municipalityId?: string,
): Promise<PopulationOverviewDto> {
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  const list = await municipalities(db, municipalityId);
  if (municipalityId && list.length === 0) throw new NotFoundError(sm.municipalityNotFound());
  const rows = list.length
    ? await db
        .select()
        .from(populationProjection)
        .where(
          inArray(
            populationProjection.municipalityId,
            list.map((m) => m.id),
          ),
        )
        .orderBy(asc(populationProjection.year))
    : [];
  return {
    years: populationYearRange(),
    municipalities: list
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .map((m): PopulationMunicipalityDto => {
        const own = rows.filter((r) => r.municipalityId === m.id);
        const latest = own.reduce<Date | null>((max, r) => (max && max > r.updatedAt ? max : r.updatedAt), null);
        return {
          municipalityId: m.id,
          municipalityName: m.name,
          code: m.code,
          canEdit: mayEdit(actor, m.id),
          updatedAt: latest ? latest.toISOString() : null,
          rows: own
            .sort((a, b) => a.year - b.year || ageOrder(a.ageGroup) - ageOrder(b.ageGroup))
            .map((r) => ({ year: r.year, ageGroup: r.ageGroup, inhabitants: r.inhabitants })),
        };
      }),
  };
}

/**
 * A municipality's saved projection for the forecast (forecast.ts): every year and age group, by year. No actor:
 * the caller has authorised the read (projections are aggregate figures every signed-in user may see).
 */
export async function loadProjection(
  db: Db,
  municipalityId: string,
): Promise<{ year: number; ageGroup: PopulationAgeGroup; inhabitants: number }[]> {
  const rows = await db
    .select({
      year: populationProjection.year,
      ageGroup: populationProjection.ageGroup,
      inhabitants: populationProjection.inhabitants,
    })
    .from(populationProjection)
    .where(eq(populationProjection.municipalityId, municipalityId));
  return rows.sort((a, b) => a.year - b.year || ageOrder(a.ageGroup) - ageOrder(b.ageGroup));
}

/** A projection's year: the three groups of the demand (a group not saved counts 0) and 20–64 when saved. */
export type ProjectionYear = { year: number; age0_64: number; age65_79: number; age80plus: number; age20_64?: number };

/**
 * Every municipality's saved projection for the forecast, by municipality and year (the three age groups of a year
 * together; a group not saved counts 0). No actor: the caller has authorised the read.
 */
export async function loadAllProjections(db: Db): Promise<Map<string, Map<number, ProjectionYear>>> {
  const rows = await db
    .select({
      municipalityId: populationProjection.municipalityId,
      year: populationProjection.year,
      ageGroup: populationProjection.ageGroup,
      inhabitants: populationProjection.inhabitants,
    })
    .from(populationProjection);
  const result = new Map<string, Map<number, ProjectionYear>>();
  for (const r of rows) {
    const years = result.get(r.municipalityId) ?? new Map();
    result.set(r.municipalityId, years);
    const year: ProjectionYear = years.get(r.year) ?? { year: r.year, age0_64: 0, age65_79: 0, age80plus: 0 };
    years.set(r.year, year);
    if (r.ageGroup === '0-64') year.age0_64 = r.inhabitants;
    else if (r.ageGroup === '65-79') year.age65_79 = r.inhabitants;
    else if (r.ageGroup === '80+') year.age80plus = r.inhabitants;
    else if (r.ageGroup === '20-64') year.age20_64 = r.inhabitants;
  }
  for (const [id, years] of result) result.set(id, new Map([...years].sort((a, b) => a[0] - b[0])));
  return result;
}

export async function getMunicipalityPopulation(
  db: Db,
  ctx: SignedInContext,
  municipalityId: string,
): Promise<PopulationMunicipalityDto> {
  const overview = await getPopulation(db, ctx, municipalityId);
  return overview.municipalities[0] as PopulationMunicipalityDto;
}

/** Writes rows (municipality, year, age group → inhabitants), inserting or updating; returns what changed. */
export async function upsert(
  tx: Db,
  actor: Actor,
  rows: { municipalityId: string; year: number; ageGroup: PopulationAgeGroup; inhabitants: number }[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await tx
      .insert(populationProjection)
      .values(chunk.map((r) => ({ ...r, updatedBy: actor.userId, updatedAt: new Date() })))
      .onConflictDoUpdate({
        target: [populationProjection.municipalityId, populationProjection.year, populationProjection.ageGroup],
        set: {
          inhabitants: sqlExcluded('inhabitants'),
          updatedBy: sqlExcluded('updated_by'),
          updatedAt: sqlExcluded('updated_at'),
        },
      });
  }
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

/** Saves a municipality's whole projection from the form: the years (from this one) and groups not sent are removed. */
export async function savePopulation(
  db: Db,
  ctx: SignedInContext,
  municipalityId: string,
  rows: PopulationRowInput[],
): Promise<PopulationMunicipalityDto> {
  const actor = ctx.actor;
  authorize(actor, 'staffing:read_statistics');
  const [municipality] = await municipalities(db, municipalityId);
  if (!municipality) throw new NotFoundError(sm.municipalityNotFound());
  if (!mayEdit(actor, municipalityId))
    authorizeObject(actor, 'staffing:edit_report', { organisationId: municipalityId });
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`LOCK TABLE ${populationProjection} IN SHARE ROW EXCLUSIVE MODE`);
    const before = await tx
      .select()
      .from(populationProjection)
      .where(eq(populationProjection.municipalityId, municipalityId));
    const sent = new Set(rows.map((r) => `${r.year}/${r.ageGroup}`));
    // Years before this one are history the form no longer shows (nor accepts): they stay as they are.
    const { min } = populationYearRange();
    const removed = before.filter((r) => r.year >= min && !sent.has(`${r.year}/${r.ageGroup}`)).map((r) => r.id);
    if (removed.length) await tx.delete(populationProjection).where(inArray(populationProjection.id, removed));
    const old = new Map(before.map((r) => [`${r.year}/${r.ageGroup}`, r.inhabitants]));
    const changed = rows.filter((r) => old.get(`${r.year}/${r.ageGroup}`) !== r.inhabitants);
    await upsert(
      tx,
      actor,
      changed.map((r) => ({ ...r, municipalityId })),
    );
    await audit(tx, ctx, {
      action: 'population_projection.save',
      entityType: 'population_projection',
      entityId: municipalityId,
      organisationId: municipalityId,
    });
  });
  return getMunicipalityPopulation(db, ctx, municipalityId);
}

/** The projections as CSV in the import's layout, so a file can be exported, changed and imported again. */
export async function exportPopulation(db: Db, ctx: SignedInContext, municipalityId?: string): Promise<DownloadFile> {
  const overview = await getPopulation(db, ctx, municipalityId);
  const columns = POPULATION_CSV_COLUMNS.map((key) => ({
    key,
    header: key,
    kind: key === 'antal' || key === 'år' ? ('number' as const) : ('text' as const),
  }));
  const rows = overview.municipalities.flatMap((m) =>
    m.rows.map((r) => ({
      kommunkod: m.code ?? '',
      kommun: m.municipalityName,
      år: r.year,
      åldersgrupp: r.ageGroup,
      antal: r.inhabitants,
    })),
  );
  const one = municipalityId ? overview.municipalities[0] : undefined;
  const name = one ? `befolkningsprognos-${one.municipalityName}` : 'befolkningsprognos';
  return { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(columns, rows) };
}

// ---- CSV import ---------------------------------------------------------------------------------------------------
