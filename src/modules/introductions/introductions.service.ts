// Introduction lists: managers build a municipality's lists from catalogue and local items, give a list to a new
// employee (a snapshot with a personal link), and follow the progress. Every query is scoped through the policy.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { authorize, authorizeObject, hashToken, requireActorOf } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import type { Mailer } from '../../platform/server/mail.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { type Action, type Actor, can } from '../../platform/server/policy.ts';
import {
  type CatalogueItemRef,
  type CatalogueLookupDeps,
  catalogueItemsByIds,
  catalogueProfessionKeys,
  searchApprovedItems,
} from '../trainings/items-lookup.service.ts';
import {
  type AddEntryInput,
  type AssignInput,
  type AssignmentDto,
  type CatalogueChoiceDto,
  type CreateListInput,
  type EntryDto,
  INTRO_LIMITS,
  type IntroductionDto,
  type ListDto,
  type ListSummaryDto,
  type ProgressEntryDto,
  type UpdateListInput,
} from './introductions.contracts.ts';
import { introAssignment, introAssignmentEntry, introList, introListEntry } from './introductions.table.ts';

export type IntroductionsDeps = {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  trainings: CatalogueLookupDeps;
};

type ListRow = typeof introList.$inferSelect;
type ListEntryRow = typeof introListEntry.$inferSelect;
type AssignmentRow = typeof introAssignment.$inferSelect;
type AssignmentEntryRow = typeof introAssignmentEntry.$inferSelect;

const DAY = 86_400_000;
const GONE = 'Länken gäller inte längre. Be din chef att skicka en ny.';

/** Allowed for some object of the actor's own organisation: the gate before any object is looked up. */
function authorizeAny(actor: Actor, action: Action) {
  authorize(actor, action, { organisationId: actor.organisationId, organisationKind: actor.organisationKind });
}

/** A list's changes: another municipality's list is visible in the library, so it is refused (403), not hidden. */
function authorizeListChange(actor: Actor, list: ListRow) {
  authorize(actor, 'introductions:manage', { organisationId: list.organisationId });
}

async function findList(db: Db, id: string): Promise<ListRow> {
  const [row] = await db.select().from(introList).where(eq(introList.id, id));
  if (!row) throw new NotFoundError('Listan finns inte.');
  return row;
}

async function municipalityNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(inArray(organisation.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Where a new or copied list goes: the actor's municipality, or for a regional admin the one chosen. */
async function targetMunicipality(db: Db, actor: Actor, chosen: string | undefined): Promise<string> {
  const id = chosen ?? (actor.organisationKind === 'municipality' ? actor.organisationId : undefined);
  if (!id) throw new ValidationError([{ path: 'municipalityId', message: 'Välj en kommun.' }]);
  authorize(actor, 'introductions:manage', { organisationId: id, organisationKind: 'municipality' });
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.id, id), eq(organisation.kind, 'municipality'), eq(organisation.active, true)));
  if (!row) throw new ValidationError([{ path: 'municipalityId', message: 'Välj en kommun ur listan.' }]);
  return row.id;
}

async function checkProfession(deps: IntroductionsDeps, key: string | undefined) {
  if (key === undefined) return;
  if (!(await catalogueProfessionKeys(deps.trainings)).has(key)) {
    throw new ValidationError([{ path: 'professionKey', message: 'Välj ett yrke ur listan.' }]);
  }
}

// ---- entries as shown ----

type StoredEntry = Pick<ListEntryRow, 'id' | 'kind' | 'trainingItemId' | 'title' | 'url' | 'description'>;

/**
 * A catalogue entry shows the catalogue's current title and link (a corrected link reaches everyone); an item that
 * has left the public catalogue keeps the title it had and loses its link.
 */
function toEntryDto(entry: StoredEntry, items: Map<string, CatalogueItemRef>): EntryDto {
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

const itemIdsOf = (entries: StoredEntry[]) =>
  entries.flatMap((e) => (e.kind === 'catalogue' && e.trainingItemId ? [e.trainingItemId] : []));

// ---- lists ----

export async function listLists(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  scope: 'own' | 'library',
): Promise<ListSummaryDto[]> {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:read');
  const { db } = deps;
  // The library is every municipality's lists; "own" is what the actor manages (all of them for the region).
  const ownOnly = scope === 'own' && actor.organisationKind === 'municipality';
  const rows = await db
    .select()
    .from(introList)
    .where(ownOnly ? eq(introList.organisationId, actor.organisationId) : undefined)
    .orderBy(desc(introList.updatedAt), asc(introList.id))
    .limit(INTRO_LIMITS.maxLists);
  const summaries = await summariesOf(db, actor, rows);
  return summaries.sort(
    (a, b) =>
      Number(b.canManage) - Number(a.canManage) ||
      a.municipalityName.localeCompare(b.municipalityName, 'sv') ||
      a.name.localeCompare(b.name, 'sv'),
  );
}

async function summariesOf(db: Db, actor: Actor, rows: ListRow[]): Promise<ListSummaryDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const entryCounts = await db
    .select({ listId: introListEntry.listId, n: sql<number>`count(*)::int` })
    .from(introListEntry)
    .where(inArray(introListEntry.listId, ids))
    .groupBy(introListEntry.listId);
  const managed = rows.filter((r) => can(actor, 'introductions:manage', { organisationId: r.organisationId }));
  const activeCounts = managed.length
    ? await db
        .select({ listId: introAssignment.listId, n: sql<number>`count(*)::int` })
        .from(introAssignment)
        .where(
          and(
            inArray(
              introAssignment.listId,
              managed.map((r) => r.id),
            ),
            isNull(introAssignment.endedAt),
          ),
        )
        .groupBy(introAssignment.listId)
    : [];
  const names = await municipalityNames(
    db,
    rows.map((r) => r.organisationId),
  );
  const entries = new Map(entryCounts.map((c) => [c.listId, c.n]));
  const active = new Map(activeCounts.map((c) => [c.listId, c.n]));
  const managedIds = new Set(managed.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    professionKey: r.professionKey,
    municipalityId: r.organisationId,
    municipalityName: names.get(r.organisationId) ?? '',
    entryCount: entries.get(r.id) ?? 0,
    activeAssignments: managedIds.has(r.id) ? (active.get(r.id) ?? 0) : null,
    canManage: managedIds.has(r.id),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function getList(deps: IntroductionsDeps, ctx: RequestContext, id: string): Promise<ListDto> {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:read');
  return listDto(deps.db, actor, await findList(deps.db, id));
}

async function listDto(db: Db, actor: Actor, list: ListRow): Promise<ListDto> {
  const [summary] = await summariesOf(db, actor, [list]);
  if (!summary) throw new NotFoundError();
  const entries = await db
    .select()
    .from(introListEntry)
    .where(eq(introListEntry.listId, list.id))
    .orderBy(asc(introListEntry.position));
  const items = await catalogueItemsByIds(db, itemIdsOf(entries));
  return {
    ...summary,
    description: list.description,
    copiedFromId: list.copiedFromId,
    entries: entries.map((e) => toEntryDto(e, items)),
  };
}

export async function createList(deps: IntroductionsDeps, ctx: RequestContext, input: CreateListInput) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const organisationId = await targetMunicipality(db, actor, input.municipalityId);
  await checkProfession(deps, input.professionKey);
  const list = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(introList)
      .values({
        organisationId,
        name: input.name,
        professionKey: input.professionKey,
        description: input.description,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await audit(tx, ctx, { action: 'intro_list.create', entityType: 'intro_list', entityId: row.id, organisationId });
    return row;
  });
  return listDto(db, actor, list);
}

export async function updateList(deps: IntroductionsDeps, ctx: RequestContext, id: string, input: UpdateListInput) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, id);
  authorizeListChange(actor, list);
  await checkProfession(deps, input.professionKey);
  await inTransaction(db, async (tx) => {
    await tx
      .update(introList)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(introList.id, id));
    await audit(tx, ctx, {
      action: 'intro_list.update',
      entityType: 'intro_list',
      entityId: id,
      organisationId: list.organisationId,
    });
  });
  return listDto(db, actor, await findList(db, id));
}

/** Deletes a list; introductions already given keep their own copy of the entries. */
export async function deleteList(deps: IntroductionsDeps, ctx: RequestContext, id: string) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, id);
  authorizeListChange(actor, list);
  await inTransaction(db, async (tx) => {
    await tx.delete(introList).where(eq(introList.id, id));
    await audit(tx, ctx, {
      action: 'intro_list.delete',
      entityType: 'intro_list',
      entityId: id,
      organisationId: list.organisationId,
    });
  });
  return { ok: true as const };
}

async function entriesOf(db: Db, listId: string) {
  return db
    .select()
    .from(introListEntry)
    .where(eq(introListEntry.listId, listId))
    .orderBy(asc(introListEntry.position), asc(introListEntry.id));
}

async function touch(tx: Db, ctx: RequestContext, list: ListRow) {
  await tx.update(introList).set({ updatedAt: new Date() }).where(eq(introList.id, list.id));
  await audit(tx, ctx, {
    action: 'intro_list.update',
    entityType: 'intro_list',
    entityId: list.id,
    organisationId: list.organisationId,
  });
}

export async function addEntry(deps: IntroductionsDeps, ctx: RequestContext, listId: string, input: AddEntryInput) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  authorizeListChange(actor, list);
  const existing = await entriesOf(db, listId);
  if (existing.length >= INTRO_LIMITS.maxEntries) {
    throw new ValidationError([], `En lista kan ha högst ${INTRO_LIMITS.maxEntries} punkter.`);
  }
  let values: Omit<typeof introListEntry.$inferInsert, 'listId' | 'position'>;
  if (input.kind === 'catalogue') {
    const item = (await catalogueItemsByIds(db, [input.trainingItemId])).get(input.trainingItemId);
    if (!item?.available) {
      throw new ValidationError([{ path: 'trainingItemId', message: 'Välj en utbildning som finns i katalogen.' }]);
    }
    if (existing.some((e) => e.trainingItemId === item.id)) {
      throw new ConflictError('Utbildningen finns redan i listan.', [
        { path: 'trainingItemId', message: 'Utbildningen finns redan i listan.' },
      ]);
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

export async function removeEntry(deps: IntroductionsDeps, ctx: RequestContext, listId: string, entryId: string) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  authorizeListChange(actor, list);
  await inTransaction(db, async (tx) => {
    const removed = await tx
      .delete(introListEntry)
      .where(and(eq(introListEntry.id, entryId), eq(introListEntry.listId, listId)))
      .returning({ id: introListEntry.id });
    if (removed.length === 0) throw new NotFoundError('Punkten finns inte i listan.');
    await touch(tx, ctx, list);
  });
  return listDto(db, actor, await findList(db, listId));
}

/** Moves an entry one step up or down (swaps it with its neighbour); at either end nothing changes. */
export async function moveEntry(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  listId: string,
  entryId: string,
  direction: 'up' | 'down',
) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  authorizeListChange(actor, list);
  const entries = await entriesOf(db, listId);
  const index = entries.findIndex((e) => e.id === entryId);
  if (index < 0) throw new NotFoundError('Punkten finns inte i listan.');
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

/** Copies a list the actor can see into their own municipality (or, for the region, the one chosen). */
export async function copyList(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  id: string,
  input: { municipalityId?: string },
) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:read');
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const source = await findList(db, id);
  const organisationId = await targetMunicipality(db, actor, input.municipalityId);
  const entries = await entriesOf(db, id);
  const copy = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(introList)
      .values({
        organisationId,
        name: organisationId === source.organisationId ? `${source.name} (kopia)` : source.name,
        professionKey: source.professionKey,
        description: source.description,
        copiedFromId: source.id,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    if (entries.length) {
      await tx.insert(introListEntry).values(
        entries.map((e, i) => ({
          listId: row.id,
          position: i + 1,
          kind: e.kind,
          trainingItemId: e.trainingItemId,
          title: e.title,
          url: e.url,
          description: e.description,
        })),
      );
    }
    await audit(tx, ctx, { action: 'intro_list.copy', entityType: 'intro_list', entityId: row.id, organisationId });
    return row;
  });
  return listDto(db, actor, copy);
}

export async function searchCatalogueChoices(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  q: string | undefined,
): Promise<CatalogueChoiceDto[]> {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const items = await searchApprovedItems(deps.db, q, INTRO_LIMITS.catalogueResults);
  return items.map(({ id, title, provider, url }) => ({ id, title, provider, url }));
}

// ---- assignments ----

function newToken() {
  // 256 random bits; only the hash is stored.
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), tokenExpiresAt: new Date(Date.now() + INTRO_LIMITS.linkDays * DAY) };
}

export function introductionLink(publicUrl: string, token: string) {
  return `${publicUrl}/introduktion?token=${encodeURIComponent(token)}`;
}

export function introductionMail(
  publicUrl: string,
  a: { email: string; name: string | null; listName: string; linkedToUser: boolean },
  municipalityName: string,
  token: string,
) {
  return {
    to: a.email,
    subject: `Din introduktion – ${a.listName}`,
    text: [
      a.name ? `Hej ${a.name}!` : 'Hej!',
      '',
      `Välkommen till ${municipalityName}! Din chef har gett dig introduktionslistan "${a.listName}" i Kompetensnav.`,
      `Öppna den här och bocka av punkterna när du har gjort dem (länken gäller i ${INTRO_LIMITS.linkDays} dagar): ${introductionLink(publicUrl, token)}`,
      ...(a.linkedToUser ? ['', 'Du hittar den också under "Min introduktion" när du loggar in i Kompetensnav.'] : []),
      '',
      'Länken är personlig: dela den inte med andra.',
    ].join('\n'),
  };
}

async function progressEntries(db: Db, assignmentIds: string[]) {
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

async function assignmentDtos(db: Db, rows: AssignmentRow[]): Promise<AssignmentDto[]> {
  const entries = await progressEntries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const list = entries.get(r.id) ?? [];
    return {
      id: r.id,
      listId: r.listId,
      listName: r.listName,
      email: r.email,
      name: r.name,
      linkedToUser: r.userId !== null,
      createdAt: r.createdAt.toISOString(),
      lastSentAt: r.lastSentAt.toISOString(),
      linkExpiresAt: r.tokenExpiresAt.toISOString(),
      lastActivityAt: r.lastActivityAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      done: list.filter((e) => e.doneAt !== null).length,
      total: list.length,
      entries: list,
    };
  });
}

async function introductionDtos(db: Db, rows: AssignmentRow[]): Promise<IntroductionDto[]> {
  const entries = await progressEntries(
    db,
    rows.map((r) => r.id),
  );
  const names = await municipalityNames(
    db,
    rows.map((r) => r.organisationId),
  );
  return rows.map((r) => {
    const list = entries.get(r.id) ?? [];
    return {
      id: r.id,
      listName: r.listName,
      municipalityName: names.get(r.organisationId) ?? '',
      name: r.name,
      createdAt: r.createdAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      done: list.filter((e) => e.doneAt !== null).length,
      total: list.length,
      entries: list,
    };
  });
}

const readEvents = (rows: AssignmentRow[]) =>
  rows.map((r) => ({
    action: 'intro_assignment.read',
    entityType: 'intro_assignment',
    entityId: r.id,
    organisationId: r.organisationId,
  }));

/** The people a list was given to, with their progress (the manager's follow-up). */
export async function listAssignments(deps: IntroductionsDeps, ctx: RequestContext, listId: string) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  // Personal data: another municipality's people are hidden (404), even though its list is in the library.
  authorizeObject(actor, 'introductions:manage', { organisationId: list.organisationId });
  const rows = await db
    .select()
    .from(introAssignment)
    .where(and(eq(introAssignment.listId, listId), eq(introAssignment.organisationId, list.organisationId)))
    .orderBy(sql`${introAssignment.endedAt} IS NOT NULL`, asc(introAssignment.createdAt));
  await audit(db, ctx, readEvents(rows));
  return assignmentDtos(db, rows);
}

export async function assign(deps: IntroductionsDeps, ctx: RequestContext, listId: string, input: AssignInput) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:manage');
  const { db } = deps;
  const list = await findList(db, listId);
  authorizeObject(actor, 'introductions:manage', { organisationId: list.organisationId });
  const entries = await entriesOf(db, listId);
  if (entries.length === 0) {
    throw new ValidationError(
      [],
      'Listan har inga punkter ännu. Lägg till minst en punkt innan du ger den till någon.',
    );
  }
  const [ongoing] = await db
    .select({ id: introAssignment.id })
    .from(introAssignment)
    .where(
      and(
        eq(introAssignment.listId, listId),
        sql`lower(${introAssignment.email}) = ${input.email}`,
        isNull(introAssignment.endedAt),
      ),
    );
  if (ongoing) {
    throw new ConflictError('Personen har redan den här introduktionen.', [
      { path: 'email', message: 'Personen har redan den här introduktionen. Skicka länken igen i stället.' },
    ]);
  }
  // A user of the same municipality with this address also sees it under "Min introduktion".
  const [existingUser] = await db
    .select({ id: user.id })
    .from(user)
    .where(
      and(
        sql`lower(${user.email}) = ${input.email}`,
        eq(user.organisationId, list.organisationId),
        eq(user.active, true),
      ),
    );
  const items = await catalogueItemsByIds(db, itemIdsOf(entries));
  const { token, tokenHash, tokenExpiresAt } = newToken();
  const row = await inTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(introAssignment)
      .values({
        organisationId: list.organisationId,
        listId,
        listName: list.name,
        professionKey: list.professionKey,
        email: input.email,
        name: input.name || null,
        userId: existingUser?.id ?? null,
        tokenHash,
        tokenExpiresAt,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await tx.insert(introAssignmentEntry).values(
      entries.map((e, i) => {
        const item = e.trainingItemId ? items.get(e.trainingItemId) : undefined;
        return {
          assignmentId: created.id,
          position: i + 1,
          kind: e.kind,
          trainingItemId: e.trainingItemId,
          title: item?.title ?? e.title,
          url: e.kind === 'local' ? e.url : (item?.url ?? null),
          description: e.description,
        };
      }),
    );
    await audit(tx, ctx, {
      action: 'intro_assignment.create',
      entityType: 'intro_assignment',
      entityId: created.id,
      organisationId: list.organisationId,
    });
    return created;
  });
  await sendLink(deps, row, token);
  const [dto] = await assignmentDtos(db, [row]);
  return dto as AssignmentDto;
}

async function sendLink(deps: IntroductionsDeps, row: AssignmentRow, token: string) {
  const names = await municipalityNames(deps.db, [row.organisationId]);
  await deps.mailer.send(
    introductionMail(
      deps.publicUrl,
      { email: row.email, name: row.name, listName: row.listName, linkedToUser: row.userId !== null },
      names.get(row.organisationId) ?? '',
      token,
    ),
  );
}

/** An assignment the actor manages: another municipality's answers 404, a non-manager 403. */
async function managedAssignment(db: Db, actor: Actor, id: string): Promise<AssignmentRow> {
  authorizeAny(actor, 'introductions:manage');
  const [row] = await db.select().from(introAssignment).where(eq(introAssignment.id, id));
  if (!row) throw new NotFoundError('Introduktionen finns inte.');
  authorizeObject(actor, 'introductions:manage', { organisationId: row.organisationId });
  return row;
}

/** A new personal link (the old one stops working) with a fresh expiry, sent again. */
export async function resendLink(deps: IntroductionsDeps, ctx: RequestContext, id: string) {
  const actor = requireActorOf(ctx);
  const { db } = deps;
  const row = await managedAssignment(db, actor, id);
  if (row.endedAt) throw new ConflictError('Introduktionen är avslutad. Ge listan på nytt i stället.');
  const { token, tokenHash, tokenExpiresAt } = newToken();
  const updated = await inTransaction(db, async (tx) => {
    const [saved] = await tx
      .update(introAssignment)
      .set({ tokenHash, tokenExpiresAt, lastSentAt: new Date() })
      .where(eq(introAssignment.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'intro_assignment.resend',
      entityType: 'intro_assignment',
      entityId: id,
      organisationId: row.organisationId,
    });
    return saved as AssignmentRow;
  });
  await sendLink(deps, updated, token);
  const [dto] = await assignmentDtos(db, [updated]);
  return dto as AssignmentDto;
}

/** Ends an introduction: the link stops working; the manager still sees how far the person came. */
export async function endAssignment(deps: IntroductionsDeps, ctx: RequestContext, id: string) {
  const actor = requireActorOf(ctx);
  const { db } = deps;
  const row = await managedAssignment(db, actor, id);
  if (row.endedAt) throw new ConflictError('Introduktionen är redan avslutad.');
  const updated = await inTransaction(db, async (tx) => {
    const [saved] = await tx
      .update(introAssignment)
      .set({ endedAt: new Date(), endedBy: actor.kind === 'user' ? actor.userId : null })
      .where(eq(introAssignment.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'intro_assignment.end',
      entityType: 'intro_assignment',
      entityId: id,
      organisationId: row.organisationId,
    });
    return saved as AssignmentRow;
  });
  const [dto] = await assignmentDtos(db, [updated]);
  return dto as AssignmentDto;
}

/** Removes an introduction with its progress and the person's address (e.g. given by mistake). */
export async function deleteAssignment(deps: IntroductionsDeps, ctx: RequestContext, id: string) {
  const actor = requireActorOf(ctx);
  const { db } = deps;
  const row = await managedAssignment(db, actor, id);
  await inTransaction(db, async (tx) => {
    await tx.delete(introAssignment).where(eq(introAssignment.id, id));
    await audit(tx, ctx, {
      action: 'intro_assignment.delete',
      entityType: 'intro_assignment',
      entityId: id,
      organisationId: row.organisationId,
    });
  });
  return { ok: true as const };
}

// ---- the employee's side ----

/** The signed-in person's ongoing introductions: given to them, or to their address in their municipality. */
async function myAssignments(db: Db, actor: Actor, extra?: SQL): Promise<AssignmentRow[]> {
  const [me] = await db.select({ email: user.email }).from(user).where(eq(user.id, actor.userId));
  if (!me) return [];
  return db
    .select()
    .from(introAssignment)
    .where(
      and(
        eq(introAssignment.organisationId, actor.organisationId),
        or(eq(introAssignment.userId, actor.userId), sql`lower(${introAssignment.email}) = ${me.email.toLowerCase()}`),
        isNull(introAssignment.endedAt),
        extra,
      ),
    )
    .orderBy(asc(introAssignment.createdAt));
}

export async function myIntroductions(deps: IntroductionsDeps, ctx: RequestContext) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:follow');
  const rows = await myAssignments(deps.db, actor);
  await audit(deps.db, ctx, readEvents(rows));
  return introductionDtos(deps.db, rows);
}

export async function setMyProgress(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  id: string,
  entryId: string,
  done: boolean,
) {
  const actor = requireActorOf(ctx);
  authorizeAny(actor, 'introductions:follow');
  const [row] = await myAssignments(deps.db, actor, eq(introAssignment.id, id));
  if (!row) throw new NotFoundError('Introduktionen finns inte.');
  return setProgress(deps, ctx, row, entryId, done);
}

async function byToken(db: Db, token: string): Promise<AssignmentRow> {
  const [row] = await db
    .select()
    .from(introAssignment)
    .where(
      and(
        eq(introAssignment.tokenHash, hashToken(token)),
        isNull(introAssignment.endedAt),
        gt(introAssignment.tokenExpiresAt, new Date()),
      ),
    );
  if (!row) throw new NotFoundError(GONE);
  return row;
}

export async function introductionByToken(deps: IntroductionsDeps, ctx: RequestContext, token: string) {
  const row = await byToken(deps.db, token);
  await audit(deps.db, ctx, readEvents([row]));
  const [dto] = await introductionDtos(deps.db, [row]);
  return dto as IntroductionDto;
}

export async function setProgressByToken(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  entryId: string,
  token: string,
  done: boolean,
) {
  return setProgress(deps, ctx, await byToken(deps.db, token), entryId, done);
}

/** Ticks an entry off (keeping when it was first done) or back. */
async function setProgress(
  deps: IntroductionsDeps,
  ctx: RequestContext,
  row: AssignmentRow,
  entryId: string,
  done: boolean,
): Promise<IntroductionDto> {
  const { db } = deps;
  const now = new Date();
  await inTransaction(db, async (tx) => {
    const [entry] = await tx
      .select()
      .from(introAssignmentEntry)
      .where(and(eq(introAssignmentEntry.id, entryId), eq(introAssignmentEntry.assignmentId, row.id)));
    if (!entry) throw new NotFoundError('Punkten finns inte i din introduktion.');
    const doneAt: AssignmentEntryRow['doneAt'] = done ? (entry.doneAt ?? now) : null;
    await tx.update(introAssignmentEntry).set({ doneAt }).where(eq(introAssignmentEntry.id, entryId));
    await tx.update(introAssignment).set({ lastActivityAt: now }).where(eq(introAssignment.id, row.id));
    await audit(tx, ctx, {
      action: 'intro_assignment.progress',
      entityType: 'intro_assignment',
      entityId: row.id,
      organisationId: row.organisationId,
    });
  });
  const [fresh] = await db.select().from(introAssignment).where(eq(introAssignment.id, row.id));
  const [dto] = await introductionDtos(db, [fresh as AssignmentRow]);
  return dto as IntroductionDto;
}
