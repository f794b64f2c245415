// Tables of the staffing statistics: the region's configurable lists, reporting periods, each municipality's
// report with its status history, the facts themselves, pending Excel imports and sent reminders.
import { sql } from 'drizzle-orm';
import {
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
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { organisation } from '../../platform/server/organisation.table.ts';

export const staffingProfession = pgTable('staffing_profession', {
  id: uuid().primaryKey().defaultRandom(),
  /** Stable key used in facts and Excel files; never changed once created. */
  key: text().notNull().unique(),
  name: text().notNull(),
  nameEn: text().notNull(),
  licensed: boolean().notNull().default(false),
  sort: integer().notNull().default(0),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Specialties (per profession), other competences, age bands and absence kinds. */
export const staffingItem = pgTable(
  'staffing_item',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text({ enum: ['specialty', 'competence', 'age_band', 'absence_kind'] }).notNull(),
    professionId: uuid().references(() => staffingProfession.id),
    key: text().notNull(),
    name: text().notNull(),
    nameEn: text().notNull(),
    minAge: integer(),
    maxAge: integer(),
    sort: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('staffing_item_key_unique').on(t.kind, t.professionId, t.key).nullsNotDistinct(),
    check('staffing_item_specialty_profession', sql`(${t.kind} = 'specialty') = (${t.professionId} IS NOT NULL)`),
  ],
);

export const staffingPeriod = pgTable(
  'staffing_period',
  {
    id: uuid().primaryKey().defaultRandom(),
    label: text().notNull().unique(),
    kind: text({ enum: ['annual', 'quarterly'] }).notNull(),
    referenceDate: date({ mode: 'string' }).notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    closed: boolean().notNull().default(false),
    /**
     * Bumped in every transaction that changes this period's reports (values or statuses): its cached publications
     * are valid while it stands, so a change in one period leaves the others' cached (staffing_revision is for
     * changes that touch every period: configuration, periods themselves).
     */
    revision: integer().notNull().default(0),
    createdBy: text().references(() => user.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staffing_period_reference_idx').on(t.referenceDate)],
);

/**
 * One municipality's report for one period. `status` is the `to_status` of its latest transition, kept here
 * (written in the same transaction) so lists need no window query; the transitions are the history.
 */
export const staffingReport = pgTable(
  'staffing_report',
  {
    id: uuid().primaryKey().defaultRandom(),
    periodId: uuid()
      .notNull()
      .references(() => staffingPeriod.id),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    status: text({ enum: ['draft', 'submitted', 'approved', 'returned'] }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staffing_report_period_municipality').on(t.periodId, t.municipalityId)],
);

export const staffingReportTransition = pgTable(
  'staffing_report_transition',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => staffingReport.id),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    comment: text(),
    actorUserId: text().references(() => user.id),
    actorTokenId: uuid(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staffing_report_transition_report_idx').on(t.reportId, t.at)],
);

/** measure × municipality × period × profession × breakdown → value (Kolada's shape). */
export const staffingFact = pgTable(
  'staffing_fact',
  {
    periodId: uuid()
      .notNull()
      .references(() => staffingPeriod.id),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    /** A profession key, or 'context' for the municipality's context measures. */
    profession: text().notNull(),
    measure: text().notNull(),
    /** A list item key (specialty, competence, age band, absence kind), or '' for none. */
    breakdown: text().notNull().default(''),
    value: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.periodId, t.municipalityId, t.profession, t.measure, t.breakdown] }),
    check('staffing_fact_value_not_negative', sql`${t.value} >= 0`),
  ],
);

/**
 * Workbook imports from before the import kit (decision 011): new previews are stored in `pending_import`; this table
 * is only read for the history of earlier imports (imports.service.ts `getImport`), and kept so no data is lost.
 */
export const staffingImport = pgTable(
  'staffing_import',
  {
    id: uuid().primaryKey().defaultRandom(),
    periodId: uuid()
      .notNull()
      .references(() => staffingPeriod.id),
    fileName: text().notNull(),
    sha256: text().notNull(),
    uploadedBy: text().references(() => user.id),
    uploadedByToken: uuid(),
    status: text({ enum: ['pending', 'applied', 'discarded'] })
      .notNull()
      .default('pending'),
    /** { [municipalityId]: Fact[] } — the complete new state of each municipality in the file. */
    payload: jsonb().notNull(),
    /** The changes shown in the preview (old → new), so confirmation applies exactly what was seen. */
    changes: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('staffing_import_period_idx').on(t.periodId, t.createdAt)],
);

/** Reminders already sent, so several servers (or a restart) never send one twice. */
export const staffingReminder = pgTable(
  'staffing_reminder',
  {
    periodId: uuid()
      .notNull()
      .references(() => staffingPeriod.id),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    kind: text({ enum: ['7_days', '1_day'] }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.municipalityId, t.kind] })],
);

/**
 * One row: a counter bumped in every transaction that changes what every period's statistics show (configuration,
 * periods); a change to one period's reports bumps that period's `revision` instead. App servers cache computed
 * publications under both, so every server sees a change at once.
 */
export const staffingRevision = pgTable('staffing_revision', {
  id: integer().primaryKey(),
  revision: integer().notNull().default(0),
});
