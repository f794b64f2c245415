// What other modules may read of the staff register (decision 015): persons and units of a municipality, always
// scoped to an actor — joint trainings register participants, mentorship pairs mentors with adepts, development
// plans belong to a person, ESF reporting counts participants. Never our tables otherwise. A module that stores a
// person's id checks it here when it is given one (an id the actor may not see is "not found", never another
// municipality's person), and contributes its own part of the register extract through its manifest's `personData`.
import { type AnyColumn, and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { user } from '../../platform/server/auth.table.ts';
import type { Db } from '../../platform/server/db.ts';
import type { Action, Actor } from '../../platform/server/policy.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import type { PersonRef, UnitRef } from './people.contracts.ts';
import { peoplePerson, peopleUnit } from './people.table.ts';
import { fullName, personScope, scopeCondition, unitWithDescendants } from './people-scope.ts';
import { currentOn, searchConditions } from './persons.service.ts';

export type { PersonRef, UnitRef };

const columns = { person: peoplePerson, unitName: peopleUnit.name };

function toRef(r: { person: typeof peoplePerson.$inferSelect; unitName: string }): PersonRef {
  const p = r.person;
  return {
    id: p.id,
    organisationId: p.organisationId,
    name: fullName(p),
    unitId: p.unitId,
    unitName: r.unitName,
    professionKey: p.professionKey,
    employmentForm: p.employmentForm,
    employmentStart: p.employmentStart,
    employmentEnd: p.employmentEnd,
    userId: p.userId,
    anonymised: p.anonymisedAt !== null,
  };
}

export type FindPersonsOptions = {
  /** One municipality (it must be inside the actor's scope to give anything). */
  municipalityId?: string;
  /** A unit and every unit below it. */
  unitId?: string;
  /** Words matched against name, employee number and e-mail. */
  q?: string;
  professionKey?: string;
  /** Employed on this day (YYYY-MM-DD); every person when left out. */
  employedOn?: string;
  limit?: number;
  /** The action whose scope applies (default `people:read`; a module may pass its own, e.g. a broker's). */
  action?: Action;
};

/**
 * Persons the actor may see, in Swedish name order, anonymised ones left out. For pickers ("choose a participant")
 * and for lists a module shows beside its own data.
 */
export async function findPersons(db: Db, actor: Actor, opts: FindPersonsOptions = {}): Promise<PersonRef[]> {
  const scope = await personScope(db, actor, opts.action ?? 'people:read');
  const conditions: (SQL | undefined)[] = [scopeCondition(scope), isNull(peoplePerson.anonymisedAt)];
  if (opts.municipalityId) conditions.push(eq(peoplePerson.organisationId, opts.municipalityId));
  if (opts.unitId) {
    conditions.push(inArray(peoplePerson.unitId, await unitWithDescendants(db, opts.unitId)));
  }
  conditions.push(...searchConditions(opts.q));
  if (opts.professionKey) conditions.push(eq(peoplePerson.professionKey, opts.professionKey));
  if (opts.employedOn) conditions.push(currentOn(opts.employedOn));
  const rows = await db
    .select(columns)
    .from(peoplePerson)
    .innerJoin(peopleUnit, eq(peopleUnit.id, peoplePerson.unitId))
    .where(and(...conditions))
    .orderBy(swedishOrder(peoplePerson.lastName), swedishOrder(peoplePerson.firstName), asc(peoplePerson.id))
    .limit(Math.min(opts.limit ?? 50, 500));
  return rows.map(toRef);
}

/**
 * The persons of these ids that the actor may see (others are simply absent: the caller answers 404 for them).
 * Anonymised persons are included, marked, so a module can still show "anonymiserad" in its history.
 */
export async function personsByIds(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  action: Action = 'people:read',
): Promise<Map<string, PersonRef>> {
  if (ids.length === 0) return new Map();
  const scope = await personScope(db, actor, action);
  const rows = await db
    .select(columns)
    .from(peoplePerson)
    .innerJoin(peopleUnit, eq(peopleUnit.id, peoplePerson.unitId))
    .where(and(scopeCondition(scope), inArray(peoplePerson.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.person.id, toRef(r)]));
}

/**
 * The id of the person linked to a user (as personOfUser finds it), as a subquery for another module's own query:
 * the activities core's calendar feed checks in one query that its kept body was built for the same person.
 */
export function linkedPersonIdSql(userId: SQL | AnyColumn): SQL<string | null> {
  return sql<string | null>`(SELECT ${peoplePerson.id} FROM ${peoplePerson}
    WHERE ${peoplePerson.userId} = ${userId} AND ${peoplePerson.anonymisedAt} IS NULL LIMIT 1)`;
}

/** The signed-in user's own person record, if the register links one to their account. */
export async function personOfUser(db: Db, userId: string): Promise<PersonRef | null> {
  const [row] = await db
    .select(columns)
    .from(peoplePerson)
    .innerJoin(peopleUnit, eq(peopleUnit.id, peoplePerson.unitId))
    .where(and(eq(peoplePerson.userId, userId), isNull(peoplePerson.anonymisedAt)));
  return row ? toRef(row) : null;
}

/**
 * Employment dates of persons a caller already holds ids of (mentorship's retention of adepts, ESF's start and end
 * months). Not scoped: the caller must have got the ids through a scoped lookup or its own scoped records.
 */
export async function employmentPeriods(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { start: string; end: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: peoplePerson.id, start: peoplePerson.employmentStart, end: peoplePerson.employmentEnd })
    .from(peoplePerson)
    .where(inArray(peoplePerson.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { start: r.start, end: r.end }]));
}

/** A municipality's units (the actor must be allowed to read its persons), parents before children. */
export async function unitsOf(db: Db, actor: Actor, municipalityId: string): Promise<UnitRef[]> {
  const scope = await personScope(db, actor);
  if (scope.kind === 'none' || (scope.kind !== 'all' && scope.organisationId !== municipalityId)) return [];
  const rows = await db
    .select({
      id: peopleUnit.id,
      organisationId: peopleUnit.organisationId,
      parentId: peopleUnit.parentId,
      name: peopleUnit.name,
      kind: peopleUnit.kind,
      active: peopleUnit.active,
    })
    .from(peopleUnit)
    .where(eq(peopleUnit.organisationId, municipalityId))
    .orderBy(swedishOrder(peopleUnit.name));
  return rows;
}

/**
 * Where to reach persons a caller already holds ids of (the activities core's confirmations, reminders and survey
 * links, and an organiser's list of participants): the name and unit, the register's e-mail, else the e-mail of the
 * linked user account; null when there is neither, or the person is anonymised. Not scoped, as employmentPeriods: the ids must come from a scoped lookup or own records.
 */
export async function contactsOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; email: string | null; unitName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ person: peoplePerson, userEmail: user.email, unitName: peopleUnit.name })
    .from(peoplePerson)
    .innerJoin(peopleUnit, eq(peopleUnit.id, peoplePerson.unitId))
    .leftJoin(user, eq(user.id, peoplePerson.userId))
    .where(inArray(peoplePerson.id, [...new Set(ids)]));
  return new Map(
    rows.map((r) => [
      r.person.id,
      {
        name: fullName(r.person),
        email: r.person.anonymisedAt ? null : (r.person.email ?? r.userEmail ?? null),
        unitName: r.unitName,
      },
    ]),
  );
}
