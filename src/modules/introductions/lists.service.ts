// Introduction lists: a municipality's own lists and the library of every municipality's lists; creating,
// changing, deleting and copying a list.

import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { type Actor, can } from '../../platform/server/policy.ts';
import { catalogueItemsByIds, catalogueProfessionKeys } from '../trainings/items-lookup.service.ts';
import { itemIdsOf, toEntryDto } from './entries-view.ts';
import {
  type CreateListInput,
  INTRO_LIMITS,
  type ListDto,
  type ListSummaryDto,
  type UpdateListInput,
} from './introductions.contracts.ts';
import { introductionsMessages as im } from './introductions.messages.ts';
import { introAssignment, introList, introListEntry } from './introductions.table.ts';
import {
  authorizeAny,
  authorizeListChange,
  entriesOf,
  findList,
  type IntroductionsDeps,
  type ListRow,
  municipalityNames,
} from './introductions-scope.ts';

/** Where a new or copied list goes: the actor's municipality, or for a regional admin the one chosen. */
async function targetMunicipality(db: Db, actor: Actor, chosen: string | undefined): Promise<string> {
  const id = chosen ?? (actor.organisationKind === 'municipality' ? actor.organisationId : undefined);
  if (!id) throw new ValidationError([{ path: 'municipalityId', message: im.chooseMunicipality() }]);
  authorize(actor, 'introductions:manage', { organisationId: id, organisationKind: 'municipality' });
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.id, id), eq(organisation.kind, 'municipality'), eq(organisation.active, true)));
  if (!row) throw new ValidationError([{ path: 'municipalityId', message: im.chooseListedMunicipality() }]);
  return row.id;
}

async function checkProfession(deps: IntroductionsDeps, key: string | undefined) {
  if (key === undefined) return;
  if (!(await catalogueProfessionKeys(deps.trainings)).has(key)) {
    throw new ValidationError([{ path: 'professionKey', message: im.chooseListedProfession() }]);
  }
}

export async function listLists(
  deps: IntroductionsDeps,
  ctx: SignedInContext,
  scope: 'own' | 'library',
): Promise<ListSummaryDto[]> {
  const { actor } = ctx;
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

export async function getList(deps: IntroductionsDeps, ctx: SignedInContext, id: string): Promise<ListDto> {
  const { actor } = ctx;
  authorizeAny(actor, 'introductions:read');
  return listDto(deps.db, actor, await findList(deps.db, id));
}

export async function listDto(db: Db, actor: Actor, list: ListRow): Promise<ListDto> {
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

export async function createList(deps: IntroductionsDeps, ctx: SignedInContext, input: CreateListInput) {
  const { actor } = ctx;
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

export async function updateList(deps: IntroductionsDeps, ctx: SignedInContext, id: string, input: UpdateListInput) {
  const { actor } = ctx;
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
export async function deleteList(deps: IntroductionsDeps, ctx: SignedInContext, id: string) {
  const { actor } = ctx;
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

/** Copies a list the actor can see into their own municipality (or, for the region, the one chosen). */
export async function copyList(
  deps: IntroductionsDeps,
  ctx: SignedInContext,
  id: string,
  input: { municipalityId?: string },
) {
  const { actor } = ctx;
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
