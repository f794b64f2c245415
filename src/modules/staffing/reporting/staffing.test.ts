// The staffing report's workflow as each role meets it: who may open periods, enter, submit, approve, return and
// read; the JSON API for integrations; deadline reminders; and what the comparison shows to whom.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvent } from '../../../platform/server/audit.table.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../../platform/server/factories.ts';
import { ReadCache } from '../../../platform/server/read-cache.ts';
import { defaultStaffingConfig } from '../default-config.ts';
import { staffingReportTransition } from '../staffing.table.ts';
import { generateFacts } from '../staffing-generator.ts';
import { type Fact, factKey } from '../staffing-measures.ts';
import { viewKey } from '../statistics/statistics.service.ts';
import { sendDeadlineReminders } from './reminders.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
const cookies: Record<string, string> = {};
let periodId = '';
let ip = 10;
const config = defaultStaffingConfig();
const factsFor = (seed: number, inhabitants = 20_000) =>
  generateFacts(config, { inhabitants, specialistLevel: 0.3, seed }, 0);

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  a = await buildMunicipality(t.db, { name: 'Aby' });
  b = await buildMunicipality(t.db, { name: 'Bro' });
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    reporterA: await buildUser(t.db, { role: 'reporter', organisation: a }),
    municipalAdminA: await buildUser(t.db, { role: 'municipal_admin', organisation: a }),
    managerA: await buildUser(t.db, { role: 'manager', organisation: a }),
    employeeA: await buildUser(t.db, { role: 'employee', organisation: a }),
    reporterB: await buildUser(t.db, { role: 'reporter', organisation: b }),
    steeringB: await buildUser(t.db, { role: 'steering', organisation: b }),
  };
  for (const [name, user] of Object.entries(users)) cookies[name] = await t.signIn(user, `10.0.0.${ip++}`);
});
afterAll(() => t.close());

const as = (who: string) => t.as(cookies[who] ?? null);
type Task = { key: string; label: string; count: number; href: string; due: string | null };
const tasksOf = async (who: string): Promise<Task[]> =>
  (await as(who)({ method: 'GET', url: '/api/me/tasks' }))
    .json()
    .tasks.filter((x: Task) => x.key.startsWith('staffing.'));
const reportUrl = (m: Organisation, suffix = '') => `/api/staffing/periods/${periodId}/reports/${m.id}${suffix}`;

describe('periods', () => {
  it('only the region opens a period; the label is unique and the deadline not before the reference date', async () => {
    const body = { label: 'Test 2026', referenceDate: '2026-11-01', deadline: '2026-12-15' };
    expect((await as('reporterA')({ method: 'POST', url: '/api/staffing/periods', payload: body })).statusCode).toBe(
      403,
    );
    const created = await as('admin')({ method: 'POST', url: '/api/staffing/periods', payload: body });
    expect(created.statusCode).toBe(201);
    periodId = created.json().id;
    expect(created.json()).toMatchObject({ label: 'Test 2026', kind: 'annual', closed: false });
    expect(created.json().statusCounts.not_started).toBe(2);
    const again = await as('admin')({ method: 'POST', url: '/api/staffing/periods', payload: body });
    expect(again.statusCode).toBe(409);
    const backwards = await as('admin')({
      method: 'POST',
      url: '/api/staffing/periods',
      payload: { label: 'Bakvänd', referenceDate: '2026-11-01', deadline: '2026-10-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0].path).toBe('deadline');
  });

  it("puts the open report on the reporters' start page with its deadline, the missing ones on the region's", async () => {
    const reporter = await tasksOf('reporterA');
    expect(reporter).toEqual([
      expect.objectContaining({
        label: 'Fyll i och skicka in bemanningsrapporten Test 2026',
        count: 1,
        href: `/staffing/reports/${periodId}/${a.id}`,
        due: '2026-12-15',
      }),
    ]);
    expect((await tasksOf('reporterB'))[0]?.href).toBe(`/staffing/reports/${periodId}/${b.id}`);
    expect(await tasksOf('employeeA')).toEqual([]);
    expect(await tasksOf('managerA')).toEqual([]);
    const region = await tasksOf('admin');
    expect(region.map((x) => [x.label, x.count])).toEqual([
      ['2 kommuner har inte skickat in bemanningsrapporten Test 2026', 2],
    ]);
  });

  it('shows a municipality user only their own report row, the region every row', async () => {
    const own = (await as('reporterA')({ method: 'GET', url: `/api/staffing/periods/${periodId}` })).json();
    expect(own.reports.map((r: { municipalityId: string }) => r.municipalityId)).toEqual([a.id]);
    const all = (await as('admin')({ method: 'GET', url: `/api/staffing/periods/${periodId}` })).json();
    expect(all.reports).toHaveLength(2);
  });
});

describe('entering and the workflow', () => {
  it('lets the reporter save a draft; others of the municipality read it; other municipalities get 404', async () => {
    const facts = factsFor(1);
    const saved = await as('reporterA')({ method: 'PUT', url: reportUrl(a, '/facts'), payload: { facts } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().status).toBe('draft');
    expect(saved.json().facts).toHaveLength(facts.length);
    expect((await as('managerA')({ method: 'GET', url: reportUrl(a) })).statusCode).toBe(200);
    expect((await as('managerA')({ method: 'PUT', url: reportUrl(a, '/facts'), payload: { facts } })).statusCode).toBe(
      403,
    );
    expect((await as('employeeA')({ method: 'GET', url: reportUrl(a) })).statusCode).toBe(403);
    expect((await as('reporterB')({ method: 'GET', url: reportUrl(a) })).statusCode).toBe(404);
    expect((await as('reporterB')({ method: 'PUT', url: reportUrl(a, '/facts'), payload: { facts } })).statusCode).toBe(
      404,
    );
  });

  it('refuses a draft that breaks a rule, naming the field, and keeps the saved values', async () => {
    const facts = factsFor(1).map((f) => (factKey(f) === 'sjukskoterska.worked_fte' ? { ...f, value: 10_000 } : f));
    const res = await as('reporterA')({ method: 'PUT', url: reportUrl(a, '/facts'), payload: { facts } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('sjukskoterska.worked_fte');
    const kept = (await as('reporterA')({ method: 'GET', url: reportUrl(a) })).json();
    expect(kept.facts.find((f: Fact) => factKey(f) === 'sjukskoterska.worked_fte').value).toBeLessThan(10_000);
  });

  it('refuses unknown keys in the body (mass assignment)', async () => {
    const res = await as('reporterA')({
      method: 'PUT',
      url: reportUrl(a, '/facts'),
      payload: { facts: [], status: 'approved' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('submits only a complete report, then locks it', async () => {
    const partial = [{ profession: 'sjukskoterska', measure: 'headcount', breakdown: '', value: 3 }];
    await as('reporterA')({ method: 'PUT', url: reportUrl(a, '/facts'), payload: { facts: partial } });
    const refused = await as('reporterA')({ method: 'POST', url: reportUrl(a, '/submit') });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toContain('context.inhabitants');
    await as('reporterA')({ method: 'PUT', url: reportUrl(a, '/facts'), payload: { facts: factsFor(1) } });
    const submitted = await as('reporterA')({ method: 'POST', url: reportUrl(a, '/submit') });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().permissions).toMatchObject({ edit: false, submit: false, approve: false });
    const locked = await as('reporterA')({
      method: 'PUT',
      url: reportUrl(a, '/facts'),
      payload: { facts: factsFor(2) },
    });
    expect(locked.statusCode).toBe(409);
  });

  it("moves a submitted report from the reporter's tasks to the approvers'", async () => {
    expect(await tasksOf('reporterA')).toEqual([]);
    expect((await tasksOf('municipalAdminA')).map((x) => x.label)).toEqual([
      'Granska och godkänn kommunens bemanningsrapport Test 2026',
    ]);
    expect((await tasksOf('admin')).map((x) => [x.key.split('.')[1], x.count])).toEqual([
      ['approve', 1],
      ['missing', 1],
    ]);
  });

  it('lets the region return with a required comment, the reporter fix and resubmit, the municipal admin approve', async () => {
    expect((await as('reporterA')({ method: 'POST', url: reportUrl(a, '/approve') })).statusCode).toBe(403);
    // Another municipality's admin-like request reveals nothing: a reporter may approve nowhere (403).
    expect((await as('reporterB')({ method: 'POST', url: reportUrl(a, '/approve') })).statusCode).toBe(403);
    const noComment = await as('admin')({ method: 'POST', url: reportUrl(a, '/return'), payload: { comment: ' ' } });
    expect(noComment.statusCode).toBe(400);
    const returned = await as('admin')({
      method: 'POST',
      url: reportUrl(a, '/return'),
      payload: { comment: 'Kontrollera åldrarna.' },
    });
    expect(returned.json().status).toBe('returned');
    expect(returned.json().permissions.return).toBe(false);
    const fixed = await as('reporterA')({
      method: 'PUT',
      url: reportUrl(a, '/facts'),
      payload: { facts: factsFor(3) },
    });
    expect(fixed.json().status).toBe('returned');
    expect((await as('reporterA')({ method: 'POST', url: reportUrl(a, '/submit') })).json().status).toBe('submitted');
    const approved = await as('municipalAdminA')({ method: 'POST', url: reportUrl(a, '/approve') });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    const again = await as('admin')({ method: 'POST', url: reportUrl(a, '/approve') });
    expect(again.statusCode).toBe(409);

    const history = approved
      .json()
      .history.map((h: { fromStatus: string; toStatus: string }) => `${h.fromStatus}>${h.toStatus}`);
    expect(history).toEqual([
      'not_started>draft',
      'draft>submitted',
      'submitted>returned',
      'returned>submitted',
      'submitted>approved',
    ]);
    expect(approved.json().history[2].comment).toBe('Kontrollera åldrarna.');
    const rows = await t.db.select().from(staffingReportTransition);
    expect(rows.every((r) => r.actorUserId !== null)).toBe(true);
    const actions = (
      await t.db
        .select()
        .from(auditEvent)
        .where(eq(auditEvent.entityId, `${periodId}/${a.id}`))
    ).map((e) => e.action);
    expect(actions).toContain('staffing_report.return');
    expect(actions).toContain('staffing_report.approve');
  });
});

describe('integrations', () => {
  it('a token with reporter scope submits a report as JSON in one step', async () => {
    const created = await as('municipalAdminA')({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'HR-export', organisationId: b.id, roles: ['reporter'] },
    });
    expect(created.statusCode).toBe(404);
    const adminToken = await as('admin')({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'HR-export Bro', organisationId: b.id, roles: ['reporter'] },
    });
    expect(adminToken.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${adminToken.json().token}` };
    const incomplete = await t.app.inject({
      method: 'POST',
      url: reportUrl(b, '/submission'),
      headers: bearer,
      payload: { facts: [] },
    });
    expect(incomplete.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: reportUrl(b), headers: bearer })).json().status).toBe(
      'not_started',
    );
    const res = await t.app.inject({
      method: 'POST',
      url: reportUrl(b, '/submission'),
      headers: bearer,
      payload: { facts: factsFor(7, 3_000) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('submitted');
    expect(res.json().history.at(-1).actorName).toMatch(/^API-nyckel/);
    const other = await t.app.inject({ method: 'GET', url: reportUrl(a), headers: bearer });
    expect(other.statusCode).toBe(404);
  });
});

describe('deadline reminders', () => {
  it('mails the reporters of unsubmitted reports 7 days and 1 day before the deadline, once each', async () => {
    const c = await buildMunicipality(t.db, { name: 'Cell' });
    const reporterC = await buildUser(t.db, { role: 'reporter', organisation: c });
    const mailsTo = () => t.mailer.recent.filter((m) => m.to === reporterC.email).length;
    const sevenBefore = new Date('2026-12-08T07:00:00+01:00');
    expect(mailsTo()).toBe(0);
    await sendDeadlineReminders(t.db, t.mailer, 'http://localhost:3000', new Date('2026-11-30T07:00:00+01:00'));
    expect(mailsTo()).toBe(0);
    await sendDeadlineReminders(t.db, t.mailer, 'http://localhost:3000', sevenBefore);
    expect(mailsTo()).toBe(1);
    const mail = t.mailer.recent.filter((m) => m.to === reporterC.email).at(-1);
    expect(mail?.subject).toMatch(/Påminnelse/);
    expect(mail?.text).toContain(`/staffing/reports/${periodId}/${c.id}`);
    await sendDeadlineReminders(t.db, t.mailer, 'http://localhost:3000', sevenBefore);
    expect(mailsTo()).toBe(1);
    await sendDeadlineReminders(t.db, t.mailer, 'http://localhost:3000', new Date('2026-12-14T07:00:00+01:00'));
    expect(mailsTo()).toBe(2);
    // Municipalities that have submitted get nothing.
    const reporterAMails = t.mailer.recent.filter((m) => m.subject.includes('Aby'));
    expect(reporterAMails).toHaveLength(0);
  });
});

describe('comparison', () => {
  it('shows the region raw figures live; others and the public read the publication, small counts as ".."', async () => {
    const query = `/api/staffing/comparison?periodId=${periodId}&profession=fysioterapeut`;
    const forAdmin = (await as('admin')({ method: 'GET', url: query })).json();
    expect(forAdmin.unsuppressedFor).toBe('all');
    const bRowAdmin = forAdmin.rows.find((r: { municipalityId: string }) => r.municipalityId === b.id);
    expect(typeof bRowAdmin.values.headcount).toBe('number');
    const forSteeringB = (await as('steeringB')({ method: 'GET', url: query })).json();
    expect(forSteeringB.unsuppressedFor).toBe(b.id);

    // Before a publication, another municipality sees only its own live report, and the public nothing.
    const before = (await as('reporterA')({ method: 'GET', url: query })).json();
    expect(before.publication).toBeNull();
    expect(before.rows.map((r: { municipalityId: string }) => r.municipalityId)).toEqual([a.id]);
    const closed = await t.app.inject({ method: 'GET', url: `/api/public/staffing/comparison?periodId=${periodId}` });
    expect(closed.statusCode).toBe(404);

    // An approval changes nothing others see; the region's publication does.
    expect((await as('admin')({ method: 'POST', url: reportUrl(b, '/approve') })).statusCode).toBe(200);
    const approvedOnly = (await as('reporterA')({ method: 'GET', url: query })).json();
    expect(approvedOnly.rows.map((r: { municipalityId: string }) => r.municipalityId)).toEqual([a.id]);
    const published = await as('admin')({ method: 'POST', url: `/api/staffing/periods/${periodId}/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ made: true, publication: { version: 1, municipalities: 2 } });

    const forReporterA = (await as('reporterA')({ method: 'GET', url: query })).json();
    expect(forReporterA.publication).toMatchObject({ version: 1, municipalities: 2 });
    const bRow = forReporterA.rows.find((r: { municipalityId: string }) => r.municipalityId === b.id);
    // Bro (3,000 inhabitants) has about one physiotherapist: a small count others must not see.
    const rawHeadcount = bRowAdmin.values.headcount as number;
    expect(rawHeadcount).toBeGreaterThan(0);
    expect(rawHeadcount).toBeLessThan(3);
    expect(bRow.values.headcount).toBe('..');
    expect(bRow.ratios.specialist_share).toBe('..');
    for (const [key, value] of Object.entries(bRowAdmin.values)) {
      if (
        typeof value === 'number' &&
        value > 0 &&
        value < 3 &&
        forAdmin.columns.find((c: { key: string }) => c.key === key)?.kind === 'persons'
      ) {
        expect(bRow.values[key]).toBe('..');
      }
    }
    // A's own users see A's live figures in full.
    const aRow = forReporterA.rows.find((r: { municipalityId: string }) => r.municipalityId === a.id);
    expect(aRow.values).toEqual(
      forAdmin.rows.find((r: { municipalityId: string }) => r.municipalityId === a.id).values,
    );

    // The public reads the same publication: what it shows of B is what A's users see of B.
    const open = await t.app.inject({
      method: 'GET',
      url: `/api/public/staffing/comparison?periodId=${periodId}&profession=fysioterapeut`,
    });
    expect(open.statusCode).toBe(200);
    expect(
      open
        .json()
        .rows.map((r: { municipalityId: string }) => r.municipalityId)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(open.json().unsuppressedFor).toBeNull();
    const openB = open.json().rows.find((r: { municipalityId: string }) => r.municipalityId === b.id);
    expect(openB.values).toEqual(bRow.values);
    expect(open.json().total.values).toEqual(forReporterA.total.values);
    // Returning B's report again is for the region's live view only.
    expect(
      (await as('admin')({ method: 'POST', url: reportUrl(b, '/return'), payload: { comment: 'Kontrollera.' } }))
        .statusCode,
    ).toBe(200);
    await as('admin')({ method: 'PUT', url: reportUrl(b, '/facts'), payload: { facts: factsFor(7, 3_000) } });
    expect((await as('admin')({ method: 'POST', url: reportUrl(b, '/submit') })).statusCode).toBe(200);
  });

  it('computes the key ratios on the server from the stored facts', async () => {
    const res = (await as('admin')({ method: 'GET', url: `/api/staffing/comparison?periodId=${periodId}` })).json();
    const row = res.rows.find((r: { municipalityId: string }) => r.municipalityId === a.id);
    const facts = factsFor(3);
    const sumOf = (measure: string) =>
      facts.filter((f) => f.measure === measure && f.profession !== 'context').reduce((s, f) => s + f.value, 0);
    expect(row.ratios.specialist_share).toBeCloseTo(sumOf('specialist_headcount') / sumOf('headcount'), 10);
    expect(row.ratios.employment_rate).toBeCloseTo(sumOf('worked_fte') / sumOf('headcount'), 10);
    expect(row.ratios.vacancy_rate).toBeCloseTo(sumOf('positions_vacant') / sumOf('positions_budgeted'), 10);
    expect(row.ratios.absence_rate).toBeCloseTo(sumOf('absence_fte') / sumOf('contracted_fte'), 10);
  });

  it('shows a change at once: the cached comparison follows every write', async () => {
    const url = `/api/staffing/comparison?periodId=${periodId}`;
    const ids = async () =>
      (await as('admin')({ method: 'GET', url })).json().rows.map((r: { municipalityId: string }) => r.municipalityId);
    expect(await ids()).toContain(b.id);
    expect(await ids()).toContain(b.id);
    await as('admin')({ method: 'POST', url: reportUrl(b, '/return'), payload: { comment: 'Kontrollera.' } });
    expect(await ids()).not.toContain(b.id);
  });

  it("a change to one period's reports leaves the other periods' cached statistics valid; configuration moves all", async () => {
    const created = await as('admin')({
      method: 'POST',
      url: '/api/staffing/periods',
      payload: { label: 'Cachetest 2027', referenceDate: '2027-11-01', deadline: '2027-12-15' },
    });
    const otherId = created.json().id;
    const deps = { db: t.db, cache: new ReadCache(0), minCount: 3 };
    const audience = { kind: 'public' as const };
    const keys = async () => ({
      first: await viewKey(deps, periodId, audience),
      other: await viewKey(deps, otherId, audience),
      everyPeriod: await viewKey(deps, periodId, audience, 'all'),
    });
    const before = await keys();
    const saved = await as('reporterA')({
      method: 'PUT',
      url: `/api/staffing/periods/${otherId}/reports/${a.id}/facts`,
      payload: { facts: factsFor(3) },
    });
    expect(saved.statusCode).toBe(200);
    const afterSave = await keys();
    expect(afterSave.first).toBe(before.first);
    expect(afterSave.other).not.toBe(before.other);
    // The profile's trend spans every period: its key follows a change in any of them.
    expect(afterSave.everyPeriod).not.toBe(before.everyPeriod);

    const [profession] = (await as('admin')({ method: 'GET', url: '/api/staffing/config' })).json().professions;
    await as('admin')({
      method: 'PATCH',
      url: `/api/staffing/config/professions/${profession.id}`,
      payload: { name: profession.name },
    });
    const afterConfig = await keys();
    expect(afterConfig.first).not.toBe(afterSave.first);
    expect(afterConfig.other).not.toBe(afterSave.other);
  });

  it("a change to one municipality's report changes its figures on the next request, the other's stay right; so does a configuration change", async () => {
    const created = await as('admin')({
      method: 'POST',
      url: '/api/staffing/periods',
      payload: { label: 'Invalidering 2028', referenceDate: '2028-11-01', deadline: '2028-12-15' },
    });
    const id = created.json().id as string;
    const url = (m: Organisation, suffix = '') => `/api/staffing/periods/${id}/reports/${m.id}${suffix}`;
    const enter = async (m: Organisation, facts: Fact[]) => {
      expect((await as('admin')({ method: 'PUT', url: url(m, '/facts'), payload: { facts } })).statusCode).toBe(200);
      expect((await as('admin')({ method: 'POST', url: url(m, '/submit') })).statusCode).toBe(200);
    };
    let factsA = factsFor(21);
    const factsB = factsFor(22, 5_000);
    await enter(a, factsA);
    await enter(b, factsB);
    const cfg = (await as('admin')({ method: 'GET', url: '/api/staffing/config' })).json();
    let licensed = new Set<string>(
      cfg.professions.filter((p: { licensed: boolean }) => p.licensed).map((p: { key: string }) => p.key),
    );
    const headcount = (facts: Fact[], only?: Set<string>) =>
      facts
        .filter((f) => f.measure === 'headcount' && f.profession !== 'context' && (!only || only.has(f.profession)))
        .reduce((s, f) => s + f.value, 0);
    const old = (facts: Fact[]) =>
      facts.find((f) => f.profession === 'context' && f.measure === 'inhabitants_80_plus')?.value ?? 0;
    const perThousand = (facts: Fact[]) => (headcount(facts, licensed) * 1000) / old(facts);
    type Row = { municipalityId: string; values: Record<string, number>; ratios: Record<string, number> };
    const comparison = async () => {
      const res = (
        await as('admin')({ method: 'GET', url: `/api/staffing/comparison?periodId=${id}&profession=all` })
      ).json();
      const row = (m: Organisation) => res.rows.find((r: Row) => r.municipalityId === m.id) as Row;
      return { a: row(a), b: row(b), total: res.total as Omit<Row, 'municipalityId'> };
    };
    // B's profile: its trend's point of this period holds B's ratios and the region's (which A's change moves).
    const trendPoint = async () => {
      const res = await as('admin')({
        method: 'GET',
        url: `/api/staffing/profile/${b.id}?periodId=${id}&profession=all`,
      });
      expect(res.statusCode).toBe(200);
      return res.json().trend.find((p: { periodId: string }) => p.periodId === id);
    };
    const check = async () => {
      const now = await comparison();
      expect(now.a.values.headcount).toBe(headcount(factsA));
      expect(now.b.values.headcount).toBe(headcount(factsB));
      expect(now.total.values.headcount).toBe(headcount(factsA) + headcount(factsB));
      expect(now.a.ratios.licensed_per_1000_80_plus).toBeCloseTo(perThousand(factsA), 10);
      expect(now.b.ratios.licensed_per_1000_80_plus).toBeCloseTo(perThousand(factsB), 10);
      const point = await trendPoint();
      expect(point.ratios.licensed_per_1000_80_plus).toBeCloseTo(perThousand(factsB), 10);
      expect(point.regionTotal.staff_per_100_enrolled).toBeCloseTo(
        now.total.ratios.staff_per_100_enrolled ?? Number.NaN,
        10,
      );
      expect(point.regionTotal.licensed_per_1000_80_plus).toBeCloseTo(
        ((headcount(factsA, licensed) + headcount(factsB, licensed)) * 1000) / (old(factsA) + old(factsB)),
        10,
      );
      return now;
    };
    const before = await check();
    // A's report returned, changed and submitted again: A's figures and the region's move, B's stay as they were.
    await as('admin')({ method: 'POST', url: url(a, '/return'), payload: { comment: 'Rätta.' } });
    factsA = factsFor(23, 40_000);
    await enter(a, factsA);
    const afterA = await check();
    expect(afterA.a.values.headcount).not.toBe(before.a.values.headcount);
    expect(afterA.b).toEqual(before.b);
    // A configuration change (a profession counted as licensed or not) moves what depends on it, and only that.
    const unlicensed = cfg.professions.find((p: { licensed: boolean }) => !p.licensed);
    const patch = (on: boolean) =>
      as('admin')({
        method: 'PATCH',
        url: `/api/staffing/config/professions/${unlicensed.id}`,
        payload: { licensed: on },
      });
    expect((await patch(true)).statusCode).toBe(200);
    licensed = new Set([...licensed, unlicensed.key]);
    const afterConfig = await check();
    expect(afterConfig.b.ratios.licensed_per_1000_80_plus).not.toBe(afterA.b.ratios.licensed_per_1000_80_plus);
    expect(afterConfig.b.values.headcount).toBe(afterA.b.values.headcount);
    expect((await patch(false)).statusCode).toBe(200);
    licensed.delete(unlicensed.key);
    expect((await check()).b).toEqual(afterA.b);
  });
});

describe('the audit log', () => {
  it('names the reports its events concern ("Test 2026 · Aby"), with labels the web takes from the manifest', async () => {
    const res = await as('admin')({
      method: 'GET',
      url: '/api/audit?entityType=staffing_report&action=staffing_report.submit',
    });
    expect(res.statusCode).toBe(200);
    const items: { entityId: string; entityName: string | null }[] = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    const ofA = items.find((i) => i.entityId === `${periodId}/${a.id}`);
    expect(ofA?.entityName).toBe('Test 2026 · Aby');
  });
});
