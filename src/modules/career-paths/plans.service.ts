// Development plans (issue 18 point 6): a manager's plan for a person of the staff register — current and target
// role, Benner stage, planned and completed education (catalogue items and occasions of the activities core where
// they exist), funding, next review with a reminder to the manager. Persons only through the people module's lookup, within the actor's own scope: a person
// of another municipality (or outside a manager's units) is "not in your register". The employee reads their own.
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { authorize, authorizeObject } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/server/errors.ts';
import { reminderMail } from '../../platform/server/mail.ts';
import { queueMail } from '../../platform/server/mail-outbox.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { translate } from '../../platform/shared/messages.ts';
import {
  attendanceOfPerson,
  occasionsByIds,
  searchAttendableOccasions,
} from '../activities/activities-lookup.service.ts';
import { findPersons, type PersonRef, personOfUser, personsByIds } from '../people/people-lookup.service.ts';
import { catalogueItemsByIds, searchApprovedItems } from '../trainings/items-lookup.service.ts';
import {
  CAREER_LIMITS,
  type EducationInput,
  type PlanDto,
  type PlanInput,
  type PlanSummaryDto,
  type PlanUpdateInput,
} from './career-paths.contracts.ts';
import { careerMessages as cm } from './career-paths.messages.ts';
import { careerPlan, careerPlanEducation } from './career-paths.table.ts';
import { type CareerDeps, requireCurrentModel, today } from './career-paths-scope.ts';

type PlanRow = typeof careerPlan.$inferSelect;

const own = (ctx: SignedInContext) => ({
  organisationId: ctx.actor.organisationId,
  organisationKind: ctx.actor.organisationKind,
});

const personOf = (p: PersonRef) => ({ id: p.id, name: p.name, unitName: p.unitName, professionKey: p.professionKey });

async function managerNames(db: Db, ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => x !== null))];
  if (list.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function planDto(deps: CareerDeps, row: PlanRow, person: PersonRef, canManage: boolean): Promise<PlanDto> {
  const educations = await deps.db
    .select()
    .from(careerPlanEducation)
    .where(eq(careerPlanEducation.planId, row.id))
    .orderBy(asc(careerPlanEducation.status), asc(careerPlanEducation.year), asc(careerPlanEducation.createdAt));
  const items = await catalogueItemsByIds(
    deps.db,
    educations.flatMap((e) => (e.kind === 'catalogue' && e.refId ? [e.refId] : [])),
  );
  const occasionIds = educations.flatMap((e) => (e.kind === 'occasion' && e.refId ? [e.refId] : []));
  const [occasions, attendance, names] = await Promise.all([
    occasionsByIds(deps.db, occasionIds),
    attendanceOfPerson(deps.db, row.personId, occasionIds),
    managerNames(deps.db, [row.managerUserId]),
  ]);
  const occasionOf = (e: (typeof educations)[number]) => {
    const o = e.kind === 'occasion' && e.refId ? occasions.get(e.refId) : undefined;
    if (!o) return null;
    const a = attendance.get(o.id);
    return {
      id: o.id,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      place: o.place,
      organiserName: o.organiserName,
      status: o.status,
      participation: a ? (a.attendance ?? (a.state === 'cancelled' ? null : a.state)) : null,
    };
  };
  return {
    id: row.id,
    organisationId: row.organisationId,
    person: personOf(person),
    currentRoleKey: row.currentRoleKey,
    targetRoleKey: row.targetRoleKey,
    bennerStage: row.bennerStage,
    targetYear: row.targetYear,
    fundingSource: row.fundingSource,
    fundingNote: row.fundingNote,
    nextReview: row.nextReview,
    note: row.note,
    managerName: row.managerUserId ? (names.get(row.managerUserId) ?? null) : null,
    educations: educations.map((e) => ({
      id: e.id,
      kind: e.kind,
      refId: e.refId,
      title: e.kind === 'catalogue' && e.refId ? (items.get(e.refId)?.title ?? e.title) : e.title,
      url: e.kind === 'catalogue' && e.refId ? (items.get(e.refId)?.url ?? null) : null,
      status: e.status,
      year: e.year,
      completedOn: e.completedOn,
      cost: e.cost,
      funded: e.funded,
      occasion: occasionOf(e),
    })),
    canManage,
  };
}

/** A plan the actor manages (own municipality, person within their scope), else 404/403. */
async function managed(deps: CareerDeps, ctx: SignedInContext, id: string) {
  authorize(ctx.actor, 'career:manage_plans', own(ctx));
  const [row] = await deps.db.select().from(careerPlan).where(eq(careerPlan.id, id));
  if (!row) throw new NotFoundError(cm.planNotFound());
  authorizeObject(ctx.actor, 'career:manage_plans', {
    organisationId: row.organisationId,
    organisationKind: 'municipality',
  });
  const person = (await personsByIds(deps.db, ctx.actor, [row.personId])).get(row.personId);
  if (!person) throw new NotFoundError(cm.planNotFound());
  return { row, person };
}

async function checkRoles(deps: CareerDeps, input: { currentRoleKey?: string; targetRoleKey?: string }) {
  const { model } = await requireCurrentModel(deps);
  const roles = new Set(model.roles.map((r) => r.key));
  for (const field of ['currentRoleKey', 'targetRoleKey'] as const) {
    const key = input[field];
    if (key !== undefined && !roles.has(key))
      throw new ValidationError([{ path: field, message: cm.unknownRole({ key }) }]);
  }
}

function checkReview(deps: CareerDeps, nextReview: string | undefined) {
  if (nextReview !== undefined && nextReview < today(deps)) {
    throw new ValidationError([{ path: 'nextReview', message: cm.reviewInPast() }]);
  }
}

export async function listPlans(
  deps: CareerDeps,
  ctx: SignedInContext,
): Promise<{ plans: PlanSummaryDto[]; canCreate: boolean }> {
  authorize(ctx.actor, 'career:manage_plans', own(ctx));
  const rows = await deps.db
    .select({
      plan: careerPlan,
      planned:
        sql<number>`(select count(*) from ${careerPlanEducation} e where e.plan_id = ${careerPlan.id} and e.status = 'planned')`.mapWith(
          Number,
        ),
      completed:
        sql<number>`(select count(*) from ${careerPlanEducation} e where e.plan_id = ${careerPlan.id} and e.status = 'completed')`.mapWith(
          Number,
        ),
    })
    .from(careerPlan)
    .where(eq(careerPlan.organisationId, ctx.actor.organisationId))
    .orderBy(asc(careerPlan.nextReview));
  const persons = await personsByIds(
    deps.db,
    ctx.actor,
    rows.map((r) => r.plan.personId),
  );
  const names = await managerNames(
    deps.db,
    rows.map((r) => r.plan.managerUserId),
  );
  const visible = rows.filter((r) => persons.has(r.plan.personId));
  await audit(deps.db, ctx, {
    action: 'career_plan.list_read',
    entityType: 'career_plan',
    organisationId: ctx.actor.organisationId,
  });
  return {
    canCreate: true,
    plans: visible.map(({ plan: p, planned, completed }) => ({
      id: p.id,
      organisationId: p.organisationId,
      person: personOf(persons.get(p.personId) as PersonRef),
      currentRoleKey: p.currentRoleKey,
      targetRoleKey: p.targetRoleKey,
      bennerStage: p.bennerStage,
      targetYear: p.targetYear,
      fundingSource: p.fundingSource,
      fundingNote: p.fundingNote,
      nextReview: p.nextReview,
      note: p.note,
      managerName: p.managerUserId ? (names.get(p.managerUserId) ?? null) : null,
      planned,
      completed,
    })),
  };
}

export async function getPlan(deps: CareerDeps, ctx: SignedInContext, id: string): Promise<PlanDto> {
  const { row, person } = await managed(deps, ctx, id);
  await audit(deps.db, ctx, {
    action: 'career_plan.read',
    entityType: 'career_plan',
    entityId: row.id,
    organisationId: row.organisationId,
  });
  return planDto(deps, row, person, true);
}

export async function createPlan(deps: CareerDeps, ctx: SignedInContext, input: PlanInput): Promise<PlanDto> {
  authorize(ctx.actor, 'career:manage_plans', own(ctx));
  const person = (await personsByIds(deps.db, ctx.actor, [input.personId])).get(input.personId);
  if (!person || person.organisationId !== ctx.actor.organisationId || person.anonymised) {
    throw new ValidationError([{ path: 'personId', message: cm.personNotFound() }]);
  }
  await checkRoles(deps, input);
  checkReview(deps, input.nextReview);
  const row = await inTransaction(deps.db, async (tx) => {
    const [exists] = await tx.select({ id: careerPlan.id }).from(careerPlan).where(eq(careerPlan.personId, person.id));
    if (exists) throw new ConflictError(cm.planExists());
    const [created] = await tx
      .insert(careerPlan)
      .values({
        ...input,
        organisationId: person.organisationId,
        managerUserId: ctx.actor.userId,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await audit(tx, ctx, {
      action: 'career_plan.create',
      entityType: 'career_plan',
      entityId: created.id,
      organisationId: created.organisationId,
    });
    return created;
  });
  return planDto(deps, row, person, true);
}

export async function updatePlan(
  deps: CareerDeps,
  ctx: SignedInContext,
  id: string,
  input: PlanUpdateInput,
): Promise<PlanDto> {
  const { row, person } = await managed(deps, ctx, id);
  await checkRoles(deps, input);
  if (input.nextReview !== row.nextReview) checkReview(deps, input.nextReview);
  const updated = await inTransaction(deps.db, async (tx) => {
    const [changed] = await tx
      .update(careerPlan)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(careerPlan.id, row.id))
      .returning();
    if (!changed) throw new Error('update returned no row');
    await audit(tx, ctx, {
      action: 'career_plan.update',
      entityType: 'career_plan',
      entityId: row.id,
      organisationId: row.organisationId,
    });
    return changed;
  });
  return planDto(deps, updated, person, true);
}

export async function deletePlan(deps: CareerDeps, ctx: SignedInContext, id: string): Promise<{ ok: true }> {
  const { row } = await managed(deps, ctx, id);
  await inTransaction(deps.db, async (tx) => {
    await tx.delete(careerPlan).where(eq(careerPlan.id, row.id));
    await audit(tx, ctx, {
      action: 'career_plan.delete',
      entityType: 'career_plan',
      entityId: row.id,
      organisationId: row.organisationId,
    });
  });
  return { ok: true };
}

export async function addEducation(
  deps: CareerDeps,
  ctx: SignedInContext,
  id: string,
  input: EducationInput,
): Promise<PlanDto> {
  const { row, person } = await managed(deps, ctx, id);
  let title = input.title;
  let year = input.year;
  if (input.kind === 'catalogue') {
    const item = input.refId ? (await catalogueItemsByIds(deps.db, [input.refId])).get(input.refId) : undefined;
    if (!item) throw new ValidationError([{ path: 'refId', message: cm.catalogueItemNotFound() }]);
    title = item.title;
  } else if (input.kind === 'occasion') {
    // Only an occasion the plan's municipality's staff can attend (its own, with its seats, the region's open ones,
    // its networks'): another network's occasion is as unknown as a made-up id.
    const found = input.refId
      ? (await occasionsByIds(deps.db, [input.refId], { attendableBy: row.organisationId })).get(input.refId)
      : undefined;
    if (!found) throw new ValidationError([{ path: 'refId', message: cm.occasionNotFound() }]);
    title = found.title;
    year ??= Number(swedishDate(found.startsAt).slice(0, 4));
  } else if (title === '') {
    throw new ValidationError([{ path: 'title', message: cm.required() }]);
  }
  if (input.status === 'completed' && !input.completedOn) {
    throw new ValidationError([{ path: 'completedOn', message: cm.completedOnRequired() }]);
  }
  if (input.funded > input.cost) throw new ValidationError([{ path: 'funded', message: cm.fundedOverCost() }]);
  await inTransaction(deps.db, async (tx) => {
    const [n] = await tx.select({ n: count() }).from(careerPlanEducation).where(eq(careerPlanEducation.planId, row.id));
    if ((n?.n ?? 0) >= CAREER_LIMITS.maxEducations)
      throw new ValidationError([{ path: 'title', message: cm.tooLong() }]);
    await tx.insert(careerPlanEducation).values({
      planId: row.id,
      kind: input.kind,
      refId: input.kind === 'other' ? null : input.refId,
      title,
      status: input.status,
      year,
      completedOn: input.status === 'completed' ? input.completedOn : null,
      cost: input.cost,
      funded: input.funded,
    });
    await audit(tx, ctx, {
      action: 'career_plan.education_add',
      entityType: 'career_plan',
      entityId: row.id,
      organisationId: row.organisationId,
    });
  });
  return planDto(deps, row, person, true);
}

/** Marks an education completed on a date (or planned again with null). */
export async function setEducationCompleted(
  deps: CareerDeps,
  ctx: SignedInContext,
  id: string,
  educationId: string,
  completedOn: string | null,
): Promise<PlanDto> {
  const { row, person } = await managed(deps, ctx, id);
  await inTransaction(deps.db, async (tx) => {
    const [changed] = await tx
      .update(careerPlanEducation)
      .set({ status: completedOn ? 'completed' : 'planned', completedOn })
      .where(and(eq(careerPlanEducation.id, educationId), eq(careerPlanEducation.planId, row.id)))
      .returning({ id: careerPlanEducation.id });
    if (!changed) throw new NotFoundError(cm.educationNotFound());
    await audit(tx, ctx, {
      action: 'career_plan.education_update',
      entityType: 'career_plan',
      entityId: row.id,
      organisationId: row.organisationId,
    });
  });
  return planDto(deps, row, person, true);
}

export async function removeEducation(
  deps: CareerDeps,
  ctx: SignedInContext,
  id: string,
  educationId: string,
): Promise<PlanDto> {
  const { row, person } = await managed(deps, ctx, id);
  await inTransaction(deps.db, async (tx) => {
    const [gone] = await tx
      .delete(careerPlanEducation)
      .where(and(eq(careerPlanEducation.id, educationId), eq(careerPlanEducation.planId, row.id)))
      .returning({ id: careerPlanEducation.id });
    if (!gone) throw new NotFoundError(cm.educationNotFound());
    await audit(tx, ctx, {
      action: 'career_plan.education_remove',
      entityType: 'career_plan',
      entityId: row.id,
      organisationId: row.organisationId,
    });
  });
  return planDto(deps, row, person, true);
}

/** The signed-in employee's own plan, when the register links a person to their account. */
export async function myPlan(deps: CareerDeps, ctx: SignedInContext): Promise<{ plan: PlanDto | null }> {
  authorize(ctx.actor, 'career:own_plan');
  const person = await personOfUser(deps.db, ctx.actor.userId);
  if (!person) return { plan: null };
  const [row] = await deps.db.select().from(careerPlan).where(eq(careerPlan.personId, person.id));
  return { plan: row ? await planDto(deps, row, person, false) : null };
}

/** Persons the manager may write a plan for (their scope, employed today), for the picker. */
export async function personChoices(deps: CareerDeps, ctx: SignedInContext, q?: string) {
  authorize(ctx.actor, 'career:manage_plans', own(ctx));
  const persons = await findPersons(deps.db, ctx.actor, {
    municipalityId: ctx.actor.organisationId,
    ...(q ? { q } : {}),
    employedOn: today(deps),
    limit: 20,
  });
  return { persons: persons.map(personOf) };
}

export async function catalogueChoices(deps: CareerDeps, ctx: SignedInContext, q?: string) {
  authorize(ctx.actor, 'career:manage_plans', own(ctx));
  const items = await searchApprovedItems(deps.db, q, 15);
  return { items: items.map(({ id, title, provider, url }) => ({ id, title, provider, url })) };
}

/** Occasions the plan keeper's municipality's staff can attend (upcoming, or held within a year), for the picker. */
export async function occasionChoices(deps: CareerDeps, ctx: SignedInContext, q?: string) {
  authorize(ctx.actor, 'career:manage_plans', own(ctx));
  const now = deps.now?.() ?? new Date();
  const found = await searchAttendableOccasions(deps.db, ctx.actor.organisationId, {
    ...(q ? { q } : {}),
    since: new Date(now.getTime() - 365 * 86_400_000),
    now,
    limit: 15,
  });
  return {
    occasions: found.map((o) => ({
      id: o.id,
      title: o.title,
      organiserName: o.organiserName,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      place: o.place,
      status: o.status,
    })),
  };
}

/** Plans whose review is due within the notice period and not yet reminded: the manager gets one mail per review. */
export async function remindReviews(deps: CareerDeps, now: Date): Promise<number> {
  const from = swedishDate(now);
  const until = swedishDate(new Date(now.getTime() + CAREER_LIMITS.reviewNoticeDays * 86_400_000));
  return inTransaction(deps.db, async (tx) => {
    const due = await tx
      .select({ id: careerPlan.id, nextReview: careerPlan.nextReview, email: user.email, name: user.name })
      .from(careerPlan)
      .innerJoin(user, eq(user.id, careerPlan.managerUserId))
      .where(
        and(
          gte(careerPlan.nextReview, from),
          lte(careerPlan.nextReview, until),
          isNotNull(careerPlan.managerUserId),
          or(isNull(careerPlan.remindedFor), ne(careerPlan.remindedFor, careerPlan.nextReview)),
        ),
      )
      .for('update', { of: careerPlan, skipLocked: true });
    if (due.length === 0) return 0;
    await queueMail(
      tx,
      due.map((d) =>
        reminderMail({
          to: d.email,
          name: d.name,
          subject: translate(cm.reviewReminderSubject({ date: d.nextReview }), 'sv'),
          lines: [`En utvecklingsplan du ansvarar för ska följas upp ${d.nextReview}.`],
          link: `${deps.publicUrl}/career-paths/plans/${d.id}`,
        }),
      ),
    );
    await tx
      .update(careerPlan)
      .set({ remindedFor: sql`${careerPlan.nextReview}` })
      .where(
        inArray(
          careerPlan.id,
          due.map((d) => d.id),
        ),
      );
    return due.length;
  });
}

/** The start page's task (decision 018): the manager's plans due for review within the notice period. */
export async function reviewsDue(deps: CareerDeps, ctx: SignedInContext): Promise<number> {
  if (ctx.actor.kind !== 'user') return 0;
  const now = deps.now?.() ?? new Date();
  const until = swedishDate(new Date(now.getTime() + CAREER_LIMITS.reviewNoticeDays * 86_400_000));
  const [row] = await deps.db
    .select({ n: count() })
    .from(careerPlan)
    .where(and(eq(careerPlan.managerUserId, ctx.actor.userId), lte(careerPlan.nextReview, until)));
  return row?.n ?? 0;
}
