// Stored documents (decision 024): uploaded files kept in the database as bytea, so the backup, the restore and a
// deletion in the owning record's transaction cover them with no second store to keep in step.
import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth.table.ts';
import { organisation } from '../organisation.table.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite answers a Uint8Array, pg a Buffer: the service always gets a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The kind of record that owns the file, `module.record` (e.g. `further_education.adoption`). */
    owner: text().notNull(),
    /** The owning record's id; null while the file is uploaded but not yet attached (removed after 24 hours). */
    ownerId: text(),
    /** The organisation whose file it is (the uploader's municipality, or the region). */
    organisationId: uuid().references(() => organisation.id),
    /** The name the sender gave it (at most 200 characters). */
    fileName: text().notNull(),
    /** Decided from the content's magic bytes, never from the name or the browser's claim. */
    contentType: text().notNull(),
    bytes: integer().notNull(),
    /** SHA-256 of the content, hex. */
    sha256: text().notNull(),
    content: bytea().notNull(),
    uploadedBy: text().references(() => user.id),
    uploadedByToken: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attachedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('stored_file_owner_idx').on(t.owner, t.ownerId),
    index('stored_file_unattached_idx').on(t.createdAt).where(sql`${t.ownerId} IS NULL`),
  ],
);
