// Tables of the staff register (Personal och enheter, decision 015): each municipality's units as a tree with their
// managers, and the persons relevant to competence work with their employment and a history of every change.
// No personal identity number is kept. Nothing that people refer to is deleted: units are deactivated, and persons
// are anonymised by the retention rule once their employment ended long enough ago.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { professionKeyColumn } from '../staffing/professions-lookup.service.ts';
import { EMPLOYMENT_FORMS, UNIT_KINDS } from './people.contracts.ts';

/** A unit (enhet) of a municipality's care organisation; `parentId` makes the tree (förvaltning → område → enhet). */
export const peopleUnit = pgTable(
  'people_unit',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    parentId: uuid().references((): AnyPgColumn => peopleUnit.id),
    name: text().notNull(),
    /** The HR system's code of the unit, if it has one: the import matches a unit by code or by name. */
    code: text(),
    kind: text({ enum: UNIT_KINDS }).notNull().default('other'),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_unit_name_unique').on(t.organisationId, sql`lower(${t.name})`),
    // What a person's (unit, municipality) refers to: a person's unit is always of their own municipality.
    uniqueIndex('people_unit_id_organisation_unique').on(t.id, t.organisationId),
    uniqueIndex('people_unit_code_unique')
      .on(t.organisationId, sql`lower(${t.code})`)
      .where(sql`${t.code} IS NOT NULL`),
    index('people_unit_parent_idx').on(t.parentId),
    check('people_unit_not_own_parent', sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
  ],
);

/** The managers (users) of a unit: their rights over people follow their units and the units below them. */
export const peopleUnitManager = pgTable(
  'people_unit_manager',
  {
    unitId: uuid()
      .notNull()
      .references(() => peopleUnit.id),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId] }), index('people_unit_manager_user_idx').on(t.userId)],
);

/**
 * A staff member relevant to competence work. The employee number is the employer's own, unique within the
 * municipality (the HR import matches on it). Once anonymised, only what statistics need is left: municipality,
 * unit, profession, employment form, rate and dates.
 */
/** The expression of `swedishOrder` (platform/server/sql.ts), for an index the list's ORDER BY can use. */
const swedish = (column: AnyPgColumn) => sql`translate(lower(${column}), 'åäöæøéü', '{|}|}eu') COLLATE "C"`;

export const peoplePerson = pgTable(
  'people_person',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** With `unitId` one foreign key into `people_unit` (below), which refers to the organisation itself. */
    organisationId: uuid().notNull(),
    unitId: uuid().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** Lower-cased; optional. */
    email: text(),
    professionKey: text().notNull().references(professionKeyColumn),
    employmentForm: text({ enum: EMPLOYMENT_FORMS }).notNull(),
    /** Sysselsättningsgrad in per cent (e.g. 87.5); none for hourly employment. */
    employmentRate: numeric({ precision: 5, scale: 1, mode: 'number' }),
    employmentStart: date().notNull(),
    employmentEnd: date(),
    birthYear: integer(),
    employeeNumber: text(),
    /** The person's user account: an employee who signs in sees their own record. */
    userId: text().references(() => user.id, { onDelete: 'set null' }),
    /**
     * Name, employee number and e-mail in lower case (JavaScript's, so å, ä and ö too), written with every change
     * (people-text.ts personSearchText): the list's search matches words in it through a trigram index.
     */
    searchText: text().notNull().default(''),
    /**
     * The HR import that created the person (its pending import's id), or null. Such a person's history has no
     * written "created" row: that event is the import itself, with its confirmer, time and audit event
     * (people-history.ts), so a 20,000-row import writes no 20,000 empty event rows.
     */
    createdByImport: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    anonymisedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One check per row instead of two (a 20,000-row import spent as long checking the organisation, a key-share
    // lock on the same row 20,000 times, as inserting the rows), and it also holds that the unit is the person's
    // municipality's.
    foreignKey({
      name: 'people_person_unit_organisation_fk',
      columns: [t.unitId, t.organisationId],
      foreignColumns: [peopleUnit.id, peopleUnit.organisationId],
    }),
    uniqueIndex('people_person_employee_number_unique')
      .on(t.organisationId, t.employeeNumber)
      .where(sql`${t.employeeNumber} IS NOT NULL`),
    uniqueIndex('people_person_user_unique').on(t.userId).where(sql`${t.userId} IS NOT NULL`),
    // The list's default order, Swedish (platform/server/sql.ts swedishOrder), within a municipality and overall.
    index('people_person_name_idx').on(t.organisationId, swedish(t.lastName), swedish(t.firstName), t.id),
    index('people_person_all_name_idx').on(swedish(t.lastName), swedish(t.firstName), t.id),
    index('people_person_unit_idx').on(t.unitId),
    index('people_person_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('people_person_end_idx').on(t.employmentEnd).where(sql`${t.anonymisedAt} IS NULL`),
    check('people_person_dates', sql`${t.employmentEnd} IS NULL OR ${t.employmentEnd} >= ${t.employmentStart}`),
    check(
      'people_person_rate',
      sql`${t.employmentRate} IS NULL OR (${t.employmentRate} > 0 AND ${t.employmentRate} <= 100)`,
    ),
  ],
);

/**
 * A person's history: every creation, change, ending and anonymisation with who did it (a user, a token, an import
 * or the retention job) and the fields changed (`{ field: [before, after] }`). Anonymising blanks the personal
 * values kept here too.
 */
export const peoplePersonEvent = pgTable(
  'people_person_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    /**
     * No foreign key: persons are never deleted (anonymised instead), and an event is only written by the register's
     * own statements for a person they have just written in the same transaction. The key's check (a key-share lock
     * on each person) was a third of writing a 20,000-row import's history.
     */
    personId: uuid().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    kind: text({ enum: ['created', 'changed', 'ended', 'anonymised'] }).notNull(),
    actorUserId: text().references(() => user.id, { onDelete: 'set null' }),
    actorTokenId: uuid(),
    /** The HR import that made the change, if one did. */
    importId: uuid(),
    changes: jsonb().$type<Record<string, [unknown, unknown]>>().notNull().default({}),
  },
  (t) => [index('people_person_event_person_idx').on(t.personId, t.at)],
);
