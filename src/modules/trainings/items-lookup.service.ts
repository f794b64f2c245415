// What other modules may read of the catalogue: items by id (with whether they are still in the public catalogue),
// a small search among approved items for picking one, and the professions. Other modules never read our tables.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { catalogueProfessions, searchCatalogue, type TrainingsDeps } from './catalogue.service.ts';
import { TRAININGS_LIMITS } from './trainings.contracts.ts';
import { trainingItem, trainingTopic } from './trainings.table.ts';

export type CatalogueItemRef = {
  id: string;
  title: string;
  provider: string;
  url: string;
  /** True while the item is approved, i.e. shown in the public catalogue. */
  available: boolean;
};

/** The items with these ids, whatever their status (a missing id is simply absent from the map). */
export async function catalogueItemsByIds(db: Db, ids: string[]): Promise<Map<string, CatalogueItemRef>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, CatalogueItemRef>();
  if (unique.length === 0) return found;
  const rows = await db
    .select({
      id: trainingItem.id,
      title: trainingItem.title,
      provider: trainingItem.provider,
      url: trainingItem.url,
      status: trainingItem.status,
    })
    .from(trainingItem)
    .where(inArray(trainingItem.id, unique));
  for (const { status, ...row } of rows) found.set(row.id, { ...row, available: status === 'approved' });
  return found;
}

/** Approved items matching a search (the public catalogue's Swedish search), best first. */
export async function searchApprovedItems(db: Db, q: string | undefined, limit: number): Promise<CatalogueItemRef[]> {
  const page = await searchCatalogue(db, {
    q: q || undefined,
    page: 1,
    pageSize: Math.min(limit, TRAININGS_LIMITS.maxPageSize),
  });
  return page.items.map((i) => ({ id: i.id, title: i.title, provider: i.provider, url: i.url, available: true }));
}

/** What the catalogue's professions are read with (the read cache and the database). */
export type CatalogueLookupDeps = Pick<TrainingsDeps, 'db' | 'cache' | 'minCount'>;

/** The active profession keys the catalogue offers (the staffing configuration's). */
export async function catalogueProfessionKeys(deps: CatalogueLookupDeps): Promise<Set<string>> {
  return new Set((await catalogueProfessions(deps)).map((p) => p.key));
}

/** Items by exact title (the demo seed refers to the demo catalogue by title). */
export async function catalogueItemsByTitles(db: Db, titles: string[]): Promise<Map<string, CatalogueItemRef>> {
  const found = new Map<string, CatalogueItemRef>();
  if (titles.length === 0) return found;
  const rows = await db
    .select({
      id: trainingItem.id,
      title: trainingItem.title,
      provider: trainingItem.provider,
      url: trainingItem.url,
      status: trainingItem.status,
    })
    .from(trainingItem)
    .where(inArray(trainingItem.title, [...new Set(titles)]));
  for (const { status, ...row } of rows) found.set(row.title, { ...row, available: status === 'approved' });
  return found;
}

export type TopicRef = { key: string; name: string; nameEn: string };

/** The catalogue's active topics in the region's order (a joint training need may name one). */
export async function catalogueTopics(db: Db): Promise<TopicRef[]> {
  return db
    .select({ key: trainingTopic.key, name: trainingTopic.name, nameEn: trainingTopic.nameEn })
    .from(trainingTopic)
    .where(eq(trainingTopic.active, true))
    .orderBy(asc(trainingTopic.sort), asc(trainingTopic.name));
}
