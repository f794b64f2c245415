// Tables of the shared activities core (decision 019): activities and their occasions, seats per municipality,
// registrations with their waiting-list order and attendance, evaluation surveys and the personal calendar feeds.
// Joint trainings, competence-bank lectures, mentor meetings and ESF reporting build on these through
// activities-lookup.service.ts; they never read the tables themselves.
//
// Persons are the staff register's (people module): a registration keeps the person's id and municipality, checked
// through people-lookup.service.ts when it is made. There is no foreign key to the register's table (modules do not
// import each other's tables); the register never deletes a person, it anonymises them in place.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
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
import { network, organisation } from '../../platform/server/organisation.table.ts';
import {
  ACTIVITY_KINDS,
  ATTENDANCE_STATES,
  OCCASION_STATUSES,
  REGISTRATION_STATES,
  type SurveyQuestion,
} from './activities.contracts.ts';

/** An activity: a course, lecture, mentor meeting, hospitation or conference, organised by the region, a
 *  municipality or a network, optionally belonging to another module's record (a joint training's order, …). */
export const activity = pgTable(
  'activity',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text().notNull().default(''),
    kind: text({ enum: ACTIVITY_KINDS }).notNull(),
    /** The organising organisation: the region or a municipality (a network's activities are the region's). */
    organiserId: uuid()
      .notNull()
      .references(() => organisation.id),
    /** Set when a network organises the activity (its members' municipalities see it as theirs). */
    networkId: uuid().references(() => network.id),
    /** Profession keys of the staffing module's list; empty = every profession. */
    targetProfessions: jsonb().$type<string[]>().notNull().default([]),
    /** The module and record the activity belongs to, if any ("training-plan", an order's id). */
    sourceModule: text(),
    sourceRecordId: text(),
    /** A signed-in employee may register themself (a manager always registers the persons of their units). */
    selfRegistration: boolean().notNull().default(false),
    /** The evaluation sent after each held occasion; null = none. */
    surveyTemplateId: uuid().references(() => surveyTemplate.id),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activity_organiser_idx').on(t.organiserId),
    index('activity_source_idx').on(t.sourceModule, t.sourceRecordId),
  ],
);

/** One occasion of an activity: when, where, how many. "Full" is derived (registered = capacity), never stored. */
export const activityOccasion = pgTable(
  'activity_occasion',
  {
    id: uuid().primaryKey().defaultRandom(),
    activityId: uuid()
      .notNull()
      .references(() => activity.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    place: text(),
    onlineUrl: text(),
    capacity: integer().notNull(),
    registrationDeadline: timestamp({ withTimezone: true }).notNull(),
    /** After this time a municipality's unused seats are open to the whole region; null = never released. */
    seatsReleaseAt: timestamp({ withTimezone: true }),
    status: text({ enum: OCCASION_STATUSES }).notNull().default('planned'),
    cancelReason: text(),
    /** Set when the two-days-before reminder, the survey and its one reminder were sent (each once). */
    reminderSentAt: timestamp({ withTimezone: true }),
    surveySentAt: timestamp({ withTimezone: true }),
    surveyReminderSentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activity_occasion_activity_idx').on(t.activityId),
    index('activity_occasion_starts_idx').on(t.startsAt),
    check('activity_occasion_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('activity_occasion_capacity', sql`${t.capacity} > 0`),
  ],
);

/** Seats reserved for a municipality on an occasion (optional; the rest of the capacity is open to all). */
export const activitySeat = pgTable(
  'activity_seat',
  {
    occasionId: uuid()
      .notNull()
      .references(() => activityOccasion.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    seats: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.occasionId, t.organisationId] }),
    check('activity_seat_positive', sql`${t.seats} >= 0`),
  ],
);

/** A person's registration on an occasion: registered (holds a seat), waitlisted (in `queue` order) or cancelled.
 *  One row per person and occasion; registering again after a cancellation reuses it with a new place in line. */
export const activityRegistration = pgTable(
  'activity_registration',
  {
    id: uuid().primaryKey().defaultRandom(),
    occasionId: uuid()
      .notNull()
      .references(() => activityOccasion.id),
    /** The staff register's person (people module). */
    personId: uuid().notNull(),
    /** The person's municipality when registered: whose seats the registration uses. */
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    state: text({ enum: REGISTRATION_STATES }).notNull(),
    /** Arrival order, for the waiting list (renewed when a cancelled registration is made again). */
    queue: bigserial({ mode: 'number' }).notNull(),
    registeredBy: text().references(() => user.id, { onDelete: 'set null' }),
    registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When a waitlisted registration moved up to a seat. */
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    attendance: text({ enum: ATTENDANCE_STATES }),
    hours: numeric({ precision: 5, scale: 2, mode: 'number' }),
    attendanceBy: text().references(() => user.id, { onDelete: 'set null' }),
    attendanceAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('activity_registration_person_unique').on(t.occasionId, t.personId),
    index('activity_registration_occasion_idx').on(t.occasionId, t.state, t.queue),
    index('activity_registration_person_idx').on(t.personId),
    check('activity_registration_hours', sql`${t.hours} IS NULL OR (${t.hours} >= 0 AND ${t.hours} <= 200)`),
  ],
);

/** A survey template: the standard evaluation (owner null) or an organisation's own. Questions are kept as data. */
export const surveyTemplate = pgTable('survey_template', {
  id: uuid().primaryKey().defaultRandom(),
  /** Null for the region's standard templates. */
  organisationId: uuid().references(() => organisation.id),
  name: text().notNull(),
  questions: jsonb().$type<SurveyQuestion[]>().notNull(),
  standard: boolean().notNull().default(false),
  createdBy: text().references(() => user.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A personal one-time survey link (only its hash is kept) and whether that person has answered — nothing more. */
export const surveyInvitation = pgTable(
  'survey_invitation',
  {
    id: uuid().primaryKey().defaultRandom(),
    occasionId: uuid()
      .notNull()
      .references(() => activityOccasion.id),
    registrationId: uuid()
      .notNull()
      .references(() => activityRegistration.id),
    tokenHash: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reminderSentAt: timestamp({ withTimezone: true }),
    answered: boolean().notNull().default(false),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('survey_invitation_token_unique').on(t.tokenHash),
    uniqueIndex('survey_invitation_registration_unique').on(t.registrationId),
  ],
);

/** An answer, kept apart from who gave it: no invitation, person or time of day, only the day it came in. */
export const surveyResponse = pgTable(
  'survey_response',
  {
    id: uuid().primaryKey().defaultRandom(),
    occasionId: uuid()
      .notNull()
      .references(() => activityOccasion.id),
    templateId: uuid()
      .notNull()
      .references(() => surveyTemplate.id),
    answers: jsonb().$type<Record<string, string | number | boolean>>().notNull(),
    receivedOn: date().notNull(),
  },
  (t) => [index('survey_response_occasion_idx').on(t.occasionId)],
);

/** A user's secret calendar address (hash only); renewing it replaces the row and the old address stops working.
 *  It also keeps the feed's last body (decision 031): `feedVersion` is raised by the database's triggers (migration
 *  0032) whenever something the feed shows changes — an occasion or activity the user organises or the person linked
 *  to them is registered on, that person's registrations — and the kept body answers while `builtVersion` equals it
 *  and `builtFor` (the day, the user's organisation, roles, networks and linked person) still holds. */
export const calendarFeedToken = pgTable(
  'calendar_feed_token',
  {
    userId: text()
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    feedVersion: bigint({ mode: 'number' }).notNull().default(0),
    /** The person the kept body was built for: the triggers find a registration's feeds by it. */
    personId: uuid(),
    builtVersion: bigint({ mode: 'number' }),
    builtFor: text(),
    body: text(),
    etag: text(),
    /** When the body last changed (Last-Modified). */
    modifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('calendar_feed_token_person_idx').on(t.personId)],
);

/** Change counters of the open feeds' scopes, raised by the triggers: `region` (the region's occasions, in every
 *  municipality's feed), `organisation:<id>` (organised by it or seats for it) and `network:<id>`. */
export const calendarFeedVersion = pgTable('calendar_feed_version', {
  scope: text().primaryKey(),
  version: bigint({ mode: 'number' }).notNull().default(0),
});

/** The open feeds' last bodies (`municipality:<id>`, `network:<id>`), valid while their scopes' counters and
 *  `builtFor` (the day and the name) are what they were built at. */
export const calendarFeedCache = pgTable('calendar_feed_cache', {
  key: text().primaryKey(),
  builtVersion: bigint({ mode: 'number' }).notNull(),
  builtFor: text().notNull(),
  body: text().notNull(),
  etag: text().notNull(),
  modifiedAt: timestamp({ withTimezone: true }).notNull(),
});
