// Career paths as the roles meet them, on one app: the region versions its model (an old decision still shows the
// model as it was), bad input is refused with nothing changed (a cycle, an unknown cell value, an earlier decision
// date, a plan for another municipality's person, a review in the past, a done item without an owner), the checklist
// is adopted and followed in the regional view with small plan counts suppressed for others, staff by role comes from
// the staffing statistics, the employee reads their own plan, and the manager is reminded of a review once.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { buildMunicipality, buildRegion, buildUser, type Organisation } from '../../platform/server/factories.ts';
import { mailOutbox } from '../../platform/server/mail-outbox.table.ts';
import { swedishDate } from '../../platform/server/swedish-dates.ts';
import { buildPerson, buildUnit } from '../people/people.factories.ts';
import { buildReport } from '../staffing/staffing.factories.ts';
import { staffingFact } from '../staffing/staffing.table.ts';
import { careerDeps } from './career-paths.routes.ts';
import { careerModelVersion, careerPlan } from './career-paths.table.ts';
import { remindReviews } from './plans.service.ts';

let t: TestApp;
let a: Organisation;
let b: Organisation;
const cookies: Record<string, string> = {};
let unitA = '';
let personA = '';
let personB = '';
let managerAId = '';
const DAY = 86_400_000;
const date = (days: number) => swedishDate(new Date(Date.now() + days * DAY));

beforeAll(async () => {
  t = await createTestApp();
  await buildRegion(t.db);
  a = await buildMunicipality(t.db, { name: 'Aby' });
  b = await buildMunicipality(t.db, { name: 'Bro' });
  const users = {
    admin: await buildUser(t.db, { role: 'regional_admin' }),
    adminA: await buildUser(t.db, { role: 'municipal_admin', municipality: a }),
    managerA: await buildUser(t.db, { role: 'manager', municipality: a }),
    employeeA: await buildUser(t.db, { role: 'employee', municipality: a }),
    adminB: await buildUser(t.db, { role: 'municipal_admin', municipality: b }),
  };
  managerAId = users.managerA.id;
  let ip = 1;
  for (const [key, u] of Object.entries(users)) cookies[key] = await t.signIn(u, `10.18.1.${ip++}`);
  const { unit } = await buildUnit(t.db, { municipality: a, managers: [{ id: users.managerA.id }] });
  unitA = unit.id;
  personA = (await buildPerson(t.db, { unit, professionKey: 'vardbitrade', userId: users.employeeA.id })).person.id;
  personB = (await buildPerson(t.db, { municipality: b, professionKey: 'vardbitrade' })).person.id;
});
afterAll(() => t.close());

const as = (who: string) => t.as(cookies[who] ?? null);
const model = async () => (await as('admin')({ method: 'GET', url: '/api/career-paths/model' })).json();

describe('the model, versioned', () => {
  it('publishes versions with decision dates; an old version still shows the model as it was', async () => {
    const draft = await as('admin')({ method: 'POST', url: '/api/career-paths/model/draft' });
    expect(draft.statusCode, draft.body).toBe(201);
    const first = draft.json().model;
    expect(first.tasks.length).toBeGreaterThanOrEqual(30);
    first.roles[0].name = 'Servicebiträde';
    expect(
      (await as('admin')({ method: 'PUT', url: '/api/career-paths/model/draft', payload: { model: first } }))
        .statusCode,
    ).toBe(200);
    const published = await as('admin')({
      method: 'POST',
      url: '/api/career-paths/model/draft/publish',
      payload: { decisionDate: '2025-05-20', decisionNote: 'Socialchefsgruppen § 4' },
    });
    expect(published.statusCode, published.body).toBe(200);

    const second = (await as('admin')({ method: 'POST', url: '/api/career-paths/model/draft' })).json();
    second.model.roles[0].name = 'Biträde';
    second.model.tasks.push({ ...second.model.tasks[0], key: 'ny_uppgift', name: 'Ny uppgift' });
    await as('admin')({ method: 'PUT', url: '/api/career-paths/model/draft', payload: { model: second.model } });
    const early = await as('admin')({
      method: 'POST',
      url: '/api/career-paths/model/draft/publish',
      payload: { decisionDate: '2025-01-01' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].path).toBe('decisionDate');
    expect((await model()).current.version).toBe(1);
    await as('admin')({
      method: 'POST',
      url: '/api/career-paths/model/draft/publish',
      payload: { decisionDate: '2026-11-30' },
    });

    const overview = await model();
    expect(overview.current.version).toBe(2);
    expect(overview.current.model.roles[0].name).toBe('Biträde');
    expect(overview.versions.map((v: { decisionDate: string }) => v.decisionDate)).toEqual([
      '2026-11-30',
      '2025-05-20',
    ]);
    const old = (await as('employeeA')({ method: 'GET', url: '/api/career-paths/model/versions/1' })).json();
    expect(old.model.roles[0].name).toBe('Servicebiträde');
    expect(old.model.tasks.length).toBe(overview.current.model.tasks.length - 1);
    const oldMatrix = (await as('employeeA')({ method: 'GET', url: '/api/career-paths/matrix?version=1' })).json();
    expect(oldMatrix.model.tasks.some((x: { key: string }) => x.key === 'ny_uppgift')).toBe(false);
  });

  it('refuses a cycle in "leads to" and an unknown cell value, and keeps the draft as it was', async () => {
    const draft = (await as('admin')({ method: 'POST', url: '/api/career-paths/model/draft' })).json();
    const before = await t.db.select().from(careerModelVersion).where(eq(careerModelVersion.id, draft.id));
    const cyclic = {
      ...draft.model,
      ways: [...draft.model.ways, { from: 'specialistunderskoterska', to: 'vardbitrade', via: 'x' }],
    };
    const res = await as('admin')({ method: 'PUT', url: '/api/career-paths/model/draft', payload: { model: cyclic } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['model.ways']);
    expect(res.json().error.fields[0].message).toMatch(
      /cirkel: vardbitrade → underskoterska → specialistunderskoterska → vardbitrade/,
    );
    const badCell = structuredClone(draft.model);
    badCell.tasks[0].cells.bitrade.value = 'ibland';
    const bad = await as('admin')({ method: 'PUT', url: '/api/career-paths/model/draft', payload: { model: badCell } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ogiltigt värde i uppgiftsmatrisen');
    const after = await t.db.select().from(careerModelVersion).where(eq(careerModelVersion.id, draft.id));
    expect(after).toEqual(before);
    expect((await as('admin')({ method: 'DELETE', url: '/api/career-paths/model/draft' })).statusCode).toBe(200);
  });

  it('shows a municipality’s deviation against the region’s value and exports the matrix', async () => {
    const res = await as('adminA')({
      method: 'PUT',
      url: '/api/career-paths/matrix/deviations',
      payload: {
        municipalityId: a.id,
        taskKey: 'insulin',
        roleKey: 'underskoterska',
        value: 'does_not',
        note: 'Ej hos oss',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deviations).toEqual([
      { taskKey: 'insulin', roleKey: 'underskoterska', value: 'does_not', note: 'Ej hos oss' },
    ]);
    const same = await as('adminA')({
      method: 'PUT',
      url: '/api/career-paths/matrix/deviations',
      payload: { municipalityId: a.id, taskKey: 'insulin', roleKey: 'vardbitrade', value: 'does_not' },
    });
    expect(same.json().deviations).toHaveLength(1);
    const unknown = await as('adminA')({
      method: 'PUT',
      url: '/api/career-paths/matrix/deviations',
      payload: { municipalityId: a.id, taskKey: 'insulin', roleKey: 'underskoterska', value: 'maybe' },
    });
    expect(unknown.statusCode).toBe(400);
    const xlsx = await as('managerA')({ method: 'GET', url: '/api/career-paths/matrix/export?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await as('managerA')({ method: 'GET', url: '/api/career-paths/matrix/export?format=pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('implementation and the regional view', () => {
  it('adopts the template; an item cannot be done without an owner; the region sees the step', async () => {
    const adopted = await as('adminA')({ method: 'POST', url: `/api/career-paths/municipalities/${a.id}/adopt` });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const items = adopted.json().items as { id: string; step: string; owner: string }[];
    expect(items.length).toBe((await model()).current.model.checklist.length);
    const first = items[0] as { id: string };
    const url = `/api/career-paths/municipalities/${a.id}/items/${first.id}`;
    const noOwner = await as('adminA')({ method: 'PATCH', url, payload: { status: 'done' } });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().error.fields[0].path).toBe('owner');
    const unchanged = (await as('adminA')({ method: 'GET', url: `/api/career-paths/municipalities/${a.id}` })).json();
    expect(unchanged.items[0].status).toBe('todo');
    const done = await as('adminA')({
      method: 'PATCH',
      url,
      payload: { status: 'done', owner: 'Förvaltningschef', evidenceUrl: 'https://aby.example/beslut.pdf' },
    });
    expect(done.json().items[0]).toMatchObject({
      status: 'done',
      owner: 'Förvaltningschef',
      evidenceUrl: 'https://aby.example/beslut.pdf',
    });
    const progress = (await as('adminB')({ method: 'GET', url: '/api/career-paths/progress' })).json();
    const rowA = progress.rows.find((r: { municipalityId: string }) => r.municipalityId === a.id);
    expect(rowA).toMatchObject({ adopted: true, currentStep: 'plan' });
    expect(rowA.steps[0]).toEqual({ step: 'plan', done: 1, total: items.filter((i) => i.step === 'plan').length });
    expect(progress.rows.find((r: { municipalityId: string }) => r.municipalityId === b.id).currentStep).toBeNull();
  });
});

describe('development plans', () => {
  it('refuses a person of another municipality and a review in the past, with nothing made', async () => {
    const base = {
      currentRoleKey: 'vardbitrade',
      targetRoleKey: 'underskoterska',
      bennerStage: 'advanced_beginner',
      fundingSource: 'aldreomsorgslyftet',
      targetYear: 2027,
    };
    const other = await as('managerA')({
      method: 'POST',
      url: '/api/career-paths/plans',
      payload: { ...base, personId: personB, nextReview: date(20) },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields[0]).toEqual({
      path: 'personId',
      message: 'Personen finns inte i er kommuns personalregister.',
    });
    const past = await as('managerA')({
      method: 'POST',
      url: '/api/career-paths/plans',
      payload: { ...base, personId: personA, nextReview: date(-1) },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].path).toBe('nextReview');
    expect((await t.db.select({ n: count() }).from(careerPlan))[0]?.n).toBe(0);

    const made = await as('managerA')({
      method: 'POST',
      url: '/api/career-paths/plans',
      payload: { ...base, personId: personA, nextReview: date(5) },
    });
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json();
    const withEd = await as('managerA')({
      method: 'POST',
      url: `/api/career-paths/plans/${plan.id}/educations`,
      payload: {
        kind: 'other',
        title: 'Yrkespaket undersköterska',
        status: 'planned',
        year: 2027,
        cost: 40000,
        funded: 30000,
      },
    });
    expect(withEd.statusCode, withEd.body).toBe(201);

    // The employee sees their own plan; B's admin does not find it.
    const mine = (await as('employeeA')({ method: 'GET', url: '/api/career-paths/my-plan' })).json();
    expect(mine.plan).toMatchObject({ id: plan.id, targetRoleKey: 'underskoterska', canManage: false });
    expect(mine.plan.educations[0]).toMatchObject({ title: 'Yrkespaket undersköterska', status: 'planned' });
    expect((await as('adminB')({ method: 'GET', url: `/api/career-paths/plans/${plan.id}` })).statusCode).toBe(404);

    // The region sees A's single plan as a suppressed count; A sees its own figure.
    const cellFor = async (who: string) =>
      (await as(who)({ method: 'GET', url: '/api/career-paths/progress' }))
        .json()
        .rows.find((r: { municipalityId: string }) => r.municipalityId === a.id);
    expect((await cellFor('adminB')).plansByTarget.underskoterska).toBe('..');
    expect((await cellFor('adminB')).plansTotal).toBe('..');
    expect((await cellFor('admin')).plansByTarget.underskoterska).toBe('..');
    expect((await cellFor('adminA')).plansByTarget.underskoterska).toBe(1);

    // The cost calculation takes the plan's move and education.
    await as('adminA')({
      method: 'PUT',
      url: `/api/career-paths/municipalities/${a.id}/budget`,
      payload: {
        startYear: 2027,
        years: 2,
        monthlySalary: { vardbitrade: 27000, underskoterska: 30000 },
        onCostPercent: 40,
      },
    });
    const budget = (
      await as('managerA')({ method: 'GET', url: `/api/career-paths/municipalities/${a.id}/budget` })
    ).json();
    expect(budget.years).toEqual([
      { year: 2027, moves: 1, salaryEffect: 50400, educationCost: 40000, funding: 30000, net: 60400 },
      { year: 2028, moves: 0, salaryEffect: 50400, educationCost: 0, funding: 0, net: 50400 },
    ]);

    // The manager is reminded once of the review within 14 days, and sees it among the start page's tasks.
    const deps = careerDeps({ database: t.database, readCache: t.app.deps.readCache, config: t.config });
    const before = (await t.db.select({ n: count() }).from(mailOutbox))[0]?.n ?? 0;
    expect(await remindReviews(deps, new Date())).toBe(1);
    expect(await remindReviews(deps, new Date())).toBe(0);
    expect((await t.db.select({ n: count() }).from(mailOutbox))[0]?.n).toBe(before + 1);
    const tasks = (await as('managerA')({ method: 'GET', url: '/api/me/tasks' })).json();
    expect(JSON.stringify(tasks)).toContain('Utvecklingsplaner att följa upp inom 14 dagar: 1');
  });
});

describe('education linked to occasions of the activities core', () => {
  it('links an occasion A’s staff can attend; an unknown one or another network’s is refused, nothing added', async () => {
    const plans = (await as('managerA')({ method: 'GET', url: '/api/career-paths/plans' })).json().plans;
    const planId = plans.find((p: { person: { id: string } }) => p.person.id === personA).id as string;
    const educations = async () =>
      (await as('managerA')({ method: 'GET', url: `/api/career-paths/plans/${planId}` })).json().educations as {
        kind: string;
        title: string;
        year: number | null;
        occasion: { id: string; startsAt: string; place: string | null; participation: string | null } | null;
      }[];
    const before = (await educations()).length;
    // The region's open occasion, and one of a network no one of A belongs to.
    const network = await as('admin')({
      method: 'POST',
      url: '/api/networks',
      payload: { name: 'Demensnätverket (test)', kind: 'network' },
    });
    expect(network.statusCode, network.body).toBe(201);
    const occasion = async (title: string, networkId: string | null, startsAt: string) => {
      const made = await as('admin')({
        method: 'POST',
        url: '/api/activities',
        payload: { title, kind: 'course', networkId },
      });
      expect(made.statusCode, made.body).toBe(201);
      const o = await as('admin')({
        method: 'POST',
        url: `/api/activities/${made.json().id}/occasions`,
        payload: {
          startsAt: `${startsAt}T09:00`,
          endsAt: `${startsAt}T15:00`,
          registrationDeadline: `${startsAt}T08:00`,
          place: 'Skövde, Kulturhuset',
          capacity: 30,
        },
      });
      expect(o.statusCode, o.body).toBe(201);
      return o.json().occasion.id as string;
    };
    const open = await occasion('Demens i praktiken (test)', null, date(40));
    const ofNetwork = await occasion('Demens för nätverket (test)', network.json().id, date(41));

    const choices = async () =>
      (await as('managerA')({ method: 'GET', url: '/api/career-paths/occasion-choices?q=demens' }))
        .json()
        .occasions.map((o: { id: string }) => o.id);
    expect(await choices()).toEqual([open]);

    const add = (refId: string) =>
      as('managerA')({
        method: 'POST',
        url: `/api/career-paths/plans/${planId}/educations`,
        payload: { kind: 'occasion', refId, status: 'planned' },
      });
    for (const refId of ['00000000-0000-4000-8000-000000000000', ofNetwork]) {
      const refused = await add(refId);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields[0]).toEqual({
        path: 'refId',
        message: 'Tillfället finns inte, eller är inte öppet för er kommuns personal.',
      });
    }
    const noRef = await as('managerA')({
      method: 'POST',
      url: `/api/career-paths/plans/${planId}/educations`,
      payload: { kind: 'occasion', status: 'planned' },
    });
    expect(noRef.statusCode).toBe(400);
    expect(await educations()).toHaveLength(before);

    const added = await add(open);
    expect(added.statusCode, added.body).toBe(201);
    const linked = (await educations()).find((e) => e.kind === 'occasion');
    expect(linked).toMatchObject({
      title: 'Demens i praktiken (test)',
      year: Number(date(40).slice(0, 4)),
      occasion: { id: open, place: 'Skövde, Kulturhuset', participation: null },
    });
    expect(linked?.occasion?.startsAt.slice(0, 10)).toBe(date(40));
    // The employee sees the occasion in their own plan.
    const mine = (await as('employeeA')({ method: 'GET', url: '/api/career-paths/my-plan' })).json();
    expect(mine.plan.educations.find((e: { kind: string }) => e.kind === 'occasion').occasion.id).toBe(open);

    // Once someone of A is a member of the network, its occasion is A's to plan for.
    const member = await as('admin')({
      method: 'PUT',
      url: `/api/networks/${network.json().id}/members/${managerAId}`,
    });
    expect(member.statusCode, member.body).toBe(200);
    expect((await choices()).sort()).toEqual([open, ofNetwork].sort());
    expect((await add(ofNetwork)).statusCode).toBe(201);
  });
});

describe('roles the development plans use', () => {
  it('a draft without a role that plans name is refused with the role named, and nothing is saved', async () => {
    const draft = (await as('admin')({ method: 'POST', url: '/api/career-paths/model/draft' })).json();
    const without = structuredClone(draft.model);
    // A's plan goes from vårdbiträde to undersköterska; removing undersköterska with its ways and column.
    without.roles = without.roles.filter((r: { key: string }) => r.key !== 'underskoterska');
    without.ways = without.ways.filter(
      (w: { from: string; to: string }) => w.from !== 'underskoterska' && w.to !== 'underskoterska',
    );
    for (const task of without.tasks) delete task.cells.underskoterska;
    const res = await as('admin')({ method: 'PUT', url: '/api/career-paths/model/draft', payload: { model: without } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      {
        path: 'model.roles',
        message:
          'Rollen underskoterska används i kommunernas utvecklingsplaner (som nuvarande roll eller mål) och kan inte tas bort. Behåll rollen, eller be kommunerna ändra planerna först.',
      },
    ]);
    const kept = (
      await as('admin')({ method: 'GET', url: `/api/career-paths/model/versions/${draft.version}` })
    ).json();
    expect(kept.model.roles.some((r: { key: string }) => r.key === 'underskoterska')).toBe(true);
    // A role no plan uses can go (with its ways and column), and the draft is saved.
    const fewer = structuredClone(draft.model);
    fewer.roles = fewer.roles.filter((r: { key: string }) => r.key !== 'bitrade');
    fewer.ways = fewer.ways.filter((w: { from: string; to: string }) => w.from !== 'bitrade' && w.to !== 'bitrade');
    for (const task of fewer.tasks) delete task.cells.bitrade;
    const saved = await as('admin')({ method: 'PUT', url: '/api/career-paths/model/draft', payload: { model: fewer } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().model.roles.some((r: { key: string }) => r.key === 'bitrade')).toBe(false);
    expect((await as('admin')({ method: 'DELETE', url: '/api/career-paths/model/draft' })).statusCode).toBe(200);
  });
});

describe('staff by role', () => {
  it('reads headcount per role from submitted reports; others see small counts suppressed', async () => {
    const { period } = await buildReport(t.db, { municipality: a, status: 'submitted' });
    await buildReport(t.db, { municipality: b, status: 'draft', period });
    await t.db.insert(staffingFact).values([
      { periodId: period.id, municipalityId: a.id, profession: 'vardbitrade', measure: 'headcount', value: 12 },
      { periodId: period.id, municipalityId: a.id, profession: 'bitrade', measure: 'headcount', value: 2 },
      { periodId: period.id, municipalityId: b.id, profession: 'vardbitrade', measure: 'headcount', value: 30 },
    ]);
    const asB = (await as('adminB')({ method: 'GET', url: '/api/career-paths/staff' })).json();
    const rowA = asB.rows.find((r: { municipalityId: string }) => r.municipalityId === a.id);
    expect(rowA.values.vardbitrade.at(-1)).toBe(12);
    expect(rowA.values.bitrade.at(-1)).toBe('..');
    // B's draft is not counted.
    expect(
      asB.rows.find((r: { municipalityId: string }) => r.municipalityId === b.id).values.vardbitrade.at(-1),
    ).toBeNull();
    const asA = (await as('adminA')({ method: 'GET', url: `/api/career-paths/staff?municipalityId=${a.id}` })).json();
    expect(asA.rows).toHaveLength(1);
    expect(asA.rows[0].values.bitrade.at(-1)).toBe(2);
    expect(unitA).not.toBe('');
  });
});
