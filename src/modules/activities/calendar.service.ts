// Calendars (decision 019): an .ics file per occasion, a personal feed per user behind a secret address that can be
// renewed (only its hash is kept), and open feeds per municipality and per network (occasions hold no personal data).
// ical-generator writes the events with TZID=Europe/Stockholm and the zone's VTIMEZONE, so a calendar shows the
// Swedish wall-clock time on both sides of a daylight-saving change. Cancelled occasions stay with STATUS:CANCELLED,
// so calendars that subscribed remove them.
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { hashToken, type SignedInContext } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { inTransaction } from '../../platform/server/db.ts';
import { NotFoundError, TooManyRequestsError } from '../../platform/server/errors.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import type { Role } from '../../platform/shared/roles.ts';
import { SWEDISH_TIME_ZONE, toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { personOfUser } from '../people/people-lookup.service.ts';
import { activitiesMessages as am } from './activities.messages.ts';
import {
  activity,
  activityOccasion,
  activityRegistration,
  activitySeat,
  calendarFeedToken,
} from './activities.table.ts';
import { type ActivitiesDeps, namesOf } from './activities-scope.ts';
import { organisedOccasions } from './occasion-views.service.ts';

type Occasion = typeof activityOccasion.$inferSelect;
/** What an event needs (and no more: a feed maps each row, so wide rows cost time per event). */
type EventRow = {
  o: Pick<Occasion, 'id' | 'startsAt' | 'endsAt' | 'updatedAt' | 'createdAt' | 'status' | 'place' | 'onlineUrl'>;
  a: Pick<typeof activity.$inferSelect, 'title' | 'description'>;
  organiser: string;
  note?: string;
};

/** The zone's VTIMEZONE block (the library files Stockholm under its rule-twin Berlin; the TZID must match ours). */
const blocks = new Map<string, string | null>();
function vtimezone(tz: string): string | null {
  if (!blocks.has(tz)) {
    const block = (tzlib_get_ical_block(tz) as string[])[0];
    blocks.set(
      tz,
      block
        ? block.replace(/TZID:[^\r\n]+/, `TZID:${tz}`).replace(/X-LIC-LOCATION:[^\r\n]+/, `X-LIC-LOCATION:${tz}`)
        : null,
    );
  }
  return blocks.get(tz) ?? null;
}

/** The Swedish wall-clock time, which ical-generator writes as it is after TZID=Europe/Stockholm. */
const zoned = (d: Date) => `${toStockholmLocal(d)}:00`;

export function toIcs(name: string, rows: EventRow[], publicUrl: string): string {
  const cal = ical({ name, prodId: { company: 'Kompetensnav', product: 'Aktiviteter', language: 'SV' } });
  cal.timezone({ name: SWEDISH_TIME_ZONE, generator: vtimezone });
  for (const { o, a, organiser, note } of rows) {
    cal.createEvent({
      id: `${o.id}@kompetensnav`,
      start: zoned(o.startsAt),
      end: zoned(o.endsAt),
      timezone: SWEDISH_TIME_ZONE,
      stamp: o.updatedAt,
      summary: note ? `${a.title} (${note})` : a.title,
      description: [a.description, `Arrangör: ${organiser}`, o.onlineUrl ? `Länk: ${o.onlineUrl}` : '']
        .filter(Boolean)
        .join('\n\n'),
      location: o.place ?? o.onlineUrl ?? null,
      url: `${publicUrl}/activities/occasions/${o.id}`,
      status: o.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // Each change of the occasion makes a newer version for the calendars that hold it.
      sequence: Math.floor(o.updatedAt.getTime() / 1000) - Math.floor(o.createdAt.getTime() / 1000),
    });
  }
  return cal.toString();
}

const eventSelect = {
  o: {
    id: activityOccasion.id,
    startsAt: activityOccasion.startsAt,
    endsAt: activityOccasion.endsAt,
    updatedAt: activityOccasion.updatedAt,
    createdAt: activityOccasion.createdAt,
    status: activityOccasion.status,
    place: activityOccasion.place,
    onlineUrl: activityOccasion.onlineUrl,
  },
  a: { title: activity.title, description: activity.description },
  organiser: organisation.name,
};

/** One occasion as an .ics file (for any signed-in user: occasions are not personal). */
export async function occasionIcs(deps: ActivitiesDeps, id: string) {
  const rows = await deps.db
    .select(eventSelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .where(eq(activityOccasion.id, id));
  const row = rows[0];
  if (!row) throw new NotFoundError(am.occasionNotFound());
  return { fileName: `${slug(row.a.title)}.ics`, body: toIcs(row.a.title, rows, deps.publicUrl) };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'tillfalle';

/** The window a feed covers: three months back, eighteen ahead. */
function feedWindow(now: Date) {
  return { from: new Date(now.getTime() - 92 * 86_400_000), to: new Date(now.getTime() + 548 * 86_400_000) };
}

// ---- the personal feed ----

export async function feedStatus(deps: ActivitiesDeps, ctx: SignedInContext) {
  const [row] = await deps.db.select().from(calendarFeedToken).where(eq(calendarFeedToken.userId, ctx.actor.userId));
  return { url: null, exists: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null };
}

/** Makes (or renews) the personal feed's secret address; the old one stops working. The address is shown once. */
export async function renewFeed(deps: ActivitiesDeps, ctx: SignedInContext) {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  await inTransaction(deps.db, async (tx) => {
    await tx
      .insert(calendarFeedToken)
      .values({ userId: ctx.actor.userId, tokenHash: hashToken(token), createdAt: now })
      .onConflictDoUpdate({ target: calendarFeedToken.userId, set: { tokenHash: hashToken(token), createdAt: now } });
    await audit(tx, ctx, { action: 'calendar_feed.renew', entityType: 'user', entityId: ctx.actor.userId });
  });
  return {
    url: `${deps.publicUrl}/api/public/activities/feeds/${token}.ics`,
    exists: true,
    createdAt: now.toISOString(),
  };
}

/** The personal feed: what the user is registered or waitlisted for, and the occasions they organise. */
export async function personalFeed(deps: ActivitiesDeps, ctx: RequestContext, token: string) {
  if (deps.guesses.blocked(ctx.ip)) throw new TooManyRequestsError();
  const [owner] = await deps.db
    .select({
      id: user.id,
      organisationId: user.organisationId,
      organisationKind: organisation.kind,
      active: user.active,
      roles: sql<Role[]>`(
        SELECT coalesce(array_agg(r.role), '{}') FROM user_role r WHERE r.user_id = ${user.id})`,
    })
    .from(calendarFeedToken)
    .innerJoin(user, eq(user.id, calendarFeedToken.userId))
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .where(eq(calendarFeedToken.tokenHash, hashToken(token)));
  if (!owner?.active) {
    deps.guesses.fail(ctx.ip);
    throw new NotFoundError();
  }
  const now = deps.now();
  const { from, to } = feedWindow(now);
  const actor: Actor = {
    kind: 'user',
    userId: owner.id,
    tokenId: null,
    sessionId: null,
    organisationId: owner.organisationId,
    organisationKind: owner.organisationKind === 'region' ? 'region' : 'municipality',
    roles: owner.roles,
    locale: 'sv',
  };
  // What they are registered for and what they organise, read side by side.
  const [mine, organised] = await Promise.all([
    (async (): Promise<EventRow[]> => {
      const me = await personOfUser(deps.db, owner.id);
      if (!me) return [];
      const rows = await deps.db
        .select({ ...eventSelect, state: activityRegistration.state })
        .from(activityRegistration)
        .innerJoin(activityOccasion, eq(activityOccasion.id, activityRegistration.occasionId))
        .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
        .innerJoin(organisation, eq(organisation.id, activity.organiserId))
        .where(
          and(
            eq(activityRegistration.personId, me.id),
            inArray(activityRegistration.state, ['registered', 'waitlisted']),
            gte(activityOccasion.startsAt, from),
            lte(activityOccasion.startsAt, to),
          ),
        );
      return rows.map((r) => ({ ...r, note: r.state === 'waitlisted' ? 'väntelista' : undefined }));
    })(),
    organisedOccasions(deps.db, actor, from, 2_000).then((rows) => rows.filter((r) => r.o.startsAt <= to)),
  ]);
  const seen = new Set(mine.map((r) => r.o.id));
  const rows = [...mine, ...organised.filter((r) => !seen.has(r.o.id))].sort(
    (x, y) => x.o.startsAt.getTime() - y.o.startsAt.getTime(),
  );
  return toIcs('Mina aktiviteter (Kompetensnav)', rows, deps.publicUrl);
}

// ---- open feeds ----

/** A municipality's feed: what it organises, what it has seats on, and the region's occasions open to everyone. */
export async function municipalityFeed(deps: ActivitiesDeps, municipalityId: string) {
  const names = await namesOf(deps.db, { organisations: [municipalityId] });
  const name = names.get(municipalityId);
  if (!name) throw new NotFoundError(am.municipalityUnknown());
  const { from, to } = feedWindow(deps.now());
  const rows = await deps.db
    .select(eventSelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .where(
      and(
        gte(activityOccasion.startsAt, from),
        lte(activityOccasion.startsAt, to),
        or(
          eq(activity.organiserId, municipalityId),
          eq(organisation.kind, 'region'),
          sql`EXISTS (SELECT 1 FROM ${activitySeat} s WHERE s.occasion_id = ${activityOccasion.id} AND s.organisation_id = ${municipalityId})`,
        ),
      ),
    )
    .orderBy(asc(activityOccasion.startsAt))
    .limit(2_000);
  return toIcs(`${name}: aktiviteter (Kompetensnav)`, rows, deps.publicUrl);
}

export async function networkFeed(deps: ActivitiesDeps, networkId: string) {
  const [n] = await deps.db.select({ name: network.name }).from(network).where(eq(network.id, networkId));
  if (!n) throw new NotFoundError(am.networkUnknown());
  const { from, to } = feedWindow(deps.now());
  const rows = await deps.db
    .select(eventSelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .where(
      and(eq(activity.networkId, networkId), gte(activityOccasion.startsAt, from), lte(activityOccasion.startsAt, to)),
    )
    .orderBy(asc(activityOccasion.startsAt))
    .limit(2_000);
  return toIcs(`${n.name}: aktiviteter (Kompetensnav)`, rows, deps.publicUrl);
}
