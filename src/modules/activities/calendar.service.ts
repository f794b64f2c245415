// Calendars (decision 019): an .ics file per occasion, a personal feed per user behind a secret address that can be
// renewed (only its hash is kept), and open feeds per municipality and per network (occasions hold no personal data).
// ical-generator writes the events with TZID=Europe/Stockholm and the zone's VTIMEZONE, so a calendar shows the
// Swedish wall-clock time on both sides of a daylight-saving change. Cancelled occasions stay with STATUS:CANCELLED,
// so calendars that subscribed remove them.
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import { type AnyColumn, and, asc, eq, gte, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { hashToken, type SignedInContext } from '../../platform/server/actor.ts';
import { audit, type RequestContext } from '../../platform/server/audit.ts';
import { user } from '../../platform/server/auth.table.ts';
import { type Db, inTransaction } from '../../platform/server/db.ts';
import { NotFoundError, TooManyRequestsError } from '../../platform/server/errors.ts';
import { network, organisation } from '../../platform/server/organisation.table.ts';
import { can } from '../../platform/server/policy.ts';
import type { Actor } from '../../platform/shared/policy-kit.ts';
import type { Role } from '../../platform/shared/roles.ts';
import { SWEDISH_TIME_ZONE, toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
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

const PROD_ID = { company: 'Kompetensnav', product: 'Aktiviteter', language: 'SV' };

function newCalendar(name: string) {
  const cal = ical({ name, prodId: PROD_ID });
  cal.timezone({ name: SWEDISH_TIME_ZONE, generator: vtimezone });
  return cal;
}

function addEvent(cal: ReturnType<typeof ical>, { o, a, organiser, note }: EventRow, publicUrl: string) {
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

/** The whole calendar formatted by ical-generator in one go (what `toIcs` must equal; the tests compare them). */
export function icsByLibrary(name: string, rows: EventRow[], publicUrl: string): string {
  const cal = newCalendar(name);
  for (const row of rows) addEvent(cal, row, publicUrl);
  return cal.toString();
}

// A feed is its calendar's header, its events and the footer. ical-generator folds every line on its own (RFC 5545
// 3.1), so the text of an event formatted alone is exactly its text inside any calendar: each event is formatted once
// by the library and kept, and a feed is built by joining the kept events (decision 035). An event's text is a pure
// function of its key (every field it shows, and the person's note, e.g. "väntelista"): no entry can hold one
// person's part for another, and a changed occasion or activity has another key, so it is formatted again.
const frames = new Map<string, { head: string; foot: string }>();
const FRAMES_MAX = 2_000;
type KeptEvent = { key: string; text: string };
const keptEvents = new Map<string, KeptEvent>();
let keptEventChars = 0;
const KEPT_EVENTS_MAX_CHARS = 16_000_000;

function frame(name: string) {
  let f = frames.get(name);
  if (!f) {
    const text = newCalendar(name).toString();
    const at = text.lastIndexOf('END:VCALENDAR');
    f = { head: text.slice(0, at), foot: text.slice(at) };
    if (frames.size >= FRAMES_MAX) frames.delete(frames.keys().next().value as string);
    frames.set(name, f);
  }
  return f;
}

/** The event's text, from the kept ones when nothing it shows has changed. */
function eventText(row: EventRow, publicUrl: string): string {
  const { o, a, organiser, note } = row;
  const slot = `${o.id}|${note ?? ''}`;
  const key = [
    o.startsAt.getTime(),
    o.endsAt.getTime(),
    o.updatedAt.getTime(),
    o.createdAt.getTime(),
    o.status,
    o.place ?? '\u0000',
    o.onlineUrl ?? '\u0000',
    a.title,
    a.description ?? '\u0000',
    organiser,
    publicUrl,
  ].join('\u0001');
  const kept = keptEvents.get(slot);
  if (kept?.key === key) return kept.text;
  const whole = icsByLibrary('', [row], publicUrl);
  const text = whole.slice(whole.indexOf('BEGIN:VEVENT'), whole.lastIndexOf('END:VEVENT') + 'END:VEVENT\r\n'.length);
  if (kept) keptEventChars -= kept.text.length;
  keptEvents.delete(slot);
  keptEvents.set(slot, { key, text });
  keptEventChars += text.length;
  for (const [k, e] of keptEvents) {
    if (keptEventChars <= KEPT_EVENTS_MAX_CHARS) break;
    keptEvents.delete(k);
    keptEventChars -= e.text.length;
  }
  return text;
}

/** The calendar of these rows: the header, the kept (or newly formatted) events, the footer. */
export function toIcs(name: string, rows: EventRow[], publicUrl: string): string {
  const { head, foot } = frame(name);
  const parts = [head];
  for (const row of rows) parts.push(eventText(row, publicUrl));
  parts.push(foot);
  return parts.join('');
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

/** What a calendar client sent to ask "only if changed". */
export type Conditional = { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined };
/** A feed's answer: its body, or 304 when the client's copy is current. */
export type FeedAnswer = { etag: string; modifiedAt: Date } & (
  | { notModified: true }
  | { notModified: false; body: string }
);

/** A strong validator of the body (computed once, when the body is built, and kept with it). */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** The entity tags of an If-None-Match header (weak ones compare by their tag; `*` matches any). */
export function etagsOf(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter((t) => t === '*' || /^"[^"]*"$/.test(t))
    .slice(0, 16);
}

/** Is the client's copy the current one? If-None-Match decides when sent; else If-Modified-Since (to the second). */
function isCurrent(cond: Conditional, etag: string, modifiedAt: Date): boolean {
  const tags = etagsOf(cond.ifNoneMatch);
  if (cond.ifNoneMatch !== undefined) return tags.includes('*') || tags.includes(etag);
  if (!cond.ifModifiedSince) return false;
  const since = Date.parse(cond.ifModifiedSince);
  return Number.isFinite(since) && Math.floor(modifiedAt.getTime() / 1000) * 1000 <= since;
}

// Each app server remembers the bodies it has sent, by their ETag (a hash of the text, so an entry never goes stale),
// with their compressed forms: a steady poll then reads no body from the database and compresses nothing. Bounded
// by size; the oldest go first.
type Remembered = { text: string; encoded: Map<'br' | 'gzip', Buffer> };
const remembered = new Map<string, Remembered>();
let rememberedChars = 0;
const REMEMBERED_MAX_CHARS = 32_000_000;
/** The ETag each feed (by its key: the token's hash, or the open feed's key) was last sent with in this server. */
const lastSent = new Map<string, string>();
const LAST_SENT_MAX = 20_000;

function remember(key: string, etag: string, text: string) {
  if (!remembered.has(etag)) {
    remembered.set(etag, { text, encoded: new Map() });
    rememberedChars += text.length;
    for (const [tag, r] of remembered) {
      if (rememberedChars <= REMEMBERED_MAX_CHARS) break;
      remembered.delete(tag);
      rememberedChars -= r.text.length;
    }
  }
  lastSent.delete(key);
  lastSent.set(key, etag);
  if (lastSent.size > LAST_SENT_MAX) lastSent.delete(lastSent.keys().next().value as string);
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The body in the form the client accepts, compressed once per body and server (brotli, else gzip) on libuv's
 *  threads, so that compressing a new body does not hold up the other requests. */
export async function encodedBody(
  etag: string,
  text: string,
  acceptEncoding: string | undefined,
): Promise<{ body: string | Buffer; encoding?: 'br' | 'gzip' }> {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name?.trim().toLowerCase()),
  );
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
  if (!encoding || text.length < 1024) return { body: text };
  const r = remembered.get(etag);
  let buf = r?.encoded.get(encoding);
  if (!buf) {
    buf =
      encoding === 'br'
        ? await brotliAsync(text, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
        : await gzipAsync(text, { level: 6 });
    r?.encoded.set(encoding, buf);
  }
  return { body: buf, encoding };
}

/** The kept body, left out of the row when the client already holds it (a 304) or this server has it in memory. */
function keptBody(key: string, cond: Conditional, etagColumn: AnyColumn, bodyColumn: AnyColumn) {
  const mine = lastSent.get(key);
  const tags = [...etagsOf(cond.ifNoneMatch).filter((t) => t !== '*'), ...(mine && remembered.has(mine) ? [mine] : [])];
  if (tags.length === 0) return sql<string | null>`${bodyColumn}`;
  return sql<string | null>`CASE WHEN ${etagColumn} IN (${sql.join(
    tags.map((t) => sql`${t}`),
    sql`, `,
  )}) THEN NULL ELSE ${bodyColumn} END`;
}

/** The answer of a kept body: 304, or the text (from the row, from memory, or read again when memory let it go). */
async function answer(
  key: string,
  cond: Conditional,
  etag: string,
  modifiedAt: Date,
  body: string | null,
  readBody: () => Promise<string | null>,
): Promise<FeedAnswer | null> {
  if (isCurrent(cond, etag, modifiedAt)) return { etag, modifiedAt, notModified: true };
  const text = body ?? remembered.get(etag)?.text ?? (await readBody());
  if (text === null) return null;
  remember(key, etag, text);
  return { etag, modifiedAt, notModified: false, body: text };
}

/** The answer of a body just built. */
function built(key: string, cond: Conditional, etag: string, modifiedAt: Date, text: string): FeedAnswer {
  if (isCurrent(cond, etag, modifiedAt)) return { etag, modifiedAt, notModified: true };
  remember(key, etag, text);
  return { etag, modifiedAt, notModified: false, body: text };
}

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
 * The personal feed: what the user is registered or waitlisted for, and the occasions they organise.
 *
 * One prepared query reads the owner and the feed's validators (`ownerQuery`). The body is current when the triggers
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
  const [owner] = await owners(deps.db).execute({ tokenHash });
  if (!owner?.active) {
    deps.guesses.fail(ctx.ip);
    throw new NotFoundError();
  }
  const now = deps.now();
  const { day, from, to } = feedWindow(now);
  const roles = (owner.roles ?? '').split(',').filter(Boolean) as Role[];
  const networks = (owner.networks ?? '').split(',').filter(Boolean);
  const personId = owner.personId ?? null;
  const builtFor = [day, owner.organisationId, roles.join(','), networks.join(','), personId ?? ''].join('|');
  const current =
    owner.etag &&
    owner.modifiedAt &&
    owner.builtVersion !== null &&
    Number(owner.builtVersion) === Number(owner.feedVersion) &&
    owner.builtFor === builtFor;
  if (current && owner.etag && owner.modifiedAt) {
    const kept = await answer(tokenHash, cond, owner.etag, owner.modifiedAt, null, async () => null);
    if (kept) return kept;
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
  // What they organise (their organisation's, as organiser; what they created; their networks', as an organiser role).
  const organised: SQL[] = [];
  if (roles.some((r) => r === 'regional_admin' || ORGANISER_ROLES.includes(r))) {
    if (can(actor, 'activities:organise', { organisationId: actor.organisationId }))
      organised.push(eq(activity.organiserId, actor.organisationId));
    organised.push(eq(activity.createdBy, actor.userId));
    if (networks.length && roles.some((r) => ORGANISER_ROLES.includes(r)))
      organised.push(inArray(activity.networkId, networks));
  }
  const r = activityRegistration;
  // One query for both: what they are registered or waitlisted for and what they organise.
  const rows = await deps.db
    .select({ ...eventSelect, state: r.state })
    .from(activityOccasion)
    .innerJoin(activity, eq(activity.id, activityOccasion.activityId))
    .innerJoin(organisation, eq(organisation.id, activity.organiserId))
    .leftJoin(
      r,
      personId
        ? and(
            eq(r.occasionId, activityOccasion.id),
            eq(r.personId, personId),
            inArray(r.state, ['registered', 'waitlisted']),
          )
        : sql`false`,
    )
    .where(
      and(lte(activityOccasion.startsAt, to), gte(activityOccasion.endsAt, from), or(isNotNull(r.id), ...organised)),
    )
    .orderBy(asc(activityOccasion.startsAt), asc(activityOccasion.id))
    .limit(2_000);
  const body = toIcs(
    'Mina aktiviteter (Kompetensnav)',
    rows.map((row) => ({ ...row, note: row.state === 'waitlisted' ? 'väntelista' : undefined })),
    deps.publicUrl,
  );
  const etag = etagOf(body);
  const modifiedAt = etag === owner.etag && owner.modifiedAt ? owner.modifiedAt : now;
  if (owner.keptPersonId === personId) {
    // Kept at the version read before the rows: a change since then has raised the version, and the next request
    // builds again. Nothing to write when the same body was rebuilt at the same version (a server that did not
    // remember it).
    if (!current || etag !== owner.etag)
      await deps.db
        .update(t)
        .set({ builtVersion: Number(owner.feedVersion), builtFor, body: null, etag, modifiedAt })
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
