// The public catalogue: approved items only, searched in Swedish (full-text on accent-folded text for stems, trigram
// word similarity for typos; decision 005) and filtered by profession, topic, length, language and format.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import { loadConfig } from '../staffing/staffing-config.service.ts';
import type { LinkCheckOptions } from './link-check.ts';
import {
  type CatalogueFacetsDto,
  type CataloguePageDto,
  type CatalogueProfessionDto,
  type CatalogueQuery,
  LENGTH_BOUNDS,
  type PublicTrainingDto,
  type TopicDto,
  TRAININGS_LIMITS,
} from './trainings.contracts.ts';
import { trainingItem, trainingItemProfession, trainingItemTopic, trainingTopic } from './trainings.table.ts';

export type TrainingsDeps = {
  db: Db;
  cache: ReadCache;
  minCount: number;
  /** How a reviewer's "check now" asks a link (link-check.ts). */
  linkCheck?: LinkCheckOptions;
};

/** How alike a misspelt word must be to the item's text (pg_trgm's word_similarity, 0–1) to be considered. */
export const TYPO_SIMILARITY = 0.3;
/** Misspelt words shorter than this are not corrected (too many short words are one edit apart). */
const TYPO_MIN_LENGTH = 4;
/** Edits (Levenshtein) allowed between a misspelt word and a word of the item: 1, or 2 from six letters. */
const typoEdits = (token: string) => (token.length >= 6 ? 2 : 1);

/** The staffing configuration's active professions, licensed groups first: the catalogue's tabs. */
export async function catalogueProfessions(deps: TrainingsDeps): Promise<CatalogueProfessionDto[]> {
  const config = await loadConfig(deps);
  return config.professions
    .filter((p) => p.active)
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

/** The words of a query, at most a few (each becomes a condition). */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, TRAININGS_LIMITS.maxTokens);
}

const folded = sql`kn_unaccent(lower(${trainingItem.searchText}))`;
const vector = sql`to_tsvector('swedish'::regconfig, kn_unaccent(${trainingItem.searchText}))`;

/**
 * Every word must match: by its Swedish stem (or as the start of a compound), or, misspelt, by trigram similarity to the item's text confirmed by
 * one of the item's words being within a small edit distance (trigrams alone rank "demo" above "demens" for
 * "demnes": a transposition breaks most of a short word's trigrams).
 */
function wordConditions(tokens: string[]): SQL[] {
  return tokens.map((token) => {
    // A prefix of the stem, so "balans" finds the compound "balansträning" (tokens are letters and digits only).
    const stem = sql`${vector} @@ to_tsquery('swedish'::regconfig, kn_unaccent(${token}) || ':*')`;
    if (token.length < TYPO_MIN_LENGTH) return sql`(${stem})`;
    const edits = typoEdits(token);
    const typo = sql`(word_similarity(kn_unaccent(${token}), ${folded}) >= ${TYPO_SIMILARITY} AND EXISTS (SELECT 1 FROM regexp_split_to_table(${folded}, '[^[:alnum:]]+') AS w(word) WHERE levenshtein_less_equal(w.word, kn_unaccent(${token}), ${edits}::int) <= ${edits}::int))`;
    return sql`(${stem} OR ${typo})`;
  });
}

function relevance(tokens: string[]): SQL {
  const text = tokens.join(' ');
  return sql`(ts_rank(${vector}, plainto_tsquery('swedish'::regconfig, kn_unaccent(${text}))) + word_similarity(kn_unaccent(${text}), ${folded}))`;
}

export function filterConditions(query: Omit<CatalogueQuery, 'page' | 'pageSize'>): SQL[] {
  const conditions: SQL[] = [...wordConditions(queryTokens(query.q))];
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

type ItemRow = typeof trainingItem.$inferSelect;

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

/** One page of the public catalogue: approved items matching the search and filters, best matches first. */
export async function searchCatalogue(db: Db, query: CatalogueQuery): Promise<CataloguePageDto> {
  const tokens = queryTokens(query.q);
  const where = and(eq(trainingItem.status, 'approved'), ...filterConditions(query));
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(trainingItem).where(where);
  const rows = await db
    .select()
    .from(trainingItem)
    .where(where)
    .orderBy(
      ...(tokens.length ? [sql`${relevance(tokens)} DESC`] : []),
      asc(sql`lower(${trainingItem.title})`),
      asc(trainingItem.id),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const labels = await itemLabels(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toPublicTrainingDto(r, labels)),
    total: count?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
