// Reading activities and occasions (decision 019): the calendar list with filters, an activity and an occasion's page
// (seats, the registrations the viewer may see, the waiting list, attendance, the evaluation's state), "my occasions",
// the forms' options and the persons one may register. Changes are in occasions.service.ts.

import { and, asc, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../platform/server/actor.ts';
import { audit } from '../../platform/server/audit.ts';
import type { Db } from '../../platform/server/db.ts';
import { ForbiddenError, NotFoundError } from '../../platform/server/errors.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import { can } from '../../platform/server/policy.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import { fromStockholmLocal, toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { contactsOf, findPersons, personOfUser, personsByIds } from '../people/people-lookup.service.ts';
import { listProfessions } from '../staffing/professions-lookup.service.ts';
import type {
  ActivitySummary,
  OccasionDetail,
  OccasionListQuery,
  OccasionSummary,
  RegistrationRow,
} from './activities.contracts.ts';
import { activitiesMessages as am } from './activities.messages.ts';
import { ORGANISER_ROLES } from './activities.policy.ts';
import {
  activity,
  activityOccasion,
  activityRegistration,
  activitySeat,
  surveyInvitation,
  surveyTemplate,
} from './activities.table.ts';
import {
  type ActivitiesDeps,
  allocationsOf,
  countsByMunicipality,
  hoursBetween,
  isReleased,
  mayOrganise,
  namesOf,
  networksOf,
  type OccasionRow,
  shownStatus,
} from './activities-scope.ts';
import { freeFor, openSeatCount } from './seats.ts';
import { ensureStandardTemplate } from './surveys.service.ts';

type ActivityRecord = typeof activity.$inferSelect;

export async function getActivity(db: Db, id: string): Promise<ActivityRecord> {
  const [a] = await db.select().from(activity).where(eq(activity.id, id));
  if (!a) throw new NotFoundError(am.activityNotFound());
  return a;
}

export async function professionNames(deps: ActivitiesDeps) {
  const list = await listProfessions({ db: deps.db, cache: deps.cache });
  return new Map(list.map((p) => [p.key, p.name]));
}

export async function summaryOf(deps: ActivitiesDeps, actor: Actor, a: ActivityRecord): Promise<ActivitySummary> {
  const [names, professions] = await Promise.all([
    namesOf(deps.db, { organisations: [a.organiserId], networks: a.networkId ? [a.networkId] : [] }),
    professionNames(deps),
  ]);
  const [template] = a.surveyTemplateId
    ? await deps.db
        .select({ id: surveyTemplate.id, name: surveyTemplate.name })
        .from(surveyTemplate)
        .where(eq(surveyTemplate.id, a.surveyTemplateId))
    : [];
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    kind: a.kind,
    organiser: { id: a.organiserId, name: names.get(a.organiserId) ?? '' },
    network: a.networkId ? { id: a.networkId, name: names.get(a.networkId) ?? '' } : null,
    targetProfessions: a.targetProfessions.map((key) => ({ key, name: professions.get(key) ?? key })),
    selfRegistration: a.selfRegistration,
    surveyTemplate: template ?? null,
    sourceModule: a.sourceModule,
    sourceRecordId: a.sourceRecordId,
    canOrganise: await mayOrganise(deps.db, actor, a),
  };
}

// ---- reading ----

type SummaryRow = { o: OccasionRow; a: ActivityRecord; organiser: string; network: string | null };

async function summaries(deps: ActivitiesDeps, actor: Actor, rows: SummaryRow[]): Promise<OccasionSummary[]> {
  const now = deps.now();
  const ids = rows.map((r) => r.o.id);
  const [counts, allocations] = await Promise.all([countsByMunicipality(deps.db, ids), allocationsOf(deps.db, ids)]);
  return rows.map(({ o, a, organiser, network: net }) => {
    const perOrg = counts.get(o.id) ?? new Map();
    let registered = 0;
    let waitlisted = 0;
    const reg = new Map<string, number>();
    for (const [org, c] of perOrg) {
      registered += c.registered;
      waitlisted += c.waitlisted;
      reg.set(org, c.registered);
    }
    const state = {
      capacity: o.capacity,
      allocations: allocations.get(o.id) ?? new Map(),
      registered: reg,
      released: isReleased(o, now),
    };
    return {
      id: o.id,
      activityId: a.id,
      title: a.title,
      kind: a.kind,
      organiser,
      network: net,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      place: o.place,
      onlineUrl: o.onlineUrl,
      capacity: o.capacity,
      registrationDeadline: o.registrationDeadline.toISOString(),
      seatsReleaseAt: o.seatsReleaseAt?.toISOString() ?? null,
      status: shownStatus(o, registered, now),
      registered,
      waitlisted,
      freeForMe: actor.organisationKind === 'municipality' ? freeFor(state, actor.organisationId) : null,
      targetProfessions: a.targetProfessions,
    };
  });
}

const summarySelect = { o: activityOccasion, a: activity, organiser: organisation.name, network: network.name };

/** Start of a month in Swedish time ("2027-03" → the instant of 1 March 00:00). */
function monthStart(month: string): Date {
  return fromStockholmLocal(`${month}-01T00:00`) as Date;
}
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The calendar list: occasions in a month (or from today on), filtered, in time order, paged. */
export async function listOccasions(deps: ActivitiesDeps, ctx: SignedInContext, q: OccasionListQuery) {
  const now = deps.now();
  const conditions: (SQL | undefined)[] = [];
  if (q.month) {
    conditions.push(
      gte(activityOccasion.startsAt, monthStart(q.month)),
      lt(activityOccasion.startsAt, monthStart(nextMonth(q.month))),
    );
  } else if (q.past !== 'true') {
    conditions.push(gte(activityOccasion.endsAt, now));
  }
  if (q.kind) conditions.push(eq(activity.kind, q.kind));
  if (q.networkId) conditions.push(eq(activity.networkId, q.networkId));
  if (q.profession) {
    conditions.push(
      or(
        sql`${activity.targetProfessions} = '[]'::jsonb`,
        sql`${activity.targetProfessions} @> ${JSON.stringify([q.profession])}::jsonb`,
      ),
    );
  }
  if (q.municipalityId) {
    conditions.push(
      or(
        eq(activity.organiserId, q.municipalityId),
        sql`EXISTS (SELECT 1 FROM ${activitySeat} s WHERE s.occasion_id = ${activityOccasion.id} AND s.organisation_id = ${q.municipalityId})`,
      ),
    );
  }
  const where = and(...conditions);
  const base = () =>
    deps.db
      .select(summarySelect)
      .from(activityOccasion)
      .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
      .innerJoin(organisation, eq(organisation.id, activity.organiserId))
      .leftJoin(network, eq(network.id, activity.networkId));
  const [rows, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(
        q.past === 'true' && !q.month ? desc(activityOccasion.startsAt) : asc(activityOccasion.startsAt),
        asc(activityOccasion.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db
      .select({ n: count() })
      .from(activityOccasion)
      .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
      .where(where),
  ]);
  return { items: await summaries(deps, ctx.actor, rows), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function activityDetail(deps: ActivitiesDeps, ctx: SignedInContext, id: string) {
  const a = await getActivity(deps.db, id);
  const rows = await deps.db
    .select(summarySelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .leftJoin(network, eq(network.id, activity.networkId))
    .where(eq(activity.id, id))
    .orderBy(asc(activityOccasion.startsAt));
  return { activity: await summaryOf(deps, ctx.actor, a), occasions: await summaries(deps, ctx.actor, rows) };
}

async function summaryRow(db: Db, occasionId: string): Promise<SummaryRow> {
  const [row] = await db
    .select(summarySelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .leftJoin(network, eq(network.id, activity.networkId))
    .where(eq(activityOccasion.id, occasionId));
  if (!row) throw new NotFoundError(am.occasionNotFound());
  return row;
}

/**
 * An occasion's page: seats per municipality, and the registrations the viewer may see — the organiser every one,
 * a manager or admin those of the persons in their scope, an employee their own.
 */
export async function occasionDetail(deps: ActivitiesDeps, ctx: SignedInContext, id: string): Promise<OccasionDetail> {
  const { actor } = ctx;
  const now = deps.now();
  const row = await summaryRow(deps.db, id);
  const { o, a } = row;
  const organiser = await mayOrganise(deps.db, actor, a);
  const [summary] = await summaries(deps, actor, [row]);
  if (!summary) throw new NotFoundError(am.occasionNotFound());
  const regs = await deps.db
    .select()
    .from(activityRegistration)
    .where(eq(activityRegistration.occasionId, id))
    .orderBy(asc(activityRegistration.queue));
  const me = actor.kind === 'user' ? await personOfUser(deps.db, actor.userId) : null;
  const personIds = regs.map((r) => r.personId);
  // Names: the organiser sees every participant; others only the persons of their own scope.
  const inScope = can(actor, 'activities:register') ? await personsByIds(deps.db, actor, personIds) : new Map();
  const contacts = organiser
    ? await contactsOf(deps.db, personIds)
    : new Map<string, { name: string; unitName: string }>();
  const orgNames = await namesOf(deps.db, { organisations: [...new Set(regs.map((r) => r.organisationId))] });
  let position = 0;
  const rows: RegistrationRow[] = [];
  let mine: RegistrationRow | null = null;
  for (const r of regs) {
    const waitPos = r.state === 'waitlisted' ? ++position : null;
    const ref = inScope.get(r.personId);
    const isMe = me?.id === r.personId;
    const visible = organiser || ref !== undefined || isMe;
    if (!visible) continue;
    const out: RegistrationRow = {
      id: r.id,
      personId: r.personId,
      name: ref?.name ?? contacts.get(r.personId)?.name ?? me?.name ?? '',
      unitName: ref?.unitName ?? contacts.get(r.personId)?.unitName ?? (isMe ? (me?.unitName ?? null) : null),
      municipality: orgNames.get(r.organisationId) ?? '',
      organisationId: r.organisationId,
      state: r.state,
      waitlistPosition: waitPos,
      registeredAt: r.registeredAt.toISOString(),
      attendance: r.attendance,
      hours: r.hours,
      canCancel: r.state !== 'cancelled' && now < o.startsAt && o.status !== 'cancelled',
    };
    if (isMe) mine = out;
    if (organiser || ref !== undefined) rows.push(out);
  }
  // Seats per municipality: counts of others' registrations are not personal (no names) and are shown to all.
  const counts = (await countsByMunicipality(deps.db, [id])).get(id) ?? new Map();
  const allocations = (await allocationsOf(deps.db, [id])).get(id) ?? new Map<string, number>();
  const seatOrgs = await namesOf(deps.db, { organisations: [...allocations.keys()] });
  const seats = [...allocations.entries()]
    .map(([orgId, n]) => ({
      organisationId: orgId,
      name: seatOrgs.get(orgId) ?? '',
      seats: n,
      registered: counts.get(orgId)?.registered ?? 0,
      waitlisted: counts.get(orgId)?.waitlisted ?? 0,
    }))
    .sort((x, y) => x.name.localeCompare(y.name, 'sv'));
  // Names of participants are personal data: reading them is audited, as a read of the staff register's lists is.
  if (rows.length > 0) {
    await audit(deps.db, ctx, {
      action: 'activity_occasion.read_registrations',
      entityType: 'activity_occasion',
      entityId: id,
      organisationId: a.organiserId,
    });
  }
  const registrable = summary.status === 'open' || summary.status === 'full';
  let survey: OccasionDetail['survey'] = null;
  if (organiser && a.surveyTemplateId) {
    const [s] = await deps.db
      .select({ invited: count(), answered: sql<number>`count(*) FILTER (WHERE ${surveyInvitation.answered})::int` })
      .from(surveyInvitation)
      .where(eq(surveyInvitation.occasionId, id));
    survey = {
      sentAt: o.surveySentAt?.toISOString() ?? null,
      invited: s?.invited ?? 0,
      answered: Number(s?.answered ?? 0),
    };
  }
  return {
    activity: await summaryOf(deps, actor, a),
    occasion: { ...summary, cancelReason: o.cancelReason, lengthHours: hoursBetween(o.startsAt, o.endsAt) },
    seats,
    openSeats: isReleased(o, now)
      ? o.capacity
      : openSeatCount({ capacity: o.capacity, allocations, registered: new Map(), released: false }),
    seatsReleased: isReleased(o, now),
    registrations: rows,
    canRegister: registrable && can(actor, 'activities:register'),
    canRegisterSelf: registrable && a.selfRegistration && me !== null && (!mine || mine.state === 'cancelled'),
    myRegistration: mine,
    survey,
  };
}

/** "My occasions": what the signed-in person is registered or waitlisted for, and what they organise. */
export async function myOccasions(deps: ActivitiesDeps, ctx: SignedInContext) {
  const { actor } = ctx;
  const now = deps.now();
  const me = actor.kind === 'user' ? await personOfUser(deps.db, actor.userId) : null;
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const registeredRows = me
    ? await deps.db
        .select({ ...summarySelect, registrationId: activityRegistration.id, state: activityRegistration.state })
        .from(activityRegistration)
        .innerJoin(activityOccasion, eq(activityOccasion.id, activityRegistration.occasionId))
        .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
        .innerJoin(organisation, eq(organisation.id, activity.organiserId))
        .leftJoin(network, eq(network.id, activity.networkId))
        .where(and(eq(activityRegistration.personId, me.id), gte(activityOccasion.endsAt, since)))
        .orderBy(asc(activityOccasion.startsAt))
    : [];
  const organisedRows = await organisedOccasions(deps.db, actor, since);
  const registeredSummaries = await summaries(deps, actor, registeredRows);
  return {
    registered: registeredSummaries.map((s, i) => ({
      ...s,
      registrationId: registeredRows[i]?.registrationId ?? '',
      state: registeredRows[i]?.state ?? 'registered',
    })),
    organised: await summaries(deps, actor, organisedRows),
    hasPersonRecord: me !== null,
  };
}

/** Occasions of activities the actor organises (their organisation's, as organiser; their networks'), since a time. */
export async function organisedOccasions(db: Db, actor: Actor, since: Date, limit = 200) {
  // Only those who may organise have occasions of their own to show (an employee's feed skips the query).
  if (!actor.roles.some((r) => r === 'regional_admin' || ORGANISER_ROLES.includes(r))) return [];
  const orgs: SQL[] = [];
  if (can(actor, 'activities:organise', { organisationId: actor.organisationId }))
    orgs.push(eq(activity.organiserId, actor.organisationId));
  orgs.push(eq(activity.createdBy, actor.userId));
  const nets = actor.roles.some((r) => ORGANISER_ROLES.includes(r)) ? [...(await networksOf(db, actor.userId))] : [];
  if (nets.length) orgs.push(inArray(activity.networkId, nets));
  return db
    .select(summarySelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .leftJoin(network, eq(network.id, activity.networkId))
    .where(and(or(...orgs), gte(activityOccasion.endsAt, since)))
    .orderBy(asc(activityOccasion.startsAt))
    .limit(limit);
}

/** What the forms offer: municipalities, networks, professions, survey templates, and whom one may organise for. */
export async function formOptions(deps: ActivitiesDeps, ctx: SignedInContext) {
  const { actor } = ctx;
  const [orgs, nets, professions, templates] = await Promise.all([
    deps.db
      .select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
      .from(organisation)
      .where(eq(organisation.active, true)),
    deps.db.select({ id: network.id, name: network.name }).from(network).where(eq(network.active, true)),
    listProfessions({ db: deps.db, cache: deps.cache }, { activeOnly: true }),
    (async () => {
      await ensureStandardTemplate(deps.db);
      return deps.db
        .select({
          id: surveyTemplate.id,
          name: surveyTemplate.name,
          standard: surveyTemplate.standard,
          organisationId: surveyTemplate.organisationId,
        })
        .from(surveyTemplate);
    })(),
  ]);
  const sv = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name, 'sv');
  return {
    municipalities: orgs
      .filter((o) => o.kind === 'municipality')
      .map(({ id, name }) => ({ id, name }))
      .sort(sv),
    networks: nets.sort(sv),
    professions: professions.map((p) => ({ key: p.key, name: p.name })),
    templates: templates
      .filter((t) => t.standard || t.organisationId === actor.organisationId)
      .map(({ id, name, standard }) => ({ id, name, standard })),
    organisers: orgs
      .filter((o) => can(actor, 'activities:organise', { organisationId: o.id }))
      .map(({ id, name }) => ({ id, name }))
      .sort(sv),
  };
}

/**
 * Persons the caller may register for an occasion (their scope in the staff register, employed today), matching the
 * words, with whether each is registered already. The register's own lookup decides the scope.
 */
export async function candidates(
  deps: ActivitiesDeps,
  ctx: SignedInContext,
  occasionId: string,
  q: string | undefined,
) {
  if (!can(ctx.actor, 'activities:register')) throw new ForbiddenError();
  const { o, a } = await summaryRow(deps.db, occasionId);
  const today = toStockholmLocal(deps.now()).slice(0, 10);
  const found = await findPersons(deps.db, ctx.actor, { q, employedOn: today, limit: 50 });
  const taken = found.length
    ? await deps.db
        .select({ personId: activityRegistration.personId, state: activityRegistration.state })
        .from(activityRegistration)
        .where(
          and(
            eq(activityRegistration.occasionId, o.id),
            inArray(
              activityRegistration.personId,
              found.map((p) => p.id),
            ),
          ),
        )
    : [];
  const state = new Map(taken.map((r) => [r.personId, r.state]));
  const targeted = new Set(a.targetProfessions);
  return found.map((p) => ({
    id: p.id,
    name: p.name,
    unitName: p.unitName,
    professionKey: p.professionKey,
    targeted: targeted.size === 0 || targeted.has(p.professionKey),
    state: state.get(p.id) ?? null,
  }));
}
