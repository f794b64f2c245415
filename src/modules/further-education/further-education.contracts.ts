// Contracts of further education (Vidareutbildning, decision 026): training models, adoptions with their steps and
// documents, the region's overview and map, and training posts — shared by the server and the web.
import { z } from 'zod';
import { storedFileSchema } from '../../platform/shared/files.ts';
import { furtherEducationMessages as fm } from './further-education.messages.ts';

export const ADOPTION_STATUSES = ['proposed', 'decided', 'signed', 'in_operation', 'declined'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];
/** The way forward, one step at a time; `declined` may follow any step before operation, `proposed` a decline. */
export const STATUS_ORDER: readonly AdoptionStatus[] = ['proposed', 'decided', 'signed', 'in_operation'];
export const ADOPTION_FORMS = ['local_collective_agreement', 'employer_agreement'] as const;
export type AdoptionForm = (typeof ADOPTION_FORMS)[number];
export const DOCUMENT_KINDS = ['agreement', 'decision', 'other'] as const;
export const POST_STATUSES = ['in_training', 'finished', 'interrupted'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** The statuses that may follow a status. */
export function nextStatuses(status: AdoptionStatus): AdoptionStatus[] {
  if (status === 'declined') return ['proposed'];
  if (status === 'in_operation') return [];
  const next = STATUS_ORDER[STATUS_ORDER.indexOf(status) + 1];
  return next ? [next, 'declined'] : ['declined'];
}

const isoDate = z.iso.date({ error: fm.invalidDate.code });
const text = (max: number) => z.string().trim().max(max);

export const modelInputSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .optional(),
  name: text(120).min(1),
  professions: z.array(z.string().min(1).max(40)).min(1).max(10),
  payPercent: z.number().int().min(0).max(100),
  studyPacePercent: z.number().int().min(1).max(100),
  clinicalPercent: z.number().int().min(0).max(100).nullable(),
  lengthMonths: z.number().int().min(1).max(120),
  specialistPostAfter: z.boolean(),
  bindingMonths: z.number().int().min(0).max(120),
  costs: text(2000),
  notes: text(4000),
  active: z.boolean().default(true),
});
export type ModelInput = z.infer<typeof modelInputSchema>;

export const modelSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  professions: z.array(z.string()),
  payPercent: z.number(),
  studyPacePercent: z.number(),
  clinicalPercent: z.number().nullable(),
  lengthMonths: z.number(),
  specialistPostAfter: z.boolean(),
  bindingMonths: z.number(),
  costs: z.string(),
  notes: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type ModelDto = z.infer<typeof modelSchema>;
export const modelsSchema = z.object({ models: z.array(modelSchema), canEdit: z.boolean() });
export type ModelsDto = z.infer<typeof modelsSchema>;

export const stepSchema = z.object({
  id: z.uuid(),
  status: z.enum(ADOPTION_STATUSES),
  date: z.string(),
  decisionBody: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  documents: z.array(storedFileSchema.extend({ kind: z.enum(DOCUMENT_KINDS) })),
});
export type StepDto = z.infer<typeof stepSchema>;

export const adoptionSchema = z.object({
  id: z.uuid(),
  modelId: z.uuid(),
  modelName: z.string(),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  form: z.enum(ADOPTION_FORMS).nullable(),
  status: z.enum(ADOPTION_STATUSES),
  statusDate: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  /** Every step, oldest first (the history). */
  steps: z.array(stepSchema),
  next: z.array(z.enum(ADOPTION_STATUSES)),
  canEdit: z.boolean(),
});
export type AdoptionDto = z.infer<typeof adoptionSchema>;

export const createAdoptionSchema = z.strictObject({
  modelId: z.uuid(),
  municipalityId: z.uuid(),
  form: z.enum(ADOPTION_FORMS).nullable().default(null),
  date: isoDate,
  decisionBody: text(200),
  note: text(2000).default(''),
  contactName: text(200).default(''),
  contactEmail: z.union([z.literal(''), z.email().max(200)]).default(''),
});
export type CreateAdoptionInput = z.infer<typeof createAdoptionSchema>;

export const updateAdoptionSchema = z.strictObject({
  form: z.enum(ADOPTION_FORMS).nullable().optional(),
  contactName: text(200).optional(),
  contactEmail: z.union([z.literal(''), z.email().max(200)]).optional(),
});
export type UpdateAdoptionInput = z.infer<typeof updateAdoptionSchema>;

export const stepInputSchema = z.strictObject({
  status: z.enum(ADOPTION_STATUSES),
  date: isoDate,
  decisionBody: text(200).min(1),
  note: text(2000).default(''),
  /** Uploaded documents (POST …/documents) to attach to this step, all of one kind. */
  documentIds: z.array(z.uuid()).max(10).default([]),
  documentKind: z.enum(DOCUMENT_KINDS).default('agreement'),
});
export type StepInput = z.infer<typeof stepInputSchema>;

/** The overview of one model: every active municipality's adoption (or none), for the table and the map. */
export const adoptionOverviewSchema = z.object({
  models: z.array(z.object({ id: z.uuid(), name: z.string() })),
  modelId: z.uuid().nullable(),
  municipalities: z.array(
    z.object({
      municipalityId: z.uuid(),
      name: z.string(),
      code: z.string().nullable(),
      adoptionId: z.uuid().nullable(),
      status: z.enum(ADOPTION_STATUSES).nullable(),
      statusDate: z.string().nullable(),
      form: z.enum(ADOPTION_FORMS).nullable(),
      documents: z.number(),
      canEdit: z.boolean(),
    }),
  ),
  counts: z.record(z.string(), z.number()),
});
export type AdoptionOverviewDto = z.infer<typeof adoptionOverviewSchema>;
export const overviewQuerySchema = z.strictObject({ modelId: z.uuid().optional() });

export const postInputSchema = z.strictObject({
  personId: z.uuid(),
  professionKey: z.string().min(1).max(40),
  programme: text(200).min(1),
  specialtyKey: z.string().max(40).nullable().default(null),
  modelId: z.uuid().nullable().default(null),
  startDate: isoDate,
  expectedEnd: isoDate,
  pacePercent: z.number().int().min(1).max(100),
  status: z.enum(POST_STATUSES).default('in_training'),
});
export type PostInput = z.infer<typeof postInputSchema>;
export const updatePostSchema = postInputSchema.omit({ personId: true }).partial().strict();
export type UpdatePostInput = z.infer<typeof updatePostSchema>;

export const postSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  unitName: z.string(),
  professionKey: z.string(),
  programme: z.string(),
  specialtyKey: z.string().nullable(),
  modelId: z.uuid().nullable(),
  modelName: z.string().nullable(),
  startDate: z.string(),
  expectedEnd: z.string(),
  pacePercent: z.number(),
  status: z.enum(POST_STATUSES),
});
export type PostDto = z.infer<typeof postSchema>;
export const postsQuerySchema = z.strictObject({ municipalityId: z.uuid().optional() });
export const postsSchema = z.object({ posts: z.array(postSchema), canEdit: z.boolean() });
export type PostsDto = z.infer<typeof postsSchema>;

export const personChoicesQuerySchema = z.strictObject({
  q: z.string().max(100).default(''),
  municipalityId: z.uuid().optional(),
});
export const personChoicesSchema = z.object({
  persons: z.array(
    z.object({ id: z.uuid(), name: z.string(), unitName: z.string(), professionKey: z.string().nullable() }),
  ),
});

export const optionsSchema = z.object({
  professions: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string() })),
  specialties: z.array(z.object({ professionKey: z.string(), key: z.string(), name: z.string(), nameEn: z.string() })),
  municipalities: z.array(z.object({ id: z.uuid(), name: z.string() })),
  models: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Municipalities whose adoptions the caller may change; and whose training posts. */
  adoptionMunicipalities: z.array(z.uuid()),
  postMunicipalities: z.array(z.uuid()),
});
export type OptionsDto = z.infer<typeof optionsSchema>;

/** The steering group's overview: each model's status counts and the expected new specialists per year. */
export const steeringOverviewSchema = z.object({
  models: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      counts: z.record(z.string(), z.number()),
      notStarted: z.number(),
    }),
  ),
  /** Expected ends of ongoing training posts per year and profession, region-wide (small counts as ".."). */
  specialists: z.object({
    years: z.array(z.number()),
    professions: z.array(z.object({ key: z.string(), perYear: z.array(z.union([z.number(), z.literal('..')])) })),
  }),
});
export type SteeringOverviewDto = z.infer<typeof steeringOverviewSchema>;
