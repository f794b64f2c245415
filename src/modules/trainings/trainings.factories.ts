// Factories for the trainings' records in tests: a catalogue item in a given status (with its professions, topics and
// the history that led there) and a topic. Missing parents — the suggesting user and their municipality — are made
// through the platform's factories, so every test can set up its own without depending on another having run first.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/server/db.ts';
import { buildUser, type Organisation } from '../../platform/server/factories.ts';
import { normaliseTrainingUrl } from './training-link.ts';
import type { TrainingStatus } from './trainings.contracts.ts';
import { searchTextOf } from './trainings.service.ts';
import {
  trainingItem,
  trainingItemProfession,
  trainingItemTopic,
  trainingItemTransition,
  trainingTopic,
} from './trainings.table.ts';

export type TrainingItem = typeof trainingItem.$inferSelect;
export type TrainingTopic = typeof trainingTopic.$inferSelect;

export type TopicOverrides = Partial<Pick<TrainingTopic, 'key' | 'name' | 'nameEn' | 'sort' | 'active'>>;

/** A topic of the region's list (active, a unique key unless told). */
export async function buildTopic(db: Db, overrides: TopicOverrides = {}): Promise<TrainingTopic> {
  const key = overrides.key ?? `amne-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(trainingTopic)
    .values({
      key,
      name: overrides.name ?? `Ämne ${key}`,
      nameEn: overrides.nameEn ?? `Topic ${key}`,
      sort: overrides.sort ?? 1000,
      active: overrides.active ?? true,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export type TrainingItemOverrides = Partial<
  Pick<TrainingItem, 'title' | 'provider' | 'url' | 'description' | 'lengthMinutes' | 'format' | 'language'>
> & {
  /** approved (in the public catalogue) unless told. */
  status?: TrainingStatus;
  /** Profession keys of the staffing configuration; a nurse's item unless told. */
  professions?: string[];
  /** Topic keys; a key the region's list lacks is made a topic. */
  topics?: string[];
  /** Who suggested it; an employee of a new municipality unless told. */
  addedBy?: { id: string; organisation: Organisation };
};

/**
 * A catalogue item in a status (approved unless told) with its professions, topics and the transitions that led there
 * (suggested, then the status), as the services would have written them.
 */
export async function buildTrainingItem(
  db: Db,
  overrides: TrainingItemOverrides = {},
): Promise<TrainingItem & { professions: string[]; topics: TrainingTopic[] }> {
  const unique = randomUUID().slice(0, 8);
  const addedBy = overrides.addedBy ?? (await buildUser(db, { role: 'employee' }));
  const status = overrides.status ?? 'approved';
  const professions = overrides.professions ?? ['sjukskoterska'];
  const topics = await topicsByKey(db, overrides.topics ?? []);
  const title = overrides.title ?? `Utbildning ${unique}`;
  const provider = overrides.provider ?? 'Testleverantören (demo)';
  const description = overrides.description ?? '';
  const url = overrides.url ?? `https://example.org/utbildning-${unique}`;
  const [row] = await db
    .insert(trainingItem)
    .values({
      title,
      provider,
      url,
      urlKey: normaliseTrainingUrl(url) ?? url,
      description,
      lengthMinutes: overrides.lengthMinutes ?? 20,
      format: overrides.format ?? 'video',
      language: overrides.language ?? 'sv',
      status,
      searchText: searchTextOf(
        { title, provider, description },
        topics.map((t) => t.name),
      ),
      addedBy: addedBy.id,
      addedByOrganisationId: addedBy.organisation.id,
      lastReviewedAt: status === 'suggested' ? null : new Date().toISOString().slice(0, 10),
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  if (professions.length) {
    await db
      .insert(trainingItemProfession)
      .values(professions.map((professionKey) => ({ itemId: row.id, professionKey })));
  }
  if (topics.length) await db.insert(trainingItemTopic).values(topics.map((t) => ({ itemId: row.id, topicId: t.id })));
  const by = { actorUserId: addedBy.id, actorOrganisationId: addedBy.organisation.id };
  await db
    .insert(trainingItemTransition)
    .values([
      { itemId: row.id, fromStatus: null, toStatus: 'suggested', ...by },
      ...(status === 'suggested' ? [] : [{ itemId: row.id, fromStatus: 'suggested', toStatus: status, ...by }]),
    ]);
  return { ...row, professions, topics };
}

async function topicsByKey(db: Db, keys: string[]): Promise<TrainingTopic[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const found = new Map(
    (await db.select().from(trainingTopic).where(inArray(trainingTopic.key, unique))).map((t) => [t.key, t]),
  );
  const topics: TrainingTopic[] = [];
  for (const key of unique) topics.push(found.get(key) ?? (await buildTopic(db, { key })));
  return topics;
}
