// Tables of the joint training plan (Gemensamma utbildningar, decision 022): a planning cycle per network and year,
// the municipalities' training needs (each need with one contribution per municipality, so a merged need keeps every
// municipality's participants and rationale), one ranking per municipality, the network's decision, the orders to
// education brokers with their question-and-answer history, and the price and keys of each occasion the broker plans
// in the shared activities core (whose own tables we never touch: occasion ids are kept as plain ids).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import {
  COST_KEYS,
  CYCLE_PHASES,
  NEED_FORMATS,
  NEED_ORIGINS,
  NEED_STATUSES,
  NEED_TERMS,
  ORDER_EVENT_KINDS,
  ORDER_STATUSES,
  SEAT_KEYS,
} from './training-plan.contracts.ts';

const by = () => text().references(() => user.id, { onDelete: 'set null' });
const at = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** "Utbildningsplan 2027, sjuksköterskechefsnätverket": one per network and year. */
export const trainingPlanCycle = pgTable(
  'training_plan_cycle',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => network.id),
    year: integer().notNull(),
    needsDeadline: date({ mode: 'string' }).notNull(),
    meetingDate: date({ mode: 'string' }).notNull(),
    forumDate: date({ mode: 'string' }).notNull(),
    /** The current phase: the to_phase of the latest transition, kept here in the same transaction. */
    phase: text({ enum: CYCLE_PHASES }).notNull().default('needs'),
    /** The network's coordinator who runs the cycle besides the region's admins (null: the region alone). */
    coordinatorUserId: by(),
    createdBy: by(),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [
    uniqueIndex('training_plan_cycle_network_year').on(t.networkId, t.year),
    check('training_plan_cycle_year', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);

/** The phases a cycle went through: who moved it, when. */
export const trainingPlanCycleTransition = pgTable(
  'training_plan_cycle_transition',
  {
    id: uuid().primaryKey().defaultRandom(),
    cycleId: uuid()
      .notNull()
      .references(() => trainingPlanCycle.id, { onDelete: 'cascade' }),
    fromPhase: text({ enum: CYCLE_PHASES }),
    toPhase: text({ enum: CYCLE_PHASES }).notNull(),
    actorUserId: by(),
    at: at(),
  },
  (t) => [index('training_plan_cycle_transition_cycle').on(t.cycleId, t.at)],
);

/** A training need. Submitted by a municipality, or made by the coordinator merging or splitting others. */
export const trainingPlanNeed = pgTable(
  'training_plan_need',
  {
    id: uuid().primaryKey().defaultRandom(),
    cycleId: uuid()
      .notNull()
      .references(() => trainingPlanCycle.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    /** A topic key of the trainings catalogue, or null for free text (the title alone). */
    topicKey: text(),
    description: text().notNull().default(''),
    /** Profession keys of the staffing list; empty = every profession. */
    targetProfessions: jsonb().$type<string[]>().notNull().default([]),
    /** 1 can wait, 2 this year, 3 urgent (patient safety or a legal requirement). */
    urgency: smallint().notNull(),
    format: text({ enum: NEED_FORMATS }).notNull().default('any'),
    term: text({ enum: NEED_TERMS }).notNull().default('any'),
    status: text({ enum: NEED_STATUSES }).notNull().default('open'),
    origin: text({ enum: NEED_ORIGINS }).notNull().default('submitted'),
    /** The needs this one was merged or split from. */
    originIds: jsonb().$type<string[]>().notNull().default([]),
    createdBy: by(),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [
    index('training_plan_need_cycle').on(t.cycleId, t.status),
    check('training_plan_need_urgency', sql`${t.urgency} BETWEEN 1 AND 3`),
  ],
);

/** One municipality's part of a need: how many it expects to send, and why. */
export const trainingPlanContribution = pgTable(
  'training_plan_contribution',
  {
    id: uuid().primaryKey().defaultRandom(),
    needId: uuid()
      .notNull()
      .references(() => trainingPlanNeed.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    expectedParticipants: integer().notNull(),
    rationale: text().notNull().default(''),
    submittedBy: by(),
    submittedAt: at(),
  },
  (t) => [
    index('training_plan_contribution_need').on(t.needId),
    check('training_plan_contribution_participants', sql`${t.expectedParticipants} >= 0`),
  ],
);

/** Who ranks for a municipality besides its municipal admins: a manager the admin names, per cycle. */
export const trainingPlanRanker = pgTable(
  'training_plan_ranker',
  {
    cycleId: uuid()
      .notNull()
      .references(() => trainingPlanCycle.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    userId: text()
      .notNull()
      .references(() => user.id),
    namedBy: by(),
    namedAt: at(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.organisationId] })],
);

/** A municipality's one ranking of the cycle's open needs (best first; a need left out is an abstention). */
export const trainingPlanRanking = pgTable(
  'training_plan_ranking',
  {
    id: uuid().primaryKey().defaultRandom(),
    cycleId: uuid()
      .notNull()
      .references(() => trainingPlanCycle.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    needIds: jsonb().$type<string[]>().notNull(),
    /** How many times it was replaced (the audit log has each). */
    version: integer().notNull().default(1),
    rankedBy: by(),
    rankedAt: at(),
  },
  (t) => [uniqueIndex('training_plan_ranking_cycle_org').on(t.cycleId, t.organisationId)],
);

/** The network's decision: which needs run together this year, with date and forum. One per cycle. */
export const trainingPlanDecision = pgTable(
  'training_plan_decision',
  {
    id: uuid().primaryKey().defaultRandom(),
    cycleId: uuid()
      .notNull()
      .references(() => trainingPlanCycle.id, { onDelete: 'cascade' }),
    decidedOn: date({ mode: 'string' }).notNull(),
    forum: text().notNull(),
    notes: text().notNull().default(''),
    decidedBy: by(),
    createdAt: at(),
  },
  (t) => [uniqueIndex('training_plan_decision_cycle').on(t.cycleId)],
);

export const trainingPlanDecisionNeed = pgTable(
  'training_plan_decision_need',
  {
    decisionId: uuid()
      .notNull()
      .references(() => trainingPlanDecision.id, { onDelete: 'cascade' }),
    needId: uuid()
      .notNull()
      .references(() => trainingPlanNeed.id),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.needId] })],
);

/** An external provider (a college, a Campus) receiving orders: an organisation of kind provider, and its contact. */
export const trainingPlanProvider = pgTable('training_plan_provider', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisation.id),
  contactName: text().notNull(),
  contactEmail: text().notNull(),
  createdBy: by(),
  createdAt: at(),
});

/** An order (beställning) of a decided need to a broker: a municipality's brokers or an external provider. */
export const trainingPlanOrder = pgTable(
  'training_plan_order',
  {
    id: uuid().primaryKey().defaultRandom(),
    cycleId: uuid()
      .notNull()
      .references(() => trainingPlanCycle.id),
    needId: uuid()
      .notNull()
      .references(() => trainingPlanNeed.id),
    title: text().notNull(),
    goal: text().notNull(),
    content: text().notNull().default(''),
    targetGroup: text().notNull().default(''),
    wantedFrom: date({ mode: 'string' }).notNull(),
    wantedTo: date({ mode: 'string' }).notNull(),
    /** Whole kronor, excluding VAT. */
    budgetCeiling: integer().notNull(),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    /** The municipality whose brokers, or the provider organisation, that receives the order. */
    brokerOrganisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    status: text({ enum: ORDER_STATUSES }).notNull().default('sent'),
    /** The key the order's cost is split by, and whether the split includes VAT. */
    costKey: text({ enum: COST_KEYS }).notNull().default('attending'),
    withVat: boolean().notNull().default(false),
    /** The broker's activity in the activities core (set when the first occasion is planned). */
    activityId: uuid(),
    createdBy: by(),
    createdAt: at(),
    updatedAt: at(),
  },
  (t) => [
    uniqueIndex('training_plan_order_need').on(t.needId),
    index('training_plan_order_broker').on(t.brokerOrganisationId),
    check('training_plan_order_budget', sql`${t.budgetCeiling} >= 0`),
    check('training_plan_order_period', sql`${t.wantedTo} >= ${t.wantedFrom}`),
  ],
);

/** Participants per municipality on an order (from the need's contributions, as the orderer set them). */
export const trainingPlanOrderParticipants = pgTable(
  'training_plan_order_participants',
  {
    orderId: uuid()
      .notNull()
      .references(() => trainingPlanOrder.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    participants: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.organisationId] }),
    check('training_plan_order_participants_positive', sql`${t.participants} >= 0`),
  ],
);

/** The order's history: sent, a question and its answer, accepted, declined (with the reason). */
export const trainingPlanOrderEvent = pgTable(
  'training_plan_order_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => trainingPlanOrder.id, { onDelete: 'cascade' }),
    kind: text({ enum: ORDER_EVENT_KINDS }).notNull(),
    text: text().notNull().default(''),
    actorUserId: by(),
    at: at(),
  },
  (t) => [index('training_plan_order_event_order').on(t.orderId, t.at)],
);

/** An occasion planned for an order in the activities core, with its price and the keys its seats were split by. */
export const trainingPlanOccasion = pgTable(
  'training_plan_occasion',
  {
    /** The activities core's occasion id. */
    occasionId: uuid().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => trainingPlanOrder.id),
    /** Whole kronor excluding VAT. */
    price: integer().notNull(),
    /** VAT in percent (0, 6, 12 or 25; education is often exempt). */
    vatRate: smallint().notNull().default(0),
    seatKey: text({ enum: SEAT_KEYS }).notNull(),
    createdBy: by(),
    createdAt: at(),
  },
  (t) => [
    index('training_plan_occasion_order').on(t.orderId),
    check('training_plan_occasion_price', sql`${t.price} >= 0`),
    check('training_plan_occasion_vat', sql`${t.vatRate} IN (0, 6, 12, 25)`),
  ],
);
