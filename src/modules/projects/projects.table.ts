// Tables of project governance (Projekt): a project with its organisation and municipalities' participation over time,
// effect goals and project goals (one to one), sub-projects and the proposals they came from, the plan (phases,
// activities, milestones) with a saved baseline and the history of moved dates, the decision and presentation logs,
// co-financing (pledges, entered hours, budget lines) and the final report's editable texts.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';

const created = {
  createdBy: text().references(() => user.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const project = pgTable(
  'project',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    purpose: text().notNull().default(''),
    /** Beställare and projektägare: functions or organisations in free text, as a final report names them. */
    orderer: text().notNull().default(''),
    owner: text().notNull().default(''),
    /** The project leader: an account (it gives the right to change the project; decision 017). */
    leaderUserId: text().references(() => user.id, { onDelete: 'set null' }),
    /** The steering group as a network of the platform: its members read the project. */
    steeringNetworkId: uuid().references(() => network.id),
    startDate: date().notNull(),
    endDate: date().notNull(),
    participantTarget: integer(),
    /** The value of one co-financed hour in kronor, for hours expressed as money. */
    hourlyRate: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    baselineSavedAt: timestamp({ withTimezone: true }),
    baselineSavedBy: text().references(() => user.id, { onDelete: 'set null' }),
    demo: boolean().notNull().default(false),
    ...created,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('project_period', sql`${t.endDate} >= ${t.startDate}`)],
);

const ofProject = () =>
  uuid()
    .notNull()
    .references(() => project.id, { onDelete: 'cascade' });

/**
 * A person or group in the project's organisation: a steering-group member, a contact person or local project leader
 * of a municipality, a member of a local group, a reference group. An account (userId) or a name in free text.
 */
export const projectMember = pgTable(
  'project_member',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    kind: text({ enum: ['steering', 'contact', 'local_leader', 'local_group', 'reference_group'] }).notNull(),
    municipalityId: uuid().references(() => organisation.id),
    userId: text().references(() => user.id, { onDelete: 'set null' }),
    name: text().notNull(),
    note: text().notNull().default(''),
    ...created,
  },
  (t) => [index('project_member_project_idx').on(t.projectId, t.kind)],
);

/** A municipality joining or leaving the project on a date, with the reason (append-only; intervals are derived). */
export const projectParticipation = pgTable(
  'project_participation',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    event: text({ enum: ['join', 'leave'] }).notNull(),
    date: date().notNull(),
    reason: text().notNull().default(''),
    ...created,
  },
  (t) => [index('project_participation_idx').on(t.projectId, t.municipalityId, t.date)],
);

export const projectEffectGoal = pgTable(
  'project_effect_goal',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    number: integer().notNull(),
    text: text().notNull(),
    ...created,
  },
  (t) => [uniqueIndex('project_effect_goal_number').on(t.projectId, t.number)],
);

export const projectSubproject = pgTable(
  'project_subproject',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    number: integer().notNull(),
    name: text().notNull(),
    lead: text().notNull().default(''),
    goal: text().notNull().default(''),
    prioritised: boolean().notNull().default(true),
    result: text().notNull().default(''),
    ...created,
  },
  (t) => [uniqueIndex('project_subproject_number').on(t.projectId, t.number)],
);

/** A project goal, tied to exactly one effect goal (the unique index keeps it one to one). */
export const projectGoal = pgTable(
  'project_goal',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    number: integer().notNull(),
    text: text().notNull(),
    effectGoalId: uuid()
      .notNull()
      .references(() => projectEffectGoal.id),
    subprojectId: uuid().references(() => projectSubproject.id, { onDelete: 'set null' }),
    status: text({ enum: ['not_started', 'ongoing', 'achieved', 'lifted_out'] })
      .notNull()
      .default('not_started'),
    statusReason: text().notNull().default(''),
    // The decision that lifted the goal out. No foreign key: decisions link to goals (project_decision.goal_id), and
    // a cycle of foreign keys has no order a backup could be restored in (platform/server/backup.ts); the service
    // checks the decision belongs to the project.
    statusDecisionId: uuid(),
    indicatorName: text(),
    indicatorUnit: text(),
    indicatorTarget: numeric({ precision: 14, scale: 2, mode: 'number' }),
    ...created,
  },
  (t) => [
    uniqueIndex('project_goal_effect_goal').on(t.effectGoalId),
    uniqueIndex('project_goal_number').on(t.projectId, t.number),
  ],
);

/** An indicator's value on a date (entered by hand until a lookup of the platform's own data gives it). */
export const projectIndicatorValue = pgTable(
  'project_indicator_value',
  {
    id: uuid().primaryKey().defaultRandom(),
    goalId: uuid()
      .notNull()
      .references(() => projectGoal.id, { onDelete: 'cascade' }),
    date: date().notNull(),
    value: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull(),
    ...created,
  },
  (t) => [uniqueIndex('project_indicator_value_on').on(t.goalId, t.date)],
);

/** A proposal (e.g. of a pre-study) and what became of it: open, chosen as a sub-project, not chosen. */
export const projectProposal = pgTable(
  'project_proposal',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    number: integer().notNull(),
    title: text().notNull(),
    status: text({ enum: ['open', 'chosen', 'not_chosen'] })
      .notNull()
      .default('open'),
    decisionId: uuid().references((): AnyPgColumn => projectDecision.id, { onDelete: 'set null' }),
    subprojectId: uuid().references(() => projectSubproject.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    ...created,
  },
  (t) => [uniqueIndex('project_proposal_number').on(t.projectId, t.number)],
);

/**
 * A row of the plan: a phase (a group of activities), an activity or a milestone (one date: start = end). Planned
 * dates, the baseline's copy of them when it was saved, and what really happened.
 */
export const projectActivity = pgTable(
  'project_activity',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    kind: text({ enum: ['phase', 'activity', 'milestone'] }).notNull(),
    /** The phase an activity or milestone belongs to. */
    phaseId: uuid().references((): AnyPgColumn => projectActivity.id, { onDelete: 'cascade' }),
    subprojectId: uuid().references(() => projectSubproject.id, { onDelete: 'set null' }),
    position: integer().notNull(),
    name: text().notNull(),
    responsible: text().notNull().default(''),
    plannedStart: date().notNull(),
    plannedEnd: date().notNull(),
    baselineStart: date(),
    baselineEnd: date(),
    actualStart: date(),
    actualEnd: date(),
    status: text({ enum: ['not_started', 'ongoing', 'done', 'cancelled'] })
      .notNull()
      .default('not_started'),
    ...created,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_activity_project_idx').on(t.projectId, t.position),
    check('project_activity_planned', sql`${t.plannedEnd} >= ${t.plannedStart}`),
    check(
      'project_activity_actual',
      sql`${t.actualEnd} IS NULL OR ${t.actualStart} IS NULL OR ${t.actualEnd} >= ${t.actualStart}`,
    ),
  ],
);

/** Every moved date of an activity: which dates, from what to what, who, when and why. */
export const projectDateChange = pgTable(
  'project_date_change',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    activityId: uuid()
      .notNull()
      .references(() => projectActivity.id, { onDelete: 'cascade' }),
    which: text({ enum: ['planned', 'actual'] }).notNull(),
    fromStart: date(),
    fromEnd: date(),
    toStart: date(),
    toEnd: date(),
    reason: text().notNull().default(''),
    afterBaseline: boolean().notNull(),
    changedBy: text().references(() => user.id, { onDelete: 'set null' }),
    changedByName: text().notNull().default(''),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_date_change_idx').on(t.projectId, t.activityId, t.changedAt)],
);

export type DocumentRef = { title: string; url?: string };

export const projectDecision = pgTable(
  'project_decision',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    date: date().notNull(),
    forum: text().notNull(),
    text: text().notNull(),
    goalId: uuid().references(() => projectGoal.id, { onDelete: 'set null' }),
    subprojectId: uuid().references(() => projectSubproject.id, { onDelete: 'set null' }),
    activityId: uuid().references(() => projectActivity.id, { onDelete: 'set null' }),
    documents: jsonb().$type<DocumentRef[]>().notNull().default([]),
    ...created,
  },
  (t) => [index('project_decision_idx').on(t.projectId, t.date)],
);

export const projectPresentation = pgTable(
  'project_presentation',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    date: date().notNull(),
    forum: text().notNull(),
    audience: text().notNull().default(''),
    presenter: text().notNull().default(''),
    topic: text().notNull().default(''),
    ...created,
  },
  (t) => [index('project_presentation_idx').on(t.projectId, t.date)],
);

/** What a municipality has pledged to the project: hours and money. */
export const projectPledge = pgTable(
  'project_pledge',
  {
    projectId: ofProject(),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    plannedHours: numeric({ precision: 10, scale: 1, mode: 'number' }).notNull().default(0),
    plannedMoney: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_pledge_unique').on(t.projectId, t.municipalityId)],
);

/** Hours (and money) a municipality has given: entered by hand (attendance-based hours come through a lookup). */
export const projectContribution = pgTable(
  'project_contribution',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    municipalityId: uuid()
      .notNull()
      .references(() => organisation.id),
    date: date().notNull(),
    hours: numeric({ precision: 10, scale: 1, mode: 'number' }).notNull().default(0),
    money: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    note: text().notNull().default(''),
    ...created,
  },
  (t) => [
    index('project_contribution_idx').on(t.projectId, t.municipalityId, t.date),
    check('project_contribution_hours', sql`${t.hours} >= 0 AND ${t.money} >= 0`),
  ],
);

/** A line of the budget: a cost, or funding (a grant such as ESF or a government grant), planned and outcome. */
export const projectBudgetLine = pgTable(
  'project_budget_line',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: ofProject(),
    kind: text({ enum: ['cost', 'grant'] }).notNull(),
    label: text().notNull(),
    funder: text().notNull().default(''),
    planned: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    actual: numeric({ precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    ...created,
  },
  (t) => [index('project_budget_line_idx').on(t.projectId)],
);

/** The final report's editable text of one chapter (the generated parts are made from the data above). */
export const projectReportText = pgTable(
  'project_report_text',
  {
    projectId: ofProject(),
    chapter: text().notNull(),
    text: text().notNull().default(''),
    updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_report_text_unique').on(t.projectId, t.chapter)],
);
