// Introduction lists (Introduktionslistor): a manager builds an ordered list for a profession from catalogue items
// and local items, gives it to a new employee by e-mail, and follows their progress. Schemas shared by server and web.
import { z } from 'zod';
import type { MessageFn } from '../../platform/shared/messages.ts';
import { introductionsMessages as im } from './introductions.messages.ts';

export const INTRO_LIMITS = {
  maxEntries: 100,
  maxLists: 500,
  /** Days a personal link works after it was (re)sent. */
  linkDays: 90,
  catalogueResults: 20,
} as const;

export const ENTRY_KINDS = ['catalogue', 'local'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const TOO_LONG = { 60: im.tooLong60, 200: im.tooLong200, 300: im.tooLong300 } as const;
const text = (max: keyof typeof TOO_LONG, required: MessageFn) =>
  z.string().trim().min(1, required.code).max(max, TOO_LONG[max].code);
const description = () => z.string().trim().max(2000, im.tooLong2000.code);

/** An http(s) address, checked by the URL parser (no javascript: or data: links reach a page). */
export const introUrlSchema = z
  .string()
  .trim()
  .max(2000, im.tooLong2000.code)
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, im.urlInvalid.code);

export const idParamsSchema = z.object({ id: z.uuid({ error: im.invalidId.code }) });
export const entryParamsSchema = z.object({
  id: z.uuid({ error: im.invalidId.code }),
  entryId: z.uuid({ error: im.invalidId.code }),
});

export const listScopeQuerySchema = z.strictObject({
  /** own: the actor's municipality (every municipality for a regional admin); library: every municipality's. */
  scope: z.enum(['own', 'library']).default('own'),
});

export const createListSchema = z.strictObject({
  name: text(200, im.listNameRequired),
  professionKey: text(60, im.listProfessionRequired),
  description: description().default(''),
  /** Only a regional admin chooses the municipality; everyone else's lists belong to their own. */
  municipalityId: z.uuid({ error: im.chooseMunicipality.code }).optional(),
});
export type CreateListInput = z.infer<typeof createListSchema>;

export const updateListSchema = z
  .strictObject({
    name: text(200, im.listNameRequired).optional(),
    professionKey: text(60, im.listProfessionRequired).optional(),
    description: description().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, im.changeAField.code);
export type UpdateListInput = z.infer<typeof updateListSchema>;

export const addEntrySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('catalogue'), trainingItemId: z.uuid({ error: im.chooseTraining.code }) }),
    z.strictObject({
      kind: z.literal('local'),
      title: text(300, im.localEntryRequired),
      url: introUrlSchema.optional(),
      description: description().default(''),
    }),
  ],
  { error: im.chooseEntryKind.code },
);
export type AddEntryInput = z.infer<typeof addEntrySchema>;

export const moveEntrySchema = z.strictObject({
  direction: z.enum(['up', 'down'], { error: im.chooseDirection.code }),
});

export const copyListSchema = z.strictObject({
  /** Only a regional admin chooses where the copy goes; a manager's copy goes to their own municipality. */
  municipalityId: z.uuid({ error: im.chooseMunicipality.code }).optional(),
});

export const assignSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, im.tooLong254.code)
    .pipe(z.email({ error: im.emailInvalid.code })),
  name: z.string().trim().max(200, im.tooLong200.code).optional(),
});
export type AssignInput = z.infer<typeof assignSchema>;

export const progressSchema = z.strictObject({ done: z.boolean({ error: im.doneRequired.code }) });
export const tokenQuerySchema = z.strictObject({ token: z.string().min(16).max(200) });
export const publicProgressSchema = z.strictObject({
  token: z.string().min(16).max(200),
  done: z.boolean({ error: im.doneRequired.code }),
});

export const catalogueSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200, im.tooLong200.code).optional(),
});

// ---- answers ----

export const entrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(ENTRY_KINDS),
  trainingItemId: z.uuid().nullable(),
  title: z.string(),
  url: z.string().nullable(),
  description: z.string(),
  /** The catalogue item's provider (catalogue entries only). */
  provider: z.string().nullable(),
  /** False for a catalogue item that is no longer in the public catalogue (removed or under change). */
  available: z.boolean(),
});
export type EntryDto = z.infer<typeof entrySchema>;

export const listSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  professionKey: z.string(),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  entryCount: z.number().int(),
  /** Ongoing assignments; only for lists the actor manages (null for another municipality's). */
  activeAssignments: z.number().int().nullable(),
  canManage: z.boolean(),
  updatedAt: z.string(),
});
export type ListSummaryDto = z.infer<typeof listSummarySchema>;

export const listPageSchema = z.object({ lists: z.array(listSummarySchema) });

export const listSchema = listSummarySchema.extend({
  description: z.string(),
  copiedFromId: z.uuid().nullable(),
  entries: z.array(entrySchema),
});
export type ListDto = z.infer<typeof listSchema>;

export const progressEntrySchema = entrySchema.extend({ doneAt: z.string().nullable() });
export type ProgressEntryDto = z.infer<typeof progressEntrySchema>;

/** What the manager sees of one person's introduction. */
export const assignmentSchema = z.object({
  id: z.uuid(),
  listId: z.uuid().nullable(),
  listName: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  /** The address belongs to a user of the municipality: the introduction also shows under "Min introduktion". */
  linkedToUser: z.boolean(),
  createdAt: z.string(),
  lastSentAt: z.string(),
  linkExpiresAt: z.string(),
  lastActivityAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  entries: z.array(progressEntrySchema),
});
export type AssignmentDto = z.infer<typeof assignmentSchema>;

export const assignmentListSchema = z.object({ assignments: z.array(assignmentSchema) });

/** What the new employee sees: the list, whose municipality, and their own progress. No one else's data. */
export const introductionSchema = z.object({
  id: z.uuid(),
  listName: z.string(),
  municipalityName: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  entries: z.array(progressEntrySchema),
});
export type IntroductionDto = z.infer<typeof introductionSchema>;

export const myIntroductionsSchema = z.object({ introductions: z.array(introductionSchema) });
export type MyIntroductionsDto = z.infer<typeof myIntroductionsSchema>;

export const catalogueChoiceSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  provider: z.string(),
  url: z.string(),
});
export const catalogueChoicesSchema = z.object({ items: z.array(catalogueChoiceSchema) });
export type CatalogueChoiceDto = z.infer<typeof catalogueChoiceSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
