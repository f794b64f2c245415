// External providers (a college, a Campus) that receive orders and answer through their own sign-in (decision 022):
// an organisation of kind provider, whose users hold only the broker role (platform rolesAllowedFor), and its contact.
// The region's admin registers one here and invites its users on the users page.
import { and, asc, eq, isNotNull, or } from 'drizzle-orm';
import { authorize, type SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import { user, userRole } from '../../platform/server/auth.table.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { activeMunicipalities } from '../../platform/server/directory.ts';
import { ConflictError } from '../../platform/server/errors.ts';
import { network, networkMember, organisation } from '../../platform/server/organisation.table.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import { catalogueTopics } from '../trainings/items-lookup.service.ts';
import { brokerOrganisations } from './orders.service.ts';
import { trainingPlanMessages as tm } from './training-plan.messages.ts';
import { trainingPlanProvider } from './training-plan.table.ts';
import type { TrainingPlanDeps } from './training-plan-scope.ts';

export async function listProviders(deps: TrainingPlanDeps, ctx: SignedInContext) {
  authorize(ctx.actor, 'training_plan:read');
  const rows = await deps.db
    .select({
      id: organisation.id,
      name: organisation.name,
      contactName: trainingPlanProvider.contactName,
      contactEmail: trainingPlanProvider.contactEmail,
    })
    .from(trainingPlanProvider)
    .innerJoin(organisation, eq(organisation.id, trainingPlanProvider.organisationId))
    .orderBy(asc(organisation.name));
  return rows;
}

export async function createProvider(
  deps: TrainingPlanDeps,
  ctx: SignedInContext,
  input: { name: string; contactName: string; contactEmail: string },
) {
  authorize(ctx.actor, 'training_plan:manage');
  const [clash] = await deps.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.name, input.name));
  if (clash) throw new ConflictError(tm.providerExists());
  const made = await inTransaction(deps.db, async (tx) => {
    const [org] = await tx.insert(organisation).values({ kind: 'provider', name: input.name }).returning();
    if (!org) throw new Error('organisation not written');
    await tx.insert(trainingPlanProvider).values({
      organisationId: org.id,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, { action: 'training_plan_provider.create', entityType: 'organisation', entityId: org.id });
    return org;
  });
  deps.cache.clear();
  return { id: made.id, name: made.name, contactName: input.contactName, contactEmail: input.contactEmail };
}

/** What the forms offer: networks, municipalities, the catalogue's topics, professions, brokers and users. */
export async function options(deps: TrainingPlanDeps, ctx: SignedInContext) {
  authorize(ctx.actor, 'training_plan:read');
  const [networks, municipalities, topics, professions, brokers, users] = await Promise.all([
    deps.db.select({ id: network.id, name: network.name }).from(network).where(eq(network.active, true)),
    activeMunicipalities(deps.db),
    catalogueTopics(deps.db),
    listProfessions(deps, { activeOnly: true }),
    brokerOrganisations(deps),
    // Users to name as coordinator (the region) or as the municipality's ranker (its managers): own organisation,
    // or everyone for the region's admin.
    ctx.actor.organisationKind === 'region'
      ? deps.db
          .selectDistinct({ id: user.id, name: user.name })
          .from(user)
          .leftJoin(networkMember, eq(networkMember.userId, user.id))
          .where(
            and(
              eq(user.active, true),
              or(eq(user.organisationId, ctx.actor.organisationId), isNotNull(networkMember.userId)),
            ),
          )
      : deps.db
          .select({ id: user.id, name: user.name })
          .from(user)
          .innerJoin(userRole, and(eq(userRole.userId, user.id), eq(userRole.role, 'manager')))
          .where(and(eq(user.active, true), eq(user.organisationId, ctx.actor.organisationId))),
  ]);
  const sv = ctx.actor.locale === 'sv';
  const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return {
    networks: byName(networks),
    municipalities: byName(municipalities.map((m) => ({ id: m.id, name: m.name }))),
    topics: topics.map((t) => ({ id: t.key, name: sv ? t.name : t.nameEn })),
    professions: professions.map((p) => ({ id: p.key, name: sv ? p.name : p.nameEn })),
    brokers,
    users: byName(users),
  };
}
