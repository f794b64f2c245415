// Training models as data (decision 026): AST and the OT/PT training post by default, edited by the region's admin.
import { asc, eq } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import type { Db } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { can } from '../../platform/server/policy.ts';
import type { ReadCache } from '../../platform/server/read-cache.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import type { ModelDto, ModelInput, ModelsDto } from './further-education.contracts.ts';
import { furtherEducationMessages as fm } from './further-education.messages.ts';
import { furtherEducationModel } from './further-education.table.ts';

export type FurtherEducationDeps = { db: Db; cache: ReadCache };

type ModelRow = typeof furtherEducationModel.$inferSelect;

export function toModelDto(m: ModelRow): ModelDto {
  return {
    id: m.id,
    key: m.key,
    name: m.name,
    professions: m.professions,
    payPercent: m.payPercent,
    studyPacePercent: m.studyPacePercent,
    clinicalPercent: m.clinicalPercent,
    lengthMonths: m.lengthMonths,
    specialistPostAfter: m.specialistPostAfter,
    bindingMonths: m.bindingMonths,
    costs: m.costs,
    notes: m.notes,
    active: m.active,
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** The defaults of the spec (module 5): AST for nurses and the OT/PT training post. */
export const DEFAULT_MODELS: (ModelInput & { key: string })[] = [
  {
    key: 'ast',
    name: 'AST – akademisk specialistutbildning i tjänst',
    professions: ['sjukskoterska'],
    payPercent: 100,
    studyPacePercent: 50,
    clinicalPercent: 50,
    lengthMonths: 24,
    specialistPostAfter: true,
    bindingMonths: 0,
    costs:
      'Arbetsgivaren betalar full lön under studietiden, kurslitteratur och resor till obligatoriska moment. Ingen återbetalning vid avslut.',
    notes:
      'Vårdförbundets modell: en tillsvidareanställning som utbildningstjänst på heltid med full lön; studietakten är ofta halvfart. Efter examen erbjuds en specialisttjänst. Ingen bindningstid.',
    active: true,
  },
  {
    key: 'ot_pt_post',
    name: 'Specialistutbildningstjänst för arbetsterapeuter och fysioterapeuter',
    professions: ['arbetsterapeut', 'fysioterapeut'],
    payPercent: 100,
    studyPacePercent: 25,
    clinicalPercent: 75,
    lengthMonths: 36,
    specialistPostAfter: true,
    bindingMonths: 12,
    costs:
      'Arbetsgivaren betalar lön under handledda studier (25 %) och handledning; den anställda betalar litteratur.',
    notes:
      'Omkring 75 % kliniskt arbete och 25 % handledda studier. Specialisttjänst erbjuds efter avslutad utbildning.',
    active: true,
  },
];

export async function listModels(deps: FurtherEducationDeps, ctx: SignedInContext): Promise<ModelsDto> {
  authorize(ctx.actor, 'further_education:read');
  const rows = await deps.db
    .select()
    .from(furtherEducationModel)
    .orderBy(asc(furtherEducationModel.sort), asc(furtherEducationModel.name));
  return { models: rows.map(toModelDto), canEdit: can(ctx.actor, 'further_education:manage_models') };
}

async function checkProfessions(deps: FurtherEducationDeps, keys: readonly string[]) {
  const known = new Set((await listProfessions(deps)).map((p) => p.key));
  const bad = keys.findIndex((k) => !known.has(k));
  if (bad >= 0) throw new ValidationError([{ path: `professions.${bad}`, message: fm.unknownProfession() }]);
}

function keyOf(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 30);
  return /^[a-z]/.test(base) ? base : `m_${base}`;
}

export async function createModel(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  input: ModelInput,
): Promise<ModelDto> {
  authorize(ctx.actor, 'further_education:manage_models');
  await checkProfessions(deps, input.professions);
  const key = input.key ?? keyOf(input.name);
  const [taken] = await deps.db
    .select({ id: furtherEducationModel.id })
    .from(furtherEducationModel)
    .where(eq(furtherEducationModel.key, key));
  if (taken) throw new ConflictError(fm.modelKeyTaken());
  const [row] = await deps.db
    .insert(furtherEducationModel)
    .values({ ...input, key, sort: 100, updatedBy: ctx.actor.userId })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit(deps.db, ctx, {
    action: 'further_education.model.create',
    entityType: 'further_education_model',
    entityId: row.id,
  });
  return toModelDto(row);
}

export async function updateModel(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  id: string,
  input: ModelInput,
): Promise<ModelDto> {
  authorize(ctx.actor, 'further_education:manage_models');
  await checkProfessions(deps, input.professions);
  const { key: _key, ...changes } = input;
  const [row] = await deps.db
    .update(furtherEducationModel)
    .set({ ...changes, updatedAt: new Date(), updatedBy: ctx.actor.userId })
    .where(eq(furtherEducationModel.id, id))
    .returning();
  if (!row) throw new NotFoundError(fm.modelNotFound());
  await audit(deps.db, ctx, {
    action: 'further_education.model.update',
    entityType: 'further_education_model',
    entityId: id,
  });
  return toModelDto(row);
}

export async function findModel(db: Db, id: string): Promise<ModelRow> {
  const [row] = await db.select().from(furtherEducationModel).where(eq(furtherEducationModel.id, id));
  if (!row) throw new NotFoundError(fm.modelNotFound());
  return row;
}
