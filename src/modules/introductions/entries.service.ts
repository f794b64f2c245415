// A list's entries: catalogue items and local points, added, removed and moved; the catalogue search that offers
// the items to add.

import { and, eq } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { catalogueItemsByIds, searchApprovedItems } from '../trainings/items-lookup.service.ts';
import { type AddEntryInput, type CatalogueChoiceDto, INTRO_LIMITS } from './introductions.contracts.ts';
import { introductionsMessages as im } from './introductions.messages.ts';
import { introList, introListEntry } from './introductions.table.ts';
import {
  authorizeAny,
  authorizeListChange,
  entriesOf,
  findList,
  type IntroductionsDeps,
  type ListRow,
} from './introductions-scope.ts';
import { listDto } from './lists.service.ts';

async function touch(tx: Db, ctx: RequestContext, list: ListRow) {
  await tx.update(introList).set({ updatedAt: new Date() }).where(eq(introList.id, list.id));
  await audit(tx, ctx, {
    action: 'intro_list.update',
    entityType: 'intro_list',
    entityId: list.id,
    organisationId: list.organisationId,
  });
}

export async function addEntry(deps: IntroductionsDeps, ctx: SignedInContext, listId: string, input: AddEntryInput) {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  authorizeListChange(actor, list);
  const existing = await entriesOf(db, listId);
  if (existing.length >= INTRO_LIMITS.maxEntries) {
    throw new ValidationError([], im.tooManyEntries({ max: INTRO_LIMITS.maxEntries }));
  }
  let values: Omit<typeof introListEntry.$inferInsert, 'listId' | 'position'>;
  if (input.kind === 'catalogue') {
    const item = (await catalogueItemsByIds(db, [input.trainingItemId])).get(input.trainingItemId);
    if (!item?.available) {
      throw new ValidationError([{ path: 'trainingItemId', message: im.chooseCatalogueItem() }]);
    }
    if (existing.some((e) => e.trainingItemId === item.id)) {
      throw new ConflictError(im.itemAlreadyInList(), [{ path: 'trainingItemId', message: im.itemAlreadyInList() }]);
    }
    values = { kind: 'catalogue', trainingItemId: item.id, title: item.title, url: null, description: '' };
  } else {
    values = { kind: 'local', title: input.title, url: input.url || null, description: input.description };
  }
  const position = Math.max(0, ...existing.map((e) => e.position)) + 1;
  await inTransaction(db, async (tx) => {
    await tx.insert(introListEntry).values({ ...values, listId, position });
    await touch(tx, ctx, list);
  });
  return listDto(db, actor, await findList(db, listId));
}

export async function removeEntry(deps: IntroductionsDeps, ctx: SignedInContext, listId: string, entryId: string) {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  authorizeListChange(actor, list);
  await inTransaction(db, async (tx) => {
    const removed = await tx
      .delete(introListEntry)
      .where(and(eq(introListEntry.id, entryId), eq(introListEntry.listId, listId)))
      .returning({ id: introListEntry.id });
    if (removed.length === 0) throw new NotFoundError(im.entryNotFound());
    await touch(tx, ctx, list);
  });
  return listDto(db, actor, await findList(db, listId));
}

/** Moves an entry one step up or down (swaps it with its neighbour); at either end nothing changes. */
export async function moveEntry(
  deps: IntroductionsDeps,
  ctx: SignedInContext,
  listId: string,
  entryId: string,
  direction: 'up' | 'down',
) {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  authorizeListChange(actor, list);
  const entries = await entriesOf(db, listId);
  const index = entries.findIndex((e) => e.id === entryId);
  if (index < 0) throw new NotFoundError(im.entryNotFound());
  const other = direction === 'up' ? index - 1 : index + 1;
  if (other >= 0 && other < entries.length) {
    const order = entries.map((e) => e.id);
    [order[index], order[other]] = [order[other] as string, order[index] as string];
    await inTransaction(db, async (tx) => {
      for (const [i, id] of order.entries()) {
        await tx
          .update(introListEntry)
          .set({ position: i + 1 })
          .where(eq(introListEntry.id, id));
      }
      await touch(tx, ctx, list);
    });
  }
  return listDto(db, actor, await findList(db, listId));
}

export async function searchCatalogueChoices(
  deps: IntroductionsDeps,
  ctx: SignedInContext,
  q: string | undefined,
): Promise<CatalogueChoiceDto[]> {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:manage');
  const items = await searchApprovedItems(deps.db, q, INTRO_LIMITS.catalogueResults);
  return items.map(({ id, title, provider, url }) => ({ id, title, provider, url }));
}
