// The catalogue's in-memory index (decision 033) answers exactly as the SQL search does — the same items, order,
// totals and JSON for words, stems, typos, prefixes, stop words, filters and pages — and the public page never serves
// an index older than the catalogue: a change written by another server is seen once the revision is read again.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildRegion, buildUser } from '../../platform/server/factories.ts';
import { queryTokens, searchCatalogue } from './catalogue.service.ts';
import { parseOrQuery, refreshCatalogueIndex, searchIndex, wordLexemes } from './catalogue-index.ts';
import { type CatalogueQuery, catalogueQuerySchema, type TrainingStatus } from './trainings.contracts.ts';
import { buildTopic } from './trainings.factories.ts';
import { searchTextOf } from './trainings.service.ts';
import { trainingItem, trainingItemProfession, trainingItemTopic, trainingTopic } from './trainings.table.ts';

let t: TestApp;

const PHRASES = [
  'Demens i vardagen',
  'Demenssjukdom och bemötande',
  'Hjärtsvikt hos äldre',
  'Egenvård vid hjärtsvikt',
  'Palliativ vård i livets slutskede',
  'Palliativa insatser',
  'Läkemedelsgenomgång för sjuksköterskor',
  'Delegering av läkemedel',
  'Balansträning och fallprevention',
  'Basala hygienrutiner',
  'Vårdhygien i hemtjänsten',
  'Trädgård och gård som terapi',
  'Sårvård och trycksår',
  'Covid19 och smittspridning',
];
const DESCRIPTIONS = [
  'Om vätskebalans vid hjärtsvikt.',
  'Bemötande av personer med kognitiv sjukdom.',
  'Grunderna i palliativ vård för hela teamet.',
  'Filmerna visar situationer från särskilt boende.',
  '',
];
const PROFESSIONS = [['sjukskoterska'], ['underskoterska', 'sjukskoterska'], ['arbetsterapeut'], ['fysioterapeut']];
const TOPICS = [[], ['demens'], ['hjartsvikt', 'lakemedel'], ['palliativ-vard']];
const MINUTES = [5, 15, 16, 45, 60, 61, 120];
const FORMATS = ['video', 'course', 'podcast', 'document'] as const;
const LANGUAGES = ['sv', 'en', 'other'] as const;

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  const municipality = await buildMunicipality(t.db, { name: 'Aby' });
  const addedBy = await buildUser(t.db, { role: 'employee', organisation: municipality });
  const topics = new Map<string, { id: string; name: string }>();
  for (const key of new Set(TOPICS.flat())) {
    const [found] = await t.db.select().from(trainingTopic).where(eq(trainingTopic.key, key));
    topics.set(key, found ?? (await buildTopic(t.db, { key })));
  }
  // 42 items written in one statement each for items, professions and topics: every phrase three times with other
  // descriptions, labels and lengths (so titles tie and ranks mix), and some that are not public.
  const items = Array.from({ length: 42 }, (_, i) => {
    const title = `${PHRASES[i % PHRASES.length]}${i >= PHRASES.length ? ` del ${Math.floor(i / PHRASES.length) + 1}` : ''}`;
    const description = DESCRIPTIONS[i % DESCRIPTIONS.length] as string;
    const provider = 'Testleverantören (demo)';
    const url = `https://example.org/index-${i}`;
    const itemTopics = (TOPICS[i % TOPICS.length] as string[]).map(
      (key) => topics.get(key) as { id: string; name: string },
    );
    return {
      row: {
        title,
        provider,
        url,
        urlKey: url,
        description,
        lengthMinutes: MINUTES[i % MINUTES.length] as number,
        format: FORMATS[i % FORMATS.length] as (typeof FORMATS)[number],
        language: LANGUAGES[i % LANGUAGES.length] as (typeof LANGUAGES)[number],
        status: (i % 11 === 5 ? 'suggested' : i % 13 === 7 ? 'needs_change' : 'approved') as TrainingStatus,
        searchText: searchTextOf(
          { title, provider, description },
          itemTopics.map((x) => x.name),
        ),
        addedBy: addedBy.id,
        addedByOrganisationId: municipality.id,
        lastReviewedAt: '2026-11-30',
      },
      professions: PROFESSIONS[i % PROFESSIONS.length] as string[],
      topics: itemTopics,
    };
  });
  const rows = await t.db
    .insert(trainingItem)
    .values(items.map((x) => x.row))
    .returning({ id: trainingItem.id });
  await t.db
    .insert(trainingItemProfession)
    .values(
      items.flatMap((x, i) => x.professions.map((professionKey) => ({ itemId: rows[i]?.id ?? '', professionKey }))),
    );
  await t.db
    .insert(trainingItemTopic)
    .values(items.flatMap((x, i) => x.topics.map((topic) => ({ itemId: rows[i]?.id ?? '', topicId: topic.id }))));
});
afterAll(() => t.close());

const QUERIES = [
  '',
  'q=demens',
  'q=Hjartsvikt',
  'q=HJÄRTSVIKT',
  'q=palliativa',
  'q=palliativ vård',
  'q=palliativ och vård i',
  'q=demnes',
  'q=hjartsvkt',
  'q=tradgrd',
  'q=vård',
  'q=hjärt',
  'q=balans',
  'q=läkemedel',
  'q=och',
  'q=null',
  'q=zzqqxx',
  'q=covid19',
  'q=a',
  'q=vätskebalans hjärtsvikt',
  'q=del 2',
  'q=hjärtsvikt&profession=sjukskoterska',
  'q=vård&profession=underskoterska&length=short',
  'q=demens&topic=demens',
  'q=läkemedel&topic=lakemedel&format=course',
  'profession=fysioterapeut',
  'profession=okand',
  'topic=okant',
  'length=medium',
  'length=long&language=en',
  'format=podcast&language=other',
  'q=vård&pageSize=3&page=2',
  'q=vård&pageSize=3&page=4',
  'pageSize=5&page=3',
  'pageSize=5&page=99',
];

const parse = (query: string): CatalogueQuery =>
  catalogueQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));

describe('the in-memory catalogue index', () => {
  it('answers every query with the SQL search’s items, order, total and JSON', async () => {
    const index = await refreshCatalogueIndex(t.db);
    let found = 0;
    for (const query of QUERIES) {
      const q = parse(query);
      const words = await wordLexemes(t.db, index, queryTokens(q.q));
      expect(words, query).not.toBeNull();
      const fromIndex = searchIndex(index, words ?? [], q);
      const fromSql = await searchCatalogue(t.db, q);
      expect(fromIndex.json, query).toBe(JSON.stringify(fromSql));
      expect(fromIndex.total, query).toBe(fromSql.total);
      expect(fromIndex.itemIds, query).toEqual(fromSql.items.map((i) => i.id));
      if (fromSql.total > 0) found++;
    }
    // Not a comparison of empty pages: most queries find something.
    expect(found).toBeGreaterThan(QUERIES.length * 0.6);
  });

  it('is used by the public page and never outlives a change another server wrote', async () => {
    await refreshCatalogueIndex(t.db);
    const page = async (query: string) => {
      const res = await t.as(null)({ method: 'GET', url: `/api/public/trainings?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.body;
    };
    expect(await page('q=sårvård')).toBe(JSON.stringify(await searchCatalogue(t.db, parse('q=sårvård'))));
    const [wound] = await t.db.select().from(trainingItem).where(eq(trainingItem.title, 'Sårvård och trycksår'));
    expect(wound).toBeDefined();
    // Written straight to the database, as another app server would: the revision moves, the index is older.
    await t.db
      .update(trainingItem)
      .set({ title: 'Munvård för äldre', searchText: 'Munvård för äldre' })
      .where(eq(trainingItem.id, wound?.id ?? ''));
    expect(JSON.parse(await page('q=sårvård&pageSize=100')).items.map((i: { id: string }) => i.id)).not.toContain(
      wound?.id,
    );
    expect(JSON.parse(await page('q=munvård')).items.map((i: { id: string }) => i.id)).toEqual([wound?.id]);
    // Once read again, the index answers the same.
    const index = await refreshCatalogueIndex(t.db);
    const words = await wordLexemes(t.db, index, ['munvård']);
    expect(searchIndex(index, words ?? [], parse('q=munvård')).itemIds).toEqual([wound?.id]);
  });

  it('reads a word’s query as lexemes joined by OR, and nothing else', () => {
    expect(parseOrQuery("'dem' | 'demens':*")).toEqual({ exact: ['dem'], prefixes: ['demens'] });
    expect(parseOrQuery("( 'demn' | 'dem' ) | 'demnes':*")).toEqual({ exact: ['demn', 'dem'], prefixes: ['demnes'] });
    expect(parseOrQuery("'it''s'")).toEqual({ exact: ["it's"], prefixes: [] });
    expect(parseOrQuery('')).toEqual({ exact: [], prefixes: [] });
    // Phrases, conjunctions, negations and weights are left to the SQL search.
    expect(parseOrQuery("'1' <-> '5' | 'covid19':*")).toBeNull();
    expect(parseOrQuery("'a' & 'b'")).toBeNull();
    expect(parseOrQuery("!'a'")).toBeNull();
    expect(parseOrQuery("'a':A")).toBeNull();
    expect(parseOrQuery("'a' |")).toBeNull();
    expect(parseOrQuery("'a' 'b'")).toBeNull();
    expect(parseOrQuery("'open")).toBeNull();
  });
});
