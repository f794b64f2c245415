// What every part of the introductions service shares: its dependencies, the row types, the policy gates and
// the lookups of a list, its entries and the municipalities' names.

import { asc, eq, inArray } from 'drizzle-orm';
import { authorize } from '../../platform/server/actor.ts';
import type { Db } from '../../platform/server/db.ts';
import { NotFoundError } from '../../platform/server/errors.ts';
import type { Mailer } from '../../platform/server/mail.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { Action, Actor } from '../../platform/server/policy.ts';
import type { CatalogueLookupDeps } from '../trainings/items-lookup.service.ts';
import { introductionsMessages as im } from './introductions.messages.ts';
import { type introAssignment, type introAssignmentEntry, introList, introListEntry } from './introductions.table.ts';

export type IntroductionsDeps = {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  trainings: CatalogueLookupDeps;
};

export type ListRow = typeof introList.$inferSelect;
export type ListEntryRow = typeof introListEntry.$inferSelect;
export type AssignmentRow = typeof introAssignment.$inferSelect;
export type AssignmentEntryRow = typeof introAssignmentEntry.$inferSelect;

/** Allowed for some object of the actor's own organisation: the gate before any object is looked up. */
export function authorizeAny(actor: Actor, action: Action) {
  authorize(actor, action, { organisationId: actor.organisationId, organisationKind: actor.organisationKind });
}

/** A list's changes: another municipality's list is visible in the library, so it is refused (403), not hidden. */
export function authorizeListChange(actor: Actor, list: ListRow) {
  authorize(actor, 'introductions:manage', { organisationId: list.organisationId });
}

export async function findList(db: Db, id: string): Promise<ListRow> {
  const [row] = await db.select().from(introList).where(eq(introList.id, id));
  if (!row) throw new NotFoundError(im.listNotFound());
  return row;
}

export async function entriesOf(db: Db, listId: string) {
  return db
    .select()
    .from(introListEntry)
    .where(eq(introListEntry.listId, listId))
    .orderBy(asc(introListEntry.position), asc(introListEntry.id));
}

export async function municipalityNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(inArray(organisation.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const readEvents = (rows: AssignmentRow[]) =>
  rows.map((r) => ({
    action: 'intro_assignment.read',
    entityType: 'intro_assignment',
    entityId: r.id,
    organisationId: r.organisationId,
  }));
