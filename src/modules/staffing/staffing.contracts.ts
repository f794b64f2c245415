// Contracts of the staffing statistics (Bemanning): configuration, periods, reports and their workflow,
// imports, comparison, profile and the open statistics. Imported by the server routes and by the web pages.
import { z } from 'zod';
import { COMMENT_MAX, staffingMessages as sm, TEXT_MAX } from './staffing.messages.ts';
import { MAX_VALUE, MEASURES, RATIOS } from './staffing-measures.ts';

export const STAFFING_LIMITS = {
  label: TEXT_MAX,
  comment: COMMENT_MAX,
  factsPerReport: 5000,
  uploadBytes: 10 * 1024 * 1024,
  itemsPerList: 100,
};

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const reportStatusSchema = z.enum(REPORT_STATUSES);

const isoDate = z.iso.date(sm.dateRequired.code);
const label = z.string().trim().min(1, sm.labelRequired.code).max(STAFFING_LIMITS.label, sm.textTooLong.code);
/** Keys identify professions and list items in facts and in Excel files, so they are plain and stable. */
export const itemKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, sm.keyFormat.code)
  .refine((k) => k !== 'context' && k !== 'all', sm.keyReserved.code);

// ---- configuration -------------------------------------------------------------------------------------------

export const ITEM_KINDS = ['specialty', 'competence', 'age_band', 'absence_kind'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const configItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ITEM_KINDS),
  professionId: z.uuid().nullable(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  sort: z.number().int(),
  active: z.boolean(),
});
export type ConfigItemDto = z.infer<typeof configItemSchema>;

export const professionSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  licensed: z.boolean(),
  sort: z.number().int(),
  active: z.boolean(),
});
export type ProfessionDto = z.infer<typeof professionSchema>;

export const staffingConfigSchema = z.object({
  professions: z.array(professionSchema),
  items: z.array(configItemSchema),
  minCount: z.number().int(),
});
export type StaffingConfigDto = z.infer<typeof staffingConfigSchema>;

const itemName = z.string().trim().min(1, sm.nameRequired.code).max(TEXT_MAX, sm.textTooLong.code);
export const createProfessionSchema = z.strictObject({
  key: itemKeySchema,
  name: itemName,
  nameEn: itemName,
  licensed: z.boolean().default(false),
});
export const updateProfessionSchema = z.strictObject({
  name: itemName.optional(),
  nameEn: itemName.optional(),
  licensed: z.boolean().optional(),
  sort: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
const age = z.number().int(sm.wholeYears.code).min(0, sm.ageNotNegative.code).max(120, sm.ageTooHigh.code);
export const createItemSchema = z.strictObject({
  kind: z.enum(ITEM_KINDS),
  professionId: z.uuid().nullable().default(null),
  key: itemKeySchema,
  name: itemName,
  nameEn: itemName,
  minAge: age.nullable().default(null),
  maxAge: age.nullable().default(null),
});
export const updateItemSchema = z.strictObject({
  name: itemName.optional(),
  nameEn: itemName.optional(),
  sort: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});

// ---- periods -------------------------------------------------------------------------------------------------

export const PERIOD_KINDS = ['annual', 'quarterly'] as const;
export const statusCountsSchema = z.object({
  not_started: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  returned: z.number().int(),
});
export const periodSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  kind: z.enum(PERIOD_KINDS),
  referenceDate: z.string(),
  deadline: z.string(),
  closed: z.boolean(),
  createdAt: z.string(),
  statusCounts: statusCountsSchema,
});
export type PeriodDto = z.infer<typeof periodSchema>;

export const createPeriodSchema = z
  .strictObject({ label, kind: z.enum(PERIOD_KINDS).default('annual'), referenceDate: isoDate, deadline: isoDate })
  .refine((p) => p.deadline >= p.referenceDate, {
    path: ['deadline'],
    message: sm.deadlineBeforeReferenceDate.code,
  });
export const updatePeriodSchema = z.strictObject({
  label: label.optional(),
  deadline: isoDate.optional(),
  closed: z.boolean().optional(),
});

export const periodReportRowSchema = z.object({
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  status: reportStatusSchema,
  updatedAt: z.string().nullable(),
  lastComment: z.string().nullable(),
});
export const periodDetailSchema = periodSchema.extend({ reports: z.array(periodReportRowSchema) });

// ---- reports -------------------------------------------------------------------------------------------------

const measureKeys = MEASURES.map((d) => d.key) as [string, ...string[]];
const factValue = z
  .number({ error: sm.enterNumber.code })
  .finite(sm.enterNumber.code)
  .min(0, sm.valueNegative.code)
  .max(Math.max(...Object.values(MAX_VALUE)), sm.valueTooLarge.code);
export const factSchema = z.strictObject({
  measure: z.enum(measureKeys, sm.unknownMeasure.code),
  profession: z.string().min(1).max(40),
  breakdown: z.string().max(40).default(''),
  value: factValue,
});
export const saveFactsSchema = z.strictObject({
  facts: z.array(factSchema).max(STAFFING_LIMITS.factsPerReport, sm.tooManyValues.code),
});
export const reportParamsSchema = z.strictObject({ periodId: z.uuid(), municipalityId: z.uuid() });
export const returnReportSchema = z.strictObject({
  comment: z.string().trim().min(1, sm.returnCommentRequired.code).max(STAFFING_LIMITS.comment, sm.commentTooLong.code),
});
export const emptyBodySchema = z.strictObject({}).optional();

export const transitionSchema = z.object({
  fromStatus: reportStatusSchema,
  toStatus: reportStatusSchema,
  comment: z.string().nullable(),
  at: z.string(),
  actorName: z.string(),
});
export const reportSchema = z.object({
  periodId: z.uuid(),
  periodLabel: z.string(),
  deadline: z.string(),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  status: reportStatusSchema,
  facts: z.array(factSchema),
  previous: z.object({ periodId: z.uuid(), label: z.string(), facts: z.array(factSchema) }).nullable(),
  /** The form warns (not refuses) where a value changed more than this share since `previous` (0.1 = 10 %). */
  warnShare: z.number(),
  history: z.array(transitionSchema),
  updatedAt: z.string().nullable(),
  permissions: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
  }),
});
export type ReportDto = z.infer<typeof reportSchema>;

// ---- imports -------------------------------------------------------------------------------------------------

export const importChangeSchema = z.object({
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  sheet: z.string(),
  cell: z.string(),
  key: z.string(),
  old: z.number().nullable(),
  new: z.number().nullable(),
});
export const importPreviewSchema = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  fileName: z.string(),
  status: z.enum(['pending', 'applied', 'discarded']),
  municipalities: z.array(z.object({ id: z.uuid(), name: z.string(), changeCount: z.number().int() })),
  changes: z.array(importChangeSchema),
  unchangedCount: z.number().int(),
  createdAt: z.string(),
});
export type ImportPreviewDto = z.infer<typeof importPreviewSchema>;
export const importParamsSchema = z.strictObject({ id: z.uuid() });
export const importQuerySchema = z.strictObject({
  /** For integrations: apply at once when the file is valid, without a separate confirmation. */
  confirm: z.enum(['true', 'false']).optional(),
  /** For integrations: submit the imported reports after applying. */
  submit: z.enum(['true', 'false']).optional(),
});
export const templateQuerySchema = z.strictObject({ municipalityId: z.uuid().optional() });

// ---- comparison, profile, open statistics --------------------------------------------------------------------

/** A published value: a number, ".." when suppressed (small count), or null when not reported. */
export const cellSchema = z.union([z.number(), z.literal('..'), z.null()]);
export type Cell = z.infer<typeof cellSchema>;
export const SUPPRESSED = '..' as const;

export const ratioKeySchema = z.enum(RATIOS);
export const comparisonQuerySchema = z.strictObject({
  periodId: z.uuid(),
  profession: z.string().min(1).max(40).default('all'),
});
export const exportFormatSchema = z.enum(['xlsx', 'csv']);
export const comparisonExportQuerySchema = comparisonQuerySchema.extend({
  format: exportFormatSchema.default('xlsx'),
  columns: z.string().max(2000).optional(),
});
export const columnSchema = z.object({
  key: z.string(),
  label: z.object({ sv: z.string(), en: z.string() }),
  kind: z.enum(['population', 'persons', 'fte', 'positions']),
});
export const comparisonRowSchema = z.object({
  municipalityId: z.uuid(),
  /** SCB's municipality code (the region map's key); null for a municipality no longer active. */
  code: z.string().nullable(),
  name: z.string(),
  status: reportStatusSchema,
  values: z.record(z.string(), cellSchema),
  ratios: z.record(ratioKeySchema, cellSchema),
});
export const publicationMetaSchema = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  municipalities: z.number().int(),
});
export type PublicationMetaDto = z.infer<typeof publicationMetaSchema>;

/** The answer to "Publicera": whether a new publication was made, and the latest one. */
export const publishOutcomeSchema = z.object({
  made: z.boolean(),
  reason: z.enum(['unchanged', 'nothing_approved']).nullable(),
  publication: z
    .object({
      version: z.number().int(),
      publishedAt: z.string(),
      municipalities: z.number().int(),
      hidden: z.number().int(),
      stats: z.record(z.string(), z.number()),
    })
    .nullable(),
});
export type PublishOutcomeDto = z.infer<typeof publishOutcomeSchema>;

export const comparisonSchema = z.object({
  period: z.object({ id: z.uuid(), label: z.string(), referenceDate: z.string() }),
  profession: z.string(),
  columns: z.array(columnSchema),
  rows: z.array(comparisonRowSchema),
  total: z.object({ values: z.record(z.string(), cellSchema), ratios: z.record(ratioKeySchema, cellSchema) }),
  median: z.object({ ratios: z.record(ratioKeySchema, cellSchema) }),
  minCount: z.number().int(),
  /** Whose figures the viewer sees unsuppressed: 'all' (regional admins), a municipality id, or none. */
  unsuppressedFor: z.union([z.literal('all'), z.uuid(), z.null()]),
  /** The stored publication other municipalities' figures come from (decision 016); null before the first. */
  publication: publicationMetaSchema.nullable(),
  /** How many of the active municipalities have approved reports in the view, and the others by name. */
  coverage: z.object({ approved: z.number().int(), total: z.number().int(), missing: z.array(z.string()) }),
});
export type ComparisonDto = z.infer<typeof comparisonSchema>;

export const profileQuerySchema = z.strictObject({
  periodId: z.uuid(),
  profession: z.string().min(1).max(40).default('all'),
});
export const profileParamsSchema = z.strictObject({ municipalityId: z.uuid() });
/** The profile's tables, each downloadable on its own: key ratios, breakdowns, key ratios over the periods. */
export const PROFILE_TABLES = ['ratios', 'breakdowns', 'trend'] as const;
export type ProfileTable = (typeof PROFILE_TABLES)[number];
export const profileExportQuerySchema = profileQuerySchema.extend({
  format: exportFormatSchema.default('xlsx'),
  table: z.enum(PROFILE_TABLES).default('ratios'),
});
/** A table's download that takes nothing but the format. */
export const formatQuerySchema = z.strictObject({ format: exportFormatSchema.default('xlsx') });
export const breakdownSeriesSchema = z.object({
  measure: z.string(),
  items: z.array(z.object({ key: z.string(), municipality: cellSchema, regionTotal: cellSchema })),
});
export const profileSchema = z.object({
  period: z.object({ id: z.uuid(), label: z.string(), referenceDate: z.string() }),
  municipality: z.object({ id: z.uuid(), name: z.string(), status: reportStatusSchema }),
  profession: z.string(),
  values: z.record(z.string(), cellSchema),
  regionTotalValues: z.record(z.string(), cellSchema),
  ratios: z.record(ratioKeySchema, cellSchema),
  regionTotal: z.record(ratioKeySchema, cellSchema),
  regionMedian: z.record(ratioKeySchema, cellSchema),
  breakdowns: z.array(breakdownSeriesSchema),
  trend: z.array(
    z.object({
      periodId: z.uuid(),
      label: z.string(),
      ratios: z.record(ratioKeySchema, cellSchema),
      regionTotal: z.record(ratioKeySchema, cellSchema),
      regionMedian: z.record(ratioKeySchema, cellSchema),
    }),
  ),
});
export type ProfileDto = z.infer<typeof profileSchema>;

export const publicPeriodSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  referenceDate: z.string(),
  /** A closed round: the open statistics open on the newest closed one, not a round in progress. */
  closed: z.boolean(),
});
export const publicProfessionSchema = z.object({ key: z.string(), name: z.string(), nameEn: z.string() });
export type PublicProfessionDto = z.infer<typeof publicProfessionSchema>;
