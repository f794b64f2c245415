// Tables of career paths (Karriärvägar, decision 027): the region's career path model as versioned documents (roles,
// ways between them, the task matrix and the checklist template; a published version is never changed, so an old
// decision still shows the model as it was), a municipality's local deviations from the task matrix, its
// implementation (owner, project leader and group, target mix, budget inputs) with its checklist, and employees'
// development plans with their education.
import { sql } from 'drizzle-orm';
import {
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
import { organisation } from '../../platform/server/organisation.table.ts';

/**
 * One version of the region's model. A draft is edited; publishing gives it its decision date and freezes it. The
 * model itself is a JSON document (career-model.ts `CareerModelDoc`), validated by the service on every change.
 */
export const careerModelVersion = pgTable(
  'career_model_version',
  {
    id: uuid().primaryKey().defaultRandom(),
    version: integer().notNull().unique(),
    status: text({ enum: ['draft', 'published'] }).notNull(),
    /** The date of the decision that adopted this version (required once published). */
    decisionDate: date({ mode: 'string' }),
    /** Who decided and where, e.g. "Socialchefsgruppen 2026-11-20 § 14". */
    decisionNote: text().notNull().default(''),
    model: jsonb().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('career_model_version_one_draft').on(t.status).where(sql`${t.status} = 'draft'`),
    check('career_model_version_published_dated', sql`${t.status} = 'draft' OR ${t.decisionDate} IS NOT NULL`),
  ],
);

/** A municipality's own value for one cell of the task matrix, shown against the region's. */
export const careerLocalDeviation = pgTable(
  'career_local_deviation',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    taskKey: text().notNull(),
    roleKey: text().notNull(),
    value: text({ enum: ['does', 'delegated', 'does_not'] }).notNull(),
    note: text().notNull().default(''),
    updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.taskKey, t.roleKey] })],
);

/** A municipality's implementation of the model: who owns it, who leads the work, its targets and budget inputs. */
export const careerImplementation = pgTable('career_implementation', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisation.id),
  /** The model's owner in the management: a named role (e.g. "Förvaltningschef, vård och omsorg"). */
  ownerTitle: text().notNull().default(''),
  ownerName: text().notNull().default(''),
  projectLeader: text().notNull().default(''),
  /** The local project group, one member or function per line. */
  projectGroup: text().notNull().default(''),
  /** The model version whose checklist template was adopted, and when. */
  adoptedVersion: integer(),
  adoptedAt: timestamp({ withTimezone: true }),
  /** Target share (percent) per role key, reached by `targetYear`. */
  targetMix: jsonb().notNull().default({}),
  targetYear: integer(),
  /** The cost calculation's inputs (career-budget.ts `BudgetInputs`). */
  budget: jsonb().notNull().default({}),
  updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One item of a municipality's checklist (adopted from the region's template, then adjusted). */
export const careerChecklistItem = pgTable(
  'career_checklist_item',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    step: text({ enum: ['plan', 'implement', 'evaluate'] }).notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    /** Who answers for the item (a name or a function); required before it can be marked done. */
    owner: text().notNull().default(''),
    dueDate: date({ mode: 'string' }),
    status: text({ enum: ['todo', 'in_progress', 'done'] })
      .notNull()
      .default('todo'),
    evidenceUrl: text(),
    /** A stored document (decision 024) as evidence; the platform's file store owns the bytes. */
    evidenceFileId: uuid(),
    evidenceNote: text().notNull().default(''),
    /** The template item it came from (none for the municipality's own items). */
    templateKey: text(),
    completedAt: timestamp({ withTimezone: true }),
    updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('career_checklist_item_org_idx').on(t.organisationId, t.step, t.position)],
);

/**
 * An employee's development plan (one per person). The person lives in the staff register (people module): the id is
 * checked through its lookup, so there is no foreign key across modules. Plans stay in their municipality.
 */
export const careerPlan = pgTable(
  'career_plan',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    personId: uuid().notNull().unique(),
    currentRoleKey: text().notNull(),
    targetRoleKey: text().notNull(),
    bennerStage: text({
      enum: ['novice', 'advanced_beginner', 'competent', 'proficient', 'expert'],
    }).notNull(),
    /** The year the person is expected to work in the target role (the cost calculation's move). */
    targetYear: integer(),
    fundingSource: text({ enum: ['aldreomsorgslyftet', 'employer', 'esf', 'other', 'none'] }).notNull(),
    fundingNote: text().notNull().default(''),
    nextReview: date({ mode: 'string' }).notNull(),
    /** The review date a reminder was last sent for (so each review is reminded once). */
    remindedFor: date({ mode: 'string' }),
    note: text().notNull().default(''),
    /** The responsible manager, who gets the review reminders. */
    managerUserId: text().references(() => user.id, { onDelete: 'set null' }),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('career_plan_org_idx').on(t.organisationId), index('career_plan_review_idx').on(t.nextReview)],
);

/** Planned or completed education of a plan: a catalogue item, an occasion, or free text. */
export const careerPlanEducation = pgTable(
  'career_plan_education',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => careerPlan.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['catalogue', 'occasion', 'other'] }).notNull(),
    /** The trainings module's catalogue item or the activities module's occasion (checked through their lookups). */
    refId: uuid(),
    title: text().notNull(),
    status: text({ enum: ['planned', 'completed'] }).notNull(),
    year: integer(),
    completedOn: date({ mode: 'string' }),
    cost: numeric({ precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    /** The part of the cost paid by the plan's funding (e.g. Äldreomsorgslyftet). */
    funded: numeric({ precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('career_plan_education_plan_idx').on(t.planId)],
);
