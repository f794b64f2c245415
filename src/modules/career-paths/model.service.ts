// The region's career path model (decision 027): versions, the draft the regional admin edits, publishing with a
// decision date (a published version is never changed: an old decision still shows the model as it was), and the task
// matrix with a municipality's local deviations.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize, authorizeObject } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { can } from '../../platform/server/policy.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import { modelProblems } from './career-model.ts';
import { DEFAULT_MODEL } from './career-model-defaults.ts';
import type { CareerModel, CellValue, MatrixDto, ModelOverviewDto, ModelVersionDto } from './career-paths.contracts.ts';
import { careerMessages as cm } from './career-paths.messages.ts';
import { careerLocalDeviation, careerModelVersion, careerPlan } from './career-paths.table.ts';
import {
  type CareerDeps,
  modelOf,
  municipalityOf,
  publishedVersion,
  summaryOf,
  type VersionRow,
} from './career-paths-scope.ts';

const versionDto = (v: VersionRow): ModelVersionDto => ({ ...summaryOf(v), model: modelOf(v) });

async function draftRow(deps: CareerDeps): Promise<VersionRow | null> {
  const [row] = await deps.db.select().from(careerModelVersion).where(eq(careerModelVersion.status, 'draft'));
  return row ?? null;
}

/** The current version, the draft (for the regional admin) and the list of versions. */
export async function modelOverview(deps: CareerDeps, ctx: SignedInContext): Promise<ModelOverviewDto> {
  authorize(ctx.actor, 'career:read_model');
  const canEdit = can(ctx.actor, 'career:edit_model');
  const rows = await deps.db.select().from(careerModelVersion).orderBy(desc(careerModelVersion.version));
  const published = rows.filter((r) => r.status === 'published');
  const current = published[0];
  const draft = rows.find((r) => r.status === 'draft');
  return {
    current: current ? versionDto(current) : null,
    draft: canEdit && draft ? summaryOf(draft) : null,
    versions: published.map(summaryOf),
    canEdit,
  };
}

/** One version: a published one for everyone; the draft for the regional admin only. */
export async function getVersion(deps: CareerDeps, ctx: SignedInContext, version: number): Promise<ModelVersionDto> {
  authorize(ctx.actor, 'career:read_model');
  const [row] = await deps.db.select().from(careerModelVersion).where(eq(careerModelVersion.version, version));
  if (!row || (row.status === 'draft' && !can(ctx.actor, 'career:edit_model'))) {
    throw new NotFoundError(cm.versionNotFound());
  }
  return versionDto(row);
}

/** A new draft: a copy of the current version (or of the region's defaults when none is published yet). */
export async function startDraft(deps: CareerDeps, ctx: SignedInContext): Promise<ModelVersionDto> {
  authorize(ctx.actor, 'career:edit_model');
  return inTransaction(deps.db, async (tx) => {
    if (await draftRow({ ...deps, db: tx })) throw new ConflictError(cm.draftExists());
    const [latest] = await tx.select().from(careerModelVersion).orderBy(desc(careerModelVersion.version)).limit(1);
    const [row] = await tx
      .insert(careerModelVersion)
      .values({
        version: (latest?.version ?? 0) + 1,
        status: 'draft',
        model: latest ? modelOf(latest) : DEFAULT_MODEL,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await audit(tx, ctx, { action: 'career_model.draft', entityType: 'career_model_version', entityId: row.id });
    return versionDto(row);
  });
}

/** Checks a model against the rules (cycle, keys, cells) and the staffing statistics' professions. */
export async function checkModel(deps: CareerDeps, model: CareerModel): Promise<void> {
  const professions = new Set((await listProfessions({ db: deps.db, cache: deps.cache })).map((p) => p.key));
  const problems = modelProblems(model, professions);
  // A role the municipalities' development plans name (as the current role or the target) stays: removed, the plans
  // would point at nothing. The region is told which role, not whose plans (those stay in the municipality).
  const kept = new Set(model.roles.map((r) => r.key));
  const used = await deps.db
    .selectDistinct({ current: careerPlan.currentRoleKey, target: careerPlan.targetRoleKey })
    .from(careerPlan);
  const missing = [...new Set(used.flatMap((u) => [u.current, u.target]))].filter((k) => !kept.has(k)).sort();
  for (const key of missing) problems.push({ path: 'model.roles', message: cm.roleInPlans({ key }) });
  if (problems.length > 0) throw new ValidationError(problems);
}

export async function saveDraft(deps: CareerDeps, ctx: SignedInContext, model: CareerModel): Promise<ModelVersionDto> {
  authorize(ctx.actor, 'career:edit_model');
  await checkModel(deps, model);
  return inTransaction(deps.db, async (tx) => {
    const draft = await draftRow({ ...deps, db: tx });
    if (!draft) throw new ConflictError(cm.noDraft());
    const [row] = await tx
      .update(careerModelVersion)
      .set({ model, updatedAt: new Date() })
      .where(eq(careerModelVersion.id, draft.id))
      .returning();
    if (!row) throw new Error('update returned no row');
    await audit(tx, ctx, { action: 'career_model.update', entityType: 'career_model_version', entityId: row.id });
    return versionDto(row);
  });
}

export async function discardDraft(deps: CareerDeps, ctx: SignedInContext): Promise<{ ok: true }> {
  authorize(ctx.actor, 'career:edit_model');
  return inTransaction(deps.db, async (tx) => {
    const draft = await draftRow({ ...deps, db: tx });
    if (!draft) throw new ConflictError(cm.noDraft());
    await tx.delete(careerModelVersion).where(eq(careerModelVersion.id, draft.id));
    await audit(tx, ctx, { action: 'career_model.discard', entityType: 'career_model_version', entityId: draft.id });
    return { ok: true as const };
  });
}

/** Publishes the draft with its decision date; from then on it is the current model and is never changed. */
export async function publishDraft(
  deps: CareerDeps,
  ctx: SignedInContext,
  input: { decisionDate: string; decisionNote: string },
): Promise<ModelVersionDto> {
  authorize(ctx.actor, 'career:edit_model');
  return inTransaction(deps.db, async (tx) => {
    const draft = await draftRow({ ...deps, db: tx });
    if (!draft) throw new ConflictError(cm.noDraft());
    await checkModel({ ...deps, db: tx }, modelOf(draft));
    const previous = await publishedVersion({ ...deps, db: tx });
    if (previous?.decisionDate && input.decisionDate < previous.decisionDate) {
      throw new ValidationError([
        { path: 'decisionDate', message: cm.decisionDateOrder({ date: previous.decisionDate }) },
      ]);
    }
    const [row] = await tx
      .update(careerModelVersion)
      .set({
        status: 'published',
        decisionDate: input.decisionDate,
        decisionNote: input.decisionNote,
        publishedAt: new Date(),
        publishedBy: ctx.actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(careerModelVersion.id, draft.id))
      .returning();
    if (!row) throw new Error('update returned no row');
    await audit(tx, ctx, { action: 'career_model.publish', entityType: 'career_model_version', entityId: row.id });
    return versionDto(row);
  });
}

/** The task matrix of a version (the current unless told), with a municipality's deviations against it. */
export async function getMatrix(
  deps: CareerDeps,
  ctx: SignedInContext,
  query: { municipalityId?: string; version?: number },
): Promise<MatrixDto> {
  authorize(ctx.actor, 'career:read_model');
  const row = await publishedVersion(deps, query.version);
  if (!row) throw new NotFoundError(query.version ? cm.versionNotFound() : cm.noPublishedModel());
  const municipalityId =
    query.municipalityId ?? (ctx.actor.organisationKind === 'municipality' ? ctx.actor.organisationId : undefined);
  const municipality = municipalityId ? await municipalityOf(deps, ctx.actor, municipalityId) : null;
  const deviations = municipality
    ? await deps.db
        .select({
          taskKey: careerLocalDeviation.taskKey,
          roleKey: careerLocalDeviation.roleKey,
          value: careerLocalDeviation.value,
          note: careerLocalDeviation.note,
        })
        .from(careerLocalDeviation)
        .where(eq(careerLocalDeviation.organisationId, municipality.id))
        .orderBy(asc(careerLocalDeviation.taskKey), asc(careerLocalDeviation.roleKey))
    : [];
  return {
    version: summaryOf(row),
    model: modelOf(row),
    municipality,
    deviations,
    canDeviate: municipality
      ? can(ctx.actor, 'career:manage_implementation', {
          organisationId: municipality.id,
          organisationKind: 'municipality',
        })
      : false,
  };
}

/** Sets (or with null removes) a municipality's own value for one cell; a value equal to the region's is no deviation. */
export async function setDeviation(
  deps: CareerDeps,
  ctx: SignedInContext,
  input: { municipalityId: string; taskKey: string; roleKey: string; value: CellValue | null; note: string },
): Promise<MatrixDto> {
  const municipality = await municipalityOf(deps, ctx.actor, input.municipalityId);
  authorizeObject(ctx.actor, 'career:manage_implementation', {
    organisationId: municipality.id,
    organisationKind: 'municipality',
  });
  const current = await publishedVersion(deps);
  if (!current) throw new NotFoundError(cm.noPublishedModel());
  const model = modelOf(current);
  const task = model.tasks.find((t) => t.key === input.taskKey);
  if (!task) throw new ValidationError([{ path: 'taskKey', message: cm.unknownTask({ key: input.taskKey }) }]);
  const regional = task.cells[input.roleKey];
  if (!regional) throw new ValidationError([{ path: 'roleKey', message: cm.unknownRole({ key: input.roleKey }) }]);
  await inTransaction(deps.db, async (tx) => {
    const where = and(
      eq(careerLocalDeviation.organisationId, municipality.id),
      eq(careerLocalDeviation.taskKey, input.taskKey),
      eq(careerLocalDeviation.roleKey, input.roleKey),
    );
    if (input.value === null || input.value === regional.value) {
      await tx.delete(careerLocalDeviation).where(where);
    } else {
      await tx
        .insert(careerLocalDeviation)
        .values({
          organisationId: municipality.id,
          taskKey: input.taskKey,
          roleKey: input.roleKey,
          value: input.value,
          note: input.note,
          updatedBy: ctx.actor.userId,
        })
        .onConflictDoUpdate({
          target: [careerLocalDeviation.organisationId, careerLocalDeviation.taskKey, careerLocalDeviation.roleKey],
          set: { value: input.value, note: input.note, updatedBy: ctx.actor.userId, updatedAt: new Date() },
        });
    }
    await audit(tx, ctx, {
      action: 'career_deviation.set',
      entityType: 'career_implementation',
      entityId: municipality.id,
      organisationId: municipality.id,
    });
  });
  return getMatrix(deps, ctx, { municipalityId: municipality.id });
}
