// How list entries and an introduction's progress are shown: a catalogue entry shows the catalogue's current
// title and link while the item is in the public catalogue.
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { type CatalogueItemRef, catalogueItemsByIds } from '../trainings/items-lookup.service.ts';
import type { EntryDto, ProgressEntryDto } from './introductions.contracts.ts';
import { introAssignmentEntry } from './introductions.table.ts';

import type { ListEntryRow } from './introductions-scope.ts';

type StoredEntry = Pick<ListEntryRow, 'id' | 'kind' | 'trainingItemId' | 'title' | 'url' | 'description'>;

/**
 * A catalogue entry shows the catalogue's current title and link (a corrected link reaches everyone); an item that
 * has left the public catalogue keeps the title it had and loses its link.
 */
export function toEntryDto(entry: StoredEntry, items: Map<string, CatalogueItemRef>): EntryDto {
  if (entry.kind === 'local') {
    return {
      id: entry.id,
      kind: 'local',
      trainingItemId: null,
      title: entry.title,
      url: entry.url,
      description: entry.description,
      provider: null,
      available: true,
    };
  }
  const item = entry.trainingItemId ? items.get(entry.trainingItemId) : undefined;
  const available = item?.available ?? false;
  return {
    id: entry.id,
    kind: 'catalogue',
    trainingItemId: entry.trainingItemId,
    title: available && item ? item.title : entry.title,
    url: available && item ? item.url : null,
    description: entry.description,
    provider: item?.provider ?? null,
    available,
  };
}

export const itemIdsOf = (entries: StoredEntry[]) =>
  entries.flatMap((e) => (e.kind === 'catalogue' && e.trainingItemId ? [e.trainingItemId] : []));

export async function progressEntries(db: Db, assignmentIds: string[]) {
  const byAssignment = new Map<string, ProgressEntryDto[]>();
  if (assignmentIds.length === 0) return byAssignment;
  const rows = await db
    .select()
    .from(introAssignmentEntry)
    .where(inArray(introAssignmentEntry.assignmentId, assignmentIds))
    .orderBy(asc(introAssignmentEntry.position));
  const items = await catalogueItemsByIds(db, itemIdsOf(rows));
  for (const r of rows) {
    const list = byAssignment.get(r.assignmentId) ?? [];
    list.push({ ...toEntryDto(r, items), doneAt: r.doneAt?.toISOString() ?? null });
    byAssignment.set(r.assignmentId, list);
  }
  return byAssignment;
}
