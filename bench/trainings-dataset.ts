// 10,000 invented web trainings for `npm run bench` (issue 5, Performance): varied Swedish titles and descriptions built
// from word lists around the configuration's topics (demens, palliativ vård, hjärtsvikt, läkemedel …), invented
// providers marked "(bench)", unique example.org links, the configuration's professions and topics; most approved
// with a review date, the rest suggested, needing a change or removed. Loaded straight into the database a bench
// server then opens (batched INSERT … SELECT FROM unnest), with `search_text` built by the module's own
// searchTextOf (title, provider, description, topic names), as the service writes it.
// The demo region is seeded first, so its users and its ~40 demo items exist as well.

import { SERVER_MODULES } from '../src/app/server-modules.ts';
import { seededRandom } from '../src/modules/staffing/staffing-generator.ts';
import { normaliseTrainingUrl } from '../src/modules/trainings/training-link.ts';
import { searchTextOf } from '../src/modules/trainings/trainings.service.ts';
import { type Database, openEmbedded, openServer } from '../src/platform/server/db.ts';
import { seedDemo } from '../src/platform/server/demo.ts';

export const TRAININGS_ITEMS = 10_000;
const BATCH_ROWS = 2_000;
const PROVIDER_MARK = '(bench)';

/** Per topic key: phrases a title can be built around (inflected and compound forms, as real titles have). */
const TOPIC_PHRASES: Record<string, string[]> = {
  demens: ['demens', 'demenssjukdom', 'demensvård', 'kognitiv svikt', 'BPSD vid demens', 'demensutredning'],
  'palliativ-vard': ['palliativ vård', 'palliativa insatser', 'vård i livets slutskede', 'palliativ symtomlindring'],
  lakemedel: ['läkemedel', 'läkemedelshantering', 'läkemedelsgenomgång', 'delegering av läkemedel'],
  hjartsvikt: ['hjärtsvikt', 'hjärtsviktsvård', 'ödem och hjärtsvikt', 'egenvård vid hjärtsvikt'],
  diabetes: ['diabetes', 'diabetesvård', 'blodsockerkontroll', 'insulinbehandling'],
  nutrition: ['nutrition', 'undernäring', 'måltidsmiljö', 'nutritionsbedömning'],
  fallprevention: ['fallprevention', 'fallrisk', 'balansträning', 'fallolyckor'],
  vardhygien: ['vårdhygien', 'basala hygienrutiner', 'smittspridning', 'handhygien'],
  rehabilitering: ['rehabilitering', 'vardagsrehabilitering', 'rehabilitering efter stroke', 'mobilisering'],
  'psykisk-ohalsa': ['psykisk ohälsa', 'depression', 'ensamhet och oro', 'suicidprevention'],
  sarvard: ['sårvård', 'trycksår', 'bensår', 'sårbedömning'],
  dokumentation: ['dokumentation', 'journalföring', 'avvikelsehantering', 'genomförandeplan'],
  hjalpmedel: ['hjälpmedel', 'förskrivning av hjälpmedel', 'förflyttningsteknik', 'välfärdsteknik'],
  bemotande: ['bemötande', 'lågaffektivt bemötande', 'samtal med anhöriga', 'personcentrerad omvårdnad'],
};
const TITLE_FORMS: ((phrase: string, extra: string) => string)[] = [
  (p, e) => `${cap(p)} ${e}`,
  (p) => `Grundkurs i ${p}`,
  (p, e) => `${cap(p)} – ${e}`,
  (p) => `Att arbeta med ${p}`,
  (p) => `Fördjupning: ${p}`,
  (p, e) => `${cap(p)} i ${e}`,
  (p) => `Introduktion till ${p}`,
  (p) => `Praktisk ${p} steg för steg`,
];
const SETTINGS = [
  'hemtjänsten',
  'särskilt boende',
  'korttidsboende',
  'kommunal hälso- och sjukvård',
  'hemsjukvården',
  'dagverksamhet',
  'LSS-boende',
];
const EXTRAS = ['för äldre', 'i praktiken', 'för nyanställda', 'för hela teamet', 'på kvällar och nätter', 'del 2'];
const SENTENCES = [
  (p: string, s: string) => `Kursen går igenom ${p} i ${s}.`,
  (p: string) => `Du lär dig känna igen tidiga tecken och vad du gör när ${p} påverkar vardagen.`,
  (p: string, s: string) => `Filmerna visar situationer från ${s} och hur teamet samarbetar kring ${p}.`,
  () => 'Innehåller reflektionsfrågor att ta upp på arbetsplatsträffen.',
  () => 'Bygger på Socialstyrelsens kunskapsstöd och nationella riktlinjer.',
  (p: string) => `Med exempel på bemötande, dokumentation och uppföljning vid ${p}.`,
  () => 'Avslutas med ett kunskapstest och ett intyg.',
  (_p: string, s: string) => `Passar dig som arbetar i ${s}.`,
];
const PROVIDERS = [
  'Omsorgsakademin',
  'Kunskapscentrum Norr',
  'Vårdskolan Syd',
  'Äldreforum',
  'Kompetensportalen Mitt',
  'Rehabinstitutet',
  'Regionala utbildningsrådet',
  'Sjuksköterskeskolan Öst',
].map((p) => `${p} ${PROVIDER_MARK}`);
const FORMATS = ['video', 'course', 'podcast', 'document'] as const;
const MINUTES = [5, 10, 12, 15, 20, 25, 30, 40, 45, 60, 75, 90, 120, 180, 240];

export type TrainingsDataset = {
  rows: { items: number; approved: number; itemProfessions: number; itemTopics: number; transitions: number };
  /** Active profession and topic keys of the configuration (as the dataset used them). */
  professions: string[];
  topics: string[];
  loadMs: number;
};

function cap(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Loads the items into an open, migrated database that holds the demo region. */
export async function loadTrainingsDataset(database: Database, count = TRAININGS_ITEMS): Promise<TrainingsDataset> {
  const began = performance.now();
  const existing = await database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM training_item WHERE provider LIKE $1',
    [`%${PROVIDER_MARK}`],
  );
  if ((existing[0]?.n ?? 0) > 0) throw new Error('the trainings bench dataset is loaded already in this database');
  const professionRows = await database.query<{ key: string }>(
    'SELECT key FROM staffing_profession WHERE active ORDER BY sort, key',
  );
  const topicRows = await database.query<{ id: string; key: string; name: string }>(
    'SELECT id, key, name FROM training_topic WHERE active ORDER BY sort, key',
  );
  const professions = professionRows.map((p) => p.key);
  if (professions.length === 0 || topicRows.length === 0) throw new Error('no active professions or topics');

  const rand = seededRandom(20_260_005);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const rows = { items: 0, approved: 0, itemProfessions: 0, itemTopics: 0, transitions: 0 };

  for (let start = 0; start < count; start += BATCH_ROWS) {
    const n = Math.min(BATCH_ROWS, count - start);
    const items = {
      title: [] as string[],
      provider: [] as string[],
      url: [] as string[],
      urlKey: [] as string[],
      description: [] as string[],
      minutes: [] as number[],
      format: [] as string[],
      language: [] as string[],
      status: [] as string[],
      searchText: [] as string[],
      addedAt: [] as string[],
      reviewed: [] as (string | null)[],
    };
    const labels: { topics: (typeof topicRows)[number][]; professions: string[] }[] = [];
    for (let i = 0; i < n; i++) {
      const index = start + i;
      // One or two topics; the first gives the title's phrase.
      const first = pick(topicRows);
      const second = rand() < 0.35 ? pick(topicRows) : null;
      const itemTopics = second && second.id !== first.id ? [first, second] : [first];
      const phrase = pick(TOPIC_PHRASES[first.key] ?? [first.name.toLowerCase()]);
      const setting = pick(SETTINGS);
      const title = pick(TITLE_FORMS)(phrase, rand() < 0.5 ? pick(EXTRAS) : setting);
      const secondPhrase = second ? pick(TOPIC_PHRASES[second.key] ?? [second.name.toLowerCase()]) : phrase;
      const sentences = new Set<string>();
      const wanted = 2 + Math.floor(rand() * 3);
      while (sentences.size < wanted) sentences.add(pick(SENTENCES)(sentences.size ? secondPhrase : phrase, setting));
      const description = `${[...sentences].join(' ')} Påhittad post för prestandatest.`;
      const provider = pick(PROVIDERS);
      const url = `https://bench${index % 50}.example.org/utbildning/${index + 1}`;
      const urlKey = normaliseTrainingUrl(url);
      if (!urlKey) throw new Error(`not a valid training link: ${url}`);
      const r = rand();
      const status = r < 0.9 ? 'approved' : r < 0.95 ? 'suggested' : r < 0.98 ? 'needs_change' : 'removed';
      const reviewedDate = new Date(Date.UTC(2025, Math.floor(rand() * 18), 1 + Math.floor(rand() * 27)));
      const addedAt = new Date(reviewedDate.getTime() - (5 + Math.floor(rand() * 60)) * 86_400_000);
      const itemProfessions = new Set<string>();
      const professionCount = 1 + Math.floor(rand() * 3);
      while (itemProfessions.size < Math.min(professionCount, professions.length))
        itemProfessions.add(pick(professions));

      items.title.push(title);
      items.provider.push(provider);
      items.url.push(url);
      items.urlKey.push(urlKey);
      items.description.push(description);
      items.minutes.push(pick(MINUTES));
      items.format.push(pick(FORMATS));
      items.language.push(rand() < 0.9 ? 'sv' : rand() < 0.8 ? 'en' : 'other');
      items.status.push(status);
      items.searchText.push(
        searchTextOf(
          { title, provider, description },
          itemTopics.map((t) => t.name),
        ),
      );
      items.addedAt.push(addedAt.toISOString());
      items.reviewed.push(status === 'suggested' ? null : reviewedDate.toISOString().slice(0, 10));
      labels.push({ topics: itemTopics, professions: [...itemProfessions] });
    }

    const inserted = await database.query<{ id: string; url: string }>(
      `INSERT INTO training_item (title, provider, url, url_key, description, length_minutes, format, language, status,
         search_text, added_at, last_reviewed_at, updated_at)
       SELECT t.title, t.provider, t.url, t.url_key, t.description, t.minutes, t.format, t.language, t.status,
         t.search_text, t.added_at, t.reviewed, t.added_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::timestamptz[], $12::date[])
         AS t(title, provider, url, url_key, description, minutes, format, language, status, search_text, added_at, reviewed)
       RETURNING id, url`,
      [
        items.title,
        items.provider,
        items.url,
        items.urlKey,
        items.description,
        items.minutes,
        items.format,
        items.language,
        items.status,
        items.searchText,
        items.addedAt,
        items.reviewed,
      ],
    );
    const idByUrl = new Map(inserted.map((r) => [r.url, r.id]));
    const ids = items.url.map((u) => {
      const id = idByUrl.get(u);
      if (!id) throw new Error(`item ${u} was not inserted`);
      return id;
    });

    const ip = { item: [] as string[], key: [] as string[] };
    const it = { item: [] as string[], topic: [] as string[] };
    const tr = { item: [] as string[], from: [] as (string | null)[], to: [] as string[], at: [] as string[] };
    ids.forEach((id, i) => {
      const l = labels[i];
      if (!l) return;
      for (const key of l.professions) {
        ip.item.push(id);
        ip.key.push(key);
      }
      for (const t of l.topics) {
        it.item.push(id);
        it.topic.push(t.id);
      }
      const status = items.status[i] ?? 'suggested';
      tr.item.push(id);
      tr.from.push(null);
      tr.to.push('suggested');
      tr.at.push(items.addedAt[i] ?? '');
      if (status !== 'suggested') {
        tr.item.push(id);
        tr.from.push('suggested');
        tr.to.push(status);
        tr.at.push(`${items.reviewed[i]}T09:00:00Z`);
      }
    });
    await database.query(
      'INSERT INTO training_item_profession (item_id, profession_key) SELECT * FROM unnest($1::uuid[], $2::text[])',
      [ip.item, ip.key],
    );
    await database.query(
      'INSERT INTO training_item_topic (item_id, topic_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])',
      [it.item, it.topic],
    );
    await database.query(
      `INSERT INTO training_item_transition (item_id, from_status, to_status, at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])`,
      [tr.item, tr.from, tr.to, tr.at],
    );
    rows.items += n;
    rows.approved += items.status.filter((s) => s === 'approved').length;
    rows.itemProfessions += ip.item.length;
    rows.itemTopics += it.item.length;
    rows.transitions += tr.item.length;
  }
  // A server that has run a while has statistics on its tables; a bulk load is not yet seen by autovacuum.
  await database.query(
    'ANALYZE training_item, training_item_profession, training_item_topic, training_item_transition',
  );
  return {
    rows,
    professions,
    topics: topicRows.map((t) => t.key),
    loadMs: Math.round(performance.now() - began),
  };
}

/** The embedded data folder a bench server will open: migrated, the demo seeded, the items loaded, closed. */
export async function prepareEmbeddedTrainings(dataDir: string): Promise<TrainingsDataset & { totalMs: number }> {
  const began = performance.now();
  const database = await openEmbedded(dataDir);
  try {
    await database.migrate();
    await seedDemo(database.db, SERVER_MODULES);
    const dataset = await loadTrainingsDataset(database);
    return { ...dataset, totalMs: Math.round(performance.now() - began) };
  } finally {
    await database.close();
  }
}

/** The same for a PostgreSQL database (the bench database, already holding the demo or not). */
export async function preparePostgresTrainings(url: string): Promise<TrainingsDataset & { totalMs: number }> {
  const began = performance.now();
  const database = openServer(url, { statementTimeoutMs: 0, poolSize: 2 });
  try {
    await database.migrate();
    await seedDemo(database.db, SERVER_MODULES);
    const dataset = await loadTrainingsDataset(database);
    return { ...dataset, totalMs: Math.round(performance.now() - began) };
  } finally {
    await database.close();
  }
}
