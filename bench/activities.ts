// The activities core at regional scale, for `BENCH_ONLY=activities npm run bench` (issue 15, Performance): a region
// of 15 municipalities with 2,000 occasions and 40,000 registrations, on the embedded database and on PostgreSQL
// (when reachable). The app runs in this process on 127.0.0.1 (the load generator shares its event loop, which slows
// both sides of each ratio alike).
//   • The personal iCal feed of an employee registered for 40 occasions and of an organiser with 150 occasions,
//     against the authenticated read (GET /api/organisations, signed in) measured in the same run.
//     Goal: the feed's p99 ≤ 2 × the read's p99.
//   • Registration throughput: 50 concurrent clients registering 1,000 distinct persons on one occasion of 300
//     seats split over the municipalities. Goal: exactly 300 registered (no municipality beyond its seats and the
//     open ones), the rest waiting; registrations per second reported.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { SERVER_MODULES } from '../src/app/server-modules.ts';
import {
  activity,
  activityOccasion,
  activityRegistration,
  activitySeat,
} from '../src/modules/activities/activities.table.ts';
import { peoplePerson, peopleUnit } from '../src/modules/people/people.table.ts';
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
export type ActivitiesBenchResult = {
  database: 'embedded' | 'postgresql';
  datasetMs: number;
  read: Load;
  employeeFeed: Load & { events: number; p99VsRead: number };
  organiserFeed: Load & { events: number; p99VsRead: number };
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

async function measure(url: string, headers: Record<string, string>): Promise<Load> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
  };
}

export async function dataset(database: Database) {
  const db = database.db;
  const region = await buildRegion(db);
  const municipalities = [];
  for (let i = 0; i < 15; i++) municipalities.push(await buildMunicipality(db, { name: `Benchkommun ${i + 1}` }));
  const admin = await buildUser(db, { role: 'regional_admin', organisation: region });
  const organiser = await buildUser(db, { role: 'municipal_admin', municipality: municipalities[0] });
  const employee = await buildUser(db, { role: 'employee', municipality: municipalities[1] });
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
        userId: i === 1 ? employee.id : null,
      };
    });
    await db.insert(peoplePerson).values(rows);
    persons.push(...rows.map((r) => ({ id: r.id, organisationId: r.organisationId })));
  }
  const me = persons[1] as { id: string; organisationId: string };
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
  for (const occasionId of occasions.filter((_, i) => i % 50 === 3)) {
    await db
      .insert(activityRegistration)
      .values({ occasionId, personId: me.id, organisationId: me.organisationId, state: 'registered' })
      .onConflictDoNothing();
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
    organiser,
    employee,
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

async function feedUrl(origin: string, cookie: string): Promise<string> {
  const res = await fetch(`${origin}/api/activities/calendar-feed`, {
    method: 'POST',
    headers: { cookie, origin: PUBLIC_URL },
  });
  return new URL(((await res.json()) as { url: string }).url).pathname;
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
    const read = await measure(`${origin}/api/organisations`, { cookie: adminCookie, origin: PUBLIC_URL });
    const employeeFeed = `${origin}${await feedUrl(origin, await signIn(origin, data.employee.email))}`;
    const organiserFeed = `${origin}${await feedUrl(origin, await signIn(origin, data.organiser.email))}`;
    const count = async (url: string) => ((await (await fetch(url)).text()).match(/BEGIN:VEVENT/g) ?? []).length;
    const e = await measure(employeeFeed, {});
    const o = await measure(organiserFeed, {});
    // 50 clients, each taking the next person until all 1,000 have been sent.
    const queue = [...data.candidates];
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
      employeeFeed: { ...e, events: await count(employeeFeed), p99VsRead: round(e.p99Ms / Math.max(1, read.p99Ms)) },
      organiserFeed: { ...o, events: await count(organiserFeed), p99VsRead: round(o.p99Ms / Math.max(1, read.p99Ms)) },
      registration: {
        clients: 50,
        requests: sent,
        seconds: round(seconds),
        perSecond: round(sent / seconds),
        registered,
        capacity: 300,
        oversubscribed,
      },
      goalMet: false,
    };
    result.goalMet =
      result.employeeFeed.p99VsRead <= GOALS.feedP99VsRead &&
      result.organiserFeed.p99VsRead <= GOALS.feedP99VsRead &&
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
    `  ${label.padEnd(34)} ${String(l.requestsPerSecond).padStart(6)} req/s  p50 ${l.p50Ms} ms  p99 ${l.p99Ms} ms`;
  console.log(
    `\nActivities (${r.database}; dataset ${OCCASIONS} occasions, ${REGISTRATIONS} registrations, ${r.datasetMs} ms to load)`,
  );
  console.log(line('authenticated read (baseline)', r.read));
  console.log(
    `${line(`employee's feed (${r.employeeFeed.events} events)`, r.employeeFeed)}  = ${r.employeeFeed.p99VsRead}× (goal ≤ ${GOALS.feedP99VsRead}×)`,
  );
  console.log(
    `${line(`organiser's feed (${r.organiserFeed.events} events)`, r.organiserFeed)}  = ${r.organiserFeed.p99VsRead}× (goal ≤ ${GOALS.feedP99VsRead}×)`,
  );
  const g = r.registration;
  console.log(
    `  registrations: ${g.requests} by ${g.clients} clients in ${g.seconds} s = ${g.perSecond}/s; ${g.registered} of ${g.capacity} seats taken, oversubscribed: ${g.oversubscribed ? 'YES' : 'no'}`,
  );
  console.log(`  goal ${r.goalMet ? 'met' : 'NOT met'}`);
}

/** BENCH_ONLY=activities: the embedded database, then PostgreSQL when reachable; printed, not saved. */
export async function activitiesOnly(pgUrl: string): Promise<void> {
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
  const url = new URL(pgUrl);
  url.pathname = '/kompetensnav_bench_activities';
  const maintenance = new URL(pgUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    console.log(`\nPostgreSQL unreachable (${(err as Error).message}): measured the embedded database only.`);
    return;
  }
  await client.query('DROP DATABASE IF EXISTS kompetensnav_bench_activities WITH (FORCE)');
  await client.query('CREATE DATABASE kompetensnav_bench_activities');
  await client.end();
  const server = openServer(url.toString());
  try {
    printActivities(await benchOne('postgresql', server));
  } finally {
    await server.close();
  }
}
