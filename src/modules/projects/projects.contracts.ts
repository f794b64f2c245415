// Project governance (Projekt): a joint project of the region's municipalities — organisation and participation over
// time, goals tied to effect goals, plan against reality, decisions, presentations, co-financing and the final report.
// Schemas shared by server and web.
import { z } from 'zod';
import type { MessageFn } from '../../platform/shared/messages.ts';
import { projectsMessages as pm } from './projects.messages.ts';

export const PROJECT_LIMITS = {
  maxActivities: 5000,
  maxProjects: 500,
  /** One contribution's hours: at most a working year of one person (52 weeks × 40 hours). */
  workingYearHours: 2080,
  maxPledgeHours: 1_000_000,
  maxAmount: 1_000_000_000,
  maxDocuments: 10,
  userChoices: 20,
} as const;

/** A municipality is behind when it has given less than this share of the hours due by today. */
export const BEHIND_RATIO = 0.8;

export const MEMBER_KINDS = ['steering', 'contact', 'local_leader', 'local_group', 'reference_group'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const GOAL_STATUSES = ['not_started', 'ongoing', 'achieved', 'lifted_out'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const ACTIVITY_KINDS = ['phase', 'activity', 'milestone'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_STATUSES = ['not_started', 'ongoing', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const PROPOSAL_STATUSES = ['open', 'chosen', 'not_chosen'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const BUDGET_KINDS = ['cost', 'grant'] as const;

/** The final report's chapters, in order (the structure of "Vårdens medarbetare"'s final report). */
export const REPORT_CHAPTERS = [
  'background',
  'organisation',
  'method',
  'subprojects',
  'goals',
  'plan',
  'decisions',
  'presentations',
  'cofinancing',
  'lessons',
] as const;
export type ReportChapter = (typeof REPORT_CHAPTERS)[number];

const str = (max: number) => z.string().trim().max(max, pm.tooLong.code);
const required = (max: number, msg: MessageFn) => z.string().trim().min(1, msg.code).max(max, pm.tooLong.code);
export const isoDateSchema = z.iso.date({ error: pm.dateInvalid.code });
const id = () => z.uuid({ error: pm.invalidId.code });
const amount = (max: number = PROJECT_LIMITS.maxAmount) =>
  z
    .number({ error: pm.numberInvalid.code })
    .finite(pm.numberInvalid.code)
    .min(0, pm.amountNegative.code)
    .max(max, pm.tooLong.code);

export const idParamsSchema = z.strictObject({ id: id() });
export const itemParamsSchema = z.strictObject({ id: id(), itemId: id() });
export const DELETABLE = [
  'members',
  'activities',
  'decisions',
  'presentations',
  'contributions',
  'budget-lines',
] as const;
export type Deletable = (typeof DELETABLE)[number];
export const deleteParamsSchema = z.strictObject({ id: id(), collection: z.enum(DELETABLE), itemId: id() });
export const pledgeParamsSchema = z.strictObject({ id: id(), municipalityId: id() });
export const chapterParamsSchema = z.strictObject({ id: id(), chapter: z.enum(REPORT_CHAPTERS) });
export const choicesQuerySchema = z.strictObject({ q: str(100).default('') });

// ---- the project ----
const projectFields = {
  name: required(200, pm.nameRequired),
  purpose: str(4000).default(''),
  orderer: str(300).default(''),
  owner: str(300).default(''),
  leaderUserId: z.string().trim().min(1).max(100).nullable().optional(),
  steeringNetworkId: id().nullable().optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  participantTarget: z.number().int().min(0).max(1_000_000).nullable().optional(),
  hourlyRate: amount(100_000).default(0),
};
export const createProjectSchema = z
  .strictObject(projectFields)
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: pm.periodReversed.code });
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .strictObject({
    name: projectFields.name.optional(),
    purpose: str(4000).optional(),
    orderer: str(300).optional(),
    owner: str(300).optional(),
    leaderUserId: projectFields.leaderUserId,
    steeringNetworkId: projectFields.steeringNetworkId,
    startDate: isoDateSchema.optional(),
    endDate: isoDateSchema.optional(),
    participantTarget: projectFields.participantTarget,
    hourlyRate: amount(100_000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, pm.changeAField.code)
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    path: ['endDate'],
    message: pm.periodReversed.code,
  });
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

// ---- organisation and participation ----
export const addMemberSchema = z.strictObject({
  kind: z.enum(MEMBER_KINDS, { error: pm.chooseKind.code }),
  municipalityId: id().nullable().optional(),
  userId: z.string().trim().min(1).max(100).nullable().optional(),
  name: str(200).default(''),
  note: str(300).default(''),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const participationSchema = z.strictObject({
  municipalityId: id(),
  event: z.enum(['join', 'leave'], { error: pm.chooseKind.code }),
  date: isoDateSchema,
  reason: str(1000).default(''),
});
export type ParticipationInput = z.infer<typeof participationSchema>;

// ---- goals ----
export const effectGoalSchema = z.strictObject({
  number: z.number().int().min(1).max(999).optional(),
  text: required(2000, pm.textRequired),
});
export const createGoalSchema = z.strictObject({
  number: z.number().int().min(1).max(999).optional(),
  text: required(2000, pm.textRequired),
  /** Exactly one effect goal: an array (two effect goals) is refused with the message that says so. */
  effectGoalId: z.uuid({ error: pm.oneEffectGoal.code }),
  subprojectId: id().nullable().optional(),
  indicatorName: str(200).nullable().optional(),
  indicatorUnit: str(40).nullable().optional(),
  indicatorTarget: z.number().finite().nullable().optional(),
});
export type CreateGoalInput = z.infer<typeof createGoalSchema>;
export const updateGoalSchema = z
  .strictObject({
    text: required(2000, pm.textRequired).optional(),
    effectGoalId: z.uuid({ error: pm.oneEffectGoal.code }).optional(),
    subprojectId: id().nullable().optional(),
    status: z.enum(GOAL_STATUSES, { error: pm.chooseKind.code }).optional(),
    statusReason: str(2000).optional(),
    statusDecisionId: id().nullable().optional(),
    indicatorName: str(200).nullable().optional(),
    indicatorUnit: str(40).nullable().optional(),
    indicatorTarget: z.number().finite().nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, pm.changeAField.code)
  .refine((v) => v.status !== 'lifted_out' || (v.statusReason ?? '').length > 0, {
    path: ['statusReason'],
    message: pm.liftedOutNeedsReason.code,
  });
export type UpdateGoalInput = z.infer<typeof updateGoalSchema>;
export const indicatorValueSchema = z.strictObject({
  date: isoDateSchema,
  value: z.number({ error: pm.numberInvalid.code }).finite(pm.numberInvalid.code),
});

// ---- sub-projects and proposals ----
export const subprojectSchema = z.strictObject({
  number: z.number().int().min(1).max(999).optional(),
  name: required(200, pm.nameRequired),
  lead: str(200).default(''),
  goal: str(2000).default(''),
  prioritised: z.boolean().default(true),
  result: str(4000).default(''),
});
export const proposalSchema = z.strictObject({
  number: z.number().int().min(1).max(999).optional(),
  title: required(300, pm.textRequired),
  note: str(2000).default(''),
});
export const decideProposalSchema = z.strictObject({
  status: z.enum(PROPOSAL_STATUSES, { error: pm.chooseKind.code }),
  decisionId: id().nullable().optional(),
  note: str(2000).optional(),
  /** When chosen: whether the new sub-project is prioritised (default yes). */
  prioritised: z.boolean().optional(),
});
export type DecideProposalInput = z.infer<typeof decideProposalSchema>;

// ---- the plan ----
export const createActivitySchema = z
  .strictObject({
    kind: z.enum(ACTIVITY_KINDS, { error: pm.chooseKind.code }),
    phaseId: id().nullable().optional(),
    subprojectId: id().nullable().optional(),
    name: required(300, pm.nameRequired),
    responsible: str(200).default(''),
    plannedStart: isoDateSchema,
    plannedEnd: isoDateSchema,
  })
  .refine((v) => v.plannedEnd >= v.plannedStart, { path: ['plannedEnd'], message: pm.plannedReversed.code })
  .refine((v) => v.kind !== 'milestone' || v.plannedEnd === v.plannedStart, {
    path: ['plannedEnd'],
    message: pm.milestoneOneDay.code,
  });
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

export const updateActivitySchema = z
  .strictObject({
    name: required(300, pm.nameRequired).optional(),
    responsible: str(200).optional(),
    subprojectId: id().nullable().optional(),
    plannedStart: isoDateSchema.optional(),
    plannedEnd: isoDateSchema.optional(),
    actualStart: isoDateSchema.nullable().optional(),
    actualEnd: isoDateSchema.nullable().optional(),
    status: z.enum(ACTIVITY_STATUSES, { error: pm.chooseKind.code }).optional(),
    /** Why the dates move: required for every date change once the baseline is saved. */
    reason: str(1000).optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), pm.changeAField.code);
export type UpdateActivityInput = z.infer<typeof updateActivitySchema>;

export const baselineSchema = z.strictObject({ reason: str(1000).default('') });

// ---- decisions and presentations ----
const urlSchema = z
  .string()
  .trim()
  .max(2000, pm.tooLong.code)
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, pm.urlInvalid.code);
export const decisionSchema = z.strictObject({
  date: isoDateSchema,
  forum: required(200, pm.forumRequired),
  text: required(4000, pm.textRequired),
  goalId: id().nullable().optional(),
  subprojectId: id().nullable().optional(),
  activityId: id().nullable().optional(),
  documents: z
    .array(z.strictObject({ title: required(300, pm.textRequired), url: urlSchema.optional() }))
    .max(PROJECT_LIMITS.maxDocuments)
    .default([]),
});
export type DecisionInput = z.infer<typeof decisionSchema>;
export const presentationSchema = z.strictObject({
  date: isoDateSchema,
  forum: required(200, pm.forumRequired),
  audience: str(300).default(''),
  presenter: str(200).default(''),
  topic: str(500).default(''),
});
export type PresentationInput = z.infer<typeof presentationSchema>;

// ---- co-financing ----
const hoursSchema = z
  .number({ error: pm.numberInvalid.code })
  .finite(pm.numberInvalid.code)
  .min(0, pm.hoursNegative.code)
  .max(PROJECT_LIMITS.workingYearHours, pm.hoursBeyondYear.code);
export const pledgeSchema = z.strictObject({
  plannedHours: z
    .number({ error: pm.numberInvalid.code })
    .finite(pm.numberInvalid.code)
    .min(0, pm.hoursNegative.code)
    .max(PROJECT_LIMITS.maxPledgeHours, pm.tooLong.code),
  plannedMoney: amount().default(0),
});
export type PledgeInput = z.infer<typeof pledgeSchema>;
export const contributionSchema = z
  .strictObject({
    municipalityId: id(),
    date: isoDateSchema,
    hours: hoursSchema.default(0),
    money: amount().default(0),
    note: str(500).default(''),
  })
  .refine((v) => v.hours > 0 || v.money > 0, { path: ['hours'], message: pm.numberInvalid.code });
export type ContributionInput = z.infer<typeof contributionSchema>;
export const budgetLineSchema = z.strictObject({
  kind: z.enum(BUDGET_KINDS, { error: pm.chooseKind.code }),
  label: required(200, pm.textRequired),
  funder: str(200).default(''),
  planned: amount().default(0),
  actual: amount().default(0),
});
export type BudgetLineInput = z.infer<typeof budgetLineSchema>;

export const reportTextSchema = z.strictObject({ text: str(20_000) });

// ---- answers ----
const nullableDate = z.string().nullable();
export const accessSchema = z.enum(['change', 'read']);
export type ProjectAccess = z.infer<typeof accessSchema>;

export const projectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  leaderName: z.string().nullable(),
  municipalitiesNow: z.number().int(),
  demo: z.boolean(),
  access: accessSchema,
});
export type ProjectSummaryDto = z.infer<typeof projectSummarySchema>;
export const projectListSchema = z.object({ projects: z.array(projectSummarySchema), canCreate: z.boolean() });

export const memberSchema = z.object({
  id: z.string(),
  kind: z.enum(MEMBER_KINDS),
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string(),
  note: z.string(),
});
export type MemberDto = z.infer<typeof memberSchema>;

export const participationEventSchema = z.object({
  id: z.string(),
  municipalityId: z.string(),
  event: z.enum(['join', 'leave']),
  date: z.string(),
  reason: z.string(),
});
export const participationIntervalSchema = z.object({
  from: z.string(),
  /** The last day of participation; null while it goes on. */
  to: nullableDate,
  joinReason: z.string(),
  leaveReason: z.string().nullable(),
});
export type ParticipationInterval = z.infer<typeof participationIntervalSchema>;
export const municipalityParticipationSchema = z.object({
  municipalityId: z.string(),
  name: z.string(),
  intervals: z.array(participationIntervalSchema),
  participatingNow: z.boolean(),
});
export type MunicipalityParticipationDto = z.infer<typeof municipalityParticipationSchema>;

export const effectGoalDtoSchema = z.object({ id: z.string(), number: z.number().int(), text: z.string() });
export const goalDtoSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  text: z.string(),
  effectGoalId: z.string(),
  subprojectId: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  statusReason: z.string(),
  statusDecisionId: z.string().nullable(),
  indicator: z
    .object({
      name: z.string(),
      unit: z.string(),
      target: z.number().nullable(),
      values: z.array(z.object({ date: z.string(), value: z.number() })),
      trend: z.enum(['up', 'down', 'flat']).nullable(),
      /** Where the values come from: entered by hand (no staffing or participants lookup is wired yet). */
      source: z.enum(['entered']),
    })
    .nullable(),
});
export type GoalDto = z.infer<typeof goalDtoSchema>;
export const subprojectDtoSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  name: z.string(),
  lead: z.string(),
  goal: z.string(),
  prioritised: z.boolean(),
  result: z.string(),
  proposalNumber: z.number().int().nullable(),
});
export type SubprojectDto = z.infer<typeof subprojectDtoSchema>;
export const proposalDtoSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  decisionId: z.string().nullable(),
  subprojectId: z.string().nullable(),
  note: z.string(),
});
export type ProposalDto = z.infer<typeof proposalDtoSchema>;

export const activityDtoSchema = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  phaseId: z.string().nullable(),
  subprojectId: z.string().nullable(),
  position: z.number().int(),
  name: z.string(),
  responsible: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  baselineStart: nullableDate,
  baselineEnd: nullableDate,
  actualStart: nullableDate,
  actualEnd: nullableDate,
  status: z.enum(ACTIVITY_STATUSES),
  /** Days the actual (or, while ongoing, today's) end lies after the baseline's (or plan's) end; null when unknown. */
  deviationDays: z.number().int().nullable(),
  late: z.boolean(),
  changeCount: z.number().int(),
});
export type ActivityDto = z.infer<typeof activityDtoSchema>;
export const dateChangeDtoSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  which: z.enum(['planned', 'actual']),
  fromStart: nullableDate,
  fromEnd: nullableDate,
  toStart: nullableDate,
  toEnd: nullableDate,
  reason: z.string(),
  afterBaseline: z.boolean(),
  changedByName: z.string(),
  changedAt: z.string(),
});
export type DateChangeDto = z.infer<typeof dateChangeDtoSchema>;

export const decisionDtoSchema = z.object({
  id: z.string(),
  date: z.string(),
  forum: z.string(),
  text: z.string(),
  goalId: z.string().nullable(),
  subprojectId: z.string().nullable(),
  activityId: z.string().nullable(),
  documents: z.array(z.object({ title: z.string(), url: z.string().optional() })),
});
export type DecisionDto = z.infer<typeof decisionDtoSchema>;
export const presentationDtoSchema = z.object({
  id: z.string(),
  date: z.string(),
  forum: z.string(),
  audience: z.string(),
  presenter: z.string(),
  topic: z.string(),
});
export type PresentationDto = z.infer<typeof presentationDtoSchema>;

export const cofinancingRowSchema = z.object({
  municipalityId: z.string(),
  name: z.string(),
  plannedHours: z.number(),
  /** The share of the planned hours due by today: planned × participating days passed / participating days. */
  dueHours: z.number(),
  /** Hours given: entered, plus those summed from attendance in the shared activities linked to the project. */
  actualHours: z.number(),
  /** The part of the hours given that comes from attendance (activities with source "projects" and this project). */
  attendanceHours: z.number(),
  plannedMoney: z.number(),
  actualMoney: z.number(),
  /** The hours' value in kronor at the project's hourly rate. */
  actualHoursValue: z.number(),
  behind: z.boolean(),
});
export type CofinancingRow = z.infer<typeof cofinancingRowSchema>;
export const cofinancingSchema = z.object({
  rows: z.array(cofinancingRowSchema),
  totals: cofinancingRowSchema.omit({ municipalityId: true, name: true, behind: true }),
  behindCount: z.number().int(),
  contributions: z.array(
    z.object({
      id: z.string(),
      municipalityId: z.string(),
      date: z.string(),
      hours: z.number(),
      money: z.number(),
      note: z.string(),
    }),
  ),
  budgetLines: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(BUDGET_KINDS),
      label: z.string(),
      funder: z.string(),
      planned: z.number(),
      actual: z.number(),
    }),
  ),
});
export type CofinancingDto = z.infer<typeof cofinancingSchema>;

export const projectDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  orderer: z.string(),
  owner: z.string(),
  leader: z.object({ userId: z.string(), name: z.string() }).nullable(),
  steeringNetwork: z.object({ id: z.string(), name: z.string(), memberCount: z.number().int() }).nullable(),
  startDate: z.string(),
  endDate: z.string(),
  today: z.string(),
  participantTarget: z.number().int().nullable(),
  hourlyRate: z.number(),
  demo: z.boolean(),
  baselineSavedAt: z.string().nullable(),
  access: accessSchema,
  canChangeLeader: z.boolean(),
  members: z.array(memberSchema),
  participation: z.array(municipalityParticipationSchema),
  participationEvents: z.array(participationEventSchema),
  effectGoals: z.array(effectGoalDtoSchema),
  goals: z.array(goalDtoSchema),
  subprojects: z.array(subprojectDtoSchema),
  proposals: z.array(proposalDtoSchema),
  activities: z.array(activityDtoSchema),
  dateChanges: z.array(dateChangeDtoSchema),
  decisions: z.array(decisionDtoSchema),
  presentations: z.array(presentationDtoSchema),
  presentationCounts: z.array(z.object({ forum: z.string(), count: z.number().int() })),
  cofinancing: cofinancingSchema,
  reportTexts: z.record(z.string(), z.string()),
});
export type ProjectDto = z.infer<typeof projectDtoSchema>;

export const choicesSchema = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string(), organisation: z.string() })),
  networks: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  municipalities: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ChoicesDto = z.infer<typeof choicesSchema>;

export const reportModelSchema = z.object({
  title: z.string(),
  subtitle: z.string(),
  generatedOn: z.string(),
  demo: z.boolean(),
  chapters: z.array(
    z.object({
      key: z.enum(REPORT_CHAPTERS),
      number: z.number().int(),
      title: z.string(),
      /** The editable text written by the project leader. */
      text: z.string(),
      /** Generated paragraphs and tables from the project's data. */
      paragraphs: z.array(z.string()),
      tables: z.array(
        z.object({
          caption: z.string(),
          columns: z.array(z.string()),
          rows: z.array(z.array(z.string())),
        }),
      ),
      figure: z.object({ caption: z.string(), svg: z.string(), alt: z.string() }).nullable(),
    }),
  ),
});
export type ReportModel = z.infer<typeof reportModelSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
