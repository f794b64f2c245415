// The joint training plan (Gemensamma utbildningar, decision 022): planning cycles per network and year, needs,
// the prioritisation meeting's rankings and decision, orders to education brokers, seats and cost shares per
// municipality, and the annual follow-up. Schemas shared by server and web.
import { z } from 'zod';
import { trainingPlanMessages as tm } from './training-plan.messages.ts';

export const CYCLE_PHASES = ['needs', 'prioritisation', 'decided', 'ordered', 'delivered', 'followed_up'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];
export const NEED_FORMATS = ['classroom', 'digital', 'blended', 'any'] as const;
export type NeedFormat = (typeof NEED_FORMATS)[number];
export const NEED_TERMS = ['spring', 'autumn', 'any'] as const;
export type NeedTerm = (typeof NEED_TERMS)[number];
export const NEED_STATUSES = ['open', 'merged', 'split', 'withdrawn'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_ORIGINS = ['submitted', 'merged', 'split'] as const;
export const URGENCIES = [1, 2, 3] as const;
export const ORDER_STATUSES = ['sent', 'question', 'accepted', 'declined', 'delivered'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_EVENT_KINDS = ['sent', 'question', 'answer', 'accepted', 'declined', 'delivered'] as const;
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number];
export const SEAT_KEYS = ['participants', 'equal', 'population', 'headcount'] as const;
export type SeatKey = (typeof SEAT_KEYS)[number];
export const COST_KEYS = ['attending', 'seats', 'population', 'headcount'] as const;
export type CostKey = (typeof COST_KEYS)[number];
export const VAT_RATES = [0, 6, 12, 25] as const;

export const TRAINING_PLAN_LIMITS = {
  needsPerCycle: 500,
  municipalitiesPerOrder: 400,
  maxParticipants: 10_000,
  maxBudget: 100_000_000,
  maxCapacity: 2_000,
} as const;

const say = (m: { code: string }) => m.code;
const text = (max: number) => z.string().trim().max(max, say(tm.tooLong));
const isoDate = z.iso.date({ error: say(tm.dateInvalid) });
const id = z.uuid({ error: say(tm.invalidId) });

export const idParamsSchema = z.strictObject({ id });

export const createCycleSchema = z
  .strictObject({
    networkId: id,
    year: z
      .number({ error: say(tm.yearInvalid) })
      .int(say(tm.yearInvalid))
      .min(2020, say(tm.yearInvalid))
      .max(2100),
    needsDeadline: isoDate,
    meetingDate: isoDate,
    forumDate: isoDate,
    coordinatorUserId: z.string().max(100).nullable().default(null),
  })
  .superRefine((c, ctx) => {
    if (c.meetingDate < c.needsDeadline) {
      ctx.addIssue({ code: 'custom', path: ['meetingDate'], message: say(tm.meetingBeforeDeadline) });
    }
    if (c.forumDate < c.meetingDate) {
      ctx.addIssue({ code: 'custom', path: ['forumDate'], message: say(tm.forumBeforeMeeting) });
    }
  });
export type CreateCycleInput = z.infer<typeof createCycleSchema>;

export const phaseSchema = z.strictObject({ phase: z.enum(CYCLE_PHASES) });

export const needInputSchema = z.strictObject({
  title: text(200).min(1, say(tm.titleRequired)),
  topicKey: z.string().max(60).nullable().default(null),
  description: text(2_000).default(''),
  targetProfessions: z.array(z.string().max(60)).max(20).default([]),
  expectedParticipants: z
    .number({ error: say(tm.participantsInvalid) })
    .int(say(tm.participantsInvalid))
    .min(1, say(tm.participantsInvalid))
    .max(TRAINING_PLAN_LIMITS.maxParticipants, say(tm.participantsInvalid)),
  urgency: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: say(tm.urgencyRequired) }),
  rationale: text(2_000).min(1, say(tm.rationaleRequired)),
  format: z.enum(NEED_FORMATS).default('any'),
  term: z.enum(NEED_TERMS).default('any'),
  /** The region's admin may submit for a municipality; everyone else submits for their own. */
  organisationId: id.optional(),
});
export type NeedInput = z.infer<typeof needInputSchema>;

export const mergeSchema = z.strictObject({
  needIds: z.array(id).min(2, say(tm.mergeTwo)).max(50),
  title: text(200).min(1, say(tm.titleRequired)),
  description: text(2_000).default(''),
});
export const splitSchema = z.strictObject({
  parts: z
    .array(z.strictObject({ title: text(200).min(1, say(tm.titleRequired)), description: text(2_000).default('') }))
    .min(2, say(tm.splitTwo))
    .max(5, say(tm.splitTwo)),
});

export const rankingInputSchema = z.strictObject({
  needIds: z.array(id).max(TRAINING_PLAN_LIMITS.needsPerCycle),
  /** The region's admin records a municipality's ranking at the meeting; others rank for their own. */
  organisationId: id.optional(),
});
export const rankerSchema = z.strictObject({ userId: z.string().min(1).max(100) });

export const decisionInputSchema = z.strictObject({
  decidedOn: isoDate,
  forum: text(200).min(1, say(tm.forumRequired)),
  notes: text(4_000).default(''),
  needIds: z.array(id).min(1, say(tm.decideOne)).max(200),
});

export const orderInputSchema = z
  .strictObject({
    needId: id,
    title: text(200).min(1, say(tm.titleRequired)),
    goal: text(2_000).min(1, say(tm.goalRequired)),
    content: text(4_000).default(''),
    targetGroup: text(500).default(''),
    wantedFrom: isoDate,
    wantedTo: isoDate,
    budgetCeiling: z
      .number({ error: say(tm.amountInvalid) })
      .int(say(tm.amountInvalid))
      .min(0, say(tm.amountInvalid))
      .max(TRAINING_PLAN_LIMITS.maxBudget, say(tm.amountInvalid)),
    contactName: text(200).min(1, say(tm.contactRequired)),
    contactEmail: z.email({ error: say(tm.emailInvalid) }).max(200),
    brokerOrganisationId: id,
    /** Left out: the need's expected participants per municipality. */
    participants: z
      .array(z.strictObject({ organisationId: id, participants: z.number().int().min(0).max(10_000) }))
      .max(TRAINING_PLAN_LIMITS.municipalitiesPerOrder)
      .optional(),
    costKey: z.enum(COST_KEYS).default('attending'),
    withVat: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.wantedTo < o.wantedFrom)
      ctx.addIssue({ code: 'custom', path: ['wantedTo'], message: say(tm.periodReversed) });
  });
export type OrderInput = z.infer<typeof orderInputSchema>;

export const answerInputSchema = z
  .strictObject({ kind: z.enum(['accept', 'question', 'decline']), text: text(2_000).default('') })
  .superRefine((a, ctx) => {
    if (a.kind !== 'accept' && !a.text)
      ctx.addIssue({ code: 'custom', path: ['text'], message: say(tm.reasonRequired) });
  });
export const replyInputSchema = z.strictObject({ text: text(2_000).min(1, say(tm.textRequired)) });
export const costInputSchema = z.strictObject({ costKey: z.enum(COST_KEYS), withVat: z.boolean() });

/** A Swedish wall-clock time from a form ("2027-03-28T09:00") or an ISO instant; turned into an instant by the service. */
const localDateTime = z.string().trim().min(16, say(tm.dateTimeInvalid)).max(40, say(tm.dateTimeInvalid));
export const occasionPlanSchema = z.strictObject({
  startsAt: localDateTime,
  endsAt: localDateTime,
  registrationDeadline: localDateTime,
  seatsReleaseAt: localDateTime.nullable().default(null),
  place: text(200).default(''),
  onlineUrl: text(500).default(''),
  capacity: z
    .number({ error: say(tm.capacityInvalid) })
    .int(say(tm.capacityInvalid))
    .min(1, say(tm.capacityInvalid))
    .max(TRAINING_PLAN_LIMITS.maxCapacity, say(tm.capacityInvalid)),
  price: z
    .number({ error: say(tm.amountInvalid) })
    .int(say(tm.amountInvalid))
    .min(0, say(tm.amountInvalid))
    .max(TRAINING_PLAN_LIMITS.maxBudget, say(tm.amountInvalid)),
  vatRate: z.union([z.literal(0), z.literal(6), z.literal(12), z.literal(25)]).default(0),
  seatKey: z.enum(SEAT_KEYS),
});
export type OccasionPlanInput = z.infer<typeof occasionPlanSchema>;

export const providerInputSchema = z.strictObject({
  name: text(200).min(1, say(tm.nameRequired)),
  contactName: text(200).min(1, say(tm.contactRequired)),
  contactEmail: z.email({ error: say(tm.emailInvalid) }).max(200),
});

export const followUpQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2020).max(2100),
  networkId: id.optional(),
});
export type FollowUpQuery = z.infer<typeof followUpQuerySchema>;

// ---- answers ----

const ref = z.object({ id: z.string(), name: z.string() });

export const cycleSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  network: ref,
  year: z.number().int(),
  needsDeadline: z.string(),
  meetingDate: z.string(),
  forumDate: z.string(),
  phase: z.enum(CYCLE_PHASES),
  coordinator: ref.nullable(),
  needs: z.number().int(),
  rankings: z.number().int(),
  orders: z.number().int(),
});
export type CycleSummary = z.infer<typeof cycleSummarySchema>;

export const contributionSchema = z.object({
  organisation: ref,
  expectedParticipants: z.number().int(),
  rationale: z.string(),
});
export const needSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  topic: ref.nullable(),
  description: z.string(),
  targetProfessions: z.array(ref),
  urgency: z.number().int(),
  format: z.enum(NEED_FORMATS),
  term: z.enum(NEED_TERMS),
  status: z.enum(NEED_STATUSES),
  origin: z.enum(NEED_ORIGINS),
  originIds: z.array(z.string()),
  contributions: z.array(contributionSchema),
  expectedParticipants: z.number().int(),
  decided: z.boolean(),
  orderId: z.string().nullable(),
});
export type NeedDto = z.infer<typeof needSchema>;

export const cycleDetailSchema = z.object({
  cycle: cycleSummarySchema,
  transitions: z.array(z.object({ from: z.string().nullable(), to: z.enum(CYCLE_PHASES), at: z.string() })),
  needs: z.array(needSchema),
  /** The caller's municipality's ranking (need ids, best first), if any. */
  myRanking: z.array(z.string()).nullable(),
  decision: z
    .object({ decidedOn: z.string(), forum: z.string(), notes: z.string(), needIds: z.array(z.string()) })
    .nullable(),
  can: z.object({
    coordinate: z.boolean(),
    submitNeed: z.boolean(),
    rank: z.boolean(),
    nameRanker: z.boolean(),
  }),
  ranker: ref.nullable(),
});
export type CycleDetail = z.infer<typeof cycleDetailSchema>;

export const aggregateSchema = z.object({
  method: z.literal('borda-partial'),
  municipalitiesRanked: z.number().int(),
  rows: z.array(
    z.object({
      needId: z.string(),
      title: z.string(),
      points: z.number(),
      place: z.number().int(),
      tied: z.boolean(),
      firsts: z.number().int(),
      rankedBy: z.number().int(),
      schulzePlace: z.number().int(),
      schulzeTied: z.boolean(),
    }),
  ),
  condorcetWinner: z.string().nullable(),
  schulzeWinners: z.array(z.string()),
  /** Each municipality's ranking: its place for each need (null: abstained). */
});
export type AggregateDto = z.infer<typeof aggregateSchema>;
/** How each municipality ranked (its own resource: the meeting view reads the aggregate alone, again and again). */
export const aggregateMunicipalitiesSchema = z.object({
  /** The aggregate's needs in its order; each ranking is indexes into this list, best first (compact at scale). */
  needIds: z.array(z.string()),
  byMunicipality: z.array(z.object({ organisation: ref, ranking: z.array(z.number().int()) })),
});
export type AggregateMunicipalitiesDto = z.infer<typeof aggregateMunicipalitiesSchema>;

export const orderEventSchema = z.object({
  kind: z.enum(ORDER_EVENT_KINDS),
  text: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});
const published = z.union([z.number(), z.literal('..'), z.null()]);
export const orderOccasionSchema = z.object({
  occasionId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  status: z.string(),
  capacity: z.number().int(),
  price: z.number().int(),
  vatRate: z.number().int(),
  seatKey: z.enum(SEAT_KEYS),
  invited: z.number().int(),
  answered: z.number().int(),
});
export const orderSummarySchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  cycleTitle: z.string(),
  needId: z.uuid(),
  title: z.string(),
  broker: ref.extend({ kind: z.string() }),
  status: z.enum(ORDER_STATUSES),
  wantedFrom: z.string(),
  wantedTo: z.string(),
  budgetCeiling: z.number().int(),
});
export const orderDetailSchema = orderSummarySchema.extend({
  goal: z.string(),
  content: z.string(),
  targetGroup: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  costKey: z.enum(COST_KEYS),
  withVat: z.boolean(),
  activityId: z.string().nullable(),
  events: z.array(orderEventSchema),
  occasions: z.array(orderOccasionSchema),
  /** Per municipality: ordered participants, reserved seats, attended (published), cost share in kronor. */
  municipalities: z.array(
    z.object({
      organisation: ref,
      participants: z.number().int(),
      seats: z.number().int(),
      attended: published,
      cost: z.union([z.number(), z.literal('..')]),
    }),
  ),
  totalCost: z.number().int(),
  evaluation: z.object({
    minCount: z.number().int(),
    invited: z.number().int(),
    answered: z.number().int(),
    questions: z.array(z.object({ id: z.string(), text: z.string(), mean: z.number().nullable() })),
  }),
  can: z.object({ answer: z.boolean(), plan: z.boolean(), coordinate: z.boolean() }),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;
export const orderListSchema = z.object({ orders: z.array(orderSummarySchema) });

export const optionsSchema = z.object({
  networks: z.array(ref),
  municipalities: z.array(ref),
  topics: z.array(ref),
  professions: z.array(ref),
  brokers: z.array(ref.extend({ kind: z.string() })),
  users: z.array(ref),
});

export const providerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
});

export const followUpSchema = z.object({
  year: z.number().int(),
  minCount: z.number().int(),
  cycles: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      network: z.string(),
      phase: z.enum(CYCLE_PHASES),
      needs: z.number().int(),
      decided: z.number().int(),
      ordered: z.number().int(),
      delivered: z.number().int(),
      occasions: z.number().int(),
      attended: published,
      answered: z.number().int(),
      meanRating: z.number().nullable(),
      cost: z.number().int(),
    }),
  ),
  municipalities: z.array(
    z.object({
      organisation: ref,
      needed: z.number().int(),
      ordered: z.number().int(),
      seats: z.number().int(),
      attended: published,
      cost: z.union([z.number(), z.literal('..')]),
    }),
  ),
  totals: z.object({
    needs: z.number().int(),
    decided: z.number().int(),
    ordered: z.number().int(),
    delivered: z.number().int(),
    attended: z.number().int(),
    cost: z.number().int(),
  }),
});
export type FollowUpDto = z.infer<typeof followUpSchema>;
