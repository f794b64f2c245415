// The region and its member municipalities. Nothing is deleted: a municipality is deactivated.
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import type { createMunicipalitySchema, OrganisationDto, updateOrganisationSchema } from './admin.contracts.ts';
import { adminMessages as am } from './admin.messages.ts';

type OrganisationRow = typeof organisation.$inferSelect & { userCount: number };

export function toOrganisationDto(row: OrganisationRow): OrganisationDto {
  return { id: row.id, kind: row.kind, name: row.name, code: row.code, active: row.active, userCount: row.userCount };
}

const organisationColumns = {
  id: organisation.id,
  kind: organisation.kind,
  name: organisation.name,
  code: organisation.code,
  active: organisation.active,
  createdAt: organisation.createdAt,
  updatedAt: organisation.updatedAt,
};

// Correlated subqueries are written out in SQL: inside sql`` Drizzle leaves columns unqualified.
const userCount = sql<number>`(select count(*)::int from "user" u where u.organisation_id = "organisation"."id" and u.active)`;

export async function getRegionInfo(db: Db) {
  const [region] = await db
    .select({ name: organisation.name })
    .from(organisation)
    .where(eq(organisation.kind, 'region'));
  const [row] = await db
    .select({ n: count() })
    .from(organisation)
    .where(and(eq(organisation.kind, 'municipality'), eq(organisation.active, true)));
  return { name: region?.name ?? 'Kompetensnav', municipalityCount: row?.n ?? 0 };
}

export async function listOrganisations(db: Db, actor: Actor, opts: { includeInactive: boolean }, cache?: ReadCache) {
  authorize(actor, 'organisation:read');
  const load = () => loadOrganisations(db, opts.includeInactive);
  return cache ? cache.remember(`organisations:${opts.includeInactive}`, load) : load();
}

async function loadOrganisations(db: Db, includeInactive: boolean) {
  const rows = await db
    .select({ ...organisationColumns, userCount })
    .from(organisation)
    .where(includeInactive ? undefined : eq(organisation.active, true));
  return rows
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'sv') : a.kind === 'region' ? -1 : 1))
    .map(toOrganisationDto);
}

export async function getOrganisation(db: Db, actor: Actor, id: string) {
  authorize(actor, 'organisation:read');
  return toOrganisationDto(await findOrganisation(db, id));
}

export async function createMunicipality(
  db: Db,
  actor: Actor,
  ctx: RequestContext,
  input: z.infer<typeof createMunicipalitySchema>,
) {
  authorize(actor, 'organisation:manage');
  await assertUnique(db, input.name, input.code);
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(organisation)
      .values({ kind: 'municipality', name: input.name, code: input.code })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await audit(tx, ctx, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: created.id,
      organisationId: created.id,
    });
    return created;
  });
  return toOrganisationDto({ ...row, userCount: 0 });
}

export async function updateOrganisation(
  db: Db,
  actor: Actor,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof updateOrganisationSchema>,
) {
  authorize(actor, 'organisation:manage');
  const current = await findOrganisation(db, id);
  if (current.kind === 'region' && input.code !== undefined) {
    throw new ConflictError(am.regionHasNoCode(), [{ path: 'code', message: am.regionHasNoCode() }]);
  }
  if (current.kind === 'region' && input.active === false) {
    throw new ConflictError(am.regionCannotBeDeactivated(), [
      { path: 'active', message: am.regionCannotBeDeactivated() },
    ]);
  }
  await assertUnique(db, input.name, input.code, id);
  const action =
    input.active === false
      ? 'organisation.deactivate'
      : input.active === true
        ? 'organisation.reactivate'
        : 'organisation.update';
  await inTransaction(db, async (tx) => {
    await tx
      .update(organisation)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(organisation.id, id));
    await audit(tx, ctx, { action, entityType: 'organisation', entityId: id, organisationId: id });
  });
  return toOrganisationDto(await findOrganisation(db, id));
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow> {
  const [row] = await db
    .select({ ...organisationColumns, userCount })
    .from(organisation)
    .where(eq(organisation.id, id));
  if (!row) throw new NotFoundError(am.organisationNotFound());
  return row;
}

async function assertUnique(db: Db, name: string | undefined, code: string | undefined, exceptId?: string) {
  const others = exceptId ? ne(organisation.id, exceptId) : undefined;
  if (code !== undefined) {
    const [clash] = await db
      .select({ id: organisation.id })
      .from(organisation)
      .where(and(eq(organisation.code, code), others));
    if (clash) {
      throw new ConflictError(am.codeTaken(), [{ path: 'code', message: am.codeTakenField() }]);
    }
  }
  if (name !== undefined) {
    const [clash] = await db
      .select({ id: organisation.id })
      .from(organisation)
      .where(and(sql`lower(${organisation.name}) = lower(${name})`, others));
    if (clash) {
      throw new ConflictError(am.nameTaken(), [{ path: 'name', message: am.organisationNameTaken() }]);
    }
  }
}
