// Tables of the web trainings catalogue (Webbutbildningar): the region's topics, the items with their professions
// and topics, and each item's append-only status history. The search's vector and word list are kept by the
// database (a generated column and a trigger written in migration 0010; decision 005).

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '../../platform/server/auth.table.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { professionKeyColumn } from '../staffing/professions-lookup.service.ts';

/** PostgreSQL's tsvector, read as its text form (never selected by the services: it is for the index). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Topics the region manages (tags of the catalogue); keys are stable, names change. */
export const trainingTopic = pgTable('training_topic', {
  id: uuid().primaryKey().defaultRandom(),
  key: text().notNull().unique(),
  name: text().notNull(),
  nameEn: text().notNull(),
  sort: integer().notNull().default(0),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One web training. `status` is the `to_status` of its latest transition (written in the same transaction);
 * `search_text` is title, provider, description and topic names, kept by the service for the search indexes.
 */
export const trainingItem = pgTable(
  'training_item',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    provider: text().notNull(),
    url: text().notNull(),
    /** The link normalised for duplicate detection (lower-case host, no fragment, no utm_*, no trailing slash). */
    urlKey: text().notNull(),
    description: text().notNull().default(''),
    lengthMinutes: integer().notNull(),
    format: text({ enum: ['video', 'course', 'podcast', 'document'] }).notNull(),
    language: text({ enum: ['sv', 'en', 'other'] }).notNull(),
    status: text({ enum: ['suggested', 'approved', 'needs_change', 'removed'] }).notNull(),
    searchText: text().notNull().default(''),
    /** The Swedish full-text vector of the accent-folded `search_text`, stored so a search reads the index only. */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('swedish'::regconfig, kn_unaccent(search_text))`),
    /** The same for the title alone: a title match ranks first (cheaper than ts_rank over every match). */
    titleVector: tsvector().notNull().generatedAlwaysAs(sql`to_tsvector('swedish'::regconfig, kn_unaccent(title))`),
    addedBy: text().references(() => user.id),
    addedByToken: uuid(),
    /** The organisation of whoever added it, so reviewers see where a suggestion came from without a name. */
    addedByOrganisationId: uuid().references(() => organisation.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The date of the last approval: "granskad <date>" on the public page. */
    lastReviewedAt: date({ mode: 'string' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Link health (link-check.ts): when the link was last checked (also the daily job's claim) and what it gave. */
    linkCheckedAt: timestamp({ withTimezone: true }),
    linkOutcome: text({ enum: ['ok', 'moved', 'failing', 'blocked', 'timeout'] }),
    /** Failing or timed-out checks in a row; the link counts as broken from two. */
    linkFailures: integer().notNull().default(0),
    linkHttpStatus: integer(),
    /** Where a permanent redirect leads: offered to the reviewer, never written to `url` automatically. */
    linkNewUrl: text(),
  },
  (t) => [
    // A link can be in the catalogue once; a removed item may be suggested again.
    uniqueIndex('training_item_url_key_unique').on(t.urlKey).where(sql`${t.status} <> 'removed'`),
    index('training_item_status_idx').on(t.status, t.title),
    // The catalogue's default order (title, then id) without sorting every approved item.
    index('training_item_status_title_idx').on(t.status, sql`lower(${t.title})`, t.id),
    index('training_item_search_vector_idx').using('gin', t.searchVector),
  ],
);

/**
 * Every accent-folded word (three letters or more) that has appeared in an item's `search_text`, kept by a trigger:
 * a misspelt search word is corrected to the words within a small edit distance of it (decision 005). Words are
 * never removed (a word no item has any more just finds nothing).
 */
export const trainingSearchWord = pgTable('training_search_word', {
  word: text().primaryKey(),
});

export const trainingItemProfession = pgTable(
  'training_item_profession',
  {
    itemId: uuid()
      .notNull()
      .references(() => trainingItem.id),
    /** A profession key of the staffing configuration: the region keeps one list of professions. */
    professionKey: text().notNull().references(professionKeyColumn),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.professionKey] }),
    index('training_item_profession_key_idx').on(t.professionKey),
  ],
);

export const trainingItemTopic = pgTable(
  'training_item_topic',
  {
    itemId: uuid()
      .notNull()
      .references(() => trainingItem.id),
    topicId: uuid()
      .notNull()
      .references(() => trainingTopic.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.topicId] }), index('training_item_topic_topic_idx').on(t.topicId)],
);

/** Append-only status history of an item: who, when, why, and the review round a decision belonged to. */
export const trainingItemTransition = pgTable(
  'training_item_transition',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => trainingItem.id),
    /** Null for the item's first entry (the suggestion). */
    fromStatus: text(),
    toStatus: text().notNull(),
    comment: text(),
    actorUserId: text().references(() => user.id),
    actorTokenId: uuid(),
    actorOrganisationId: uuid().references(() => organisation.id),
    reviewRoundId: uuid().references(() => trainingReviewRound.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_item_transition_item_idx').on(t.itemId, t.at)],
);

/**
 * A review round of the MAS network (twice a year): the region opens it with a name and due date, every approved or
 * needs-change item is assigned to a reviewer, and it closes when all are reviewed. At most one round is open.
 */
export const trainingReviewRound = pgTable(
  'training_review_round',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    /** even = round-robin over items by title; topic = the items of a topic go to one reviewer. */
    assignBy: text({ enum: ['even', 'topic'] }).notNull(),
    status: text({ enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    openedBy: text().references(() => user.id),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedBy: text().references(() => user.id),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('training_review_round_one_open').on(t.status).where(sql`${t.status} = 'open'`)],
);

/** Which reviewer reviews which item in a round, and what they decided. */
export const trainingReviewAssignment = pgTable(
  'training_review_assignment',
  {
    roundId: uuid()
      .notNull()
      .references(() => trainingReviewRound.id),
    itemId: uuid()
      .notNull()
      .references(() => trainingItem.id),
    reviewerUserId: text()
      .notNull()
      .references(() => user.id),
    outcome: text({ enum: ['approved', 'needs_change', 'removed'] }),
    comment: text(),
    reviewedBy: text().references(() => user.id),
    reviewedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.itemId] }),
    index('training_review_assignment_reviewer_idx').on(t.roundId, t.reviewerUserId),
  ],
);

/** A due-date reminder sent to a reviewer: the primary key is the claim, so each is sent once (decision 003). */
export const trainingReviewReminder = pgTable(
  'training_review_reminder',
  {
    roundId: uuid()
      .notNull()
      .references(() => trainingReviewRound.id),
    reviewerUserId: text()
      .notNull()
      .references(() => user.id),
    kind: text({ enum: ['7_days', '1_day'] }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.reviewerUserId, t.kind] })],
);

/**
 * One row: a number the database moves with every committed change to what the public catalogue shows (statement
 * triggers of migration 0014 on the items, their professions and topics, and the topics). Cached catalogue pages are
 * keyed by it, so a page is never served from before a change, on any app server.
 */
export const trainingCatalogueRevision = pgTable('training_catalogue_revision', {
  id: integer().primaryKey().default(1),
  revision: bigint({ mode: 'number' }).notNull().default(0),
});
