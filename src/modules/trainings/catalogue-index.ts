// The public catalogue's search index in the app server's memory (decision 033): every approved item's stored
// full-text lexemes (search and title vector), filters and answer JSON, read in one query per catalogue revision.
// A search that the page cache has not seen is then answered without a database query, with the same matches, order
// and JSON as the SQL search (searchCatalogue): the words are planned by the database as before (stems, stop words,
// corrections — Swedish snowball and unaccent stay in PostgreSQL), once per word and revision, and each word's query
// is read back as the lexemes it matches. A query the index cannot evaluate exactly (anything but lexemes joined by
// OR) is answered by the SQL search.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { planWords, type WordPlan, wordQuery } from './catalogue-words.ts';
import { ITEM_LIST_COLUMNS } from './item-columns.ts';
import { type CatalogueQuery, LENGTH_BOUNDS, type PublicTrainingDto, type TopicDto } from './trainings.contracts.ts';
import { trainingCatalogueRevision, trainingItem } from './trainings.table.ts';

/** What one search word matches: whole lexemes and lexeme prefixes, joined by OR; `stop` matches everything. */
export type WordLexemes = { stop: boolean; exact: string[]; prefixes: string[] };

/** Word plans kept per index (so per revision); beyond this many the map starts again. */
const WORD_PLANS_MAX = 5_000;

type Postings = Map<string, number[]>;

/** A lexeme → positions map, with its lexemes sorted for prefix lookups. */
type Inverted = { postings: Postings; sorted: string[] };

export type CatalogueIndex = {
  /** The catalogue revision the items were read at (same statement, same snapshot). */
  revision: number;
  /** Approved items in the catalogue's default order (lower(title), id), in the database's collation. */
  ids: string[];
  json: string[];
  lengthMinutes: Int32Array;
  format: string[];
  language: string[];
  words: Inverted;
  titleWords: Inverted;
  /** Per profession or topic key: which positions have it. */
  professions: Map<string, Uint8Array>;
  topics: Map<string, Uint8Array>;
  /** Planned words of this revision, by query token. */
  plans: Map<string, WordLexemes>;
};

function inverted(lists: string[][]): Inverted {
  const postings: Postings = new Map();
  lists.forEach((lexemes, position) => {
    for (const lexeme of lexemes) {
      const list = postings.get(lexeme);
      if (list) list.push(position);
      else postings.set(lexeme, [position]);
    }
  });
  // Code-unit order: every lexeme starting with a prefix is in one run, found by binary search.
  const sorted = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { postings, sorted };
}

function flags(n: number, labels: string[][]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  labels.forEach((keys, position) => {
    for (const key of keys) {
      let set = out.get(key);
      if (!set) {
        set = new Uint8Array(n);
        out.set(key, set);
      }
      set[position] = 1;
    }
  });
  return out;
}

/**
 * Reads every approved item with what the index needs. The revision is read first: the items are at least as new as
 * the revision the index claims, so an index is never older than the revision it is used for.
 */
export async function buildCatalogueIndex(db: Db): Promise<CatalogueIndex> {
  const [current] = await db.select({ revision: trainingCatalogueRevision.revision }).from(trainingCatalogueRevision);
  const rows = await db
    .select({
      ...ITEM_LIST_COLUMNS,
      addedAt: trainingItem.addedAt,
      words: sql<string[]>`tsvector_to_array(${trainingItem.searchVector})`,
      titleWords: sql<string[]>`tsvector_to_array(${trainingItem.titleVector})`,
      // The same orders as the SQL search's answer (catalogue.service.ts).
      professions: sql<
        string[]
      >`ARRAY(SELECT p.profession_key FROM training_item_profession p WHERE p.item_id = training_item.id ORDER BY 1)`,
      topics: sql<
        TopicDto[]
      >`COALESCE((SELECT json_agg(json_build_object('key', t.key, 'name', t.name, 'nameEn', t.name_en) ORDER BY t.sort, t.key) FROM training_item_topic it JOIN training_topic t ON t.id = it.topic_id WHERE it.item_id = training_item.id), '[]'::json)`,
    })
    .from(trainingItem)
    .where(eq(trainingItem.status, 'approved'))
    .orderBy(asc(sql`lower(${trainingItem.title})`), asc(trainingItem.id));
  const revision = current?.revision ?? 0;
  const n = rows.length;
  const lengthMinutes = new Int32Array(n);
  rows.forEach((r, i) => {
    lengthMinutes[i] = r.lengthMinutes;
  });
  return {
    revision: Number(revision),
    ids: rows.map((r) => r.id),
    json: rows.map((r) => {
      const dto: PublicTrainingDto = {
        id: r.id,
        title: r.title,
        provider: r.provider,
        url: r.url,
        description: r.description,
        lengthMinutes: r.lengthMinutes,
        format: r.format,
        language: r.language,
        professions: r.professions,
        topics: r.topics,
        addedAt: r.addedAt.toISOString(),
        lastReviewedAt: r.lastReviewedAt,
      };
      return JSON.stringify(dto);
    }),
    lengthMinutes,
    format: rows.map((r) => r.format),
    language: rows.map((r) => r.language),
    words: inverted(rows.map((r) => r.words)),
    titleWords: inverted(rows.map((r) => r.titleWords)),
    professions: flags(
      n,
      rows.map((r) => r.professions),
    ),
    topics: flags(
      n,
      rows.map((r) => r.topics.map((t) => t.key)),
    ),
    plans: new Map(),
  };
}

/**
 * The lexemes a word's query matches, read from its text form: `'dem' | 'demens':*`. Null when it is anything but
 * lexemes (optionally prefixes) joined by OR, in any grouping — such a query is left to the SQL search.
 */
export function parseOrQuery(text: string): { exact: string[]; prefixes: string[] } | null {
  const exact: string[] = [];
  const prefixes: string[] = [];
  let i = 0;
  let expectOperand = true;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '(' || c === ')') {
      i++;
      continue;
    }
    if (c === '|' && !expectOperand) {
      expectOperand = true;
      i++;
      continue;
    }
    if (c !== "'" || !expectOperand) return null;
    // A quoted lexeme: a quote inside is doubled, a backslash escapes the next character.
    let lexeme = '';
    i++;
    for (;;) {
      if (i >= text.length) return null;
      const d = text[i] as string;
      if (d === '\\') {
        if (i + 1 >= text.length) return null;
        lexeme += text[i + 1];
        i += 2;
      } else if (d === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else {
          i++;
          break;
        }
      } else {
        lexeme += d;
        i++;
      }
    }
    if (text.startsWith(':*', i)) {
      prefixes.push(lexeme);
      i += 2;
    } else {
      exact.push(lexeme);
    }
    // A weight or any other suffix (":A", ":*B") is not evaluated here.
    if (i < text.length && text[i] !== ' ' && text[i] !== ')' && text[i] !== '|') return null;
    expectOperand = false;
  }
  if (expectOperand && exact.length + prefixes.length > 0) return null;
  return { exact, prefixes };
}

/**
 * Each token's lexemes, from the index's plans or (for tokens this revision has not seen) planned by the database:
 * planWords, then each word's query (catalogue.service.ts' wordQuery) as text. Null when one cannot be evaluated here.
 */
export async function wordLexemes(db: Db, index: CatalogueIndex, tokens: string[]): Promise<WordLexemes[] | null> {
  const missing = [...new Set(tokens.filter((t) => !index.plans.has(t)))];
  if (missing.length > 0) {
    const plans = await planWords(db, missing);
    const open = plans.filter((p) => !p.stop);
    const texts = open.length
      ? ((
          await db.execute<Record<string, string>>(
            sql`SELECT ${sql.join(
              open.map((p, i) => sql`(${wordQuery(p)})::text AS ${sql.identifier(`q${i}`)}`),
              sql`, `,
            )}`,
          )
        ).rows[0] ?? {})
      : {};
    if (index.plans.size + missing.length > WORD_PLANS_MAX) index.plans.clear();
    plans.forEach((plan: WordPlan) => {
      if (plan.stop) {
        index.plans.set(plan.token, { stop: true, exact: [], prefixes: [] });
        return;
      }
      const parsed = parseOrQuery(texts[`q${open.indexOf(plan)}`] ?? '');
      // A word whose query is not a plain OR is not kept: every search with it goes to SQL.
      if (parsed) index.plans.set(plan.token, { stop: false, ...parsed });
    });
  }
  const out: WordLexemes[] = [];
  for (const token of tokens) {
    const plan = index.plans.get(token);
    if (!plan) return null;
    out.push(plan);
  }
  return out;
}

/** Marks with `stamp` every position whose lexemes match the word; counts each position once per word. */
function markWord(inv: Inverted, word: WordLexemes, stamps: Int32Array, stamp: number, counts: Uint8Array) {
  const visit = (positions: number[] | undefined) => {
    if (!positions) return;
    for (const p of positions) {
      if (stamps[p] !== stamp) {
        stamps[p] = stamp;
        counts[p] = (counts[p] ?? 0) + 1;
      }
    }
  };
  for (const lexeme of word.exact) visit(inv.postings.get(lexeme));
  for (const prefix of word.prefixes) {
    // The first lexeme ≥ prefix, then every one that starts with it.
    let lo = 0;
    let hi = inv.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((inv.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < inv.sorted.length; i++) {
      const lexeme = inv.sorted[i] as string;
      if (!lexeme.startsWith(prefix)) break;
      visit(inv.postings.get(lexeme));
    }
  }
}

export type IndexedPage = { json: string; itemIds: string[]; total: number };

/**
 * One page of the catalogue from the index: every non-stop word must match the item's search lexemes; items whose
 * title matches more of the words first, then the default order; the same JSON as JSON.stringify of the SQL page.
 */
export function searchIndex(index: CatalogueIndex, words: WordLexemes[], query: CatalogueQuery): IndexedPage {
  const n = index.ids.length;
  const open = words.filter((w) => !w.stop);
  const counts = new Uint8Array(n);
  const titleCounts = new Uint8Array(n);
  const stamps = new Int32Array(n);
  const titleStamps = new Int32Array(n);
  open.forEach((word, i) => {
    markWord(index.words, word, stamps, i + 1, counts);
    markWord(index.titleWords, word, titleStamps, i + 1, titleCounts);
  });
  const profession = query.profession ? index.professions.get(query.profession) : null;
  const topic = query.topic ? index.topics.get(query.topic) : null;
  const bounds = query.length ? LENGTH_BOUNDS[query.length] : null;
  // A filter on a key no item has finds nothing.
  const none = (query.profession && !profession) || (query.topic && !topic);
  // Matches by rank (title matches), each in the default order.
  const byRank: number[][] = Array.from({ length: open.length + 1 }, () => []);
  let total = 0;
  if (!none) {
    for (let p = 0; p < n; p++) {
      if (counts[p] !== open.length) continue;
      if (profession && profession[p] !== 1) continue;
      if (topic && topic[p] !== 1) continue;
      if (bounds) {
        const minutes = index.lengthMinutes[p] as number;
        if (minutes < bounds.min || (bounds.max !== null && minutes > bounds.max)) continue;
      }
      if (query.language && index.language[p] !== query.language) continue;
      if (query.format && index.format[p] !== query.format) continue;
      (byRank[titleCounts[p] as number] as number[]).push(p);
      total++;
    }
  }
  const from = (query.page - 1) * query.pageSize;
  const page: number[] = [];
  let skipped = 0;
  for (let rank = open.length; rank >= 0 && page.length < query.pageSize; rank--) {
    const list = byRank[rank] as number[];
    if (skipped + list.length <= from) {
      skipped += list.length;
      continue;
    }
    for (let i = Math.max(0, from - skipped); i < list.length && page.length < query.pageSize; i++)
      page.push(list[i] as number);
    skipped += list.length;
  }
  return {
    json: `{"items":[${page.map((p) => index.json[p]).join(',')}],"total":${total},"page":${query.page},"pageSize":${query.pageSize}}`,
    itemIds: page.map((p) => index.ids[p] as string),
    total,
  };
}

type Slot = { index: CatalogueIndex | null; building: Promise<CatalogueIndex> | null };
const slots = new WeakMap<Db, Slot>();

/**
 * The index for a revision, or null when there is none at least as new (the caller then searches with SQL and asks
 * for a new read with refreshCatalogueIndex once it has answered).
 */
export function catalogueIndexFor(db: Db, revision: number): CatalogueIndex | null {
  const index = slots.get(db)?.index;
  return index && index.revision >= revision ? index : null;
}

/**
 * Reads the index again; one read at a time per database (a second call gets the running read). A failed read is
 * forgotten, and the next search that finds no current index asks again.
 */
export function refreshCatalogueIndex(db: Db): Promise<CatalogueIndex> {
  let slot = slots.get(db);
  if (!slot) {
    slot = { index: null, building: null };
    slots.set(db, slot);
  }
  if (slot.building) return slot.building;
  const s = slot;
  const building = buildCatalogueIndex(db).then(
    (index) => {
      if (!s.index || index.revision >= s.index.revision) s.index = index;
      s.building = null;
      return index;
    },
    (err: unknown) => {
      s.building = null;
      throw err;
    },
  );
  s.building = building;
  return building;
}
