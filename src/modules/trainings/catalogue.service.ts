// The public catalogue: approved items only, searched in Swedish (full-text on accent-folded text for stems, edit
// distance on the catalogue's word list for typos; decision 005) and filtered by profession, topic, length, language
// and format. The public page is answered from the in-memory index when it is current (catalogue-index.ts, decision
// 033), else by the SQL search here, which the exports and lookups use too.
import { and, asc, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/server/db.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import { catalogueIndexFor, refreshCatalogueIndex, searchIndex, wordLexemes } from './catalogue-index.ts';
import { planWords, queryTokens, type WordPlan, wordQuery } from './catalogue-words.ts';
import type { LinkCheckOptions } from './link-check.ts';
import {
  type CatalogueFacetsDto,
  type CataloguePageDto,
  type CatalogueProfessionDto,
  type CatalogueQuery,
  LENGTH_BOUNDS,
  type PublicTrainingDto,
  type TopicDto,
} from './trainings.contracts.ts';
import {
  trainingCatalogueRevision,
  trainingItem,
  trainingItemProfession,
  trainingItemTopic,
  trainingTopic,
} from './trainings.table.ts';

export { queryTokens };

export type TrainingsDeps = {
  db: Db;
  cache: ReadCache;
  minCount: number;
  /** How a reviewer's "check now" asks a link (link-check.ts). */
  linkCheck?: LinkCheckOptions;
};

/** The staffing configuration's active professions, licensed groups first: the catalogue's tabs. */
export async function catalogueProfessions(
  deps: Pick<TrainingsDeps, 'db' | 'cache'>,
): Promise<CatalogueProfessionDto[]> {
  const professions = await listProfessions(deps, { activeOnly: true });
  return [...professions]
    .sort((a, b) => Number(b.licensed) - Number(a.licensed) || a.sort - b.sort || a.name.localeCompare(b.name, 'sv'))
    .map(({ key, name, nameEn, licensed }) => ({ key, name, nameEn, licensed }));
}

export async function activeTopics(db: Db): Promise<TopicDto[]> {
  return db
    .select({ key: trainingTopic.key, name: trainingTopic.name, nameEn: trainingTopic.nameEn })
    .from(trainingTopic)
    .where(eq(trainingTopic.active, true))
    .orderBy(asc(trainingTopic.sort), asc(trainingTopic.name));
}

export async function getFacets(deps: TrainingsDeps): Promise<CatalogueFacetsDto> {
  return { professions: await catalogueProfessions(deps), topics: await activeTopics(deps.db) };
}

/** Every word must match (stop words aside). */
function wordConditions(plans: WordPlan[]): SQL[] {
  return plans.filter((p) => !p.stop).map((p) => sql`${trainingItem.searchVector} @@ ${wordQuery(p)}`);
}

/**
 * Best matches first: items whose title matches every word, then those whose title matches some. (ts_rank over every
 * match cost more than the rest of a search together; within a group the catalogue's title order follows.)
 */
function relevance(plans: WordPlan[]): SQL | null {
  const words = plans.filter((p) => !p.stop);
  if (words.length === 0) return null;
  const hits = words.map((p) => sql`(${trainingItem.titleVector} @@ ${wordQuery(p)})::int`);
  return sql`(${sql.join(hits, sql` + `)})`;
}

/** The search and filters of a catalogue query, as conditions on training_item (the words planned first). */
function catalogueConditions(query: Omit<CatalogueQuery, 'page' | 'pageSize'>, plans: WordPlan[]): SQL[] {
  const conditions: SQL[] = [...wordConditions(plans)];
  if (query.profession) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${trainingItemProfession} WHERE ${trainingItemProfession.itemId} = ${trainingItem.id} AND ${trainingItemProfession.professionKey} = ${query.profession})`,
    );
  }
  if (query.topic) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${trainingItemTopic} JOIN ${trainingTopic} ON ${trainingTopic.id} = ${trainingItemTopic.topicId} WHERE ${trainingItemTopic.itemId} = ${trainingItem.id} AND ${trainingTopic.key} = ${query.topic})`,
    );
  }
  if (query.length) {
    const { min, max } = LENGTH_BOUNDS[query.length];
    conditions.push(sql`${trainingItem.lengthMinutes} >= ${min}`);
    if (max !== null) conditions.push(sql`${trainingItem.lengthMinutes} <= ${max}`);
  }
  if (query.language) conditions.push(eq(trainingItem.language, query.language));
  if (query.format) conditions.push(eq(trainingItem.format, query.format));
  return conditions;
}

type ItemRow = Omit<typeof trainingItem.$inferSelect, 'searchVector' | 'titleVector' | 'searchText'>;

/** Professions and topics of the given items, for their DTOs. */
export async function itemLabels(db: Db, ids: string[]) {
  const professions = new Map<string, string[]>();
  const topics = new Map<string, TopicDto[]>();
  if (ids.length === 0) return { professions, topics };
  const professionRows = await db
    .select()
    .from(trainingItemProfession)
    .where(inArray(trainingItemProfession.itemId, ids));
  for (const r of professionRows) professions.set(r.itemId, [...(professions.get(r.itemId) ?? []), r.professionKey]);
  const topicRows = await db
    .select({
      itemId: trainingItemTopic.itemId,
      key: trainingTopic.key,
      name: trainingTopic.name,
      nameEn: trainingTopic.nameEn,
    })
    .from(trainingItemTopic)
    .innerJoin(trainingTopic, eq(trainingTopic.id, trainingItemTopic.topicId))
    .where(inArray(trainingItemTopic.itemId, ids))
    .orderBy(asc(trainingTopic.sort));
  for (const { itemId, ...topic } of topicRows) topics.set(itemId, [...(topics.get(itemId) ?? []), topic]);
  return { professions, topics };
}

export function toPublicTrainingDto(row: ItemRow, labels: Awaited<ReturnType<typeof itemLabels>>): PublicTrainingDto {
  return {
    id: row.id,
    title: row.title,
    provider: row.provider,
    url: row.url,
    description: row.description,
    lengthMinutes: row.lengthMinutes,
    format: row.format,
    language: row.language,
    professions: labels.professions.get(row.id) ?? [],
    topics: labels.topics.get(row.id) ?? [],
    addedAt: row.addedAt.toISOString(),
    lastReviewedAt: row.lastReviewedAt,
  };
}

/** The columns a catalogue page reads (not the search text and vectors). */
const {
  searchVector: _vector,
  titleVector: _titleVector,
  searchText: _text,
  ...itemColumns
} = getTableColumns(trainingItem);

/** Pages kept per database (so per app); a page is about 10–20 kB of JSON. */
const PAGE_CACHE_ENTRIES = 500;

/** A page as the route sends it, with what the usage counters need (catalogue-usage.ts): its items and total. */
export type CataloguePageAnswer = { json: string; itemIds: string[]; total: number };

const pageCaches = new WeakMap<Db, LRUCache<string, Promise<CataloguePageAnswer>>>();

/**
 * One page of the public catalogue as the JSON the route sends, from a cache of recent pages when the catalogue has
 * not changed since: every visitor asks for the same first pages, tabs and common words. The key holds the
 * catalogue's revision (moved by the database with every committed change, migration 0014): the server that made a
 * change never serves a page from before it, another server at most `CACHE_SECONDS` later (as for actors).
 */
export async function cataloguePageJson(
  deps: Pick<TrainingsDeps, 'db' | 'cache'>,
  query: CatalogueQuery,
): Promise<CataloguePageAnswer> {
  const { db } = deps;
  // The revision itself is reference data like the organisations (decision 002): kept a few seconds per app server
  // and forgotten at once when this server answers any change.
  const revision = await deps.cache.remember('trainings:catalogue-revision', async () => {
    const [row] = await db.select({ revision: trainingCatalogueRevision.revision }).from(trainingCatalogueRevision);
    return row?.revision ?? 0;
  });
  const { q, ...filters } = query;
  const key = JSON.stringify([revision, queryTokens(q), filters]);
  let cache = pageCaches.get(db);
  if (!cache) {
    cache = new LRUCache({ max: PAGE_CACHE_ENTRIES });
    pageCaches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const answer = pageAnswer(db, revision, query);
  cache.set(key, answer);
  // A failed search is not remembered.
  answer.catch(() => cache.delete(key));
  return answer;
}

/**
 * A page not in the page cache: from the index when it holds this revision (no database query once the words are
 * planned), else from the SQL search, after which the index is read again in the background — after, not beside it:
 * on PGlite both would share one thread, and on a server the first search would need a second connection at once.
 */
async function pageAnswer(db: Db, revision: number, query: CatalogueQuery): Promise<CataloguePageAnswer> {
  const index = catalogueIndexFor(db, revision);
  if (index) {
    const words = await wordLexemes(db, index, queryTokens(query.q));
    if (words) return searchIndex(index, words, query);
  }
  const page = await searchCatalogue(db, query);
  if (!index) void refreshCatalogueIndex(db).catch(() => {});
  return { json: JSON.stringify(page), itemIds: page.items.map((item) => item.id), total: page.total };
}

/** One page of the public catalogue: approved items matching the search and filters, best matches first. */
export async function searchCatalogue(db: Db, query: CatalogueQuery): Promise<CataloguePageDto> {
  const plans = await planWords(db, queryTokens(query.q));
  const where = and(eq(trainingItem.status, 'approved'), ...catalogueConditions(query, plans));
  const rank = relevance(plans);
  // The page is chosen on narrow rows (id, rank, sort title); only its items are read whole, with their professions
  // and topics. A search's page carries the total along (one pass over the matches, which are ranked anyway); a
  // browse (no words) takes its page straight from the title index and counts apart, rather than walk every row.
  const countApart = rank === null;
  const countQuery = () => db.select({ n: sql<number>`count(*)::int` }).from(trainingItem).where(where);
  const page = db
    .select({
      id: sql<string>`${trainingItem.id}`.as('page_id'),
      rank: sql<number>`${rank ?? sql`0`}`.as('page_rank'),
      sortTitle: sql<string>`lower(${trainingItem.title})`.as('page_title'),
      total: sql<number | null>`${countApart ? sql`NULL::int` : sql`(count(*) OVER ())::int`}`.as('page_total'),
    })
    .from(trainingItem)
    .where(where)
    .orderBy(...(rank ? [desc(rank)] : []), asc(sql`lower(${trainingItem.title})`), asc(trainingItem.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .as('page');
  const pageQuery = db
    .select({
      ...itemColumns,
      total: page.total,
      professions: sql<
        string[]
      >`ARRAY(SELECT ${trainingItemProfession.professionKey} FROM ${trainingItemProfession} WHERE ${trainingItemProfession.itemId} = ${trainingItem.id} ORDER BY 1)`,
      topics: sql<
        TopicDto[]
      >`COALESCE((SELECT json_agg(json_build_object('key', ${trainingTopic.key}, 'name', ${trainingTopic.name}, 'nameEn', ${trainingTopic.nameEn}) ORDER BY ${trainingTopic.sort}, ${trainingTopic.key}) FROM ${trainingItemTopic} JOIN ${trainingTopic} ON ${trainingTopic.id} = ${trainingItemTopic.topicId} WHERE ${trainingItemTopic.itemId} = ${trainingItem.id}), '[]'::json)`,
    })
    .from(page)
    .innerJoin(trainingItem, eq(trainingItem.id, page.id))
    .orderBy(desc(page.rank), asc(page.sortTitle), asc(trainingItem.id));
  const [rows, counted] = await Promise.all([pageQuery, countApart ? countQuery() : null]);
  // A page past the end has no row to carry the total.
  const total = counted?.[0]?.n ?? rows[0]?.total ?? (query.page > 1 ? ((await countQuery())[0]?.n ?? 0) : 0);
  const labels = {
    professions: new Map(rows.map((r) => [r.id, r.professions])),
    topics: new Map(rows.map((r) => [r.id, r.topics])),
  };
  return {
    items: rows.map((r) => toPublicTrainingDto(r, labels)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
