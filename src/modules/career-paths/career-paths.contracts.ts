// Career paths (Karriärvägar, decision 027): the region's model (roles, ways between them, the task matrix and the
// checklist template) as one versioned document, each municipality's implementation, staff by role, the cost
// calculation and employees' development plans. Schemas shared by server and web.
import { z } from 'zod';
import { storedFileSchema } from '../../platform/shared/files.ts';
import { careerMessages as cm } from './career-paths.messages.ts';

export const CAREER_LIMITS = {
  maxRoles: 30,
  maxWays: 100,
  maxTasks: 200,
  maxGroups: 20,
  maxChecklist: 60,
  maxEducations: 30,
  maxBudgetYears: 10,
  maxExtraMoves: 50,
  /** Days ahead a plan's review shows as the manager's task and is reminded by mail. */
  reviewNoticeDays: 14,
} as const;

export const CELL_VALUES = ['does', 'delegated', 'does_not'] as const;
export type CellValue = (typeof CELL_VALUES)[number];
export const STEPS = ['plan', 'implement', 'evaluate'] as const;
export type Step = (typeof STEPS)[number];
export const ITEM_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const BENNER_STAGES = ['novice', 'advanced_beginner', 'competent', 'proficient', 'expert'] as const;
export type BennerStage = (typeof BENNER_STAGES)[number];
export const FUNDING_SOURCES = ['aldreomsorgslyftet', 'employer', 'esf', 'other', 'none'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const POINT_UNITS = ['gymnasiepoang', 'yh_poang', 'hogskolepoang'] as const;
export const EDUCATION_KINDS = ['catalogue', 'occasion', 'other'] as const;
export const EDUCATION_STATUSES = ['planned', 'completed'] as const;

const key = z
  .string()
  .trim()
  .min(1, cm.required.code)
  .max(60, cm.tooLong.code)
  .regex(/^[a-z0-9_]+$/, cm.keyInvalid.code);
const text = (max: number) => z.string().trim().max(max, cm.tooLong.code);
const required = (max: number) => text(max).min(1, cm.required.code);
const isoDate = z.iso.date({ error: cm.dateInvalid.code });
const year = z
  .number({ error: cm.yearInvalid.code })
  .int(cm.yearInvalid.code)
  .min(2000, cm.yearInvalid.code)
  .max(2100, cm.yearInvalid.code);
const amount = z.number({ error: cm.numberInvalid.code }).min(0, cm.numberInvalid.code).max(1e9, cm.numberInvalid.code);
const cellValue = z.enum(CELL_VALUES, { error: cm.cellValueInvalid.code });

export const urlSchema = z
  .string()
  .trim()
  .max(2000, cm.tooLong.code)
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, cm.urlInvalid.code);

// ---- the model document ----
export const educationRequirementSchema = z.strictObject({
  text: required(1000),
  points: amount.nullable().default(null),
  pointsUnit: z.enum(POINT_UNITS).nullable().default(null),
  /** A default the region has not yet confirmed ("att verifiera"), with where it comes from. */
  toVerify: z.boolean().default(false),
  source: text(500).default(''),
});
export const roleSchema = z.strictObject({
  key,
  name: required(100),
  nameEn: required(100),
  /** The staffing statistics' profession the role is counted as (null: not counted there). */
  professionKey: key.nullable(),
  protectedTitle: z.boolean(),
  licensed: z.boolean(),
  /** Areas of specialisation (e.g. demens, palliativ vård). */
  areas: z.array(required(100)).max(20).default([]),
  education: educationRequirementSchema,
  /** Whether the role is a column of the task matrix. */
  inMatrix: z.boolean().default(true),
});
export type Role = z.infer<typeof roleSchema>;
export const waySchema = z.strictObject({ from: key, to: key, via: required(500) });
export type Way = z.infer<typeof waySchema>;
export const taskGroupSchema = z.strictObject({ key, name: required(100), nameEn: required(100) });
export const cellSchema = z.strictObject({ value: cellValue, note: text(300).default('') });
export type Cell = z.infer<typeof cellSchema>;
export const taskSchema = z.strictObject({
  key,
  group: key,
  name: required(200),
  note: text(500).default(''),
  cells: z.record(z.string(), cellSchema),
});
export type Task = z.infer<typeof taskSchema>;
export const templateItemSchema = z.strictObject({
  key,
  step: z.enum(STEPS, { error: cm.stepInvalid.code }),
  title: required(200),
  description: text(1000).default(''),
});
export const careerModelSchema = z.strictObject({
  roles: z.array(roleSchema).min(1, cm.required.code).max(CAREER_LIMITS.maxRoles),
  ways: z.array(waySchema).max(CAREER_LIMITS.maxWays),
  taskGroups: z.array(taskGroupSchema).max(CAREER_LIMITS.maxGroups),
  tasks: z.array(taskSchema).max(CAREER_LIMITS.maxTasks),
  checklist: z.array(templateItemSchema).max(CAREER_LIMITS.maxChecklist),
});
export type CareerModel = z.infer<typeof careerModelSchema>;
export type CareerModelInput = z.input<typeof careerModelSchema>;

export const versionSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published']),
  decisionDate: z.string().nullable(),
  decisionNote: z.string(),
  publishedAt: z.string().nullable(),
});
export type VersionSummaryDto = z.infer<typeof versionSummarySchema>;
export const modelVersionSchema = versionSummarySchema.extend({ model: careerModelSchema });
export type ModelVersionDto = z.infer<typeof modelVersionSchema>;
export const modelOverviewSchema = z.object({
  current: modelVersionSchema.nullable(),
  draft: versionSummarySchema.nullable(),
  versions: z.array(versionSummarySchema),
  canEdit: z.boolean(),
});
export type ModelOverviewDto = z.infer<typeof modelOverviewSchema>;
export const versionQuerySchema = z.strictObject({
  /** A version number; the current (latest published) when left out. */
  version: z.coerce.number().int().min(1).optional(),
});
export const saveDraftSchema = z.strictObject({ model: careerModelSchema });
export const publishSchema = z.strictObject({ decisionDate: isoDate, decisionNote: text(300).default('') });

// ---- task matrix with a municipality's deviations ----
export const deviationSchema = z.object({
  taskKey: z.string(),
  roleKey: z.string(),
  value: cellValue,
  note: z.string(),
});
export type DeviationDto = z.infer<typeof deviationSchema>;
export const matrixQuerySchema = z.strictObject({
  municipalityId: z.uuid({ error: cm.invalidId.code }).optional(),
  version: z.coerce.number().int().min(1).optional(),
});
export const matrixSchema = z.object({
  version: versionSummarySchema,
  model: careerModelSchema,
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  deviations: z.array(deviationSchema),
  canDeviate: z.boolean(),
});
export type MatrixDto = z.infer<typeof matrixSchema>;
export const setDeviationSchema = z.strictObject({
  municipalityId: z.uuid({ error: cm.invalidId.code }),
  taskKey: key,
  roleKey: key,
  /** null removes the deviation (the region's value applies). */
  value: cellValue.nullable(),
  note: text(300).default(''),
});
export const matrixExportQuerySchema = matrixQuerySchema.extend({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });

// ---- implementation ----
export const municipalityParamsSchema = z.object({ municipalityId: z.uuid({ error: cm.invalidId.code }) });
export const itemParamsSchema = z.object({
  municipalityId: z.uuid({ error: cm.invalidId.code }),
  itemId: z.uuid({ error: cm.invalidId.code }),
});
export const checklistItemSchema = z.object({
  id: z.string(),
  step: z.enum(STEPS),
  position: z.number(),
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  evidenceUrl: z.string().nullable(),
  evidenceFileId: z.string().nullable(),
  /** The stored document (decision 024) given as evidence, if any. */
  evidenceFile: storedFileSchema.nullable(),
  evidenceNote: z.string(),
  fromTemplate: z.boolean(),
  completedAt: z.string().nullable(),
});
export type ChecklistItemDto = z.infer<typeof checklistItemSchema>;
export const implementationSchema = z.object({
  municipality: z.object({ id: z.string(), name: z.string() }),
  ownerTitle: z.string(),
  ownerName: z.string(),
  projectLeader: z.string(),
  projectGroup: z.string(),
  adoptedVersion: z.number().nullable(),
  adoptedAt: z.string().nullable(),
  currentVersion: z.number().nullable(),
  targetMix: z.record(z.string(), z.number()),
  targetYear: z.number().nullable(),
  items: z.array(checklistItemSchema),
  canManage: z.boolean(),
});
export type ImplementationDto = z.infer<typeof implementationSchema>;
export const updateImplementationSchema = z
  .strictObject({
    ownerTitle: text(200).optional(),
    ownerName: text(200).optional(),
    projectLeader: text(200).optional(),
    projectGroup: text(2000).optional(),
    targetMix: z
      .record(
        key,
        z.number({ error: cm.percentInvalid.code }).min(0, cm.percentInvalid.code).max(100, cm.percentInvalid.code),
      )
      .optional(),
    targetYear: year.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, cm.changeAField.code);
export type UpdateImplementationInput = z.infer<typeof updateImplementationSchema>;
export const addItemSchema = z.strictObject({
  step: z.enum(STEPS, { error: cm.stepInvalid.code }),
  title: required(200),
  description: text(1000).default(''),
  owner: text(200).default(''),
  dueDate: isoDate.nullable().default(null),
});
export const updateItemSchema = z
  .strictObject({
    title: required(200).optional(),
    description: text(1000).optional(),
    owner: text(200).optional(),
    dueDate: isoDate.nullable().optional(),
    status: z.enum(ITEM_STATUSES, { error: cm.statusInvalid.code }).optional(),
    evidenceUrl: urlSchema.nullable().optional(),
    /** An uploaded document (…/evidence) to attach as the evidence; null removes the current one. */
    evidenceFileId: z.uuid({ error: cm.invalidId.code }).nullable().optional(),
    evidenceNote: text(1000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, cm.changeAField.code);
export type UpdateItemInput = z.infer<typeof updateItemSchema>;

// ---- the regional progress view ----
export const countCellSchema = z.union([z.number(), z.literal('..'), z.null()]);
export type CountCell = z.infer<typeof countCellSchema>;
export const progressRowSchema = z.object({
  municipalityId: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  adopted: z.boolean(),
  hasOwner: z.boolean(),
  steps: z.array(z.object({ step: z.enum(STEPS), done: z.number(), total: z.number() })),
  /** The first step not yet done (null: not started — no checklist; 'done': all steps done). */
  currentStep: z.union([z.enum(STEPS), z.literal('done')]).nullable(),
  /** Development plans per target role (small counts suppressed), and their total. */
  plansByTarget: z.record(z.string(), countCellSchema),
  plansTotal: countCellSchema,
});
export type ProgressRowDto = z.infer<typeof progressRowSchema>;
export const progressSchema = z.object({
  roles: z.array(z.object({ key: z.string(), name: z.string() })),
  rows: z.array(progressRowSchema),
  minCount: z.number(),
});
export type ProgressDto = z.infer<typeof progressSchema>;

// ---- staff by role over time ----
export const staffQuerySchema = z.strictObject({ municipalityId: z.uuid({ error: cm.invalidId.code }).optional() });
export const staffByRoleSchema = z.object({
  periods: z.array(z.object({ id: z.string(), label: z.string(), referenceDate: z.string() })),
  roles: z.array(z.object({ key: z.string(), name: z.string(), professionKey: z.string() })),
  /** One row per municipality (one when asked for one): headcount per role per period (suppressed for others). */
  rows: z.array(
    z.object({
      municipalityId: z.string(),
      name: z.string(),
      values: z.record(z.string(), z.array(countCellSchema)),
      targetMix: z.record(z.string(), z.number()),
      targetYear: z.number().nullable(),
    }),
  ),
  minCount: z.number(),
});
export type StaffByRoleDto = z.infer<typeof staffByRoleSchema>;

// ---- the cost calculation ----
export const extraMoveSchema = z.strictObject({
  fromRole: key,
  toRole: key,
  year,
  count: z.number().int(cm.numberInvalid.code).min(0, cm.numberInvalid.code).max(10000, cm.numberInvalid.code),
  educationCost: amount.default(0),
  funded: amount.default(0),
});
export const budgetInputsSchema = z.strictObject({
  startYear: year,
  years: z.number().int().min(1, cm.numberInvalid.code).max(CAREER_LIMITS.maxBudgetYears, cm.numberInvalid.code),
  /** Monthly salary per role key (SEK), entered by the municipality. */
  monthlySalary: z.record(key, amount),
  /** Employer's on-cost (personalomkostnadspålägg) in per cent of salary. */
  onCostPercent: z
    .number({ error: cm.percentInvalid.code })
    .min(0, cm.percentInvalid.code)
    .max(100, cm.percentInvalid.code),
  /** Moves the municipality plans beyond the development plans (from its target mix). */
  extraMoves: z.array(extraMoveSchema).max(CAREER_LIMITS.maxExtraMoves).default([]),
});
export type BudgetInputs = z.infer<typeof budgetInputsSchema>;
export const budgetYearSchema = z.object({
  year: z.number(),
  moves: z.number(),
  salaryEffect: z.number(),
  educationCost: z.number(),
  funding: z.number(),
  net: z.number(),
});
export const budgetSchema = z.object({
  municipality: z.object({ id: z.string(), name: z.string() }),
  inputs: budgetInputsSchema,
  roles: z.array(z.object({ key: z.string(), name: z.string() })),
  moves: z.array(
    z.object({
      source: z.enum(['plan', 'extra']),
      fromRole: z.string(),
      toRole: z.string(),
      year: z.number(),
      count: z.number(),
      yearlySalaryEffect: z.number(),
    }),
  ),
  years: z.array(budgetYearSchema),
  total: budgetYearSchema.omit({ year: true }),
  missingSalaries: z.array(z.string()),
  canManage: z.boolean(),
});
export type BudgetDto = z.infer<typeof budgetSchema>;

// ---- development plans ----
export const educationSchema = z.object({
  id: z.string(),
  kind: z.enum(EDUCATION_KINDS),
  refId: z.string().nullable(),
  title: z.string(),
  url: z.string().nullable(),
  status: z.enum(EDUCATION_STATUSES),
  year: z.number().nullable(),
  completedOn: z.string().nullable(),
  cost: z.number(),
  funded: z.number(),
  /** A linked occasion of the activities core: when and where, its status, and the person's registration on it. */
  occasion: z
    .object({
      id: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string().nullable(),
      organiserName: z.string(),
      status: z.enum(['planned', 'open', 'cancelled', 'held']),
      /** registered / waitlisted, or after it was held present / partial / absent; null: not registered. */
      participation: z.enum(['registered', 'waitlisted', 'present', 'partial', 'absent']).nullable(),
    })
    .nullable(),
});
export const planSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  person: z.object({ id: z.string(), name: z.string(), unitName: z.string(), professionKey: z.string() }),
  currentRoleKey: z.string(),
  targetRoleKey: z.string(),
  bennerStage: z.enum(BENNER_STAGES),
  targetYear: z.number().nullable(),
  fundingSource: z.enum(FUNDING_SOURCES),
  fundingNote: z.string(),
  nextReview: z.string(),
  note: z.string(),
  managerName: z.string().nullable(),
  educations: z.array(educationSchema),
  canManage: z.boolean(),
});
export type PlanDto = z.infer<typeof planSchema>;
export const planSummarySchema = planSchema.omit({ educations: true, canManage: true }).extend({
  planned: z.number(),
  completed: z.number(),
});
export type PlanSummaryDto = z.infer<typeof planSummarySchema>;
export const planListQuerySchema = z.strictObject({ municipalityId: z.uuid({ error: cm.invalidId.code }).optional() });
export const planListSchema = z.object({ plans: z.array(planSummarySchema), canCreate: z.boolean() });
export const planInputSchema = z.strictObject({
  personId: z.uuid({ error: cm.invalidId.code }),
  currentRoleKey: key,
  targetRoleKey: key,
  bennerStage: z.enum(BENNER_STAGES, { error: cm.stageInvalid.code }),
  targetYear: year.nullable().default(null),
  fundingSource: z.enum(FUNDING_SOURCES, { error: cm.fundingInvalid.code }),
  fundingNote: text(300).default(''),
  nextReview: isoDate,
  note: text(2000).default(''),
});
export type PlanInput = z.infer<typeof planInputSchema>;
export const planUpdateSchema = z
  .strictObject({
    currentRoleKey: key.optional(),
    targetRoleKey: key.optional(),
    bennerStage: z.enum(BENNER_STAGES, { error: cm.stageInvalid.code }).optional(),
    targetYear: year.nullable().optional(),
    fundingSource: z.enum(FUNDING_SOURCES, { error: cm.fundingInvalid.code }).optional(),
    fundingNote: text(300).optional(),
    nextReview: isoDate.optional(),
    note: text(2000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, cm.changeAField.code);
export type PlanUpdateInput = z.infer<typeof planUpdateSchema>;
export const educationInputSchema = z.strictObject({
  kind: z.enum(EDUCATION_KINDS),
  refId: z.uuid({ error: cm.invalidId.code }).nullable().default(null),
  title: text(200).default(''),
  status: z.enum(EDUCATION_STATUSES, { error: cm.statusInvalid.code }),
  year: year.nullable().default(null),
  completedOn: isoDate.nullable().default(null),
  cost: amount.default(0),
  funded: amount.default(0),
});
export type EducationInput = z.infer<typeof educationInputSchema>;
export const educationParamsSchema = z.object({
  id: z.uuid({ error: cm.invalidId.code }),
  educationId: z.uuid({ error: cm.invalidId.code }),
});
export const myPlanSchema = z.object({ plan: planSchema.nullable() });
export const personChoiceSchema = z.object({
  persons: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string(), professionKey: z.string() })),
});
export const personSearchQuerySchema = z.strictObject({ q: text(100).optional() });
export const catalogueChoicesSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), provider: z.string(), url: z.string() })),
});
export const occasionChoicesSchema = z.object({
  occasions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      organiserName: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string().nullable(),
      status: z.enum(['planned', 'open', 'cancelled', 'held']),
    }),
  ),
});
export const idParamsSchema = z.object({ id: z.uuid({ error: cm.invalidId.code }) });
export const okSchema = z.object({ ok: z.literal(true) });
