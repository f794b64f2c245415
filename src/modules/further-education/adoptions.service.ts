// Each municipality's adoption of a training model (decision 026): proposed → decided → signed → in operation (or
// declined), one step at a time, each with its date and decision body, never dated before the step before it. The
// steps are kept (the history); the adoption carries the current status. Documents (PDF agreements and decisions)
// are the platform's stored files, uploaded first and attached in the step's own transaction.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize, authorizeObject } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { activeMunicipalities } from '../../platform/server/directory.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import {
  attachStoredFiles,
  receiveStoredFile,
  type StoredFileMeta,
  sendStoredFile,
  storedFilesOf,
  toStoredFileDto,
} from '../../platform/server/files/stored-files.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { can } from '../../platform/server/policy.ts';
import type { StoredFileDto } from '../../platform/shared/files.ts';
import { translate } from '../../platform/shared/messages.ts';
import {
  type AdoptionDto,
  type AdoptionOverviewDto,
  type AdoptionStatus,
  type CreateAdoptionInput,
  nextStatuses,
  type StepInput,
  type UpdateAdoptionInput,
} from './further-education.contracts.ts';
import { furtherEducationMessages as fm } from './further-education.messages.ts';
import {
  furtherEducationAdoption,
  furtherEducationAdoptionDocument,
  furtherEducationAdoptionStep,
  furtherEducationModel,
} from './further-education.table.ts';
import type { FurtherEducationDeps } from './models.service.ts';
import { findModel } from './models.service.ts';

/** The stored files' owner kind of adoption documents. */
export const ADOPTION_FILES = 'further_education.adoption';

const statusText = (s: AdoptionStatus, locale: 'sv' | 'en') => translate(fm[`status_${s}`](), locale);

export async function adoptionOverview(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  modelId?: string,
): Promise<AdoptionOverviewDto> {
  authorize(ctx.actor, 'further_education:read');
  const models = await deps.db
    .select({ id: furtherEducationModel.id, name: furtherEducationModel.name })
    .from(furtherEducationModel)
    .where(eq(furtherEducationModel.active, true))
    .orderBy(asc(furtherEducationModel.sort), asc(furtherEducationModel.name));
  const chosen = modelId ?? models[0]?.id ?? null;
  if (modelId && !models.some((m) => m.id === modelId)) throw new NotFoundError(fm.modelNotFound());
  const municipalities = (await activeMunicipalities(deps.db)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const adoptions = chosen
    ? await deps.db
        .select({
          id: furtherEducationAdoption.id,
          municipalityId: furtherEducationAdoption.municipalityId,
          status: furtherEducationAdoption.status,
          form: furtherEducationAdoption.form,
          // Qualified by hand: inside a subquery an unqualified "id" would be the subquery's own.
          statusDate: sql<string>`(select max(s.date)::text from further_education_adoption_step s
            where s.adoption_id = further_education_adoption.id and s.status = further_education_adoption.status)`,
          documents: sql<number>`(select count(*)::int from further_education_adoption_document d
            where d.adoption_id = further_education_adoption.id)`,
        })
        .from(furtherEducationAdoption)
        .where(eq(furtherEducationAdoption.modelId, chosen))
    : [];
  const byMunicipality = new Map(adoptions.map((a) => [a.municipalityId, a]));
  const counts: Record<string, number> = { none: 0 };
  const rows = municipalities.map((m) => {
    const a = byMunicipality.get(m.id);
    const key = a?.status ?? 'none';
    counts[key] = (counts[key] ?? 0) + 1;
    return {
      municipalityId: m.id,
      name: m.name,
      code: m.code,
      adoptionId: a?.id ?? null,
      status: a?.status ?? null,
      statusDate: a?.statusDate ?? null,
      form: a?.form ?? null,
      documents: a?.documents ?? 0,
      canEdit: can(ctx.actor, 'further_education:manage_adoption', {
        organisationId: m.id,
        organisationKind: 'municipality',
      }),
    };
  });
  return { models, modelId: chosen, municipalities: rows, counts };
}

async function adoptionRow(deps: FurtherEducationDeps, id: string) {
  const [row] = await deps.db
    .select({
      adoption: furtherEducationAdoption,
      modelName: furtherEducationModel.name,
      municipalityName: organisation.name,
    })
    .from(furtherEducationAdoption)
    .innerJoin(furtherEducationModel, eq(furtherEducationModel.id, furtherEducationAdoption.modelId))
    .innerJoin(organisation, eq(organisation.id, furtherEducationAdoption.municipalityId))
    .where(eq(furtherEducationAdoption.id, id));
  if (!row) throw new NotFoundError(fm.adoptionNotFound());
  return row;
}

export async function getAdoption(deps: FurtherEducationDeps, ctx: SignedInContext, id: string): Promise<AdoptionDto> {
  authorize(ctx.actor, 'further_education:read');
  const { adoption, modelName, municipalityName } = await adoptionRow(deps, id);
  const steps = await deps.db
    .select()
    .from(furtherEducationAdoptionStep)
    .where(eq(furtherEducationAdoptionStep.adoptionId, id))
    .orderBy(asc(furtherEducationAdoptionStep.createdAt), asc(furtherEducationAdoptionStep.id));
  const documents = await deps.db
    .select()
    .from(furtherEducationAdoptionDocument)
    .where(eq(furtherEducationAdoptionDocument.adoptionId, id));
  const files = new Map((await storedFilesOf(deps.db, ADOPTION_FILES, [id])).map((f) => [f.id, f]));
  const docsOf = (stepId: string) =>
    documents.flatMap((d) => {
      const f = files.get(d.fileId);
      return d.stepId === stepId && f ? [{ ...toStoredFileDto(f), kind: d.kind }] : [];
    });
  const last = steps.filter((s) => s.status === adoption.status).at(-1);
  return {
    id: adoption.id,
    modelId: adoption.modelId,
    modelName,
    municipalityId: adoption.municipalityId,
    municipalityName,
    form: adoption.form,
    status: adoption.status,
    statusDate: last?.date ?? '',
    contactName: adoption.contactName,
    contactEmail: adoption.contactEmail,
    steps: steps.map((s) => ({
      id: s.id,
      status: s.status,
      date: s.date,
      decisionBody: s.decisionBody,
      note: s.note,
      createdAt: s.createdAt.toISOString(),
      createdByName: s.createdByName,
      documents: docsOf(s.id),
    })),
    next: nextStatuses(adoption.status),
    canEdit: can(ctx.actor, 'further_education:manage_adoption', {
      organisationId: adoption.municipalityId,
      organisationKind: 'municipality',
    }),
  };
}

async function nameOf(deps: FurtherEducationDeps, userId: string): Promise<string> {
  const [row] = await deps.db.select({ name: user.name }).from(user).where(eq(user.id, userId));
  return row?.name ?? '';
}

export async function createAdoption(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  input: CreateAdoptionInput,
): Promise<AdoptionDto> {
  const [m] = await deps.db
    .select({ id: organisation.id, kind: organisation.kind })
    .from(organisation)
    .where(eq(organisation.id, input.municipalityId));
  if (m?.kind !== 'municipality') {
    throw new ValidationError([{ path: 'municipalityId', message: fm.notAMunicipality() }]);
  }
  authorizeObject(ctx.actor, 'further_education:manage_adoption', {
    organisationId: m.id,
    organisationKind: 'municipality',
  });
  await findModel(deps.db, input.modelId);
  const createdByName = await nameOf(deps, ctx.actor.userId);
  const id = await inTransaction(deps.db, async (tx) => {
    const [existing] = await tx
      .select({ id: furtherEducationAdoption.id })
      .from(furtherEducationAdoption)
      .where(
        and(
          eq(furtherEducationAdoption.modelId, input.modelId),
          eq(furtherEducationAdoption.municipalityId, input.municipalityId),
        ),
      );
    if (existing) throw new ConflictError(fm.adoptionExists());
    const [row] = await tx
      .insert(furtherEducationAdoption)
      .values({
        modelId: input.modelId,
        municipalityId: input.municipalityId,
        form: input.form,
        status: 'proposed',
        contactName: input.contactName,
        contactEmail: input.contactEmail,
      })
      .returning({ id: furtherEducationAdoption.id });
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(furtherEducationAdoptionStep).values({
      adoptionId: row.id,
      status: 'proposed',
      date: input.date,
      decisionBody: input.decisionBody,
      note: input.note,
      createdBy: ctx.actor.userId,
      createdByName,
    });
    await audit(tx, ctx, {
      action: 'further_education.adoption.create',
      entityType: 'further_education_adoption',
      entityId: row.id,
      organisationId: input.municipalityId,
    });
    return row.id;
  });
  return getAdoption(deps, ctx, id);
}

async function authorizeChange(deps: FurtherEducationDeps, ctx: SignedInContext, id: string) {
  const row = await adoptionRow(deps, id);
  authorizeObject(ctx.actor, 'further_education:manage_adoption', {
    organisationId: row.adoption.municipalityId,
    organisationKind: 'municipality',
  });
  return row;
}

export async function updateAdoption(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  id: string,
  input: UpdateAdoptionInput,
): Promise<AdoptionDto> {
  const { adoption } = await authorizeChange(deps, ctx, id);
  await deps.db
    .update(furtherEducationAdoption)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(furtherEducationAdoption.id, id));
  await audit(deps.db, ctx, {
    action: 'further_education.adoption.update',
    entityType: 'further_education_adoption',
    entityId: id,
    organisationId: adoption.municipalityId,
  });
  return getAdoption(deps, ctx, id);
}

/** The next step: checked against the current status and the last step's date under the adoption's row lock. */
export async function addStep(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  id: string,
  input: StepInput,
): Promise<AdoptionDto> {
  const { adoption } = await authorizeChange(deps, ctx, id);
  const createdByName = await nameOf(deps, ctx.actor.userId);
  await inTransaction(deps.db, async (tx) => {
    const [locked] = await tx
      .select({ status: furtherEducationAdoption.status })
      .from(furtherEducationAdoption)
      .where(eq(furtherEducationAdoption.id, id))
      .for('update');
    if (!locked) throw new NotFoundError(fm.adoptionNotFound());
    const allowed = nextStatuses(locked.status);
    if (allowed.length === 0) throw new ValidationError([{ path: 'status', message: fm.stepFinal() }]);
    if (!allowed.includes(input.status)) {
      throw new ValidationError([
        {
          path: 'status',
          message: fm.stepSkipped({
            from: statusText(locked.status, ctx.actor.locale),
            to: statusText(input.status, ctx.actor.locale),
            next: allowed.map((a) => statusText(a, ctx.actor.locale)).join(' / '),
          }),
        },
      ]);
    }
    const [last] = await tx
      .select({ date: sql<string>`max(${furtherEducationAdoptionStep.date})::text` })
      .from(furtherEducationAdoptionStep)
      .where(eq(furtherEducationAdoptionStep.adoptionId, id));
    if (last?.date && input.date < last.date) {
      throw new ValidationError([{ path: 'date', message: fm.stepBeforePrevious({ date: last.date }) }]);
    }
    const [step] = await tx
      .insert(furtherEducationAdoptionStep)
      .values({
        adoptionId: id,
        status: input.status,
        date: input.date,
        decisionBody: input.decisionBody,
        note: input.note,
        createdBy: ctx.actor.userId,
        createdByName,
      })
      .returning({ id: furtherEducationAdoptionStep.id });
    if (!step) throw new Error('insert returned nothing');
    await tx
      .update(furtherEducationAdoption)
      .set({ status: input.status, updatedAt: new Date() })
      .where(eq(furtherEducationAdoption.id, id));
    const files = await attachStoredFiles(tx, ctx, { owner: ADOPTION_FILES, ownerId: id, fileIds: input.documentIds });
    if (files.length > 0) {
      await tx
        .insert(furtherEducationAdoptionDocument)
        .values(files.map((f) => ({ adoptionId: id, stepId: step.id, fileId: f.id, kind: input.documentKind })));
    }
    await audit(tx, ctx, {
      action: 'further_education.adoption.step',
      entityType: 'further_education_adoption',
      entityId: id,
      organisationId: adoption.municipalityId,
    });
  });
  return getAdoption(deps, ctx, id);
}

/** Receives a PDF for an adoption the caller may change; it waits unattached for the step that takes it. */
export async function uploadAdoptionDocument(
  req: FastifyRequest,
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  id: string,
): Promise<StoredFileDto> {
  const { adoption } = await authorizeChange(deps, ctx, id);
  const file: StoredFileMeta = await receiveStoredFile(req, deps.db, ctx, {
    owner: ADOPTION_FILES,
    organisationId: adoption.municipalityId,
    types: ['pdf'],
  });
  return toStoredFileDto(file);
}

/** Sends an adoption's document to whoever may read adoptions (they are the collaboration's shared decisions). */
export async function downloadAdoptionDocument(
  reply: FastifyReply,
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  fileId: string,
) {
  authorize(ctx.actor, 'further_education:read');
  return sendStoredFile(reply, deps.db, ctx, {
    fileId,
    owner: ADOPTION_FILES,
    mayRead: async (file) => {
      const [doc] = await deps.db
        .select({ id: furtherEducationAdoptionDocument.id })
        .from(furtherEducationAdoptionDocument)
        .where(
          and(
            eq(furtherEducationAdoptionDocument.fileId, file.id),
            eq(furtherEducationAdoptionDocument.adoptionId, file.ownerId as string),
          ),
        );
      return doc !== undefined;
    },
  });
}
