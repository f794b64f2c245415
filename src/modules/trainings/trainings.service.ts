// Suggestions and review of the web trainings: anyone signed in suggests an item, the region and the MAS network
// approve it, ask for a change or remove it. Every status change is a row of the item's append-only history.
import { and, asc, desc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/server/policy.ts';
import { swedishOrder } from '../../platform/server/sql.ts';
import type { MessageFn } from '../../platform/shared/messages.ts';
import { catalogueProfessions, itemLabels, type TrainingsDeps, toPublicTrainingDto } from './catalogue.service.ts';
import { BROKEN_AFTER, checkLink, recordLinkResult } from './link-check.ts';
import { recordQueueDecision } from './rounds.service.ts';
import { normaliseTrainingUrl } from './training-link.ts';
import {
  type AdminTopicDto,
  type AdminTopicListDto,
  type CreateTopicInput,
  type ReviewPageDto,
  type ReviewTrainingDto,
  type SuggestedTrainingDto,
  type SuggestTrainingInput,
  type TopicDto,
  TRAINING_TRANSITIONS,
  TRAININGS_LIMITS,
  type TrainingStatus,
  type transitionSchema,
  type UpdateTopicInput,
  type UpdateTrainingInput,
} from './trainings.contracts.ts';
import { trainingsMessages as tm } from './trainings.messages.ts';
import {
  trainingItem,
  trainingItemProfession,
  trainingItemTopic,
  trainingItemTransition,
  trainingTopic,
} from './trainings.table.ts';

/** The text the search indexes cover: title, provider, description and the topics' names. */
export function searchTextOf(item: { title: string; provider: string; description: string }, topicNames: string[]) {
  return [item.title, item.provider, item.description, ...topicNames].filter(Boolean).join(' \n ');
}

export async function suggestTraining(
  deps: TrainingsDeps,
  ctx: SignedInContext,
  input: SuggestTrainingInput,
): Promise<SuggestedTrainingDto> {
  const { actor } = ctx;
  authorize(actor, 'trainings:suggest');
  const { db } = deps;
  await checkProfessions(deps, input.professions);
  const topics = await findTopics(db, input.topics);
  const urlKey = normaliseTrainingUrl(input.url) as string;
  await assertLinkFree(db, urlKey);

  const id = await inTransaction(db, async (tx) => {
    const topicNames = await currentTopicNames(tx, topics);
    const [row] = await tx
      .insert(trainingItem)
      .values({
        title: input.title,
        provider: input.provider,
        url: input.url,
        urlKey,
        description: input.description,
        lengthMinutes: input.lengthMinutes,
        format: input.format,
        language: input.language,
        status: 'suggested',
        searchText: searchTextOf(input, topicNames),
        addedBy: actor.userId,
        addedByToken: actor.tokenId,
        addedByOrganisationId: actor.organisationId,
      })
      .returning({ id: trainingItem.id });
    if (!row) throw new Error('insert returned no row');
    await setLabels(tx, row.id, input.professions, topics);
    await tx.insert(trainingItemTransition).values({
      itemId: row.id,
      fromStatus: null,
      toStatus: 'suggested',
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      actorOrganisationId: actor.organisationId,
    });
    await audit(tx, ctx, { action: 'training_item.suggest', entityType: 'training_item', entityId: row.id });
    return row.id;
  });
  const item = await findItem(db, id);
  return { ...toPublicTrainingDto(item, await itemLabels(db, [id])), status: item.status };
}

/** Professions must be active keys of the staffing configuration (the region's one list). */
async function checkProfessions(deps: TrainingsDeps, keys: string[]) {
  const known = new Set((await catalogueProfessions(deps)).map((p) => p.key));
  if (keys.some((k) => !known.has(k))) {
    throw new ValidationError([{ path: 'professions', message: tm.chooseListedProfessions() }]);
  }
}

/**
 * The topics with these keys: active ones, or (`kept`) ones the item has already — a deactivated topic stays on its
 * items, so correcting such an item keeps it. An unknown key is a validation error on the field.
 */
async function findTopics(db: Db, keys: string[], kept: string[] = []) {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const topics = await db
    .select()
    .from(trainingTopic)
    .where(
      and(
        inArray(trainingTopic.key, unique),
        or(eq(trainingTopic.active, true), kept.length ? inArray(trainingTopic.key, kept) : undefined),
      ),
    );
  if (topics.length !== unique.length)
    throw new ValidationError([{ path: 'topics', message: tm.chooseListedTopics() }]);
  return topics;
}

/**
 * Holds the topics' names for the rest of the transaction: a rename (which takes a stronger lock) waits for it, or it
 * waits for the rename, so an item's search text is never written with a topic name that has just changed.
 */
const holdTopicNames = (tx: Db) => tx.execute(sql`LOCK TABLE ${trainingTopic} IN SHARE MODE`);

/** The names of these topics as they are now (read again under the lock), in the catalogue's order. */
async function currentTopicNames(tx: Db, topics: { id: string }[]): Promise<string[]> {
  await holdTopicNames(tx);
  if (topics.length === 0) return [];
  const rows = await tx
    .select({ name: trainingTopic.name })
    .from(trainingTopic)
    .where(
      inArray(
        trainingTopic.id,
        topics.map((t) => t.id),
      ),
    )
    .orderBy(asc(trainingTopic.sort), swedishOrder(trainingTopic.name));
  return rows.map((r) => r.name);
}

/** Replaces an item's professions and (when given) topics. */
async function setLabels(tx: Db, itemId: string, professions: string[] | undefined, topics: { id: string }[] | null) {
  if (professions) {
    await tx.delete(trainingItemProfession).where(eq(trainingItemProfession.itemId, itemId));
    await tx
      .insert(trainingItemProfession)
      .values([...new Set(professions)].map((professionKey) => ({ itemId, professionKey })));
  }
  if (topics) {
    await tx.delete(trainingItemTopic).where(eq(trainingItemTopic.itemId, itemId));
    if (topics.length) await tx.insert(trainingItemTopic).values(topics.map((t) => ({ itemId, topicId: t.id })));
  }
}

/** The message of a link already in the catalogue, by the status of the item that has it. */
const LINK_TAKEN: Record<TrainingStatus, MessageFn> = {
  suggested: tm.linkTakenSuggested,
  approved: tm.linkTakenApproved,
  needs_change: tm.linkTakenNeedsChange,
  removed: tm.linkTakenRemoved,
};

/** The refusal of a transition TRAINING_TRANSITIONS does not allow, worded for the two statuses. */
const CANNOT_BECOME: Partial<Record<TrainingStatus, Partial<Record<TrainingStatus, MessageFn>>>> = {
  removed: {
    approved: tm.removedCannotBeApproved,
    needs_change: tm.removedCannotNeedChange,
    removed: tm.removedCannotBeRemoved,
  },
  needs_change: { needs_change: tm.needsChangeCannotNeedChange },
};

/** A link already in the catalogue (not removed) is a 409 naming the item, so the user can find it. */
async function assertLinkFree(db: Db, urlKey: string, exceptId?: string) {
  const [existing] = await db
    .select({ title: trainingItem.title, status: trainingItem.status })
    .from(trainingItem)
    .where(
      and(
        eq(trainingItem.urlKey, urlKey),
        ne(trainingItem.status, 'removed'),
        exceptId ? ne(trainingItem.id, exceptId) : undefined,
      ),
    );
  if (existing) {
    const message = LINK_TAKEN[existing.status]({ title: existing.title });
    throw new ConflictError(message, [{ path: 'url', message }]);
  }
}

async function findItem(db: Db, id: string) {
  const [row] = await db.select().from(trainingItem).where(eq(trainingItem.id, id));
  if (!row) throw new NotFoundError(tm.trainingNotFound());
  return row;
}

/** A reviewer corrects an item's fields (typically after "needs change"); its status stays until a transition. */
export async function updateTraining(
  deps: TrainingsDeps,
  ctx: SignedInContext,
  id: string,
  input: UpdateTrainingInput,
): Promise<ReviewTrainingDto> {
  const { actor } = ctx;
  authorize(actor, 'trainings:review');
  const { db } = deps;
  const current = await findItem(db, id);
  if (current.status === 'removed') throw new ConflictError(tm.removedCannotChange());
  if (input.professions) await checkProfessions(deps, input.professions);
  const currentTopics = (await itemLabels(db, [id])).topics.get(id) ?? [];
  const topics = input.topics
    ? await findTopics(
        db,
        input.topics,
        currentTopics.map((t) => t.key),
      )
    : null;
  const urlKey = input.url ? (normaliseTrainingUrl(input.url) as string) : current.urlKey;
  if (urlKey !== current.urlKey) await assertLinkFree(db, urlKey, id);
  const { professions, topics: _topics, ...fields } = input;
  const next = { ...current, ...fields };
  await inTransaction(db, async (tx) => {
    await holdTopicNames(tx);
    await setLabels(tx, id, professions, topics);
    const topicNames = ((await itemLabels(tx, [id])).topics.get(id) ?? []).map((t) => t.name);
    await tx
      .update(trainingItem)
      .set({ ...fields, urlKey, searchText: searchTextOf(next, topicNames), updatedAt: new Date() })
      .where(eq(trainingItem.id, id));
    await audit(tx, ctx, { action: 'training_item.update', entityType: 'training_item', entityId: id });
  });
  const [dto] = await reviewDtos(db, actor, [await findItem(db, id)]);
  return dto as ReviewTrainingDto;
}

export async function transitionTraining(
  deps: TrainingsDeps,
  ctx: SignedInContext,
  id: string,
  input: z.infer<typeof transitionSchema>,
): Promise<ReviewTrainingDto> {
  const { actor } = ctx;
  authorize(actor, 'trainings:review');
  const { db } = deps;
  await inTransaction(db, async (tx) => {
    // Locked, so two reviewers at once cannot both move it from the same status.
    const [item] = await tx.select().from(trainingItem).where(eq(trainingItem.id, id)).for('update');
    if (!item) throw new NotFoundError(tm.trainingNotFound());
    if (!TRAINING_TRANSITIONS[item.status].includes(input.status)) {
      throw new ConflictError((CANNOT_BECOME[item.status]?.[input.status] ?? tm.transitionRefused)());
    }
    const now = new Date();
    await tx
      .update(trainingItem)
      .set({
        status: input.status,
        updatedAt: now,
        ...(input.status === 'approved' ? { lastReviewedAt: sql`CURRENT_DATE` } : {}),
      })
      .where(eq(trainingItem.id, id));
    const reviewRoundId = await recordQueueDecision(tx, actor, id, input, now);
    await tx.insert(trainingItemTransition).values({
      itemId: id,
      fromStatus: item.status,
      toStatus: input.status,
      comment: input.comment || null,
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      actorOrganisationId: actor.organisationId,
      reviewRoundId,
    });
    const action = { approved: 'approve', needs_change: 'needs_change', removed: 'remove' }[input.status];
    await audit(tx, ctx, { action: `training_item.${action}`, entityType: 'training_item', entityId: id });
  });
  const [dto] = await reviewDtos(db, actor, [await findItem(db, id)]);
  return dto as ReviewTrainingDto;
}

/** A reviewer checks an item's link at once (as the nightly job would) and sees the result; nothing is changed. */
export async function checkLinkNow(deps: TrainingsDeps, ctx: SignedInContext, id: string): Promise<ReviewTrainingDto> {
  const { actor } = ctx;
  authorize(actor, 'trainings:review');
  const { db } = deps;
  const item = await findItem(db, id);
  if (item.status === 'removed') throw new ConflictError(tm.removedNotChecked());
  if (!deps.linkCheck) throw new Error('link checking is not configured');
  const result = await checkLink(item.url, deps.linkCheck);
  await inTransaction(db, async (tx) => {
    await recordLinkResult(tx, id, result, new Date());
    await audit(tx, ctx, { action: 'training_item.check_link', entityType: 'training_item', entityId: id });
  });
  const [dto] = await reviewDtos(db, actor, [await findItem(db, id)]);
  return dto as ReviewTrainingDto;
}

/** The review queue (open = suggested or needs change) or any one status, oldest first, with each item's history. */
export async function listForReview(
  deps: TrainingsDeps,
  ctx: SignedInContext,
  query: { status: 'open' | 'links' | TrainingStatus; page: number },
): Promise<ReviewPageDto> {
  const { actor } = ctx;
  authorize(actor, 'trainings:review');
  const { db } = deps;
  const where =
    query.status === 'links'
      ? and(
          ne(trainingItem.status, 'removed'),
          or(gte(trainingItem.linkFailures, BROKEN_AFTER), eq(trainingItem.linkOutcome, 'moved')),
        )
      : inArray(trainingItem.status, query.status === 'open' ? ['suggested', 'needs_change'] : [query.status]);
  const pageSize = TRAININGS_LIMITS.pageSize;
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(trainingItem).where(where);
  const rows = await db
    .select()
    .from(trainingItem)
    .where(where)
    .orderBy(query.status === 'open' ? asc(trainingItem.addedAt) : desc(trainingItem.updatedAt), asc(trainingItem.id))
    .limit(pageSize)
    .offset((query.page - 1) * pageSize);
  // The queue names who suggested and reviewed (within the reviewer's own municipality): a read of personal data.
  await audit(db, ctx, { action: 'training_item.list_review', entityType: 'training_item' });
  return { items: await reviewDtos(db, actor, rows), total: count?.n ?? 0, page: query.page, pageSize };
}

/** A person's name is shown to the regional admin and within the person's own organisation; else only where from. */
function nameVisibleTo(actor: Actor, organisationId: string | null) {
  return (
    (actor.organisationKind === 'region' && actor.roles.includes('regional_admin')) ||
    (organisationId !== null && organisationId === actor.organisationId)
  );
}

async function reviewDtos(
  db: Db,
  actor: Actor,
  rows: (typeof trainingItem.$inferSelect)[],
): Promise<ReviewTrainingDto[]> {
  const ids = rows.map((r) => r.id);
  const labels = await itemLabels(db, ids);
  const history =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(trainingItemTransition)
          .where(inArray(trainingItemTransition.itemId, ids))
          .orderBy(asc(trainingItemTransition.at), asc(trainingItemTransition.id));
  const userIds = [...new Set([...rows.map((r) => r.addedBy), ...history.map((h) => h.actorUserId)])].filter(
    (x): x is string => x !== null,
  );
  const orgIds = [
    ...new Set([...rows.map((r) => r.addedByOrganisationId), ...history.map((h) => h.actorOrganisationId)]),
  ].filter((x): x is string => x !== null);
  const names = new Map(
    (userIds.length
      ? await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, userIds))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const orgs = new Map(
    (orgIds.length
      ? await db
          .select({ id: organisation.id, name: organisation.name })
          .from(organisation)
          .where(inArray(organisation.id, orgIds))
      : []
    ).map((o) => [o.id, o.name]),
  );
  const person = (userId: string | null, organisationId: string | null) => ({
    name: userId && nameVisibleTo(actor, organisationId) ? (names.get(userId) ?? null) : null,
    organisation: organisationId ? (orgs.get(organisationId) ?? null) : null,
  });
  return rows.map((row) => ({
    ...toPublicTrainingDto(row, labels),
    status: row.status,
    addedBy: person(row.addedBy, row.addedByOrganisationId),
    link: {
      checkedAt: row.linkCheckedAt?.toISOString() ?? null,
      outcome: row.linkOutcome,
      httpStatus: row.linkHttpStatus,
      failures: row.linkFailures,
      broken: row.linkFailures >= BROKEN_AFTER,
      newUrl: row.linkNewUrl,
    },
    history: history
      .filter((h) => h.itemId === row.id)
      .map((h) => ({
        fromStatus: h.fromStatus as TrainingStatus | null,
        toStatus: h.toStatus as TrainingStatus,
        comment: h.comment,
        by: person(h.actorUserId, h.actorOrganisationId),
        at: h.at.toISOString(),
      })),
  }));
}

// ---- topics (Ämnen): the region's list, managed by the regional admin ----

/** A name another topic has (Swedish or English, ignoring case) is a 409 on that field. */
async function assertTopicNamesFree(tx: Db, names: { name?: string; nameEn?: string }, exceptId?: string) {
  const fold = (v: string) => v.trim().toLocaleLowerCase('sv');
  // The list is short (tens of topics); compared here, so case folding does not depend on the database's locale.
  const others = (await tx.select().from(trainingTopic)).filter((t) => t.id !== exceptId);
  const fields = [
    { path: 'name', value: names.name, taken: (t: typeof trainingTopic.$inferSelect) => t.name },
    { path: 'nameEn', value: names.nameEn, taken: (t: typeof trainingTopic.$inferSelect) => t.nameEn },
  ];
  const errors = fields.flatMap(({ path, value, taken }) => {
    const clash = value === undefined ? undefined : others.find((t) => fold(taken(t)) === fold(value));
    return clash ? [{ path, message: tm.topicNameTaken({ name: taken(clash) }) }] : [];
  });
  const [first] = errors;
  if (first) throw new ConflictError(first.message, errors);
}

/**
 * Topic writes take turns, so two admins cannot give two topics the same name at once (no index on lower(name)); and
 * a rename waits for items being suggested or corrected (holdTopicNames), so its rebuild of the search text sees them.
 */
const lockTopics = (tx: Db) => tx.execute(sql`LOCK TABLE ${trainingTopic} IN SHARE ROW EXCLUSIVE MODE`);

export async function createTopic(db: Db, ctx: SignedInContext, input: CreateTopicInput): Promise<TopicDto> {
  authorize(ctx.actor, 'trainings:manage');
  return inTransaction(db, async (tx) => {
    await lockTopics(tx);
    const [clash] = await tx
      .select({ id: trainingTopic.id })
      .from(trainingTopic)
      .where(eq(trainingTopic.key, input.key));
    if (clash) {
      throw new ConflictError(tm.topicKeyTaken(), [{ path: 'key', message: tm.topicKeyTaken() }]);
    }
    await assertTopicNamesFree(tx, input);
    // Last in the order: after every topic, active or not.
    const [last] = await tx.select({ sort: sql<number | null>`max(${trainingTopic.sort})` }).from(trainingTopic);
    const [row] = await tx
      .insert(trainingTopic)
      .values({ ...input, sort: (last?.sort ?? 0) + 10 })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await audit(tx, ctx, { action: 'training_topic.create', entityType: 'training_topic', entityId: row.id });
    return { key: row.key, name: row.name, nameEn: row.nameEn };
  });
}

/** Every topic, inactive ones too, in the catalogue's order, with how many items (not removed) have each. */
export async function listTopics(db: Db, ctx: SignedInContext): Promise<AdminTopicListDto> {
  authorize(ctx.actor, 'trainings:manage');
  return { topics: await adminTopics(db) };
}

async function adminTopics(db: Db, id?: string): Promise<AdminTopicDto[]> {
  const topics = await db
    .select({
      id: trainingTopic.id,
      key: trainingTopic.key,
      name: trainingTopic.name,
      nameEn: trainingTopic.nameEn,
      sort: trainingTopic.sort,
      active: trainingTopic.active,
    })
    .from(trainingTopic)
    .where(id ? eq(trainingTopic.id, id) : undefined)
    .orderBy(asc(trainingTopic.sort), swedishOrder(trainingTopic.name), asc(trainingTopic.id));
  const counts = await db
    .select({ topicId: trainingItemTopic.topicId, n: sql<number>`count(*)::int` })
    .from(trainingItemTopic)
    .innerJoin(trainingItem, eq(trainingItem.id, trainingItemTopic.itemId))
    .where(and(ne(trainingItem.status, 'removed'), id ? eq(trainingItemTopic.topicId, id) : undefined))
    .groupBy(trainingItemTopic.topicId);
  const items = new Map(counts.map((c) => [c.topicId, c.n]));
  return topics.map((topic) => ({ ...topic, items: items.get(topic.id) ?? 0 }));
}

/**
 * Renames, reorders, deactivates or activates a topic; the key never changes. A new name is written into the search
 * text of every item with the topic in the same transaction, so the public search finds it by its new name at once.
 * A deactivated topic leaves the public filters and the suggestion form but stays on the items that have it.
 */
export async function updateTopic(
  db: Db,
  ctx: SignedInContext,
  id: string,
  input: UpdateTopicInput,
): Promise<AdminTopicDto> {
  authorize(ctx.actor, 'trainings:manage');
  await inTransaction(db, async (tx) => {
    await lockTopics(tx);
    const [current] = await tx.select().from(trainingTopic).where(eq(trainingTopic.id, id));
    if (!current) throw new NotFoundError(tm.topicNotFound());
    await assertTopicNamesFree(tx, input, id);
    await tx.update(trainingTopic).set(input).where(eq(trainingTopic.id, id));
    if (input.name !== undefined && input.name !== current.name) await rebuildSearchText(tx, id);
    await audit(tx, ctx, { action: 'training_topic.update', entityType: 'training_topic', entityId: id });
  });
  const [dto] = await adminTopics(db, id);
  return dto as AdminTopicDto;
}

/** Writes the search text of every item with the topic again, from its fields and its topics' current names. */
async function rebuildSearchText(tx: Db, topicId: string) {
  // Locked, so a reviewer's correction of one of these items waits rather than write the old name back.
  const items = await tx
    .select({
      id: trainingItem.id,
      title: trainingItem.title,
      provider: trainingItem.provider,
      description: trainingItem.description,
    })
    .from(trainingItem)
    .where(
      inArray(
        trainingItem.id,
        tx
          .select({ id: trainingItemTopic.itemId })
          .from(trainingItemTopic)
          .where(eq(trainingItemTopic.topicId, topicId)),
      ),
    )
    .for('update');
  if (items.length === 0) return;
  const labels = await itemLabels(
    tx,
    items.map((i) => i.id),
  );
  const rows = items.map((i) => ({
    id: i.id,
    text: searchTextOf(
      i,
      (labels.topics.get(i.id) ?? []).map((t) => t.name),
    ),
  }));
  // One statement for them all (a topic may have hundreds of items).
  await tx.execute(sql`
    UPDATE ${trainingItem} SET search_text = v.text
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(id uuid, text text)
    WHERE ${trainingItem.id} = v.id`);
}
