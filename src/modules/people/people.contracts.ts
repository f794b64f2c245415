// The staff register (Personal och enheter, decision 015): each municipality's units as a tree and the persons
// relevant to competence work. Schemas shared by server and web — and the door later modules use (with
// people-lookup.service.ts): joint trainings, mentorship, development plans and ESF reporting refer to persons by id.
import { z } from 'zod';
import type { MessageFn } from '../../platform/shared/messages.ts';
import { peopleMessages as pm } from './people.messages.ts';

export const UNIT_KINDS = ['home_care', 'special_housing', 'home_health_care', 'rehabilitation', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const EMPLOYMENT_FORMS = ['permanent', 'fixed_term', 'hourly'] as const;
export type EmploymentForm = (typeof EMPLOYMENT_FORMS)[number];

export const PEOPLE_LIMITS = {
  /** Data rows an HR file may have (a large municipality's care staff, with room to spare). */
  importRows: 30_000,
  importColumns: 30,
  uploadBytes: 10 * 1024 * 1024,
  /** Rows of each kind the preview lists (the counts are always complete). */
  previewRows: 200,
  /** Cell errors the preview and a 422 list at most (the count is always complete). */
  previewErrors: 1_000,
  pageSizes: [25, 50, 100] as const,
  unitsPerMunicipality: 2_000,
  managersPerUnit: 20,
} as const;

const TOO_LONG = { 30: pm.tooLong30, 100: pm.tooLong100, 254: pm.tooLong254 } as const;
const text = (max: keyof typeof TOO_LONG, required: MessageFn) =>
  z.string().trim().min(1, required.code).max(max, TOO_LONG[max].code);
const optionalText = (max: keyof typeof TOO_LONG) =>
  z
    .string()
    .trim()
    .max(max, TOO_LONG[max].code)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** Text a spreadsheet would read as a formula is refused in every name, also outside the import. */
const FORMULA_START = /^[=+\-@\t\r]/;
const plainText = (max: keyof typeof TOO_LONG, required: MessageFn) =>
  text(max, required).refine((v) => !FORMULA_START.test(v), pm.formulaLike.code);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, pm.dateInvalid.code)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, pm.dateInvalid.code);

export const EMPLOYEE_NUMBER = /^[\p{L}\p{N}._\-/]+$/u;

export const idParamsSchema = z.object({ id: z.uuid({ error: pm.invalidId.code }) });

// ---- units ----

export const unitManagerSchema = z.object({ userId: z.string(), name: z.string(), email: z.string() });

export const unitSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  active: z.boolean(),
  managers: z.array(unitManagerSchema),
  /** Current staff of the unit itself (not its sub-units) that the caller may see. */
  personCount: z.number().int(),
});
export type UnitDto = z.infer<typeof unitSchema>;

export const unitTreeQuerySchema = z.strictObject({ municipalityId: z.uuid({ error: pm.invalidId.code }).optional() });

export const unitTreeSchema = z.object({
  /** Null for a regional admin who has not chosen a municipality (the list then spans every municipality). */
  municipality: z.object({ id: z.uuid(), name: z.string(), code: z.string().nullable() }).nullable(),
  /** Every unit of the municipality, parents before children, siblings in Swedish order. */
  units: z.array(unitSchema),
  /** The units whose people the caller sees (every unit for an admin; a manager's own and those below). */
  visibleUnitIds: z.array(z.uuid()),
  canManageUnits: z.boolean(),
  canManagePeople: z.boolean(),
  /** The region's active professions (the staffing configuration's), for forms and filters. */
  professions: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string() })),
});
export type UnitTreeDto = z.infer<typeof unitTreeSchema>;

export const createUnitSchema = z.strictObject({
  /** Only a regional admin chooses the municipality; a municipal admin's units are their own municipality's. */
  municipalityId: z.uuid({ error: pm.chooseMunicipality.code }).optional(),
  parentId: z.uuid({ error: pm.invalidId.code }).nullable().default(null),
  name: plainText(100, pm.unitNameRequired),
  code: optionalText(30).default(null),
  kind: z.enum(UNIT_KINDS, { error: pm.unitKindRequired.code }),
});
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = z
  .strictObject({
    parentId: z.uuid({ error: pm.invalidId.code }).nullable().optional(),
    name: plainText(100, pm.unitNameRequired).optional(),
    code: optionalText(30).optional(),
    kind: z.enum(UNIT_KINDS, { error: pm.unitKindRequired.code }).optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, pm.changeAField.code);
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

export const unitManagersInputSchema = z.strictObject({
  userIds: z.array(z.string().min(1)).max(PEOPLE_LIMITS.managersPerUnit),
});

export const managerCandidatesSchema = z.object({ candidates: z.array(unitManagerSchema) });

// ---- persons ----

export const PERSON_SORTS = ['name', 'employeeNumber', 'unit', 'profession', 'start', 'end', 'rate'] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];
export const PERSON_STATUSES = ['current', 'ended', 'all'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const personListQuerySchema = z.strictObject({
  /** A regional admin may leave it out (every municipality); everyone else sees their own. */
  municipalityId: z.uuid({ error: pm.invalidId.code }).optional(),
  /** The unit and every unit below it. */
  unitId: z.uuid({ error: pm.invalidId.code }).optional(),
  q: z.string().trim().max(100, pm.tooLong100.code).optional(),
  profession: z.string().trim().max(60).optional(),
  form: z.enum(EMPLOYMENT_FORMS).optional(),
  status: z.enum(PERSON_STATUSES).default('current'),
  sort: z.enum(PERSON_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1, pm.pageInvalid.code).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PEOPLE_LIMITS.pageSizes as readonly number[]).includes(n), pm.pageInvalid.code)
    .default(25),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personSummarySchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  municipalityName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  employeeNumber: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  professionKey: z.string(),
  employmentForm: z.enum(EMPLOYMENT_FORMS),
  employmentRate: z.number().nullable(),
  employmentStart: z.string(),
  employmentEnd: z.string().nullable(),
  /** Employed today (no end date, or one today or later). */
  current: z.boolean(),
});
export type PersonSummaryDto = z.infer<typeof personSummarySchema>;

export const personPageSchema = z.object({
  items: z.array(personSummarySchema),
  /** The matches, counted up to 1,000 (`totalCapped` when there are more: narrow the filter to page further). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PersonPageDto = z.infer<typeof personPageSchema>;

export const personChangeSchema = z.object({
  field: z.string(),
  from: z.union([z.string(), z.number(), z.null()]),
  to: z.union([z.string(), z.number(), z.null()]),
});
export type PersonChangeDto = z.infer<typeof personChangeSchema>;

export const personEventSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: z.enum(['created', 'changed', 'ended', 'anonymised']),
  actorName: z.string().nullable(),
  byToken: z.boolean(),
  byImport: z.boolean(),
  changes: z.array(personChangeSchema),
});
export type PersonEventDto = z.infer<typeof personEventSchema>;

export const personSchema = personSummarySchema.extend({
  /** The profession's names, for pages that have no list of professions (the employee's own record). */
  professionName: z.object({ sv: z.string(), en: z.string() }),
  email: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  /** The units from the top of the tree down to the person's own. */
  unitPath: z.array(z.string()),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  history: z.array(personEventSchema),
  canEdit: z.boolean(),
  canExtract: z.boolean(),
});
export type PersonDto = z.infer<typeof personSchema>;

const rate = z
  .number({ error: pm.rateInvalid.code })
  .gt(0, pm.rateInvalid.code)
  .max(100, pm.rateInvalid.code)
  .transform((v) => Math.round(v * 10) / 10);

const personFields = {
  unitId: z.uuid({ error: pm.chooseUnit.code }),
  firstName: plainText(100, pm.firstNameRequired),
  lastName: plainText(100, pm.lastNameRequired),
  email: z
    .union([z.literal(''), z.email({ error: pm.emailInvalid.code }).max(254, pm.tooLong254.code)])
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .nullable(),
  professionKey: z.string({ error: pm.chooseProfession.code }).trim().min(1, pm.chooseProfession.code).max(60),
  employmentForm: z.enum(EMPLOYMENT_FORMS, { error: pm.chooseForm.code }),
  employmentRate: rate.nullable(),
  employmentStart: isoDate,
  employmentEnd: isoDate.nullable(),
  birthYear: z
    .number({ error: pm.birthYearInvalid.code })
    .int(pm.birthYearInvalid.code)
    .min(1930, pm.birthYearInvalid.code)
    .max(new Date().getUTCFullYear() - 14, pm.birthYearInvalid.code)
    .nullable(),
  employeeNumber: z
    .string()
    .trim()
    .max(30, pm.tooLong30.code)
    .refine((v) => v === '' || EMPLOYEE_NUMBER.test(v), pm.employeeNumberInvalid.code)
    .transform((v) => (v === '' ? null : v))
    .nullable(),
};

/** The rules between fields: an end not before the start, a rate except for hourly employment. */
function checkEmployment(
  v: {
    employmentForm?: EmploymentForm;
    employmentRate?: number | null;
    employmentStart?: string;
    employmentEnd?: string | null;
  },
  ctx: z.RefinementCtx,
) {
  if (v.employmentStart && v.employmentEnd && v.employmentEnd < v.employmentStart) {
    ctx.addIssue({ code: 'custom', path: ['employmentEnd'], message: pm.endBeforeStart.code });
  }
  if (v.employmentForm === 'hourly' && v.employmentRate != null) {
    ctx.addIssue({ code: 'custom', path: ['employmentRate'], message: pm.rateForHourly.code });
  }
  if (v.employmentForm && v.employmentForm !== 'hourly' && v.employmentRate === null) {
    ctx.addIssue({ code: 'custom', path: ['employmentRate'], message: pm.rateRequired.code });
  }
}

export const createPersonSchema = z
  .strictObject({
    /** Only a regional admin chooses; everyone else's persons are their own municipality's (the unit's, anyway). */
    municipalityId: z.uuid({ error: pm.chooseMunicipality.code }).optional(),
    ...personFields,
    email: personFields.email.default(null),
    employmentRate: personFields.employmentRate.default(null),
    employmentEnd: personFields.employmentEnd.default(null),
    birthYear: personFields.birthYear.default(null),
    employeeNumber: personFields.employeeNumber.default(null),
  })
  .superRefine(checkEmployment);
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

export const updatePersonSchema = z
  .strictObject({
    unitId: personFields.unitId.optional(),
    firstName: personFields.firstName.optional(),
    lastName: personFields.lastName.optional(),
    email: personFields.email.optional(),
    professionKey: personFields.professionKey.optional(),
    employmentForm: personFields.employmentForm.optional(),
    employmentRate: personFields.employmentRate.optional(),
    employmentStart: personFields.employmentStart.optional(),
    employmentEnd: personFields.employmentEnd.optional(),
    birthYear: personFields.birthYear.optional(),
    employeeNumber: personFields.employeeNumber.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, pm.changeAField.code);
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;

export const myRecordSchema = z.object({ persons: z.array(personSchema) });

// ---- the HR import ----

export const importQuerySchema = z.strictObject({
  /** Only a regional admin chooses; everyone else imports into their own municipality. */
  municipalityId: z.uuid({ error: pm.invalidId.code }).optional(),
  /** Integrations: apply at once when the file has no errors (the nightly sync). */
  confirm: z.enum(['true', 'false']).optional(),
  /** With confirm: mark persons missing from the file as ended. */
  endMissing: z.enum(['true', 'false']).optional(),
});

export const importTemplateQuerySchema = z.strictObject({ file: z.enum(['xlsx', 'csv']).default('xlsx') });

export const importCellErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportCellErrorDto = z.infer<typeof importCellErrorSchema>;

export const importRowSchema = z.object({
  row: z.number().int(),
  employeeNumber: z.string(),
  name: z.string(),
  unitName: z.string(),
  /** For a changed or ended person: each field that changes. */
  changes: z.array(personChangeSchema),
});
export type ImportRowDto = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z.object({
  /** The stored preview to confirm, or null when the file has errors or changes nothing. */
  id: z.uuid().nullable(),
  fileName: z.string(),
  fileType: z.enum(['xlsx', 'csv']),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  /** The persons a manager's import may touch: their units (null: the whole municipality). */
  scopeUnits: z.array(z.string()).nullable(),
  counts: z.object({
    rows: z.number().int(),
    new: z.number().int(),
    changed: z.number().int(),
    ended: z.number().int(),
    unchanged: z.number().int(),
    missing: z.number().int(),
    errors: z.number().int(),
  }),
  errors: z.array(importCellErrorSchema),
  new: z.array(importRowSchema),
  changed: z.array(importRowSchema),
  ended: z.array(importRowSchema),
  /** Current persons with an employee number that the file does not hold (can be ended on confirm). */
  missing: z.array(z.object({ employeeNumber: z.string(), name: z.string(), unitName: z.string() })),
  /** Whether a list above was cut at `PEOPLE_LIMITS.previewRows` (or errors at `previewErrors`). */
  truncated: z.boolean(),
  /** Set when `?confirm=true` applied it at once. */
  result: z
    .object({
      created: z.number().int(),
      changed: z.number().int(),
      ended: z.number().int(),
      endedMissing: z.number().int(),
    })
    .nullable(),
});
export type ImportPreviewDto = z.infer<typeof importPreviewSchema>;

export const confirmImportSchema = z.strictObject({ endMissing: z.boolean().default(false) });

export const importResultSchema = z.object({
  created: z.number().int(),
  changed: z.number().int(),
  ended: z.number().int(),
  endedMissing: z.number().int(),
});
export type ImportResultDto = z.infer<typeof importResultSchema>;

// ---- the register extract ----

export const extractSectionSchema = z.object({
  module: z.string(),
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

export const extractSchema = z.object({
  generatedAt: z.string(),
  person: z.object({ id: z.uuid(), name: z.string(), municipality: z.string(), employeeNumber: z.string().nullable() }),
  sections: z.array(extractSectionSchema),
});
export type ExtractDto = z.infer<typeof extractSchema>;
export type ExtractSectionDto = z.infer<typeof extractSectionSchema>;

export const extractFileQuerySchema = z.strictObject({ format: z.enum(['xlsx', 'json']).default('xlsx') });

// ---- retention ----

export const retentionRuleSchema = z.object({
  key: z.string(),
  data: z.string(),
  rule: z.string(),
  enforcement: z.string(),
  /** The chosen period of a configurable rule, else null. */
  months: z.number().int().nullable(),
  defaultMonths: z.number().int().nullable(),
  minMonths: z.number().int().nullable(),
  maxMonths: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type RetentionRuleDto = z.infer<typeof retentionRuleSchema>;

export const retentionSchema = z.object({
  rules: z.array(retentionRuleSchema),
  canConfigure: z.boolean(),
  /** Persons the register's rule would anonymise tonight, and of them those a module holds longer. */
  due: z.object({ persons: z.number().int(), held: z.number().int() }),
});
export type RetentionDto = z.infer<typeof retentionSchema>;

export const retentionKeyParamsSchema = z.object({ key: z.string().min(1).max(100) });
export const retentionUpdateSchema = z.strictObject({ months: z.number().int() });

// ---- what later modules see of a person (people-lookup.service.ts) ----

/** A person as other modules see them: no e-mail, birth year or history. */
export type PersonRef = {
  id: string;
  organisationId: string;
  name: string;
  unitId: string;
  unitName: string;
  professionKey: string;
  employmentForm: EmploymentForm;
  employmentStart: string;
  employmentEnd: string | null;
  userId: string | null;
  anonymised: boolean;
};

/** A unit as other modules see it. */
export type UnitRef = {
  id: string;
  organisationId: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  active: boolean;
};
