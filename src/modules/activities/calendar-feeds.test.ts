// The calendar feeds' kept bodies and conditional requests (decision 031), through the API on one database: 304 to
// the current ETag (and Last-Modified), the kept body answering between changes, and — for every kind of write that
// changes what a feed shows — the change on the very next request: registration, waiting list and promotion,
// cancellation, an occasion changed, moved, cancelled, an activity renamed, a write outside the services, seats for a
// municipality, a network's activity, a person linked and unlinked, a role granted, a renewed address. Writes that
// change nothing in a calendar (attendance, another person's registration) keep the 304.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { user, userRole } from '../../platform/server/auth.table.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { network, networkMember } from '../../platform/server/organisation.table.ts';
import { toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { buildPerson, buildUnit, type UnitRecord } from '../people/people.factories.ts';
import { activityOccasion, activityRegistration, calendarFeedToken } from './activities.table.ts';
import { forgetFeeds } from './calendar-answers.ts';
import { closeFeedWatch, feedWatch } from './calendar-watch.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
let unitA: UnitRecord;
let region: ReturnType<TestApp['as']>;
let managerA: ReturnType<TestApp['as']>;
let employeeA: ReturnType<TestApp['as']>;
let otherA: ReturnType<TestApp['as']>;
let otherUser: Awaited<ReturnType<typeof buildUser>>;
let managerUserId: string;
let employeeId: string;
let me: string;
let colleague: string;
let networkId: string;
const DAY = 86_400_000;
const inDays = (days: number, hh = 9) =>
  toStockholmLocal(new Date(Math.floor((Date.now() + days * DAY) / 3_600_000) * 3_600_000 + (hh - 9) * 3_600_000));

type Event = { uid: string; summary: string; location: string | null; status: string | null; end: string };
type Got = { status: number; etag: string; lastModified: string; body: string; events: Event[] };

async function get(path: string, headers: Record<string, string> = {}): Promise<Got> {
  const res = await t.app.inject({ method: 'GET', url: path, headers });
  const events =
    res.statusCode === 200 && res.body.startsWith('BEGIN:VCALENDAR')
      ? new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((v) => {
          const e = new ICAL.Event(v);
          return {
            uid: e.uid,
            summary: e.summary,
            location: e.location ?? null,
            status: (v.getFirstPropertyValue('status') as string | null) ?? null,
            end: e.endDate.toString(),
          };
        })
      : [];
  return {
    status: res.statusCode,
    etag: String(res.headers.etag ?? ''),
    lastModified: String(res.headers['last-modified'] ?? ''),
    body: res.body,
    events,
  };
}

/** The next poll of a client holding `etag`: the change must be there at once (200 and a new ETag). */
async function changed(path: string, etag: string): Promise<Got> {
  const got = await get(path, { 'if-none-match': etag });
  expect(got.status, `${path} after a change`).toBe(200);
  expect(got.etag).not.toBe(etag);
  return got;
}

const unchanged = async (path: string, etag: string) =>
  expect((await get(path, { 'if-none-match': etag })).status).toBe(304);

const event = (got: Got, occasionId: string) => got.events.find((e) => e.uid === `${occasionId}@kompetensnav`);

async function newActivity(as: ReturnType<TestApp['as']>, payload: Record<string, unknown>) {
  const res = await as({ method: 'POST', url: '/api/activities', payload: { kind: 'course', ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const occasionPayload = (overrides: Record<string, unknown> = {}) => ({
  startsAt: inDays(20),
  endsAt: inDays(20, 12),
  registrationDeadline: inDays(15),
  place: 'Skövde',
  capacity: 1,
  ...overrides,
});

async function newOccasion(as: ReturnType<TestApp['as']>, activityId: string, overrides: Record<string, unknown> = {}) {
  const res = await as({
    method: 'POST',
    url: `/api/activities/${activityId}/occasions`,
    payload: occasionPayload(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().occasion.id as string;
}

async function register(occasionId: string, personId: string) {
  const res = await managerA({
    method: 'POST',
    url: `/api/activities/occasions/${occasionId}/registrations`,
    payload: { personIds: [personId] },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results[0].state as string;
}

async function registrationId(occasionId: string, personId: string) {
  const rows = await t.db
    .select({ id: activityRegistration.id, occasionId: activityRegistration.occasionId })
    .from(activityRegistration)
    .where(eq(activityRegistration.personId, personId));
  const row = rows.find((r) => r.occasionId === occasionId);
  if (!row) throw new Error('no registration');
  return row.id;
}

async function feedPath(as: ReturnType<TestApp['as']>) {
  const res = await as({ method: 'POST', url: '/api/activities/calendar-feed' });
  expect(res.statusCode, res.body).toBe(200);
  return new URL(res.json().url).pathname;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Kommun A' });
  b = await buildMunicipality(t.db, { name: 'Kommun B' });
  const regionUser = await buildUser(t.db, { role: 'regional_admin' });
  const managerUser = await buildUser(t.db, { role: 'manager', municipality: a });
  managerUserId = managerUser.id;
  const employeeUser = await buildUser(t.db, { role: 'employee', municipality: a });
  employeeId = employeeUser.id;
  otherUser = await buildUser(t.db, { role: 'employee', municipality: a });
  unitA = (await buildUnit(t.db, { municipality: a, managers: [managerUser] })).unit;
  me = (await buildPerson(t.db, { unit: unitA, firstName: 'Egen', lastName: 'Flöde', userId: employeeUser.id })).person
    .id;
  colleague = (await buildPerson(t.db, { unit: unitA, firstName: 'Kollega', lastName: 'Flöde', email: null })).person
    .id;
  const [n] = await t.db.insert(network).values({ name: 'Nätverket (test)', kind: 'network' }).returning();
  networkId = n?.id ?? '';
  await t.db.insert(networkMember).values({ networkId, userId: managerUser.id });
  region = t.as(await t.signIn(regionUser));
  managerA = t.as(await t.signIn(managerUser));
  employeeA = t.as(await t.signIn(employeeUser));
  otherA = t.as(await t.signIn(otherUser));
});

afterAll(async () => {
  await t?.close();
});

describe('the personal feed', () => {
  let path: string;
  let etag: string;

  it('answers 304 to the current ETag or Last-Modified, and the kept body between changes', async () => {
    path = await feedPath(employeeA);
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(new Date(first.lastModified).getTime()).toBeGreaterThan(0);
    expect(first.events).toEqual([]);
    etag = first.etag;
    const notModified = await get(path, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.etag).toBe(etag);
    // No Content-Length on a 304 (a stated length with no body kept HTTP clients from reusing the connection).
    const raw = await t.app.inject({ method: 'GET', url: path, headers: { 'if-none-match': etag } });
    expect(raw.headers['content-length']).toBeUndefined();
    expect((await get(path, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get(path, { 'if-modified-since': first.lastModified })).status).toBe(304);
    const other = await get(path, { 'if-none-match': '"other"' });
    expect(other.status).toBe(200);
    expect(other.etag).toBe(etag);
    // Between changes the kept body answers; nothing is built again.
    await t.db.update(calendarFeedToken).set({ body: 'kept' }).where(eq(calendarFeedToken.etag, etag));
    expect((await get(path)).body).toBe(first.body); // this server remembers the body by its ETag
    expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
  });

  it('shows each registration, waiting list, promotion and cancellation on the very next request', async () => {
    const one = await newOccasion(region, await newActivity(region, { title: 'Kurs ett' }));
    expect(await register(one, me)).toBe('registered');
    let got = await changed(path, etag);
    expect(event(got, one)?.summary).toBe('Kurs ett');

    const two = await newOccasion(region, await newActivity(region, { title: 'Kurs två' }));
    expect(await register(two, colleague)).toBe('registered');
    // Another person's registration changes nothing in this calendar.
    await unchanged(path, got.etag);
    expect(await register(two, me)).toBe('waitlisted');
    got = await changed(path, got.etag);
    expect(event(got, two)?.summary).toBe('Kurs två (väntelista)');

    const cancel = await managerA({
      method: 'POST',
      url: `/api/activities/registrations/${await registrationId(two, colleague)}/cancel`,
    });
    expect(cancel.json().promoted).toBe(1);
    got = await changed(path, got.etag);
    expect(event(got, two)?.summary).toBe('Kurs två');

    await managerA({ method: 'POST', url: `/api/activities/registrations/${await registrationId(two, me)}/cancel` });
    got = await changed(path, got.etag);
    expect(event(got, two)).toBeUndefined();
    expect(event(got, one)).toBeDefined();
    etag = got.etag;
  });

  it('shows an occasion changed, moved, cancelled and its activity renamed, whoever wrote it', async () => {
    const activityId = await newActivity(region, { title: 'Kurs tre' });
    const three = await newOccasion(region, activityId);
    await register(three, me);
    let got = await changed(path, etag);

    const put = await region({
      method: 'PUT',
      url: `/api/activities/occasions/${three}`,
      payload: occasionPayload({ place: 'Lidköping', capacity: 5 }),
    });
    expect(put.statusCode, put.body).toBe(200);
    got = await changed(path, got.etag);
    expect(event(got, three)?.location).toBe('Lidköping');

    expect(
      (await region({ method: 'PATCH', url: `/api/activities/${activityId}`, payload: { title: 'Kurs tre, ny' } }))
        .statusCode,
    ).toBe(200);
    got = await changed(path, got.etag);
    expect(event(got, three)?.summary).toBe('Kurs tre, ny');

    // A write outside the activities' services (another module, a script): the database's triggers see it too.
    const [row] = await t.db.select().from(activityOccasion).where(eq(activityOccasion.id, three));
    await t.db
      .update(activityOccasion)
      .set({ endsAt: new Date((row?.endsAt.getTime() ?? 0) + 3_600_000), updatedAt: new Date() })
      .where(eq(activityOccasion.id, three));
    const before = event(got, three)?.end;
    got = await changed(path, got.etag);
    expect(event(got, three)?.end).not.toBe(before);

    const cancelled = await region({
      method: 'POST',
      url: `/api/activities/occasions/${three}/status`,
      payload: { status: 'cancelled', cancelReason: 'Sjuk föreläsare' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    got = await changed(path, got.etag);
    expect(event(got, three)?.status).toBe('CANCELLED');
    etag = got.etag;
  });

  it('keeps the 304 when attendance is marked (hours are not in a calendar)', async () => {
    const past = await newOccasion(region, await newActivity(region, { title: 'Hållen kurs' }), {
      startsAt: toStockholmLocal(new Date(Date.now() - 2 * DAY)),
      endsAt: toStockholmLocal(new Date(Date.now() - 2 * DAY + 3_600_000)),
      registrationDeadline: toStockholmLocal(new Date(Date.now() - 3 * DAY)),
    });
    await t.db
      .insert(activityRegistration)
      .values({ occasionId: past, personId: me, organisationId: a.id, state: 'registered' });
    const got = await changed(path, etag);
    expect(event(got, past)).toBeDefined();
    const marked = await region({
      method: 'PUT',
      url: `/api/activities/occasions/${past}/attendance`,
      payload: { entries: [{ registrationId: await registrationId(past, me), attendance: 'present' }] },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    await unchanged(path, got.etag);
    etag = got.etag;
  });

  it('answers 404 at a renewed feed’s old address and the whole feed at the new one', async () => {
    const renewed = await feedPath(employeeA);
    expect((await get(path)).status).toBe(404);
    expect((await get(path, { 'if-none-match': etag })).status).toBe(404);
    const fresh = await get(renewed, { 'if-none-match': etag });
    // Same content, same validator: a client that follows the new address keeps its copy.
    expect(fresh.status).toBe(304);
    const full = await get(renewed);
    expect(full.events.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['Kurs ett', 'Kurs tre, ny', 'Hållen kurs']),
    );
    // Compressed for a client that accepts it (once per body), the same text.
    for (const encoding of ['br', 'gzip'] as const) {
      const res = await t.app.inject({ method: 'GET', url: renewed, headers: { 'accept-encoding': encoding } });
      expect(res.headers['content-encoding']).toBe(encoding);
      const raw = res.rawPayload;
      expect((encoding === 'br' ? brotliDecompressSync(raw) : gunzipSync(raw)).toString('utf8')).toBe(full.body);
      expect(res.headers.etag).toBe(full.etag);
    }
  });

  it('follows a person linked to and unlinked from the user, and a role granted', async () => {
    const path2 = await feedPath(otherA);
    let got = await get(path2);
    expect(got.events).toEqual([]);
    const occasion = await newOccasion(region, await newActivity(region, { title: 'Kollegans kurs' }));
    await register(occasion, colleague);
    await unchanged(path2, got.etag);
    // The register links the colleague to the account by its e-mail address (people module).
    const link = await managerA({
      method: 'PATCH',
      url: `/api/people/persons/${colleague}`,
      payload: { email: otherUser.email },
    });
    expect(link.statusCode, link.body).toBe(200);
    got = await changed(path2, got.etag);
    expect(event(got, occasion)?.summary).toBe('Kollegans kurs');
    // A poll right after the link (before the body is kept) and a registration made then both show.
    const later = await newOccasion(region, await newActivity(region, { title: 'Kollegans andra kurs' }));
    await register(later, colleague);
    got = await changed(path2, got.etag);
    expect(event(got, later)).toBeDefined();
    await unchanged(path2, got.etag);

    const unlink = await managerA({
      method: 'PATCH',
      url: `/api/people/persons/${colleague}`,
      payload: { email: 'kollega@annan.example' },
    });
    expect(unlink.statusCode, unlink.body).toBe(200);
    got = await changed(path2, got.etag);
    expect(got.events).toEqual([]);

    // Granted the manager role, the user organises the municipality's activities: they enter the feed.
    const own = await newOccasion(managerA, await newActivity(managerA, { title: 'Kommunens kurs' }));
    await unchanged(path2, got.etag);
    await t.db.insert(userRole).values({ userId: otherUser.id, role: 'manager' });
    got = await changed(path2, got.etag);
    expect(event(got, own)?.summary).toBe('Kommunens kurs');
  });

  it('holds a rebuild’s validators in this server (no write), sees another writer’s change, and survives a restart', async () => {
    const feed = await feedPath(employeeA);
    const row = async () => {
      const [r] = await t.db
        .select({
          etag: calendarFeedToken.etag,
          built: calendarFeedToken.builtVersion,
          v: calendarFeedToken.feedVersion,
        })
        .from(calendarFeedToken)
        .where(eq(calendarFeedToken.userId, employeeId));
      return r;
    };
    forgetFeeds(); // as a server that has not built this feed yet
    const first = await get(feed);
    expect(first.status).toBe(200);
    // The first build on a server is written to the token's row (another server, or this one restarted, may use it).
    expect((await row())?.etag).toBe(first.etag);
    // A write by another writer (not through the services): the triggers raise the version, the next poll sees it.
    const occasion = await newOccasion(region, await newActivity(region, { title: 'Annan skribent' }));
    await t.db
      .insert(activityRegistration)
      .values({ occasionId: occasion, personId: me, organisationId: a.id, state: 'registered' });
    const second = await changed(feed, first.etag);
    expect(event(second, occasion)?.summary).toBe('Annan skribent');
    // The rebuild is held by this server, not written: the row still has the first body's validators.
    const after = await row();
    expect(after?.etag).toBe(first.etag);
    expect(Number(after?.built)).toBeLessThan(Number(after?.v));
    await unchanged(feed, second.etag);
    expect((await get(feed)).body).toBe(second.body);
    // Restarted, the server builds again and the client's copy (same content, same ETag) still gets 304.
    forgetFeeds();
    await unchanged(feed, second.etag);
    expect((await row())?.etag).toBe(second.etag);
    // And the next change by another writer is seen again.
    await t.db
      .update(activityRegistration)
      .set({ state: 'waitlisted' })
      .where(eq(activityRegistration.occasionId, occasion));
    const third = await changed(feed, second.etag);
    expect(event(third, occasion)?.summary).toBe('Annan skribent (väntelista)');
    await unchanged(feed, third.etag);
    // The renewed address answers; the old one, whose validators this server holds, does not.
    const renewed = await feedPath(employeeA);
    expect((await get(feed, { 'if-none-match': third.etag })).status).toBe(404);
    expect((await get(renewed, { 'if-none-match': third.etag })).status).toBe(304);
  });
});

describe('the organiser’s, the municipality’s and the network’s feeds', () => {
  it('show each occasion change in their scope on the very next request, and only those', async () => {
    const organiser = await feedPath(managerA);
    const muniA = `/api/public/activities/municipalities/${a.id}.ics`;
    const muniB = `/api/public/activities/municipalities/${b.id}.ics`;
    const net = `/api/public/activities/networks/${networkId}.ics`;
    const tags = new Map<string, string>();
    for (const p of [organiser, muniA, muniB, net]) {
      const got = await get(p);
      expect(got.status).toBe(200);
      tags.set(p, got.etag);
      await unchanged(p, got.etag);
    }
    const next = async (p: string) => {
      const got = await changed(p, tags.get(p) ?? '');
      tags.set(p, got.etag);
      return got;
    };

    // The municipality organises: its organiser's feed and its own feed; not the other municipality's.
    const activityId = await newActivity(managerA, { title: 'A:s kurs' });
    const own = await newOccasion(managerA, activityId);
    expect(event(await next(organiser), own)).toBeDefined();
    expect(event(await next(muniA), own)).toBeDefined();
    await unchanged(muniB, tags.get(muniB) ?? '');
    await unchanged(net, tags.get(net) ?? '');

    await managerA({
      method: 'PUT',
      url: `/api/activities/occasions/${own}`,
      payload: occasionPayload({ place: 'Mariestad', seats: [{ organisationId: b.id, seats: 1 }] }),
    });
    expect(event(await next(organiser), own)?.location).toBe('Mariestad');
    expect(event(await next(muniA), own)?.location).toBe('Mariestad');
    // Seats for B put the occasion in B's feed; taking them away takes it out.
    expect(event(await next(muniB), own)?.location).toBe('Mariestad');
    await managerA({ method: 'PUT', url: `/api/activities/occasions/${own}`, payload: occasionPayload() });
    expect(event(await next(muniB), own)).toBeUndefined();
    expect(event(await next(organiser), own)?.location).toBe('Skövde');
    expect(event(await next(muniA), own)?.location).toBe('Skövde');

    // The region's occasions are in every municipality's feed.
    const regional = await newOccasion(region, await newActivity(region, { title: 'Regionens kurs' }));
    expect(event(await next(muniA), regional)).toBeDefined();
    expect(event(await next(muniB), regional)).toBeDefined();
    await unchanged(organiser, tags.get(organiser) ?? '');

    // A network's activity: the network's feed and its members who organise.
    const networked = await newOccasion(region, await newActivity(region, { title: 'Nätverkets kurs', networkId }));
    expect(event(await next(net), networked)?.summary).toBe('Nätverkets kurs');
    expect(event(await next(organiser), networked)?.summary).toBe('Nätverkets kurs');
    const cancel = await region({
      method: 'POST',
      url: `/api/activities/occasions/${networked}/status`,
      payload: { status: 'cancelled', cancelReason: 'Inställd' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(event(await next(net), networked)?.status).toBe('CANCELLED');
    expect(event(await next(organiser), networked)?.status).toBe('CANCELLED');

    // Leaving the network takes its activities out of the member's feed.
    await t.db.delete(networkMember).where(eq(networkMember.userId, managerUserId));
    expect(event(await next(organiser), networked)).toBeUndefined();
  });
});

describe('the personal feed answered without a query (decision 045)', () => {
  it('sees at once each direct database write while this server answers polls from its held validators', async () => {
    const owner = await buildUser(t.db, { role: 'employee', municipality: a });
    const feed = await feedPath(t.as(await t.signIn(owner)));
    let got = await get(feed);
    await expect.poll(() => feedWatch(t.db).listening(), { timeout: 10_000 }).toBe(true);
    // Confirmed by the database once listening, then answered from memory; every write below is a plain statement
    // (not the services), and the next poll must show it.
    await unchanged(feed, got.etag);
    const step = async (write: () => Promise<unknown>) => {
      await unchanged(feed, got.etag);
      await write();
      got = await changed(feed, got.etag);
      await unchanged(feed, got.etag);
    };
    const person = (await buildPerson(t.db, { unit: unitA, firstName: 'Direkt', lastName: 'Skriven', email: null }))
      .person.id;
    const occasion = await newOccasion(region, await newActivity(region, { title: 'Direkt skriven' }));
    await t.db
      .insert(activityRegistration)
      .values({ occasionId: occasion, personId: person, organisationId: a.id, state: 'registered' });
    await step(() => t.database.query('UPDATE people_person SET user_id = $1 WHERE id = $2', [owner.id, person]));
    expect(event(got, occasion)?.summary).toBe('Direkt skriven');
    await step(() =>
      t.db
        .update(activityRegistration)
        .set({ state: 'waitlisted' })
        .where(eq(activityRegistration.occasionId, occasion)),
    );
    expect(event(got, occasion)?.summary).toBe('Direkt skriven (väntelista)');
    await step(() =>
      t.db.update(activityOccasion).set({ place: 'Lidköping' }).where(eq(activityOccasion.id, occasion)),
    );
    expect(event(got, occasion)?.location).toBe('Lidköping');
    const own = await newOccasion(managerA, await newActivity(managerA, { title: 'Kommunens direkta' }));
    await step(() => t.db.insert(userRole).values({ userId: owner.id, role: 'manager' }));
    expect(event(got, own)?.summary).toBe('Kommunens direkta');
    await step(() => t.db.delete(userRole).where(and(eq(userRole.userId, owner.id), eq(userRole.role, 'manager'))));
    expect(event(got, own)).toBeUndefined();
    await unchanged(feed, got.etag);
    await t.db.update(user).set({ active: false }).where(eq(user.id, owner.id));
    expect((await get(feed, { 'if-none-match': got.etag })).status).toBe(404);
  });

  it('sees a TRUNCATE (a backup restored), which fires no row trigger', async () => {
    const owner = await buildUser(t.db, { role: 'employee', municipality: a });
    const feed = await feedPath(t.as(await t.signIn(owner)));
    const got = await get(feed);
    await expect.poll(() => feedWatch(t.db).listening(), { timeout: 10_000 }).toBe(true);
    await unchanged(feed, got.etag);
    await unchanged(feed, got.etag);
    // Every address is gone (the last personal-feed test but one: it empties the addresses of this file's database).
    await t.database.query('TRUNCATE calendar_feed_token');
    expect((await get(feed, { 'if-none-match': got.etag })).status).toBe(404);
  });

  it('asks the database when it has stopped listening, and never answers from memory then', async () => {
    const owner = await buildUser(t.db, { role: 'employee', municipality: a });
    const person = (await buildPerson(t.db, { unit: unitA, firstName: 'Tapp', lastName: 'Ad', userId: owner.id }))
      .person.id;
    const feed = await feedPath(t.as(await t.signIn(owner)));
    let got = await get(feed);
    await expect.poll(() => feedWatch(t.db).listening(), { timeout: 10_000 }).toBe(true);
    await unchanged(feed, got.etag);
    const occasion = await newOccasion(region, await newActivity(region, { title: 'Utan lyssnare' }));
    if (t.database.kind === 'server') {
      // The listening connection is lost (its backend terminated); the server notices, listens again later.
      await t.database.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'kompetensnav calendar notices' AND datname = current_database()`,
      );
    } else {
      await closeFeedWatch(t.db); // the embedded engine's listener only ends with the server
    }
    await t.db
      .insert(activityRegistration)
      .values({ occasionId: occasion, personId: person, organisationId: a.id, state: 'registered' });
    got = await changed(feed, got.etag);
    expect(event(got, occasion)?.summary).toBe('Utan lyssnare');
    expect(feedWatch(t.db).listening()).toBe(false);
    if (t.database.kind === 'server') {
      // Polls keep asking the database until it listens again; then a direct write is still seen at once.
      await expect
        .poll(
          async () => (await get(feed, { 'if-none-match': got.etag })).status === 304 && feedWatch(t.db).listening(),
          {
            timeout: 10_000,
            interval: 300,
          },
        )
        .toBe(true);
      await unchanged(feed, got.etag);
      await t.db
        .update(activityRegistration)
        .set({ state: 'waitlisted' })
        .where(eq(activityRegistration.occasionId, occasion));
      got = await changed(feed, got.etag);
      expect(event(got, occasion)?.summary).toBe('Utan lyssnare (väntelista)');
    }
  });
});
