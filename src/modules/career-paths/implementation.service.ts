// A municipality's implementation of the model (issue 18 point 3): the model's owner in the management, the local
// project leader and group, the target mix, and the checklist in three steps adopted from the region's template and
// adjusted — items with owners, due dates, evidence (a link, or a stored document) and status.
import { and, asc, eq, max } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorizeObject } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import {
  attachStoredFiles,
  deleteStoredFilesOf,
  receiveStoredFile,
  type StoredFileMeta,
  sendStoredFile,
  storedFilesOf,
  toStoredFileDto,
} from '../../platform/server/files/stored-files.ts';
import { can } from '../../platform/server/policy.ts';
import type { StoredFileDto } from '../../platform/shared/files.ts';
import type {
  ChecklistItemDto,
  ImplementationDto,
  Step,
  UpdateImplementationInput,
  UpdateItemInput,
} from './career-paths.contracts.ts';
import { STEPS } from './career-paths.contracts.ts';
import { careerMessages as cm } from './career-paths.messages.ts';
import { careerChecklistItem, careerImplementation } from './career-paths.table.ts';
import { type CareerDeps, currentModel, municipalityOf, requireCurrentModel } from './career-paths-scope.ts';

type ItemRow = typeof careerChecklistItem.$inferSelect;

/** The stored files' owner kind of checklist evidence (decision 024). */
export const EVIDENCE_FILES = 'career_paths.checklist_item';

const itemDto = (r: ItemRow, files: ReadonlyMap<string, StoredFileMeta>): ChecklistItemDto => ({
  id: r.id,
  step: r.step,
  position: r.position,
  title: r.title,
  description: r.description,
  owner: r.owner,
  dueDate: r.dueDate,
  status: r.status,
  evidenceUrl: r.evidenceUrl,
  evidenceFileId: r.evidenceFileId,
  evidenceFile:
    r.evidenceFileId && files.get(r.evidenceFileId)
      ? toStoredFileDto(files.get(r.evidenceFileId) as StoredFileMeta)
      : null,
  evidenceNote: r.evidenceNote,
  fromTemplate: r.templateKey !== null,
  completedAt: r.completedAt?.toISOString() ?? null,
});

const resourceOf = (id: string) => ({ organisationId: id, organisationKind: 'municipality' as const });

async function readable(deps: CareerDeps, ctx: SignedInContext, municipalityId: string) {
  const municipality = await municipalityOf(deps, ctx.actor, municipalityId);
  authorizeObject(ctx.actor, 'career:read_implementation', resourceOf(municipality.id));
  return municipality;
}
async function manageable(deps: CareerDeps, ctx: SignedInContext, municipalityId: string) {
  const municipality = await municipalityOf(deps, ctx.actor, municipalityId);
  authorizeObject(ctx.actor, 'career:manage_implementation', resourceOf(municipality.id));
  return municipality;
}

/** The implementation row, made with its defaults when the municipality has none yet. */
async function ensureRow(db: Db, municipalityId: string) {
  await db.insert(careerImplementation).values({ organisationId: municipalityId }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(careerImplementation)
    .where(eq(careerImplementation.organisationId, municipalityId));
  if (!row) throw new Error('no implementation row');
  return row;
}

export async function getImplementation(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
): Promise<ImplementationDto> {
  const municipality = await readable(deps, ctx, municipalityId);
  const [row] = await deps.db
    .select()
    .from(careerImplementation)
    .where(eq(careerImplementation.organisationId, municipality.id));
  const items = await deps.db
    .select()
    .from(careerChecklistItem)
    .where(eq(careerChecklistItem.organisationId, municipality.id))
    .orderBy(asc(careerChecklistItem.step), asc(careerChecklistItem.position));
  const order = (s: Step) => STEPS.indexOf(s);
  const files = new Map(
    (
      await storedFilesOf(
        deps.db,
        EVIDENCE_FILES,
        items.filter((i) => i.evidenceFileId).map((i) => i.id),
      )
    ).map((f) => [f.id, f]),
  );
  const current = await currentModel(deps);
  return {
    municipality,
    ownerTitle: row?.ownerTitle ?? '',
    ownerName: row?.ownerName ?? '',
    projectLeader: row?.projectLeader ?? '',
    projectGroup: row?.projectGroup ?? '',
    adoptedVersion: row?.adoptedVersion ?? null,
    adoptedAt: row?.adoptedAt?.toISOString() ?? null,
    currentVersion: current?.row.version ?? null,
    targetMix: (row?.targetMix ?? {}) as Record<string, number>,
    targetYear: row?.targetYear ?? null,
    items: items.sort((a, b) => order(a.step) - order(b.step) || a.position - b.position).map((i) => itemDto(i, files)),
    canManage: can(ctx.actor, 'career:manage_implementation', resourceOf(municipality.id)),
  };
}

export async function updateImplementation(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
  input: UpdateImplementationInput,
): Promise<ImplementationDto> {
  const municipality = await manageable(deps, ctx, municipalityId);
  if (input.targetMix) {
    const { model } = await requireCurrentModel(deps);
    const roles = new Set(model.roles.map((r) => r.key));
    for (const key of Object.keys(input.targetMix)) {
      if (!roles.has(key)) throw new ValidationError([{ path: `targetMix.${key}`, message: cm.unknownRole({ key }) }]);
    }
    const sum = Object.values(input.targetMix).reduce((s, v) => s + v, 0);
    if (sum > 100.0001)
      throw new ValidationError([{ path: 'targetMix', message: cm.targetMixSum({ sum: Math.round(sum) }) }]);
  }
  await inTransaction(deps.db, async (tx) => {
    await ensureRow(tx, municipality.id);
    await tx
      .update(careerImplementation)
      .set({ ...input, updatedBy: ctx.actor.userId, updatedAt: new Date() })
      .where(eq(careerImplementation.organisationId, municipality.id));
    await audit(tx, ctx, {
      action: 'career_implementation.update',
      entityType: 'career_implementation',
      entityId: municipality.id,
      organisationId: municipality.id,
    });
  });
  return getImplementation(deps, ctx, municipality.id);
}

/** Copies the current model's checklist template into the municipality's checklist (once). */
export async function adoptChecklist(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
): Promise<ImplementationDto> {
  const municipality = await manageable(deps, ctx, municipalityId);
  const { row: version, model } = await requireCurrentModel(deps);
  await inTransaction(deps.db, async (tx) => {
    const row = await ensureRow(tx, municipality.id);
    if (row.adoptedVersion !== null) throw new ConflictError(cm.alreadyAdopted());
    const positions = new Map<Step, number>();
    const values = model.checklist.map((t) => {
      const position = (positions.get(t.step) ?? 0) + 1;
      positions.set(t.step, position);
      return {
        organisationId: municipality.id,
        step: t.step,
        position,
        title: t.title,
        description: t.description,
        templateKey: t.key,
        updatedBy: ctx.actor.userId,
      };
    });
    if (values.length > 0) await tx.insert(careerChecklistItem).values(values);
    await tx
      .update(careerImplementation)
      .set({
        adoptedVersion: version.version,
        adoptedAt: new Date(),
        updatedBy: ctx.actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(careerImplementation.organisationId, municipality.id));
    await audit(tx, ctx, {
      action: 'career_checklist.adopt',
      entityType: 'career_implementation',
      entityId: municipality.id,
      organisationId: municipality.id,
    });
  });
  return getImplementation(deps, ctx, municipality.id);
}

export async function addItem(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
  input: { step: Step; title: string; description: string; owner: string; dueDate: string | null },
): Promise<ImplementationDto> {
  const municipality = await manageable(deps, ctx, municipalityId);
  await inTransaction(deps.db, async (tx) => {
    const [last] = await tx
      .select({ position: max(careerChecklistItem.position) })
      .from(careerChecklistItem)
      .where(and(eq(careerChecklistItem.organisationId, municipality.id), eq(careerChecklistItem.step, input.step)));
    const [row] = await tx
      .insert(careerChecklistItem)
      .values({
        ...input,
        organisationId: municipality.id,
        position: (last?.position ?? 0) + 1,
        updatedBy: ctx.actor.userId,
      })
      .returning({ id: careerChecklistItem.id });
    await audit(tx, ctx, {
      action: 'career_checklist.add',
      entityType: 'career_checklist_item',
      entityId: row?.id ?? null,
      organisationId: municipality.id,
    });
  });
  return getImplementation(deps, ctx, municipality.id);
}

async function itemOf(db: Db, municipalityId: string, itemId: string): Promise<ItemRow> {
  const [item] = await db
    .select()
    .from(careerChecklistItem)
    .where(and(eq(careerChecklistItem.id, itemId), eq(careerChecklistItem.organisationId, municipalityId)));
  if (!item) throw new NotFoundError(cm.itemNotFound());
  return item;
}

/** Changes an item; marking it done needs an owner (the item's, or one given in the same change). */
export async function updateItem(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
  itemId: string,
  input: UpdateItemInput,
): Promise<ImplementationDto> {
  const municipality = await manageable(deps, ctx, municipalityId);
  await inTransaction(deps.db, async (tx) => {
    const item = await itemOf(tx, municipality.id, itemId);
    const next = { ...item, ...input };
    if (next.status === 'done' && next.owner.trim() === '') {
      throw new ValidationError([{ path: 'owner', message: cm.ownerRequiredForDone() }]);
    }
    const completedAt = next.status === 'done' ? (item.completedAt ?? new Date()) : null;
    if (input.evidenceFileId !== undefined && input.evidenceFileId !== item.evidenceFileId) {
      // The item keeps one document: the one it had goes, the new upload is attached in this transaction.
      await deleteStoredFilesOf(tx, EVIDENCE_FILES, [item.id]);
      if (input.evidenceFileId) {
        await attachStoredFiles(tx, ctx, {
          owner: EVIDENCE_FILES,
          ownerId: item.id,
          fileIds: [input.evidenceFileId],
          path: 'evidenceFileId',
        });
      }
    }
    await tx
      .update(careerChecklistItem)
      .set({ ...input, completedAt, updatedBy: ctx.actor.userId, updatedAt: new Date() })
      .where(eq(careerChecklistItem.id, item.id));
    await audit(tx, ctx, {
      action: 'career_checklist.update',
      entityType: 'career_checklist_item',
      entityId: item.id,
      organisationId: municipality.id,
    });
  });
  return getImplementation(deps, ctx, municipality.id);
}

export async function deleteItem(
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
  itemId: string,
): Promise<ImplementationDto> {
  const municipality = await manageable(deps, ctx, municipalityId);
  await inTransaction(deps.db, async (tx) => {
    const item = await itemOf(tx, municipality.id, itemId);
    await deleteStoredFilesOf(tx, EVIDENCE_FILES, [item.id]);
    await tx.delete(careerChecklistItem).where(eq(careerChecklistItem.id, item.id));
    await audit(tx, ctx, {
      action: 'career_checklist.delete',
      entityType: 'career_checklist_item',
      entityId: item.id,
      organisationId: municipality.id,
    });
  });
  return getImplementation(deps, ctx, municipality.id);
}

/** Receives a PDF as evidence for the municipality's checklist; it waits unattached until an item takes it. */
export async function uploadEvidence(
  req: FastifyRequest,
  deps: CareerDeps,
  ctx: SignedInContext,
  municipalityId: string,
): Promise<StoredFileDto> {
  const municipality = await manageable(deps, ctx, municipalityId);
  return toStoredFileDto(
    await receiveStoredFile(req, deps.db, ctx, {
      owner: EVIDENCE_FILES,
      organisationId: municipality.id,
      types: ['pdf'],
    }),
  );
}

/** Sends a checklist item's evidence to whoever may read the municipality's implementation. */
export async function downloadEvidence(reply: FastifyReply, deps: CareerDeps, ctx: SignedInContext, fileId: string) {
  return sendStoredFile(reply, deps.db, ctx, {
    fileId,
    owner: EVIDENCE_FILES,
    mayRead: async (file) => {
      const [item] = await deps.db
        .select({ organisationId: careerChecklistItem.organisationId })
        .from(careerChecklistItem)
        .where(
          and(eq(careerChecklistItem.id, file.ownerId as string), eq(careerChecklistItem.evidenceFileId, file.id)),
        );
      return item !== undefined && can(ctx.actor, 'career:read_implementation', resourceOf(item.organisationId));
    },
  });
}
