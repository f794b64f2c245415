// Training posts (decision 026): persons of the staff register in specialist training, by id only — the person is
// read through people's lookup, scoped to the actor, so a person of another municipality (or outside a manager's
// units) is "not found". Seen by their own municipality's admin and managers and by the region's admin; the reading
// of the list (names) is audited. Nothing but counts leaves the module (further-education-lookup.service.ts).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize, authorizeObject } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { activeMunicipalities } from '../../platform/server/directory.ts';
import { NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { organisation } from '../../platform/server/organisation.table.ts';
import { can, visibleOrganisations } from '../../platform/server/policy.ts';
import { findPersons, personsByIds } from '../people/people-lookup.service.ts';
import { listProfessions, listSpecialties } from '../staffing/professions-lookup.service.ts';
import type { OptionsDto, PostDto, PostInput, PostsDto, UpdatePostInput } from './further-education.contracts.ts';
import { furtherEducationMessages as fm } from './further-education.messages.ts';
import { furtherEducationModel, furtherEducationPost } from './further-education.table.ts';
import type { FurtherEducationDeps } from './models.service.ts';
import { findModel } from './models.service.ts';

type PostRow = typeof furtherEducationPost.$inferSelect;

export async function listPosts(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  municipalityId?: string,
): Promise<PostsDto> {
  const actor = ctx.actor;
  authorize(actor, 'further_education:read_posts', {
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
  });
  if (municipalityId) {
    authorizeObject(actor, 'further_education:read_posts', {
      organisationId: municipalityId,
      organisationKind: 'municipality',
    });
  }
  const visible = visibleOrganisations(actor, 'further_education:read_posts');
  const conditions = [
    municipalityId ? eq(furtherEducationPost.municipalityId, municipalityId) : undefined,
    visible === 'all'
      ? undefined
      : inArray(
          furtherEducationPost.municipalityId,
          visible.length ? visible : ['00000000-0000-0000-0000-000000000000'],
        ),
  ];
  const rows = await deps.db
    .select({ post: furtherEducationPost, modelName: furtherEducationModel.name, municipalityName: organisation.name })
    .from(furtherEducationPost)
    .innerJoin(organisation, eq(organisation.id, furtherEducationPost.municipalityId))
    .leftJoin(furtherEducationModel, eq(furtherEducationModel.id, furtherEducationPost.modelId))
    .where(and(...conditions))
    .orderBy(asc(furtherEducationPost.expectedEnd), asc(furtherEducationPost.id));
  // Persons the actor may see (a manager: of their units); posts of others are not shown to them.
  const persons = await personsByIds(
    deps.db,
    actor,
    rows.map((r) => r.post.personId),
  );
  const posts = rows.flatMap((r) => {
    const person = persons.get(r.post.personId);
    return person ? [toPostDto(r.post, r.municipalityName, r.modelName, person.name, person.unitName)] : [];
  });
  await audit(deps.db, ctx, {
    action: 'further_education.post.list_read',
    entityType: 'further_education_post',
    entityId: null,
    organisationId: municipalityId ?? null,
  });
  return {
    posts,
    canEdit: can(actor, 'further_education:manage_posts', {
      organisationId: municipalityId ?? actor.organisationId,
      organisationKind: municipalityId ? 'municipality' : actor.organisationKind,
    }),
  };
}

function toPostDto(
  p: PostRow,
  municipalityName: string,
  modelName: string | null,
  personName: string,
  unitName: string,
): PostDto {
  return {
    id: p.id,
    municipalityId: p.municipalityId,
    municipalityName,
    personId: p.personId,
    personName,
    unitName,
    professionKey: p.professionKey,
    programme: p.programme,
    specialtyKey: p.specialtyKey,
    modelId: p.modelId,
    modelName,
    startDate: p.startDate,
    expectedEnd: p.expectedEnd,
    pacePercent: p.pacePercent,
    status: p.status,
  };
}

async function checkPost(deps: FurtherEducationDeps, input: Partial<PostInput>, current?: PostRow) {
  const profession = input.professionKey ?? current?.professionKey;
  const specialty = input.specialtyKey !== undefined ? input.specialtyKey : current?.specialtyKey;
  if (input.professionKey !== undefined) {
    const known = (await listProfessions(deps)).some((p) => p.key === input.professionKey);
    if (!known) throw new ValidationError([{ path: 'professionKey', message: fm.unknownProfession() }]);
  }
  if (specialty && (input.specialtyKey !== undefined || input.professionKey !== undefined)) {
    const known = (await listSpecialties(deps)).some((s) => s.professionKey === profession && s.key === specialty);
    if (!known) throw new ValidationError([{ path: 'specialtyKey', message: fm.unknownSpecialty() }]);
  }
  const start = input.startDate ?? current?.startDate;
  const end = input.expectedEnd ?? current?.expectedEnd;
  if (start && end && end <= start) {
    throw new ValidationError([{ path: 'expectedEnd', message: fm.endBeforeStart() }]);
  }
  if (input.modelId) {
    try {
      await findModel(deps.db, input.modelId);
    } catch {
      throw new ValidationError([{ path: 'modelId', message: fm.modelNotFound() }]);
    }
  }
}

/** A new training post for a person the actor may manage; the post belongs to the person's municipality. */
export async function createPost(deps: FurtherEducationDeps, ctx: SignedInContext, input: PostInput): Promise<PostDto> {
  const actor = ctx.actor;
  authorize(actor, 'further_education:manage_posts', {
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
  });
  // The person must be in the actor's reach for changes (people:manage): another municipality's is not found.
  const person = (await personsByIds(deps.db, actor, [input.personId], 'people:manage')).get(input.personId);
  if (!person || person.anonymised) {
    throw new ValidationError([{ path: 'personId', message: fm.personNotFound() }]);
  }
  authorizeObject(actor, 'further_education:manage_posts', {
    organisationId: person.organisationId,
    organisationKind: 'municipality',
  });
  await checkPost(deps, input);
  const [row] = await deps.db
    .insert(furtherEducationPost)
    .values({ ...input, municipalityId: person.organisationId, updatedBy: actor.userId })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit(deps.db, ctx, {
    action: 'further_education.post.create',
    entityType: 'further_education_post',
    entityId: row.id,
    organisationId: row.municipalityId,
  });
  return postDtoOf(deps, ctx, row);
}

async function postDtoOf(deps: FurtherEducationDeps, ctx: SignedInContext, row: PostRow): Promise<PostDto> {
  const [m] = await deps.db
    .select({ name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, row.municipalityId));
  const model = row.modelId ? await findModel(deps.db, row.modelId) : null;
  const person = (await personsByIds(deps.db, ctx.actor, [row.personId])).get(row.personId);
  return toPostDto(row, m?.name ?? '', model?.name ?? null, person?.name ?? '', person?.unitName ?? '');
}

export async function updatePost(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  id: string,
  input: UpdatePostInput,
): Promise<PostDto> {
  const [current] = await deps.db.select().from(furtherEducationPost).where(eq(furtherEducationPost.id, id));
  if (!current) throw new NotFoundError(fm.postNotFound());
  authorizeObject(ctx.actor, 'further_education:manage_posts', {
    organisationId: current.municipalityId,
    organisationKind: 'municipality',
  });
  const person = (await personsByIds(deps.db, ctx.actor, [current.personId], 'people:manage')).get(current.personId);
  if (!person) throw new NotFoundError(fm.postNotFound());
  await checkPost(deps, input, current);
  const [row] = await deps.db
    .update(furtherEducationPost)
    .set({ ...input, updatedAt: new Date(), updatedBy: ctx.actor.userId })
    .where(eq(furtherEducationPost.id, id))
    .returning();
  if (!row) throw new NotFoundError(fm.postNotFound());
  await audit(deps.db, ctx, {
    action: 'further_education.post.update',
    entityType: 'further_education_post',
    entityId: id,
    organisationId: row.municipalityId,
  });
  return postDtoOf(deps, ctx, row);
}

/** Persons to choose for a training post: those the actor may manage in the register. */
export async function personChoices(
  deps: FurtherEducationDeps,
  ctx: SignedInContext,
  q: string,
  municipalityId?: string,
) {
  authorize(ctx.actor, 'further_education:manage_posts', {
    organisationId: ctx.actor.organisationId,
    organisationKind: ctx.actor.organisationKind,
  });
  const persons = await findPersons(deps.db, ctx.actor, {
    q: q || undefined,
    action: 'people:manage',
    limit: 30,
    ...(municipalityId ? { municipalityId } : {}),
  });
  return {
    persons: persons.map((p) => ({ id: p.id, name: p.name, unitName: p.unitName, professionKey: p.professionKey })),
  };
}

/** What the forms offer: professions, specialties, municipalities and models, and where the caller may change. */
export async function furtherEducationOptions(deps: FurtherEducationDeps, ctx: SignedInContext): Promise<OptionsDto> {
  authorize(ctx.actor, 'further_education:read');
  const municipalities = (await activeMunicipalities(deps.db)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const models = await deps.db
    .select({ id: furtherEducationModel.id, name: furtherEducationModel.name })
    .from(furtherEducationModel)
    .where(eq(furtherEducationModel.active, true))
    .orderBy(asc(furtherEducationModel.sort));
  const allowed = (action: 'further_education:manage_adoption' | 'further_education:manage_posts') =>
    municipalities
      .filter((m) => can(ctx.actor, action, { organisationId: m.id, organisationKind: 'municipality' }))
      .map((m) => m.id);
  return {
    professions: (await listProfessions(deps, { activeOnly: true })).map((p) => ({
      key: p.key,
      name: p.name,
      nameEn: p.nameEn,
    })),
    specialties: (await listSpecialties(deps))
      .filter((s) => s.active)
      .map((s) => ({ professionKey: s.professionKey, key: s.key, name: s.name, nameEn: s.nameEn })),
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
    models,
    adoptionMunicipalities: allowed('further_education:manage_adoption'),
    postMunicipalities: allowed('further_education:manage_posts'),
  };
}
