// What every part of the staff register shares: its dependencies, and which persons an actor may see — the whole
// region (regional admin), a municipality (municipal admin), or a manager's units and every unit below them. Every
// query of persons is narrowed by `scopeCondition`; a person outside it answers 404, as another municipality's does.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { authorize, authorizeObject } from '../../platform/server/actor.ts';
import type { Db } from '../../platform/server/db.ts';
import { NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { NamedProvider } from '../../platform/server/person-data.ts';
import { type Action, type Actor, can } from '../../platform/server/policy.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import type { RetentionRule } from '../../platform/server/retention.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import { hasRole, isRegionalAdmin } from '../../platform/shared/policy-kit.ts';
import { peopleMessages as pm } from './people.messages.ts';
import { peoplePerson, peopleUnit, peopleUnitManager } from './people.table.ts';

export type PeopleDeps = {
  db: Db;
  cache: ReadCache;
  /** Every module's register-extract provider, the platform's first (platform/server/person-data.ts). */
  providers: readonly NamedProvider[];
  /** Every retention rule, the platform's first (platform/server/retention.ts). */
  rules: readonly RetentionRule[];
};

export type PersonRow = typeof peoplePerson.$inferSelect;
export type UnitRow = typeof peopleUnit.$inferSelect;

/** Which persons an actor may see (or change, for `people:manage`). */
export type PersonScope =
  | { kind: 'all' }
  | { kind: 'municipality'; organisationId: string }
  | { kind: 'units'; organisationId: string; unitIds: string[] }
  | { kind: 'none' };

/** The units a user manages, with every unit below them (a manager of an area sees its units). */
export async function managedUnitIds(db: Db, userId: string, organisationId: string): Promise<string[]> {
  const res = (await db.execute(sql`
    WITH RECURSIVE tree AS (
      SELECT u.id FROM ${peopleUnit} u
        JOIN ${peopleUnitManager} m ON m.unit_id = u.id
       WHERE m.user_id = ${userId} AND u.organisation_id = ${organisationId}
      UNION
      SELECT c.id FROM ${peopleUnit} c JOIN tree ON c.parent_id = tree.id
    )
    SELECT id FROM tree`)) as unknown as { rows: { id: string }[] };
  return res.rows.map((r) => r.id);
}

/** Allowed for the actor's own organisation's objects (a regional admin: any): the gate before anything is looked up. */
export function authorizeAny(actor: Actor, action: Action) {
  authorize(actor, action, { organisationId: actor.organisationId, organisationKind: actor.organisationKind });
}

/** A unit as the lists need it: where it hangs, its name, and its place among every unit in Swedish name order. */
export type IndexedUnit = { id: string; parentId: string | null; organisationId: string; name: string; rank: number };
export type UnitIndex = { byId: Map<string, IndexedUnit>; children: Map<string, IndexedUnit[]> };

/**
 * Every unit of every municipality, indexed: reference data (names of workplaces, never personal), kept per server
 * for the read cache's few seconds and dropped with it by any change through this server (app.ts clears the cache
 * before a change is answered), as the organisations are (decision 043). `fresh` reads them again now: for a unit the
 * kept index does not know (made by another server, or directly in the database, within those seconds).
 */
export async function unitIndex(deps: Pick<PeopleDeps, 'db' | 'cache'>, fresh = false): Promise<UnitIndex> {
  const load = async (): Promise<UnitIndex> => {
    // The rank is PostgreSQL's own Swedish order (swedishOrder), so a list sorted by unit through the rank sorts
    // exactly as one sorted by the units' names in SQL.
    const res = (await deps.db.execute(sql`
      SELECT id, parent_id AS "parentId", organisation_id AS "organisationId", name
        FROM ${peopleUnit} ORDER BY ${swedishOrder(peopleUnit.name)}, id`)) as unknown as {
      rows: Omit<IndexedUnit, 'rank'>[];
    };
    const byId = new Map<string, IndexedUnit>();
    const children = new Map<string, IndexedUnit[]>();
    for (const [rank, r] of res.rows.entries()) {
      const unit = { id: r.id, parentId: r.parentId, organisationId: r.organisationId, name: r.name, rank };
      byId.set(unit.id, unit);
      if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
    }
    return { byId, children };
  };
  // A fresh index replaces the kept one, so the requests after this one see it too.
  if (fresh) deps.cache.forget(UNIT_INDEX);
  return deps.cache.remember(UNIT_INDEX, load);
}
const UNIT_INDEX = 'people:unit-index';

/**
 * A unit and every unit below it, in Swedish name order (by rank); none for a unit that does not exist. A unit the
 * kept index does not know (made by another server within the cache's seconds) is looked up by its key first, and
 * only a unit that exists has the index read again: an id that names no unit costs one lookup, not every unit.
 */
export async function unitAndBelow(deps: Pick<PeopleDeps, 'db' | 'cache'>, unitId: string): Promise<IndexedUnit[]> {
  let index = await unitIndex(deps);
  if (!index.byId.has(unitId)) {
    const [exists] = await deps.db.select({ id: peopleUnit.id }).from(peopleUnit).where(eq(peopleUnit.id, unitId));
    if (!exists) return [];
    index = await unitIndex(deps, true);
  }
  const top = index.byId.get(unitId);
  if (!top) return [];
  const out: IndexedUnit[] = [];
  const seen = new Set<string>();
  for (const queue = [top]; queue.length; ) {
    const unit = queue.pop() as IndexedUnit;
    // A tree has no cycles (checkParent refuses one); the guard keeps a broken row from looping forever.
    if (seen.has(unit.id)) continue;
    seen.add(unit.id);
    out.push(unit);
    queue.push(...(index.children.get(unit.id) ?? []));
  }
  return out.sort((a, b) => a.rank - b.rank);
}

/** A unit and every unit below it. */
export async function unitWithDescendants(db: Db, unitId: string): Promise<string[]> {
  const res = (await db.execute(sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM ${peopleUnit} WHERE id = ${unitId}
      UNION SELECT c.id FROM ${peopleUnit} c JOIN tree ON c.parent_id = tree.id)
    SELECT id FROM tree`)) as unknown as { rows: { id: string }[] };
  return res.rows.length ? res.rows.map((r) => r.id) : [unitId];
}

/**
 * The actor's scope for an action: the policy decides per municipality; a manager who is not also the municipal
 * admin is narrowed to their units. A token is held to what its creator holds now (the policy checks both).
 */
export async function personScope(db: Db, actor: Actor, action: Action = 'people:read'): Promise<PersonScope> {
  if (isRegionalAdmin(actor) && can(actor, action, {})) return { kind: 'all' };
  const own = { organisationId: actor.organisationId, organisationKind: actor.organisationKind };
  if (!can(actor, action, own)) return { kind: 'none' };
  if (hasRole(actor, 'municipal_admin')) return { kind: 'municipality', organisationId: actor.organisationId };
  return {
    kind: 'units',
    organisationId: actor.organisationId,
    unitIds: await managedUnitIds(db, actor.userId, actor.organisationId),
  };
}

/** The condition on `people_person` that keeps a query inside the scope. */
export function scopeCondition(scope: PersonScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'municipality':
      return eq(peoplePerson.organisationId, scope.organisationId);
    case 'units':
      return scope.unitIds.length === 0
        ? sql`false`
        : and(eq(peoplePerson.organisationId, scope.organisationId), inArray(peoplePerson.unitId, scope.unitIds));
    case 'none':
      return sql`false`;
  }
}

/** Whether a person (or a unit, for a new person) is inside the scope. */
export function inScope(scope: PersonScope, p: { organisationId: string; unitId: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'municipality':
      return p.organisationId === scope.organisationId;
    case 'units':
      return p.organisationId === scope.organisationId && scope.unitIds.includes(p.unitId);
    case 'none':
      return false;
  }
}

/** A person the actor may see: another municipality's, or outside a manager's units, is 404 (never 403). */
export async function findVisiblePerson(db: Db, actor: Actor, id: string, action: Action = 'people:read') {
  const [row] = await db.select().from(peoplePerson).where(eq(peoplePerson.id, id));
  if (!row || row.anonymisedAt) throw new NotFoundError(pm.personNotFound());
  authorizeObject(actor, action, { organisationId: row.organisationId, organisationKind: 'municipality' });
  const scope = await personScope(db, actor, action);
  if (!inScope(scope, row)) throw new NotFoundError(pm.personNotFound());
  return { row, scope };
}

/**
 * The municipality an actor works on: a regional admin names one (or none, where every municipality is allowed), a
 * municipality's user their own — naming another is 404, as for any of its objects.
 */
export async function targetMunicipality(
  db: Db,
  actor: Actor,
  action: Action,
  municipalityId: string | undefined,
  /** The app's read cache: an organisation is reference data (never personal), kept a few seconds per server. */
  cache?: ReadCache,
): Promise<{ id: string; name: string; code: string | null }> {
  const id = municipalityId ?? (actor.organisationKind === 'municipality' ? actor.organisationId : undefined);
  // The region's users work on every municipality: they must say which one.
  if (!id) throw new ValidationError([{ path: 'municipalityId', message: pm.chooseMunicipality() }]);
  const load = () =>
    db
      .select({ id: organisation.id, name: organisation.name, code: organisation.code, kind: organisation.kind })
      .from(organisation)
      .where(eq(organisation.id, id));
  const [org] = cache ? await cache.remember(`people:organisation:${id}`, load) : await load();
  if (org?.kind !== 'municipality') throw new NotFoundError(pm.municipalityNotFound());
  authorizeObject(actor, action, { organisationId: org.id, organisationKind: 'municipality' });
  return { id: org.id, name: org.name, code: org.code };
}

export const fullName = (p: { firstName: string; lastName: string; anonymisedAt?: Date | null }) =>
  p.anonymisedAt ? 'Anonymiserad' : `${p.firstName} ${p.lastName}`.trim();
