// Factories for the staff register's records in tests: a unit (of a new municipality unless told) and a person in a
// unit (a new unit unless told). Missing parents are made through the platform's factories, so every test can set up
// its own without depending on another having run first.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/server/db.ts';
import { buildMunicipality, type Organisation } from '../../platform/server/factories.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import type { UnitKind } from './people.contracts.ts';
import { peoplePerson, peoplePersonEvent, peopleUnit, peopleUnitManager } from './people.table.ts';
import { personSearchText } from './people-text.ts';

export type UnitRecord = typeof peopleUnit.$inferSelect;
export type PersonRecord = typeof peoplePerson.$inferSelect;

export type UnitOverrides = {
  municipality?: Organisation;
  parent?: UnitRecord;
  name?: string;
  code?: string | null;
  kind?: UnitKind;
  active?: boolean;
  /** Users who manage it. */
  managers?: { id: string }[];
};

export async function buildUnit(db: Db, overrides: UnitOverrides = {}) {
  const municipality = overrides.municipality ?? (await buildMunicipality(db));
  const [unit] = await db
    .insert(peopleUnit)
    .values({
      organisationId: municipality.id,
      parentId: overrides.parent?.id ?? null,
      name: overrides.name ?? `Enhet ${randomUUID().slice(0, 8)}`,
      code: overrides.code ?? null,
      kind: overrides.kind ?? 'home_care',
      active: overrides.active ?? true,
    })
    .returning();
  if (!unit) throw new Error('insert returned no row');
  if (overrides.managers?.length) {
    await db.insert(peopleUnitManager).values(overrides.managers.map((m) => ({ unitId: unit.id, userId: m.id })));
  }
  return { unit, municipality };
}

export type PersonOverrides = Partial<Omit<PersonRecord, 'id' | 'organisationId' | 'unitId'>> & {
  unit?: UnitRecord;
  municipality?: Organisation;
};

/** A current, permanent assistant nurse at 100 % (unless told), with a unique employee number. */
export async function buildPerson(db: Db, overrides: PersonOverrides = {}) {
  const { unit: given, municipality, ...fields } = overrides;
  const unit = given ?? (await buildUnit(db, municipality ? { municipality } : {})).unit;
  const values = {
    organisationId: unit.organisationId,
    unitId: unit.id,
    firstName: 'Test',
    lastName: `Person ${randomUUID().slice(0, 6)}`,
    professionKey: 'underskoterska',
    employmentForm: 'permanent' as const,
    employmentRate: 100,
    employmentStart: swedishDate(new Date(Date.now() - 400 * 86_400_000)),
    employeeNumber: `T-${randomUUID().slice(0, 8)}`,
    ...fields,
  };
  const [person] = await db
    .insert(peoplePerson)
    .values({ ...values, searchText: personSearchText(values) })
    .returning();
  if (!person) throw new Error('insert returned no row');
  await db.insert(peoplePersonEvent).values({ personId: person.id, kind: 'created', changes: {} });
  return { person, unit };
}
