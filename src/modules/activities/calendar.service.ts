// Calendars (decision 019): an .ics file per occasion, a personal feed per user behind a secret address that can be
// renewed (only its hash is kept), and open feeds per municipality and per network (occasions hold no personal data).
// The events' text is in calendar-events.ts (decision 035), the validators and remembered bodies in
// calendar-answers.ts (decision 031).
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { hashToken, type SignedInContext } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { NotFoundError, TooManyRequestsError } from '../../platform/server/errors.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import { can } from '../../platform/server/policy.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import type { Role } from '../../platform/shared/roles.ts';
import { linkedPersonIdSql, personOfUser } from '../people/people-lookup.service.ts';
import { activitiesMessages as am } from './activities.messages.ts';
import { ORGANISER_ROLES } from './activities.policy.ts';
import {
  activity,
  activityOccasion,
  activityRegistration,
  activitySeat,
  calendarFeedCache,
  calendarFeedToken,
} from './activities.table.ts';
import type { ActivitiesDeps } from './activities-scope.ts';
import {
  answer,
  built,
  type Conditional,
  etagOf,
  type FeedAnswer,
  heldFeed,
  holdFeed,
  keptBody,
} from './calendar-answers.ts';
import { eventDigest, eventSelect, joinIcs, keepByDigest, keptByDigest, toIcs } from './calendar-events.ts';
import { feedWatch } from './calendar-watch.ts';

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

/** The window a feed covers: three months back, eighteen ahead, from the start of the day (UTC), so that a kept body
 *  stays right for the whole day (the day is part of what it was built for). */
function feedWindow(now: Date) {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    day: new Date(day).toISOString().slice(0, 10),
    from: new Date(day - 92 * 86_400_000),
    to: new Date(day + 549 * 86_400_000),
  };
}

// ---- kept feeds and conditional requests (decision 031) ----

// ---- the personal feed ----

export async function feedStatus(deps: ActivitiesDeps, ctx: SignedInContext) {
  const [row] = await deps.db
    .select({ createdAt: calendarFeedToken.createdAt })
    .from(calendarFeedToken)
    .where(eq(calendarFeedToken.userId, ctx.actor.userId));
  return { url: null, exists: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null };
}

/** Makes (or renews) the personal feed's secret address; the old one stops working. The address is shown once. */
export async function renewFeed(deps: ActivitiesDeps, ctx: SignedInContext) {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  // A new address starts without a kept body, with the person linked now (the triggers find the feed by it).
  const me = await personOfUser(deps.db, ctx.actor.userId);
  const fresh = {
    tokenHash: hashToken(token),
    createdAt: now,
    personId: me?.id ?? null,
    builtVersion: null,
    builtFor: null,
  };
  await inTransaction(deps.db, async (tx) => {
    await tx
      .insert(calendarFeedToken)
      .values({ userId: ctx.actor.userId, ...fresh })
      .onConflictDoUpdate({
        target: calendarFeedToken.userId,
        set: { ...fresh, body: null, etag: null, modifiedAt: null },
      });
    await audit(tx, ctx, { action: 'calendar_feed.renew', entityType: 'user', entityId: ctx.actor.userId });
  });
  return {
    url: `${deps.publicUrl}/api/public/activities/feeds/${token}.ics`,
    exists: true,
    createdAt: now.toISOString(),
  };
}

/** The personal feed's head: the owner, what the feed depends on beyond the activities' tables (organisation, roles,
 *  networks, linked person) and the kept validators. One indexed query, prepared once per database (its SQL is built
 *  once, and PostgreSQL plans it once per connection): a poll costs this query and nothing else when this server
 *  remembers the body. */
function ownerQuery(db: Db) {
  const t = calendarFeedToken;
  return db
    .select({
      id: user.id,
      organisationId: user.organisationId,
      organisationKind: organisation.kind,
      active: user.active,
      roles: sql<
        string | null
      >`(SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_role r WHERE r.user_id = ${user.id})`,
      networks: sql<string | null>`(SELECT string_agg(m.network_id::text, ',' ORDER BY m.network_id)
        FROM network_member m WHERE m.user_id = ${user.id})`,
      personId: linkedPersonIdSql(user.id),
      keptPersonId: t.personId,
      feedVersion: t.feedVersion,
      builtVersion: t.builtVersion,
      builtFor: t.builtFor,
      etag: t.etag,
      modifiedAt: t.modifiedAt,
    })
    .from(t)
    .innerJoin(user, eq(user.id, t.userId))
    .innerJoin(organisation, eq(organisation.id, user.organisationId))
    .where(eq(t.tokenHash, sql.placeholder('tokenHash')))
    .prepare('calendar_feed_owner');
}
const ownerQueries = new WeakMap<Db, ReturnType<typeof ownerQuery>>();
function owners(db: Db) {
  let q = ownerQueries.get(db);
  if (!q) {
    q = ownerQuery(db);
    ownerQueries.set(db, q);
  }
  return q;
}

/**
 * The personal feed's events by id and digest (no rows: the kept texts answer for all but the changed occasions,
 * decision 035): what the person is registered or waitlisted for and what the user organises, in one query prepared
 * once per database (decision 042: its SQL is not built and, on PostgreSQL, not planned again on each miss). The
 * feed's occasions are named first — the person's registrations (by the person's index) and the occasions of the
 * activities the user organises (a scan of the few hundred activities, their occasions by index) — and only those are
 * read, by primary key (decision 045): testing every occasion in the window against the conditions cost an employee's
 * miss 6 ms of the embedded engine for 47 events, this 2 ms. Not a left join of the registrations: on a join
 * PostgreSQL (and PGlite, without statistics) chose a nested loop testing every occasion in the window against every
 * registration of the person. A NULL person, organiser or creator and an empty list of networks match nothing.
 */
function eventsQuery(db: Db) {
  const person = sql`${sql.placeholder('personId')}::uuid`;
  const waitlisted = sql<boolean>`${activityOccasion.id} IN (SELECT r.occasion_id FROM ${activityRegistration} r
    WHERE r.person_id = ${person} AND r.state = 'waitlisted')`;
  return db
    .select({ id: activityOccasion.id, digest: eventDigest, waitlisted })
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .where(
      and(
        lte(activityOccasion.startsAt, sql`${sql.placeholder('to')}::timestamptz`),
        gte(activityOccasion.endsAt, sql`${sql.placeholder('from')}::timestamptz`),
        sql`${activityOccasion.id} IN (SELECT r.occasion_id FROM ${activityRegistration} r
          WHERE r.person_id = ${person} AND r.state IN ('registered', 'waitlisted')
          UNION SELECT o2.id FROM ${activity} a2 JOIN ${activityOccasion} o2 ON o2.activity_id = a2.id
          WHERE a2.organiser_id = ${sql.placeholder('organiserId')}::uuid
            OR a2.created_by = ${sql.placeholder('createdBy')}::text
            OR a2.network_id::text = ANY (string_to_array(${sql.placeholder('networks')}::text, ',')))`,
      ),
    )
    .orderBy(asc(activityOccasion.startsAt), asc(activityOccasion.id))
    .limit(2_000)
    .prepare('calendar_feed_events');
}
const eventsQueries = new WeakMap<Db, ReturnType<typeof eventsQuery>>();
function eventsOf(db: Db) {
  let q = eventsQueries.get(db);
  if (!q) {
    q = eventsQuery(db);
    eventsQueries.set(db, q);
  }
  return q;
}

/**
 * The personal feed: what the user is registered or waitlisted for, and the occasions they organise.
 *
 * While this server listens to the database's notices and holds validators the database confirmed, with no notice for
 * the user since, a poll asks nothing (decision 045). Otherwise one prepared query reads the owner and the feed's
 * validators (`ownerQuery`). The body is current when the triggers
 * have not raised `feedVersion` since it was built and it was built today for the same dependencies: a client holding
 * its ETag gets 304, and the body is answered from this server's memory. Otherwise (a change, or a server that does
 * not remember the body) one query reads the rows and the body is joined from the kept events (decision 035); the
 * validators are kept on the token's row, the body is not (building it again costs about what reading it would).
 */
export async function personalFeed(
  deps: ActivitiesDeps,
  ctx: RequestContext,
  token: string,
  cond: Conditional = {},
): Promise<FeedAnswer> {
  if (deps.guesses.blocked(ctx.ip)) throw new TooManyRequestsError();
  const tokenHash = hashToken(token);
  const t = calendarFeedToken;
  const now = deps.now();
  const { day, from, to } = feedWindow(now);
  // Validators this server holds, confirmed by the database and unchanged since by its notices (decision 045): no
  // query at all. The day is part of what a body was built for, and is checked here.
  const watch = feedWatch(deps.db);
  const mine = heldFeed(tokenHash);
  if (mine?.builtFor.startsWith(`${day}|`) && (await watch.unchangedSince(mine.userId, mine.checked))) {
    const kept = await answer(tokenHash, cond, mine.etag, mine.modifiedAt, null, async () => null);
    if (kept) return kept;
  }
  const checked = watch.ticket();
  const [owner] = await owners(deps.db).execute({ tokenHash });
  if (!owner?.active) {
    deps.guesses.fail(ctx.ip);
    throw new NotFoundError();
  }
  const roles = (owner.roles ?? '').split(',').filter(Boolean) as Role[];
  const networks = (owner.networks ?? '').split(',').filter(Boolean);
  const personId = owner.personId ?? null;
  const builtFor = [day, owner.organisationId, roles.join(','), networks.join(','), personId ?? ''].join('|');
  const feedVersion = Number(owner.feedVersion);
  // The validators of the body built at the feed's current version for the same dependencies: this server's own
  // (decision 042), else those kept on the token's row (by this or another server). Held again with this query's
  // ticket, so the next polls need no query while no notice comes (decision 045).
  const current =
    mine && mine.version === feedVersion && mine.builtFor === builtFor
      ? mine
      : owner.etag &&
          owner.modifiedAt &&
          owner.builtVersion !== null &&
          Number(owner.builtVersion) === feedVersion &&
          owner.builtFor === builtFor
        ? { etag: owner.etag, modifiedAt: owner.modifiedAt }
        : undefined;
  if (current) {
    const kept = await answer(tokenHash, cond, current.etag, current.modifiedAt, null, async () => null);
    if (kept) {
      // Not while the triggers still look for another person (see below): their notices could miss a change.
      const { etag, modifiedAt } = current;
      if (owner.keptPersonId === personId)
        holdFeed(tokenHash, { version: feedVersion, builtFor, etag, modifiedAt, userId: owner.id, checked });
      return kept;
    }
  }

  const actor: Actor = {
    kind: 'user',
    userId: owner.id,
    tokenId: null,
    sessionId: null,
    organisationId: owner.organisationId,
    organisationKind: owner.organisationKind === 'region' ? 'region' : 'municipality',
    roles,
    locale: 'sv',
  };
  // What they organise (their organisation's, as organiser; what they created; their networks', as an organiser role);
  // a condition left out is a NULL (or no network), which matches nothing.
  const organiser = roles.some((r) => r === 'regional_admin' || ORGANISER_ROLES.includes(r));
  const named = await eventsOf(deps.db).execute({
    personId,
    organiserId:
      organiser && can(actor, 'activities:organise', { organisationId: actor.organisationId })
        ? actor.organisationId
        : null,
    createdBy: organiser ? actor.userId : null,
    networks: organiser && roles.some((r) => ORGANISER_ROLES.includes(r)) ? networks.join(',') : '',
    from: from.toISOString(),
    to: to.toISOString(),
  });
  const noteOf = (w: boolean) => (w ? 'väntelista' : undefined);
  const texts = named.map((n) => keptByDigest(n.id, noteOf(n.waitlisted), n.digest, deps.publicUrl));
  const missing = named.filter((_, i) => texts[i] === undefined).map((n) => n.id);
  if (missing.length > 0) {
    const rows = await deps.db
      .select({ ...eventSelect, digest: eventDigest })
      .from(activityOccasion)
      .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
      .innerJoin(organisation, eq(organisation.id, activity.organiserId))
      .where(inArray(activityOccasion.id, missing));
    const byId = new Map(rows.map((row) => [row.o.id, row]));
    named.forEach((n, i) => {
      const row = byId.get(n.id);
      // An occasion deleted since the first query is left out (its delete has raised the feed's version).
      if (texts[i] === undefined)
        texts[i] = row ? keepByDigest({ ...row, note: noteOf(n.waitlisted) }, row.digest, deps.publicUrl) : '';
    });
  }
  const body = joinIcs('Mina aktiviteter (Kompetensnav)', texts as string[]);
  const etag = etagOf(body);
  const modifiedAt =
    mine && etag === mine.etag ? mine.modifiedAt : etag === owner.etag && owner.modifiedAt ? owner.modifiedAt : now;
  if (owner.keptPersonId === personId) {
    // Kept at the version read before the rows: a change since then has raised the version, and the next request
    // builds again. This server holds the validators; the token's row gets them only on this server's first build of
    // the feed (after a start), so that another server or a restart can answer the client's copy with 304 without
    // building, and a rebuild after a change writes nothing (decision 042). Nothing to write either when the row
    // already has this body at this version.
    holdFeed(tokenHash, { version: feedVersion, builtFor, etag, modifiedAt, userId: owner.id, checked });
    const rowCurrent = owner.etag === etag && Number(owner.builtVersion) === feedVersion && owner.builtFor === builtFor;
    if (!mine && !rowCurrent)
      await deps.db
        .update(t)
        .set({ builtVersion: feedVersion, builtFor, body: null, etag, modifiedAt })
        .where(eq(t.tokenHash, tokenHash));
  } else {
    // Newly linked (or unlinked) person: the triggers find the feed by its person only from now on, so a
    // registration committed while this body was built may be missing from it; it is not kept, the next request
    // builds it again.
    await deps.db.update(t).set({ personId, builtVersion: null }).where(eq(t.tokenHash, tokenHash));
  }
  return built(tokenHash, cond, etag, modifiedAt, body);
}

// ---- open feeds ----

/** The open feeds' kept bodies: valid while their scopes' counters sum to what they were built at. */
async function openFeed(
  deps: ActivitiesDeps,
  key: string,
  cond: Conditional,
  head: { name: string | undefined; version: number; builtFor: string },
  kept: {
    builtVersion: number | null;
    builtFor: string | null;
    etag: string | null;
    modifiedAt: Date | null;
    body: string | null;
  },
  build: () => Promise<string>,
): Promise<FeedAnswer> {
  if (kept.etag && kept.modifiedAt && kept.builtVersion === head.version && kept.builtFor === head.builtFor) {
    const etag = kept.etag;
    const answered = await answer(key, cond, etag, kept.modifiedAt, kept.body, async () => {
      const [row] = await deps.db
        .select({ body: c.body })
        .from(c)
        .where(and(eq(c.key, key), eq(c.etag, etag)));
      return row?.body ?? null;
    });
    if (answered) return answered;
  }
  const body = await build();
  const etag = etagOf(body);
  const modifiedAt = etag === kept.etag && kept.modifiedAt ? kept.modifiedAt : deps.now();
  const values = { builtVersion: head.version, builtFor: head.builtFor, body, etag, modifiedAt };
  await deps.db
    .insert(calendarFeedCache)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: calendarFeedCache.key, set: values });
  return built(key, cond, etag, modifiedAt, body);
}

const c = calendarFeedCache;
const versionOf = (scopes: SQL) =>
  sql<string>`(SELECT coalesce(sum(v.version), 0)::text FROM calendar_feed_version v WHERE v.scope IN (${scopes}))`;
const keptColumns = (key: string, cond: Conditional) => ({
  builtVersion: c.builtVersion,
  builtFor: c.builtFor,
  etag: c.etag,
  modifiedAt: c.modifiedAt,
  body: keptBody(key, cond, c.etag, c.body),
});

/** An open feed's events: the occasions starting in the window that `which` selects, in order (at most 2,000). */
function openFeedRows(deps: ActivitiesDeps, from: Date, to: Date, which: SQL | undefined) {
  return deps.db
    .select(eventSelect)
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .where(and(gte(activityOccasion.startsAt, from), lte(activityOccasion.startsAt, to), which))
    .orderBy(asc(activityOccasion.startsAt), asc(activityOccasion.id))
    .limit(2_000);
}

/** A municipality's feed: what it organises, what it has seats on, and the region's occasions open to everyone. */
export async function municipalityFeed(deps: ActivitiesDeps, municipalityId: string, cond: Conditional = {}) {
  const key = `municipality:${municipalityId}`;
  const [row] = await deps.db
    .select({
      name: organisation.name,
      version: versionOf(sql`'region', ${`organisation:${municipalityId}`}`),
      ...keptColumns(key, cond),
    })
    .from(organisation)
    .leftJoin(c, eq(c.key, key))
    .where(eq(organisation.id, municipalityId));
  if (!row) throw new NotFoundError(am.municipalityUnknown());
  const { day, from, to } = feedWindow(deps.now());
  const head = { name: row.name, version: Number(row.version), builtFor: `${day}|${row.name}` };
  return openFeed(deps, key, cond, head, row, async () => {
    const rows = await openFeedRows(
      deps,
      from,
      to,
      or(
        eq(activity.organiserId, municipalityId),
        eq(organisation.kind, 'region'),
        sql`EXISTS (SELECT 1 FROM ${activitySeat} s WHERE s.occasion_id = ${activityOccasion.id} AND s.organisation_id = ${municipalityId})`,
      ),
    );
    return toIcs(`${row.name}: aktiviteter (Kompetensnav)`, rows, deps.publicUrl);
  });
}

export async function networkFeed(deps: ActivitiesDeps, networkId: string, cond: Conditional = {}) {
  const key = `network:${networkId}`;
  const [row] = await deps.db
    .select({ name: network.name, version: versionOf(sql`${key}`), ...keptColumns(key, cond) })
    .from(network)
    .leftJoin(c, eq(c.key, key))
    .where(eq(network.id, networkId));
  if (!row) throw new NotFoundError(am.networkUnknown());
  const { day, from, to } = feedWindow(deps.now());
  const head = { name: row.name, version: Number(row.version), builtFor: `${day}|${row.name}` };
  return openFeed(deps, key, cond, head, row, async () => {
    const rows = await openFeedRows(deps, from, to, eq(activity.networkId, networkId));
    return toIcs(`${row.name}: aktiviteter (Kompetensnav)`, rows, deps.publicUrl);
  });
}
