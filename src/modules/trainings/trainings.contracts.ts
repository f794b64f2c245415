// Web trainings (Webbutbildningar): a public catalogue of free digital trainings that anyone signed in may add to,
// reviewed by the region and the MAS network. Zod schemas, limits and enums shared by the server and the web forms.
import { z } from 'zod';
import type { MessageFn } from '../../platform/shared/messages.ts';
import { parseTrainingUrl } from './training-link.ts';
import { trainingsMessages as tm } from './trainings.messages.ts';

export const TRAINING_FORMATS = ['video', 'course', 'podcast', 'document'] as const;
export const TRAINING_LANGUAGES = ['sv', 'en', 'other'] as const;
export const TRAINING_STATUSES = ['suggested', 'approved', 'needs_change', 'removed'] as const;
/** Length filters of the catalogue: up to 15 minutes, 16–60, over an hour. */
export const TRAINING_LENGTHS = ['short', 'medium', 'long'] as const;
export const LENGTH_BOUNDS: Record<(typeof TRAINING_LENGTHS)[number], { min: number; max: number | null }> = {
  short: { min: 0, max: 15 },
  medium: { min: 16, max: 60 },
  long: { min: 61, max: null },
};
export const TRAININGS_LIMITS = { pageSize: 20, maxPageSize: 100, maxQuery: 200, maxTokens: 8 } as const;

export type TrainingFormat = (typeof TRAINING_FORMATS)[number];
export type TrainingLanguage = (typeof TRAINING_LANGUAGES)[number];
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
export type TrainingLength = (typeof TRAINING_LENGTHS)[number];

/** Which status a reviewer may set from each status. Approving an approved item confirms it (a new review date). */
export const TRAINING_TRANSITIONS: Record<TrainingStatus, readonly TrainingStatus[]> = {
  suggested: ['approved', 'needs_change', 'removed'],
  approved: ['approved', 'needs_change', 'removed'],
  needs_change: ['approved', 'removed'],
  removed: [],
};

type Say = (message: MessageFn) => string;
/** A Zod message is the message's code (translated on the way out, and by the forms). */
const code: Say = (message) => message.code;

const TOO_LONG = { 80: tm.tooLong80, 120: tm.tooLong120, 200: tm.tooLong200, 2000: tm.tooLong2000 } as const;
const textOf = (say: Say) => (max: keyof typeof TOO_LONG, required: MessageFn) =>
  z.string().trim().min(1, say(required)).max(max, say(TOO_LONG[max]));
const text = textOf(code);

const trainingUrlOf = (say: Say) =>
  z
    .string()
    .trim()
    .min(1, say(tm.linkRequired))
    .max(2000, say(tm.tooLong2000))
    .refine((v) => parseTrainingUrl(v) !== null, say(tm.linkInvalid));
export const trainingUrlSchema = trainingUrlOf(code);

/** The fields of an item, shared by the suggestion and the reviewer's correction, with their messages as `say` gives them. */
function trainingFieldsOf(say: Say) {
  const text = textOf(say);
  return {
    title: text(200, tm.titleRequired),
    provider: text(200, tm.providerRequired),
    url: trainingUrlOf(say),
    description: z.string().trim().max(2000, say(tm.tooLong2000)),
    lengthMinutes: z
      .number({ error: say(tm.lengthRequired) })
      .int(say(tm.lengthWholeMinutes))
      .min(1, say(tm.lengthAtLeastOne))
      .max(10_000, say(tm.lengthTooLong)),
    format: z.enum(TRAINING_FORMATS, { error: say(tm.chooseFormat) }),
    language: z.enum(TRAINING_LANGUAGES, { error: say(tm.chooseLanguage) }),
    professions: z.array(z.string().min(1).max(60)).min(1, say(tm.chooseProfession)).max(20),
    topics: z.array(z.string().min(1).max(60)).max(10, say(tm.tooManyTopics)),
  };
}
const suggestionOf = (say: Say) => {
  const fields = trainingFieldsOf(say);
  return z.strictObject({ ...fields, description: fields.description.default(''), topics: fields.topics.default([]) });
};
const trainingFields = trainingFieldsOf(code);

/** A suggestion, its messages codes: the route's body and the suggestion form. */
export const suggestTrainingBodySchema = suggestionOf(code);
/**
 * The same suggestion with its messages in Swedish, for the link-list import (catalogue-import.ts), which words its
 * cell errors ("Rad 7, kolumn Länk: …") in Swedish from the issues' messages. It goes once the import translates the
 * codes of suggestTrainingBodySchema itself.
 */
export const suggestTrainingSchema = suggestionOf((message) => message.wording.sv);
export type SuggestTrainingInput = z.infer<typeof suggestTrainingBodySchema>;

/** A reviewer corrects an item (after "needs change"): any of the fields; the status is changed by a transition. */
export const updateTrainingSchema = z
  .strictObject({
    title: trainingFields.title.optional(),
    provider: trainingFields.provider.optional(),
    url: trainingFields.url.optional(),
    description: trainingFields.description.optional(),
    lengthMinutes: trainingFields.lengthMinutes.optional(),
    format: trainingFields.format.optional(),
    language: trainingFields.language.optional(),
    professions: trainingFields.professions.optional(),
    topics: trainingFields.topics.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, tm.changeAField.code);
export type UpdateTrainingInput = z.infer<typeof updateTrainingSchema>;

export const transitionSchema = z
  .strictObject({
    status: z.enum(['approved', 'needs_change', 'removed']),
    comment: z.string().trim().max(2000, tm.tooLong2000.code).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'needs_change' && !v.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: tm.commentRequired.code });
    }
  });

export const createTopicSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, tm.topicKeyFormat.code),
  name: text(80, tm.nameRequired),
  nameEn: text(80, tm.nameRequired),
});

export const topicSchema = z.object({ key: z.string(), name: z.string(), nameEn: z.string() });
export type TopicDto = z.infer<typeof topicSchema>;
export type CreateTopicInput = z.infer<typeof createTopicSchema>;

/** The regional admin renames, reorders, deactivates or activates a topic; the key never changes (shared URLs). */
export const updateTopicSchema = z
  .strictObject({
    name: createTopicSchema.shape.name.optional(),
    nameEn: createTopicSchema.shape.nameEn.optional(),
    sort: z
      .number({ error: tm.sortWholeNumber.code })
      .int(tm.sortWholeNumber.code)
      .min(0, tm.sortNotNegative.code)
      .max(100_000, tm.sortTooHigh.code)
      .optional(),
    active: z.boolean({ error: tm.activeRequired.code }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, tm.changeAField.code);
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;

/** A topic as the regional admin manages it: inactive ones too, with how many items (not removed) have it. */
export const adminTopicSchema = topicSchema.extend({
  id: z.uuid(),
  sort: z.number().int(),
  active: z.boolean(),
  items: z.number().int(),
});
export type AdminTopicDto = z.infer<typeof adminTopicSchema>;
export const adminTopicListSchema = z.object({ topics: z.array(adminTopicSchema) });
export type AdminTopicListDto = z.infer<typeof adminTopicListSchema>;

export const catalogueProfessionSchema = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  licensed: z.boolean(),
});
export type CatalogueProfessionDto = z.infer<typeof catalogueProfessionSchema>;

export const catalogueFacetsSchema = z.object({
  professions: z.array(catalogueProfessionSchema),
  topics: z.array(topicSchema),
});
export type CatalogueFacetsDto = z.infer<typeof catalogueFacetsSchema>;

/** What the public sees of an item: no one's name or address. */
export const publicTrainingSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  provider: z.string(),
  url: z.string(),
  description: z.string(),
  lengthMinutes: z.number().int(),
  format: z.enum(TRAINING_FORMATS),
  language: z.enum(TRAINING_LANGUAGES),
  professions: z.array(z.string()),
  topics: z.array(topicSchema),
  addedAt: z.string(),
  lastReviewedAt: z.string().nullable(),
});
export type PublicTrainingDto = z.infer<typeof publicTrainingSchema>;

const optionalText = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.string().trim().max(TRAININGS_LIMITS.maxQuery).optional(),
);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());

export const catalogueQuerySchema = z.strictObject({
  q: optionalText,
  profession: optionalText,
  topic: optionalText,
  length: optionalEnum(TRAINING_LENGTHS),
  language: optionalEnum(TRAINING_LANGUAGES),
  format: optionalEnum(TRAINING_FORMATS),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(TRAININGS_LIMITS.maxPageSize).default(TRAININGS_LIMITS.pageSize),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

export const cataloguePageSchema = z.object({
  items: z.array(publicTrainingSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CataloguePageDto = z.infer<typeof cataloguePageSchema>;

/** Who did something, as a reviewer may see it: the name only within their own municipality (or for the region). */
const personSchema = z.object({ name: z.string().nullable(), organisation: z.string().nullable() });

export const transitionDtoSchema = z.object({
  fromStatus: z.enum(TRAINING_STATUSES).nullable(),
  toStatus: z.enum(TRAINING_STATUSES),
  comment: z.string().nullable(),
  by: personSchema,
  at: z.string(),
});

export const LINK_OUTCOMES = ['ok', 'moved', 'failing', 'blocked', 'timeout'] as const;

/** The link's health as the last check found it (link-check.ts); `broken` after two failing checks in a row. */
export const linkStatusSchema = z.object({
  checkedAt: z.string().nullable(),
  outcome: z.enum(LINK_OUTCOMES).nullable(),
  httpStatus: z.number().int().nullable(),
  failures: z.number().int(),
  broken: z.boolean(),
  /** Where a permanent redirect leads; the reviewer decides whether to change the link. */
  newUrl: z.string().nullable(),
});
export type LinkStatusDto = z.infer<typeof linkStatusSchema>;

export const reviewTrainingSchema = publicTrainingSchema.extend({
  status: z.enum(TRAINING_STATUSES),
  addedBy: personSchema,
  history: z.array(transitionDtoSchema),
  link: linkStatusSchema,
});
export type ReviewTrainingDto = z.infer<typeof reviewTrainingSchema>;

export const reviewQuerySchema = z.strictObject({
  /** open = suggested or needs change: what waits for a reviewer; links = items whose link is broken or moved. */
  status: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['open', 'links', ...TRAINING_STATUSES]).default('open'),
  ),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const reviewPageSchema = z.object({
  items: z.array(reviewTrainingSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReviewPageDto = z.infer<typeof reviewPageSchema>;

/** What the suggester gets back: the item as the catalogue will show it, and its status. */
export const suggestedTrainingSchema = publicTrainingSchema.extend({ status: z.enum(TRAINING_STATUSES) });
export type SuggestedTrainingDto = z.infer<typeof suggestedTrainingSchema>;

/** Swedish names of the statuses, for messages from the server. */
export const TRAINING_STATUS_SV: Record<TrainingStatus, string> = {
  suggested: 'föreslagen',
  approved: 'godkänd',
  needs_change: 'behöver ändras',
  removed: 'borttagen',
};

// ---- review rounds (Granskningsomgångar) ----

export const openRoundSchema = z.strictObject({
  name: text(120, tm.roundNameRequired),
  dueDate: z.iso.date({ error: tm.dateRequired.code }),
  assignBy: z.enum(['even', 'topic'], { error: tm.chooseAssignBy.code }).default('even'),
  /** The MAS users taking part; all active MAS users when left out. */
  reviewerIds: z.array(z.string().min(1).max(100)).max(500).optional(),
});
export type OpenRoundInput = z.infer<typeof openRoundSchema>;

export const reviewDecisionSchema = transitionSchema;
export const roundItemParamsSchema = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

const reviewerProgressSchema = z.object({
  userId: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  done: z.number().int(),
  assigned: z.number().int(),
});

export const roundSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  dueDate: z.string(),
  assignBy: z.enum(['even', 'topic']),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  done: z.number().int(),
  assigned: z.number().int(),
  reviewers: z.array(reviewerProgressSchema),
});
export type RoundDto = z.infer<typeof roundSchema>;

export const roundListSchema = z.object({ rounds: z.array(roundSchema) });
export type RoundListDto = z.infer<typeof roundListSchema>;

export const roundReviewerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
});
export const roundReviewersSchema = z.object({ reviewers: z.array(roundReviewerSchema) });
export type RoundReviewerDto = z.infer<typeof roundReviewerSchema>;

export const myAssignmentSchema = publicTrainingSchema.extend({
  status: z.enum(TRAINING_STATUSES),
  outcome: z.enum(['approved', 'needs_change', 'removed']).nullable(),
  comment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The link's health, so a reviewer sees a broken or moved link where they review it. */
  link: linkStatusSchema,
});
export const myReviewSchema = z.object({
  round: roundSchema.nullable(),
  items: z.array(myAssignmentSchema),
});
export type MyReviewDto = z.infer<typeof myReviewSchema>;

// ---- import of a link list (CSV or XLSX) and export of the catalogue ----

export const TRAINING_IMPORT_LIMITS = {
  /** An upload's bytes: a link list of a few thousand rows is well under 1 MB as CSV. */
  uploadBytes: 5 * 1024 * 1024,
  /** Data rows below the header row. */
  rows: 5000,
  columns: 30,
} as const;

export const TRAINING_FILE_TYPES = ['xlsx', 'csv'] as const;
export type TrainingFileType = (typeof TRAINING_FILE_TYPES)[number];
const fileTypeSchema = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.enum(TRAINING_FILE_TYPES, { error: tm.chooseFileType.code }).default('xlsx'),
);

/** The public download honours the catalogue's filters (`format` is the training's form, `file` the file's type). */
export const catalogueExportQuerySchema = catalogueQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ file: fileTypeSchema });
export type CatalogueExportQuery = z.infer<typeof catalogueExportQuerySchema>;

/** The reviewers' download: the whole catalogue (every status but removed), or one status. */
export const reviewExportQuerySchema = z.strictObject({
  file: fileTypeSchema,
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(TRAINING_STATUSES).optional()),
});
export const templateQuerySchema = z.strictObject({ file: fileTypeSchema });

/** Imported items enter the review queue (suggested, the default) or the public catalogue at once (approved). */
export const IMPORT_STATUSES = ['suggested', 'approved'] as const;
export const importConfirmQuerySchema = z.strictObject({
  status: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(IMPORT_STATUSES, { error: tm.chooseImportStatus.code }).default('suggested'),
  ),
  /** The preview's token: the confirmation is refused when the file or the catalogue no longer give that preview. */
  token: z.string().regex(/^[0-9a-f]{64}$/, tm.previewFirst.code),
});

export const importCellErrorSchema = z.object({
  /** The row's number in the file (the header is row 1). */
  row: z.number().int(),
  /** The column's header as the template names it ("Länk"), or '' for the file as a whole. */
  column: z.string(),
  /** "Rad 7, kolumn Länk: …" */
  message: z.string(),
});
export type ImportCellErrorDto = z.infer<typeof importCellErrorSchema>;

export const importRowSchema = z.object({
  row: z.number().int(),
  /** new: will be created; exists: the link is in the catalogue already and the row is skipped; error: see errors. */
  outcome: z.enum(['new', 'exists', 'error']),
  title: z.string(),
  url: z.string(),
  /** The catalogue's item with the same link, for rows that are skipped. */
  existingTitle: z.string().nullable(),
  errors: z.array(importCellErrorSchema),
});
export type ImportRowDto = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z.object({
  fileName: z.string(),
  fileType: z.enum(TRAINING_FILE_TYPES),
  /** The CSV's separator as detected; null for XLSX. */
  separator: z.enum([';', ',']).nullable(),
  rows: z.array(importRowSchema),
  /** Errors of the file as a whole (a missing or unknown column), and every row's errors, in file order. */
  errors: z.array(importCellErrorSchema),
  counts: z.object({
    total: z.number().int(),
    new: z.number().int(),
    exists: z.number().int(),
    errors: z.number().int(),
  }),
  /** Send with the same file to confirm; only when the preview has no errors and something to create. */
  token: z.string().nullable(),
});
export type ImportPreviewDto = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
});
export type ImportResultDto = z.infer<typeof importResultSchema>;
