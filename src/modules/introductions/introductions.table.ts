// Tables of the introduction lists (Introduktionslistor): a municipality's lists with their ordered entries, and
// the assignments of a list to a new employee — a snapshot of the entries with each one's progress (decision 008).
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { organisation } from '../../platform/server/organisation.table.ts';

/** A list for one profession in one municipality. Readable by the region's managers as a shared library. */
export const introList = pgTable(
  'intro_list',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    name: text().notNull(),
    /** A profession key of the staffing configuration, as the catalogue uses. */
    professionKey: text().notNull(),
    description: text().notNull().default(''),
    /** The list this one was copied from, if any (kept for provenance; the source may be deleted later). */
    copiedFromId: uuid(),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('intro_list_organisation_idx').on(t.organisationId, t.name)],
);

/**
 * One entry of a list, in `position` order: a catalogue item (referenced by id; the trainings module owns the item,
 * so there is no foreign key and a removed item is shown as such) or a local item with its own title and link.
 */
export const introListEntry = pgTable(
  'intro_list_entry',
  {
    id: uuid().primaryKey().defaultRandom(),
    listId: uuid()
      .notNull()
      .references(() => introList.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: text({ enum: ['catalogue', 'local'] }).notNull(),
    trainingItemId: uuid(),
    /** For a catalogue entry: the item's title when it was added (shown if the item leaves the catalogue). */
    title: text().notNull(),
    url: text(),
    description: text().notNull().default(''),
  },
  (t) => [index('intro_list_entry_list_idx').on(t.listId, t.position)],
);

/**
 * A list given to a new employee. Personal data kept: the e-mail address, an optional name and, when the address
 * belongs to a user of the municipality, that user. The personal link's token is stored only as a SHA-256 hash.
 */
export const introAssignment = pgTable(
  'intro_assignment',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisation.id),
    /** The list it was made from; null after the list is deleted (the snapshot stays). */
    listId: uuid().references(() => introList.id, { onDelete: 'set null' }),
    listName: text().notNull(),
    professionKey: text().notNull(),
    email: text().notNull(),
    name: text(),
    userId: text().references(() => user.id, { onDelete: 'set null' }),
    tokenHash: text().notNull(),
    tokenExpiresAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp({ withTimezone: true }),
    /** Ended by a manager: the personal link stops working, progress stays readable for the manager. */
    endedAt: timestamp({ withTimezone: true }),
    endedBy: text().references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('intro_assignment_token_unique').on(t.tokenHash),
    index('intro_assignment_list_idx').on(t.listId),
    index('intro_assignment_email_idx').on(t.organisationId, sql`lower(${t.email})`),
    index('intro_assignment_user_idx').on(t.userId),
  ],
);

/** The assignment's own copy of the list's entries, with when each was ticked off (null: not done). */
export const introAssignmentEntry = pgTable(
  'intro_assignment_entry',
  {
    id: uuid().primaryKey().defaultRandom(),
    assignmentId: uuid()
      .notNull()
      .references(() => introAssignment.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: text({ enum: ['catalogue', 'local'] }).notNull(),
    trainingItemId: uuid(),
    title: text().notNull(),
    url: text(),
    description: text().notNull().default(''),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('intro_assignment_entry_assignment_idx').on(t.assignmentId, t.position)],
);
