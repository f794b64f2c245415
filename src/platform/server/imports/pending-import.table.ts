// Pending imports (decision 011): an uploaded file's checked plan, kept between the preview and its confirmation.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth.table.ts';

export const pendingImport = pgTable(
  'pending_import',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Which import this is, `module.import` (e.g. `trainings.catalogue`); each kind reads only its own rows. */
    kind: text().notNull(),
    /** What the import is about within its kind (a period's id), or '' for the whole kind. */
    scope: text().notNull().default(''),
    fileName: text().notNull(),
    /** SHA-256 of the uploaded file. */
    sha256: text().notNull(),
    /** SHA-256 of the kind, scope, file, plan and basis: the same file against the same state gives the same digest. */
    digest: text().notNull(),
    uploadedBy: text().references(() => user.id),
    uploadedByToken: uuid(),
    status: text({ enum: ['pending', 'applied', 'discarded'] })
      .notNull()
      .default('pending'),
    /** The fingerprint of the state the plan was computed against; confirming recomputes it and refuses a change. */
    basis: text().notNull(),
    /** The checked rows and changes, exactly as previewed, so confirmation applies what was seen. */
    plan: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    appliedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('pending_import_kind_idx').on(t.kind, t.scope, t.createdAt),
    index('pending_import_digest_idx').on(t.kind, t.digest),
  ],
);
