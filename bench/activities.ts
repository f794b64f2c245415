// The activities core at regional scale, for `BENCH_ONLY=activities npm run bench` (issue 15, Performance): a region
// of 15 municipalities with 2,000 occasions and 40,000 registrations, on the embedded database and on PostgreSQL
// (when reachable). The app runs in this process on 127.0.0.1 (the load generator shares its event loop, which slows
// both sides of each ratio alike). Every load below is 10 clients in a loop (fetch, keep-alive), the same for the
// baseline and the feeds, each client with its own user.
//   • The personal iCal feed of employees registered for 40 occasions and of organisers with ~280 occasions, against
//     the authenticated read (GET /api/organisations, signed in) measured in the same run, four ways (decision 031):
//       hits        — steady polling without a validator: the kept body;
//       304s        — conditional polling (If-None-Match with the current ETag), what calendar clients send;
//       misses      — every poll right after a change of that user's feed (a registration of their person toggled),
//                     so the body is built again;
//       mix         — conditional polling where 1 poll in 50 follows a change (a 200 with the new body), the rest 304.
//     Goal (issue 15): the feed's p99 ≤ 2 × the read's p99, judged on the mix (what a region's calendar clients
//     cause); the other three are reported beside it. Judged on PostgreSQL, the engine of every real installation
//     (decision 001), as the staff register's goals (bench/people.ts); the embedded engine, one process for trying the
//     product out, is measured and reported beside it.
//   • Registration throughput: 50 concurrent clients registering 1,000 distinct persons on one occasion of 300
//     seats split over the municipalities. Goal: exactly 300 registered (no municipality beyond its seats and the
//     open ones), the rest waiting; registrations per second reported.
// The app runs in the bench's process, so a CPU profile of the whole run is `BENCH_ONLY=activities node --cpu-prof
// --cpu-prof-dir=<dir> --import tsx bench/run.ts`; BENCH_ACTIVITIES_FEEDS_ONLY=1 skips the registrations.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { SERVER_MODULES } from '../src/app/server-modules.ts';
import {
  activity,
  activityOccasion,
  activityRegistration,
  activitySeat,
  calendarFeedToken,
} from '../src/modules/activities/activities.table.ts';
import { peoplePerson, peopleUnit } from '../src/modules/people/people.table.ts';
import { hashToken } from '../src/platform/server/actor.ts';
import { buildApp } from '../src/platform/server/app.ts';
import { loadConfig } from '../src/platform/server/config.ts';
import { type Database, openEmbedded, openServer } from '../src/platform/server/db.ts';
import { buildMunicipality, buildRegion, buildUser, TEST_PASSWORD } from '../src/platform/server/factories.ts';

const GOALS = { feedP99VsRead: 2 };
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
const OCCASIONS = 2_000;
const REGISTRATIONS = 40_000;
const PERSONS = 6_000;
const DAY = 86_400_000;
/** The app's configured address: the origin its same-origin check expects (the port is chosen at listen). */
const PUBLIC_URL = 'http://127.0.0.1';

type Load = { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number };
type FeedLoads = { events: number; hit: Load; notModified: Load; miss: Load; mix: Load };
export type ActivitiesBenchResult = {
  database: 'embedded' | 'postgresql';
  datasetMs: number;
  read: Load;
  employeeFeed: FeedLoads;
  organiserFeed: FeedLoads;
  registration: {
    clients: number;
    requests: number;
    seconds: number;
    perSecond: number;
    registered: number;
    capacity: number;
    oversubscribed: boolean;
  };
  goalMet: boolean;
};

/**
 * CONNECTIONS clients in a loop for `seconds`; each round first runs `before(client, round)` (not timed: a change of
 * the client's feed, or nothing), then the timed request, which must answer `status`.
 */
async function load(
  seconds: number,
  request: (client: number, round: number) => { url: string; headers: Record<string, string>; status: number },
  before: (client: number, round: number) => Promise<void> = async () => {},
  after: (client: number, res: Response) => void = () => {},
): Promise<Load> {
  const times: number[] = [];
  const stopAt = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, client) => {
      for (let round = 0; performance.now() < stopAt; round++) {
        await before(client, round);
        const { url, headers, status } = request(client, round);
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        times.push(performance.now() - t0);
        if (res.status !== status) throw new Error(`${url}: ${res.status}, expected ${status}`);
        after(client, res);
      }
    }),
  );
  times.sort((x, y) => x - y);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
  return {
    requestsPerSecond: Math.round(times.length / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    requests: times.length,
  };
}

/** A warm-up, then the measured run. */
async function measure(
  request: Parameters<typeof load>[1],
  before?: Parameters<typeof load>[2],
  after?: Parameters<typeof load>[3],
): Promise<Load> {
  await load(2, request, before, after);
  return load(DURATION_S, request, before, after);
}

type Toggle = { personId: string; occasionId: string };

export async function dataset(database: Database) {
  const db = database.db;
  const region = await buildRegion(db);
  const municipalities = [];
  for (let i = 0; i < 15; i++) municipalities.push(await buildMunicipality(db, { name: `Benchkommun ${i + 1}` }));
  const admin = await buildUser(db, { role: 'regional_admin', organisation: region });
  // One employee and one organiser per load client, each with a person of their own.
  const employees: Awaited<ReturnType<typeof buildUser>>[] = [];
  const organisers: Awaited<ReturnType<typeof buildUser>>[] = [];
  for (let k = 0; k < CONNECTIONS; k++) {
    employees.push(await buildUser(db, { role: 'employee', municipality: municipalities[1] }));
    organisers.push(await buildUser(db, { role: 'municipal_admin', municipality: municipalities[0] }));
  }
  const linkedUser = (i: number) =>
    i >= 1 && i <= CONNECTIONS
      ? (employees[i - 1]?.id ?? null)
      : i > CONNECTIONS && i <= 2 * CONNECTIONS
        ? (organisers[i - CONNECTIONS - 1]?.id ?? null)
        : null;
  const units: (typeof peopleUnit.$inferSelect)[] = [];
  for (const m of municipalities) {
    const [u] = await db
      .insert(peopleUnit)
      .values({ organisationId: m.id, name: `Enhet ${m.name}`, kind: 'home_care' })
      .returning();
    units.push(u as typeof peopleUnit.$inferSelect);
  }
  const persons: { id: string; organisationId: string }[] = [];
  for (let start = 0; start < PERSONS; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, PERSONS - start) }, (_, k) => {
      const i = start + k;
      const unit = units[i % units.length] as typeof peopleUnit.$inferSelect;
      return {
        id: randomUUID(),
        organisationId: unit.organisationId,
        unitId: unit.id,
        firstName: `Bench${i}`,
        lastName: 'Person',
        professionKey: 'underskoterska',
        employmentForm: 'permanent' as const,
        employmentRate: 100,
        employmentStart: '2020-01-01',
        employeeNumber: `B-${i}`,
        searchText: `bench${i} person b-${i}`,
        userId: linkedUser(i),
      };
    });
    await db.insert(peoplePerson).values(rows);
    persons.push(...rows.map((r) => ({ id: r.id, organisationId: r.organisationId })));
  }
  const now = Date.now();
  const occasions: string[] = [];
  for (let a = 0; a < 200; a++) {
    const organiserId = a < 15 ? (municipalities[0]?.id as string) : (municipalities[a % 15]?.id ?? region.id);
    const [act] = await db
      .insert(activity)
      .values({ title: `Benchaktivitet ${a}`, kind: 'course', organiserId, createdBy: admin.id })
      .returning();
    const rows = Array.from({ length: OCCASIONS / 200 }, (_, k) => {
      const startsAt = new Date(now + ((a * 10 + k) % 500) * DAY - 90 * DAY);
      return {
        activityId: act?.id as string,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        place: 'Benchsalen',
        capacity: 25,
        registrationDeadline: new Date(startsAt.getTime() - 7 * DAY),
        status: 'open' as const,
      };
    });
    occasions.push(
      ...(await db.insert(activityOccasion).values(rows).returning({ id: activityOccasion.id })).map((r) => r.id),
    );
  }
  // 20 registrations per occasion; the employee is registered on 40 of them.
  let n = 0;
  for (let start = 0; start < occasions.length; start += 100) {
    const rows = [];
    for (const occasionId of occasions.slice(start, start + 100)) {
      for (let k = 0; k < REGISTRATIONS / OCCASIONS; k++) {
        const p = persons[(n++ * 7919) % persons.length] as { id: string; organisationId: string };
        rows.push({ occasionId, personId: p.id, organisationId: p.organisationId, state: 'registered' as const });
      }
    }
    await db.insert(activityRegistration).values(rows).onConflictDoNothing();
  }
  // Each employee is registered on 40 occasions; each organiser's own person on one occasion of another
  // municipality. The bench changes a user's feed by toggling that registration (the first, for an employee).
  const toggles = { employees: [] as Toggle[], organisers: [] as Toggle[] };
  for (let k = 0; k < CONNECTIONS; k++) {
    const me = persons[1 + k] as { id: string; organisationId: string };
    const mine = occasions.filter((_, i) => i % 50 === 3 + k);
    await db
      .insert(activityRegistration)
      .values(
        mine.map((occasionId) => ({
          occasionId,
          personId: me.id,
          organisationId: me.organisationId,
          state: 'registered' as const,
        })),
      )
      .onConflictDoNothing();
    toggles.employees.push({ personId: me.id, occasionId: mine[0] as string });
    const own = persons[1 + CONNECTIONS + k] as { id: string; organisationId: string };
    // Activity 16 + k is organised by municipality 1 + k (not the organisers' municipality 0).
    const other = occasions[(16 + k) * 10] as string;
    await db
      .insert(activityRegistration)
      .values({ occasionId: other, personId: own.id, organisationId: own.organisationId, state: 'registered' })
      .onConflictDoNothing();
    toggles.organisers.push({ personId: own.id, occasionId: other });
  }
  // The occasion everyone registers for: 300 seats, 15 municipalities with 12 each, 120 open.
  const [big] = await db
    .insert(activityOccasion)
    .values({
      activityId: (await db.select({ id: activity.id }).from(activity).limit(1))[0]?.id as string,
      startsAt: new Date(now + 30 * DAY),
      endsAt: new Date(now + 30 * DAY + 3 * 3_600_000),
      place: 'Stora salen',
      capacity: 300,
      registrationDeadline: new Date(now + 20 * DAY),
      status: 'open',
    })
    .returning();
  await db
    .insert(activitySeat)
    .values(municipalities.map((m) => ({ occasionId: big?.id as string, organisationId: m.id, seats: 12 })));
  const registered = new Set(
    (
      await db
        .select({ id: activityRegistration.personId })
        .from(activityRegistration)
        .where(eq(activityRegistration.occasionId, big?.id as string))
    ).map((r) => r.id),
  );
  return {
    admin,
    organisers,
    employees,
    toggles,
    bigOccasion: big?.id as string,
    candidates: persons.filter((p) => !registered.has(p.id)).slice(0, 1_000),
    municipalities,
  };
}

async function signIn(origin: string, email: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'));
  return (cookie ?? '').split(';')[0] ?? '';
}

/** A registration of the client's own person toggled (registered ↔ cancelled): a real change of that user's feed
 *  only, written as any writer would (the database's triggers raise the feed's version). */
async function toggle(database: Database, t: Toggle) {
  await database.db
    .update(activityRegistration)
    .set({
      state: sql`CASE WHEN ${activityRegistration.state} = 'registered' THEN 'cancelled' ELSE 'registered' END`,
    })
    .where(and(eq(activityRegistration.personId, t.personId), eq(activityRegistration.occasionId, t.occasionId)));
}

/** One kind of feed (a URL and a toggle per client), measured as hits, 304s, misses and the realistic mix. */
async function feedLoads(database: Database, urls: string[], toggles: Toggle[]): Promise<FeedLoads> {
  const url = (c: number) => urls[c] as string;
  const etags = await Promise.all(urls.map(async (u) => (await fetch(u)).headers.get('etag') ?? ''));
  const events = ((await (await fetch(url(0))).text()).match(/BEGIN:VEVENT/g) ?? []).length;
  const keep = (c: number, res: Response) => {
    etags[c] = res.headers.get('etag') ?? '';
  };
  const hit = await measure((c) => ({ url: url(c), headers: {}, status: 200 }));
  const notModified = await measure((c) => ({
    url: url(c),
    headers: { 'if-none-match': etags[c] as string },
    status: 304,
  }));
  const miss = await measure(
    (c) => ({ url: url(c), headers: {}, status: 200 }),
    (c) => toggle(database, toggles[c] as Toggle),
    keep,
  );
  const changedRound = (r: number) => r % 50 === 49;
  const mix = await measure(
    (c, r) => ({
      url: url(c),
      headers: { 'if-none-match': etags[c] as string },
      status: changedRound(r) ? 200 : 304,
    }),
    async (c, r) => {
      if (changedRound(r)) await toggle(database, toggles[c] as Toggle);
    },
    keep,
  );
  return { events, hit, notModified, miss, mix };
}

async function benchOne(kind: 'embedded' | 'postgresql', database: Database): Promise<ActivitiesBenchResult> {
  await database.migrate();
  const started = Date.now();
  const data = await dataset(database);
  const datasetMs = Date.now() - started;
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    PUBLIC_URL,
    DATA_DIR: '/nonexistent-bench-dir',
    LOG_LEVEL: 'silent',
    JOBS: 'off',
  });
  const app = await buildApp({ config, database, modules: SERVER_MODULES, logger: false, serveWeb: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = address.replace('localhost', '127.0.0.1');
  try {
    const adminCookie = await signIn(origin, data.admin.email);
    const read = await measure(() => ({
      url: `${origin}/api/organisations`,
      headers: { cookie: adminCookie, origin: PUBLIC_URL },
      status: 200,
    }));
    // Feed addresses made as renewing does (one sign-in per user would meet the sign-in rate limit).
    const feedsOf = async (users: { id: string }[], persons: Toggle[]) => {
      const urls: string[] = [];
      for (const [k, u] of users.entries()) {
        const token = randomBytes(32).toString('base64url');
        await database.db
          .insert(calendarFeedToken)
          .values({ userId: u.id, tokenHash: hashToken(token), personId: persons[k]?.personId ?? null });
        urls.push(`${origin}/api/public/activities/feeds/${token}.ics`);
      }
      return urls;
    };
    const employeeFeed = await feedLoads(
      database,
      await feedsOf(data.employees, data.toggles.employees),
      data.toggles.employees,
    );
    const organiserFeed = await feedLoads(
      database,
      await feedsOf(data.organisers, data.toggles.organisers),
      data.toggles.organisers,
    );
    // 50 clients, each taking the next person until all 1,000 have been sent (none with
    // BENCH_ACTIVITIES_FEEDS_ONLY=1, for comparing the feeds before and after a change).
    const queue = process.env.BENCH_ACTIVITIES_FEEDS_ONLY === '1' ? [] : [...data.candidates];
    const t0 = Date.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) {
          const res = await fetch(`${origin}/api/activities/occasions/${data.bigOccasion}/registrations`, {
            method: 'POST',
            headers: { cookie: adminCookie, origin: PUBLIC_URL, 'content-type': 'application/json' },
            body: JSON.stringify({ personIds: [p.id] }),
          });
          if (!res.ok) throw new Error(`registration: ${res.status} ${await res.text()}`);
          sent += 1;
        }
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    const rows = await database.db
      .select({ org: activityRegistration.organisationId, n: sql<number>`count(*)::int` })
      .from(activityRegistration)
      .where(
        sql`${activityRegistration.occasionId} = ${data.bigOccasion} AND ${activityRegistration.state} = 'registered'`,
      )
      .groupBy(activityRegistration.organisationId);
    const registered = rows.reduce((s, r) => s + Number(r.n), 0);
    const openUsed = rows.reduce((s, r) => s + Math.max(0, Number(r.n) - 12), 0);
    const oversubscribed = registered > 300 || openUsed > 300 - 15 * 12;
    const result: ActivitiesBenchResult = {
      database: kind,
      datasetMs,
      read,
      employeeFeed,
      organiserFeed,
      registration: {
        clients: 50,
        requests: sent,
        seconds: round(seconds),
        perSecond: sent > 0 ? round(sent / seconds) : 0, // none with BENCH_ACTIVITIES_FEEDS_ONLY=1
        registered,
        capacity: 300,
        oversubscribed,
      },
      goalMet: false,
    };
    const ratio = (l: Load) => l.p99Ms / Math.max(0.01, read.p99Ms);
    result.goalMet =
      ratio(employeeFeed.mix) <= GOALS.feedP99VsRead &&
      ratio(organiserFeed.mix) <= GOALS.feedP99VsRead &&
      !oversubscribed &&
      registered === 300;
    return result;
  } finally {
    await app.close();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

export function printActivities(r: ActivitiesBenchResult) {
  const line = (label: string, l: Load) =>
    `  ${label.padEnd(36)} ${String(l.requestsPerSecond).padStart(6)} req/s  p50 ${l.p50Ms} ms  p99 ${l.p99Ms} ms`;
  const vs = (l: Load) => `= ${round(l.p99Ms / Math.max(0.01, r.read.p99Ms))}× the read's p99`;
  console.log(
    `\nActivities (${r.database}; dataset ${OCCASIONS} occasions, ${REGISTRATIONS} registrations, ${r.datasetMs} ms to load; load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  console.log(line('authenticated read (baseline)', r.read));
  for (const [who, f] of [
    ["employee's feed", r.employeeFeed],
    ["organiser's feed", r.organiserFeed],
  ] as const) {
    console.log(`  ${who} (${f.events} events):`);
    console.log(`${line('  hits (polling, kept body)', f.hit)}  ${vs(f.hit)}`);
    console.log(`${line('  304s (If-None-Match)', f.notModified)}  ${vs(f.notModified)}`);
    console.log(`${line('  misses (each after a change)', f.miss)}  ${vs(f.miss)}`);
    console.log(`${line('  mix (1 in 50 after a change)', f.mix)}  ${vs(f.mix)} (goal ≤ ${GOALS.feedP99VsRead}×)`);
  }
  const g = r.registration;
  console.log(
    `  registrations: ${g.requests} by ${g.clients} clients in ${g.seconds} s = ${g.perSecond}/s; ${g.registered} of ${g.capacity} seats taken, oversubscribed: ${g.oversubscribed ? 'YES' : 'no'}`,
  );
  const judged = r.database === 'postgresql';
  console.log(
    `  goal (the mix's p99, both feeds; registration) ${judged ? (r.goalMet ? 'met' : 'NOT met') : `${r.goalMet ? 'within' : 'beyond'} it (informative: judged on PostgreSQL)`}`,
  );
}

/** BENCH_ONLY=activities: the embedded database, then PostgreSQL when reachable; printed, not saved. */
export async function activitiesOnly(pgUrl: string): Promise<void> {
  // BENCH_ACTIVITIES_DATABASES=embedded or =postgresql measures one of the two (for profiles); both by default.
  const only = process.env.BENCH_ACTIVITIES_DATABASES;
  if (only !== 'postgresql') await activitiesEmbedded();
  if (only !== 'embedded') await activitiesPostgres(pgUrl);
}

async function activitiesEmbedded(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kn-bench-activities-'));
  try {
    const embedded = await openEmbedded(path.join(dir, 'data'));
    try {
      printActivities(await benchOne('embedded', embedded));
    } finally {
      await embedded.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function activitiesPostgres(pgUrl: string): Promise<void> {
  // A database of its own beside BENCH_DATABASE_URL's (kompetensnav_bench_activities by default), dropped on every
  // run: two people benchmarking with their own BENCH_DATABASE_URL never share it.
  const name = `${new URL(pgUrl).pathname.slice(1) || 'kompetensnav_bench'}_activities`;
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('bench')) throw new Error(`not a bench database name: ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const maintenance = new URL(pgUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    console.log(`\nPostgreSQL unreachable (${(err as Error).message}): measured the embedded database only.`);
    return;
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const server = openServer(url.toString());
  try {
    printActivities(await benchOne('postgresql', server));
  } finally {
    await server.close();
  }
}
