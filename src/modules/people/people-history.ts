// A person's history in the staff register: the rows written for each change (people_person_event), and for a person
// an HR import created, that import as the "created" event (decision 044). The import's confirmation is the event: it
// names who confirmed it (the pending import's uploader, a user or an API token), when (the person's creation time,
// the confirmation's transaction), and its audit event; a 20,000-row import therefore writes no 20,000 empty rows.
// Both readers — the person's page and the register extract — read the history here.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { pendingImport } from '../../platform/server/imports/pending-import.table.ts';
import { peoplePersonEvent } from './people.table.ts';

export type PersonEventRow = typeof peoplePersonEvent.$inferSelect;

/** Newest first, as the history is shown. */
export async function personHistory(
  db: Db,
  person: { id: string; createdAt: Date; createdByImport: string | null },
): Promise<PersonEventRow[]> {
  const written = await db
    .select()
    .from(peoplePersonEvent)
    .where(eq(peoplePersonEvent.personId, person.id))
    .orderBy(desc(peoplePersonEvent.at), desc(peoplePersonEvent.id));
  if (!person.createdByImport || written.some((e) => e.kind === 'created')) return written;
  const [source] = await db
    .select({ userId: pendingImport.uploadedBy, tokenId: pendingImport.uploadedByToken })
    .from(pendingImport)
    .where(and(eq(pendingImport.id, person.createdByImport), eq(pendingImport.kind, 'people.hr_import')));
  const created: PersonEventRow = {
    // The import's id names the event: a person is created once, so it is unique in the person's history.
    id: person.createdByImport,
    personId: person.id,
    at: person.createdAt,
    kind: 'created',
    actorUserId: source?.userId ?? null,
    actorTokenId: source?.tokenId ?? null,
    importId: person.createdByImport,
    changes: {},
  };
  // Newest first; at the same moment the creation comes last (it happened first).
  return [...written, created].sort(
    (a, b) => b.at.getTime() - a.at.getTime() || (a === created ? 1 : b === created ? -1 : 0),
  );
}
