// A municipality's units as a tree (förvaltning → verksamhetsområde → enhet) with their managers. The municipal
// admin (and the regional admin) builds the tree; managers and admins read it. Nothing is deleted: a unit that people
// or sub-units still use cannot even be deactivated.
import { and, asc, count, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { authorize, authorizeObject, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user, userRole } from '../../platform/server/auth.table.ts';
import { type Db, databaseErrorCode, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { can } from '../../platform/server/policy.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import type { CreateUnitInput, UnitDto, UnitTreeDto, UpdateUnitInput } from './people.contracts.ts';
import { peopleMessages as pm } from './people.messages.ts';
import { peoplePerson, peopleUnit, peopleUnitManager } from './people.table.ts';
import { type PeopleDeps, personScope, targetMunicipality, type UnitRow } from './people-scope.ts';
import { compareSwedishText } from './people-text.ts';

/** Units in tree order: parents before children, siblings in Swedish alphabetical order. */
export function treeOrder<T extends { id: string; parentId: string | null; name: string }>(units: T[]): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => compareSwedishText(a.name, b.name))) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
}

export async function unitsOfMunicipality(db: Db, organisationId: string): Promise<UnitRow[]> {
  return db.select().from(peopleUnit).where(eq(peopleUnit.organisationId, organisationId));
}

/** The municipality's unit tree, with managers and the current staff count per unit the caller may see. */
export async function unitTree(deps: PeopleDeps, ctx: SignedInContext, municipalityId?: string): Promise<UnitTreeDto> {
  const { actor } = ctx;
  const { db } = deps;
  const professions = (await listProfessions({ db, cache: deps.cache }, { activeOnly: true })).map((p) => ({
    key: p.key,
    name: p.name,
    nameEn: p.nameEn,
  }));
  // A regional admin without a municipality chosen works across all of them: no tree, the reference data only.
  if (!municipalityId && isRegionalAdmin(actor)) {
    return {
      municipality: null,
      units: [],
      visibleUnitIds: [],
      canManageUnits: false,
      canManagePeople: false,
      professions,
    };
  }
  const municipality = await targetMunicipality(db, actor, 'people:read', municipalityId);
  const scope = await personScope(db, actor);
  const units = treeOrder(await unitsOfMunicipality(db, municipality.id));
  const visible =
    scope.kind === 'units' ? new Set(scope.unitIds) : new Set(scope.kind === 'none' ? [] : units.map((u) => u.id));
  const today = swedishDate(new Date());
  const ids = units.map((u) => u.id);
  const counts = ids.length
    ? await db
        .select({ unitId: peoplePerson.unitId, n: count() })
        .from(peoplePerson)
        .where(
          and(
            eq(peoplePerson.organisationId, municipality.id),
            isNull(peoplePerson.anonymisedAt),
            or(isNull(peoplePerson.employmentEnd), gte(peoplePerson.employmentEnd, today)),
          ),
        )
        .groupBy(peoplePerson.unitId)
    : [];
  const countOf = new Map(counts.map((c) => [c.unitId, c.n]));
  const managers = await managersOf(db, ids);
  const own = { organisationId: municipality.id, organisationKind: 'municipality' as const };
  return {
    municipality,
    units: units.map((u) => toUnitDto(u, managers.get(u.id) ?? [], visible.has(u.id) ? (countOf.get(u.id) ?? 0) : 0)),
    visibleUnitIds: units.filter((u) => visible.has(u.id)).map((u) => u.id),
    canManageUnits: can(actor, 'people:manage_units', own),
    canManagePeople: can(actor, 'people:manage', own),
    professions,
  };
}

function toUnitDto(u: UnitRow, managers: UnitDto['managers'], personCount: number): UnitDto {
  return {
    id: u.id,
    organisationId: u.organisationId,
    parentId: u.parentId,
    name: u.name,
    code: u.code,
    kind: u.kind,
    active: u.active,
    managers,
    personCount,
  };
}

async function managersOf(db: Db, unitIds: string[]) {
  const out = new Map<string, UnitDto['managers']>();
  if (unitIds.length === 0) return out;
  const rows = await db
    .select({ unitId: peopleUnitManager.unitId, userId: user.id, name: user.name, email: user.email })
    .from(peopleUnitManager)
    .innerJoin(user, eq(user.id, peopleUnitManager.userId))
    .where(inArray(peopleUnitManager.unitId, unitIds))
    .orderBy(asc(user.name));
  for (const r of rows)
    out.set(r.unitId, [...(out.get(r.unitId) ?? []), { userId: r.userId, name: r.name, email: r.email }]);
  return out;
}

async function findUnit(db: Db, id: string): Promise<UnitRow> {
  const [row] = await db.select().from(peopleUnit).where(eq(peopleUnit.id, id));
  if (!row) throw new NotFoundError(pm.unitNotFound());
  return row;
}

/** A unit the actor may manage: another municipality's is 404. */
async function manageableUnit(db: Db, ctx: SignedInContext, id: string): Promise<UnitRow> {
  authorize(ctx.actor, 'people:manage_units', {
    organisationId: ctx.actor.organisationId,
    organisationKind: ctx.actor.organisationKind,
  });
  const unit = await findUnit(db, id);
  authorizeObject(ctx.actor, 'people:manage_units', {
    organisationId: unit.organisationId,
    organisationKind: 'municipality',
  });
  return unit;
}

/** A parent in the same municipality that is not the unit itself nor below it. */
async function checkParent(db: Db, organisationId: string, parentId: string | null, unitId?: string) {
  if (parentId === null) return;
  const [parent] = await db.select().from(peopleUnit).where(eq(peopleUnit.id, parentId));
  if (!parent || parent.organisationId !== organisationId) {
    throw new ValidationError([{ path: 'parentId', message: pm.unitParentOther() }]);
  }
  if (!unitId) return;
  // Walk up from the new parent: meeting the unit itself would make a cycle.
  const units = new Map((await unitsOfMunicipality(db, organisationId)).map((u) => [u.id, u]));
  for (let at: string | null = parentId, steps = 0; at && steps <= units.size; steps++) {
    if (at === unitId) throw new ValidationError([{ path: 'parentId', message: pm.unitParentCycle() }]);
    at = units.get(at)?.parentId ?? null;
  }
}

/** 409 with the field for a name or code the municipality uses already. */
function uniqueConflict(error: unknown): never {
  if (databaseErrorCode(error) === '23505') {
    // The violated index is named by the driver on the error or the error it wraps.
    const e = error as { constraint?: string; message?: string; cause?: { constraint?: string; message?: string } };
    const detail = [e.constraint, e.message, e.cause?.constraint, e.cause?.message].join(' ');
    if (detail.includes('people_unit_code_unique'))
      throw new ConflictError(pm.unitCodeTaken(), [{ path: 'code', message: pm.unitCodeTaken() }]);
    throw new ConflictError(pm.unitNameTaken(), [{ path: 'name', message: pm.unitNameTaken() }]);
  }
  throw error;
}

export async function createUnit(deps: PeopleDeps, ctx: SignedInContext, input: CreateUnitInput): Promise<UnitDto> {
  const { db } = deps;
  const municipality = await targetMunicipality(db, ctx.actor, 'people:manage_units', input.municipalityId);
  await checkParent(db, municipality.id, input.parentId);
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(peopleUnit)
      .values({
        organisationId: municipality.id,
        parentId: input.parentId,
        name: input.name,
        code: input.code,
        kind: input.kind,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await audit(tx, ctx, {
      action: 'people_unit.create',
      entityType: 'people_unit',
      entityId: created.id,
      organisationId: municipality.id,
    });
    return created;
  }).catch(uniqueConflict);
  return toUnitDto(row, [], 0);
}

export async function updateUnit(
  deps: PeopleDeps,
  ctx: SignedInContext,
  id: string,
  input: UpdateUnitInput,
): Promise<UnitDto> {
  const { db } = deps;
  const unit = await manageableUnit(db, ctx, id);
  if (input.parentId !== undefined) await checkParent(db, unit.organisationId, input.parentId, unit.id);
  if (input.active === false && unit.active) await checkUnused(db, unit);
  const row = await inTransaction(db, async (tx) => {
    const [updated] = await tx
      .update(peopleUnit)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(peopleUnit.id, id))
      .returning();
    if (!updated) throw new NotFoundError(pm.unitNotFound());
    await audit(tx, ctx, {
      action: 'people_unit.update',
      entityType: 'people_unit',
      entityId: id,
      organisationId: unit.organisationId,
    });
    return updated;
  }).catch(uniqueConflict);
  return toUnitDto(row, (await managersOf(db, [id])).get(id) ?? [], 0);
}

/** A unit with current staff or active sub-units stays active: people refer to it. */
async function checkUnused(db: Db, unit: UnitRow) {
  const today = swedishDate(new Date());
  const [persons] = await db
    .select({ n: count() })
    .from(peoplePerson)
    .where(
      and(
        eq(peoplePerson.unitId, unit.id),
        isNull(peoplePerson.anonymisedAt),
        or(isNull(peoplePerson.employmentEnd), gte(peoplePerson.employmentEnd, today)),
      ),
    );
  const [units] = await db
    .select({ n: count() })
    .from(peopleUnit)
    .where(and(eq(peopleUnit.parentId, unit.id), eq(peopleUnit.active, true)));
  if ((persons?.n ?? 0) > 0 || (units?.n ?? 0) > 0) {
    throw new ConflictError(pm.unitStillUsed({ persons: persons?.n ?? 0, units: units?.n ?? 0 }));
  }
}

/** The users who may manage a municipality's units: its active managers and municipal admins. */
export async function managerCandidates(deps: PeopleDeps, ctx: SignedInContext, municipalityId?: string) {
  const municipality = await targetMunicipality(deps.db, ctx.actor, 'people:manage_units', municipalityId);
  return candidatesOf(deps.db, municipality.id);
}

async function candidatesOf(db: Db, organisationId: string) {
  return db
    .selectDistinct({ userId: user.id, name: user.name, email: user.email })
    .from(user)
    .innerJoin(userRole, eq(userRole.userId, user.id))
    .where(
      and(
        eq(user.organisationId, organisationId),
        eq(user.active, true),
        inArray(userRole.role, ['manager', 'municipal_admin']),
      ),
    )
    .orderBy(asc(user.name), asc(user.id));
}

/** Replaces a unit's managers (each an active manager or municipal admin of the municipality). */
export async function setUnitManagers(
  deps: PeopleDeps,
  ctx: SignedInContext,
  id: string,
  userIds: string[],
): Promise<UnitDto> {
  const { db } = deps;
  const unit = await manageableUnit(db, ctx, id);
  const wanted = [...new Set(userIds)];
  const allowed = new Set((await candidatesOf(db, unit.organisationId)).map((c) => c.userId));
  const bad = wanted.findIndex((u) => !allowed.has(u));
  if (bad >= 0) throw new ValidationError([{ path: `userIds.${bad}`, message: pm.managerInvalid() }]);
  await inTransaction(db, async (tx) => {
    await tx.delete(peopleUnitManager).where(eq(peopleUnitManager.unitId, id));
    if (wanted.length) await tx.insert(peopleUnitManager).values(wanted.map((userId) => ({ unitId: id, userId })));
    await tx.update(peopleUnit).set({ updatedAt: sql`now()` }).where(eq(peopleUnit.id, id));
    await audit(tx, ctx, {
      action: 'people_unit.managers',
      entityType: 'people_unit',
      entityId: id,
      organisationId: unit.organisationId,
    });
  });
  return toUnitDto(await findUnit(db, id), (await managersOf(db, [id])).get(id) ?? [], 0);
}
