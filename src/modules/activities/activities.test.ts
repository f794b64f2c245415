// The activities core through its API, on one database per file: occasions with seats per municipality; registration
// by a manager and by an employee, with every kind of bad input refused and nothing changed; the waiting list and
// its promotion when a seat frees or reserved seats are released (the job with a clock); attendance and hours
// (read back through the lookup other modules use); evaluation surveys by one-time link with results suppressed
// below k; calendar files parsed back across a daylight-saving change; the personal feed's secret address; and 200
// simultaneous registrations for 20 seats split over municipalities.

import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { TokenGuessLimiter } from '../../platform/server/actor.ts';
import { auditEvent } from '../../platform/server/audit.table.ts';
import { buildMunicipality, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { fromStockholmLocal, toStockholmLocal } from '../../platform/shared/stockholm-time.ts';
import { buildPerson, buildUnit, type UnitRecord } from '../people/people.factories.ts';
import { runActivityJobs } from './activities.jobs.ts';
import { activityRegistration, surveyResponse } from './activities.table.ts';
import { hoursPerMunicipality, participations } from './activities-lookup.service.ts';
import type { ActivitiesDeps } from './activities-scope.ts';
import { freeFor, type SeatState, take } from './seats.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
let c: Organisation;
let unitA: UnitRecord;
let unitB: UnitRecord;
let region: ReturnType<TestApp['as']>;
let managerA: ReturnType<TestApp['as']>;
let adminB: ReturnType<TestApp['as']>;
let employeeA: ReturnType<TestApp['as']>;
let employeePersonId: string;
const DAY = 86_400_000;

const local = (d: Date) => toStockholmLocal(d);
const inDays = (days: number, hh = 9) =>
  local(new Date(Math.floor((Date.now() + days * DAY) / 3_600_000) * 3_600_000 + (hh - 9) * 3_600_000));

function deps(now: Date): ActivitiesDeps {
  return {
    db: t.db,
    cache: t.app.deps.readCache,
    mailer: t.mailer,
    publicUrl: t.config.publicUrl,
    minCount: t.config.suppressionMinCount,
    now: () => now,
    guesses: new TokenGuessLimiter(1000, 60),
  };
}

async function person(unit: UnitRecord, name: string, email: string | null = null) {
  return (await buildPerson(t.db, { unit, firstName: name, lastName: 'Testsson', email })).person.id;
}

async function newActivity(overrides: Record<string, unknown> = {}) {
  const res = await region({
    method: 'POST',
    url: '/api/activities',
    payload: { title: 'Sårvård', kind: 'course', targetProfessions: ['underskoterska'], ...overrides },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function newOccasion(activityId: string, overrides: Record<string, unknown> = {}) {
  const res = await region({
    method: 'POST',
    url: `/api/activities/${activityId}/occasions`,
    payload: {
      startsAt: inDays(20),
      endsAt: inDays(20, 12),
      registrationDeadline: inDays(15),
      place: 'Skövde',
      capacity: 3,
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().occasion.id as string;
}

const stateOf = async (registrationPersonId: string, occasionId: string) =>
  (
    await t.db
      .select({ state: activityRegistration.state })
      .from(activityRegistration)
      .where(
        and(eq(activityRegistration.personId, registrationPersonId), eq(activityRegistration.occasionId, occasionId)),
      )
  )[0]?.state;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildMunicipality(t.db, { name: 'Kommun A' });
  b = await buildMunicipality(t.db, { name: 'Kommun B' });
  c = await buildMunicipality(t.db, { name: 'Kommun C' });
  const regionUser = await buildUser(t.db, { role: 'regional_admin' });
  const managerUser = await buildUser(t.db, { role: 'manager', municipality: a });
  const adminUser = await buildUser(t.db, { role: 'municipal_admin', municipality: b });
  const employeeUser = await buildUser(t.db, { role: 'employee', municipality: a });
  unitA = (await buildUnit(t.db, { municipality: a, managers: [managerUser] })).unit;
  unitB = (await buildUnit(t.db, { municipality: b })).unit;
  employeePersonId = (
    await buildPerson(t.db, {
      unit: unitA,
      firstName: 'Egen',
      lastName: 'Anmälare',
      email: null,
      userId: employeeUser.id,
    })
  ).person.id;
  region = t.as(await t.signIn(regionUser));
  managerA = t.as(await t.signIn(managerUser));
  adminB = t.as(await t.signIn(adminUser));
  employeeA = t.as(await t.signIn(employeeUser));
});

afterAll(async () => {
  await t?.close();
});

describe('occasions', () => {
  it('refuses an end before the start, a deadline after it, seats beyond capacity, no place, with the field named', async () => {
    const id = await newActivity();
    const bad = async (payload: Record<string, unknown>, path: string) => {
      const res = await region({
        method: 'POST',
        url: `/api/activities/${id}/occasions`,
        headers: { 'accept-language': 'sv' },
        payload: {
          startsAt: inDays(20),
          endsAt: inDays(20, 12),
          registrationDeadline: inDays(15),
          place: 'X',
          capacity: 5,
          ...payload,
        },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json())).toContain(path);
      return res.json();
    };
    expect(JSON.stringify(await bad({ endsAt: inDays(19) }, 'endsAt'))).toContain('Sluttiden');
    await bad({ registrationDeadline: inDays(21) }, 'registrationDeadline');
    await bad(
      {
        seats: [
          { organisationId: a.id, seats: 4 },
          { organisationId: b.id, seats: 2 },
        ],
      },
      'seats',
    );
    await bad({ place: '', onlineUrl: '' }, 'place');
    await bad({ capacity: -1 }, 'capacity');
    await bad({ startsAt: '2027-03-28T02:30' }, 'startsAt');
    const list = await region({ method: 'GET', url: `/api/activities/${id}` });
    expect(list.json().occasions).toHaveLength(0);
  });
});

describe('registration and the waiting list', () => {
  it('registers a manager’s persons, waitlists beyond capacity, promotes on cancel and mails each step', async () => {
    const occasion = await newOccasion(await newActivity());
    const ids = [
      await person(unitA, 'Anna', 'anna@a.example'),
      await person(unitA, 'Bo', 'bo@a.example'),
      await person(unitA, 'Cia', 'cia@a.example'),
      await person(unitA, 'Dan', 'dan@a.example'),
    ];
    const res = await managerA({
      method: 'POST',
      url: `/api/activities/occasions/${occasion}/registrations`,
      payload: { personIds: ids },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { state: string }) => r.state)).toEqual([
      'registered',
      'registered',
      'registered',
      'waitlisted',
    ]);
    expect(res.json().results[3].position).toBe(1);
    expect(t.mailer.recent.some((m) => m.to === 'dan@a.example' && m.subject.startsWith('Väntelista'))).toBe(true);
    expect(t.mailer.recent.some((m) => m.to === 'anna@a.example' && m.subject.startsWith('Anmäld'))).toBe(true);

    const detail = (await managerA({ method: 'GET', url: `/api/activities/occasions/${occasion}` })).json();
    expect(detail.occasion.status).toBe('full');
    const anna = detail.registrations.find((r: { personId: string }) => r.personId === ids[0]);
    const cancel = await managerA({ method: 'POST', url: `/api/activities/registrations/${anna.id}/cancel` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().promoted).toBe(1);
    expect(await stateOf(ids[3] as string, occasion)).toBe('registered');
    expect(t.mailer.recent.some((m) => m.to === 'dan@a.example' && m.subject.startsWith('Du har fått en plats'))).toBe(
      true,
    );
    expect(t.mailer.recent.some((m) => m.to === 'anna@a.example' && m.subject.startsWith('Avbokad'))).toBe(true);
    const again = await managerA({ method: 'POST', url: `/api/activities/registrations/${anna.id}/cancel` });
    expect(again.statusCode).toBe(409);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'activity_registration.promote'));
    expect(events.length).toBeGreaterThan(0);
    const reads = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'activity_occasion.read_registrations'), eq(auditEvent.entityId, occasion)));
    expect(reads.length).toBeGreaterThan(0);
  });

  it('refuses another municipality’s person, a person twice, a cancelled occasion and a passed deadline, changing nothing', async () => {
    const activityId = await newActivity();
    const occasion = await newOccasion(activityId, { capacity: 10 });
    const mine = await person(unitA, 'Eva');
    const theirs = await person(unitB, 'Fia');
    const other = await managerA({
      method: 'POST',
      url: `/api/activities/occasions/${occasion}/registrations`,
      headers: { 'accept-language': 'sv' },
      payload: { personIds: [mine, theirs] },
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('personIds.1');
    expect(await stateOf(mine, occasion)).toBeUndefined();

    expect(
      (
        await managerA({
          method: 'POST',
          url: `/api/activities/occasions/${occasion}/registrations`,
          payload: { personIds: [mine] },
        })
      ).statusCode,
    ).toBe(200);
    const twice = await managerA({
      method: 'POST',
      url: `/api/activities/occasions/${occasion}/registrations`,
      headers: { 'accept-language': 'sv' },
      payload: { personIds: [mine] },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('redan anmäld');
    const doubled = await managerA({
      method: 'POST',
      url: `/api/activities/occasions/${occasion}/registrations`,
      payload: { personIds: [theirs, theirs] },
    });
    expect(doubled.statusCode).toBe(400);

    const late = await newOccasion(activityId, { registrationDeadline: local(new Date(Date.now() - DAY)) });
    const lateRes = await managerA({
      method: 'POST',
      url: `/api/activities/occasions/${late}/registrations`,
      headers: { 'accept-language': 'sv' },
      payload: { personIds: [mine] },
    });
    expect(lateRes.statusCode).toBe(409);
    expect(lateRes.json().error.message).toContain('Sista anmälningsdag');

    const cancelled = await newOccasion(activityId);
    expect(
      (
        await region({
          method: 'POST',
          url: `/api/activities/occasions/${cancelled}/status`,
          payload: { status: 'cancelled' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await region({
          method: 'POST',
          url: `/api/activities/occasions/${cancelled}/status`,
          payload: { status: 'cancelled', cancelReason: 'Sjuk föreläsare' },
        })
      ).statusCode,
    ).toBe(200);
    const intoCancelled = await managerA({
      method: 'POST',
      url: `/api/activities/occasions/${cancelled}/registrations`,
      payload: { personIds: [mine] },
    });
    expect(intoCancelled.statusCode).toBe(409);
    expect(await stateOf(mine, cancelled)).toBeUndefined();
    // B's admin sees the occasion but none of A's registrations.
    const seenByB = (await adminB({ method: 'GET', url: `/api/activities/occasions/${occasion}` })).json();
    expect(seenByB.registrations).toHaveLength(0);
    expect(seenByB.occasion.registered).toBe(1);
  });

  it('lets an employee register themself only where the activity allows it', async () => {
    const closed = await newOccasion(await newActivity());
    const refused = await employeeA({ method: 'POST', url: `/api/activities/occasions/${closed}/registrations/self` });
    expect(refused.statusCode).toBe(409);
    const open = await newOccasion(await newActivity({ selfRegistration: true }));
    const ok = await employeeA({ method: 'POST', url: `/api/activities/occasions/${open}/registrations/self` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await stateOf(employeePersonId, open)).toBe('registered');
    const mine = (await employeeA({ method: 'GET', url: '/api/activities/mine' })).json();
    expect(mine.registered.map((r: { id: string }) => r.id)).toContain(open);
    const asOther = await employeeA({
      method: 'POST',
      url: `/api/activities/occasions/${open}/registrations`,
      payload: { personIds: [employeePersonId] },
    });
    expect(asOther.statusCode).toBe(403);
  });

  it('keeps reserved seats for their municipality until the release, then moves the region’s waiting list up', async () => {
    const occasion = await newOccasion(await newActivity(), {
      capacity: 3,
      seats: [
        { organisationId: a.id, seats: 1 },
        { organisationId: b.id, seats: 1 },
      ],
      seatsReleaseAt: inDays(10),
    });
    const a1 = await person(unitA, 'A1');
    const a2 = await person(unitA, 'A2');
    const a3 = await person(unitA, 'A3');
    const res = await managerA({
      method: 'POST',
      url: `/api/activities/occasions/${occasion}/registrations`,
      payload: { personIds: [a1, a2, a3] },
    });
    // A's own seat and the one open seat; B's seat is kept for B.
    expect(res.json().results.map((r: { state: string }) => r.state)).toEqual([
      'registered',
      'registered',
      'waitlisted',
    ]);
    const later = new Date(Date.now() + 11 * DAY);
    const result = await runActivityJobs(deps(later));
    expect(result.promoted).toBeGreaterThanOrEqual(1);
    expect(await stateOf(a3, occasion)).toBe('registered');
  });
});

describe('attendance, hours and the lookup', () => {
  it('records present, partial and absent; refuses absurd hours and the waitlisted; sums hours per municipality', async () => {
    const activityId = await newActivity({ sourceModule: 'test', sourceRecordId: 'rec-1' });
    const start = new Date(Date.now() - 3 * 3_600_000);
    const occasion = await newOccasion(activityId, {
      startsAt: local(new Date(start.getTime() - 60_000 * 30)),
      endsAt: local(new Date(start.getTime() + 2.5 * 3_600_000)),
      registrationDeadline: local(new Date(start.getTime() - DAY)),
      capacity: 2,
    });
    const p = [await person(unitA, 'N1'), await person(unitA, 'N2'), await person(unitB, 'N3')];
    // Registered before the deadline: written straight in, as the clock cannot go back for the API.
    for (const [i, id] of p.entries()) {
      await t.db.insert(activityRegistration).values({
        occasionId: occasion,
        personId: id,
        organisationId: i < 2 ? a.id : b.id,
        state: i < 2 ? 'registered' : 'waitlisted',
      });
    }
    const detail = (await region({ method: 'GET', url: `/api/activities/occasions/${occasion}` })).json();
    const reg = (pid: string) =>
      detail.registrations.find((r: { personId: string }) => r.personId === pid).id as string;
    const put = (entries: unknown[]) =>
      region({ method: 'PUT', url: `/api/activities/occasions/${occasion}/attendance`, payload: { entries } });
    expect((await put([{ registrationId: reg(p[0] as string), attendance: 'present', hours: -2 }])).statusCode).toBe(
      400,
    );
    expect((await put([{ registrationId: reg(p[0] as string), attendance: 'present', hours: 40 }])).statusCode).toBe(
      400,
    );
    expect((await put([{ registrationId: reg(p[0] as string), attendance: 'partial' }])).statusCode).toBe(400);
    expect((await put([{ registrationId: reg(p[0] as string), attendance: 'absent', hours: 2 }])).statusCode).toBe(400);
    expect((await put([{ registrationId: reg(p[2] as string), attendance: 'present' }])).statusCode).toBe(400);
    expect(
      (
        await managerA({
          method: 'PUT',
          url: `/api/activities/occasions/${occasion}/attendance`,
          payload: { entries: [{ registrationId: reg(p[0] as string), attendance: 'present' }] },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await put([
      { registrationId: reg(p[0] as string), attendance: 'present' },
      { registrationId: reg(p[1] as string), attendance: 'partial', hours: 1.5 },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const hours = await hoursPerMunicipality(t.db, { sourceModule: 'test', sourceRecordIds: ['rec-1'] });
    expect(hours.get(a.id)).toEqual({ hours: 3 + 1.5, participants: 2 });
    expect(hours.get(b.id)).toBeUndefined();
    const rows = await participations(t.db, { sourceModule: 'test' });
    expect(rows.filter((r) => r.attendance === 'present').map((r) => r.hours)).toEqual([3]);
  });
});

describe('evaluation surveys', () => {
  it('sends one-time links to attendees, keeps answers apart, suppresses results below k and shows free text to the organiser only', async () => {
    const activityId = await newActivity();
    const start = new Date(Date.now() - 5 * 3_600_000);
    const occasion = await newOccasion(activityId, {
      startsAt: local(start),
      endsAt: local(new Date(start.getTime() + 2 * 3_600_000)),
      registrationDeadline: local(new Date(start.getTime() - DAY)),
      capacity: 10,
    });
    const emails = ['s1', 's2', 's3', 's4'].map((n) => `${n}@a.example`);
    const ids: string[] = [];
    for (const e of emails) ids.push(await person(unitA, e.slice(0, 2), e));
    for (const id of ids) {
      await t.db.insert(activityRegistration).values({
        occasionId: occasion,
        personId: id,
        organisationId: a.id,
        state: 'registered',
        attendance: 'present',
        hours: 2,
      });
    }
    // The job marks the ended occasion held and sends the survey.
    const jobs = await runActivityJobs(deps(new Date()));
    expect(jobs.held).toBeGreaterThanOrEqual(1);
    expect(jobs.surveys).toBe(4);
    const token = (email: string) => {
      const mail = [...t.mailer.recent].reverse().find((m) => m.to === email && m.subject.includes('Utvärdering'));
      return new URL(mail?.text.match(/https?:\/\/\S+/)?.[0] ?? 'http://x/').searchParams.get('token') as string;
    };
    const answer = (tok: string, answers: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/public/activities/survey', payload: { token: tok, answers } });
    const full = { relevance: 5, quality: 4, usefulness: 4, recommend: true };
    const first = token(emails[0] as string);
    const opened = await t.app.inject({ method: 'GET', url: `/api/public/activities/survey?token=${first}` });
    expect(opened.json().questions, opened.body).toHaveLength(5);
    expect((await answer(first, { ...full, relevance: 9 })).statusCode).toBe(400);
    expect((await answer(first, { quality: 4 })).statusCode).toBe(400);
    expect((await answer(first, { ...full, comment: 'Bra kurs' })).statusCode).toBe(204);
    expect((await answer(first, full)).statusCode).toBe(409);
    expect((await answer('forged-token-that-does-not-exist', full)).statusCode).toBe(404);

    let results = (await region({ method: 'GET', url: `/api/activities/occasions/${occasion}/survey/results` })).json();
    expect(results.answered).toBe(1);
    expect(results.questions.every((q: { shown: boolean }) => !q.shown)).toBe(true);
    expect(JSON.stringify(results)).not.toContain('Bra kurs');

    expect((await answer(token(emails[1] as string), { ...full, relevance: 4 })).statusCode).toBe(204);
    expect((await answer(token(emails[2] as string), { ...full, relevance: 5, comment: 'Mer tid' })).statusCode).toBe(
      204,
    );
    results = (await region({ method: 'GET', url: `/api/activities/occasions/${occasion}/survey/results` })).json();
    const relevance = results.questions.find((q: { id: string }) => q.id === 'relevance');
    expect(relevance.shown).toBe(true);
    // 5, 4, 5: the single 4 is a small count, hidden with what would give it away; the mean with it.
    expect(relevance.counts.find((x: { label: string }) => x.label === '4').count).toBe('..');
    expect(relevance.counts.find((x: { label: string }) => x.label === '5').count).toBe('..');
    expect(relevance.mean).toBeNull();
    const recommend = results.questions.find((q: { id: string }) => q.id === 'recommend');
    expect(recommend.counts.find((x: { label: string }) => x.label === 'Ja').count).toBe(3);
    expect(recommend.counts.find((x: { label: string }) => x.label === 'Nej').count).toBe(0);
    const comment = results.questions.find((q: { id: string }) => q.id === 'comment');
    expect(comment.answered).toBe(2);
    expect(comment.shown).toBe(false);
    // Kept apart: the responses hold no person, registration or invitation.
    const stored = await t.db.select().from(surveyResponse).where(eq(surveyResponse.occasionId, occasion));
    expect(stored).toHaveLength(3);
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual(['answers', 'id', 'occasionId', 'receivedOn', 'templateId']);
    const xlsx = await region({ method: 'GET', url: `/api/activities/occasions/${occasion}/survey/results.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const employeeResults = await employeeA({
      method: 'GET',
      url: `/api/activities/occasions/${occasion}/survey/results`,
    });
    expect(employeeResults.statusCode).toBe(403);
  });
});

describe('calendars', () => {
  it('writes Swedish wall-clock times that parse back to the same instants on both sides of a DST change', async () => {
    const activityId = await newActivity({ title: 'Kalendertest' });
    const winter = await newOccasion(activityId, {
      startsAt: '2027-03-27T09:00',
      endsAt: '2027-03-27T11:00',
      registrationDeadline: '2027-03-20T09:00',
    });
    const summer = await newOccasion(activityId, {
      startsAt: '2027-03-29T09:00',
      endsAt: '2027-03-29T11:00',
      registrationDeadline: '2027-03-20T09:00',
    });
    for (const [id, local9] of [
      [winter, '2027-03-27T09:00'],
      [summer, '2027-03-29T09:00'],
    ] as const) {
      const res = await managerA({ method: 'GET', url: `/api/activities/occasions/${id}/calendar` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('DTSTART;TZID=Europe/Stockholm:');
      const comp = new ICAL.Component(ICAL.parse(res.body));
      for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const event = new ICAL.Event(comp.getFirstSubcomponent('vevent') as ICAL.Component);
      expect(event.startDate.toJSDate().toISOString()).toBe(fromStockholmLocal(local9)?.toISOString());
      expect(event.summary).toBe('Kalendertest');
    }
    // 09:00 in Stockholm is 08:00 UTC before the change and 07:00 after it.
    expect(fromStockholmLocal('2027-03-27T09:00')?.toISOString()).toBe('2027-03-27T08:00:00.000Z');
    expect(fromStockholmLocal('2027-03-29T09:00')?.toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });

  it('serves a personal feed behind a secret address that stops working when renewed', async () => {
    const occasion = await newOccasion(await newActivity({ title: 'Flödestest', selfRegistration: true }));
    expect(
      (await employeeA({ method: 'POST', url: `/api/activities/occasions/${occasion}/registrations/self` })).statusCode,
    ).toBe(200);
    const made = (await employeeA({ method: 'POST', url: '/api/activities/calendar-feed' })).json();
    const path = new URL(made.url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e).summary);
    expect(events).toContain('Flödestest');
    const renewed = (await employeeA({ method: 'POST', url: '/api/activities/calendar-feed' })).json();
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(renewed.url).pathname })).statusCode).toBe(200);
    const muni = await t.app.inject({ method: 'GET', url: `/api/public/activities/municipalities/${a.id}.ics` });
    expect(muni.statusCode).toBe(200);
    expect(muni.body).toContain('BEGIN:VCALENDAR');
  });
});

describe('start page tasks', () => {
  it('tells the organiser of held occasions without attendance and the employee of coming occasions', async () => {
    const activityId = await newActivity({ selfRegistration: true });
    const ended = await newOccasion(activityId, {
      startsAt: local(new Date(Date.now() - 2 * DAY)),
      endsAt: local(new Date(Date.now() - 2 * DAY + 3_600_000)),
      registrationDeadline: local(new Date(Date.now() - 3 * DAY)),
    });
    await t.db.insert(activityRegistration).values({
      occasionId: ended,
      personId: await person(unitA, 'Utan närvaro'),
      organisationId: a.id,
      state: 'registered',
    });
    const regionTasks = (await region({ method: 'GET', url: '/api/me/tasks' })).json();
    const attendance = regionTasks.tasks.find((x: { key: string }) => x.key === 'activities.attendance');
    expect(attendance?.count).toBeGreaterThanOrEqual(1);
    expect(attendance?.label).toContain('väntar på närvaro');
    const coming = await newOccasion(activityId, {
      startsAt: inDays(5),
      endsAt: inDays(5, 12),
      registrationDeadline: inDays(3),
    });
    expect(
      (await employeeA({ method: 'POST', url: `/api/activities/occasions/${coming}/registrations/self` })).statusCode,
    ).toBe(200);
    const employeeTasks = (await employeeA({ method: 'GET', url: '/api/me/tasks' })).json();
    const mine = employeeTasks.tasks.find((x: { key: string }) => x.key === 'activities.coming');
    expect(mine?.count).toBeGreaterThanOrEqual(1);
    expect(mine?.href).toBe('/activities/mine');
  });
});

describe('concurrency', () => {
  it('200 simultaneous registrations for 20 seats split over municipalities: exactly 20 registered, the rest waiting in arrival order', async () => {
    const occasion = await newOccasion(await newActivity(), {
      capacity: 20,
      seats: [
        { organisationId: a.id, seats: 5 },
        { organisationId: b.id, seats: 5 },
        { organisationId: c.id, seats: 5 },
      ],
    });
    const unitC = (await buildUnit(t.db, { municipality: c })).unit;
    const units = [unitA, unitB, unitC];
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push(await person(units[i % 3] as UnitRecord, `P${i}`));
    const responses = await Promise.all(
      ids.map((id) =>
        region({
          method: 'POST',
          url: `/api/activities/occasions/${occasion}/registrations`,
          payload: { personIds: [id] },
        }),
      ),
    );
    // Every answer 200 (a failure names the others' statuses and first body: a 503 is the pool's wait limit).
    const failed = responses.filter((r) => r.statusCode !== 200);
    expect(
      failed.map((r) => r.statusCode),
      failed[0]?.body.slice(0, 300),
    ).toEqual([]);
    const rows = await t.db
      .select()
      .from(activityRegistration)
      .where(eq(activityRegistration.occasionId, occasion))
      .orderBy(activityRegistration.queue);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.state === 'registered')).toHaveLength(20);
    // Replaying the seat rule in arrival order gives the same states: nobody jumped the line or a seat was lost.
    let state: SeatState = {
      capacity: 20,
      allocations: new Map([
        [a.id, 5],
        [b.id, 5],
        [c.id, 5],
      ]),
      registered: new Map(),
      released: false,
    };
    const expected = rows.map((r) => {
      if (freeFor(state, r.organisationId) > 0) {
        state = take(state, r.organisationId);
        return 'registered';
      }
      return 'waitlisted';
    });
    expect(rows.map((r) => r.state)).toEqual(expected);
    for (const org of [a.id, b.id, c.id]) {
      expect(rows.filter((r) => r.organisationId === org && r.state === 'registered').length).toBeGreaterThanOrEqual(5);
    }
  }, 120_000);
});
